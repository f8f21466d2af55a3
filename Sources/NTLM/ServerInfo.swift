/// What a CHALLENGE says about the server, for people: names, version, clock and flags. Holds no secret.
public struct ServerInfo: Sendable, Hashable, CustomStringConvertible {
    /// The CHALLENGE TargetName (the domain or server name the server claims).
    public let targetName: String
    public let netbiosComputer: String?
    public let netbiosDomain: String?
    public let dnsComputer: String?
    public let dnsDomain: String?
    public let dnsTree: String?
    /// The server's Windows version, when the challenge carries one.
    public let version: ServerVersion?
    /// The server's MsvAvTimestamp, when it has exactly 8 bytes.
    public let timestamp: FileTime?
    public let flags: NegotiateFlags

    public init(
        targetName: String, netbiosComputer: String?, netbiosDomain: String?, dnsComputer: String?,
        dnsDomain: String?, dnsTree: String?, version: ServerVersion?, timestamp: FileTime?, flags: NegotiateFlags
    ) {
        self.targetName = targetName
        self.netbiosComputer = netbiosComputer
        self.netbiosDomain = netbiosDomain
        self.dnsComputer = dnsComputer
        self.dnsDomain = dnsDomain
        self.dnsTree = dnsTree
        self.version = version
        self.timestamp = timestamp
        self.flags = flags
    }

    /// The flag names, lowest bit first.
    public var flagNames: [String] { flags.names }

    /// Label and value for each known item, in a stable order; absent items are left out.
    public var items: [(label: String, value: String)] {
        var list: [(label: String, value: String)] = [("target name", quotedForDisplay(targetName))]
        let names: [(String, String?)] = [
            ("NetBIOS computer", netbiosComputer), ("NetBIOS domain", netbiosDomain),
            ("DNS computer", dnsComputer), ("DNS domain", dnsDomain), ("DNS tree", dnsTree),
        ]
        for (label, value) in names {
            if let value {
                list.append((label, quotedForDisplay(value)))
            }
        }
        if let version {
            list.append(("version", version.description))
        }
        if let timestamp {
            list.append(("timestamp", timestamp.description))
        }
        list.append(("flags", flags.description))
        return list
    }

    /// `target name "DOMAIN", NetBIOS computer "SERVER", …, flags 0xa28a8233 (UNICODE|…)`.
    public var description: String {
        items.map { "\($0.label) \($0.value)" }.joined(separator: ", ")
    }
}
