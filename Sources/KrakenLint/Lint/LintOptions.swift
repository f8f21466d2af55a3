/// Settings for one lint run.
public struct LintOptions: Sendable {
    /// Check Enterprise-only features against this edition; nil disables edition checks.
    public var edition: Edition?
    /// Rule settings from the configuration file (`rules`, `overrides`), applied after suppressions.
    public var policy: RulePolicy
    /// Rule ids turned off entirely (`audit -i`).
    public var disabledRules: Set<String>
    /// Whether `krakend audit`'s rules run too (`lint --audit`), or only they (`audit`).
    public var audit: AuditMode

    public init(edition: Edition? = nil, disabledRules: Set<String> = [], policy: RulePolicy = .none, audit: AuditMode = .off) {
        self.edition = edition
        self.policy = policy
        self.disabledRules = disabledRules
        self.audit = audit
    }
}
