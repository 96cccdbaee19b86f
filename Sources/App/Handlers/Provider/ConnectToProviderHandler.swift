import CQRS
import Foundation

/// Connects the caller to a provider named by its slug. The credentials are encrypted here, before `ConnectProvider`
/// sees them, so that no command, event or log ever holds them in clear.
struct ConnectToProviderHandler: ConnectToProviderHandling {
    let providerRepository: any ProviderRepository
    let encryptionService: any EncryptionService
    let steps: ConnectToProviderSteps

    func handle(_ command: ConnectToProvider) async -> Result<UUID, OperationError> {
        await handling {
            guard let provider = try await providerRepository.find(slug: command.providerSlug) else {
                return .failure(OperationError(.providerNotFound, message: "Unknown provider '\(command.providerSlug)'."))
            }
            let encrypted = try encryptionService.encrypt(Data(command.credentials.utf8))
            return await steps.run(ConnectProvider(
                userId: command.userId, providerId: provider.id, providerSlug: provider.slug,
                credentials: ProviderCredentials(encryptedData: encrypted, credentialType: command.credentialType),
                alias: command.alias))
        }
    }
}
