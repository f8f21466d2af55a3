import ConfigTree

/// Audit section 7: deprecated plugins, telemetry components and TLS settings.
extension AuditRules {
    static let deprecations: [AuditRule] = [
        serverPluginRule("7.1.1", "virtualhost", replacement: "server/virtualhost"),
        serverPluginRule("7.1.2", "static-filesystem", replacement: "server/static-filesystem"),
        serverPluginRule("7.1.3", "basic-auth", replacement: "auth/basic"),
        serverPluginRule("7.1.4", "wildcard", replacement: "the native wildcard endpoints"),
        clientPluginRule("7.1.5", "http-proxy", replacement: "KrakenD's native proxying"),
        clientPluginRule("7.1.6", "static-filesystem", replacement: "backend/static-filesystem"),
        clientPluginRule("7.1.7", "no-redirect", replacement: "backend/http/client with no_redirect"),
        modifierPluginRule("7.1.8", "content-replacer", replacement: "modifier/response-body"),
        modifierPluginRule("7.1.9", "response-schema-validator", replacement: "validation/response-json-schema"),
        telemetryRule("7.2.1", "telemetry/ganalytics", what: "Google Analytics"),
        telemetryRule("7.2.2", "telemetry/instana", what: "Instana"),
        telemetryRule("7.2.3", "telemetry/opencensus", what: "OpenCensus"),
        telemetryRule("7.2.4", "telemetry/influx", what: "InfluxDB"),
        AuditRule(
            "7.3.1", .medium,
            summary: "Certificates are declared directly under tls",
            explanation: """
                public_key and private_key directly under the root tls block are the old way to declare one \
                certificate; the v2.13 schema rejects them there and the keys list supports several certificates.
                """,
            fix: "Move the certificate into the tls.keys list: \"keys\": [{\"public_key\": ..., \"private_key\": ...}].",
            triggering: [
                RuleExample(#"{"version": 3, "tls": {↓"public_key": "cert.pem", ↓"private_key": "key.pem"}}"#),
            ],
            nonTriggering: [
                RuleExample(#"{"version": 3, "tls": {"public_key": "", "keys": [{"public_key": "cert.pem", "private_key": "key.pem"}]}}"#),
            ],
            evaluate: { facts in
                guard let tls = facts.root["tls"], tls.isObject else { return [] }
                return ["public_key", "private_key"].compactMap { key in
                    guard let value = AuditFacts.string(tls[key]), !value.isEmpty else { return nil }
                    return AuditCause(pointer: JSONPointer(tokens: ["tls", key]), message: "tls.\(key) declares a certificate outside the tls.keys list")
                }
            }
        ),
    ]

    static func serverPluginRule(_ id: String, _ plugin: String, replacement: String) -> AuditRule {
        AuditRule(
            id, .high,
            summary: "The service uses the old \(plugin) server plugin",
            explanation: "The \(plugin) server plugin (plugin/http-server) is replaced by \(replacement), which is maintained, configured like the rest of KrakenD and checked by the schema.",
            fix: "Remove \"\(plugin)\" from plugin/http-server and use \(replacement).",
            triggering: [
                RuleExample(#"{"version": 3, "plugin": {"pattern": ".so", "folder": "/p"}, "extra_config": {"plugin/http-server": {"name": ["x", ↓"\#(plugin)"]}}}"#),
            ],
            nonTriggering: [
                RuleExample(#"{"version": 3, "extra_config": {"plugin/http-server": {"name": ["\#(plugin)-v2"]}}}"#),
            ],
            evaluate: { facts in serverPluginCauses(facts, plugin, "the service loads the old \(plugin) server plugin; use \(replacement)") }
        )
    }

    static func clientPluginRule(_ id: String, _ plugin: String, replacement: String) -> AuditRule {
        AuditRule(
            id, .high,
            summary: "An endpoint declares the old \(plugin) client plugin",
            explanation: """
                The \(plugin) client plugin is replaced by \(replacement). KrakenD's audit only looks for \
                plugin/http-client in an endpoint's extra_config with a string name, a placement the schema does \
                not allow; the usual placement on a backend is not inspected.
                """,
            fix: "Remove the plugin/http-client block and use \(replacement).",
            triggering: [
                RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/a", "extra_config": {"plugin/http-client": {↓"name": "\#(plugin)"}}, "backend": [{"url_pattern": "/a", "host": ["http://a"]}]}]}"#),
            ],
            nonTriggering: [
                RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/a", "host": ["http://a"], "extra_config": {"plugin/http-client": {"name": "\#(plugin)"}}}]}]}"#),
            ],
            evaluate: { facts in
                guard facts.isUsedByEndpointsOrBackends("plugin/http-client") else { return [] }
                return facts.endpoints.compactMap { endpoint in
                    guard let block = facts.block("plugin/http-client", in: endpoint.extraConfig),
                          let name = AuditFacts.pluginNames(block, allowString: true, allowArray: false).first, name.name == plugin else { return nil }
                    return AuditCause(pointer: name.pointer, message: "endpoint \(facts.name(of: endpoint)) declares the old \(plugin) client plugin; use \(replacement)")
                }
            }
        )
    }

    static func modifierPluginRule(_ id: String, _ plugin: String, replacement: String) -> AuditRule {
        AuditRule(
            id, .high,
            summary: "The old \(plugin) request/response plugin is used",
            explanation: "The \(plugin) plugin (plugin/req-resp-modifier) is replaced by \(replacement). The audit looks at endpoints and backends, and only at a name given as a list.",
            fix: "Remove \"\(plugin)\" from plugin/req-resp-modifier and use \(replacement).",
            triggering: [
                RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/a", "host": ["http://a"], "extra_config": {"plugin/req-resp-modifier": {"name": [↓"\#(plugin)"]}}}]}]}"#),
            ],
            nonTriggering: [
                RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/a", "host": ["http://a"], "extra_config": {"plugin/req-resp-modifier": {"name": "\#(plugin)"}}}]}]}"#),
            ],
            evaluate: { facts in
                guard facts.isUsedByEndpointsOrBackends("plugin/req-resp-modifier") else { return [] }
                var causes: [AuditCause] = []
                func check(_ extraConfig: ExtraConfigView?, _ place: @autoclosure () -> String) {
                    guard let block = facts.block("plugin/req-resp-modifier", in: extraConfig),
                          let name = AuditFacts.pluginNames(block, allowString: false, allowArray: true).first(where: { $0.name == plugin }) else { return }
                    causes.append(AuditCause(pointer: name.pointer, message: "\(place()) uses the old \(plugin) plugin; use \(replacement)"))
                }
                for endpoint in facts.endpoints {
                    check(endpoint.extraConfig, "endpoint \(facts.name(of: endpoint))")
                    for backend in endpoint.backends { check(backend.extraConfig, "backend \(backend.index) of \(facts.name(of: endpoint))") }
                }
                return causes
            }
        )
    }

    static func telemetryRule(_ id: String, _ namespace: String, what: String) -> AuditRule {
        AuditRule(
            id, .high,
            summary: "The deprecated \(what) telemetry component (\(namespace)) is set",
            explanation: "\(namespace) is deprecated; OpenTelemetry (telemetry/opentelemetry) exports the same data to \(what)-compatible and other backends.",
            fix: "Replace \(namespace) with telemetry/opentelemetry.",
            triggering: [RuleExample(#"{"version": 3, "extra_config": {↓"\#(namespace)": {}}}"#)],
            nonTriggering: [RuleExample(#"{"version": 3, "extra_config": {"telemetry/opentelemetry": {}}}"#)],
            evaluate: { facts in
                guard let block = facts.serviceBlock(namespace) else { return [] }
                return [AuditCause(pointer: block.pointer, message: "the service uses the deprecated \(what) telemetry component (\(namespace)); use OpenTelemetry")]
            }
        )
    }
}
