// swift-tools-version: 6.1
// A layered app: the operations, their spec and their handlers in a library with public generated code, an
// executable that runs operations through the runtime's dispatcher, and tests with the runtime's test support.
import PackageDescription

let package = Package(
    name: "TodoList",
    platforms: [.macOS(.v14)],
    dependencies: [
        // Your package names cqrs-gen by URL and version; this example uses the checkout it lives in.
        .package(name: "cqrs-gen", path: "../.."),
    ],
    targets: [
        // The domain: Sources/TodoCore/operations.yaml, its configuration, the handlers and their storage.
        .target(
            name: "TodoCore",
            dependencies: [.product(name: "CQRS", package: "cqrs-gen")],
            plugins: [.plugin(name: "CQRSGenPlugin", package: "cqrs-gen")]
        ),
        // The command-line front end: uses only TodoCore's public API.
        .executableTarget(name: "todo", dependencies: ["TodoCore"]),
        .testTarget(
            name: "TodoCoreTests",
            dependencies: ["TodoCore", .product(name: "CQRSTesting", package: "cqrs-gen")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
