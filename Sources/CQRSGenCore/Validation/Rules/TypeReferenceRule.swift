/// Every type a field or result names must be known: a built-in Swift or Foundation type, a declared type, or, in a
/// generic type's fields, one of its parameters; possibly inside optionals, arrays and dictionaries. A generic type
/// is used with as many arguments as it has parameters, and only a generic type takes arguments.
public struct TypeReferenceRule: ValidationRule {
    public init() {}

    public func validate(_ spec: Spec, _ index: SpecIndex) -> [Diagnostic] {
        let candidates = index.knownTypeNames
        var diagnostics: [Diagnostic] = []
        func check(_ reference: TypeReference, parameters: [String] = [], _ what: @autoclosure () -> String) {
            guard let expression = reference.expression else { return }
            for name in expression.referencedNames where !index.isKnownType(name) && !parameters.contains(name) {
                diagnostics.append(.error(
                    "unknown type '\(name)' in \(what())" + Suggestion.didYouMean(name, among: candidates + parameters),
                    at: reference.location))
            }
            arity(expression, reference, parameters, what())
        }
        func arity(_ expression: TypeExpression, _ reference: TypeReference, _ parameters: [String], _ what: @autoclosure () -> String) {
            switch expression {
            case .named(let name):
                if let declared = index.types[name], declared.isGeneric, !parameters.contains(name) {
                    let names = declared.parameters.map(\.value)
                    diagnostics.append(.error(
                        "generic type '\(name)' needs \(Self.count(names.count)) in \(what()): write '\(name)<\(names.joined(separator: ", "))>' with the types to use",
                        at: reference.location))
                }
            case .generic(let name, let arguments):
                arguments.forEach { arity($0, reference, parameters, what()) }
                guard index.isKnownType(name) || parameters.contains(name) else { return }
                let expected = parameters.contains(name) ? [] : index.types[name]?.parameters.map(\.value) ?? []
                guard expected.count != arguments.count else { return }
                diagnostics.append(.error(
                    expected.isEmpty
                        ? "'\(name)' takes no type arguments, but \(what()) gives it \(arguments.count)"
                        : "'\(name)' takes \(Self.count(expected.count)) (\(expected.joined(separator: ", "))), but \(what()) gives it \(arguments.count)",
                    at: reference.location))
            case .optional(let wrapped), .array(let wrapped):
                arity(wrapped, reference, parameters, what())
            case .dictionary(let key, let value):
                arity(key, reference, parameters, what())
                arity(value, reference, parameters, what())
            }
        }
        for reference in index.fields {
            let parameters = reference.owner == .type ? index.types[reference.ownerName]?.parameters.map(\.value) ?? [] : []
            check(reference.field.type, parameters: parameters, "field '\(reference.field.name)' of \(reference.ownerDescription)")
        }
        for operation in index.operations {
            if let result = operation.result { check(result, "the result of \(operation.roleName) '\(operation.name)'") }
        }
        return diagnostics
    }

    private static func count(_ number: Int) -> String {
        number == 1 ? "1 type argument" : "\(number) type arguments"
    }
}
