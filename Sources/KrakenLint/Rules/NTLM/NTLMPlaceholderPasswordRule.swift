import ConfigTree

/// `ntlm/placeholder-password`: the NTLM password is a placeholder, the user name, or an unexpanded variable.
public final class NTLMPlaceholderPasswordRule: NTLMBlockRule {
    enum Message {
        static let placeholder = "the NTLM password is a well-known placeholder; expected the service account's real password"
        static let sameAsUser = "the NTLM password is the same as the user name; expected the service account's real password"
        static let variable = "the NTLM password looks like an environment variable reference, which KrakenD does not expand; it would send those characters as the password"
        static let fix = "Set the real password from the environment with flexible configuration (FC_ENABLE=1): {{ env \"NTLM_PASSWORD\" }}."
    }

    /// Lower-cased values that are placeholders or passwords from every default-credential list.
    static let placeholders: Set<String> = [
        "changeme", "change-me", "change_me", "changeit", "change-it", "password", "passw0rd", "p@ssw0rd", "p@ssword",
        "pass", "passwd", "pwd", "secret", "admin", "administrator", "test", "testing", "example", "default", "dummy",
        "placeholder", "todo", "tbd", "fixme", "replaceme", "replace-me", "replace_me", "your-password", "yourpassword",
        "your_password", "mypassword", "1234", "12345", "123456", "12345678", "123456789", "qwerty", "letmein",
        "welcome", "password1", "password123", "secret123", "ntlm", "krakend", "none", "null", "undefined",
    ]

    public static let description = RuleDescription(
        id: "ntlm/placeholder-password",
        severity: .warning,
        summary: "The NTLM password is a placeholder, equals the user name, or is an unexpanded variable",
        explanation: """
            Placeholders such as changeme or password left in a configuration mean either that the backend \
            rejects every call with 401, or that the service account really has a guessable password, which for \
            a domain account is worse. A password equal to the user name is the first thing password sprayers \
            try. KrakenD does not expand $VAR, ${VAR} or %VAR% in values: such a password is sent literally; \
            environment values need flexible configuration ({{ env "NTLM_PASSWORD" }} with FC_ENABLE=1). The \
            message never shows the password.
            """,
        fix: Message.fix,
        triggering: [
            NTLMExample.json(#"{"user": "CONTOSO\\svc-krakend", "password": ↓"changeme"}"#),
            NTLMExample.json(#"{"user": "CONTOSO\\svc-krakend", "password": ↓"svc-krakend"}"#),
            NTLMExample.json(#"{"user": "CONTOSO\\svc-krakend", "password": ↓"${NTLM_PASSWORD}"}"#),
            NTLMExample.json(#"{"user": "CONTOSO\\svc-krakend", "password": ↓"<password>"}"#),
            NTLMExample.yaml(#"""
                user: CONTOSO\svc-krakend
                password: ↓Password
                """#),
            NTLMExample.yaml(#"""
                user: CONTOSO\svc-krakend
                password: ↓123456
                """#),
        ],
        nonTriggering: [
            NTLMExample.json(#"{"user": "CONTOSO\\svc-krakend", "password": "{{ env `NTLM_PASSWORD` }}"}"#),
            NTLMExample.json(#"{"user": "CONTOSO\\svc-krakend", "password": "Tr0ub4dor&3-krakenlint-example"}"#),
            NTLMExample.yaml(#"""
                user: CONTOSO\svc-krakend
                password: '{{ env "NTLM_PASSWORD" }}'
                """#),
        ]
    )

    public init() {}

    public func visitNamespace(_ namespace: NamespaceView, in context: LintContext) {
        guard let block = NTLMBlock(namespace), let value = block.password, let text = SecretCatalog.hiddenText(of: value) else { return }
        let password = NTLMBlock.trimmed(text)
        guard !password.isEmpty else { return }
        let message: String
        if FlexibleConfigTemplate.isVariableReference(password) {
            message = Message.variable
        } else if Self.isPlaceholder(password) {
            message = Message.placeholder
        } else if let user = block.literal("user"), Self.matchesUser(password, user) {
            message = Message.sameAsUser
        } else {
            return
        }
        context.report(Self.description, message, at: value.span, pointer: block.pointer("password"), fix: Message.fix)
    }

    static func isPlaceholder(_ password: String) -> Bool {
        let lower = password.lowercased()
        if placeholders.contains(lower) { return true }
        if lower.hasPrefix("<"), lower.hasSuffix(">") { return true }
        if let first = lower.first, lower.count >= 3, lower.allSatisfy({ $0 == first }) { return true }
        return false
    }

    /// True when the password equals the whole user or its account part (after `\` or before `@`), ignoring case.
    static func matchesUser(_ password: String, _ user: String) -> Bool {
        let lower = password.lowercased()
        let fullUser = NTLMBlock.trimmed(user).lowercased()
        var account = Substring(fullUser)
        if let slash = account.firstIndex(of: "\\") { account = account[account.index(after: slash)...] }
        if let at = account.firstIndex(of: "@") { account = account[..<at] }
        return lower == fullUser || (!account.isEmpty && lower == account)
    }
}
