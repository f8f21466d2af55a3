import ConfigTree

/// `ntlm/enterprise-only`: `auth/ntlm` in a configuration linted for the Community Edition.
public final class NTLMEnterpriseOnlyRule: NTLMBlockRule {
    enum Message {
        static let enterpriseOnly = "auth/ntlm is an Enterprise Edition feature; KrakenD Community Edition ignores it without a warning and calls the backend without NTLM"
        static let fix = "Run this configuration on KrakenD Enterprise, or remove auth/ntlm and authenticate to the backend another way."
    }

    public static let description = RuleDescription(
        id: "ntlm/enterprise-only",
        severity: .warning,
        summary: "auth/ntlm is used with the Community Edition, which ignores it",
        explanation: """
            Only KrakenD Enterprise has NTLM code. The Community Edition shares the schema, so krakend check \
            accepts the block, but at runtime CE ignores the namespace without an error or a log line and calls \
            the backend unauthenticated, which answers 401. This rule runs only when linting with --edition ce.
            """,
        fix: Message.fix,
        triggering: [
            NTLMExample.json(#"{"user": "CONTOSO\\svc-krakend", "password": "{{ env `NTLM_PASSWORD` }}"}"#, markKey: true, edition: .ce),
            NTLMExample.yaml(#"""
                user: CONTOSO\svc-krakend
                password: '{{ env "NTLM_PASSWORD" }}'
                """#, markKey: true, edition: .ce),
        ],
        nonTriggering: [
            NTLMExample.json(#"{"user": "CONTOSO\\svc-krakend", "password": "{{ env `NTLM_PASSWORD` }}"}"#, edition: .ee),
            NTLMExample.json(#"{"user": "CONTOSO\\svc-krakend", "password": "{{ env `NTLM_PASSWORD` }}"}"#),
            NTLMExample.yaml(#"""
                user: CONTOSO\svc-krakend
                password: '{{ env "NTLM_PASSWORD" }}'
                """#, edition: .ee),
        ]
    )

    public init() {}

    public func visitNamespace(_ namespace: NamespaceView, in context: LintContext) {
        guard context.options.edition == .ce, let block = NTLMBlock(namespace) else { return }
        context.report(Self.description, Message.enterpriseOnly, at: block.view.keySpan, pointer: block.view.pointer, fix: Message.fix)
    }
}
