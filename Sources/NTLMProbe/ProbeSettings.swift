import NTLM

/// How to probe: request shape, client profile, TLS trust and every limit.
public struct ProbeSettings: Sendable {
    /// The HTTP method of every leg; GET unless `--method` says otherwise (never the backend's method).
    public var method: String = "GET"
    public var profile: NTLMClientProfile = .current
    /// Extra trusted CA certificates in PEM, from `--ca-file`; added to the system trust store.
    public var caFilePath: String?
    /// Skip certificate verification (`--insecure`); results say so.
    public var insecure = false
    /// Refuse plain `http://` targets instead of probing them.
    public var httpsOnly = false

    /// Time allowed to open one TCP connection.
    public var connectTimeout: Duration = .seconds(5)
    /// Time allowed for one target, all legs and connections included.
    public var targetTimeout: Duration = .seconds(15)
    /// Time allowed for the whole run; targets not finished by then time out.
    public var totalDeadline: Duration = .seconds(120)
    /// How many targets are probed at the same time.
    public var concurrency = 4
    /// Largest response header block accepted (names and values together).
    public var maxHeaderBytes = 64 * 1024
    /// Largest response body read; a larger body ends the exchange (the connection is not reused).
    public var maxBodyBytes = 1024 * 1024
    /// Largest base64 token accepted in a `WWW-Authenticate` challenge.
    public var maxChallengeTokenBytes = 16 * 1024

    /// Text of the `User-Agent` header.
    public var userAgent = "krakenlint-probe"

    public init() {}
}
