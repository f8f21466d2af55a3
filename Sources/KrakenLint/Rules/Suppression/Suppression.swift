import ConfigTree

/// One place in a configuration that silences rules for a subtree: a `"@krakenlint"` key or a YAML comment.
struct Suppression {
    /// One rule id or glob in the `disable` list, with where it is written (for `suppression/unused`).
    struct Entry {
        let pattern: String
        let span: Span
        let pointer: JSONPointer
        var used = false
    }

    /// The subtree it applies to.
    let scope: JSONPointer
    var entries: [Entry]
    let hasReason: Bool
    /// Where a missing reason is reported.
    let span: Span
    let pointer: JSONPointer

    /// True when it silences `diagnostic`; marks the matching entry used.
    mutating func silences(_ diagnostic: Diagnostic) -> Bool {
        guard !diagnostic.ruleID.hasPrefix("suppression/"), scope.isAncestor(of: diagnostic.pointer) else { return false }
        var silenced = false
        for index in entries.indices where Glob.matchesRule(entries[index].pattern, diagnostic.ruleID) {
            entries[index].used = true
            silenced = true
        }
        return silenced
    }
}
