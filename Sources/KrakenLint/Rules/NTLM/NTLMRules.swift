/// The `ntlm/*` rules: everything an `auth/ntlm` block can get wrong.
enum NTLMRules {
    // Rule types are immutable metadata, safe to read from any thread.
    nonisolated(unsafe) static let all: [any Rule.Type] = [
        NTLMMissingFieldRule.self,
        NTLMWrongTypeRule.self,
        NTLMEmptyValueRule.self,
        NTLMUnknownFieldRule.self,
        NTLMMisplacedRule.self,
        NTLMPlaintextPasswordRule.self,
        NTLMPlaceholderPasswordRule.self,
        NTLMInsecureTransportRule.self,
        NTLMUserFormatRule.self,
        NTLMDeprecatedRule.self,
        NTLMEnterpriseOnlyRule.self,
        NTLMConflictingAuthRule.self,
        NTLMSharedCredentialsRule.self,
    ]
}
