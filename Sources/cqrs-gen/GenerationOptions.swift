import ArgumentParser
import CQRSGenCore

extension GeneratorOptions.AccessLevel: ExpressibleByArgument {}

/// Options that shape generated code; `generate` and `check` must agree on them.
struct GenerationOptions: ParsableArguments {
    @Option(help: "The access level of generated declarations: internal, package or public.")
    var accessLevel: GeneratorOptions.AccessLevel = .internal

    @Flag(inversion: .prefixedNo, help: "Whether to write OPERATIONS.md, the catalogue for reviewers, with the Swift files.")
    var catalogue = true

    func generatorOptions(specPath: String) -> GeneratorOptions {
        GeneratorOptions(accessLevel: accessLevel, specPath: specPath, writesCatalogue: catalogue)
    }
}
