import ArgumentParser
import CQRSGenCore

extension GeneratorOptions.AccessLevel: ExpressibleByArgument {}

/// Options that shape generated code; `generate` and `check` must agree on them. Each overrides the configuration.
struct GenerationOptions: ParsableArguments {
    @Option(help: "The access level of generated declarations: internal, package or public (default: the configuration's accessModifier, else internal).")
    var accessLevel: GeneratorOptions.AccessLevel?

    @Flag(inversion: .prefixedNo, help: "Whether to write OPERATIONS.md, the catalogue for reviewers, with the Swift files (default: the configuration's catalogue, else yes).")
    var catalogue: Bool?

    /// The configuration's options, with what the command line says instead.
    func generatorOptions(_ loaded: SpecOptions.Loaded) -> GeneratorOptions {
        var options = loaded.configuration.generatorOptions(specPath: loaded.shownPath)
        if let accessLevel { options.accessLevel = accessLevel }
        if let catalogue { options.writesCatalogue = catalogue }
        return options
    }
}
