// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "cqrs-gen",
    products: [
        .executable(name: "cqrs-gen", targets: ["cqrs-gen"]),
        .library(name: "CQRSGenCore", targets: ["CQRSGenCore"]),
        .library(name: "CQRS", targets: ["CQRS"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // The system libyaml, read through its event API. No other YAML library is used.
        .systemLibrary(
            name: "CYaml",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev", "pkg-config"]), .brew(["libyaml"])]
        ),
        // The runtime that generated code and applications build on: operation and handler protocols, metadata,
        // the registry and its views. No dependencies.
        .target(name: "CQRS"),
        // Every stage of the generator (read → decode → validate → …), testable without the CLI.
        .target(
            name: "CQRSGenCore",
            dependencies: ["CYaml", "CQRS"]
        ),
        // The thin command-line front end.
        .executableTarget(
            name: "cqrs-gen",
            dependencies: [
                "CQRSGenCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "CQRSGenCoreTests",
            dependencies: ["CQRSGenCore", "CQRS"]
        ),
        // Runs the built `cqrs-gen` binary as a user would: exit codes, output streams, formats.
        .testTarget(
            name: "CQRSGenCLITests",
            dependencies: ["cqrs-gen"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
