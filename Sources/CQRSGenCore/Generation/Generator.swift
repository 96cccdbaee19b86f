/// One of the generated files: a fixed name, and its text for a spec.
protocol GeneratedFileRenderer: Sendable {
    static var name: String { get }
    func render(_ context: GenerationContext) -> String
}

/// A generated file's name and contents.
public struct GeneratedFile: Hashable, Sendable {
    public var name: String
    public var contents: String

    public init(name: String, contents: String) {
        self.name = name
        self.contents = contents
    }
}

/// Turns a valid spec into the generated Swift: always the same fixed set of files, whatever the spec holds, because
/// a build plugin must declare its outputs before it runs and every declared output must be written.
public struct Generator: Sendable {
    public var options: GeneratorOptions

    public init(options: GeneratorOptions = GeneratorOptions()) {
        self.options = options
    }

    /// The names of the files `generate` returns, in order. The build plugin declares the same list.
    public static let fileNames: [String] = renderers.map { type(of: $0).name }

    private static let renderers: [any GeneratedFileRenderer] = [
        TypesFile(), OperationsFile(), DependenciesFile(), HandlersFile(), RegistryFile(),
    ]

    /// The generated files for `spec`, which must have passed validation: the same bytes for the same spec and
    /// options, every time, on every machine.
    public func generate(_ spec: Spec) -> [GeneratedFile] {
        let context = GenerationContext(spec: spec, index: SpecIndex(spec), options: options)
        // The files do not depend on each other: render them on all cores, in a fixed order.
        return Self.renderers.concurrentMap { GeneratedFile(name: type(of: $0).name, contents: $0.render(context)) }
    }
}
