/// Who the AUTHENTICATE logs on as: the user name sent and the domain sent and hashed.
public struct LogonIdentity: Sendable, Equatable, CustomStringConvertible {
    public let domain: String
    public let userName: String

    /// `DOMAIN\user`, or just the user when the domain is empty.
    public var description: String { domain.isEmpty ? userName : "\(domain)\\\(userName)" }
}

/// The identity a profile uses: `.current` sends the typed domain; `.legacy` sends the CHALLENGE TargetName,
/// except for a user principal name (`alice@example.com`), which gets an empty domain.
public func logonIdentity(
    challenge: ChallengeMessage, credentials: NTLMCredentials, profile: NTLMClientProfile
) -> LogonIdentity {
    switch profile {
    case .current:
        return LogonIdentity(domain: credentials.domain, userName: credentials.userName)
    case .legacy:
        let domain = credentials.legacyNeedsDomain ? challenge.targetName : ""
        return LogonIdentity(domain: domain, userName: credentials.userName)
    }
}

/// Answers a CHALLENGE as go-ntlmssp does, starting from the bytes received: empty credentials are refused
/// first, then a malformed challenge, then LM_KEY, KEY_EXCH and a missing UNICODE, in that order.
public func makeAuthenticateMessage(
    challenge: [UInt8], credentials: NTLMCredentials, profile: NTLMClientProfile,
    clientChallenge: ClientChallenge = .random(), now: FileTime = .now()
) throws(ClientRefusal) -> [UInt8] {
    try refuseAnonymous(credentials, profile: profile)
    let parsed: ChallengeMessage
    do {
        parsed = try ChallengeMessage.parse(challenge)
    } catch {
        throw .malformedChallenge(error)
    }
    return try makeAuthenticateMessage(
        challenge: parsed, credentials: credentials, profile: profile, clientChallenge: clientChallenge, now: now)
}

/// The AUTHENTICATE_MESSAGE go-ntlmssp sends for a parsed CHALLENGE: a 64-byte fixed part with no Version and
/// no MIC; payload LM ‖ NT ‖ domain ‖ user ‖ workstation (empty), all strings UTF-16LE; the challenge's flags
/// echoed with VERSION cleared. The time in the blob is the server's MsvAvTimestamp when present, else `now`.
public func makeAuthenticateMessage(
    challenge: ChallengeMessage, credentials: NTLMCredentials, profile: NTLMClientProfile,
    clientChallenge: ClientChallenge = .random(), now: FileTime = .now()
) throws(ClientRefusal) -> [UInt8] {
    try refuseAnonymous(credentials, profile: profile)
    if let refusal = challenge.clientRefusal() {
        throw refusal
    }
    let identity = logonIdentity(challenge: challenge, credentials: credentials, profile: profile)
    let ntHash = NTLMv2.ntHash(password: credentials.password)
    let responseKey = NTLMv2.responseKey(ntHash: ntHash, user: identity.userName, domain: identity.domain)
    let time = challenge.value(for: .timestamp) ?? now.littleEndianBytes
    let blob = NTLMv2.blob(time: time, clientChallenge: clientChallenge.bytes, targetInfo: challenge.targetInfoRaw ?? [])
    let ntResponse =
        NTLMv2.ntProof(responseKey: responseKey, serverChallenge: challenge.serverChallenge, blob: blob) + blob
    let lmResponse =
        challenge.targetInfoRaw == nil
        ? NTLMv2.lmv2Response(
            responseKey: responseKey, serverChallenge: challenge.serverChallenge,
            clientChallenge: clientChallenge.bytes)
        : []

    var flags = challenge.flags
    flags.remove(.version)
    let payload = [lmResponse, ntResponse, UTF16LE.encode(identity.domain), UTF16LE.encode(identity.userName), []]

    var bytes = messageHeader(type: 3)
    var offset = authenticateFixedLength
    for item in payload {
        bytes.appendVarField(length: item.count, offset: offset)
        offset += item.count
    }
    bytes.append(contentsOf: [UInt8](repeating: 0, count: 8))
    bytes.appendLittleEndian(flags.rawValue)
    for item in payload {
        bytes += item
    }
    return bytes
}

/// go-ntlmssp's AUTHENTICATE fixed part: header, five varFields, an empty session-key field and the flags.
let authenticateFixedLength = 64

/// go-ntlmssp refuses a logon with an empty user and an empty password. The 2022-era code checks the user
/// after removing `DOMAIN\`; v0.1.x checks the user as configured.
private func refuseAnonymous(_ credentials: NTLMCredentials, profile: NTLMClientProfile) throws(ClientRefusal) {
    let user = profile == .legacy ? credentials.userName : credentials.user
    if user.isEmpty && credentials.password.isEmpty {
        throw .anonymousCredentials
    }
}

/// A plain-English note when the 2022-era library would log on as a different identity than v0.1.x
/// (domains compared case-insensitively), or nil when both profiles log on as the same account.
public func profileDifference(challenge: ChallengeMessage, credentials: NTLMCredentials) -> String? {
    let current = logonIdentity(challenge: challenge, credentials: credentials, profile: .current)
    let legacy = logonIdentity(challenge: challenge, credentials: credentials, profile: .legacy)
    guard current.domain.lowercased() != legacy.domain.lowercased() else { return nil }
    return "go-ntlmssp v0.1.x logs on as \(quotedForDisplay(current.description)) but the 2022-era library "
        + "as \(quotedForDisplay(legacy.description)) (it takes the domain from the server's target name), "
        + "so the result depends on the go-ntlmssp version KrakenD embeds"
}
