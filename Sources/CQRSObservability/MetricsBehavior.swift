import CQRS
import CoreMetrics

/// Counts and times every operation it applies to, through swift-metrics, by operation and category:
/// `<prefix>_operations_total` (with the outcome, `success` or `failure`), `<prefix>_operation_failures_total` (with
/// the failure's code) and `<prefix>_operation_duration` (a timer).
public struct MetricsBehavior<Category: RegistryCategory>: OperationBehavior {
    public let factory: any MetricsFactory
    public let prefix: String

    /// `factory`: the metrics backend; the one `MetricsSystem` was bootstrapped with by default.
    public init(factory: any MetricsFactory = MetricsSystem.factory, prefix: String = "cqrs") {
        self.factory = factory
        self.prefix = prefix
    }

    public func handle<Operation: Sendable, Output: Sendable>(
        _ operation: Operation, _ descriptor: OperationDescriptor<Category>, context: OperationContext,
        next: @Sendable () async -> Result<Output, OperationError>
    ) async throws -> Result<Output, OperationError> {
        let start = ContinuousClock.now
        let result = await next()
        let elapsed = ContinuousClock.now - start
        let dimensions = [("operation", descriptor.name), ("category", descriptor.category.rawValue)]
        Timer(label: "\(prefix)_operation_duration", dimensions: dimensions, factory: factory).recordNanoseconds(
            elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000)
        let outcome: String
        switch result {
        case .success:
            outcome = "success"
        case .failure(let error):
            outcome = "failure"
            Counter(label: "\(prefix)_operation_failures_total", dimensions: dimensions + [("code", error.code)], factory: factory)
                .increment()
        }
        Counter(
            label: "\(prefix)_operations_total",
            dimensions: dimensions + [("kind", descriptor.kind.rawValue), ("outcome", outcome)], factory: factory
        ).increment()
        return result
    }
}
