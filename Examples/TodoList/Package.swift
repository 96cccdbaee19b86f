// swift-tools-version: 6.1
// A layered app: the operations, their spec and their handlers in a library with public generated code, an
// executable that runs operations through the runtime's dispatcher, an HTTP server whose routes all come from the
// spec, and tests with the runtime's test support.
import PackageDescription

let package = Package(
    name: "TodoList",
    platforms: [.macOS(.v14)],
    dependencies: [
        // Your package names cqrs-gen by URL and version; this example uses the checkout it lives in.
        .package(name: "cqrs-gen", path: "../.."),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
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
        // The HTTP API: the spec's routes served on a Hummingbird router by CQRSHummingbird. TodoCore knows nothing
        // of HTTP; only this layer depends on a server.
        .target(
            name: "TodoHTTP",
            dependencies: [
                "TodoCore",
                .product(name: "CQRSHummingbird", package: "cqrs-gen"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .executableTarget(name: "todo-server", dependencies: ["TodoHTTP", .product(name: "Hummingbird", package: "hummingbird")]),
        .testTarget(
            name: "TodoCoreTests",
            dependencies: ["TodoCore", .product(name: "CQRSTesting", package: "cqrs-gen")]
        ),
        .testTarget(
            name: "TodoHTTPTests",
            dependencies: [
                "TodoHTTP", .product(name: "CQRSTesting", package: "cqrs-gen"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
