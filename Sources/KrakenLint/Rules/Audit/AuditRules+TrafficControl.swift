import ConfigTree

/// Audit section 3: bot detection, rate limits, circuit breakers and timeouts.
extension AuditRules {
    static let trafficControl: [AuditRule] = [
        AuditRule(
            "3.1.1", .low,
            summary: "Bot detection (security/bot-detector) is not set",
            explanation: "Without security/bot-detector at service level, KrakenD lets scrapers and known bad user agents through.",
            fix: "Add security/bot-detector to the root extra_config with the user agents to deny.",
            triggering: [RuleExample(#"↓{"version": 3}"#)],
            nonTriggering: [RuleExample(#"{"version": 3, "extra_config": {"security/bot-detector": {"deny": ["a"]}}}"#)],
            evaluate: { facts in absent(facts, "security/bot-detector", "the service does not detect bots (security/bot-detector)") }
        ),
        AuditRule(
            "3.1.2", .high,
            summary: "No rate limit anywhere",
            explanation: """
                Without a rate limit, one client can use up the gateway and the backends. The audit counts \
                qos/ratelimit/router (service or endpoint), qos/ratelimit/proxy (endpoint or backend), \
                qos/ratelimit/service and the redis-ratelimit server plugin. It does not count the Redis and tiered \
                variants (qos/ratelimit/router/redis, qos/ratelimit/service/redis, qos/ratelimit/tiered) nor \
                governance/quota.
                """,
            fix: "Add a rate limit at service level (qos/ratelimit/service), on endpoints (qos/ratelimit/router) or on backends (qos/ratelimit/proxy).",
            triggering: [
                RuleExample(#"↓{"version": 3}"#),
                RuleExample(#"{"version": 3, ↓"extra_config": {"qos/ratelimit/tiered": {"tier_key": "x"}}}"#),
            ],
            nonTriggering: [
                RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/a", "host": ["http://a"], "extra_config": {"qos/ratelimit/proxy": {"max_rate": 5}}}]}]}"#),
                RuleExample(#"{"version": 3, "extra_config": {"plugin/http-server": {"name": ["redis-ratelimit"]}}}"#),
            ],
            evaluate: { facts in
                if facts.serviceBlock("qos/ratelimit/router") != nil || facts.serviceBlock("qos/ratelimit/service") != nil { return [] }
                if let plugin = facts.serviceBlock("plugin/http-server"),
                   AuditFacts.pluginNames(plugin, allowString: true, allowArray: true).contains(where: { $0.name == "redis-ratelimit" }) { return [] }
                let anyLimit = facts.isUsedByEndpointsOrBackends("qos/ratelimit/router") || facts.isUsedByEndpointsOrBackends("qos/ratelimit/proxy")
                for endpoint in anyLimit ? facts.endpoints : [] {
                    if facts.block("qos/ratelimit/router", in: endpoint.extraConfig) != nil || facts.block("qos/ratelimit/proxy", in: endpoint.extraConfig) != nil { return [] }
                    if endpoint.backends.contains(where: { facts.block("qos/ratelimit/proxy", in: $0.extraConfig) != nil }) { return [] }
                }
                return [AuditCause(pointer: facts.serviceExtraConfigPointer, message: "no rate limit is set at service, endpoint or backend level")]
            }
        ),
        AuditRule(
            "3.1.3", .high,
            summary: "No backend has a circuit breaker",
            explanation: """
                Without qos/circuit-breaker, KrakenD keeps sending requests to a failing backend and makes the \
                failure worse. The audit also accepts the block on an endpoint; qos/circuit-breaker/http does not \
                count.
                """,
            fix: "Add qos/circuit-breaker to the backends' extra_config.",
            triggering: [
                RuleExample(#"↓{"version": 3}"#),
                RuleExample(#"{"version": 3, ↓"endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/a", "host": ["http://a"], "extra_config": {"qos/circuit-breaker/http": {}}}]}]}"#),
            ],
            nonTriggering: [
                RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/a", "host": ["http://a"], "extra_config": {"qos/circuit-breaker": {"interval": 60, "timeout": 10, "max_errors": 1}}}]}]}"#),
            ],
            evaluate: { facts in
                for endpoint in facts.isUsedByEndpointsOrBackends("qos/circuit-breaker") ? facts.endpoints : [] {
                    if facts.block("qos/circuit-breaker", in: endpoint.extraConfig) != nil { return [] }
                    if endpoint.backends.contains(where: { facts.block("qos/circuit-breaker", in: $0.extraConfig) != nil }) { return [] }
                }
                return [AuditCause(pointer: facts.endpointsPointer, message: "no backend has a circuit breaker (qos/circuit-breaker)")]
            }
        ),
        timeoutRule("3.3.1", .low, limit: 3_000, triggering: [
            RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/a", ↓"timeout": "3001ms", "backend": [{"url_pattern": "/a", "host": ["http://a"]}]}]}"#),
            RuleExample(#"{"version": 3, "timeout": "4s", "endpoints": [↓{"endpoint": "/a", "backend": [{"url_pattern": "/a", "host": ["http://a"]}]}]}"#),
        ], nonTriggering: [
            RuleExample(#"{"version": 3, "timeout": "3s", "endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/a", "host": ["http://a"]}]}]}"#),
            RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/a", "timeout": 5000000, "backend": [{"url_pattern": "/a", "host": ["http://a"]}]}]}"#),
        ]),
        timeoutRule("3.3.2", .medium, limit: 5_000, triggering: [
            RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/a", ↓"timeout": "1m", "backend": [{"url_pattern": "/a", "host": ["http://a"]}]}]}"#),
        ], nonTriggering: [
            RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/a", "timeout": "5s", "backend": [{"url_pattern": "/a", "host": ["http://a"]}]}]}"#),
        ]),
        timeoutRule("3.3.3", .high, limit: 30_000, triggering: [
            RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/a", ↓"timeout": "30.001s", "backend": [{"url_pattern": "/a", "host": ["http://a"]}]}]}"#),
        ], nonTriggering: [
            RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/a", "timeout": "30s", "backend": [{"url_pattern": "/a", "host": ["http://a"]}]}]}"#),
        ]),
        timeoutRule("3.3.4", .critical, limit: 60_000, triggering: [
            RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/a", ↓"timeout": "1m30s", "backend": [{"url_pattern": "/a", "host": ["http://a"]}]}]}"#),
            RuleExample("version: 3\ntimeout: 2m\nendpoints:\n  - ↓endpoint: /a\n    backend:\n      - url_pattern: /a\n        host: [http://a]\n", format: .yaml),
        ], nonTriggering: [
            RuleExample(#"{"version": 3, "timeout": "2m", "endpoints": [{"endpoint": "/a", "timeout": "1m", "backend": [{"url_pattern": "/a", "host": ["http://a"]}]}]}"#),
        ]),
    ]

    /// One of the four independent timeout rules: an endpoint whose effective timeout is above `limit` ms.
    static func timeoutRule(_ id: String, _ severity: AuditSeverity, limit: Int64, triggering: [RuleExample], nonTriggering: [RuleExample]) -> AuditRule {
        let seconds = limit / 1_000
        return AuditRule(
            id, severity,
            summary: "An endpoint's timeout is longer than \(seconds) s",
            explanation: """
                Long timeouts keep connections and goroutines busy while a slow backend answers, and let a few slow \
                requests exhaust the gateway. The effective timeout is the endpoint's own, else the root timeout, \
                else 2 s, in whole milliseconds: exactly \(seconds) s does not fire. A bare number is read as \
                nanoseconds, as KrakenD reads it. The four timeout rules (3, 5, 30 and 60 s) are independent, so a \
                90 s timeout fires all four.
                """,
            fix: "Lower the endpoint's timeout (or the root timeout it inherits) to at most \(seconds) s.",
            triggering: triggering, nonTriggering: nonTriggering,
            evaluate: { facts in
                var causes: [AuditCause] = []
                for index in facts.endpoints.indices where facts.timeoutMilliseconds[index] > limit {
                    let endpoint = facts.endpoints[index]
                    let value = facts.timeoutMilliseconds[index]
                    if facts.ownTimeout[index] {
                        let message: AuditMessage = "endpoint \(name: endpoint, facts) has a timeout of \(value) ms, more than \(seconds) s"
                        causes.append(AuditCause(pointer: endpoint.pointer.appending("timeout"), message: message.text,
                                                 span: facts.endpointFields[index].timeout?.keySpan))
                    } else {
                        let message: AuditMessage = "endpoint \(name: endpoint, facts) inherits a timeout of \(value) ms from the root, more than \(seconds) s"
                        causes.append(AuditCause(pointer: endpoint.pointer, message: message.text,
                                                 span: endpoint.node.span))
                    }
                }
                return causes
            }
        )
    }
}
