/// Every operation's category must be declared in `categories`.
public struct CategoryReferenceRule: ValidationRule {
    public init() {}

    public func validate(_ spec: Spec, _ index: SpecIndex) -> [Diagnostic] {
        let names = spec.categories.map(\.name)
        return index.operations.compactMap { operation in
            let category = operation.category
            guard !category.value.isEmpty, index.categories[category.value] == nil else { return nil }
            let hint = Suggestion.closest(to: category.value, among: names).map { "; did you mean '\($0)'?" }
                ?? (names.isEmpty ? "; declare it under 'categories'" : "; declared categories: \(names.joined(separator: ", "))")
            return .error(
                "unknown category '\(category.value)' for \(operation.roleName) '\(operation.name)'\(hint)",
                at: category.location)
        }
    }
}
