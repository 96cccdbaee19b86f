import CQRS
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

@testable import App

/// The server on loopback under 200 requests at once: every one succeeds and every write is there afterwards.
@Suite("200 concurrent requests")
struct ConcurrencyTests {
    static let requestCount = 200

    @Test("100 registrations and 100 imports into one account, all at once: no error, no lost write")
    func concurrentWrites() async throws {
        let fixture = try await ServerFixture.make()
        defer { fixture.removeFiles() }
        try await fixture.application().test(.live) { client in
            let port = try #require(client.port)
            let ada = try await EndToEndTests.signUp(client, fixture, email: "ada@example.com")
            let configuration = URLSessionConfiguration.ephemeral
            configuration.httpMaximumConnectionsPerHost = Self.requestCount
            configuration.timeoutIntervalForRequest = 120
            let http = URLSession(configuration: configuration)
            let base = "http://127.0.0.1:\(port)/api/v1"

            let statuses = try await withThrowingTaskGroup(of: (Int, Int, String).self) { group in
                for index in 0..<Self.requestCount {
                    group.addTask {
                        var request: URLRequest
                        if index.isMultiple(of: 2) {
                            request = URLRequest(url: URL(string: "\(base)/users")!)
                            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
                            request.httpBody = Data(#"{"email": "user\#(index)@example.com", "password": "Str0ng!pass"}"#.utf8)
                        } else {
                            // Each statement holds one transaction of its own, all into the same imported account.
                            request = URLRequest(url: URL(string: "\(base)/imports?format=csv")!)
                            request.setValue("Bearer \(ada.access)", forHTTPHeaderField: "Authorization")
                            request.httpBody = Data("date,id,description,amount\n2026-11-01,T\(index),Row \(index),-\(index).00\n".utf8)
                        }
                        request.httpMethod = "POST"
                        let (data, response) = try await http.data(for: request)
                        return (index, (response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let failures = statuses.filter { $0.1 != 201 }
            #expect(statuses.count == Self.requestCount)
            #expect(failures.isEmpty, "\(failures.prefix(3))")
        }
        #expect(try await fixture.count("users") == 1 + Self.requestCount / 2)
        #expect(try await fixture.count("transactions") == Self.requestCount / 2)
        #expect(try await fixture.count("accounts") == 1, "concurrent first imports share one account")
        #expect(try await fixture.count("provider_connections") == 1)
    }
}
