/// Spec names as Swift spells them in declarations and uses.
enum SwiftName {
    /// Keywords that need backticks where a name is declared or used on its own.
    static func escaped(_ name: String) -> String {
        SwiftIdentifier.keywords.contains(name) ? "`\(name)`" : name
    }

    /// The name of an initialiser's internal parameter for a property. A parameter called `self` would hide `self`
    /// inside the initialiser; field names cannot contain `_`, so `_self` cannot collide with another field.
    static func parameter(_ name: String) -> String {
        name == "self" ? "_self" : escaped(name)
    }

    /// A category's raw value as an enum case: `data_sync` → `dataSync`, `import` → `` `import` ``.
    static func categoryCase(_ rawValue: String) -> String {
        escaped(SwiftIdentifier.lowerCamelCased(rawValue))
    }

    /// An UpperCamelCase name as a lowerCamelCase member: `UserRegistered` → `userRegistered`,
    /// `RegisterUser` → `registerUser`, `URLCheck` → `urlCheck`.
    static func member(_ typeName: String) -> String {
        escaped(DependencySpec.defaultPropertyName(for: typeName))
    }
}
