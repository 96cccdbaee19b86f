import Foundation
import Hummingbird

/// Registration and email verification, whose answers say more than their commands return. Password resets are
/// generated from the spec.
enum IdentityRoutes {
    struct Registration: Decodable { var email: String; var password: String }
    struct Registered: Encodable, Sendable { var id: UUID; var email: String; var message: String }
    struct Verification: Decodable { var token: String }
    struct Verified: Encodable, Sendable { var userId: UUID; var message: String }

    static func add(to api: RouterGroup<AppRequestContext>) {
        // Register: the verification link is mailed once the registration commits.
        api.post("users") { request, context in
            let body = try await request.decodeBody(as: Registration.self, context: context)
            let id = try await context.operations.run(RegisterUser(email: body.email, password: body.password))
            return JSONBody(
                Registered(id: id, email: body.email.lowercased(), message: "Registered. Check your email for the verification token."),
                status: .created)
        }
        api.post("email-verifications") { request, context in
            let body = try await request.decodeBody(as: Verification.self, context: context)
            let userId = try await context.operations.run(VerifyEmail(token: body.token))
            return JSONBody(Verified(userId: userId, message: "Email verified. You can log in."))
        }
    }
}
