import CQRS
import CQRSHummingbird
import CQRSTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import TodoCore
import TodoHTTP

/// The to-do API as a client sees it: every route generated from the spec, served by CQRSHummingbird.
@Suite("The to-do app over HTTP")
struct TodoHTTPTests {
    static let json: HTTPFields = [.contentType: "application/json"]

    func withServer(_ test: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = TodoApp(publisher: RecordingEventPublisher<DomainEvent>())
        try await Application(router: todoRouter(app: app)).test(.router, test)
    }

    func object(_ buffer: ByteBuffer) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer.readableBytesView))) as? [String: Any] ?? [:]
    }

    @Test("a list is created, filled and read back page by page, each route answering with its spec's status")
    func lists() async throws {
        try await withServer { client in
            let created = try await client.execute(
                uri: "/lists", method: .post, headers: Self.json, body: ByteBuffer(string: #"{"title": "Chores"}"#))
            #expect(created.status == .created)
            let listId = try #require(try? JSONDecoder().decode(UUID.self, from: Data(created.body.readableBytesView)))
            // Priority's raw values are numbers: low is 1, high is 3.
            for (title, priority) in [("Dust", 1), ("Dishes", 3)] {
                let body = ByteBuffer(string: #"{"title": "\#(title)", "priority": \#(priority)}"#)
                let added = try await client.execute(uri: "/lists/\(listId)/items", method: .post, headers: Self.json, body: body)
                #expect(added.status == .created)
            }
            let page = try await client.execute(uri: "/lists/\(listId)/items?pageSize=1", method: .get)
            #expect(page.status == .ok)
            let first = object(page.body)
            #expect((first["items"] as? [[String: Any]])?.map { $0["title"] as? String } == ["Dishes"])
            #expect(first["totalPages"] as? Int == 2)
            let deleted = try await client.execute(uri: "/lists/\(listId)", method: .delete)
            #expect(deleted.status == .noContent)
        }
    }

    @Test("errors answer with the statuses the spec maps them to, and unreadable values are named")
    func errors() async throws {
        try await withServer { client in
            let empty = try await client.execute(
                uri: "/lists", method: .post, headers: Self.json, body: ByteBuffer(string: #"{"title": " "}"#))
            #expect(empty.status == .unprocessableContent)
            #expect(object(empty.body)["code"] as? String == "empty_title")
            let missing = try await client.execute(uri: "/lists/\(UUID())/items", method: .get)
            #expect(missing.status == .notFound)
            #expect(object(missing.body)["code"] as? String == "todo_list_not_found")
            let body = ByteBuffer(string: #"{"title": "Milk", "priority": "urgent"}"#)
            let unreadable = try await client.execute(uri: "/lists/\(UUID())/items", method: .post, headers: Self.json, body: body)
            #expect(unreadable.status == .badRequest)
            let parameters = object(unreadable.body)["invalid-params"] as? [[String: String]]
            #expect(parameters?.map { $0["name"] } == ["priority"])
        }
    }

    @Test("a text file is the body of an import, one item per line, whatever its type and within the route's limit")
    func imports() async throws {
        try await withServer { client in
            let created = try await client.execute(
                uri: "/lists", method: .post, headers: Self.json, body: ByteBuffer(string: #"{"title": "Chores"}"#))
            let listId = try #require(try? JSONDecoder().decode(UUID.self, from: Data(created.body.readableBytesView)))
            let text: HTTPFields = [.contentType: "text/plain"]
            let imported = try await client.execute(
                uri: "/lists/\(listId)/imports", method: .post, headers: text, body: ByteBuffer(string: "Dust\n\n  Dishes \r\nLaundry\n"))
            #expect(imported.status == .created)
            #expect(String(buffer: imported.body) == "3")
            let page = try await client.execute(uri: "/lists/\(listId)/items?pageSize=10", method: .get)
            #expect(Set((object(page.body)["items"] as? [[String: Any]])?.compactMap { $0["title"] as? String } ?? []) == ["Dust", "Dishes", "Laundry"])
            let tooLarge = try await client.execute(
                uri: "/lists/\(listId)/imports", method: .post, headers: text, body: ByteBuffer(repeating: UInt8(ascii: "x"), count: 16 * 1024 + 1))
            #expect(tooLarge.status == .contentTooLarge)
            let notText = try await client.execute(
                uri: "/lists/\(listId)/imports", method: .post, headers: text, body: ByteBuffer(bytes: [0xFF, 0xFE]))
            #expect(notText.status == .badRequest)
            #expect((object(notText.body)["invalid-params"] as? [[String: String]])?.first?["reason"] == "must be UTF-8 text")
        }
    }

    @Test("a checklist is a list and its items, each created by a command of its own; an empty item ends it with its error")
    func checklist() async throws {
        try await withServer { client in
            let created = try await client.execute(
                uri: "/checklists", method: .post, headers: Self.json, body: ByteBuffer(string: #"{"title": "Trip", "items": ["Tickets", "Bags"]}"#))
            #expect(created.status == .created)
            let listId = try #require(try? JSONDecoder().decode(UUID.self, from: Data(created.body.readableBytesView)))
            let page = try await client.execute(uri: "/lists/\(listId)/items?pageSize=10", method: .get)
            #expect(Set((object(page.body)["items"] as? [[String: Any]])?.compactMap { $0["title"] as? String } ?? []) == ["Tickets", "Bags"])
            let emptyItem = try await client.execute(
                uri: "/checklists", method: .post, headers: Self.json, body: ByteBuffer(string: #"{"title": "Trip", "items": [" "]}"#))
            #expect(emptyItem.status == .unprocessableContent)
            #expect(object(emptyItem.body)["code"] as? String == "empty_title")
            let noItems = try await client.execute(
                uri: "/checklists", method: .post, headers: Self.json, body: ByteBuffer(string: #"{"title": "Trip", "items": []}"#))
            #expect(noItems.status == .unprocessableContent)
        }
    }

    @Test("the OpenAPI document generated from the spec is served, with a path for every route")
    func document() async throws {
        try await withServer { client in
            let response = try await client.execute(uri: "/openapi.json", method: .get)
            #expect(response.status == .ok)
            let paths = object(response.body)["paths"] as? [String: Any]
            #expect(Set(paths?.keys ?? [:].keys) == Set(OperationRoutes.all.map(\.path)))
        }
    }
}
