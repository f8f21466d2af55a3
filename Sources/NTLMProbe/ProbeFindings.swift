import ConfigTree
import Findings

/// Probe outcomes as findings, placed on the `auth/ntlm` key of the backend they are about, so code scanning
/// and pull-request annotations show a failed credential at the configuration line.
///
/// The rule id is `probe/` and the outcome (`probe/rejected`, `probe/unreachable`...). A target that fails
/// the run is an error, one listed but not probed (service discovery) a warning, an accepted logon a note.
public enum ProbeFindings {
    /// The report of one probed configuration.
    public static func report(_ results: [ProbeResult], file: SourceFile) -> Report {
        let findings = results.map { finding(for: $0, in: file) }
        // Passwords are masked wherever a reporter shows or hashes a source line.
        let secrets = results.compactMap { result -> SecretValue? in
            guard case .text(let password) = result.target.credentials.password else { return nil }
            return password
        }
        // Targets come in file order, and so do their findings.
        return Report(file: file, findings: findings, secrets: secrets)
    }

    public static func finding(for result: ProbeResult, in file: SourceFile) -> Finding {
        let target = result.target
        var message = "\(target.endpoint) backend \(target.backendIndex) \(target.displayURL): \(result.outcome.rawValue)"
        if let status = result.status { message += " (HTTP \(status))" }
        message += ": " + result.detail
        if !result.user.isEmpty { message += " (user \(result.user))" }
        var properties: [String: PropertyValue] = [
            "outcome": .string(result.outcome.rawValue),
            "endpoint": .string(target.endpoint),
            "backend": .number(Double(target.backendIndex)),
            "url": .string(target.displayURL),
            "profile": .string(result.profile.rawValue),
        ]
        // No timings: a finding is the same on every run (SARIF baselines, golden files).
        if let status = result.status { properties["status"] = .number(Double(status)) }
        return Finding(
            ruleID: ruleID(for: result.outcome),
            severity: severity(of: result),
            message: message,
            location: Location(file: file, span: target.blockSpan),
            pointer: JSONPointer(parsing: target.pointer + "/extra_config/auth~1ntlm") ?? .root,
            fix: result.hints.isEmpty ? nil : result.hints.joined(separator: "; "),
            properties: properties
        )
    }

    public static func ruleID(for outcome: ProbeOutcome) -> String { "probe/" + outcome.rawValue }

    /// Error when the result fails the run (the exit code says 1), warning for a target left out for a
    /// reason that does not fail it, note for accepted credentials.
    public static func severity(of result: ProbeResult) -> Severity {
        if result.outcome == .authenticated { return .info }
        return result.isFailure ? .error : .warning
    }

    /// What reporters may say about each outcome (SARIF's rule descriptors).
    public static let rules: [RuleDescriptor] = ProbeOutcome.allCases.map { outcome in
        let (summary, fix) = texts(outcome)
        let severity: Severity = outcome == .authenticated ? .info : outcome == .notProbed ? .warning : .error
        let name = ruleID(for: outcome).split(whereSeparator: { $0 == "/" || $0 == "-" })
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        return RuleDescriptor(
            id: ruleID(for: outcome), name: name, summary: summary,
            explanation: summary + ". `krakenlint probe` performs the NTLM handshake KrakenD's client performs, so the gateway will see the same.",
            fix: fix, defaultSeverity: severity)
    }

    private static func texts(_ outcome: ProbeOutcome) -> (String, String) {
        switch outcome {
        case .authenticated: return ("The backend accepted the NTLM credentials", "Nothing to fix.")
        case .rejected: return ("The backend rejected the NTLM logon", "Check the user, domain and password, and whether the account is locked.")
        case .noAuthRequired: return ("The backend did not ask for authentication", "Remove auth/ntlm, or point the backend at the protected URL.")
        case .ntlmNotOffered: return ("The backend does not offer NTLM or Negotiate", "Enable NTLM on the backend, or use the authentication it offers.")
        case .refusedByClient: return ("The backend's challenge asks for something KrakenD's NTLM client refuses", "Change the backend's NTLM settings (key exchange, LM key, Unicode).")
        case .protocolError: return ("The NTLM handshake broke", "Check that the host is the NTLM-protected service and that no proxy rewrites the headers.")
        case .tlsError: return ("The TLS handshake failed", "Trust the backend's certificate authority (--ca-file) or fix the certificate's name.")
        case .unreachable: return ("The backend host could not be reached", "Check the host name, port and network path from the gateway.")
        case .timeout: return ("The backend did not answer in time", "Check the host, or raise --timeout.")
        case .credentialsUnavailable: return ("The NTLM credentials could not be read", "Set the environment variables the templates read, or use strings.")
        case .notProbed: return ("The target was not probed", "Give the backend a static, usable host (or drop --https-only for plain HTTP).")
        }
    }
}
