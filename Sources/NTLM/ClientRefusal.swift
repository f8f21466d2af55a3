/// Why go-ntlmssp (and so KrakenD) would give up instead of answering a server's CHALLENGE.
/// These are not wrong-password results: the client never sends AUTHENTICATE.
public enum ClientRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// User and password are both empty; go-ntlmssp has no anonymous logon.
    case anonymousCredentials
    /// The CHALLENGE could not be read.
    case malformedChallenge(ChallengeParseError)
    /// The server asks for LM_KEY (`0x80`), an NTLMv1 feature.
    case lmKeyRequested
    /// The server asks for key exchange (KEY_EXCH, `0x40000000`).
    case keyExchangeRequested
    /// The server does not offer Unicode (UNICODE, `0x1`).
    case unicodeNotOffered

    /// A stable identifier for machine-readable reports.
    public var code: String {
        switch self {
        case .anonymousCredentials: return "anonymous-credentials"
        case .malformedChallenge: return "malformed-challenge"
        case .lmKeyRequested: return "lm-key-requested"
        case .keyExchangeRequested: return "key-exchange-requested"
        case .unicodeNotOffered: return "unicode-not-offered"
        }
    }

    /// A plain-English reason, completing "KrakenD would refuse this server because …".
    public var reason: String {
        switch self {
        case .anonymousCredentials:
            return "both user and password are empty, and go-ntlmssp does not support anonymous authentication"
        case .malformedChallenge(let error):
            return "the server's CHALLENGE message is malformed: \(error)"
        case .lmKeyRequested:
            return "the server's CHALLENGE sets LM_KEY (0x00000080), asking for NTLMv1 session security, "
                + "and go-ntlmssp only speaks NTLMv2"
        case .keyExchangeRequested:
            return "the server's CHALLENGE sets KEY_EXCH (0x40000000), asking for key exchange, "
                + "which go-ntlmssp does not support"
        case .unicodeNotOffered:
            return "the server's CHALLENGE does not set UNICODE (0x00000001), "
                + "and go-ntlmssp only supports Unicode strings"
        }
    }

    public var description: String { reason }
}
