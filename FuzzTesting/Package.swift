// swift-tools-version: 6.1
import PackageDescription

// The fuzz target: its own package, built with libFuzzer and AddressSanitizer, so that those flags never reach the
// main build. `FuzzTesting/fuzz.sh SECONDS` builds it and runs it over the seed corpus in `Corpus/`.
let package = Package(
    name: "cqrs-gen-fuzz-testing",
    dependencies: [
        .package(name: "cqrs-gen", path: ".."),
    ],
    targets: [
        // The declaration of libFuzzer's driver, which the target's `main` calls.
        .target(name: "CFuzzerDriver"),
        // Spec bytes in, diagnostics or generated files out: the whole pipeline, as `cqrs-gen generate` runs it.
        .executableTarget(
            name: "FuzzSpec",
            dependencies: ["CFuzzerDriver", .product(name: "CQRSGenCore", package: "cqrs-gen")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
