import Foundation
import Testing

@testable import CQRSGenCore

/// `cqrs-gen-config.yaml`: every key, every wrong shape at its line and column, and the one form of `spec` that the
/// plugins, which cannot link libyaml, read the same way as the generator.
@Suite("Configuration: cqrs-gen-config.yaml")
struct ConfigurationTests {
    /// Loads `marked` as a configuration and expects exactly `expected`, compared as a user reads them.
    func expectConfiguration(
        _ marked: String, _ expected: [Expected], sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let text = MarkedText(marked)
        let formatter = DiagnosticFormatter(path: "cqrs-gen-config.yaml")
        #expect(
            formatter.format(ConfigurationLoader().load(text.text).diagnostics)
                == formatter.format(expected.map { $0.resolved(in: text) }),
            sourceLocation: sourceLocation)
    }

    @Test("every key is read")
    func everyKey() throws {
        let result = ConfigurationLoader().load("""
            spec: spec/operations.yaml   # from the package root
            accessModifier: package
            catalogue: false
            committedOutput: Generated/Todo
            naming:
              commandPrefixes: [Do]
              additionalCommandPrefixes: [Undo]
              additionalQueryPrefixes: [Which]
              paginatedQueryPrefix: Page
            pagination:
              maximumPageSize: 25
            http:
              wireNames: snake_case
            outputShards: 8
            """)
        #expect(result.diagnostics.isEmpty)
        let configuration = result.configuration
        #expect(configuration.spec?.value == "spec/operations.yaml")
        #expect(configuration.accessModifier == .package)
        #expect(configuration.catalogue == false)
        #expect(configuration.committedOutput?.value == "Generated/Todo")
        #expect(configuration.conventions.commandPrefixes.map(\.value) == ["Do", "Undo"])
        #expect(configuration.conventions.queryPrefixes.map(\.value) == ConventionsSpec.defaultQueryPrefixes + ["Which"])
        #expect(configuration.conventions.paginatedQueryPrefix?.value == "Page")
        #expect(configuration.maximumPageSize == 25)
        let options = configuration.generatorOptions(specPath: "Sources/Todo/operations.yaml")
        #expect(options == GeneratorOptions(
            accessLevel: .package, specPath: "Sources/Todo/operations.yaml", writesCatalogue: false, maximumPageSize: 25,
            wireNames: .snakeCase, outputShards: 8))
    }

    @Test("wire names: a field as Swift spells it, or in snake_case, an acronym as one word")
    func wireNames() {
        #expect(ConfigurationLoader().load("").configuration.wireNames == .camelCase)
        let snake = GeneratorOptions.WireNames.snakeCase
        #expect(["accountId", "activeOnly", "accountID", "page2Size", "limit"].map(snake.wireName(of:))
            == ["account_id", "active_only", "account_id", "page2_size", "limit"])
        #expect(GeneratorOptions.WireNames.camelCase.wireName(of: "accountId") == "accountId")
    }

    @Test("an empty configuration, or none, means every default")
    func defaults() {
        for text in ["", "# nothing yet\n", "---\n"] {
            let result = ConfigurationLoader().load(text)
            #expect(result.diagnostics.isEmpty)
            #expect(result.configuration.accessModifier == .internal)
            #expect(result.configuration.catalogue)
            #expect(result.configuration.maximumPageSize == GeneratorConfiguration.defaultMaximumPageSize)
            #expect(result.configuration.conventions == ConventionsSpec())
        }
    }

    @Test("unknown keys and bad values are errors at their line and column, with did-you-mean")
    func errors() {
        expectConfiguration(
            """
            1️⃣acessModifier: public
            accessModifier: 2️⃣publc
            catalogue: 3️⃣yes
            naming:
              4️⃣commandPrefix: [Do]
              queryPrefixes: [Get, 5️⃣find]
            pagination: {maximumPageSize: 6️⃣0}
            7️⃣colour: red
            http: {wireNames: 8️⃣kebab-case}
            """,
            [
                .error("1️⃣", "unknown key 'acessModifier' in the configuration; did you mean 'accessModifier'?"),
                .error("2️⃣", "'accessModifier' must be one of 'internal', 'package', 'public', not 'publc'; did you mean 'public'?"),
                .error("3️⃣", "'catalogue' must be true or false, not 'yes'"),
                .error("4️⃣", "unknown key 'commandPrefix' in 'naming'; did you mean 'commandPrefixes'?"),
                .error("5️⃣", "naming prefix 'find' must be an UpperCamelCase word, like 'Find'"),
                .error("6️⃣", "'pagination.maximumPageSize' must be at least 1, not 0"),
                .error("7️⃣", "unknown key 'colour' in the configuration; expected 'spec', 'accessModifier', 'catalogue', 'committedOutput', 'naming', 'pagination', 'http', 'outputShards'"),
                .error("8️⃣", "'http.wireNames' must be one of 'camelCase', 'snake_case', not 'kebab-case'"),
            ])
        expectConfiguration("1️⃣- spec\n", [
            .error("1️⃣", "the configuration must be a mapping of settings ('accessModifier', 'naming', …), not a list")
        ])
    }

    @Test("'spec' must be written so that the build plugin reads the same path without a YAML parser")
    func specForm() {
        expectConfiguration("spec: 'spec/operations.yaml'  # quoted is fine\n", [])
        expectConfiguration("{spec: 1️⃣spec/operations.yaml}\n", [
            .error("1️⃣", "write 'spec' at the start of a line as 'spec: path/to/operations.yaml' (quotes allowed, no escapes): the build plugin reads it before the generator runs")
        ])
        expectConfiguration("spec: 1️⃣\"spec\\u002Foperations.yaml\"\n", [
            .error("1️⃣", "write 'spec' at the start of a line as 'spec: path/to/operations.yaml' (quotes allowed, no escapes): the build plugin reads it before the generator runs")
        ])
        expectConfiguration("spec: 1️⃣[a, b]\n", [.error("1️⃣", "'spec' must be a path from the package root, not a list")])
    }

    @Test("'outputShards' is a whole number from 1 to 64, written where the build plugin reads it")
    func outputShards() {
        #expect(ConfigurationLoader().load("").configuration.outputShards == 1)
        #expect(ConfigurationLoader().load("outputShards: 64  # the most\n").configuration.outputShards == 64)
        expectConfiguration("outputShards: 1️⃣0\n", [.error("1️⃣", "'outputShards' must be from 1 to 64, not 0")])
        expectConfiguration("outputShards: 1️⃣65\n", [.error("1️⃣", "'outputShards' must be from 1 to 64, not 65")])
        expectConfiguration("outputShards: 1️⃣\"4\"\n", [.error("1️⃣", "'outputShards' must be a whole number, not '4'")])
        expectConfiguration("outputShards: 1️⃣many\n", [.error("1️⃣", "'outputShards' must be a whole number, not 'many'")])
        expectConfiguration("{outputShards: 1️⃣4}\n", [
            .error("1️⃣", "write 'outputShards' at the start of a line as 'outputShards: 4': the build plugin reads it before the generator runs")
        ])
        // What the plugin declares: a plain number on its own line, or nothing it could misread.
        #expect(CQRSGenContract.outputShards(inConfiguration: "spec: a.yaml\r\noutputShards: 16 # split\r\n")! == (16, 2))
        #expect(CQRSGenContract.outputShards(inConfiguration: "outputShards: '16'\n") == nil)
        #expect(CQRSGenContract.outputShards(inConfiguration: "http:\n  outputShards: 16\n") == nil)
        #expect(CQRSGenContract.outputShards(inConfiguration: "outputShards: sixteen\n") == nil)
    }

    @Test("the plugins' reading of 'spec': one line, plain or quoted, comments and CRLF allowed")
    func contractReader() {
        #expect(CQRSGenContract.specPath(inConfiguration: "spec: spec/operations.yaml\n")! == ("spec/operations.yaml", 1))
        #expect(CQRSGenContract.specPath(inConfiguration: "# c\nspec:   a b.yaml   # note\n")! == ("a b.yaml", 2))
        #expect(CQRSGenContract.specPath(inConfiguration: "spec: \"x#y.yaml\" # note\r\n")! == ("x#y.yaml", 1))
        #expect(CQRSGenContract.specPath(inConfiguration: "spec: x#y.yaml\n")! == ("x#y.yaml", 1))
        #expect(CQRSGenContract.specPath(inConfiguration: "# CRLF\r\nspec: a.yaml\r\n")! == ("a.yaml", 2))
        #expect(CQRSGenContract.specPath(inConfiguration: "# CR\rspec: a.yaml\r")! == ("a.yaml", 2))
        #expect(CQRSGenContract.specPath(inConfiguration: "naming:\n  spec: nested.yaml\n") == nil)
        #expect(CQRSGenContract.specPath(inConfiguration: "spec:\n") == nil)
        #expect(CQRSGenContract.specPath(inConfiguration: "spec: 'unterminated\n") == nil)
        #expect(CQRSGenContract.specPath(inConfiguration: "specs: other.yaml\n") == nil)
    }

    @Test("the configuration's JSON Schema has exactly the decoder's keys, and its committed copy is current")
    func schema() throws {
        func keys(_ value: JSONValue?) -> [String] {
            guard case .object(let members)? = value?["properties"] else { return [] }
            return members.map(\.0)
        }
        let schema = ConfigurationSchema.schema
        #expect(keys(schema) == ConfigurationKeys.topLevel)
        #expect(keys(schema["properties"]?["naming"]) == ConfigurationKeys.naming)
        #expect(keys(schema["properties"]?["pagination"]) == ConfigurationKeys.pagination)
        let committed = try String(
            contentsOf: PackageRoot.url.appendingPathComponent("spec/\(ConfigurationSchema.fileName)"), encoding: .utf8)
        #expect(committed == ConfigurationSchema.json(), "run `swift run cqrs-gen schema --configuration > spec/\(ConfigurationSchema.fileName)`")
        // Every configuration in this repository fits it.
        let configurations = ["Sources/App/cqrs-gen-config.yaml", "Examples/TodoList/Sources/TodoCore/cqrs-gen-config.yaml",
                              "Examples/Storefront/Sources/Catalog/cqrs-gen-config.yaml",
                              "Examples/Storefront/Sources/Orders/cqrs-gen-config.yaml"]
        for path in configurations {
            let text = try String(contentsOf: PackageRoot.url.appendingPathComponent(path), encoding: .utf8)
            #expect(ConfigurationLoader().load(text).diagnostics.isEmpty, "\(path)")
            #expect(SchemaCheck(root: schema).problems(try SpecSchemaTests.document(text)) == [], "\(path)")
        }
    }
}
