/// One of the generated files: a fixed name, and its text for a spec.
protocol GeneratedFileRenderer: Sendable {
    static var name: String { get }
    func render(_ context: GenerationContext, into writer: inout SwiftWriter)
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

/// Turns a valid spec into the generated Swift, and the catalogue for reviewers: always the same fixed set of files,
/// whatever the spec holds, because a build plugin must declare its outputs before it runs and every declared output
/// must be written.
public struct Generator: Sendable {
    public var options: GeneratorOptions

    public init(options: GeneratorOptions = GeneratorOptions()) {
        self.options = options
    }

    /// The Swift files, in order: what the build plugin declares and compiles.
    public static let swiftFileNames: [String] = CQRSGenContract.swiftFileNames
    /// The reviewers' catalogue, written beside the Swift files unless the options leave it out.
    public static let catalogueFileName = CatalogueFile.name
    /// The OpenAPI document, written with the catalogue.
    public static let openAPIFileName = OpenAPIFile.name

    /// One renderer for each of the contract's Swift files, in its order (a test checks that they match).
    static let swiftRenderers: [any GeneratedFileRenderer] = [
        TypesFile(), OperationsFile(), EventsFile(), DependenciesFile(), HandlersFile(), RegistryFile(), RoutesFile(),
    ]

    /// What these options generate, in order: each renderer once, or, for a file `outputShards` splits, once for
    /// what its items share and once per shard.
    var parts: [(name: String, renderer: any GeneratedFileRenderer, part: OutputPart)] {
        let renderers = Self.swiftRenderers + (options.writesCatalogue ? [CatalogueFile(), OpenAPIFile()] : [])
        let count = options.outputShards
        return renderers.flatMap { renderer -> [(name: String, renderer: any GeneratedFileRenderer, part: OutputPart)] in
            let name = type(of: renderer).name
            guard count > 1, CQRSGenContract.shardedFileNames.contains(name) else { return [(name, renderer, .whole)] }
            return [(name, renderer, .shared)] + (1...count).map { number in
                (CQRSGenContract.shardFileName(name, shard: number, of: count), renderer, .shard(number, of: count))
            }
        }
    }

    /// The names of the files `generate` returns and `write` writes, in order.
    public var fileNames: [String] { parts.map(\.name) }

    /// What every part of the output reads: the spec, its index, and the items of each shard, split once.
    func context(_ spec: Spec) -> GenerationContext {
        GenerationContext(spec: spec, index: SpecIndex(spec), options: options)
    }

    /// The generated files for `spec`, which must have passed validation: the same bytes for the same spec and
    /// options, every time, on every machine.
    public func generate(_ spec: Spec) -> [GeneratedFile] {
        let context = self.context(spec)
        // The files do not depend on each other: render them on all cores, in a fixed order.
        return parts.concurrentMap { file in
            var writer = SwiftWriter()
            file.renderer.render(context.writing(file.part, of: type(of: file.renderer).name), into: &writer)
            return GeneratedFile(name: file.name, contents: writer.text)
        }
    }

    /// Generates the files for `spec` straight into `directory`: the same bytes as `generate`, each file streamed to
    /// disk as it is rendered, so that memory does not grow with the output, and written atomically only when its
    /// bytes change. Earlier generated files that are no longer produced are removed.
    public func write(_ spec: Spec, to directory: OutputDirectory) throws(OutputError) -> OutputDirectory.WriteReport {
        try directory.create()
        let context = self.context(spec)
        let parts = self.parts
        let outcomes = parts.concurrentMap { file -> Result<Bool, OutputError> in
            Result { () throws(OutputError) -> Bool in
                try directory.update(file.name) { update in
                    var writer = SwiftWriter(sink: update.append)
                    file.renderer.render(context.writing(file.part, of: type(of: file.renderer).name), into: &writer)
                    writer.finish()
                }
            }
        }
        var report = OutputDirectory.WriteReport()
        for (file, outcome) in zip(parts, outcomes) {
            if try outcome.get() { report.written.append(file.name) } else { report.unchanged.append(file.name) }
        }
        report.removed = directory.removeGeneratedFiles(otherThan: parts.map(\.name))
        return report
    }
}
