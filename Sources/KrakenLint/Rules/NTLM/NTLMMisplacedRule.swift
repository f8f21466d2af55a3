import ConfigTree

/// `ntlm/misplaced`: `auth/ntlm` outside a backend's `extra_config`.
public final class NTLMMisplacedRule: NTLMBlockRule {
    enum Message {
        static func misplaced(_ level: NamespaceLevel) -> String {
            "auth/ntlm in the extra_config of \(level.phrase) has no effect; KrakenD reads it only in a backend's extra_config"
        }
        static let fix = "Move the auth/ntlm block into the extra_config of each backend that calls the NTLM-protected service."
    }

    public static let description = RuleDescription(
        id: "ntlm/misplaced",
        severity: .error,
        summary: "auth/ntlm is not in a backend's extra_config",
        explanation: """
            NTLM authenticates KrakenD to a backend, so KrakenD looks for auth/ntlm only in the extra_config of each \
            backend (endpoint backends, workflow backends and async agent backends alike). Placed at the root, in an \
            endpoint, in a workflow's own extra_config or in an async agent, the block is never read: the backends \
            are called without NTLM and answer 401. The schema rejects the namespace at those levels. There is no \
            way to set NTLM once for all backends; repeat the block per backend, ideally from one flexible-config \
            setting.
            """,
        fix: Message.fix,
        triggering: [
            RuleExample(#"""
                {"version": 3,
                 "endpoints": [{"endpoint": "/accounts",
                   "extra_config": {↓"auth/ntlm": {"user": "CONTOSO\\svc-krakend", "password": "{{ env `NTLM_PASSWORD` }}"}},
                   "backend": [{"host": ["https://crm.contoso.local"], "url_pattern": "/api/data/v9.2/accounts"}]}]}
                """#),
            RuleExample(#"""
                {"version": 3,
                 "extra_config": {↓"auth/ntlm": {"user": "CONTOSO\\svc-krakend", "password": "{{ env `NTLM_PASSWORD` }}"}}}
                """#),
            RuleExample(#"""
                version: 3
                endpoints:
                  - endpoint: /accounts
                    extra_config:
                      ↓auth/ntlm:
                        user: CONTOSO\svc-krakend
                        password: '{{ env "NTLM_PASSWORD" }}'
                    backend:
                      - host: ["https://crm.contoso.local"]
                        url_pattern: /api/data/v9.2/accounts

                """#, format: .yaml),
        ],
        nonTriggering: [
            NTLMExample.json(#"{"user": "CONTOSO\\svc-krakend", "password": "{{ env `NTLM_PASSWORD` }}"}"#),
            NTLMExample.yaml(#"""
                user: CONTOSO\svc-krakend
                password: '{{ env "NTLM_PASSWORD" }}'
                """#),
        ]
    )

    public init() {}

    public func visitNamespace(_ namespace: NamespaceView, in context: LintContext) {
        guard let block = NTLMBlock(namespace), block.view.level != .backend else { return }
        context.report(Self.description, Message.misplaced(block.view.level), at: block.view.keySpan, pointer: block.view.pointer, fix: Message.fix)
    }
}
