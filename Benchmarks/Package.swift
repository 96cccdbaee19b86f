// swift-tools-version: 6.1
import PackageDescription

// The benchmark suite: its own package, so that benchmark-only dependencies (ordo-one's benchmark, Swinject) never
// reach the App or CI's main build. `python3 Benchmarks/run.py` builds it in release and prints the figures.
let package = Package(
    name: "cqrs-gen-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "cqrs-gen", path: ".."),
        .package(url: "https://github.com/ordo-one/package-benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/Swinject/Swinject", from: "2.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
    ],
    targets: [
        // Writes seeded synthetic specs of any size.
        .executableTarget(name: "SpecSynthesizer", path: "Sources/SpecSynthesizer"),
        // The system libyaml, for the floor below.
        .systemLibrary(name: "LibYAML", path: "Sources/LibYAML", pkgConfig: "yaml-0.1"),
        // A floor under any Swift generator: libyaml's events, with every scalar made a Swift `String`.
        .executableTarget(name: "ScalarStrings", dependencies: ["LibYAML"], path: "Sources/ScalarStrings"),
        // Times `cqrs-gen generate`'s stages apart, for one spec.
        .executableTarget(
            name: "StageTimes",
            dependencies: [.product(name: "CQRSGenCore", package: "cqrs-gen")],
            path: "Sources/StageTimes"
        ),
        // One dispatch from nonisolated code, against calling the handler closure: the dispatcher's own cost.
        .executableTarget(
            name: "DispatchLoop",
            dependencies: [.product(name: "CQRS", package: "cqrs-gen")],
            path: "Sources/DispatchLoop",
            plugins: [.plugin(name: "CQRSGenPlugin", package: "cqrs-gen")]
        ),
        // A server with each operation routed twice, by the generated route and by hand, for wrk to time side by side
        // (Benchmarks/route_latency.py).
        .executableTarget(
            name: "RouteLatency",
            dependencies: [
                .product(name: "CQRS", package: "cqrs-gen"),
                .product(name: "CQRSHummingbird", package: "cqrs-gen"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            path: "Sources/RouteLatency",
            exclude: ["operations.yaml"],
            plugins: [.plugin(name: "CQRSGenPlugin", package: "cqrs-gen")]
        ),
        // Runtime micro-benchmarks over code generated from Benchmarks/spec/operations.yaml by the build plugin.
        .executableTarget(
            name: "RuntimeBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "CQRS", package: "cqrs-gen"),
                .product(name: "Swinject", package: "Swinject"),
            ],
            path: "Benchmarks/RuntimeBenchmarks",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "package-benchmark"),
                .plugin(name: "CQRSGenPlugin", package: "cqrs-gen"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
