import CQRS
import Foundation

/// A financial provider the application can connect to.
struct Provider: Sendable, Hashable, Codable {
    var id: UUID
    var slug: String
    var name: String
}

/// A user's connection to a provider, holding the encrypted credentials the provider issued.
struct ProviderConnection: Sendable, Hashable, Codable {
    var id: UUID
    var userId: UUID
    var providerId: UUID
    var providerSlug: String
    var alias: String?
    var status: ConnectionStatus
    var credentials: ProviderCredentials?
    var connectedAt: Date?
    var lastSyncAt: Date?
    var createdAt: Date
    var updatedAt: Date

    var isConnected: Bool { status == .active && credentials != nil }

    func needsReauthentication(at now: Date) -> Bool {
        status == .expired || (credentials?.expiresAt.map { $0 <= now } ?? false)
    }

    func result(at now: Date) -> ProviderConnectionResult {
        ProviderConnectionResult(
            id: id, userId: userId, providerId: providerId, providerSlug: providerSlug, alias: alias, status: status,
            isConnected: isConnected, needsReauthentication: needsReauthentication(at: now), connectedAt: connectedAt,
            lastSyncAt: lastSyncAt, createdAt: createdAt, updatedAt: updatedAt)
    }
}

extension ProviderConnection {
    /// Stored flat: the credentials are three columns of the connection's row, not a nested value, so that a query
    /// can tell which connections hold credentials (``KeysCheck``) without decoding anything.
    private enum CodingKeys: String, CodingKey {
        case id, userId, providerId, providerSlug, alias, status, credentialsData, credentialsType, credentialsExpiresAt
        case connectedAt, lastSyncAt, createdAt, updatedAt
    }

    init(from decoder: any Decoder) throws {
        let row = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try row.decode(UUID.self, forKey: .id), userId: try row.decode(UUID.self, forKey: .userId),
            providerId: try row.decode(UUID.self, forKey: .providerId),
            providerSlug: try row.decode(String.self, forKey: .providerSlug),
            alias: try row.decodeIfPresent(String.self, forKey: .alias),
            status: try row.decode(ConnectionStatus.self, forKey: .status),
            credentials: try row.decodeIfPresent(Data.self, forKey: .credentialsData).map { data in
                ProviderCredentials(
                    encryptedData: data, credentialType: try row.decodeIfPresent(String.self, forKey: .credentialsType) ?? "",
                    expiresAt: try row.decodeIfPresent(Date.self, forKey: .credentialsExpiresAt))
            },
            connectedAt: try row.decodeIfPresent(Date.self, forKey: .connectedAt),
            lastSyncAt: try row.decodeIfPresent(Date.self, forKey: .lastSyncAt),
            createdAt: try row.decode(Date.self, forKey: .createdAt), updatedAt: try row.decode(Date.self, forKey: .updatedAt))
    }

    func encode(to encoder: any Encoder) throws {
        var row = encoder.container(keyedBy: CodingKeys.self)
        try row.encode(id, forKey: .id)
        try row.encode(userId, forKey: .userId)
        try row.encode(providerId, forKey: .providerId)
        try row.encode(providerSlug, forKey: .providerSlug)
        try row.encodeIfPresent(alias, forKey: .alias)
        try row.encode(status, forKey: .status)
        try row.encodeIfPresent(credentials?.encryptedData, forKey: .credentialsData)
        try row.encodeIfPresent(credentials?.credentialType, forKey: .credentialsType)
        try row.encodeIfPresent(credentials?.expiresAt, forKey: .credentialsExpiresAt)
        try row.encodeIfPresent(connectedAt, forKey: .connectedAt)
        try row.encodeIfPresent(lastSyncAt, forKey: .lastSyncAt)
        try row.encode(createdAt, forKey: .createdAt)
        try row.encode(updatedAt, forKey: .updatedAt)
    }
}
