/// The `secret/*` rules: credentials written in clear text.
enum SecretRules {
    static let all: [any Rule.Type] = [
        SecretPlaintextRule.self,
    ]
}
