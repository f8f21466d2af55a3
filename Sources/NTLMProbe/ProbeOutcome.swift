/// The verdict for one target. The raw values are stable: they appear in JSON and JUnit output and scripts
/// may match on them.
public enum ProbeOutcome: String, Sendable, CaseIterable {
    /// Any final status other than 401 after AUTHENTICATE: the credentials were accepted.
    case authenticated
    /// A 401 after AUTHENTICATE: the logon was rejected.
    case rejected
    /// The anonymous request got something other than a 401.
    case noAuthRequired = "no-auth-required"
    /// A 401 whose `WWW-Authenticate` headers offer neither `NTLM` nor `Negotiate`.
    case ntlmNotOffered = "ntlm-not-offered"
    /// The server's CHALLENGE asks for something KrakenD's client refuses (key exchange, LM key, OEM only).
    case refusedByClient = "refused-by-client"
    /// A malformed challenge or response, or a server that breaks the handshake.
    case protocolError = "protocol-error"
    /// The TLS handshake failed (certificate not trusted, wrong name, no common protocol).
    case tlsError = "tls-error"
    /// The host could not be reached: DNS failure, connection refused or reset.
    case unreachable
    /// The connection, the handshake or the whole run took longer than allowed.
    case timeout
    /// The credentials could not be read: a missing or non-string field, or an empty one rendered from an unset variable.
    case credentialsUnavailable = "credentials-unavailable"
    /// The target was listed but not contacted (service discovery, an unusable host, `--https-only`).
    case notProbed = "not-probed"

    /// Whether this outcome counts as a pass for the exit code.
    public var isSuccess: Bool { self == .authenticated }
}
