/// The category enumeration an application generates from its spec's `categories`.
public protocol RegistryCategory: RawRepresentable, CaseIterable, Hashable, Sendable where RawValue == String {}

/// Everything the spec says about one command.
///
/// A class, not a struct: every dispatch reads its command's metadata, and a reference is passed with one retain where
/// a struct of this size was copied field by field, a retain for each of its strings and arrays.
public final class CommandMetadata<Category: RegistryCategory>: Sendable {
    public let commandType: any Command.Type
    public let handlerType: Any.Type
    public let category: Category
    /// The success value's type; nil when the command returns no value.
    public let resultType: Any.Type?
    /// The success value's type as the spec writes it.
    public let resultTypeName: String?
    /// Whether the result is one of the spec's declared types (a DTO).
    public let hasResultDTO: Bool
    public let emitsEvents: Bool
    public let requiresTransaction: Bool
    /// The domain events the command publishes.
    public let events: [String]
    public let description: String
    public let location: SpecLocation
    /// The command's type name, computed once: dispatch reads it on every run.
    public let name: String
    public let handlerName: String

    public init(
        commandType: any Command.Type, handlerType: Any.Type, category: Category, resultType: Any.Type?,
        resultTypeName: String?, hasResultDTO: Bool, emitsEvents: Bool, requiresTransaction: Bool, events: [String],
        description: String, location: SpecLocation
    ) {
        self.commandType = commandType
        self.handlerType = handlerType
        self.category = category
        self.resultType = resultType
        self.resultTypeName = resultTypeName
        self.hasResultDTO = hasResultDTO
        self.emitsEvents = emitsEvents
        self.requiresTransaction = requiresTransaction
        self.events = events
        self.description = description
        self.location = location
        name = String(describing: commandType)
        handlerName = String(describing: handlerType)
    }
}

/// Everything the spec says about one query. A class for the reason ``CommandMetadata`` is one.
public final class QueryMetadata<Category: RegistryCategory>: Sendable {
    public let queryType: any Query.Type
    public let handlerType: Any.Type
    public let category: Category
    public let resultType: Any.Type
    public let resultTypeName: String
    /// How the query is paginated; nil when it reads no pages.
    public let pagination: PaginationMetadata?
    public let cachePolicy: CachePolicy
    public let description: String
    public let location: SpecLocation
    /// The query's type name, computed once: dispatch reads it on every run.
    public let name: String
    public let handlerName: String

    public init(
        queryType: any Query.Type, handlerType: Any.Type, category: Category, resultType: Any.Type,
        resultTypeName: String, pagination: PaginationMetadata?, cachePolicy: CachePolicy, description: String, location: SpecLocation
    ) {
        self.queryType = queryType
        self.handlerType = handlerType
        self.category = category
        self.resultType = resultType
        self.resultTypeName = resultTypeName
        self.pagination = pagination
        self.cachePolicy = cachePolicy
        self.description = description
        self.location = location
        name = String(describing: queryType)
        handlerName = String(describing: handlerType)
    }

    /// Whether the query reads one page at a time.
    public var isPaginated: Bool { pagination != nil }
}
