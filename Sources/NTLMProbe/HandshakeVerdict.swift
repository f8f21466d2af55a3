import NTLM

/// What one handshake established, before hints are added and a `ProbeResult` is built.
struct HandshakeVerdict: Sendable {
    var outcome: ProbeOutcome
    var detail: String
    var status: Int?
    var scheme: String?
    var offeredSchemes: [String] = []
    var server: ServerInfo?
    /// Who the AUTHENTICATE logged on as, when one was sent.
    var identity: LogonIdentity?

    init(_ outcome: ProbeOutcome, _ detail: String, status: Int? = nil) {
        self.outcome = outcome
        self.detail = detail
        self.status = status
    }
}
