// swift-tools-version: 6.1
// A modular app: two feature modules, each with its own spec and configuration, linked into one executable.
// Both declare an operation named GetSummary; each module's generated code is its own.
import PackageDescription

let package = Package(
    name: "Storefront",
    platforms: [.macOS(.v14)],
    dependencies: [
        // Your package names cqrs-gen by URL and version; this example uses the checkout it lives in.
        .package(name: "cqrs-gen", path: "../.."),
    ],
    targets: [
        .target(
            name: "Catalog",
            dependencies: [.product(name: "CQRS", package: "cqrs-gen")],
            plugins: [.plugin(name: "CQRSGenPlugin", package: "cqrs-gen")]
        ),
        .target(
            name: "Orders",
            dependencies: [.product(name: "CQRS", package: "cqrs-gen")],
            plugins: [.plugin(name: "CQRSGenPlugin", package: "cqrs-gen")]
        ),
        .executableTarget(name: "storefront", dependencies: ["Catalog", "Orders"]),
        .testTarget(name: "StorefrontTests", dependencies: ["Catalog", "Orders"]),
    ],
    swiftLanguageModes: [.v6]
)
