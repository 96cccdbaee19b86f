import CQRS
import CQRSObservability
import CQRSTesting
import InMemoryTracing
import Logging
import MetricsTestKit
import Synchronization
import Testing
import Tracing

enum Shop: String, RegistryCategory {
    case orders
}

struct OrderEvent: NamedEvent {
    var eventName: String
}

struct PlaceOrder: Command {
    typealias Output = Int
    var item: String
}

let placeOrder = CommandMetadata<Shop>(
    commandType: PlaceOrder.self, handlerType: PlaceOrder.self, category: .orders, resultType: Int.self,
    resultTypeName: "Int", hasResultDTO: false, emitsEvents: false, requiresTransaction: true, events: [],
    description: "Place an order.", location: SpecLocation(file: "spec.yaml", line: 3, column: 3))

let context = OperationContext(caller: "ada", correlationId: "req-9", causationId: "cart-2")

/// Keeps every log record, for the test to read.
final class RecordedLogs: Sendable {
    struct Record: Sendable {
        var level: Logger.Level
        var message: String
        var metadata: Logger.Metadata
    }

    let records = Mutex<[Record]>([])

    var logger: Logger {
        Logger(label: "test") { _ in Handler(logs: self) }
    }

    struct Handler: LogHandler {
        let logs: RecordedLogs
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            logs.records.withLock { $0.append(Record(level: event.level, message: "\(event.message)", metadata: event.metadata ?? [:])) }
        }
    }
}

/// The behaviours that ship in CQRSObservability, each against its API's test double.
@Suite("Observability behaviours")
struct ObservabilityTests {
    func run(_ behavior: any OperationBehavior<Shop>, result: Result<Int, OperationError>) async -> Result<Int, OperationError> {
        let dispatcher = OperationDispatcher<Shop, OrderEvent>(behaviors: [behavior], publisher: RecordingEventPublisher())
        return await dispatcher.run(PlaceOrder(item: "tea"), metadata: placeOrder, context: context, unitOfWork: InMemoryUnitOfWork()) { _ in
            result
        }
    }

    @Test("logging: one record per operation, with its name, category, ids and outcome; infrastructure failures as errors")
    func logging() async throws {
        let logs = RecordedLogs()
        let behavior = LoggingBehavior<Shop>(logger: logs.logger)
        _ = await run(behavior, result: .success(1))
        _ = await run(behavior, result: .failure(OperationError(code: "out_of_stock", message: "None left.")))
        _ = await run(behavior, result: .failure(.unavailable(InMemoryUnitOfWork.CommitFailed())))
        let records = logs.records.withLock { $0 }
        #expect(records.map(\.level) == [.debug, .notice, .error])
        #expect(records.map(\.message) == ["PlaceOrder succeeded", "PlaceOrder failed: out_of_stock", "PlaceOrder failed: unavailable"])
        let first = try #require(records.first?.metadata)
        #expect(first["operation"] == "PlaceOrder")
        #expect(first["category"] == "orders")
        #expect(first["kind"] == "command")
        #expect(first["correlation_id"] == "req-9")
        #expect(first["causation_id"] == "cart-2")
        #expect(first["caller"] == "ada")
        #expect(first["duration_ms"] != nil)
        #expect(records[1].metadata["error_code"] == "out_of_stock")
    }

    @Test("metrics: operations counted by outcome, failures by code, durations timed, per operation and category")
    func metrics() async throws {
        let metrics = TestMetrics()
        let behavior = MetricsBehavior<Shop>(factory: metrics)
        _ = await run(behavior, result: .success(1))
        _ = await run(behavior, result: .success(2))
        _ = await run(behavior, result: .failure(OperationError(code: "out_of_stock", message: "None left.")))
        let dimensions = [("operation", "PlaceOrder"), ("category", "orders")]
        #expect(metrics.counterTotal(label: "cqrs_operations_total", dimensions: dimensions + [("kind", "command"), ("outcome", "success")]) == 2)
        #expect(metrics.counterTotal(label: "cqrs_operations_total", dimensions: dimensions + [("kind", "command"), ("outcome", "failure")]) == 1)
        #expect(metrics.counterTotal(label: "cqrs_operation_failures_total", dimensions: dimensions + [("code", "out_of_stock")]) == 1)
        #expect(try metrics.expectTimer("cqrs_operation_duration", dimensions).values.count == 3)
    }

    @Test("tracing: a span named category.operation with the request's ids; a failure's status is error")
    func tracing() async throws {
        let tracer = InMemoryTracer()
        let behavior = TracingBehavior<Shop>(tracer: tracer)
        _ = await run(behavior, result: .success(1))
        _ = await run(behavior, result: .failure(OperationError(code: "out_of_stock", message: "None left.")))
        let spans = tracer.finishedSpans
        #expect(spans.map(\.operationName) == ["orders.PlaceOrder", "orders.PlaceOrder"])
        #expect(spans[0].attributes["cqrs.correlation_id"]?.toSpanAttribute() == "req-9")
        #expect(spans[0].attributes["cqrs.caller"]?.toSpanAttribute() == "ada")
        #expect(spans[0].status == nil)
        #expect(spans[1].status?.code == .error)
        #expect(spans[1].attributes["cqrs.error_code"]?.toSpanAttribute() == "out_of_stock")
    }
}
