import ConfigTree

/// Audit section 2: transport security, headers and caching.
extension AuditRules {
    static let security: [AuditRule] = [
        AuditRule(
            "2.1.1", .high,
            summary: "TLS certificate verification is off for backend calls",
            explanation: """
                With allow_insecure_connections KrakenD accepts any certificate from the backends, so anyone on the \
                path can impersonate them. The audit reads the root client_tls block and the legacy root field \
                allow_insecure_connections (which the schema rejects); both are decoded weakly, so "true" counts.
                """,
            fix: "Remove allow_insecure_connections and trust the backends' CA with client_tls.ca_certs instead.",
            triggering: [
                RuleExample(#"{"version": 3, "client_tls": {↓"allow_insecure_connections": true}}"#),
                RuleExample(#"{"version": 3, ↓"allow_insecure_connections": "true"}"#),
            ],
            nonTriggering: [
                RuleExample(#"{"version": 3, "client_tls": {"allow_insecure_connections": false, "ca_certs": ["ca.pem"]}}"#),
            ],
            evaluate: { facts in
                var causes: [AuditCause] = []
                if WeakTyping.isTrue(facts.root["allow_insecure_connections"]) {
                    causes.append(AuditCause(pointer: JSONPointer(tokens: ["allow_insecure_connections"]), message: "allow_insecure_connections turns off certificate verification for every backend call"))
                }
                if let tls = facts.root["client_tls"], WeakTyping.isTrue(tls["allow_insecure_connections"]) {
                    causes.append(AuditCause(pointer: JSONPointer(tokens: ["client_tls", "allow_insecure_connections"]), message: "client_tls.allow_insecure_connections turns off certificate verification for every backend call"))
                }
                return causes
            }
        ),
        AuditRule(
            "2.1.2", .high,
            summary: "KrakenD serves plain HTTP (no tls block)",
            explanation: """
                Without a root "tls" block KrakenD listens in clear text. That is fine only when a load balancer or \
                a service mesh in front of it terminates TLS; the audit cannot know, so it reports it. A null tls \
                counts as absent.
                """,
            fix: "Add a root tls block with the certificates, or terminate TLS in front of KrakenD and ignore this rule for that deployment.",
            triggering: [
                RuleExample(#"↓{"version": 3}"#),
                RuleExample(#"{"version": 3, ↓"tls": null}"#),
            ],
            nonTriggering: [
                RuleExample(#"{"version": 3, "tls": {"keys": [{"public_key": "cert.pem", "private_key": "key.pem"}]}}"#),
            ],
            evaluate: { facts in
                guard let tls = facts.root["tls"] else { return [AuditCause(pointer: .root, message: "there is no tls block, so KrakenD serves plain HTTP")] }
                guard tls.isNull else { return [] }
                return [AuditCause(pointer: JSONPointer(tokens: ["tls"]), message: "tls is null, so KrakenD serves plain HTTP")]
            }
        ),
        AuditRule(
            "2.1.3", .critical,
            summary: "The tls block is there but disabled",
            explanation: """
                A tls block with "disabled": true makes KrakenD serve plain HTTP while the file suggests TLS, which \
                misleads whoever reads it. The flag is decoded weakly, so "true" and 1 count.
                """,
            fix: "Remove the disabled flag, or the whole tls block when TLS is terminated elsewhere.",
            triggering: [
                RuleExample(#"{"version": 3, "tls": {↓"disabled": true, "keys": [{"public_key": "c.pem", "private_key": "k.pem"}]}}"#),
            ],
            nonTriggering: [
                RuleExample(#"{"version": 3, "tls": {"disabled": false}}"#),
            ],
            evaluate: { facts in
                guard let tls = facts.root["tls"], tls.isObject, WeakTyping.isTrue(tls["disabled"]) else { return [] }
                return [AuditCause(pointer: JSONPointer(tokens: ["tls", "disabled"]), message: "the tls block is disabled, so KrakenD serves plain HTTP")]
            }
        ),
        AuditRule(
            "2.1.7", .high,
            summary: "The HTTP security headers component (security/http) is not set",
            explanation: """
                security/http adds headers such as Strict-Transport-Security, X-Frame-Options and \
                X-Content-Type-Options, and can restrict allowed hosts. Without it, responses carry none of them.
                """,
            fix: "Add security/http to the root extra_config, with at least sts_seconds, frame_deny and content_type_nosniff.",
            triggering: [
                RuleExample(#"↓{"version": 3}"#),
                RuleExample(#"{"version": 3, ↓"extra_config": {"security/cors": {"allow_origins": ["https://a"]}}}"#),
            ],
            nonTriggering: [
                RuleExample(#"{"version": 3, "extra_config": {"security/http": {"frame_deny": true}}}"#),
                RuleExample(#"{"version": 3, "extra_config": {"github_com/devopsfaith/krakend-httpsecure": {"frame_deny": true}}}"#),
            ],
            evaluate: { facts in absent(facts, "security/http", "the service does not set the HTTP security headers component (security/http)") }
        ),
        AuditRule(
            "2.1.8", .high,
            summary: "HTTP/2 without TLS (h2c) is turned on",
            explanation: """
                use_h2c accepts HTTP/2 in clear text, which is only safe inside a network you fully trust. The root \
                field is decoded weakly; the legacy placement inside the service's router block counts only as JSON \
                true.
                """,
            fix: "Turn use_h2c off unless the traffic is protected some other way (a mesh with mTLS, a private network).",
            triggering: [
                RuleExample(#"{"version": 3, ↓"use_h2c": true}"#),
                RuleExample(#"{"version": 3, "extra_config": {"router": {↓"use_h2c": true}}}"#),
            ],
            nonTriggering: [
                RuleExample(#"{"version": 3, "use_h2c": false, "extra_config": {"router": {"use_h2c": "true"}}}"#),
            ],
            evaluate: { facts in
                var causes: [AuditCause] = []
                if WeakTyping.isTrue(facts.root["use_h2c"]) {
                    causes.append(AuditCause(pointer: JSONPointer(tokens: ["use_h2c"]), message: "use_h2c accepts HTTP/2 in clear text"))
                }
                if let router = facts.serviceBlock("router"), AuditFacts.isJSONTrue(router.node["use_h2c"]) {
                    causes.append(AuditCause(pointer: router.pointer.appending("use_h2c"), message: "router.use_h2c accepts HTTP/2 in clear text"))
                }
                return causes
            }
        ),
        AuditRule(
            "2.1.9", .low,
            summary: "A backend skips TLS certificate verification",
            explanation: """
                A backend whose backend/http/client sets client_tls.allow_insecure_connections accepts any \
                certificate, so internal traffic can be intercepted. KrakenD decodes this client_tls strictly: a \
                value of the wrong type anywhere in it (a string "true", a number where text belongs) makes the \
                audit skip the rule for that backend.
                """,
            fix: "Keep certificate verification on for internal backends too; add their CA with client_tls.ca_certs.",
            triggering: [
                RuleExample(#"""
                    {"version": 3, "endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/a", "host": ["https://a"],
                      "extra_config": {"backend/http/client": {"client_tls": {↓"allow_insecure_connections": true}}}}]}]}
                    """#),
            ],
            nonTriggering: [
                RuleExample(#"""
                    {"version": 3, "endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/a", "host": ["https://a"],
                      "extra_config": {"backend/http/client": {"client_tls": {"allow_insecure_connections": true, "ca_certs": "ca.pem"}}}}]}]}
                    """#),
                RuleExample(#"""
                    {"version": 3, "endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/a", "host": ["https://a"],
                      "extra_config": {"backend/http/client": {"client_tls": {"allow_insecure_connections": "true"}}}}]}]}
                    """#),
            ],
            evaluate: { facts in
                guard facts.isUsedByEndpointsOrBackends("backend/http/client") else { return [] }
                var causes: [AuditCause] = []
                for endpoint in facts.endpoints {
                    for backend in endpoint.backends {
                        guard let block = facts.block("backend/http/client", in: backend.extraConfig),
                              let tls = block.node["client_tls"], let key = StrictClientTLS.insecureKey(tls) else { continue }
                        causes.append(AuditCause(pointer: block.pointer.appending("client_tls").appending(key),
                                                 message: "backend \(backend.index) of \(facts.name(of: endpoint)) accepts any TLS certificate (client_tls.allow_insecure_connections)"))
                    }
                }
                return causes
            }
        ),
        AuditRule(
            "2.2.1", .medium,
            summary: "Responses reveal the KrakenD version",
            explanation: """
                Unless router.hide_version_header is true, every response carries an X-KrakenD-Version header that \
                tells attackers which version to look up vulnerabilities for. Only JSON true hides it.
                """,
            fix: "Set hide_version_header to true in the service's router block.",
            triggering: [
                RuleExample(#"↓{"version": 3}"#),
                RuleExample(#"{"version": 3, "extra_config": {"router": {↓"hide_version_header": "true"}}}"#),
                RuleExample(#"{"version": 3, "extra_config": {↓"router": {"return_error_msg": true}}}"#),
            ],
            nonTriggering: [
                RuleExample(#"{"version": 3, "extra_config": {"router": {"hide_version_header": true}}}"#),
            ],
            evaluate: { facts in
                guard let router = facts.serviceBlock("router") else {
                    return absent(facts, "router", "no router block sets hide_version_header, so responses reveal the KrakenD version")
                }
                if AuditFacts.isJSONTrue(router.node["hide_version_header"]) { return [] }
                let pointer = router.node.isObject && router.node["hide_version_header"] != nil ? router.pointer.appending("hide_version_header") : router.pointer
                return [AuditCause(pointer: pointer, message: "router.hide_version_header is not true, so responses reveal the KrakenD version")]
            }
        ),
        AuditRule(
            "2.2.2", .high,
            summary: "CORS is not configured at service level",
            explanation: """
                Without a service-level security/cors block, browsers get no CORS policy from KrakenD. CORS set on \
                single endpoints does not count for the audit.
                """,
            fix: "Add security/cors to the root extra_config with the origins, methods and headers you allow.",
            triggering: [
                RuleExample(#"↓{"version": 3}"#),
            ],
            nonTriggering: [
                RuleExample(#"{"version": 3, "extra_config": {"security/cors": {"allow_origins": ["https://app"]}}}"#),
                RuleExample(#"{"version": 3, "extra_config": {"github_com/devopsfaith/krakend-cors": {"allow_origins": ["https://app"]}}}"#),
            ],
            evaluate: { facts in absent(facts, "security/cors", "the service sets no CORS policy (security/cors)") }
        ),
        AuditRule(
            "2.2.3", .high,
            summary: "An endpoint forwards every client header",
            explanation: """
                input_headers ["*"] passes every header the client sends to the backends, including ones that \
                backends trust (X-Forwarded-For, internal identity headers). Only the endpoint's own list counts; \
                a single string "*" is read as a one-element list.
                """,
            fix: "List the headers the backends need in input_headers instead of \"*\".",
            triggering: [
                RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/a", "input_headers": ["Authorization", ↓"*"], "backend": [{"url_pattern": "/a", "host": ["http://a"]}]}]}"#),
            ],
            nonTriggering: [
                RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/a", "input_headers": ["Authorization"], "backend": [{"url_pattern": "/a", "host": ["http://a"], "input_headers": ["*"]}]}]}"#),
            ],
            evaluate: { facts in wildcardItems(facts, key: "input_headers", list: \.inputHeaders, what: "every client header") }
        ),
        AuditRule(
            "2.2.4", .high,
            summary: "An endpoint forwards every query string parameter",
            explanation: """
                input_query_strings ["*"] passes every parameter the client sends to the backends, which widens \
                what an attacker can reach in them.
                """,
            fix: "List the parameters the backends need in input_query_strings instead of \"*\".",
            triggering: [
                RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/a", "input_query_strings": [↓"*"], "backend": [{"url_pattern": "/a", "host": ["http://a"]}]}]}"#),
                RuleExample("version: 3\nendpoints:\n  - endpoint: /a\n    ↓input_query_strings: \"*\"\n    backend:\n      - url_pattern: /a\n        host: [http://a]\n", format: .yaml),
            ],
            nonTriggering: [
                RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/a", "input_query_strings": ["page", "*x"], "backend": [{"url_pattern": "/a", "host": ["http://a"]}]}]}"#),
            ],
            evaluate: { facts in wildcardItems(facts, key: "input_query_strings", list: \.inputQueryStrings, what: "every query string parameter") }
        ),
        AuditRule(
            "2.2.5", .low,
            summary: "The gRPC server block declares no services",
            explanation: """
                A service-level grpc block with a server object but no services (missing, not a list, or empty) \
                starts nothing useful. A grpc block without a server key is not reported.
                """,
            fix: "Declare the services under grpc.server.services, or remove the server block.",
            triggering: [
                RuleExample(#"{"version": 3, "extra_config": {"grpc": {"catalog": ["a.pb"], ↓"server": {"services": []}}}}"#),
            ],
            nonTriggering: [
                RuleExample(#"{"version": 3, "extra_config": {"grpc": {"catalog": ["a.pb"]}}}"#),
                RuleExample(#"{"version": 3, "extra_config": {"grpc": {"server": {"services": [{"name": "a.B"}]}}}}"#),
            ],
            evaluate: { facts in
                guard let grpc = facts.serviceBlock("grpc"), let server = grpc.node["server"], server.isObject,
                      (server["services"]?.elements ?? []).isEmpty else { return [] }
                return [AuditCause(pointer: grpc.pointer.appending("server"), message: "grpc.server declares no services")]
            }
        ),
        AuditRule(
            "2.3.1", .medium,
            summary: "A backend cache has no size or item limit",
            explanation: """
                qos/http-cache without both max_items and max_size above zero can grow until KrakenD runs out of \
                memory. KrakenD reads both limits as floating-point numbers only: in YAML an integer such as 1000 \
                does not count (write 1000.0), while JSON numbers always do. A qos/http-cache value that is not an \
                object makes KrakenD's audit crash; krakenlint reports this rule on it instead.
                """,
            fix: "Set both max_items and max_size (above zero) in qos/http-cache.",
            triggering: [
                RuleExample(#"""
                    {"version": 3, "endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/a", "host": ["http://a"],
                      "extra_config": {↓"qos/http-cache": {"shared": true}}}]}]}
                    """#),
                RuleExample("version: 3\nendpoints:\n  - endpoint: /a\n    backend:\n      - url_pattern: /a\n        host: [http://a]\n        extra_config:\n          ↓qos/http-cache:\n            max_items: 1000\n            max_size: 1048576\n", format: .yaml),
            ],
            nonTriggering: [
                RuleExample(#"""
                    {"version": 3, "endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/a", "host": ["http://a"],
                      "extra_config": {"qos/http-cache": {"max_items": 1000, "max_size": 1048576}}}]}]}
                    """#),
                RuleExample("version: 3\nendpoints:\n  - endpoint: /a\n    backend:\n      - url_pattern: /a\n        host: [http://a]\n        extra_config:\n          qos/http-cache:\n            max_items: 1000.0\n            max_size: 1048576.0\n", format: .yaml),
            ],
            evaluate: { facts in
                var causes: [AuditCause] = []
                for (endpoint, backend, cache) in facts.httpCaches {
                    var message: AuditMessage
                    if !cache.node.isObject {
                        message = "qos/http-cache of backend \(backend.index) of \(name: endpoint, facts) is not an object (KrakenD's own audit crashes on it), so it sets no limits"
                    } else if facts.isPositiveFloat(cache.node["max_items"]) && facts.isPositiveFloat(cache.node["max_size"]) {
                        continue
                    } else {
                        message = "the cache of backend \(backend.index) of \(name: endpoint, facts) is unbounded: it needs both max_items and max_size above zero"
                        if facts.format == .yaml { message.append(" (as floating-point numbers in YAML, e.g. 1000.0)") }
                    }
                    causes.append(AuditCause(pointer: cache.pointer, message: message.text, span: cache.keySpan))
                }
                return causes
            }
        ),
    ]

    /// A finding on the service's `extra_config` (or the root) when the service-level namespace is absent.
    static func absent(_ facts: AuditFacts, _ namespace: String, _ message: String) -> [AuditCause] {
        facts.serviceBlock(namespace) == nil ? [AuditCause(pointer: facts.serviceExtraConfigPointer, message: message)] : []
    }

    /// The first `"*"` item of each endpoint's `key` list (which `list` reads from the endpoint's fields).
    static func wildcardItems(_ facts: AuditFacts, key: String, list field: (EndpointFields) -> Node?, what: String) -> [AuditCause] {
        var causes: [AuditCause] = []
        for endpointIndex in facts.endpoints.indices {
            // A single string is a one-item list to KrakenD's decoder; only the item that fires gets a pointer.
            guard let list = field(facts.endpointFields[endpointIndex]) else { continue }
            let endpoint = facts.endpoints[endpointIndex]
            let pointer: JSONPointer
            if let text = list.string {
                guard text == "*" else { continue }
                pointer = endpoint.pointer.appending(key)
            } else if let index = list.elements?.firstIndex(where: { $0.string == "*" }) {
                pointer = endpoint.pointer.appending(key).appending(index)
            } else {
                continue
            }
            causes.append(AuditCause(pointer: pointer, message: "endpoint \(facts.name(of: endpoint)) forwards \(what) (\(key) \"*\")"))
        }
        return causes
    }
}

/// How KrakenD's audit decodes a backend's `client_tls`: strictly (no weak typing) into lura's client-TLS
/// settings. A type error anywhere in the object means the audit does not see the flag.
enum StrictClientTLS {
    private enum Kind { case bool, string, strings, numbers, certificates }

    private static let fields: [String: Kind] = [
        "allow_insecure_connections": .bool, "disable_system_ca_pool": .bool, "ca_certs": .strings,
        "min_version": .string, "max_version": .string, "curve_preferences": .numbers, "cipher_suites": .numbers,
        "client_certs": .certificates,
    ]

    /// The key of `allow_insecure_connections` when the object decodes and the flag is true, else nil.
    static func insecureKey(_ node: Node) -> String? {
        guard let members = node.members else { return nil }
        var insecureKey: String?
        for (field, kind) in fields {
            // mapstructure prefers the exact key and falls back to a case-insensitive match.
            guard let member = members.last(where: { $0.key == field }) ?? members.last(where: { $0.key.lowercased() == field }) else { continue }
            guard decodes(member.value, as: kind) else { return nil }
            if field == "allow_insecure_connections", member.value.bool == true { insecureKey = member.key }
        }
        return insecureKey
    }

    private static func decodes(_ node: Node, as kind: Kind) -> Bool {
        if node.isNull { return true }
        switch kind {
        case .bool: return node.bool != nil
        case .string: return node.string != nil
        case .strings: return node.elements?.allSatisfy { $0.string != nil || $0.isNull } ?? false
        case .numbers: return node.elements?.allSatisfy { ($0.number.map { $0.doubleValue >= 0 } ?? false) || $0.isNull } ?? false
        case .certificates:
            return node.elements?.allSatisfy { item in
                if item.isNull { return true }
                guard let members = item.members else { return false }
                return members.allSatisfy { member in
                    let key = member.key.lowercased()
                    guard key == "certificate" || key == "private_key" else { return true }
                    return member.value.string != nil || member.value.isNull
                }
            } ?? false
        }
    }
}
