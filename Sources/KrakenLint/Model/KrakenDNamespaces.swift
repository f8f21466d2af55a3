/// The `extra_config` namespaces of the KrakenD v3 format: where each one is accepted and whether the
/// schema flags it "Enterprise only" there.
///
/// Transcribed from the namespace × level matrix of `krakend/config-reference.md` (KrakenD schema
/// v2.13). A `true` means the namespace is Enterprise only at that level: KrakenD CE does not implement
/// it and ignores the block without a warning. The flag is per level, because some namespaces are
/// Enterprise only at one level and Community at another (`telemetry/logging`, `plugin/middleware`...).
public enum KrakenDNamespaces {
    /// Namespace → the levels that accept it, each with its Enterprise-only flag.
    public static let table: [String: [NamespaceLevel: Bool]] = [
        "ai/llm": [.backend: false],
        "ai/mcp": [.service: false, .endpoint: true],
        "async/amqp": [.asyncAgent: false],
        "async/kafka": [.asyncAgent: true],
        "auth/api-keys": [.service: true, .endpoint: true],
        "auth/aws-sigv4": [.backend: true],
        "auth/basic": [.service: true, .endpoint: true],
        "auth/client-credentials": [.backend: false],
        "auth/gcp": [.backend: true],
        "auth/ntlm": [.backend: true],
        "auth/revoker": [.service: false],
        "auth/signer": [.endpoint: false],
        "auth/validator": [.service: false, .endpoint: false],
        "backend/amqp/consumer": [.backend: false],
        "backend/amqp/producer": [.backend: false],
        "backend/conditional": [.backend: false],
        "backend/graphql": [.backend: false],
        "backend/grpc": [.backend: true],
        "backend/http": [.backend: false],
        "backend/http/client": [.backend: true],
        "backend/lambda": [.backend: false],
        "backend/pubsub/publisher": [.backend: false],
        "backend/pubsub/publisher/kafka": [.backend: true],
        "backend/pubsub/subscriber": [.backend: false],
        "backend/pubsub/subscriber/kafka": [.backend: true],
        "backend/soap": [.backend: true],
        "backend/static-filesystem": [.backend: true],
        "documentation/openapi": [.service: true, .endpoint: true],
        "documentation/postman": [.service: true, .endpoint: true],
        "governance/processors": [.service: false],
        "governance/quota": [.service: true, .endpoint: true, .backend: true],
        "grpc": [.service: true],
        "modifier/body-generator": [.backend: true],
        "modifier/jmespath": [.endpoint: true, .backend: true, .workflow: true],
        "modifier/lua-backend": [.backend: false],
        "modifier/lua-endpoint": [.service: false, .endpoint: false],
        "modifier/lua-proxy": [.endpoint: false, .workflow: false],
        "modifier/martian": [.backend: false],
        "modifier/request-body-extractor": [.service: true, .endpoint: true],
        "modifier/request-body-extractor/early": [.endpoint: true],
        "modifier/request-body-generator": [.endpoint: true, .backend: true, .workflow: true],
        "modifier/response-body": [.endpoint: true, .backend: true],
        "modifier/response-body-generator": [.endpoint: true, .backend: true, .workflow: true],
        "modifier/response-headers": [.service: true],
        "plugin/http-client": [.backend: false],
        "plugin/http-server": [.service: false],
        "plugin/middleware": [.endpoint: true, .backend: false],
        "plugin/req-resp-modifier": [.endpoint: false, .backend: false, .workflow: false],
        "proxy": [.endpoint: false, .backend: false, .workflow: false],
        "qos/circuit-breaker": [.backend: false],
        "qos/circuit-breaker/http": [.backend: true],
        "qos/http-cache": [.backend: false],
        "qos/ratelimit/proxy": [.backend: false],
        "qos/ratelimit/router": [.endpoint: false],
        "qos/ratelimit/router/redis": [.endpoint: true],
        "qos/ratelimit/service": [.service: true],
        "qos/ratelimit/service/redis": [.service: true],
        "qos/ratelimit/tiered": [.service: true, .endpoint: true],
        "redis": [.service: false],
        "router": [.service: false],
        "security/bot-detector": [.service: false, .endpoint: false],
        "security/cors": [.service: false, .endpoint: false],
        "security/http": [.service: false, .endpoint: false],
        "security/policies": [.endpoint: true, .backend: true, .workflow: true],
        "server/static-filesystem": [.service: true],
        "server/virtualhost": [.service: true],
        "telemetry/gelf": [.service: false],
        "telemetry/influx": [.service: false],
        "telemetry/logging": [.service: false, .backend: true],
        "telemetry/logstash": [.service: false],
        "telemetry/metrics": [.service: false],
        "telemetry/moesif": [.service: false],
        "telemetry/newrelic": [.service: false],
        "telemetry/opencensus": [.service: false],
        "telemetry/opentelemetry": [.service: false, .endpoint: true, .backend: true],
        "telemetry/opentelemetry-security": [.service: false],
        "validation/cel": [.endpoint: false, .backend: false, .workflow: false],
        "validation/json-schema": [.endpoint: false, .workflow: false],
        "validation/response-json-schema": [.endpoint: true, .backend: true],
        "websocket": [.endpoint: true],
        "workflow": [.backend: true],
    ]

    /// The levels at which `namespace` is accepted (empty for an unknown namespace).
    public static func levels(of namespace: String) -> Set<NamespaceLevel> {
        guard let levels = table[namespace] else { return [] }
        return Set(levels.keys)
    }

    /// True when the schema flags `namespace` as Enterprise only at `level`.
    public static func isEnterpriseOnly(_ namespace: String, at level: NamespaceLevel) -> Bool {
        table[namespace]?[level] ?? false
    }
}
