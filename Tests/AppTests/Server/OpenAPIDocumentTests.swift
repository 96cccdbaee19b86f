import CQRS
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import App

/// `GET /openapi.json`: the document generated from the spec, describing every route the spec binds, and nothing
/// the server does not serve.
@Suite("The OpenAPI document")
struct OpenAPIDocumentTests {
    @Test("the App publishes the generated document, with a path for every generated route and its security")
    func published() async throws {
        let fixture = try await ServerFixture.make()
        defer { fixture.removeFiles() }
        try await fixture.application().test(.router) { client in
            let response = try await client.call(.get, "/openapi.json")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json")
            let document = try #require(try JSONSerialization.jsonObject(with: response.body) as? [String: Any])
            #expect(document["openapi"] as? String == "3.1.0")
            #expect((document["info"] as? [String: Any])?["title"] as? String == "Dashtam API")
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let documented = Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
            let routed = Set(OperationRoutes.all.map { "\($0.method.rawValue) \($0.path)" })
            #expect(documented == routed)
            let sessions = try #require(paths["/api/v1/sessions"]?["get"] as? [String: Any])
            #expect(sessions["operationId"] as? String == "ListUserSessions")
            #expect((sessions["security"] as? [[String: [String]]]) == [["bearerAuth": []]])
            // The caller's id and session come from the token, never from the request: they are no parameters.
            let parameters = try #require(sessions["parameters"] as? [[String: Any]])
            #expect(parameters.map { $0["name"] as? String } == ["active_only", "limit", "offset"])
            let reset = try #require(paths["/api/v1/password-resets"]?["post"] as? [String: Any])
            #expect(reset["security"] == nil)
            #expect((reset["responses"] as? [String: Any])?["429"] != nil)
        }
    }

    @Test("the spec's constraints hold before any handler runs, are named on the wire, and are in the document")
    func constraints() async throws {
        let fixture = try await ServerFixture.make()
        defer { fixture.removeFiles() }
        try await fixture.application().test(.router) { client in
            let response = try await client.call(.post, "/api/v1/tokens", json: ["refresh_token": "short"])
            #expect(response.status == .unprocessableContent)
            #expect(response.string("code") == "invalid_fields")
            // Named as the client sends it.
            #expect(response.string("detail") == "'refresh_token' must be 16 to 256 characters.")
            let document = try #require(try JSONSerialization.jsonObject(with: Data(OperationRoutes.openAPIDocument.utf8)) as? [String: Any])
            let tokens = try #require((document["paths"] as? [String: [String: Any]])?["/api/v1/tokens"]?["post"] as? [String: Any])
            let body = try #require(((tokens["requestBody"] as? [String: Any])?["content"] as? [String: [String: [String: Any]]])?["application/json"]?["schema"])
            let property = try #require((body["properties"] as? [String: [String: Any]])?["refresh_token"])
            #expect(property["minLength"] as? Int == 16)
            #expect(property["maxLength"] as? Int == 256)
        }
    }

    @Test("each document text is the committed openapi.json")
    func committed() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let committed = try String(contentsOf: root.appendingPathComponent("Generated/openapi.json"), encoding: .utf8)
        #expect(committed == OperationRoutes.openAPIDocument + "\n")
    }
}
