import CQRS
import Foundation
import Synchronization
import Testing

@testable import App

/// Guessing passwords: the lockout holds against guesses sent at once, and every refused login costs the same one
/// verification, whether the account exists, is locked, or the password is wrong.
@Suite("Login guessing")
struct LoginGuessingTests {
    /// Holds every verification until `expected` logins have reached one (admitted or not), so that all of them pass
    /// the lockout check before any finishes: the widest race an attacker can make.
    final class GatedHasher: PasswordHasher {
        private struct State {
            var arrived = 0
            var verified = 0
            var decoys = 0
            var waiting: [CheckedContinuation<Void, Never>] = []
        }
        private let state = Mutex(State())
        let expected: Int

        init(expected: Int) { self.expected = expected }

        var verifications: (real: Int, decoy: Int) { state.withLock { ($0.verified, $0.decoys) } }

        func hash(_ password: String) -> String { "hashed:" + password }

        func verify(_ password: String, against hash: String) async -> Bool {
            await arrive(real: true)
            return hash == "hashed:" + password
        }

        func verifyWithoutAccount(_ password: String) async { await arrive(real: false) }

        private func arrive(real: Bool) async {
            await withCheckedContinuation { continuation in
                let release = state.withLock { state -> [CheckedContinuation<Void, Never>] in
                    state.arrived += 1
                    if real { state.verified += 1 } else { state.decoys += 1 }
                    state.waiting.append(continuation)
                    guard state.arrived >= expected else { return [] }
                    defer { state.waiting = [] }
                    return state.waiting
                }
                release.forEach { $0.resume() }
            }
        }
    }

    @Test("30 wrong guesses sent at once against the database: 5 are verified, the account locks, the right one then fails")
    func concurrentGuesses() async throws {
        let (database, directory) = try await TestDatabase.open()
        defer { try? FileManager.default.removeItem(at: directory) }
        var ada = DatabaseSessionTests.user("ada@example.com")
        ada.passwordHash = "hashed:Str0ng!pass"
        ada.isVerified = true
        ada.failedLoginAttempts = 0
        ada.lockedUntil = nil
        try await SQLUserRepository(session: database.session()).save(ada)

        let guesses = 30
        let hasher = GatedHasher(expected: guesses)
        let codes = await withTaskGroup(of: OperationErrorCode?.self) { group in
            for guess in 0..<guesses {
                group.addTask {
                    let handler = AuthenticateUserHandler(
                        userRepository: SQLUserRepository(session: database.session()), passwordHasher: hasher,
                        clock: SystemWallClock(), events: AuthenticateUserEvents(EventRecorder()))
                    return await handler.handle(AuthenticateUser(email: "ada@example.com", password: "Wrong!\(guess)")).failureCode
                }
            }
            return await group.reduce(into: [OperationErrorCode?]()) { $0.append($1) }
        }
        #expect(codes.allSatisfy { $0 == .invalidCredentials })
        #expect(hasher.verifications.real == User.lockoutThreshold)
        #expect(hasher.verifications.decoy == guesses - User.lockoutThreshold)
        let stored = try #require(try await SQLUserRepository(session: database.session()).find(id: ada.id))
        #expect(stored.isLocked(at: Date()))

        let right = AuthenticateUserHandler(
            userRepository: SQLUserRepository(session: database.session()), passwordHasher: GatedHasher(expected: 1),
            clock: SystemWallClock(), events: AuthenticateUserEvents(EventRecorder()))
        #expect(await right.handle(AuthenticateUser(email: "ada@example.com", password: "Str0ng!pass")).failureCode == .invalidCredentials)
    }

    @Test("an unknown email, a wrong password and a locked account each answer invalid_credentials after one verification")
    func indistinguishable() async throws {
        let app = TestApplication()
        _ = try await app.verifiedUser()
        let cases: [(email: String, password: String)] = [
            ("nobody@example.com", "Str0ng!pass"), ("not an email", "Str0ng!pass"), ("ada@example.com", "Wrong!pass1"),
        ]
        for (email, password) in cases {
            let hasher = GatedHasher(expected: 1)
            let handler = AuthenticateUserHandler(userRepository: app.users, passwordHasher: hasher, clock: app.clock, events: AuthenticateUserEvents(EventRecorder()))
            #expect(await handler.handle(AuthenticateUser(email: email, password: password)).failureCode == .invalidCredentials)
            #expect(hasher.verifications.real + hasher.verifications.decoy == 1, "\(email)")
        }
        await app.users.update(id: try #require(await app.users.find(email: "ada@example.com")).id) {
            $0.lockedUntil = Date().addingTimeInterval(600)
        }
        let hasher = GatedHasher(expected: 1)
        let locked = AuthenticateUserHandler(userRepository: app.users, passwordHasher: hasher, clock: app.clock, events: AuthenticateUserEvents(EventRecorder()))
        #expect(await locked.handle(AuthenticateUser(email: "ada@example.com", password: "Str0ng!pass")).failureCode == .invalidCredentials)
        #expect(hasher.verifications == (0, 1))
    }
}
