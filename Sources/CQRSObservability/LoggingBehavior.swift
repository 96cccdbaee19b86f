import CQRS
import Logging

/// Logs every operation it applies to as it ends, through swift-log: its name, kind and category, the request
/// context's caller and ids, how long it took, and a failure's code. Successes at `successLevel` (debug by default),
/// business failures at `notice`, failures of the infrastructure (`unavailable`) at `error`.
public struct LoggingBehavior<Category: RegistryCategory>: OperationBehavior {
    public let logger: Logger
    public let successLevel: Logger.Level

    public init(logger: Logger, successLevel: Logger.Level = .debug) {
        self.logger = logger
        self.successLevel = successLevel
    }

    public func handle<Operation: Sendable, Output: Sendable>(
        _ operation: Operation, _ descriptor: OperationDescriptor<Category>, context: OperationContext,
        next: @Sendable () async -> Result<Output, OperationError>
    ) async throws -> Result<Output, OperationError> {
        let start = ContinuousClock.now
        let result = await next()
        let elapsed = ContinuousClock.now - start
        var metadata: Logger.Metadata = [
            "operation": .string(descriptor.name), "kind": .string(descriptor.kind.rawValue),
            "category": .string(descriptor.category.rawValue), "correlation_id": .string(context.correlationId),
            "duration_ms": .stringConvertible(
                Double(elapsed.components.seconds) * 1_000 + Double(elapsed.components.attoseconds) / 1e15),
        ]
        if let caller = context.caller { metadata["caller"] = .string(caller) }
        if let causation = context.causationId { metadata["causation_id"] = .string(causation) }
        switch result {
        case .success:
            logger.log(level: successLevel, "\(descriptor.name) succeeded", metadata: metadata)
        case .failure(let error):
            metadata["error_code"] = .string(error.code)
            logger.log(
                level: error.code == OperationError.unavailableCode ? .error : .notice,
                "\(descriptor.name) failed: \(error.code)", metadata: metadata)
        }
        return result
    }
}
