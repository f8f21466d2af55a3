import NTLM

/// The verdict for one target, with everything a report shows. Holds no secret.
public struct ProbeResult: Sendable {
    public var target: ProbeTarget
    public var outcome: ProbeOutcome
    /// The user as rendered (templates filled), or as configured when it could not be rendered.
    public var user: String
    /// The final HTTP status that decided the outcome, when a response arrived.
    public var status: Int?
    public var elapsedMilliseconds: Int
    /// What the CHALLENGE said about the server, when one arrived.
    public var server: ServerInfo?
    /// The scheme used for the handshake (`NTLM` or `Negotiate`).
    public var scheme: String?
    /// The `WWW-Authenticate` values of the anonymous 401, as offered (for `ntlm-not-offered`).
    public var offeredSchemes: [String]
    /// One sentence explaining the outcome.
    public var detail: String
    /// Advice where it helps: Extended Protection, domain mismatch, the older client profile, plain HTTP.
    public var hints: [String]
    /// The NTLM client profile used.
    public var profile: NTLMClientProfile
    /// Whether TLS certificate verification was skipped for this target.
    public var tlsUnverified: Bool
    /// Not probed because a setting forbids it (`--https-only`); such a target fails the run.
    public var refusedBySettings: Bool

    public init(
        target: ProbeTarget, outcome: ProbeOutcome, user: String, status: Int? = nil, elapsedMilliseconds: Int = 0,
        server: ServerInfo? = nil, scheme: String? = nil, offeredSchemes: [String] = [], detail: String,
        hints: [String] = [], profile: NTLMClientProfile, tlsUnverified: Bool = false, refusedBySettings: Bool = false
    ) {
        self.target = target
        self.outcome = outcome
        self.user = user
        self.status = status
        self.elapsedMilliseconds = elapsedMilliseconds
        self.server = server
        self.scheme = scheme
        self.offeredSchemes = offeredSchemes
        self.detail = detail
        self.hints = hints
        self.profile = profile
        self.tlsUnverified = tlsUnverified
        self.refusedBySettings = refusedBySettings
    }

    /// Whether this result makes the run fail: a probed target that did not authenticate, or a target refused
    /// by the settings. Targets listed as not probed for other reasons (service discovery) do not.
    public var isFailure: Bool {
        outcome == .notProbed ? refusedBySettings : outcome != .authenticated
    }

    /// Whether the target was contacted (or would have been, had its credentials been available).
    public var wasProbed: Bool { outcome != .notProbed }

    /// Whether the target was probed over plain `http://`.
    public var isPlainHTTP: Bool { target.url?.scheme == .http }
}
