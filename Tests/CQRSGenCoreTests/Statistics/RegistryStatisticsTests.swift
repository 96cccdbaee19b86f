import Testing

@testable import CQRS
@testable import CQRSGenCore

@Suite("Statistics under Dashtam's keys")
struct SpecStatisticsTests {
    static let yaml = """
        version: 1
        categories:
          token: Tokens.
          auth: Authentication.
        types:
          Token: {fields: {value: String}}
        commands:
          GenerateToken: {category: token, description: X., result: Token, emitsEvents: false}
          RegisterUser: {category: auth, description: X., result: UUID}
          RefreshTokens: {category: token, description: X., result: "[Token]", requiresTransaction: false}
          RevokeToken: {category: token, description: X., result: Token?}
        queries:
          ListTokens: {category: token, description: X., result: "[Token]", pagination: offset, cachePolicy: long, fields: {limit: Int, offset: Int}}
          GetUser: {category: auth, description: X., result: UUID}
          GetToken: {category: token, description: X., result: Token, cachePolicy: long}
        """

    @Test("counts follow first appearance; a result DTO is a declared type itself, not an optional or array of one")
    func counts() throws {
        let spec = try #require(SpecLoader().load(Self.yaml).validSpec)
        let statistics = RegistryStatistics(spec)
        #expect(statistics.commandsByCategory == [.init("token", 3), .init("auth", 1)])
        #expect(statistics.queriesByCategory == [.init("token", 2), .init("auth", 1)])
        #expect(statistics.commandsWithResultDTO == 1)
        #expect(statistics.commandsEmittingEvents == 3)
        #expect(statistics.commandsRequiringTransaction == 3)
        #expect(statistics.paginatedQueries == 1)
        #expect(statistics.queriesByCachePolicy == [.init("long", 2), .init("none", 1)])
    }

    @Test("JSON keeps Dashtam's key order and spec order inside maps")
    func json() throws {
        let spec = try #require(SpecLoader().load(Self.yaml).validSpec)
        #expect(RegistryStatistics(spec).json() == """
            {
              "total_commands": 4,
              "total_queries": 3,
              "total_operations": 7,
              "commands_by_category": {
                "token": 3,
                "auth": 1
              },
              "queries_by_category": {
                "token": 2,
                "auth": 1
              },
              "commands_with_result_dto": 1,
              "commands_emitting_events": 3,
              "commands_requiring_transaction": 3,
              "paginated_queries": 1,
              "queries_by_cache_policy": {
                "long": 2,
                "none": 1
              },
              "total_routes": 0,
              "routes_by_method": {},
              "public_routes": 0,
              "rate_limited_routes": 0,
              "deprecated_routes": 0,
              "total_events": 0,
              "total_workflows": 0,
              "events_by_category": {},
              "events_by_phase": {},
              "logged_events": 0,
              "audited_events": 0,
              "email_events": 0,
              "session_events": 0
            }
            """)
    }

    @Test("an empty registry has empty maps")
    func emptyRegistry() throws {
        let spec = try #require(SpecLoader().load("version: 1\n").validSpec)
        let json = RegistryStatistics(spec).json()
        #expect(json.contains(#""commands_by_category": {},"#))
        #expect(json.contains(#""queries_by_cache_policy": {}"#))
        #expect(RegistryStatistics(spec).text().hasPrefix("total_commands: 0\ntotal_queries: 0\ntotal_operations: 0\ncommands_by_category:\nqueries_by_category:\n"))
    }

    @Test("JSON strings are escaped")
    func jsonEscaping() {
        #expect(RegistryStatistics.jsonString("a\"b\\c\nd\u{1}") == #""a\"b\\c\nd\u0001""#)
    }
}
