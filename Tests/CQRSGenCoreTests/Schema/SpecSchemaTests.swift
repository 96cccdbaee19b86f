import Foundation
import Testing

@testable import CQRSGenCore

/// The JSON Schema editors check the spec with, kept in step with the decoder and validator.
@Suite("The spec's JSON Schema")
struct SpecSchemaTests {
    static let committed = PackageRoot.url.appendingPathComponent("spec/\(SpecSchema.fileName)")
    static let fix = "swift run cqrs-gen schema > spec/\(SpecSchema.fileName)"

    static func document(_ yaml: String) throws -> YAMLNode {
        try #require(YAMLReader().read(yaml).root)
    }

    @Test("the committed schema is what cqrs-gen schema prints")
    func committedCopy() throws {
        let text = try String(contentsOf: Self.committed, encoding: .utf8)
        #expect(text == SpecSchema.json(), "spec/\(SpecSchema.fileName) is stale; run `\(Self.fix)`")
        #expect(try JSONSerialization.jsonObject(with: Data(text.utf8)) is [String: Any])
    }

    @Test("the spec names the schema on its first line, for the YAML language server")
    func modeline() throws {
        let spec = try String(contentsOfFile: PackageRoot.specPath, encoding: .utf8)
        #expect(spec.hasPrefix("# yaml-language-server: $schema=\(SpecSchema.fileName)\n"))
    }

    @Test("each mapping allows exactly the keys the decoder reads")
    func keys() {
        func keys(_ value: JSONValue?) -> [String] {
            guard case .object(let members)? = value?["properties"] else { return [] }
            return members.map(\.0)
        }
        let schema = SpecSchema.schema, definitions = schema["definitions"]
        #expect(keys(schema) == SpecDecoder.topLevelKeys)
        #expect(keys(schema["properties"]?["dependencies"]) == DependencySpec.Scope.allCases.map(\.rawValue))
        #expect(keys(definitions?["type"]) == TypeDecoding.typeKeys)
        #expect(keys(definitions?["handler"]) == OperationDecoding.handlerKeys)
        #expect(keys(definitions?["command"]) == OperationDecoding.commandKeys)
        #expect(keys(definitions?["query"]) == OperationDecoding.queryKeys)
    }

    @Test("the real spec, the fixtures and the documentation's example fit the schema")
    func validSpecsFit() throws {
        let fixtures = PackageRoot.url.appendingPathComponent("Tests/CQRSGenCoreTests/Fixtures/Generation")
        var texts = [try String(contentsOfFile: PackageRoot.specPath, encoding: .utf8)]
        for name in ["empty", "every-feature"] {
            texts.append(try String(contentsOf: fixtures.appendingPathComponent("\(name)/spec.yaml"), encoding: .utf8))
        }
        let documentation = try String(contentsOf: PackageRoot.url.appendingPathComponent("Sources/CQRSGenCore/Documentation.docc/SpecLanguage.md"), encoding: .utf8)
        let example = try #require(documentation.components(separatedBy: "```yaml\n").dropFirst().first?.components(separatedBy: "```").first)
        texts.append(example)
        for text in texts {
            #expect(SpecLoader().load(text).validSpec != nil)
            #expect(SchemaCheck(root: SpecSchema.schema).problems(try Self.document(text)) == [])
        }
    }

    @Test("a key out of place is refused by the schema and the decoder alike", arguments: [
        ("colour: red\n", "$"),
        ("dependencies: {request: {UserRepository: {colour: red}}}\n", "$.dependencies.request.UserRepository"),
        ("dependencies: {sessions: {}}\n", "$.dependencies"),
        ("types: {Token: {fields: {id: UUID}, colour: red}}\n", "$.types.Token"),
        ("types: {Token: {fields: {id: {type: UUID, colour: red}}}}\n", "$.types.Token.fields.id"),
        ("types: {Kind: {cases: {a: {value: x, colour: red}}}}\n", "$.types.Kind.cases.a"),
        ("commands: {RegisterUser: {category: auth, description: X., handler: {colour: red}}}\n", "$.commands.RegisterUser.handler"),
        ("commands: {RegisterUser: {category: auth, description: X., pagination: offset}}\n", "$.commands.RegisterUser"),
        ("queries: {GetUser: {category: auth, description: X., result: UUID, events: [A]}}\n", "$.queries.GetUser"),
    ])
    func misplacedKey(yaml: String, path: String) throws {
        let text = "version: 1\ncategories: {auth: A.}\n" + yaml
        let problems = SchemaCheck(root: SpecSchema.schema).problems(try Self.document(text))
        // Under a oneOf the schema can only say that no alternative fits; either way it is refused at the key's mapping.
        #expect(problems.contains { $0.hasPrefix(path + ":") }, "\(problems)")
        let diagnostics = SpecLoader().load(text).diagnostics
        #expect(diagnostics.contains { $0.severity == .error && $0.message.contains("not allowed") || $0.message.contains("unknown key") },
                "\(diagnostics.map(\.message))")
    }

    @Test("values of the wrong shape are refused by both", arguments: [
        "version: 2\n",
        "version: 1\nqueries: {GetUser: {category: auth, description: X., result: UUID, cachePolicy: forever}}\n",
        "version: 1\ncommands: {RegisterUser: {category: auth, description: X., emitsEvents: maybe}}\n",
        "version: 1\ndependencies: {app: {Clock: {kind: struct}}}\n",
        "version: 1\nqueries: {GetUser: {category: auth, description: X.}}\n",
    ])
    func wrongShape(yaml: String) throws {
        #expect(!SchemaCheck(root: SpecSchema.schema).problems(try Self.document(yaml)).isEmpty)
        #expect(SpecLoader().load(yaml).diagnostics.contains { $0.severity == .error })
    }
}
