import ConfigTree

/// KrakenD's own severity for an audit rule, as `krakend audit` prints it.
public enum AuditSeverity: String, CaseIterable, Sendable {
    case critical = "CRITICAL"
    case high = "HIGH"
    case medium = "MEDIUM"
    case low = "LOW"

    /// The krakenlint severity an audit finding gets: CRITICAL and HIGH are errors (they fail the default
    /// `--fail-level error` of `lint --audit`), MEDIUM is a warning, LOW is info.
    public var severity: Severity {
        switch self {
        case .critical, .high: return .error
        case .medium: return .warning
        case .low: return .info
        }
    }
}

/// Whether and how a lint run includes `krakend audit`'s rules.
public enum AuditMode: Sendable {
    /// Lint only (the default).
    case off
    /// Lint and audit over the same tree (`krakenlint lint --audit`).
    case alongside
    /// Audit only (`krakenlint audit`): the load, the `Init()` checks that gate the audit, and the audit rules.
    case only
}

/// One place that makes an audit rule fire.
struct AuditCause {
    /// The value the finding is about; the finding sits on its key when it has one.
    let pointer: JSONPointer
    let message: String
    /// Where that is, when the rule has it at hand (the key of `pointer`'s member, or the value when it is a
    /// list item); otherwise it is looked up from `pointer`.
    var span: Span?

    init(pointer: JSONPointer, message: String, span: Span? = nil) {
        self.pointer = pointer
        self.message = message
        self.span = span
    }
}

/// One of `krakend audit`'s rules: KrakenD's id and severity, our description, and the evaluator that
/// finds every place of a configuration that makes it fire.
public struct AuditRule: Sendable {
    /// KrakenD's id, e.g. `2.1.7`.
    public let krakendID: String
    public let krakendSeverity: AuditSeverity
    /// Our description; the id is `audit/` followed by KrakenD's id.
    public let description: RuleDescription
    let evaluate: @Sendable (AuditFacts) -> [AuditCause]
    /// KrakenD's id and severity as finding properties (JSON and SARIF), built once and shared by every
    /// finding of the rule.
    let properties: [String: PropertyValue]

    init(
        _ krakendID: String, _ severity: AuditSeverity, summary: String, explanation: String, fix: String,
        triggering: @autoclosure @escaping @Sendable () -> [RuleExample], nonTriggering: @autoclosure @escaping @Sendable () -> [RuleExample],
        evaluate: @escaping @Sendable (AuditFacts) -> [AuditCause]
    ) {
        self.krakendID = krakendID
        self.krakendSeverity = severity
        self.description = RuleDescription(
            id: AuditRules.prefix + krakendID, severity: severity.severity, summary: summary,
            explanation: explanation + " (krakend audit \(krakendID), \(severity.rawValue).)",
            fix: fix, triggering: triggering(), nonTriggering: nonTriggering()
        )
        self.evaluate = evaluate
        self.properties = ["krakend_id": .string(krakendID), "krakend_severity": .string(severity.rawValue)]
    }

    public var id: String { description.id }
}
