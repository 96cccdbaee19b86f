import CQRS
import Testing

@testable import CQRSGenCore

/// Domain events in the spec: a three-phase entry declares one event per phase, with the entry's fields and flags under
/// the phase's own; every mistake is reported once, at its own position.
@Suite("Domain events in the spec")
struct EventDeclarationTests {
    static let header = """
        version: 1
        categories: {auth: Auth.}

        """

    @Test("a three-phase entry declares an event per phase: shared fields first, flags overridden, failureCode last")
    func threePhases() throws {
        let outcome = SpecLoader().load(Self.header + """
            events:
              UserRegistration:
                category: authentication
                audit: true
                fields: {email: String}
                attempted:
                succeeded:
                  name: UserRegistered
                  fields: {userId: UUID, token: String}
                  secret: [token]
                  audit: USER_REGISTERED
                  email: true
                failed: {logging: false}
              SessionCreated:
                workflow: session
                fields: {sessionId: UUID}
            commands:
              RegisterUser:
                category: auth
                description: X.
                events: [UserRegistrationAttempted, UserRegistered, UserRegistrationFailed, SessionCreated]
            """)
        #expect(DiagnosticFormatter(path: "spec.yaml").format(outcome.diagnostics) == "")
        let events = try #require(outcome.validSpec).events
        #expect(events.map(\.name) == ["UserRegistrationAttempted", "UserRegistered", "UserRegistrationFailed", "SessionCreated"])
        #expect(events.map(\.phase) == [.attempted, .succeeded, .failed, .operational])
        #expect(events.map(\.workflow.value) == ["user_registration", "user_registration", "user_registration", "session"])
        #expect(events.map { $0.fields.map(\.name) } == [["email"], ["email", "userId", "token"], ["email", "failureCode"], ["sessionId"]])
        #expect(events.map(\.auditAction) == ["USER_REGISTRATION_ATTEMPTED", "USER_REGISTERED", "USER_REGISTRATION_FAILED", nil])
        #expect(events.map(\.requiresEmail) == [false, true, false, false])
        #expect(events.map(\.requiresLogging) == [true, true, false, true])
        #expect(events[1].isSecret("token") && !events[1].isSecret("email"))
        #expect(events.map(\.workflowEntry) == ["UserRegistration", "UserRegistration", "UserRegistration", nil])
    }

    @Test("a listed event must be declared; each problem of a declaration is reported once, at its position")
    func problems() {
        expectDiagnostics(Self.header + """
            🅴events:
              UserRegistration:
                category: 1️⃣Authentication
                workflow: 2️⃣UserRegistration
                audit: 3️⃣registered
                fields: {email: String, kind: 4️⃣Kindd}
                secret: [5️⃣tokn]
                attempted:
                succeeded: {6️⃣phase: succeeded}
                🅱️failed: {fields: {7️⃣failureCode: Int}}
                8️⃣phase: operational
              Lonely:
                phase: 9️⃣later
              🅰️Unlisted:
                fields: {email: String, self: {type: Int, minLength: 🅲1}}
            commands:
              RegisterUser:
                category: auth
                description: X.
                events: [UserRegistrationAttempted, 🅳UserRegistrationSucceded, Lonely]
            """, [
            .error("1️⃣", "category 'Authentication' of event 'UserRegistrationAttempted' must be lowercase snake_case (letters, digits and '_', starting with a letter)"),
            .error("2️⃣", "workflow 'UserRegistration' of event 'UserRegistrationAttempted' must be lowercase snake_case, like 'user_registration'"),
            .error("3️⃣", "audit action 'registered' of event 'UserRegistrationAttempted' must be upper snake case (like 'USER_REGISTERED'), or true or false"),
            .error("4️⃣", "unknown type 'Kindd' in field 'kind' of event 'UserRegistration'"),
            .error("5️⃣", "'secret' of event 'UserRegistrationAttempted' names 'tokn', which is not one of its fields"),
            .error("6️⃣", "unknown key 'phase' in phase 'succeeded' of event 'UserRegistration'; expected 'name', 'description', 'fields', 'secret', 'logging', 'audit', 'email', 'session'"),
            .warning("🅱️", "event 'UserRegistrationFailed' is declared but no command lists it"),
            .error("7️⃣", "field 'failureCode' of event 'UserRegistrationFailed' is declared already: a failed phase carries 'failureCode', the code of the failure"),
            .error("8️⃣", "'phase' is not allowed in event 'UserRegistration': a three-phase entry declares one event per phase key"),
            .error("9️⃣", "'phase' of event 'Lonely' must be one of 'attempted', 'succeeded', 'failed', 'operational', not 'later'"),
            .warning("🅰️", "event 'Unlisted' is declared but no command lists it"),
            .error("🅲", "field 'self' of event 'Unlisted' has constraints, which only the fields of commands and queries take: they are checked before the handler runs"),
            .error("🅳", "command 'RegisterUser' lists the undeclared event 'UserRegistrationSucceded'; did you mean 'UserRegistrationSucceeded'?", notes: [("🅴", "the spec's events are declared here")]),
        ])
    }

    @Test("an event's names cannot collide: with a type, a generated name, a member, another field, a dependency's property")
    func collisions() {
        expectDiagnostics(Self.header + """
            dependencies:
              app:
                Publisher: {name: 1️⃣events}
            types:
              🅰️Token: {fields: {value: String}}
            events:
              2️⃣Token:
                fields: {3️⃣eventName: String}
              4️⃣DomainEvent:
              Signup:
                fields: {🅱️email: String}
                attempted:
                succeeded: {fields: {5️⃣email: String}}
                failed:
              🅲RegisterUserEvents:
            commands:
              6️⃣RegisterUser:
                category: auth
                description: X.
                result: Token
                handler: {dependencies: [Publisher]}
                events: [Token, DomainEvent, SignupAttempted, SignupSucceeded, SignupFailed, RegisterUserEvents]
            """, [
            .error("1️⃣", "dependency 'Publisher' uses the property name 'events', which the handlers of commands that list events take their events through; give it another 'name'"),
            .error("2️⃣", "'Token' is already declared as a type", notes: [("🅰️", "'Token' is first declared here")]),
            .error("3️⃣", "field 'eventName' of event 'Token' would collide with the member the generated type declares under that name; choose another name"),
            .error("4️⃣", "'DomainEvent' is a name the generated code declares or uses from CQRS, Swift or Foundation; choose another name"),
            .error("5️⃣", "field 'email' of event 'SignupSucceeded' is declared twice", notes: [("🅱️", "'email' is first declared here")]),
            .error("6️⃣", "'RegisterUserEvents' is already declared as an event", notes: [("🅲", "'RegisterUserEvents' is first declared here")]),
        ])
    }
}
