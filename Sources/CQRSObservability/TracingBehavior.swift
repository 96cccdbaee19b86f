import CQRS
import Tracing

/// Runs every operation it applies to in a span of swift-distributed-tracing, named `<category>.<operation>`
/// (`notes.AddNote`), with the kind, the request's ids and caller as attributes; a failure sets the span's status
/// to error with the failure's code. Spans the handler starts are its children.
public struct TracingBehavior<Category: RegistryCategory>: OperationBehavior {
    public let tracer: any Tracer

    /// `tracer`: the one `InstrumentationSystem` was bootstrapped with by default.
    public init(tracer: any Tracer = InstrumentationSystem.tracer) {
        self.tracer = tracer
    }

    public func handle<Operation: Sendable, Output: Sendable>(
        _ operation: Operation, _ descriptor: OperationDescriptor<Category>, context: OperationContext,
        next: @Sendable () async -> Result<Output, OperationError>
    ) async throws -> Result<Output, OperationError> {
        let span = tracer.startSpan("\(descriptor.category.rawValue).\(descriptor.name)")
        defer { span.end() }
        span.attributes["cqrs.operation"] = descriptor.name
        span.attributes["cqrs.category"] = descriptor.category.rawValue
        span.attributes["cqrs.kind"] = descriptor.kind.rawValue
        span.attributes["cqrs.correlation_id"] = context.correlationId
        if let causation = context.causationId { span.attributes["cqrs.causation_id"] = causation }
        if let caller = context.caller { span.attributes["cqrs.caller"] = caller }
        let result = await ServiceContext.$current.withValue(span.context) { await next() }
        if case .failure(let error) = result {
            span.attributes["cqrs.error_code"] = error.code
            span.setStatus(SpanStatus(code: .error, message: error.code))
        }
        return result
    }
}
