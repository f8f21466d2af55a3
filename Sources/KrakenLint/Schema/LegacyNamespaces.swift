import ConfigTree

/// The pre-2.0 namespace names KrakenD still accepts, mapped to their current names.
///
/// The table is `schemas/legacy-namespaces.json` (34 pairs, from KrakenD CE's alias list). The schema
/// itself rejects the legacy names; the linter renames them, warns, and validates the block under the
/// current name.
public enum LegacyNamespaces {
    /// Legacy name → current name. The exact spelling matters (`github_com` and `github.com` both occur).
    public static let table: [String: String] = {
        var table: [String: String] = [:]
        for member in EmbeddedSchemaDocuments.document(at: "legacy-namespaces.json")?.members ?? [] {
            if let current = member.value.string { table[member.key] = current }
        }
        return table
    }()

    /// The current name for a legacy namespace name, or nil when `name` is not a legacy name.
    public static func currentName(for name: String) -> String? {
        table[name]
    }

    /// `name` with a legacy name replaced by its current one; other names unchanged.
    public static func canonical(_ name: String) -> String {
        table[name] ?? name
    }
}
