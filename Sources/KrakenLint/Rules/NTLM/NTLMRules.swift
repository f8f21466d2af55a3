/// The `ntlm/*` rules: everything an `auth/ntlm` block can get wrong.
enum NTLMRules {
    static let all: [any Rule.Type] = [
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
