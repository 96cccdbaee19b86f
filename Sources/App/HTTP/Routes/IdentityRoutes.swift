import Foundation
import Hummingbird

/// Registration, email verification and password resets: the routes a person uses before they can log in.
enum IdentityRoutes {
    struct Registration: Decodable { var email: String; var password: String }
    struct Registered: Encodable, Sendable { var id: UUID; var email: String; var message: String }
    struct Verification: Decodable { var token: String }
    struct Verified: Encodable, Sendable { var userId: UUID; var message: String }
    struct ResetRequest: Decodable { var email: String }
    struct ResetConfirmation: Decodable { var token: String; var newPassword: String }

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
        // Always 202, whether or not the address has an account: the response must not tell.
        api.post("password-resets") { request, context in
            let body = try await request.decodeBody(as: ResetRequest.self, context: context)
            try context.limitRate(.passwordResetPerAccount, key: Credentials.rateLimitKey(email: body.email))
            let response = try await context.operations.run(RequestPasswordReset(
                email: body.email, ipAddress: context.ipAddress, userAgent: request.headers[.userAgent]))
            return JSONBody(response, status: .accepted)
        }
        api.post("password-resets/confirmations") { request, context in
            let body = try await request.decodeBody(as: ResetConfirmation.self, context: context)
            return JSONBody(try await context.operations.run(ConfirmPasswordReset(token: body.token, newPassword: body.newPassword)))
        }
    }
}
