import ConfigTree

/// `secret/plaintext`: a credential field other than the NTLM password is written in clear text.
public final class SecretPlaintextRule: Rule {
    enum Message {
        static func plaintext(_ field: SecretCatalog.Field) -> String {
            "\(field.label) (\(field.namespace) \(field.pathText)) is written in clear text in the file; expected a value rendered from the environment"
        }
        static func notHashed(user: String) -> String {
            "the password of basic-auth user \"\(user)\" is not a bcrypt hash; KrakenD compares passwords with bcrypt hashes, so this is a clear-text password that cannot even log in"
        }
        static let plainAPIKey = "an API key of auth/api-keys is written in clear text (\"hash\" is \"plain\"); expected hashed keys or keys rendered from the environment"
        static func urlPassword(_ url: String) -> String {
            "the URL \"\(url)\" carries a password in clear text; expected credentials rendered from the environment"
        }
        static func basicFix(user: String) -> String {
            "Store a bcrypt hash instead (htpasswd -nbB \(user) <password> prints one), or move the users to the file named by \"htpasswd_path\"."
        }
        static let apiKeyFix = "Store the keys hashed (\"hash\": \"sha256\" with a \"salt\", and the hash of each key in \"key\"), or render them from the environment with flexible configuration (FC_ENABLE=1)."
        static let urlFix = "Render the whole URL from the environment with flexible configuration (FC_ENABLE=1), for example {{ env \"AMQP_URL\" }}."
    }

    static let bcryptPrefixes = ["$2a$", "$2b$", "$2y$", "$2x$"]

