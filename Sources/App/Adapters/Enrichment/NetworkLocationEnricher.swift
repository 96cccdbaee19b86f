/// Says where a request came from as far as the address alone tells: the local machine or a private network. The
/// app ships no geolocation database, so a public address gets no location rather than a guess.
struct NetworkLocationEnricher: LocationEnricher {
    func location(ipAddress: String?) async -> String? {
        guard let address = ipAddress?.lowercased(), !address.isEmpty else { return nil }
        if address == "::1" || address.hasPrefix("127.") { return "This computer" }
        let octets = address.split(separator: ".").compactMap { Int($0) }
        if octets.count == 4 {
            if octets[0] == 10 || (octets[0] == 192 && octets[1] == 168) || (octets[0] == 172 && (16...31).contains(octets[1])) {
                return "Private network"
            }
        } else if address.hasPrefix("fc") || address.hasPrefix("fd") || address.hasPrefix("fe80") {
            return "Private network"
        }
        return nil
    }
}
