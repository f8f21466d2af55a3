/// Settings for one lint run.
public struct LintOptions: Sendable {
    /// Check Enterprise-only features against this edition; nil disables edition checks.
    public var edition: Edition?
    /// Rule ids turned off entirely.
    public var disabledRules: Set<String>
    /// Severity overrides by rule id.
    public var severityOverrides: [String: Severity]

    public init(edition: Edition? = nil, disabledRules: Set<String> = [], severityOverrides: [String: Severity] = [:]) {
        self.edition = edition
        self.disabledRules = disabledRules
        self.severityOverrides = severityOverrides
    }
}
