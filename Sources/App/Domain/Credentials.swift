import CQRS
import Foundation

/// The rules Dashtam's `Email` and `Password` types enforce, applied where commands enter the application.
enum Credentials {
    /// A trimmed, lower-cased email address of 5 to 255 characters with one `@` and a dot in its domain.
    static func normalizedEmail(_ raw: String) -> Result<String, OperationError> {
        let email = raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard (5...255).contains(email.count), parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix("."), !email.contains(where: \.isWhitespace)
        else {
            return .failure(OperationError(.invalidEmail, message: "Enter a valid email address."))
        }
        return .success(email)
    }

    /// The account a request names, as rate limits count it: the normalized email, whether or not it is valid or
    /// registered (counting only real accounts would tell which exist).
    static func rateLimitKey(email raw: String) -> String {
        raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// 8 to 128 characters with an uppercase and a lowercase letter, a digit and a special character.
    static func validatePassword(_ password: String) -> OperationError? {
        // bcrypt reads 72 bytes: a longer password would share its hash with every password that starts the same.
        let isStrong = password.count >= 8 && password.utf8.count <= BcryptPasswordHasher.maximumPasswordBytes
            && password.contains(where: \.isUppercase)
            && password.contains(where: \.isLowercase)
            && password.contains(where: \.isNumber)
            && password.contains { !$0.isLetter && !$0.isNumber && !$0.isWhitespace }
        return isStrong ? nil : OperationError(
            .weakPassword,
            message: "Passwords need at least 8 characters and at most 72 bytes, with an uppercase and a lowercase letter, a digit and a special character.")
    }
}
