// swift-tools-version: 6.1
import PackageDescription

// The benchmark suite: its own package, so that benchmark-only dependencies (ordo-one's benchmark, Swinject) never
// reach the App or CI's main build. `python3 Benchmarks/run.py` builds it in release and prints the figures.
let package = Package(
    name: "cqrs-gen-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: ".."),
    ],
    targets: [
        // Writes seeded synthetic specs of any size.
        .executableTarget(name: "SpecSynthesizer", path: "Sources/SpecSynthesizer"),
    ],
    swiftLanguageModes: [.v6]
)
