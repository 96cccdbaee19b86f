/// Choices that shape the generated code without changing what it means.
public struct GeneratorOptions: Hashable, Sendable {
    public enum AccessLevel: String, Hashable, Sendable, CaseIterable {
        case `internal`
        case `package`
        case `public`

        /// The keyword and a space, or nothing for `internal`, which Swift assumes.
        var prefix: String { self == .internal ? "" : rawValue + " " }
    }

    /// How generated declarations are exposed: `internal` when the code is compiled into the application's own
    /// target, as the build plugin does.
    public var accessLevel: AccessLevel
    /// How provenance comments and `#sourceLocation` name the spec: a path relative to the package root, so that
    /// the output is the same on every machine and compiler errors lead to the spec.
    public var specPath: String
    /// Whether `OPERATIONS.md` is written with the Swift files: yes for `Generated/`, no for the build plugin, which
    /// compiles what it generates.
    public var writesCatalogue: Bool
    /// The largest page a paginated query may ask for, written into each paginated query's metadata.
    public var maximumPageSize: Int
    /// How a field is named in query strings and JSON bodies when its binding does not name it.
    public var wireNames: WireNames
    /// The API's name and version, in the OpenAPI document.
    public var apiInfo: APIInfo
    /// How many files each of the contract's sharded files is split into: 1 keeps one file of each kind; more put
    /// each operation's, type's, event's and route's declarations in the shard its name hashes to, so that editing
    /// one recompiles one shard of each file, not every declaration of its kind.
    public var outputShards: Int

    /// What the OpenAPI document's `info` says.
    public struct APIInfo: Hashable, Sendable {
        public var title: String
        public var version: String

        public init(title: String = "API", version: String = "1.0.0") {
            self.title = title
            self.version = version
        }
    }

    /// How a field's name is spelled on the wire.
    public enum WireNames: String, Hashable, Sendable, CaseIterable {
        /// As in Swift: `accountId`.
        case camelCase
        /// As in Dashtam's API and much of the web: `account_id`.
        case snakeCase = "snake_case"

        public func wireName(of field: String) -> String {
            switch self {
            case .camelCase: return field
            case .snakeCase: return SwiftIdentifier.snakeCased(field)
            }
        }
    }

    public init(
        accessLevel: AccessLevel = .internal, specPath: String = "spec/operations.yaml", writesCatalogue: Bool = true,
        maximumPageSize: Int = GeneratorConfiguration.defaultMaximumPageSize, wireNames: WireNames = .camelCase,
        apiInfo: APIInfo = APIInfo(), outputShards: Int = 1
    ) {
        self.outputShards = outputShards
        self.wireNames = wireNames
        self.apiInfo = apiInfo
        self.accessLevel = accessLevel
        self.specPath = specPath
        self.writesCatalogue = writesCatalogue
        self.maximumPageSize = maximumPageSize
    }
}

/// What every generated file shares: the spec, its index, the options, and how to mark provenance.
struct GenerationContext: Sendable {
    let spec: Spec
    let index: SpecIndex
    let options: GeneratorOptions
    /// The part of the file being written: whole, unless `outputShards` splits it.
    var part: OutputPart = .whole
    /// The name of the file being written, without its shard's number.
    var fileName = ""
    /// The items of each shard, split once for every part.
    let partition: ShardPartition
    /// What several parts look up across the whole spec, built once rather than in each part that needs it.
    let lookups: Lookups

    struct Lookups: Sendable {
        /// Each operation by name, when some operation runs others.
        let operations: [String: OperationSpec]
        /// Each declared event by name.
        let events: [String: EventSpec]
        /// The operations whose route others share: each is chosen by its `when`, or answers otherwise.
        let sharingARoute: Set<String>

        init(_ spec: Spec, _ index: SpecIndex) {
            operations = spec.composesOperations
                ? Dictionary(index.operations.lazy.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first }) : [:]
            events = spec.declaresEvents
                ? Dictionary(spec.events.lazy.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first }) : [:]
            sharingARoute = Set(
                HTTPBindingSpec.routeGroups(of: index.operations).lazy.filter { $0.count > 1 }.flatMap { $0.map(\.operation.name) })
        }
    }

    init(spec: Spec, index: SpecIndex, options: GeneratorOptions) {
        self.spec = spec
        self.index = index
        self.options = options
        partition = ShardPartition(spec, count: options.outputShards)
        lookups = Lookups(spec, index)
    }

    var access: String { options.accessLevel.prefix }

    /// `// spec/operations.yaml:42`: where a declaration comes from, for reviewers and for people reading errors.
    func provenance(_ location: SourceLocation) -> String {
        "// \(options.specPath):\(location.line)"
    }

    /// `// spec/operations.yaml:69: dependencies: [A, B]`: the spec's own line, written just above a
    /// `#sourceLocation`, so that the compiler's excerpt under an error there shows what the spec says.
    func quotedLine(_ location: SourceLocation) -> String? {
        spec.sourceLines[location.line].map { "// \(options.specPath):\(location.line): \($0)" }
    }

    /// Makes the compiler attribute the next line to the spec, so that an error there (a missing handler, an
    /// initialiser that does not match) is reported at the spec entry that caused it.
    func sourceLocation(_ location: SourceLocation) -> String {
        "#sourceLocation(file: \(SwiftLiteral.string(options.specPath)), line: \(location.line))"
    }

    func header(_ purpose: String, into writer: inout SwiftWriter) {
        writer.line("// Generated by cqrs-gen from \(options.specPath): \(purpose)")
        switch part {
        case .whole: break
        case .shared:
            let count = options.outputShards
            let first = CQRSGenContract.shardFileName(fileName, shard: 1, of: count)
            let last = CQRSGenContract.shardFileName(fileName, shard: count, of: count)
            writer.line("// Each item's declarations are in \(first) to \(last), in the one its name hashes to.")
        case .shard(let number, let count):
            writer.line("// Part \(number) of \(count): the items whose names hash to it; what they share is in \(fileName).")
        }
        writer.line("// Do not edit. Change the spec, then build; refresh Generated/ with")
        writer.line("// `swift package --allow-writing-to-package-directory generate-cqrs`.")
        writer.line("// swift-format-ignore-file")
        writer.line("// swiftlint:disable all")
        writer.blankLine()
        writer.line("import CQRS")
        writer.line("import Foundation")
        writer.blankLine()
    }

    /// A declared or built-in type as Swift writes it.
    func swiftType(_ reference: TypeReference) -> String {
        reference.expression?.description ?? reference.text
    }

    /// The type a handler's initialiser takes for a dependency.
    func dependencyType(_ dependency: DependencySpec) -> String {
        dependency.kind == .protocol ? "any \(dependency.typeName)" : dependency.typeName
    }

    /// The name of the protocol every handler of `operation` conforms to.
    static func handlerProtocol(_ operation: OperationSpec) -> String { GeneratedNames.handlerProtocol(of: operation.name) }

    /// The factory method that builds `operation`'s handler, and the override that replaces it.
    static func factoryMember(_ operation: OperationSpec) -> String { SwiftName.member(operation.name) }
    /// The factory method that builds an operation's handler as the spec names it, ignoring overrides. Its name
    /// ends after `Handler`, so no operation's own factory method (`<member>Handler`) can take it.
    static func specHandlerMethod(_ operation: OperationSpec) -> String { factoryMember(operation) + "HandlerFromSpec" }

    /// The success value's Swift type; `Void` for a command without a result.
    func resultType(_ operation: OperationSpec) -> String {
        operation.result.map(swiftType) ?? "Void"
    }
}
