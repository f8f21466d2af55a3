/// Settings for one lint run.
public struct LintOptions: Sendable {
    /// Check Enterprise-only features against this edition; nil disables edition checks.
    public var edition: Edition?
    /// Rule ids turned off entirely.
    public var disabledRules: Set<String>
    /// Severity overrides by rule id.
    public var severityOverrides: [String: Severity]
    /// Rule settings from the configuration file (`rules`, `overrides`), applied after suppressions.
    public var policy: RulePolicy
    /// Honour `@krakenlint` keys and `# krakenlint:` comments in the linted file.
    public var suppressions: Bool
    /// Whether `krakend audit`'s rules run too (`lint --audit`), or only they (`audit`).
    public var audit: AuditMode

    public init(edition: Edition? = nil, disabledRules: Set<String> = [], severityOverrides: [String: Severity] = [:],
                policy: RulePolicy = .none, suppressions: Bool = true, audit: AuditMode = .off) {
        self.edition = edition
        self.disabledRules = disabledRules
        self.severityOverrides = severityOverrides
        self.policy = policy
        self.suppressions = suppressions
        self.audit = audit
    }
}
