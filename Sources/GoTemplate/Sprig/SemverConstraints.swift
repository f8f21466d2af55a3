/// Masterminds/semver v3 constraints (`NewConstraint`, `Check`): `||`-separated groups of comparisons joined by
/// spaces or commas, hyphen ranges, `x`/`*` wildcards, `~` and `^`. The parsing uses semver's own regular
/// expressions (through ``GoRegex``), so odd inputs are accepted or refused exactly as Go's does.
struct SemverConstraints {
    private struct Comparison {
        var version: SemanticVersion
        var original: String
        var operation: String
        var minorDirty = false, patchDirty = false, dirty = false
    }

    private var groups: [[Comparison]]

    private static let operations = #"=||!=|>|<|>=|=>|<=|=<|~|~>|\^"#
    private static let versionPattern = #"v?([0-9|x|X|\*]+)(\.[0-9|x|X|\*]+)?(\.[0-9|x|X|\*]+)?"#
        + #"(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?"# + #"(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?"#

    private struct Patterns {
        let single: GoRegex, range: GoRegex, find: GoRegex, valid: GoRegex
    }

    /// Compiled once; a `Regex` is immutable and matched without shared mutable state.
    nonisolated(unsafe) private static let patterns: Patterns? = {
        let ops = operations, cv = versionPattern
        guard let single = try? GoRegex(#"^\s*("# + ops + #")\s*("# + cv + #")\s*$"#),
            let range = try? GoRegex(#"\s*("# + cv + #")\s+-\s+("# + cv + #")\s*"#),
            let find = try? GoRegex("(" + ops + #")\s*("# + cv + ")"),
            let valid = try? GoRegex(
                #"^(\s*("# + ops + #")\s*("# + cv + #")\s*)((?:\s+|,\s*)("# + ops + #")\s*("# + cv + #")\s*)*$"#)
        else { return nil }
        return Patterns(single: single, range: range, find: find, valid: valid)
    }()

    /// `semver.NewConstraint`, failing with its error texts.
    init(parsing text: String) throws(FunctionError) {
        guard let patterns = Self.patterns else { throw FunctionError("constraint Parser Error") }
        var rewritten = text
        for match in patterns.range.matches(in: text, limit: -1) {
            let groups = patterns.range.submatches(of: match, in: text)
            if let found = rewritten.range(of: groups[0]) {
                rewritten.replaceSubrange(found, with: ">= \(groups[1]), <= \(groups[11])")
            }
        }
        groups = []
        for alternative in rewritten.components(separatedBy: "||") {
            guard patterns.valid.firstMatch(in: alternative) != nil else {
                throw FunctionError("improper constraint: \(alternative)")
            }
            var parts = patterns.find.matches(in: alternative, limit: -1).map { String(alternative.unicodeScalars[$0.range]) }
            if parts.isEmpty { parts = [alternative] }
            var comparisons: [Comparison] = []
            for part in parts { comparisons.append(try Self.comparison(part, patterns: patterns)) }
            groups.append(comparisons)
        }
    }

    /// semver's `parseConstraint`.
    private static func comparison(_ text: String, patterns: Patterns) throws(FunctionError) -> Comparison {
        guard !text.isEmpty else {
            return Comparison(
                version: SemanticVersion(major: 0, minor: 0, patch: 0, prerelease: "", metadata: "", original: "0.0.0"),
                original: text, operation: "", dirty: true)
        }
        guard let match = patterns.single.firstMatch(in: text) else { throw FunctionError("improper constraint: \(text)") }
        let m = patterns.single.submatches(of: match, in: text)
        func isWildcard(_ segment: Substring) -> Bool { segment == "x" || segment == "X" || segment == "*" }
        var versionText = m[2]
        var comparison = Comparison(
            version: SemanticVersion(major: 0, minor: 0, patch: 0, prerelease: "", metadata: "", original: ""),
            original: m[2], operation: m[1])
        if isWildcard(Substring(m[3])) || m[3].isEmpty {
            versionText = "0.0.0" + m[6]
            comparison.dirty = true
        } else if isWildcard(m[4].dropFirst()) || m[4].isEmpty {
            comparison.minorDirty = true
            comparison.dirty = true
            versionText = m[3] + ".0.0" + m[6]
        } else if isWildcard(m[5].dropFirst()) || m[5].isEmpty {
            comparison.dirty = true
            comparison.patchDirty = true
            versionText = m[3] + m[4] + ".0" + m[6]
        }
        guard let version = try? SemanticVersion(parsing: versionText) else { throw FunctionError("constraint Parser Error") }
        comparison.version = version
        return comparison
    }

    /// `Constraints.Check`: some group whose every comparison holds.
    func check(_ version: SemanticVersion) -> Bool {
        groups.contains { group in group.allSatisfy { Self.holds($0, for: version) } }
    }

    private static func holds(_ c: Comparison, for v: SemanticVersion) -> Bool {
        let excludedPrerelease = !v.prerelease.isEmpty && c.version.prerelease.isEmpty
        switch c.operation {
        case "", "=":
            if excludedPrerelease { return false }
            return c.dirty ? tilde(c, v) : v.compare(c.version) == 0
        case "!=":
            return notEqual(c, v)
        case ">":
            if excludedPrerelease { return false }
            if !c.dirty { return v.compare(c.version) == 1 }
            if v.major != c.version.major { return v.major > c.version.major }
            if c.minorDirty { return false }
            if c.patchDirty { return v.minor > c.version.minor }
            return v.compare(c.version) == 1
        case "<":
            return !excludedPrerelease && v.compare(c.version) < 0
        case ">=", "=>":
            return !excludedPrerelease && v.compare(c.version) >= 0
        case "<=", "=<":
            if excludedPrerelease { return false }
            if !c.dirty { return v.compare(c.version) <= 0 }
            if v.major > c.version.major { return false }
            return !(v.major == c.version.major && v.minor > c.version.minor && !c.minorDirty)
        case "~", "~>":
            return !excludedPrerelease && tilde(c, v)
        case "^":
            return !excludedPrerelease && caret(c, v)
        default:
            return false
        }
    }

    private static func tilde(_ c: Comparison, _ v: SemanticVersion) -> Bool {
        if !v.prerelease.isEmpty && c.version.prerelease.isEmpty { return false }
        if v.compare(c.version) < 0 { return false }
        if c.version.major == 0 && c.version.minor == 0 && c.version.patch == 0 && !c.minorDirty && !c.patchDirty {
            return true
        }
        if v.major != c.version.major { return false }
        return v.minor == c.version.minor || c.minorDirty
    }

    private static func caret(_ c: Comparison, _ v: SemanticVersion) -> Bool {
        if v.compare(c.version) < 0 { return false }
        if c.version.major > 0 || c.minorDirty { return v.major == c.version.major }
        if v.major > 0 { return false }
        if c.version.minor > 0 || c.patchDirty { return v.minor == c.version.minor }
        if v.minor > 0 { return false }
        return c.version.patch == v.patch
    }

    private static func notEqual(_ c: Comparison, _ v: SemanticVersion) -> Bool {
        if c.dirty {
            if !v.prerelease.isEmpty && c.version.prerelease.isEmpty { return false }
            if c.version.major != v.major { return true }
            if c.version.minor != v.minor && !c.minorDirty { return true }
            if c.minorDirty { return false }
            if c.version.patch != v.patch && !c.patchDirty { return true }
            if c.patchDirty {
                if !v.prerelease.isEmpty || !c.version.prerelease.isEmpty {
                    return SemanticVersion.comparePrerelease(v.prerelease, c.version.prerelease) != 0
                }
                return false
            }
        }
        return v.compare(c.version) != 0
    }
}
