/// The pre-2.0 namespace names that KrakenD CE still accepts, mapped to their current names.
///
/// KrakenD CE 2.13 declares these 34 pairs and renames between the two spellings when it starts, so
/// both work at runtime, while the v2.13 schema rejects every legacy name. The data must stay identical
/// to `schemas/legacy-namespaces.json`; a test compares them when that file is present.
public enum LegacyNamespaces {
    /// Legacy name → current name. The exact spelling matters: some use `github_com`, others `github.com`.
    public static let table: [String: String] = [
        "github_com/devopsfaith/krakend/transport/http/server/handler": "plugin/http-server",
        "github.com/devopsfaith/krakend/transport/http/client/executor": "plugin/http-client",
        "github.com/devopsfaith/krakend/proxy/plugin": "plugin/req-resp-modifier",
        "github.com/devopsfaith/krakend/proxy": "proxy",
        "github_com/luraproject/lura/router/gin": "router",
        "github.com/devopsfaith/krakend-httpcache": "qos/http-cache",
        "github.com/devopsfaith/krakend-circuitbreaker/gobreaker": "qos/circuit-breaker",
        "github.com/devopsfaith/krakend-oauth2-clientcredentials": "auth/client-credentials",
        "github.com/devopsfaith/krakend-jose/validator": "auth/validator",
        "github.com/devopsfaith/krakend-jose/signer": "auth/signer",
        "github_com/devopsfaith/bloomfilter": "auth/revoker",
        "github_com/devopsfaith/krakend-botdetector": "security/bot-detector",
        "github_com/devopsfaith/krakend-httpsecure": "security/http",
        "github_com/devopsfaith/krakend-cors": "security/cors",
        "github.com/devopsfaith/krakend-cel": "validation/cel",
        "github.com/devopsfaith/krakend-jsonschema": "validation/json-schema",
        "github.com/devopsfaith/krakend-amqp/agent": "async/amqp",
        "github.com/devopsfaith/krakend-amqp/consume": "backend/amqp/consumer",
        "github.com/devopsfaith/krakend-amqp/produce": "backend/amqp/producer",
        "github.com/devopsfaith/krakend-lambda": "backend/lambda",
        "github.com/devopsfaith/krakend-pubsub/publisher": "backend/pubsub/publisher",
        "github.com/devopsfaith/krakend-pubsub/subscriber": "backend/pubsub/subscriber",
        "github.com/devopsfaith/krakend/transport/http/client/graphql": "backend/graphql",
        "github.com/devopsfaith/krakend/http": "backend/http",
        "github_com/devopsfaith/krakend-gelf": "telemetry/gelf",
        "github_com/devopsfaith/krakend-gologging": "telemetry/logging",
        "github_com/devopsfaith/krakend-logstash": "telemetry/logstash",
        "github_com/devopsfaith/krakend-metrics": "telemetry/metrics",
        "github_com/letgoapp/krakend-influx": "telemetry/influx",
        "github_com/devopsfaith/krakend-opencensus": "telemetry/opencensus",
        "github.com/devopsfaith/krakend-lua/router": "modifier/lua-endpoint",
        "github.com/devopsfaith/krakend-lua/proxy": "modifier/lua-proxy",
        "github.com/devopsfaith/krakend-lua/proxy/backend": "modifier/lua-backend",
        "github.com/devopsfaith/krakend-martian": "modifier/martian",
    ]

    /// The current name for a legacy namespace name, or nil when `name` is not a legacy name.
    public static func currentName(for name: String) -> String? {
        table[name]
    }

    /// `name` with a legacy name replaced by its current one; other names unchanged.
    public static func canonical(_ name: String) -> String {
        table[name] ?? name
    }
}
