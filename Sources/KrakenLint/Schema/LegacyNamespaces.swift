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

    /// Whether any legacy name can occur in `file`: false lets the renaming walk be skipped.
    ///
    /// Looks for the prefix every legacy name shares (`github`), so one byte search answers for all of them.
    public static func mayOccur(in file: SourceFile) -> Bool {
        sharedPrefix.isEmpty || file.mightSpell(sharedPrefix)
    }

    /// `sharedPrefix` as UTF-8 bytes.
    static let sharedPrefixBytes = Array(sharedPrefix.utf8)

    static let sharedPrefix: String = {
        guard var prefix = table.keys.first.map({ Array($0.utf8) }) else { return "" }
        for name in table.keys {
            let bytes = Array(name.utf8)
            let common = zip(prefix, bytes).prefix { $0 == $1 }.count
            prefix.removeLast(prefix.count - common)
        }
        return String(decoding: prefix, as: UTF8.self)
    }()

    /// `name` with a legacy name replaced by its current one; other names unchanged.
    public static func canonical(_ name: String) -> String {
        // Every legacy name starts with the shared prefix; most names are current and skip the hashing.
        // The bytes are compared in place: the model asks for each of the tens of thousands of namespaces.
        guard ByteSearch.hasPrefix(sharedPrefixBytes, in: name) else { return name }
        return table[name] ?? name
    }
}
