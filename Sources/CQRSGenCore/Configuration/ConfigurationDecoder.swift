/// Turns `cqrs-gen-config.yaml` into a ``GeneratorConfiguration``, with a located error for every unknown key and
/// every value of the wrong shape, as the spec's decoder does.
public struct ConfigurationDecoder: Sendable {
    public struct Result: Sendable {
        public var configuration: GeneratorConfiguration
        public var diagnostics: [Diagnostic]
    }

    public init() {}

    /// Decodes the configuration read from `text`'s YAML tree. `text` is the file itself, for the check that the
    /// plugins read `spec` as libyaml does.
    public func decode(_ root: YAMLNode?, text: String) -> Result {
        var context = DecodingContext()
        var configuration = GeneratorConfiguration()
        guard let root, !root.isNull else { return Result(configuration: configuration, diagnostics: []) }
        guard let entries = context.mapping(root, "the configuration", expected: "a mapping of settings ('accessModifier', 'naming', …)")
        else { return Result(configuration: configuration, diagnostics: context.diagnostics) }
        context.checkKeys(of: entries, in: "the configuration", allowed: ConfigurationKeys.topLevel)

        if let node = entries.value("spec"), let scalar = context.scalar(node, "'spec'", expected: "a path from the package root") {
            configuration.spec = Located(scalar.value, at: scalar.location)
            // The plugins read `spec` without a YAML parser; a form they read differently must not pass silently.
            if CQRSGenContract.specPath(inConfiguration: text)?.path != scalar.value {
                context.error(
                    "write 'spec' at the start of a line as 'spec: path/to/operations.yaml' (quotes allowed, no escapes): "
                        + "the build plugin reads it before the generator runs", at: scalar.location)
            }
        }
        if let node = entries.value(CQRSGenContract.outputShardsKey) {
            decodeOutputShards(node, text: text, into: &configuration, &context)
        }
        if let node = entries.value("accessModifier"),
           let level = context.choice(node, "'accessModifier'", of: GeneratorOptions.AccessLevel.self)
        {
            configuration.accessModifier = level
        }
        if let node = entries.value("catalogue"), let value = context.bool(node, "'catalogue'") {
            configuration.catalogue = value
        }
        if let node = entries.value("committedOutput"),
           let scalar = context.scalar(node, "'committedOutput'", expected: "a folder from the package root")
        {
            configuration.committedOutput = Located(scalar.value, at: scalar.location)
        }
        if let entry = entries.entry("naming") {
            configuration.conventions = decodeNaming(entry, &context)
        }
        if let node = entries.value("pagination"), let pagination = context.mapping(node, "'pagination'") {
            context.checkKeys(of: pagination, in: "'pagination'", allowed: ConfigurationKeys.pagination)
            if let node = pagination.value("maximumPageSize"), let size = context.integer(node, "'pagination.maximumPageSize'") {
                if size < 1 {
                    context.error("'pagination.maximumPageSize' must be at least 1, not \(size)", at: node.location)
                } else {
                    configuration.maximumPageSize = size
                }
            }
            if let node = pagination.value("requiredForLists"), let required = context.bool(node, "'pagination.requiredForLists'") {
                configuration.conventions.requiresPaginatedLists = required
            }
        }
        if let node = entries.value("http"), let http = context.mapping(node, "'http'") {
            context.checkKeys(of: http, in: "'http'", allowed: ConfigurationKeys.http)
            if let node = http.value("wireNames"), let names = context.choice(node, "'http.wireNames'", of: GeneratorOptions.WireNames.self) {
                configuration.wireNames = names
            }
            if let node = http.value("title"), let title = context.scalar(node, "'http.title'", expected: "the API's name") {
                configuration.apiInfo.title = title.value
            }
            if let node = http.value("version"), let version = context.scalar(node, "'http.version'", expected: "the API's version") {
                configuration.apiInfo.version = version.value
            }
        }
        return Result(configuration: configuration, diagnostics: context.diagnostics)
    }

