/// How far apart two names are, for did-you-mean suggestions (schema properties, NTLM fields, rule ids):
/// the optimal string alignment distance, Levenshtein plus adjacent transpositions ("usre" is one edit
/// from "user"), over Unicode scalars. Names are compared by their first `limit` scalars only, so a
/// hostile key cannot make the work quadratic in its length.
public enum EditDistance {
    public static let limit = 128

    public static func between(_ lhs: String, _ rhs: String) -> Int {
        between(Array(lhs.unicodeScalars.prefix(limit)), Array(rhs.unicodeScalars.prefix(limit)))
    }

    public static func between(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previousPrevious[j - 2] + 1)
                }
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
