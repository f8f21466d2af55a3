/// The id of an AV pair in a CHALLENGE's TargetInfo (MS-NLMP 2.2.2.1). Unknown ids are kept, not rejected.
public struct AVPairID: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: UInt16

    public init(rawValue: UInt16) {
        self.rawValue = rawValue
    }

    public static let endOfList = AVPairID(rawValue: 0)
    public static let netBIOSComputerName = AVPairID(rawValue: 1)
    public static let netBIOSDomainName = AVPairID(rawValue: 2)
    public static let dnsComputerName = AVPairID(rawValue: 3)
    public static let dnsDomainName = AVPairID(rawValue: 4)
    public static let dnsTreeName = AVPairID(rawValue: 5)
    public static let flags = AVPairID(rawValue: 6)
    public static let timestamp = AVPairID(rawValue: 7)
    public static let singleHost = AVPairID(rawValue: 8)
    public static let targetName = AVPairID(rawValue: 9)
    public static let channelBindings = AVPairID(rawValue: 10)

    /// The MS-NLMP name (`MsvAvTimestamp`), or `AvId 42` for an id without one.
    public var description: String {
        let names = [
            "MsvAvEOL", "MsvAvNbComputerName", "MsvAvNbDomainName", "MsvAvDnsComputerName",
            "MsvAvDnsDomainName", "MsvAvDnsTreeName", "MsvAvFlags", "MsvAvTimestamp", "MsvAvSingleHost",
            "MsvAvTargetName", "MsvAvChannelBindings",
        ]
        return Int(rawValue) < names.count ? names[Int(rawValue)] : "AvId \(rawValue)"
    }
}

/// One `{AvId, AvLen, Value}` entry of a CHALLENGE's TargetInfo, in the order the server sent it.
public struct AVPair: Sendable, Hashable {
    public let id: AVPairID
    public let value: [UInt8]

    public init(id: AVPairID, value: [UInt8]) {
        self.id = id
        self.value = value
    }

    /// The value read as UTF-16LE text (names are always Unicode in TargetInfo); a stray odd byte shows as U+FFFD.
    public var text: String {
        UTF16LE.decodeLeniently(value[...])
    }
}
