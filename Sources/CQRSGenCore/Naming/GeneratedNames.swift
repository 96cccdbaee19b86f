/// Every name the generated code declares at module scope, and every name it uses unqualified from the CQRS runtime,
/// the standard library and Foundation: the renderers spell the generated ones from here, and
/// ``ReservedTypeNameRule`` refuses a spec name that is any of them, at its line, before the compiler would fail.
public enum GeneratedNames {
    public static let handlerFactory = "HandlerFactory"
    public static let handlerOverrides = "HandlerOverrides"
    public static let requestDependencies = "RequestDependencies"
    public static let appDependencies = "AppDependencies"
    public static let operationCategory = "OperationCategory"
    public static let domainEventName = "DomainEventName"
    public static let operationErrorCode = "OperationErrorCode"
    public static let domainEvent = "DomainEvent"
    public static let operationRegistry = "OperationRegistry"
    public static let dispatchableCommand = "DispatchableCommand"
    public static let dispatchableQuery = "DispatchableQuery"
    public static let operationRoutes = "OperationRoutes"
    public static let operationRouteRunner = "OperationRouteRunner"
    /// What runs the operations a handler lists under `runs`; the application implements it.
    public static let operationStepRunner = "OperationStepRunner"

    /// What the generated code declares whatever the spec holds.
    public static let declared = [
        handlerFactory, handlerOverrides, requestDependencies, appDependencies, operationCategory, domainEventName,
        domainEvent, operationRegistry, dispatchableCommand, dispatchableQuery, operationRoutes, operationRouteRunner,
        operationStepRunner, operationErrorCode,
    ]

    /// The protocol the handler of `operation` conforms to: a name the generated code declares for each operation.
    public static func handlerProtocol(of operation: String) -> String { operation + "Handling" }

    /// The events a command may publish, as the value its handler publishes them through: a name the generated code
    /// declares for each command that lists events, when the spec declares its events.
    public static func eventSink(of command: String) -> String { command + "Events" }

    /// The operations an operation's handler may run, as the value it runs them through: a name the generated code
    /// declares for each operation whose spec entry has `runs`.
    public static func steps(of operation: String) -> String { operation + "Steps" }

    /// Members a generated event declares beside its payload fields: a field with one of these names would collide.
    public static let eventMembers = ["eventName", "eventMetadata", "metadata"]

    /// The public declarations of the CQRS runtime, which generated code uses unqualified (a test keeps this list
    /// equal to the module's declarations).
    public static let runtime = [
        "CachePolicy", "Command", "CommandHandler", "CommandMetadata", "DeclaredEvent", "DispatchClock",
        "DomainEventMetadata", "EventEnvelope", "EventJournal", "EventPublisher", "EventRecorder", "FieldValidator",
        "HTTPAuthDecision", "HTTPAuthPolicy", "HTTPBindingError",
        "HTTPBodyErrors", "HTTPBodyMembers", "HTTPCaller", "HTTPDeprecation", "HTTPFieldReader", "HTTPMethod",
        "HTTPParameter", "HTTPProblemCode", "HTTPRateLimit", "HTTPRequestValues", "HTTPRoutable", "HTTPRoute",
        "HTTPRouteRegistrar", "HTTPRouteSelection",
        "NamedEvent", "NoUnitOfWork", "OperationBehavior", "OperationContext", "OperationDescriptor",
        "OperationDispatcher", "OperationError", "PageRequest", "PaginatedQuery", "PaginationMetadata",
        "PaginationRole", "PaginationStyle", "Query", "QueryHandler", "QueryMetadata", "QueryResultKey",
        "QueryResultStore", "RateLimitDecision", "RateLimitPolicy", "Registry", "RegistryCategory", "RequestRateLimiter",
        "RegistryStatistics", "SlidingWindowRateLimiter",
        "SpecLocation", "UnitOfWork", "VersionedStore", "WriteVersion",
    ]

    /// Standard library and Foundation names generated code uses unqualified, and the modules it imports: a spec type
    /// with one of these names would hide it from every generated file.
    public static let standardLibrary = [
        "Array", "CaseIterable", "Codable", "CodingKey", "CQRS", "Decodable", "Decoder", "Dictionary", "Encodable",
        "Encoder", "Equatable", "Error", "Foundation", "Hashable", "Never", "Optional", "RawRepresentable", "Result", "Sendable", "Swift", "Void",
    ]

    /// Every name a spec's type, operation, dependency or handler may not take.
    public static let reserved: Set<String> = Set(declared + runtime + standardLibrary)

    /// Members generated operation types declare beside their fields: a field with one of these names would collide.
    public static let operationMembers = ["pageRequest", "metadata", "httpRoute"]
}
