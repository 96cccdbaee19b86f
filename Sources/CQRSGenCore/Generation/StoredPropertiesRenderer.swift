/// Stored properties and the memberwise initialiser of a generated struct: documented properties in spec order,
/// and an initialiser whose parameters carry the spec's defaults.
enum StoredPropertiesRenderer {
    static func render(_ fields: [FieldSpec], _ context: GenerationContext, into writer: inout SwiftWriter) {
        for field in fields {
            writer.documentation(field.description)
            writer.line("\(context.access)let \(SwiftName.escaped(field.name)): \(context.swiftType(field.type))")
        }
        if !fields.isEmpty { writer.blankLine() }

        let parameters = fields.map { field -> String in
            var parameter = SwiftName.escaped(field.name)
            if field.name == "self" { parameter += " " + SwiftName.parameter(field.name) }
            parameter += ": " + context.swiftType(field.type)
            if let value = field.defaultValue, let type = field.type.expression {
                parameter += " = " + DefaultValueExpression.render(value, as: type, types: context.index.types)
            }
            return parameter
        }
        let opening = "\(context.access)init("
        let oneLine = opening + parameters.joined(separator: ", ") + ")"
        if fields.isEmpty {
            writer.line(oneLine + " {}")
            return
        }
        if oneLine.count <= 100 {
            writer.line(oneLine + " {")
        } else {
            writer.line(opening)
            for (index, parameter) in parameters.enumerated() {
                writer.line("    " + parameter + (index == parameters.count - 1 ? "" : ","))
            }
            writer.line(") {")
        }
        for field in fields {
            writer.line("    self.\(SwiftName.escaped(field.name)) = \(SwiftName.parameter(field.name))")
        }
        writer.line("}")
    }
}
