/// What a team sets once for a target in `cqrs-gen-config.yaml`: read by the CLI (`--config`), the build plugin
/// and the command plugin alike, so that they cannot disagree about what to generate.
public struct GeneratorConfiguration: Sendable {
    /// The spec's path relative to the package root, when it is not `operations.yaml` beside the configuration.
    public var spec: Located<String>?
    /// How generated declarations are exposed to other modules.
    public var accessModifier: GeneratorOptions.AccessLevel
    /// Whether committed copies include `OPERATIONS.md` (the build plugin never writes it).
    public var catalogue: Bool
    /// Where `generate-cqrs` and `cqrs-gen check` keep the committed copy, relative to the package root.
    public var committedOutput: Located<String>?
    /// The naming conventions the validator enforces.
    public var conventions: ConventionsSpec
    /// The largest page a paginated query may ask for; dispatch refuses larger ones.
    public var maximumPageSize: Int
    /// How fields are named in query strings and JSON bodies, unless a binding names one itself: the conventions',
    /// so that the validator compares the names a request really carries.
    public var wireNames: GeneratorOptions.WireNames {
        get { conventions.wireNames }
        set { conventions.wireNames = newValue }
    }
    /// The API's name and version, in the OpenAPI document.
    public var apiInfo = GeneratorOptions.APIInfo()
    /// How many files each file of per-item declarations is split into (see ``GeneratorOptions/outputShards``).
    public var outputShards = 1

    public static let defaultMaximumPageSize = 100

    /// The generator's options for this configuration, naming the spec `specPath` in what it writes.
    public func generatorOptions(specPath: String) -> GeneratorOptions {
        GeneratorOptions(
            accessLevel: accessModifier, specPath: specPath, writesCatalogue: catalogue, maximumPageSize: maximumPageSize,
            wireNames: wireNames, apiInfo: apiInfo, outputShards: outputShards)
    }

    public init(
        spec: Located<String>? = nil, accessModifier: GeneratorOptions.AccessLevel = .internal, catalogue: Bool = true,
        committedOutput: Located<String>? = nil, conventions: ConventionsSpec = ConventionsSpec(),
        maximumPageSize: Int = Self.defaultMaximumPageSize, wireNames: GeneratorOptions.WireNames = .camelCase
    ) {
        self.spec = spec
        self.accessModifier = accessModifier
        self.catalogue = catalogue
        self.committedOutput = committedOutput
        self.conventions = conventions
        self.conventions.wireNames = wireNames
        self.maximumPageSize = maximumPageSize
    }
}

/// The configuration file's keys, each with its place and meaning: what the decoder accepts, the JSON Schema
/// describes and the documentation lists, from this one table.
public enum ConfigurationKeys {
    public static let topLevel = [
        "spec", "accessModifier", "catalogue", "committedOutput", "naming", "pagination", "http",
        CQRSGenContract.outputShardsKey,
    ]
    public static let naming = [
        "commandPrefixes", "additionalCommandPrefixes", "queryPrefixes", "additionalQueryPrefixes", "paginatedQueryPrefix",
    ]
    public static let pagination = ["maximumPageSize", "requiredForLists"]
    public static let http = ["wireNames", "title", "version"]
}
