/// Glob matching for the configuration file: file paths, rule ids and JSON Pointers.
///
/// In paths, `*` and `?` stay inside one segment and `**` spans any number of segments. A pattern
/// without `/` matches a file or directory name at any depth; a pattern that matches a directory
/// matches everything below it (`legacy` and `legacy/**` both cover `legacy/a/krakend.json`).
public enum Glob {
    /// Whether `path` (relative, `/`-separated) or one of its parent directories matches `pattern`.
    public static func matchesPath(_ pattern: String, _ path: String) -> Bool {
        var patternSegments = pattern.split(separator: "/").map(String.init)
        if patternSegments.first == "." { patternSegments.removeFirst() }
        guard !patternSegments.isEmpty else { return false }
        if !pattern.dropLast(pattern.hasSuffix("/") ? 1 : 0).contains("/") { patternSegments.insert("**", at: 0) }
        let pathSegments = path.split(separator: "/").map(String.init)
        for prefixLength in stride(from: pathSegments.count, through: 1, by: -1) {
            if matchSegments(patternSegments[...], pathSegments[..<prefixLength]) { return true }
        }
        return false
    }

    /// Whether `ruleID` matches `pattern`, where `*` matches any run of characters (slashes included).
    public static func matchesRule(_ pattern: String, _ ruleID: String) -> Bool {
        wildcard(Array(pattern.unicodeScalars), Array(ruleID.unicodeScalars), starCrossesSlash: true)
    }

    /// Whether the pointer `tokens` lies at or below a pointer pattern whose tokens may be `*` (one
    /// token) or `**` (any number of tokens).
    public static func matchesPointer(_ patternTokens: [String], _ tokens: [String]) -> Bool {
        for prefixLength in stride(from: tokens.count, through: 0, by: -1) {
            if matchSegments(patternTokens[...], tokens[..<prefixLength]) { return true }
        }
        return false
    }

    /// Segment-wise match with `**`, by dynamic programming so no pattern can make it exponential.
    static func matchSegments(_ pattern: ArraySlice<String>, _ segments: ArraySlice<String>) -> Bool {
        let p = Array(pattern), s = Array(segments)
        // reachable[j]: the pattern prefix processed so far can consume exactly s[..<j].
        var reachable = Array(repeating: false, count: s.count + 1)
        reachable[0] = true
        for token in p {
            var next = Array(repeating: false, count: s.count + 1)
            if token == "**" {
                var any = false
                for j in 0...s.count {
                    any = any || reachable[j]
                    next[j] = any
                }
            } else {
                let tokenScalars = Array(token.unicodeScalars)
                for j in 0..<s.count where reachable[j] {
                    if wildcard(tokenScalars, Array(s[j].unicodeScalars), starCrossesSlash: false) { next[j + 1] = true }
                }
            }
            reachable = next
        }
        return reachable[s.count]
    }

    /// `*` and `?` wildcard match, linear time with single-star backtracking.
    static func wildcard(_ pattern: [Unicode.Scalar], _ text: [Unicode.Scalar], starCrossesSlash: Bool) -> Bool {
        var p = 0, t = 0
        var starP = -1, starT = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == "?" || pattern[p] == text[t], pattern[p] != "*", starCrossesSlash || text[t] != "/" || pattern[p] == "/" {
                p += 1
                t += 1
            } else if p < pattern.count, pattern[p] == "*" {
                starP = p
                starT = t
                p += 1
            } else if starP >= 0, starCrossesSlash || text[starT] != "/" {
                starT += 1
                t = starT
                p = starP + 1
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
