import ConfigTree

/// `ntlm/insecure-transport`: a backend with `auth/ntlm` is called over plain HTTP.
public final class NTLMInsecureTransportRule: Rule {
    enum Message {
        static func plainHTTP(_ host: String) -> String {
            "NTLM credentials go to \"\(host)\" over plain HTTP; expected an https:// host"
        }
        static func noScheme(_ host: String) -> String {
            "the host \"\(host)\" has no scheme, so KrakenD calls it over plain HTTP with NTLM; expected https://"
        }
        static func rootHosts(_ hosts: [String]) -> String {
            let names = hosts.map { "\"\($0)\"" }.joined(separator: ", ")
            return "this backend has no host of its own and falls back to the root host \(names), called over plain HTTP with NTLM; expected https://"
        }
        static func serviceDiscovery(_ scheme: String) -> String {
            "this backend resolves its host through DNS SRV with sd_scheme \"\(scheme)\", so NTLM runs over plain HTTP; expected \"https\""
        }
        static let unverifiedTLS = "TLS certificate checks are off (allow_insecure_connections), so anyone who can intercept the connection can capture or relay the NTLM exchange; expected verified https"
        static let fix = """
            Call the backend over https://. IIS, Dynamics and SharePoint accept NTLM over TLS; if the server \
            requires Extended Protection (channel binding), allow it for this site, since KrakenD's NTLM client \
            sends no channel binding.
            """
    }

