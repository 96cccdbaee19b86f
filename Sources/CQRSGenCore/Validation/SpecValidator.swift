/// Runs every validation rule over a decoded spec and returns all their diagnostics, sorted by position.
public struct SpecValidator: Sendable {
    /// The rules `cqrs-gen` applies, in no particular order: each reports independently.
    public static let defaultRules: [any ValidationRule] = [
        IdentifierRule(),
        ReservedTypeNameRule(),
        UniqueDeclarationRule(),
        UniquePropertyNameRule(),
        CategoryReferenceRule(),
        DependencyReferenceRule(),
        TypeReferenceRule(),
        TypeParameterRule(),
        RecursiveTypeRule(),
        DefaultValueRule(),
        EnumerationRule(),
        NamingConventionRule(),
        PaginationPrefixRule(),
        PaginationFieldsRule(),
        PaginatedListsRule(),
        EventsRule(),
        EventDeclarationRule(),
        RunsRule(),
        HandlerUniquenessRule(),
        HTTPPathParameterRule(),
        HTTPFieldSourceRule(),
        HTTPBodyRule(),
        FieldConstraintRule(),
        HTTPCallerRule(),
        HTTPRateLimitRule(),
        HTTPRouteUniquenessRule(),
        HTTPMethodRule(),
        HTTPDeprecationRule(),
        ErrorCodeRule(),
        UnusedDeclarationRule(),
    ]

    public var rules: [any ValidationRule]

    public init(rules: [any ValidationRule] = SpecValidator.defaultRules) {
        self.rules = rules
    }

    public func validate(_ spec: Spec) -> [Diagnostic] {
        let index = SpecIndex(spec)
        // Rules are independent: run them on all cores. Sorting by position makes the result the same either way.
        return rules.concurrentMap { $0.validate(spec, index) }.flatMap { $0 }.sortedByPosition()
    }
}
