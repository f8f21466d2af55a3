/// The NEGOTIATE_MESSAGE go-ntlmssp sends first.
///
/// `.current` sends the bare 40-byte form with flags `0xA0888201`; `.legacy` sends flags `0xA0880001` and, when
/// the user has a `DOMAIN\` part, that domain upper-cased as an OEM payload with `OEM_DOMAIN_SUPPLIED`.
public func makeNegotiateMessage(profile: NTLMClientProfile, credentials: NTLMCredentials) -> [UInt8] {
    switch profile {
    case .current:
        return encodeNegotiateMessage(flags: NegotiateMessageLayout.currentFlags, domain: "", workstation: "")
    case .legacy:
        return encodeNegotiateMessage(
            flags: NegotiateMessageLayout.legacyFlags, domain: credentials.domain, workstation: "")
    }
}

/// Constants of go-ntlmssp's NEGOTIATE.
enum NegotiateMessageLayout {
    /// UNICODE | NTLM | ALWAYS_SIGN | EXTENDED_SESSIONSECURITY | TARGET_INFO | 128 | 56.
    static let currentFlags = NegotiateFlags(rawValue: 0xA088_8201)
    /// The 2022-era set: the current one without NTLM and ALWAYS_SIGN.
    static let legacyFlags = NegotiateFlags(rawValue: 0xA088_0001)
    /// Windows 6.1 build 7601, NTLM revision 15; always written although VERSION is not flagged.
    static let versionBytes: [UInt8] = [0x06, 0x01, 0xb1, 0x1d, 0x00, 0x00, 0x00, 0x0f]
    static let fixedLength = 40
}

/// go-ntlmssp's `NewNegotiateMessage(domain, workstation)`: field lengths count the UTF-8 bytes of the names as
/// given, and the payload is the Go-upper-cased concatenation in UTF-8 (OEM for ASCII names).
func encodeNegotiateMessage(flags baseFlags: NegotiateFlags, domain: String, workstation: String) -> [UInt8] {
    var flags = baseFlags
    if !domain.isEmpty {
        flags.insert(.oemDomainSupplied)
    }
    if !workstation.isEmpty {
        flags.insert(.oemWorkstationSupplied)
    }
    let domainLength = domain.utf8.count
    let workstationLength = workstation.utf8.count
    var bytes = messageHeader(type: 1)
    bytes.appendLittleEndian(flags.rawValue)
    bytes.appendVarField(length: domainLength, offset: NegotiateMessageLayout.fixedLength)
    bytes.appendVarField(length: workstationLength, offset: NegotiateMessageLayout.fixedLength + domainLength)
    bytes.append(contentsOf: NegotiateMessageLayout.versionBytes)
    bytes.append(contentsOf: GoUppercase.uppercased(domain + workstation).utf8)
    return bytes
}
