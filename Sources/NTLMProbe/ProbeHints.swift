import NTLM

/// Advice attached to a result where the outcome alone could mislead.
enum ProbeHints {
    static func hints(
        for verdict: HandshakeVerdict, url: ProbeURL, credentials: NTLMCredentials, settings: ProbeSettings
    ) -> [String] {
        var hints: [String] = []
        let serverDomain = verdict.server.map(\.targetName).flatMap { $0.isEmpty ? nil : $0 }
        let isUPN = !credentials.hasDomain && credentials.user.contains("@")

        switch verdict.outcome {
        case .rejected:
            if url.scheme == .https {
                hints.append(
                    "an https server that rejects correct credentials may require Extended Protection (channel "
                        + "binding), which KrakenD's NTLM client does not send")
            }
            if !credentials.hasDomain && !isUPN, let serverDomain {
                hints.append(
                    "the user has no DOMAIN\\ part and the server names its domain \"\(serverDomain)\"; "
                        + "try \"\(serverDomain)\\\(credentials.userName)\"")
            }
            if settings.profile == .current && !isUPN {
                hints.append(
                    "older KrakenD builds (--profile \(NTLMClientProfile.legacy.rawValue)) log on with the server's "
                        + "domain instead of the typed one; probe with that profile to see whether they would get in")
            }
            if settings.profile == .legacy {
                hints.append(
                    "this profile logs on as \(verdict.identity?.description ?? "the server's domain"); current KrakenD "
                        + "builds use the typed domain (--profile \(NTLMClientProfile.current.rawValue))")
            }
            if verdict.scheme == "Negotiate" {
                hints.append(
                    "the server offers only Negotiate; KrakenD sends raw NTLM under it, which a Kerberos-only server rejects")
            }
            if credentials.password.isEmpty || credentials.user.isEmpty {
                hints.append("the \(credentials.user.isEmpty ? "user" : "password") is empty")
            }
        case .authenticated:
            if let status = verdict.status, status == 403 || status == 404 {
                hints.append(
                    "the logon succeeded; status \(status) comes from authorisation or routing, not from the credentials")
            }
            if settings.profile == .current, credentials.hasDomain, let serverDomain,
                serverDomain.lowercased() != credentials.domain.lowercased()
            {
                hints.append(
                    "the typed domain \"\(credentials.domain)\" differs from the server's \"\(serverDomain)\"; older "
                        + "KrakenD builds use the server's and may be rejected (check with --profile "
                        + "\(NTLMClientProfile.legacy.rawValue))")
            }
        case .ntlmNotOffered:
            if verdict.offeredSchemes.contains(where: { $0.hasPrefix("Basic") }) {
                hints.append(
                    "the server offers Basic; current KrakenD builds do not fall back to it, older ones (2022-era "
                        + "go-ntlmssp) send the password in clear")
            }
            if AuthenticateHeaders.listsUsableSchemeInsideACommaList(verdict.offeredSchemes) {
                hints.append(
                    "the server lists NTLM or Negotiate inside a comma-separated WWW-Authenticate value; go-ntlmssp "
                        + "reads each header whole and only matches a value that starts with the scheme")
            }
            if verdict.offeredSchemes.contains(where: { $0.lowercased().hasPrefix("ntlm") || $0.lowercased().hasPrefix("negotiate") }) {
                hints.append("the scheme names differ only in case; go-ntlmssp matches \"NTLM\" and \"Negotiate\" exactly")
            }
        case .protocolError:
            if verdict.scheme == "Negotiate" {
                hints.append("under Negotiate a Kerberos-only server cannot answer KrakenD's raw NTLM token")
            }
        default:
            break
        }
        if url.scheme == .http {
            hints.append("plain http: NTLM authenticates but does not encrypt; the traffic can be read on the network")
        }
        if url.scheme == .https && settings.insecure {
            hints.append("TLS certificate not verified (--insecure)")
        }
        return hints
    }
}
