/// Settings for one lint run.
public struct LintOptions: Sendable {
    /// Check Enterprise-only features against this edition; nil disables edition checks.
    public var edition: Edition?
    /// Rule settings from the configuration file (`rules`, `overrides`), applied after suppressions.
    public var policy: RulePolicy

    public init(edition: Edition? = nil, policy: RulePolicy = .none) {
        self.edition = edition
        self.policy = policy
    }
}
