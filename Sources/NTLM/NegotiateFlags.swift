/// The NegotiateFlags word of an NTLM message (MS-NLMP 2.2.2.5), with a readable name for every known bit.
public struct NegotiateFlags: OptionSet, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: UInt32

    public init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    public static let unicode = NegotiateFlags(rawValue: 0x0000_0001)
    public static let oem = NegotiateFlags(rawValue: 0x0000_0002)
    public static let requestTarget = NegotiateFlags(rawValue: 0x0000_0004)
    public static let sign = NegotiateFlags(rawValue: 0x0000_0010)
    public static let seal = NegotiateFlags(rawValue: 0x0000_0020)
    public static let datagram = NegotiateFlags(rawValue: 0x0000_0040)
    public static let lmKey = NegotiateFlags(rawValue: 0x0000_0080)
    public static let ntlm = NegotiateFlags(rawValue: 0x0000_0200)
    public static let anonymous = NegotiateFlags(rawValue: 0x0000_0800)
    public static let oemDomainSupplied = NegotiateFlags(rawValue: 0x0000_1000)
    public static let oemWorkstationSupplied = NegotiateFlags(rawValue: 0x0000_2000)
    public static let alwaysSign = NegotiateFlags(rawValue: 0x0000_8000)
    public static let targetTypeDomain = NegotiateFlags(rawValue: 0x0001_0000)
    public static let targetTypeServer = NegotiateFlags(rawValue: 0x0002_0000)
    public static let extendedSessionSecurity = NegotiateFlags(rawValue: 0x0008_0000)
    public static let identify = NegotiateFlags(rawValue: 0x0010_0000)
    public static let requestNonNTSessionKey = NegotiateFlags(rawValue: 0x0040_0000)
    public static let targetInfo = NegotiateFlags(rawValue: 0x0080_0000)
    public static let version = NegotiateFlags(rawValue: 0x0200_0000)
    public static let negotiate128 = NegotiateFlags(rawValue: 0x2000_0000)
    public static let keyExchange = NegotiateFlags(rawValue: 0x4000_0000)
    public static let negotiate56 = NegotiateFlags(rawValue: 0x8000_0000)

    /// Every flag this module knows, with the name MS-NLMP gives it (without the `NTLMSSP_NEGOTIATE_` prefix).
    public static let namedFlags: [(flag: NegotiateFlags, name: String)] = [
        (.unicode, "UNICODE"),
        (.oem, "OEM"),
        (.requestTarget, "REQUEST_TARGET"),
        (.sign, "SIGN"),
        (.seal, "SEAL"),
        (.datagram, "DATAGRAM"),
        (.lmKey, "LM_KEY"),
        (.ntlm, "NTLM"),
        (.anonymous, "ANONYMOUS"),
        (.oemDomainSupplied, "OEM_DOMAIN_SUPPLIED"),
        (.oemWorkstationSupplied, "OEM_WORKSTATION_SUPPLIED"),
        (.alwaysSign, "ALWAYS_SIGN"),
        (.targetTypeDomain, "TARGET_TYPE_DOMAIN"),
        (.targetTypeServer, "TARGET_TYPE_SERVER"),
        (.extendedSessionSecurity, "EXTENDED_SESSIONSECURITY"),
        (.identify, "IDENTIFY"),
        (.requestNonNTSessionKey, "REQUEST_NON_NT_SESSION_KEY"),
        (.targetInfo, "TARGET_INFO"),
        (.version, "VERSION"),
        (.negotiate128, "128"),
        (.keyExchange, "KEY_EXCH"),
        (.negotiate56, "56"),
    ]

    /// The names of the set flags, lowest bit first; bits without a name appear as hex (`0x00000100`).
    public var names: [String] {
        var result: [String] = []
        for bit in 0..<32 {
            let mask = UInt32(1) << UInt32(bit)
            guard rawValue & mask != 0 else { continue }
            if let named = Self.namedFlags.first(where: { $0.flag.rawValue == mask }) {
                result.append(named.name)
            } else {
                result.append(hex32(mask))
            }
        }
        return result
    }

    /// `0xa0888201 (UNICODE|NTLM|…)`.
    public var description: String {
        let list = names.joined(separator: "|")
        return "\(hex32(rawValue)) (\(list.isEmpty ? "none" : list))"
    }
}

/// `0x` followed by eight lowercase hex digits.
func hex32(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
}