    public static let description = RuleDescription(
        id: "secret/plaintext",
        severity: .warning,
        summary: "A credential is written in clear text in the configuration",
        explanation: """
            Client secrets, API keys, license keys, SASL, Redis and InfluxDB passwords, JWK cypher keys and \
            passwords inside URLs written in the configuration end up in Git history, images and logs. KrakenD \
            reads them only from the file, and KRAKEND_* variables override only top-level keys, so the supported \
            way to keep them out is flexible configuration: run KrakenD with FC_ENABLE=1 and render each value with \
            {{ env "NAME" }}. In JSON, "{{ env `NAME` }}" keeps the file valid before rendering. Values that are \
            templates or empty are not reported. auth/basic users must hold bcrypt hashes, and auth/api-keys keys \
            are clear text only with "hash": "plain" (the default). The NTLM password has its own rule, \
            ntlm/plaintext-password. Every value listed here is also masked in krakenlint's output.
            """,
        fix: "Render the value from the environment with flexible configuration (FC_ENABLE=1): \"{{ env `NAME` }}\".",
        triggering: [
            RuleExample(#"""
                {"version": 3, "endpoints": [{"endpoint": "/reports", "backend": [{
                  "host": ["https://reports.example.com"], "url_pattern": "/v1/reports",
                  "extra_config": {"auth/client-credentials": {"client_id": "krakend", "client_secret": ↓"Tr0ub4dor&3-krakenlint-example", "token_url": "https://login.example.com/token"}}}]}]}
                """#),
            RuleExample(#"""
                {"version": 3, "extra_config": {
                  "redis": {"connection_pools": [{"name": "cache", "address": "redis.internal:6379", "password": ↓"Tr0ub4dor&3-krakenlint-example"}]},
                  "auth/basic": {"users": {"ops": "$2y$05$5JpQ6KfQh9bFXmLzWq0cMOvZ6cE0r2mN3dP1aL8uK7sT4yH2gB6iW", "admin": ↓"Tr0ub4dor&3-krakenlint-example"}}}}
                """#),
            RuleExample(#"""
                {"version": 3, "async_agent": [{"name": "orders", "connection": {}, "consumer": {"topic": "orders"},
                  "backend": [{"host": ["https://orders.internal"], "url_pattern": "/orders"}],
                  "extra_config": {"async/amqp": {"name": "orders", "host": ↓"amqp://krakend:Tr0ub4dor&3-krakenlint-example@rabbitmq.internal:5672/", "exchange": "orders"}}}]}
                """#),
            RuleExample(#"""
                version: 3
                extra_config:
                  auth/api-keys:
                    keys:
                      - key: ↓Tr0ub4dor&3-krakenlint-example
                        roles: [admin]
                endpoints:
                  - endpoint: /events
                    backend:
                      - host: ["kafka.internal:9092"]
                        url_pattern: /
                        extra_config:
                          backend/pubsub/subscriber/kafka:
                            reader:
                              topics: [events]
                              cluster:
                                brokers: ["kafka.internal:9092"]
                                sasl:
                                  user: krakend
                                  password: ↓Tr0ub4dor&3-krakenlint-example

                """#, format: .yaml),
        ],
        nonTriggering: [
            RuleExample(#"""
                {"version": 3, "endpoints": [{"endpoint": "/reports", "backend": [{
                  "host": ["https://reports.example.com"], "url_pattern": "/v1/reports",
                  "extra_config": {"auth/client-credentials": {"client_id": "krakend", "client_secret": "{{ env `OAUTH_CLIENT_SECRET` }}", "token_url": "https://login.example.com/token"}}}]}]}
                """#),
            RuleExample(#"""
                {"version": 3, "extra_config": {
                  "auth/api-keys": {"hash": "sha256", "salt": "{{ env `API_KEY_SALT` }}", "keys": [{"key": "9f2c1e0b7d4a", "roles": ["admin"]}]},
                  "auth/basic": {"users": {"ops": "$2y$05$5JpQ6KfQh9bFXmLzWq0cMOvZ6cE0r2mN3dP1aL8uK7sT4yH2gB6iW"}}}}
                """#),
            NTLMExample.json(#"{"user": "CONTOSO\\svc-krakend", "password": "Tr0ub4dor&3-krakenlint-example"}"#),
            RuleExample(#"""
                version: 3
                extra_config:
                  telemetry/influx:
                    address: https://influx.internal:8086
                    ttl: 25s
                    username: krakend
                    password: '{{ env "INFLUX_PASSWORD" }}'

                """#, format: .yaml),
        ]
    )

    /// Only the namespaces the secret catalog has fields for.
    public static let visitedNamespaces = VisitedNamespaces.named(Set(SecretCatalog.fieldsByNamespace.keys))

    public init() {}

    public func visitService(_ service: ServiceView, in context: LintContext) {
        checkHosts(service.hosts, in: context)
    }

    public func visitBackend(_ backend: BackendView, in context: LintContext) {
        checkHosts(backend.hosts, in: context)
    }

    public func visitNamespace(_ namespace: NamespaceView, in context: LintContext) {
        let rule = Self.description
        let format = context.file.format
        for occurrence in SecretCatalog.occurrences(in: namespace) where occurrence.field.ownRule == nil {
            let field = occurrence.field
            let node = occurrence.node
            switch field.kind {
            case .literal:
                guard let text = SecretCatalog.hiddenText(of: node), !NTLMBlock.isBlank(text),
                      !FlexibleConfigTemplate.isVariableReference(NTLMBlock.trimmed(text)) else { continue }
                let key = field.path.last == .eachMember ? occurrence.key : field.lastKey
                context.report(rule, Message.plaintext(field), at: node.span, pointer: occurrence.pointer,
                               fix: FlexibleConfigTemplate.fix(key: key, variable: field.variable, format: format))
            case .bcryptHash:
                guard let text = SecretCatalog.hiddenText(of: node), !NTLMBlock.isBlank(text),
                      !Self.bcryptPrefixes.contains(where: { text.hasPrefix($0) }) else { continue }
                context.report(rule, Message.notHashed(user: occurrence.key), at: node.span, pointer: occurrence.pointer,
                               fix: Message.basicFix(user: occurrence.key))
            case .apiKey:
                let hash = namespace.node["hash"]?.string ?? "plain"
                guard hash == "plain", let text = SecretCatalog.hiddenText(of: node), !NTLMBlock.isBlank(text) else { continue }
                context.report(rule, Message.plainAPIKey, at: node.span, pointer: occurrence.pointer, fix: Message.apiKeyFix)
            case .urlPassword:
                guard let url = node.string, let password = URLCredentials.password(in: url),
                      !FlexibleConfigTemplate.isTemplate(String(password)) else { continue }
                context.report(rule, Message.urlPassword(URLCredentials.withoutUserInfo(url)), at: node.span, pointer: occurrence.pointer, fix: Message.urlFix)
            }
        }
    }

    private func checkHosts(_ hosts: [HostEntry], in context: LintContext) {
        for host in hosts {
            guard let password = URLCredentials.password(in: host.value), !FlexibleConfigTemplate.isTemplate(String(password)) else { continue }
            context.report(Self.description, Message.urlPassword(URLCredentials.withoutUserInfo(host.value)), at: host.span, pointer: host.pointer, fix: Message.urlFix)
        }
    }
}
