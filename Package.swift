// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "cqrs-gen",
    // Hummingbird 2's floor; the generator itself runs anywhere Swift 6 does.
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "cqrs-gen", targets: ["cqrs-gen"]),
        .library(name: "CQRSGenCore", targets: ["CQRSGenCore"]),
        .library(name: "CQRS", targets: ["CQRS"]),
        .library(name: "CQRSTesting", targets: ["CQRSTesting"]),
        .library(name: "CQRSObservability", targets: ["CQRSObservability"]),
        .library(name: "CQRSHummingbird", targets: ["CQRSHummingbird"]),
        .plugin(name: "CQRSGenPlugin", targets: ["CQRSGenPlugin"]),
        .plugin(name: "GenerateCQRSCommand", targets: ["GenerateCQRSCommand"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // The App's server, database and security: the field's standard packages.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        // The App's background work beside the server (the event outbox's sweep); Hummingbird depends on it already.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        // The App's database: one code path over SQL, with SQLite's and PostgreSQL's drivers behind it.
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.17.0"),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.7.0"),
        .package(url: "https://github.com/apple/swift-crypto", "4.1.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        // CQRSObservability's behaviours; Hummingbird depends on both already.
        .package(url: "https://github.com/apple/swift-metrics", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-distributed-tracing", from: "1.1.0"),
        // The App's metrics backend: what MetricsBehavior counts, in Prometheus's text format.
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.1.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.3.0"),
        // The App's CSV statements: RFC 4180 records, quoted line breaks included.
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        // `swift package generate-documentation`: the DocC catalogue in Sources/CQRSGenCore/Documentation.docc.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
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
        // What tests of a CQRS application need: an in-memory unit of work, a recording event publisher, a manual
        // clock. No dependencies beyond CQRS.
        .target(name: "CQRSTesting", dependencies: ["CQRS"]),
        // Behaviours that log, count and trace every operation, through the server ecosystem's APIs: a product of
        // its own, so that the runtime stays free of dependencies.
        .target(
            name: "CQRSObservability",
            dependencies: [
                "CQRS",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
            ]
        ),
        // Serves the routes a spec binds on a Hummingbird 2 router: a product of its own, so that applications on
        // other servers never resolve Hummingbird.
        .target(
            name: "CQRSHummingbird",
            dependencies: [
                "CQRS",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
            ]
        ),
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
        // Runs cqrs-gen on every build of the target it is applied to; its output is compiled into that target.
        .plugin(
            name: "CQRSGenPlugin",
            capability: .buildTool(),
            dependencies: ["cqrs-gen"]
        ),
        // `swift package --allow-writing-to-package-directory generate-cqrs` refreshes the committed Generated/.
        .plugin(
            name: "GenerateCQRSCommand",
            capability: .command(
                intent: .custom(verb: "generate-cqrs", description: "Writes the Swift generated from spec/operations.yaml to Generated/."),
                permissions: [.writeToPackageDirectory(reason: "Generated/ holds the generated Swift for review.")]
            ),
            dependencies: ["cqrs-gen"]
        ),
        // The application whose registry spec/operations.yaml is: its handlers, over the dependency protocols it owns,
        // their SQLite adapters, the dispatch path that gives the spec's metadata its meaning, and the HTTP server.
        .executableTarget(
            name: "App",
            dependencies: [
                "CQRS", "CQRSObservability", "CQRSHummingbird",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "SwiftCSV", package: "SwiftCSV"),
            ],
            plugins: ["CQRSGenPlugin"]
        ),
        // The runtime's dispatcher and behaviours, with the test support product.
        .testTarget(
            name: "CQRSTests",
            dependencies: ["CQRS", "CQRSTesting"]
        ),
        .testTarget(
            name: "CQRSObservabilityTests",
            dependencies: [
                "CQRSObservability", "CQRSTesting",
                .product(name: "MetricsTestKit", package: "swift-metrics"),
                .product(name: "InMemoryTracing", package: "swift-distributed-tracing"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // A notebook served by CQRSHummingbird for its tests: its routes are generated from its own spec and served as
        // any application's would be. A library beside the tests, because SwiftPM cannot apply a build plugin whose
        // tool is in the same package to a test target.
        .target(
            name: "NotebookService",
            dependencies: ["CQRS", "CQRSHummingbird", "CQRSTesting"],
            path: "Tests/NotebookService",
            exclude: ["operations.yaml"],
            plugins: ["CQRSGenPlugin"]
        ),
        .testTarget(
            name: "CQRSHummingbirdTests",
            dependencies: [
                "CQRS", "CQRSHummingbird", "CQRSTesting", "NotebookService",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "CQRSGenCoreTests",
            dependencies: ["CQRSGenCore", "CQRS"],
            // Reference output read as data, never compiled here.
            exclude: ["Fixtures"]
        ),
        // The App's registry, factories and handlers, against in-memory adapters; and its agreement with the spec.
        .testTarget(
            name: "AppTests",
            dependencies: [
                "App", "CQRS", "CQRSGenCore", "CQRSTesting",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            // A database file written by the release before sql-kit, which the App must still open.
            resources: [.copy("Fixtures")]
        ),
        // Runs the built `cqrs-gen` binary as a user would: exit codes, output streams, formats.
        .testTarget(
            name: "CQRSGenCLITests",
            // CQRSGenCore for its tables of names (random specs draw the reserved ones), never to run the pipeline.
            dependencies: ["cqrs-gen", "CQRSGenCore"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
