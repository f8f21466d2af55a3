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

/// A rule about the `auth/ntlm` block itself: its `visitNamespace` hook sees that namespace and no other.
public protocol NTLMBlockRule: Rule {}

extension NTLMBlockRule {
    public static var visitedNamespaces: VisitedNamespaces { .named([NTLMBlock.namespace]) }
}
