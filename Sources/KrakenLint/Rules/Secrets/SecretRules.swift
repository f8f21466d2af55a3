/// The `secret/*` rules: credentials written in clear text.
enum SecretRules {
    // Rule types are immutable metadata, safe to read from any thread.
    nonisolated(unsafe) static let all: [any Rule.Type] = [
        SecretPlaintextRule.self,
    ]
}
