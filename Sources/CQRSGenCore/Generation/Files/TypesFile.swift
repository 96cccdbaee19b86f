/// `CQRSTypes.swift`: the spec's declared types, structs and enumerations, in spec order.
struct TypesFile: GeneratedFileRenderer {
    static let name = CQRSGenContract.typesFileName

    func render(_ context: GenerationContext, into writer: inout SwiftWriter) {
        context.header("the declared result and value types.", into: &writer)
        for type in context.spec.types {
            writer.blankLine()
            writer.line(context.provenance(type.location))
            writer.documentation(type.description)
            switch type.body {
            case .structure(let fields):
                writer.block("\(context.access)struct \(type.name): Sendable, Hashable, Codable") { writer in
                    StoredPropertiesRenderer.render(fields, context, into: &writer)
                }
            case .enumeration(let cases):
                writer.block("\(context.access)enum \(type.name): String, Sendable, Hashable, Codable, CaseIterable") { writer in
                    for enumCase in cases {
                        writer.documentation(enumCase.description)
                        let name = SwiftName.escaped(enumCase.name)
                        writer.line(enumCase.rawValue == enumCase.name
                            ? "case \(name)" : "case \(name) = \(SwiftLiteral.string(enumCase.rawValue))")
                    }
                }
            }
        }
    }
}
