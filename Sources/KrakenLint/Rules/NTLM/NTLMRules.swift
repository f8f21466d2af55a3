/// The `ntlm/*` rules: everything an `auth/ntlm` block can get wrong.
enum NTLMRules {
    static let all: [any Rule.Type] = []
}