    public static let description = RuleDescription(
        id: "ntlm/insecure-transport",
        severity: .warning,
        summary: "A backend with auth/ntlm is called over plain HTTP",
        explanation: """
            NTLM proves who KrakenD is but protects nothing else: KrakenD's NTLM client negotiates neither signing \
            nor sealing. Over plain HTTP anyone on the network path can record the NTLMv2 exchange and crack the \
            service account's password offline, or relay the handshake to another server that trusts the same \
            account, and can read and alter every request and response. A backend without its own "host" uses the \
            root "host" list, and a host without a scheme is called with http:// (KrakenD adds it). With DNS SRV \
            service discovery the scheme is "sd_scheme", http by default. https with certificate checks turned \
            off (allow_insecure_connections in the root client_tls or in the backend's backend/http/client) is no \
            better: any machine in the middle can present its own certificate.
            """,
        fix: Message.fix,
        triggering: [
            NTLMExample.json(#"{"user": "CONTOSO\\svc-krakend", "password": "{{ env `NTLM_PASSWORD` }}"}"#, host: "http://crm.contoso.local", markHost: true),
            NTLMExample.json(#"{"user": "CONTOSO\\svc-krakend", "password": "{{ env `NTLM_PASSWORD` }}"}"#, host: "crm.contoso.local:8080", markHost: true),
            RuleExample(#"""
                {"version": 3, "host": ["http://sharepoint.contoso.local"],
                 "endpoints": [{"endpoint": "/sites", "backend": [{"url_pattern": "/_api/web/lists",
                   "extra_config": {↓"auth/ntlm": {"user": "CONTOSO\\svc-krakend", "password": "{{ env `NTLM_PASSWORD` }}"}}}]}]}
                """#),
            NTLMExample.yaml(#"""
                user: CONTOSO\svc-krakend
                password: '{{ env "NTLM_PASSWORD" }}'
                """#, host: "http://crm.contoso.local", markHost: true),
            RuleExample(#"""
                {"version": 3, "client_tls": {"allow_insecure_connections": ↓true},
                 "endpoints": [{"endpoint": "/accounts", "backend": [{"host": ["https://crm.contoso.local"], "url_pattern": "/api/data/v9.2/accounts",
                   "extra_config": {"auth/ntlm": {"user": "CONTOSO\\svc-krakend", "password": "{{ env `NTLM_PASSWORD` }}"}}}]}]}
                """#),
            RuleExample(#"""
                version: 3
                endpoints:
                  - endpoint: /accounts
                    backend:
                      - host: ["https://crm.contoso.local"]
                        url_pattern: /api/data/v9.2/accounts
                        extra_config:
                          backend/http/client:
                            client_tls:
                              allow_insecure_connections: ↓true
                          auth/ntlm:
                            user: CONTOSO\svc-krakend
                            password: '{{ env "NTLM_PASSWORD" }}'

                """#, format: .yaml),
        ],
        nonTriggering: [
            NTLMExample.json(#"{"user": "CONTOSO\\svc-krakend", "password": "{{ env `NTLM_PASSWORD` }}"}"#),
            RuleExample(#"""
                {"version": 3, "host": ["https://sharepoint.contoso.local"],
                 "endpoints": [{"endpoint": "/sites", "backend": [{"url_pattern": "/_api/web/lists",
                   "extra_config": {"auth/ntlm": {"user": "CONTOSO\\svc-krakend", "password": "{{ env `NTLM_PASSWORD` }}"}}}]}]}
                """#),
            RuleExample(#"""
                {"version": 3, "endpoints": [{"endpoint": "/public", "backend": [{"host": ["http://status.contoso.local"], "url_pattern": "/"}]}]}
                """#),
            NTLMExample.yaml(#"""
                user: CONTOSO\svc-krakend
                password: '{{ env "NTLM_PASSWORD" }}'
                """#),
        ]
    )

    public init() {}

    public func visitBackend(_ backend: BackendView, in context: LintContext) {
        guard let block = NTLMBlock(backend: backend) else { return }
        if backend.node["sd"]?.string == "dns" {
            let scheme = backend.node["sd_scheme"]?.string ?? "http"
            guard scheme.lowercased() != "https" else { return }
            let span = backend.node.member("sd_scheme")?.value.span ?? block.view.keySpan
            context.report(Self.description, Message.serviceDiscovery(scheme), at: span, pointer: backend.pointer.appending("sd_scheme"), fix: Message.fix)
            return
        }
        if backend.hosts.isEmpty {
            let insecure = context.service.hosts.filter { Self.transport(of: $0.value) != .tls }
            guard !insecure.isEmpty else { return }
            let names = insecure.map { URLCredentials.withoutUserInfo($0.value) }
            context.report(Self.description, Message.rootHosts(names), at: block.view.keySpan, pointer: block.view.pointer, fix: Message.fix)
            return
        }
        for host in backend.hosts {
            let shown = URLCredentials.withoutUserInfo(host.value)
            switch Self.transport(of: host.value) {
            case .tls: continue
            case .plainHTTP: context.report(Self.description, Message.plainHTTP(shown), at: host.span, pointer: host.pointer, fix: Message.fix)
            case .noScheme: context.report(Self.description, Message.noScheme(shown), at: host.span, pointer: host.pointer, fix: Message.fix)
            }
        }
        checkCertificateVerification(of: backend, in: context)
    }

    /// https without certificate checks: the backend's own HTTP client settings win over the root ones.
    private func checkCertificateVerification(of backend: BackendView, in context: LintContext) {
        let hosts = context.effectiveHosts(of: backend)
        guard hosts.contains(where: { $0.value.lowercased().hasPrefix("https://") }) else { return }
        let backendTLS = backend.extraConfig?.namespace("backend/http/client")
            .flatMap { client in client.node["client_tls"].map { ($0, client.pointer.appending("client_tls")) } }
        let rootTLS = context.service.node["client_tls"].map { ($0, JSONPointer.root.appending("client_tls")) }
        guard let (tls, pointer) = backendTLS ?? rootTLS, let flag = tls.member("allow_insecure_connections"),
              flag.value.bool == true else { return }
        context.report(Self.description, Message.unverifiedTLS, at: flag.value.span, pointer: pointer.appending("allow_insecure_connections"),
                       fix: "Remove allow_insecure_connections and trust the backend's certificate authority with ca_certs instead.")
    }

    enum Transport { case tls, plainHTTP, noScheme }

    /// How KrakenD reaches `host`: templates and schemes other than http are not judged (counted as TLS).
    static func transport(of host: String) -> Transport {
        let lower = NTLMBlock.trimmed(host).lowercased()
        if FlexibleConfigTemplate.isTemplate(lower) || lower.isEmpty { return .tls }
        if lower.hasPrefix("http://") { return .plainHTTP }
        if hasSchemeSeparator(lower) { return .tls }
        return .noScheme
    }

    /// Whether `text` holds `://`, by a pass over its bytes (the generic `firstRange(of:)` took about
    /// 18,000 instructions a call).
    private static func hasSchemeSeparator(_ text: String) -> Bool {
        var beforeLast: UInt8 = 0, last: UInt8 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "/"), last == UInt8(ascii: "/"), beforeLast == UInt8(ascii: ":") { return true }
            (beforeLast, last) = (last, byte)
        }
        return false
    }
}
