/// The starting point of a handler the spec names but the application does not have yet: its type, its
/// conformance to the generated protocol, the stored properties the generated factory initialises it with (the
/// spec's dependencies, in order, so the memberwise initialiser is the one the factory calls), and a `handle` that
/// fails with `not_implemented` until its logic is written. It compiles as it is, and never pretends to succeed.
public struct HandlerScaffold: Hashable, Sendable {
    /// Where the file goes, relative to the sources folder: `<Category>/<Handler>.swift`.
    public var path: String
    public var handlerName: String
    public var contents: String

    /// A scaffold for each operation whose handler type `existing` does not declare, in spec order.
    public static func missing(in spec: Spec, existing handlerNames: Set<String>, specPath: String) -> [HandlerScaffold] {
        let index = SpecIndex(spec)
        return index.operations.filter { !handlerNames.contains($0.handler.name.value) }.map { operation in
            scaffold(operation, GenerationContext(spec: spec, index: index, options: GeneratorOptions(specPath: specPath)))
        }
    }

    static func scaffold(_ operation: OperationSpec, _ context: GenerationContext) -> HandlerScaffold {
        let index = context.index, specPath = context.options.specPath
        let name = operation.handler.name.value
        let kind = operation.isCommand ? "command" : "query"
        var writer = SwiftWriter()
        writer.line("import CQRS")
        writer.line("import Foundation")
        writer.blankLine()
        writer.documentation(operation.description)
        writer.line("///")
        writer.line("/// Scaffolded by `cqrs-gen scaffold` from \(specPath):\(operation.location.line); the file is yours to edit.")
        writer.block("struct \(name): \(GenerationContext.handlerProtocol(operation))") { writer in
            for reference in operation.handler.dependencies {
                guard let dependency = index.dependencies[reference.value] else { continue }
                let type = dependency.kind == .protocol ? "any \(dependency.typeName)" : dependency.typeName
                writer.line("let \(SwiftName.escaped(dependency.propertyName.value)): \(type)")
            }
            let publishes = context.spec.declaresEvents && operation.listsEvents
            if publishes {
                writer.line("/// The only events this handler can publish: the ones the spec lists for ``\(operation.name)``.")
                writer.line("let \(HandlersFile.eventsMember): \(GeneratedNames.eventSink(of: operation.name))")
            }
            if operation.runsOperations {
                writer.line("/// The only operations this handler can run: the ones the spec lists for ``\(operation.name)`` under `runs`.")
                writer.line("let \(HandlersFile.stepsMember): \(GeneratedNames.steps(of: operation.name))")
            }
            if !operation.handler.dependencies.isEmpty || publishes || operation.runsOperations { writer.blankLine() }
            writer.block(
                "func handle(_ \(kind): \(operation.name)) async -> Result<\(context.resultType(operation)), OperationError>"
            ) { writer in
                writer.line(".failure(.notImplemented(\(SwiftLiteral.string(operation.name))))")
            }
        }
        return HandlerScaffold(path: "\(folderName(operation.category.value))/\(name).swift", handlerName: name, contents: writer.text)
    }

    /// `data_sync` → `DataSync`: the folder handlers of a category share.
    static func folderName(_ category: String) -> String {
        category.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
