import ConfigTree

/// `ntlm/conflicting-auth`: a backend with `auth/ntlm` and another backend authentication namespace.
public final class NTLMConflictingAuthRule: Rule {
    enum Message {
        static func conflict(_ other: String) -> String {
            "this backend has both auth/ntlm and \(other); both authenticate the same request through the Authorization header, so one overrides or breaks the other"
        }
        static let fix = "Keep the one authentication method the backend expects and remove the other namespace."
    }

    /// Backend namespaces that also authenticate KrakenD to the backend.
    static let otherAuthNamespaces: Set<String> = ["auth/client-credentials", "auth/gcp", "auth/aws-sigv4"]

    public static let description = RuleDescription(
        id: "ntlm/conflicting-auth",
        severity: .warning,
        summary: "A backend has auth/ntlm and another backend authentication method",
        explanation: """
            auth/client-credentials (an OAuth 2.0 bearer token), auth/gcp (a Google ID token) and auth/aws-sigv4 (an \
            AWS signature) each wrap the backend's HTTP client and set the Authorization header, as NTLM does during \
            its handshake. On one backend they compete for the same header: the NTLM handshake fails or the other \
            credential is dropped, depending on the order in which KrakenD chains them, which is not documented. \
            A backend speaks one of these schemes, not two.
            """,
        fix: Message.fix,
        triggering: [
            RuleExample(#"""
                {"version": 3, "endpoints": [{"endpoint": "/accounts", "backend": [{
                  "host": ["https://crm.contoso.local"], "url_pattern": "/api/data/v9.2/accounts",
                  "extra_config": {
                    "auth/ntlm": {"user": "CONTOSO\\svc-krakend", "password": "{{ env `NTLM_PASSWORD` }}"},
                    ↓"auth/client-credentials": {"client_id": "krakend", "client_secret": "{{ env `OAUTH_CLIENT_SECRET` }}", "token_url": "https://login.contoso.local/token"}}}]}]}
                """#),
            RuleExample(#"""
                version: 3
                endpoints:
                  - endpoint: /accounts
                    backend:
                      - host: ["https://crm.contoso.local"]
                        url_pattern: /api/data/v9.2/accounts
                        extra_config:
                          ↓auth/aws-sigv4:
                            region: eu-west-1
                            service: execute-api
                          auth/ntlm:
                            user: CONTOSO\svc-krakend
                            password: '{{ env "NTLM_PASSWORD" }}'

                """#, format: .yaml),
        ],
        nonTriggering: [
            NTLMExample.json(#"{"user": "CONTOSO\\svc-krakend", "password": "{{ env `NTLM_PASSWORD` }}"}"#),
            NTLMExample.yaml(#"""
                user: CONTOSO\svc-krakend
                password: '{{ env "NTLM_PASSWORD" }}'
                "@auth": NTLM only, no other backend authentication
                """#),
            RuleExample(#"""
                {"version": 3, "endpoints": [{"endpoint": "/reports", "backend": [{
                  "host": ["https://reports.example.com"], "url_pattern": "/v1/reports",
                  "extra_config": {"auth/client-credentials": {"client_id": "krakend", "client_secret": "{{ env `OAUTH_CLIENT_SECRET` }}", "token_url": "https://login.example.com/token"}}}]}]}
                """#),
        ]
    )

    public init() {}

    public func visitBackend(_ backend: BackendView, in context: LintContext) {
        guard NTLMBlock(backend: backend) != nil, let extraConfig = backend.extraConfig else { return }
        for namespace in extraConfig.namespaces where Self.otherAuthNamespaces.contains(namespace.name) {
            context.report(Self.description, Message.conflict(namespace.name), at: namespace.keySpan, pointer: namespace.pointer, fix: Message.fix)
        }
    }
}
