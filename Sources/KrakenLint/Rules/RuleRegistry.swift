/// The one list of every rule krakenlint knows. Adding a rule means adding it here.
public enum RuleRegistry {
    /// Rules that run as visitors over the configuration.
    // Rule types are immutable metadata, safe to read from any thread.
    nonisolated(unsafe) public static let visitorRules: [any Rule.Type] = KrakenDRules.all + NTLMRules.all + SecretRules.all

    /// Every rule description, visitor rules and built-in findings alike, sorted by id.
    public static let allDescriptions: [RuleDescription] = {
        let all = LoaderRules.all + SchemaRules.descriptions + visitorRules.map { $0.description }
            + SuppressionRules.descriptions + ConfigurationRules.descriptions + AuditRules.descriptions
        return all.sorted { $0.id < $1.id }
    }()

    /// Every rule id, for matching configured ids and globs.
    public static let allIDs: [String] = allDescriptions.map(\.id)

    public static func description(for id: String) -> RuleDescription? {
        allDescriptions.first { $0.id == id }
    }
}
