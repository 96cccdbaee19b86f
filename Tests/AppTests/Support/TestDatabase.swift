import Foundation
import SQLKit

@testable import App

/// Where a test's database lives. By default a new SQLite file in the test's folder; with `APP_TEST_POSTGRES_URL`
/// set (CI sets it for a second run of these tests), a new schema of that PostgreSQL database, named after the
/// folder, so that a fixture restarted on the same folder finds its data again.
enum TestDatabase {
    static let postgresURL = ProcessInfo.processInfo.environment["APP_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

    /// Whether the tests run on SQLite: the tests of what only a file has (permissions, GRDB's files) need it.
    static var isSQLite: Bool { postgresURL == nil }

    static func location(in directory: URL) -> DatabaseLocation {
        guard let postgresURL else { return .sqlite(path: directory.appendingPathComponent("app.sqlite").path) }
        let schema = "test_" + directory.lastPathComponent.lowercased().filter { $0.isLetter || $0.isNumber }
        return .postgres(url: postgresURL, schema: schema)
    }

    /// A new, empty folder for one test.
    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("app-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// A new database, migrated, in a new folder; the caller removes the folder.
    static func open() async throws -> (database: AppDatabase, directory: URL) {
        let directory = try temporaryDirectory()
        return (try await AppDatabase.open(location(in: directory)), directory)
    }
}

extension AppDatabase {
    /// The column named `value` of a query's first row, read straight from the database.
    func scalar<Value: Decodable & Sendable>(_ type: Value.Type, _ query: SQLQueryString) async throws -> Value? {
        try await session().read { try await $0.scalar(Value.self, query) }
    }
}
