/// Every name in the spec must be a valid Swift identifier in the case Swift's API guidelines give its role: types
/// UpperCamelCase, fields, properties and enum cases lowerCamelCase. Category names are raw values, written in
/// lower snake_case. Swift keywords are fine as field names: generated code escapes them.
public struct IdentifierRule: ValidationRule {
    public init() {}

    public func validate(_ spec: Spec, _ index: SpecIndex) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        /// Reports `name` if it is not a Swift identifier, or not in the case its role asks for. The subject of the
        /// message is only built for a name that is reported.
        func check(_ name: String, _ role: String, in owner: @autoclosure () -> String? = nil, upper: Bool, at location: SourceLocation) {
            if upper ? SwiftIdentifier.isUpperCamelCase(name) : SwiftIdentifier.isLowerCamelCase(name) { return }
            let subject = "\(role) '\(name)'" + (owner().map { " in \($0)" } ?? "")
            if let problem = SwiftIdentifier.problem(with: name) {
                let noun = upper ? "Swift type name" : "Swift identifier"
                diagnostics.append(.error("\(subject) is not a valid \(noun): \(problem)", at: location))
                return
            }
            let (suggestion, caseName) = upper
                ? (SwiftIdentifier.upperCamelCased(name), "UpperCamelCase")
                : (SwiftIdentifier.lowerCamelCased(name), "lowerCamelCase")
            diagnostics.append(.error(
                "\(subject) must be \(caseName)" + (suggestion == name ? "" : ", like '\(suggestion)'"), at: location))
        }
        func typeName(_ name: String, _ role: String, at location: SourceLocation) {
            check(name, role, upper: true, at: location)
        }
        func memberName(_ name: String, _ role: String, in owner: @autoclosure () -> String? = nil, at location: SourceLocation) {
            check(name, role, in: owner(), upper: false, at: location)
        }

        for category in spec.categories where !SwiftIdentifier.isSnakeCase(category.name) {
            diagnostics.append(.error(
                "category name '\(category.name)' must be lowercase snake_case (letters, digits and '_', starting with a letter)",
                at: category.location))
        }
        for dependency in spec.dependencies {
            typeName(dependency.typeName, "dependency type", at: dependency.location)
            memberName(dependency.propertyName.value, "dependency property name", at: dependency.propertyName.location)
        }
        for type in spec.types {
            typeName(type.name, "type name", at: type.location)
            for parameter in type.parameters {
                typeName(parameter.value, "type parameter", at: parameter.location)
            }
            for enumCase in type.cases {
                memberName(enumCase.name, "case name", in: "'\(type.name)'", at: enumCase.location)
            }
        }
        for operation in index.operations {
            typeName(operation.name, "\(operation.roleName) name", at: operation.location)
            if operation.handler.isNameExplicit {
                typeName(operation.handler.name.value, "handler name", at: operation.handler.name.location)
            }
            for event in operation.commandTraits?.events?.value ?? [] {
                typeName(event.value, "event name", at: event.location)
            }
        }
        for event in spec.events {
            typeName(event.name, "event name", at: event.location)
        }
        for reference in index.fields {
            memberName(reference.field.name, "field name", in: reference.ownerDescription, at: reference.field.location)
        }
        return diagnostics
    }
}
