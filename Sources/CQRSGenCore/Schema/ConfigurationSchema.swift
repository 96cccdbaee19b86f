import CQRS

/// The JSON Schema of `cqrs-gen-config.yaml`, built from the configuration decoder's key tables like ``SpecSchema``:
/// `cqrs-gen schema --config` prints it, and a configuration's first line can name it for the YAML language server.
public enum ConfigurationSchema {
    public static let fileName = "cqrs-gen-config.schema.json"

    /// The schema's text, the same bytes every time.
    public static func json() -> String {
        schema.text() + "\n"
    }

    static var schema: JSONValue {
        .object([
            ("$schema", .string("http://json-schema.org/draft-07/schema#")),
            ("$id", .string("https://cqrs-gen.dev/schemas/\(fileName)")),
            ("title", .string("cqrs-gen configuration")),
            ("description", .string("What cqrs-gen generates for one target: read by the build plugin, the command plugin and `cqrs-gen --config`.")),
            ("type", .array([.string("object"), .string("null")])),
            ("additionalProperties", .bool(false)),
            ("properties", SpecSchema.object(ConfigurationKeys.topLevel, [
                "spec": .object([
                    ("description", .string("The spec's path from the package root, when it is not operations.yaml beside this file. Write it on its own line: the build plugin reads it before the generator runs.")),
                    ("type", .string("string")),
                ]),
                "accessModifier": .object([
                    ("description", .string("The access level of generated declarations: public or package when other modules use them. Handler types may stay internal.")),
                    ("enum", .array(GeneratorOptions.AccessLevel.allCases.map { .string($0.rawValue) })),
                    ("default", .string(GeneratorOptions.AccessLevel.internal.rawValue)),
                ]),
                CQRSGenContract.outputShardsKey: .object([
                    ("description", .string("How many files each generated file of per-item declarations is split into, each operation, type, event and route in the one its name hashes to, so that editing one recompiles a bounded part of a large spec. Write it on its own line: the build plugin reads it before the generator runs.")),
                    ("type", .string("integer")),
                    ("minimum", .number(1)),
                    ("maximum", .number(CQRSGenContract.maximumOutputShards)),
                    ("default", .number(1)),
                ]),
                "catalogue": SpecSchema.flag("Whether the committed copy includes OPERATIONS.md, the catalogue for reviewers.", default: true),
                "committedOutput": .object([
                    ("description", .string("Where generate-cqrs and cqrs-gen check keep the committed copy, from the package root; Generated/<target> by default. Never inside a target's sources.")),
                    ("type", .string("string")),
                ]),
                "naming": .object([
                    ("description", .string("The naming conventions the validator enforces; an empty list turns one off.")),
                    ("type", .string("object")),
                    ("additionalProperties", .bool(false)),
                    ("properties", SpecSchema.object(ConfigurationKeys.naming, [
                        "commandPrefixes": SpecSchema.words("The verbs command names start with, replacing the defaults.", default: ConventionsSpec.defaultCommandPrefixes),
                        "additionalCommandPrefixes": SpecSchema.words("Verbs added to commandPrefixes.", default: []),
                        "queryPrefixes": SpecSchema.words("The words query names start with, replacing the defaults.", default: ConventionsSpec.defaultQueryPrefixes),
                        "additionalQueryPrefixes": SpecSchema.words("Words added to queryPrefixes.", default: []),
                        "paginatedQueryPrefix": .object([
                            ("description", .string("A word every paginated query's name must start with; none by default.")),
                            ("type", .string("string")), ("pattern", .string(SpecSchema.upperCamelCase)),
                        ]),
                    ])),
                ]),
                "pagination": .object([
                    ("type", .string("object")),
                    ("additionalProperties", .bool(false)),
                    ("properties", SpecSchema.object(ConfigurationKeys.pagination, [
                        "maximumPageSize": .object([
                            ("description", .string("The largest page a paginated query may ask for; dispatch refuses larger ones.")),
                            ("type", .string("integer")), ("minimum", .number(1)),
                            ("default", .number(GeneratorConfiguration.defaultMaximumPageSize)),
                        ]),
                        "requiredForLists": .object([
                            ("description", .string("Whether every query whose answer holds a list must declare pagination.")),
                            ("type", .string("boolean")), ("default", .bool(false)),
                        ]),
                    ])),
                ]),
                "http": .object([
                    ("type", .string("object")),
                    ("additionalProperties", .bool(false)),
                    ("properties", SpecSchema.object(ConfigurationKeys.http, [
                        "wireNames": .object([
                            ("description", .string("How fields are named in query strings and JSON bodies when their binding does not name them: camelCase (as in Swift) or snake_case.")),
                            ("enum", .array(GeneratorOptions.WireNames.allCases.map { .string($0.rawValue) })),
                            ("default", .string(GeneratorOptions.WireNames.camelCase.rawValue)),
                        ]),
                        "title": .object([
                            ("description", .string("The API's name, in the OpenAPI document.")),
                            ("type", .string("string")), ("default", .string(GeneratorOptions.APIInfo().title)),
                        ]),
                        "version": .object([
                            ("description", .string("The API's version, in the OpenAPI document.")),
                            ("type", .string("string")), ("default", .string(GeneratorOptions.APIInfo().version)),
                        ]),
                    ])),
                ]),
            ])),
        ])
    }
}
