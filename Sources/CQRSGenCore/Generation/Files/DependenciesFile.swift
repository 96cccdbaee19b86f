/// `CQRSDependencies.swift`: the two scopes handlers draw their dependencies from. The application implements them:
/// one value per request for the request scope, one for the life of the app for the app scope.
struct DependenciesFile: GeneratedFileRenderer {
    static let name = CQRSGenContract.dependenciesFileName

    func render(_ context: GenerationContext, into writer: inout SwiftWriter) {
        context.header("the dependency scopes the application provides.", into: &writer)
        writer.blankLine()
        writer.line("/// What each request provides to handlers: repositories and per-request services, all built on the")
        writer.line("/// request's one database session. The application provides a new one for every request.")
        scope(GeneratedNames.requestDependencies, context.spec.requestDependencies, context, &writer)
        writer.blankLine()
        writer.line("/// The app's singletons, built once and shared by every request.")
        scope(GeneratedNames.appDependencies, context.spec.appDependencies, context, &writer)
    }

    private func scope(
        _ name: String, _ dependencies: [DependencySpec], _ context: GenerationContext, _ writer: inout SwiftWriter
    ) {
        writer.block("\(context.access)protocol \(name): Sendable") { writer in
            for dependency in dependencies {
                writer.blankLine()
                // The provenance quotes the spec's line just above the directive, so that the compiler's excerpt of a
                // problem with the type (one the application does not declare, or declares less visible than this
                // protocol), reported at that line, shows it.
                let quoted = context.quotedLine(dependency.location)
                if quoted == nil { writer.line(context.provenance(dependency.location)) }
                writer.documentation(dependency.description)
                if let quoted { writer.line(quoted) }
                writer.unindentedLine(context.sourceLocation(dependency.location))
                writer.line("var \(SwiftName.escaped(dependency.propertyName.value)): \(context.dependencyType(dependency)) { get }")
                writer.unindentedLine("#sourceLocation()")
            }
        }
    }
}
