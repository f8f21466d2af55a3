import ConfigTree

/// `ntlm/deprecated`: once per file that uses NTLM, a reminder that Microsoft is retiring it.
public final class NTLMDeprecatedRule: NTLMBlockRule {
    enum Message {
        static let deprecated = "this configuration uses NTLM, which Microsoft is deprecating; plan a move to Kerberos or OAuth 2.0 and keep NTLM to internal legacy backends"
        static let fix = "Ask the backend's owners for a modern authentication method (OAuth 2.0 client credentials via auth/client-credentials, or Kerberos) and keep NTLM only for internal legacy services."
    }

    public static let description = RuleDescription(
        id: "ntlm/deprecated",
        severity: .info,
        summary: "The configuration uses NTLM, which Microsoft is deprecating",
        explanation: """
            Microsoft has announced the deprecation of NTLM in Windows in favour of Kerberos (Negotiate) and \
            modern token-based authentication, and recommends that administrators audit and restrict NTLM; \
            domains that block it will break every backend that relies on auth/ntlm. KrakenD's own documentation \
            positions NTLM for internal legacy Microsoft backends such as Dynamics. This finding appears once per \
            file, at the first auth/ntlm block, as a planning reminder.
            """,
        fix: Message.fix,
        triggering: [
            NTLMExample.json(#"{"user": "CONTOSO\\svc-krakend", "password": "{{ env `NTLM_PASSWORD` }}"}"#, markKey: true),
            RuleExample(#"""
                {"version": 3, "endpoints": [
                  {"endpoint": "/accounts", "backend": [{"host": ["https://crm.contoso.local"], "url_pattern": "/api/data/v9.2/accounts",
                    "extra_config": {↓"auth/ntlm": {"user": "CONTOSO\\svc-krakend", "password": "{{ env `NTLM_PASSWORD` }}"}}}]},
                  {"endpoint": "/contacts", "backend": [{"host": ["https://crm.contoso.local"], "url_pattern": "/api/data/v9.2/contacts",
                    "extra_config": {"auth/ntlm": {"user": "CONTOSO\\svc-krakend", "password": "{{ env `NTLM_PASSWORD` }}"}}}]}]}
                """#),
            NTLMExample.yaml(#"""
                user: CONTOSO\svc-krakend
                password: '{{ env "NTLM_PASSWORD" }}'
                """#, markKey: true),
        ],
        nonTriggering: [
            RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/status", "backend": [{"host": ["https://status.contoso.local"], "url_pattern": "/"}]}]}"#),
            RuleExample("version: 3\nendpoints: []\n", format: .yaml),
        ]
    )

    private var first: NamespaceView?

    public init() {}

    public func visitNamespace(_ namespace: NamespaceView, in context: LintContext) {
        guard let block = NTLMBlock(namespace) else { return }
        if let first, first.keySpan.start <= block.view.keySpan.start { return }
        first = block.view
    }

    public func finish(in context: LintContext) {
        guard let first else { return }
        context.report(Self.description, Message.deprecated, at: first.keySpan, pointer: first.pointer, fix: Message.fix)
    }
}
