import Foundation

/// The package's root folder, found from this file's path, so that tests read the real spec wherever they run.
enum PackageRoot {
    static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // CQRSGenCoreTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    static var specPath: String { url.appendingPathComponent("spec/operations.yaml").path }
}
