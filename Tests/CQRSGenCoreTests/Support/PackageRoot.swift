import Foundation

@testable import CQRSGenCore

/// The package's root folder, found from this file's path, so that tests read the real spec wherever they run.
enum PackageRoot {
    static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // CQRSGenCoreTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    static var specPath: String { url.appendingPathComponent("spec/operations.yaml").path }

    /// The App's configuration: the naming conventions and options its committed output was generated with.
    static var appConfigurationPath: String { url.appendingPathComponent("Sources/App/cqrs-gen-config.yaml").path }

    static func appConfiguration() throws -> GeneratorConfiguration {
        let result = try ConfigurationLoader().load(contentsOf: appConfigurationPath)
        precondition(result.diagnostics.isEmpty, "Sources/App/cqrs-gen-config.yaml has problems")
        return result.configuration
    }
}
