import Foundation

/// Whether a request's body is declared as JSON: what the route adapter asks before it decodes a body, and what an
/// application's own routes can ask too, so that both accept and refuse the same requests.
public enum JSONContentType {
    /// Whether a `Content-Type` names JSON: `application/json` or a `+json` type, with any parameters. Anything else is
    /// refused rather than guessed at: a form or `text/plain` post is what a cross-site page can send without asking.
    @inlinable
    public static func matches(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        // What nearly every client sends, compared without making new strings.
        if contentType == "application/json" || contentType == "application/json; charset=utf-8" { return true }
        let mediaType = contentType.split(separator: ";", maxSplits: 1).first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        } ?? ""
        return mediaType == "application/json" || (mediaType.hasPrefix("application/") && mediaType.hasSuffix("+json"))
    }
}
