import ArgumentParser
import CQRSGenCore

extension GeneratorOptions.AccessLevel: ExpressibleByArgument {}

/// Options that shape generated code; `generate` and `check` must agree on them. Each overrides the configuration.
struct GenerationOptions: ParsableArguments {
    @Option(help: "The access level of generated declarations: internal, package or public (default: the configuration's accessModifier, else internal).")
    var accessLevel: GeneratorOptions.AccessLevel?

    @Flag(inversion: .prefixedNo, help: "Whether to write OPERATIONS.md, the catalogue for reviewers, with the Swift files (default: the configuration's catalogue, else yes).")
    var catalogue: Bool?

    func generatorOptions(_ loaded: SpecOptions.Loaded) -> GeneratorOptions {
        GeneratorOptions(
            accessLevel: accessLevel ?? loaded.configuration.accessModifier, specPath: loaded.shownPath,
            writesCatalogue: catalogue ?? loaded.configuration.catalogue,
            maximumPageSize: loaded.configuration.maximumPageSize)
    }
}
