/// Reading `WWW-Authenticate` the way go-ntlmssp v0.1.x does.
enum AuthenticateHeaders {
    /// The schemes the prober can use, in go-ntlmssp's order of preference.
    static let usableSchemes = ["NTLM", "Negotiate"]

    /// The scheme go-ntlmssp picks from every `WWW-Authenticate` value: `NTLM` before `Negotiate`, each matching
    /// only when the value equals the name or starts with the name and a space (case-sensitive).
    static func chooseScheme(_ values: [String]) -> String? {
        usableSchemes.first { scheme in values.contains { matches($0, scheme: scheme) } }
    }

    /// The token after `<scheme> ` in the first value for `scheme`, or nil when that value is bare.
    static func token(in values: [String], scheme: String) -> Substring? {
        guard let value = values.first(where: { matches($0, scheme: scheme) }) else { return nil }
        let token = value.dropFirst(scheme.count).drop { $0 == " " }
        let trimmed = token.reversed().drop { $0 == " " || $0 == "\t" }.count
        let result = token.prefix(trimmed)
        return result.isEmpty ? nil : result
    }

    /// Whether a value lists `NTLM` or `Negotiate` after a comma, which go-ntlmssp never sees because it does
    /// not split header values.
    static func listsUsableSchemeInsideACommaList(_ values: [String]) -> Bool {
        values.contains { value in
            value.split(separator: ",").dropFirst().contains { item in
                let word = item.drop { $0 == " " }.prefix { $0 != " " }
                return usableSchemes.contains(String(word))
            }
        }
    }

    static func matches(_ value: String, scheme: String) -> Bool {
        value == scheme || value.hasPrefix(scheme + " ")
    }
}
