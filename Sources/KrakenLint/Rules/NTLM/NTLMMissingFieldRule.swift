import ConfigTree

/// `ntlm/missing-field`: an `auth/ntlm` block without `user` or `password`.
public final class NTLMMissingFieldRule: NTLMBlockRule {
    enum Message {
        static func missing(_ key: String) -> String {
            "auth/ntlm has no \"\(key)\"; KrakenD needs both \"user\" and \"password\" to authenticate"
        }
        static let missingBoth = "auth/ntlm has neither \"user\" nor \"password\"; KrakenD needs both to authenticate"
        static func fix(_ keys: [String]) -> String {
            "Add " + keys.map { "\"\($0)\"" }.joined(separator: " and ") + " to the auth/ntlm block."
        }
    }

    public static let description = RuleDescription(
        id: "ntlm/missing-field",
        severity: .error,
        summary: "An auth/ntlm block lacks \"user\" or \"password\"",
        explanation: """
            KrakenD Enterprise authenticates to the backend as the account given by "user" and "password"; the schema \
            requires both. The Enterprise runtime is closed source and does not document this case; the \
            open-source clone of the module reads a missing key as an empty string and then turns NTLM off for that \
            backend without any error or log line, so KrakenD starts normally and every call gets 401 Unauthorized. A key spelled differently \
            ("username", "pass") counts as missing: see ntlm/unknown-field.
            """,
        fix: "Add the missing key; take the password from the environment with flexible configuration.",
        triggering: [
            NTLMExample.json(#"{"user": "CONTOSO\\svc-krakend"}"#, markKey: true),
            NTLMExample.json(#"{"password": "{{ env `NTLM_PASSWORD` }}"}"#, markKey: true),
            NTLMExample.json(#"{}"#, markKey: true),
            NTLMExample.json(#"{"username": "CONTOSO\\svc-krakend", "password": "{{ env `NTLM_PASSWORD` }}"}"#, markKey: true),
            NTLMExample.yaml(#"user: CONTOSO\svc-krakend"#, markKey: true),
            NTLMExample.yaml(#"""
                username: CONTOSO\svc-krakend
                "@comment": the password is missing too
                """#, markKey: true),
        ],
        nonTriggering: [
            NTLMExample.json(#"{"user": "CONTOSO\\svc-krakend", "password": "{{ env `NTLM_PASSWORD` }}"}"#),
            NTLMExample.json(#"{"user": "", "password": ""}"#),
            NTLMExample.yaml(#"""
                user: CONTOSO\svc-krakend
                password: '{{ env "NTLM_PASSWORD" }}'
                """#),
        ]
    )

    public init() {}

    public func visitNamespace(_ namespace: NamespaceView, in context: LintContext) {
        guard let block = NTLMBlock(namespace), block.view.node.isObject else { return }
        let missing = NTLMBlock.fieldNames.filter { block.view.node.member($0) == nil }
        guard !missing.isEmpty else { return }
        let message = missing.count == 2 ? Message.missingBoth : Message.missing(missing[0])
        context.report(Self.description, message, at: block.view.keySpan, pointer: block.view.pointer, fix: Message.fix(missing))
    }
}
