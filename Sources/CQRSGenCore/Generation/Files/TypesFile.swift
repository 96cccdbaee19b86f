/// `CQRSTypes.swift`: the spec's declared types, structs and enumerations, in spec order.
struct TypesFile: GeneratedFileRenderer {
    static let name = CQRSGenContract.typesFileName

    func render(_ context: GenerationContext, into writer: inout SwiftWriter) {
        context.header("the declared result and value types.", into: &writer)
        for type in context.renderedTypes {
            writer.blankLine()
            writer.line(context.provenance(type.location))
            writer.documentation(type.description)
            switch type.body {
            case .structure(let fields):
                // A parameter carries the conformances its struct synthesises from it.
                let parameters = type.parameters.isEmpty
                    ? "" : "<" + type.parameters.map { "\($0.value): Sendable & Hashable & Codable" }.joined(separator: ", ") + ">"
                writer.block("\(context.access)struct \(type.name)\(parameters): Sendable, Hashable, Codable") { writer in
                    StoredPropertiesRenderer.render(fields, context, into: &writer)
                    codingKeys(fields, context, into: &writer)
                }
            case .enumeration(let cases):
                writer.block("\(context.access)enum \(type.name): \(type.rawType.rawValue), Sendable, Hashable, Codable, CaseIterable") { writer in
                    for enumCase in cases {
                        writer.documentation(enumCase.description)
                        let name = SwiftName.escaped(enumCase.name)
                        switch type.rawType {
                        case .string:
                            writer.line(enumCase.rawValue == enumCase.name
                                ? "case \(name)" : "case \(name) = \(SwiftLiteral.string(enumCase.rawValue))")
                        case .int:
                            // Every value written out, so that a reader never counts cases to find one.
                            writer.line("case \(name) = \(enumCase.rawValue)")
                        }
                    }
                }
            }
        }
    }

    /// With `http.wireNames: snake_case`, the struct's JSON names its members as routes and the OpenAPI document do,
    /// by itself, so that no encoder's key strategy has to agree.
    private func codingKeys(_ fields: [FieldSpec], _ context: GenerationContext, into writer: inout SwiftWriter) {
        let names = fields.map { ($0.name, context.options.wireNames.wireName(of: $0.name)) }
        guard names.contains(where: { $0.0 != $0.1 }) else { return }
        writer.blankLine()
        writer.block("enum CodingKeys: String, CodingKey") { writer in
            for (name, wire) in names {
                let escaped = SwiftName.escaped(name)
                writer.line(wire == name ? "case \(escaped)" : "case \(escaped) = \(SwiftLiteral.string(wire))")
            }
        }
    }
}
