/// Names a device from its user agent, `Firefox on Linux`, by the markers browsers and systems put in it. The order
/// of the checks matters: Edge and Chrome also say `Safari`, and Android also says `Linux`.
struct UserAgentDeviceEnricher: DeviceEnricher {
    private static let browsers: [(marker: String, name: String)] = [
        ("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"), ("Safari/", "Safari"),
        ("curl/", "curl"), ("HTTPie/", "HTTPie"),
    ]
    private static let systems: [(marker: String, name: String)] = [
        ("iPhone", "iOS"), ("iPad", "iPadOS"), ("Android", "Android"), ("Windows", "Windows"), ("Mac OS X", "macOS"),
        ("Macintosh", "macOS"), ("CrOS", "ChromeOS"), ("Linux", "Linux"),
    ]

    func deviceDescription(userAgent: String?) -> String? {
        guard let userAgent, !userAgent.isEmpty else { return nil }
        let browser = Self.browsers.first { userAgent.contains($0.marker) }?.name
        let system = Self.systems.first { userAgent.contains($0.marker) }?.name
        switch (browser, system) {
        case let (browser?, system?): return "\(browser) on \(system)"
        case let (browser?, nil): return browser
        case let (nil, system?): return system
        case (nil, nil): return nil
        }
    }
}