    private func decodeOutputShards(
        _ node: YAMLNode, text: String, into configuration: inout GeneratorConfiguration, _ context: inout DecodingContext
    ) {
        let key = CQRSGenContract.outputShardsKey
        guard let count = context.integer(node, "'\(key)'") else { return }
        let range = 1...CQRSGenContract.maximumOutputShards
        guard range.contains(count) else {
            context.error("'\(key)' must be from \(range.lowerBound) to \(range.upperBound), not \(count)", at: node.location)
            return
        }
        // The build plugin declares the files before the generator runs, from its own reading of the key.
        guard CQRSGenContract.outputShards(inConfiguration: text)?.count == count else {
            context.error(
                "write '\(key)' at the start of a line as '\(key): \(count)': the build plugin reads it before the generator runs",
                at: node.location)
            return
        }
        configuration.outputShards = count
    }

    private func decodeNaming(_ entry: YAMLMappingEntry, _ context: inout DecodingContext) -> ConventionsSpec {
        var conventions = ConventionsSpec(location: entry.key.location)
        guard let entries = context.mapping(entry.value, "'naming'") else { return conventions }
        context.checkKeys(of: entries, in: "'naming'", allowed: ConfigurationKeys.naming)
        func prefixes(_ key: String) -> [Located<String>]? {
            guard let node = entries.value(key),
                  let list = context.stringList(node, "'naming.\(key)'", itemDescription: "name prefixes")
            else { return nil }
            for prefix in list where !SwiftIdentifier.isUpperCamelCase(prefix.value) {
                context.error(
                    "naming prefix '\(prefix.value)' must be an UpperCamelCase word, like '\(SwiftIdentifier.upperCamelCased(prefix.value))'",
                    at: prefix.location)
            }
            return list
        }
        if let list = prefixes("commandPrefixes") { conventions.commandPrefixes = list }
        if let list = prefixes("additionalCommandPrefixes") { conventions.commandPrefixes += list }
        if let list = prefixes("queryPrefixes") { conventions.queryPrefixes = list }
        if let list = prefixes("additionalQueryPrefixes") { conventions.queryPrefixes += list }
        if let node = entries.value("paginatedQueryPrefix"),
           let scalar = context.scalar(node, "'naming.paginatedQueryPrefix'", expected: "a name prefix")
        {
            conventions.paginatedQueryPrefix = Located(scalar.value, at: scalar.location)
            if !SwiftIdentifier.isUpperCamelCase(scalar.value) {
                context.error("naming prefix '\(scalar.value)' must be an UpperCamelCase word", at: scalar.location)
            }
        }
        return conventions
    }
}

/// Reads a configuration file: missing, unreadable or oversized files are thrown, problems in its contents are
/// diagnostics.
public struct ConfigurationLoader: Sendable {
    public var reader: YAMLReader

    public init(reader: YAMLReader = YAMLReader()) {
        self.reader = reader
    }

    public func load(_ text: String) -> ConfigurationDecoder.Result {
        var read = reader.read(Array(text.utf8))
        // An empty configuration is every default, not an error as an empty spec is.
        read.diagnostics.removeAll { $0 == YAMLReader.emptySpec }
        guard !read.diagnostics.hasErrors else {
            return ConfigurationDecoder.Result(configuration: GeneratorConfiguration(), diagnostics: read.diagnostics)
        }
        var result = ConfigurationDecoder().decode(read.root, text: text)
        result.diagnostics = (read.diagnostics + result.diagnostics).sortedByPosition()
        return result
    }

    public func load(contentsOf path: String) throws(SpecFileError) -> ConfigurationDecoder.Result {
        do {
            let bytes = try SpecFile.read(path, limit: reader.limits.maximumBytes)
            return load(String(decoding: bytes, as: UTF8.self))
        } catch {
            throw SpecFileError(path: error.path, reason: error.reason, file: "configuration")
        }
    }
}
