import ConfigTree
@testable import KrakenLint
import XCTest

/// Configurations and the audit rule ids KrakenD's evaluator reports for them, as derived from the facts in
/// `../shared/krakend/audit-rules.md` (conditions, thresholds, legacy spellings, weak and strict values).
final class AuditTableTests: XCTestCase {
    /// A configuration on which no audit rule fires, on one line; each case below changes one thing.
    static let quiet = quietLines.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    static let quietLines = #"""
        {"version": 3, "tls": {"keys": [{"public_key": "c.pem", "private_key": "k.pem"}]},
         "extra_config": {"security/http": {"frame_deny": true}, "security/cors": {"allow_origins": ["https://a"]},
           "security/bot-detector": {"deny": ["x"]}, "router": {"hide_version_header": true},
           "qos/ratelimit/service": {"max_rate": 10}, "telemetry/metrics": {"collection_time": "60s"},
           "telemetry/opentelemetry": {"exporters": {"otlp": [{"name": "o", "host": "c", "disable_metrics": true}]}},
           "telemetry/logging": {"level": "INFO"}},
         "endpoints": [{"endpoint": "/a", "extra_config": {"auth/validator": {"alg": "RS256"}},
           "backend": [{"url_pattern": "/a", "host": ["http://a"], "extra_config": {"qos/circuit-breaker": {"interval": 1}}}, {"url_pattern": "/b", "host": ["http://b"]}]}]}
        """#

    /// What `{"version": 3}` fires, per the facts file: 11 absence rules and 2 vacuous ones.
    static let empty: Set<String> = ["1.2.1", "2.1.2", "2.1.7", "2.2.1", "2.2.2", "3.1.1", "3.1.2", "3.1.3", "4.1.1", "4.2.1", "4.3.1", "5.2.2", "5.2.3"]

    static func quiet(_ replacements: (String, String)...) -> String {
        var text = quiet
        for (old, new) in replacements {
            precondition(text.contains(old), "the quiet configuration has no \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        return text
    }

    static let endpointA = #""endpoint": "/a", "#
    static let backendA = #"{"url_pattern": "/a", "host": ["http://a"], "extra_config": {"qos/circuit-breaker": {"interval": 1}}}"#
    static let serviceCORS = #""security/cors": {"allow_origins": ["https://a"]}, "#

    static let cases: [(name: String, config: String, format: SourceFormat, expected: Set<String>)] = [
        ("the quiet configuration", quiet, .json, []),
        ("an almost empty configuration", #"{"version": 3}"#, .json, empty),
        ("the same in YAML", "version: 3\n", .yaml, empty),
        ("basic-auth server plugin as an array", quiet((serviceCORS, serviceCORS + #""plugin/http-server": {"name": ["basic-auth"]}, "#)), .json, ["1.1.1", "7.1.3"]),
        ("basic-auth server plugin as a string, legacy namespace", quiet((serviceCORS, serviceCORS + #""github_com/devopsfaith/krakend/transport/http/server/handler": {"name": "basic-auth"}, "#)), .json, ["1.1.1", "7.1.3"]),
        ("auth/basic alone never fires 1.1.1", quiet((serviceCORS, serviceCORS + #""auth/basic": {"users": {}}, "#)), .json, []),
        ("service api keys", quiet((serviceCORS, serviceCORS + #""auth/api-keys": null, "#)), .json, ["1.1.2"]),
        ("endpoint api keys do not count", quiet((#""auth/validator": {"alg": "RS256"}"#, #""auth/validator": {"alg": "RS256"}, "auth/api-keys": {}"#)), .json, []),
        ("no JWT validator", quiet((#""auth/validator": {"alg": "RS256"}"#, #""validation/cel": []"#)), .json, ["1.2.1"]),
        ("legacy JWT validator name", quiet((#""auth/validator""#, #""github.com/devopsfaith/krakend-jose/validator""#)), .json, []),
        ("root client_tls insecure", quiet((#"{"version": 3, "#, #"{"version": 3, "client_tls": {"allow_insecure_connections": true}, "#)), .json, ["2.1.1"]),
        ("legacy root insecure flag, weakly true", quiet((#"{"version": 3, "#, #"{"version": 3, "allow_insecure_connections": "1", "#)), .json, ["2.1.1"]),
        ("tls null", quiet((#""tls": {"keys": [{"public_key": "c.pem", "private_key": "k.pem"}]}"#, #""tls": null"#)), .json, ["2.1.2"]),
        ("tls disabled", quiet((#""tls": {"#, #""tls": {"disabled": true, "#)), .json, ["2.1.3"]),
        ("tls disabled as the string true", quiet((#""tls": {"#, #""tls": {"disabled": "true", "#)), .json, ["2.1.3"]),
        ("no security/http", quiet((#""security/http": {"frame_deny": true}, "#, "")), .json, ["2.1.7"]),
        ("legacy security/http name", quiet((#""security/http""#, #""github_com/devopsfaith/krakend-httpsecure""#)), .json, []),
        ("root use_h2c", quiet((#"{"version": 3, "#, #"{"version": 3, "use_h2c": true, "#)), .json, ["2.1.8"]),
        ("router use_h2c as JSON true", quiet((#""hide_version_header": true"#, #""hide_version_header": true, "use_h2c": true"#)), .json, ["2.1.8"]),
        ("router use_h2c as a string does not count", quiet((#""hide_version_header": true"#, #""hide_version_header": true, "use_h2c": "true""#)), .json, []),
        ("backend skips certificate checks", quiet((backendA, #"{"url_pattern": "/a", "host": ["http://a"], "extra_config": {"qos/circuit-breaker": {}, "backend/http/client": {"client_tls": {"allow_insecure_connections": true, "cipher_suites": [49195]}}}}"#)), .json, ["2.1.9"]),
        ("a type error in client_tls hides 2.1.9", quiet((backendA, #"{"url_pattern": "/a", "host": ["http://a"], "extra_config": {"qos/circuit-breaker": {}, "backend/http/client": {"client_tls": {"allow_insecure_connections": true, "min_version": 12}}}}"#)), .json, []),
        ("hide_version_header missing", quiet((#""router": {"hide_version_header": true}"#, #""router": {}"#)), .json, ["2.2.1"]),
        ("router not an object", quiet((#""router": {"hide_version_header": true}"#, #""router": true"#)), .json, ["2.2.1"]),
        ("legacy router name", quiet((#""router": {"#, #""github_com/luraproject/lura/router/gin": {"#)), .json, []),
        ("no service CORS", quiet((serviceCORS, "")), .json, ["2.2.2"]),
        ("endpoint CORS does not count", quiet((serviceCORS, ""), (#""auth/validator": {"alg": "RS256"}"#, #""auth/validator": {"alg": "RS256"}, "security/cors": {}"#)), .json, ["2.2.2"]),
        ("all headers", quiet((endpointA, endpointA + #""input_headers": ["*"], "#)), .json, ["2.2.3"]),
        ("all headers on a backend does not count", quiet((#""host": ["http://b"]"#, #""host": ["http://b"], "input_headers": ["*"]"#)), .json, []),
        ("all query strings as one string", quiet((endpointA, endpointA + #""input_query_strings": "*", "#)), .json, ["2.2.4"]),
        ("empty gRPC server", quiet((serviceCORS, serviceCORS + #""grpc": {"server": {}}, "#)), .json, ["2.2.5"]),
        ("gRPC without server", quiet((serviceCORS, serviceCORS + #""grpc": {"catalog": []}, "#)), .json, []),
        ("shared cache without limits", quiet((#""host": ["http://b"]"#, #""host": ["http://b"], "extra_config": {"qos/http-cache": {"shared": true}}"#)), .json, ["2.3.1"]),
        ("cache with one limit", quiet((#""host": ["http://b"]"#, #""host": ["http://b"], "extra_config": {"qos/http-cache": {"max_items": 10}}"#)), .json, ["2.3.1"]),
        ("bounded cache", quiet((#""host": ["http://b"]"#, #""host": ["http://b"], "extra_config": {"qos/http-cache": {"max_items": 10, "max_size": 1000}}"#)), .json, []),
        ("cache that is not an object", quiet((#""host": ["http://b"]"#, #""host": ["http://b"], "extra_config": {"qos/http-cache": true}"#)), .json, ["2.3.1"]),
        ("no bot detector", quiet((#""security/bot-detector": {"deny": ["x"]}, "#, "")), .json, ["3.1.1"]),
        ("no rate limit", quiet((#""qos/ratelimit/service": {"max_rate": 10}, "#, "")), .json, ["3.1.2"]),
        ("only redis and tiered rate limits", quiet((#""qos/ratelimit/service": {"max_rate": 10}, "#, #""qos/ratelimit/service/redis": {}, "qos/ratelimit/tiered": {}, "governance/quota": {}, "#)), .json, ["3.1.2"]),
        ("endpoint rate limit", quiet((#""qos/ratelimit/service": {"max_rate": 10}, "#, ""), (#""auth/validator": {"alg": "RS256"}"#, #""auth/validator": {"alg": "RS256"}, "qos/ratelimit/router": {}"#)), .json, []),
        ("backend rate limit", quiet((#""qos/ratelimit/service": {"max_rate": 10}, "#, ""), (#""host": ["http://b"]"#, #""host": ["http://b"], "extra_config": {"qos/ratelimit/proxy": {}}"#)), .json, []),
        ("redis-ratelimit plugin", quiet((#""qos/ratelimit/service": {"max_rate": 10}, "#, #""plugin/http-server": {"name": "redis-ratelimit"}, "#)), .json, []),
        ("old juju rate-limit name has no alias", quiet((#""qos/ratelimit/service": {"max_rate": 10}, "#, ""), (#""auth/validator": {"alg": "RS256"}"#, #""auth/validator": {"alg": "RS256"}, "github.com/devopsfaith/krakend-ratelimit/juju/router": {}"#)), .json, ["3.1.2"]),
        ("no circuit breaker", quiet((#", "extra_config": {"qos/circuit-breaker": {"interval": 1}}"#, "")), .json, ["3.1.3"]),
        ("only the http circuit breaker", quiet((#""qos/circuit-breaker": {"interval": 1}"#, #""qos/circuit-breaker/http": {}"#)), .json, ["3.1.3"]),
        ("legacy circuit breaker name", quiet((#""qos/circuit-breaker": {"interval": 1}"#, #""github.com/devopsfaith/krakend-circuitbreaker/gobreaker": {}"#)), .json, []),
        ("timeout of exactly 3 s", quiet((endpointA, endpointA + #""timeout": "3s", "#)), .json, []),
        ("timeout of 3001 ms", quiet((endpointA, endpointA + #""timeout": "3001ms", "#)), .json, ["3.3.1"]),
        ("timeout of 5.5 s", quiet((endpointA, endpointA + #""timeout": "5.5s", "#)), .json, ["3.3.1", "3.3.2"]),
        ("timeout of 45 s", quiet((endpointA, endpointA + #""timeout": "45s", "#)), .json, ["3.3.1", "3.3.2", "3.3.3"]),
        ("timeout of 90 s inherited from the root", quiet((#"{"version": 3, "#, #"{"version": 3, "timeout": "1m30s", "#)), .json, ["3.3.1", "3.3.2", "3.3.3", "3.3.4"]),
        ("a bare number is nanoseconds", quiet((endpointA, endpointA + #""timeout": 5000, "#)), .json, []),
        ("OpenTelemetry only", quiet((#""telemetry/metrics": {"collection_time": "60s"}, "#, "")), .json, ["4.1.1"]),
        ("two metrics pipelines", quiet((#""disable_metrics": true"#, #""disable_metrics": false"#)), .json, ["4.1.3"]),
        ("OTLP and Prometheus", quiet((#""telemetry/metrics": {"collection_time": "60s"}, "#, ""), (#""disable_metrics": true}]"#, #""disable_metrics": "true"}], "prometheus": [{"name": "p"}]"#)), .json, ["4.1.1", "4.1.3"]),
        ("traces disabled", quiet((#""disable_metrics": true"#, #""disable_metrics": true, "disable_traces": true"#)), .json, ["4.2.1"]),
        ("no logging", quiet((#""telemetry/logging""#, #""telemetry/other""#)), .json, ["4.3.1"]),
        ("gelf logging", quiet((#""telemetry/logging""#, #""telemetry/gelf""#)), .json, []),
        ("disable_rest", quiet((#"{"version": 3, "#, #"{"version": 3, "disable_rest": true, "#)), .json, ["5.1.1"]),
        ("debug endpoint as a string", quiet((#"{"version": 3, "#, #"{"version": 3, "debug_endpoint": "true", "#)), .json, ["5.1.2"]),
        ("echo endpoint", quiet((#"{"version": 3, "#, #"{"version": 3, "echo_endpoint": 1, "#)), .json, ["5.1.3"]),
        ("wildcard path", quiet((#""endpoint": "/a""#, #""endpoint": "/a/*""#), (#""url_pattern": "/a""#, #""url_pattern": "/x""#)), .json, ["5.1.4"]),
        ("catch-all path without its slash", quiet((#""endpoint": "/a""#, #""endpoint": "__catchall""#), (#""url_pattern": "/a""#, #""url_pattern": "/x""#)), .json, ["5.1.5"]),
        ("POST endpoint with two backends", quiet((endpointA, endpointA + #""method": "POST", "#)), .json, ["5.1.6"]),
        ("lower-case get counts as unsafe", quiet((#""url_pattern": "/a", "#, #""url_pattern": "/a", "method": "get", "#), (#""url_pattern": "/b", "#, #""url_pattern": "/b", "method": "get", "#)), .json, ["5.1.6"]),
        ("gRPC GET backends are unsafe", quiet((#""host": ["http://b"]"#, #""host": ["http://b"], "extra_config": {"backend/grpc": {}}"#), (#""qos/circuit-breaker": {"interval": 1}"#, #""qos/circuit-breaker": {"interval": 1}, "backend/grpc": {}"#)), .json, ["5.1.6"]),
        ("sequential proxy", quiet((#""auth/validator": {"alg": "RS256"}"#, #""auth/validator": {"alg": "RS256"}, "proxy": {"sequential": true}"#)), .json, ["5.1.7"]),
        ("one backend per endpoint", quiet((#", {"url_pattern": "/b", "host": ["http://b"]}"#, "")), .json, ["5.2.2"]),
        ("no-op everywhere", quiet((#", {"url_pattern": "/b", "host": ["http://b"]}"#, ""), (#"{"version": 3, "#, #"{"version": 3, "output_encoding": "no-op", "#)), .json, ["5.2.2", "5.2.3"]),
        ("ten async agents started in sequence", quiet((#"{"version": 3, "#, #"{"version": 3, "sequential_start": true, "async_agent": [{}, {}, {}, {}, {}, {}, {}, {}, {}, {}], "#)), .json, ["6.1.1"]),
        ("old server plugins", quiet((serviceCORS, serviceCORS + #""plugin/http-server": {"name": ["virtualhost", "static-filesystem", "wildcard", "geoip"]}, "#)), .json, ["7.1.1", "7.1.2", "7.1.4"]),
        ("old client plugin on an endpoint", quiet((#""auth/validator": {"alg": "RS256"}"#, #""auth/validator": {"alg": "RS256"}, "plugin/http-client": {"name": "no-redirect"}"#)), .json, ["7.1.7"]),
        ("old client plugin on a backend is not inspected", quiet((#""host": ["http://b"]"#, #""host": ["http://b"], "extra_config": {"plugin/http-client": {"name": "http-proxy"}}"#)), .json, []),
        ("old modifier plugins as a list", quiet((#""host": ["http://b"]"#, #""host": ["http://b"], "extra_config": {"plugin/req-resp-modifier": {"name": ["content-replacer", "response-schema-validator"]}}"#)), .json, ["7.1.8", "7.1.9"]),
        ("old modifier plugin as a string is ignored", quiet((#""host": ["http://b"]"#, #""host": ["http://b"], "extra_config": {"plugin/req-resp-modifier": {"name": "content-replacer"}}"#)), .json, []),
        ("deprecated telemetry", quiet((serviceCORS, serviceCORS + #""telemetry/ganalytics": {}, "telemetry/instana": {}, "telemetry/influx": {}, "#)), .json, ["4.1.3", "7.2.1", "7.2.2", "7.2.4"]),
        ("OpenCensus", quiet((#""telemetry/metrics""#, #""telemetry/opencensus""#)), .json, ["7.2.3"]),
        ("certificate under tls", quiet((#""tls": {"#, #""tls": {"public_key": "c.pem", "#)), .json, ["7.3.1"]),
        ("YAML integer cache limits", "version: 3\nendpoints:\n  - endpoint: /a\n    backend:\n      - url_pattern: /a\n        host: [http://a]\n        extra_config:\n          qos/http-cache: {max_items: 10, max_size: 1000}\n", .yaml,
         ["1.2.1", "2.1.2", "2.1.7", "2.2.1", "2.2.2", "3.1.1", "3.1.2", "3.1.3", "4.1.1", "4.2.1", "4.3.1", "5.2.2", "2.3.1"]),
    ]

    func testEveryCaseFiresExactlyTheRulesTheFactsPredict() {
        for entry in Self.cases {
            let file = SourceFile(path: "table.\(entry.format.rawValue)", format: entry.format, text: entry.config)
            let report = Linter(options: LintOptions(audit: .only)).lint(file)
            let fired = Set(report.diagnostics.map(\.ruleID).filter { $0.hasPrefix("audit/") }.map { String($0.dropFirst("audit/".count)) })
            XCTAssertEqual(fired, entry.expected, "\(entry.name): fired \(fired.sorted()), expected \(entry.expected.sorted())")
            XCTAssertEqual(report.diagnostics.filter { !$0.ruleID.hasPrefix("audit/") }.map(\.ruleID), [], "\(entry.name): non-audit findings")
        }
    }

    func testAConfigurationKrakenDRefusesGetsTheReasonsInstead() {
        let refused = [
            (#"{"version": 2}"#, "krakend/unsupported-version"),
            (#"{"version": 3, "endpoints": [{"endpoint": "/a", "backend": []}]}"#, "krakend/endpoint-without-backends"),
            (#"{"version": 3, "timeout": "soon"}"#, "schema/pattern"),
            (#"{"version": 3, "endpoints": [{"endpoint": "/a", "timeout": "soon", "backend": [{"url_pattern": "/a", "host": ["http://a"]}]}]}"#, "schema/pattern"),
            (#"{"version": 3, "debug_endpoint": "yes"}"#, "schema/type"),
        ]
        for (text, expected) in refused {
            let report = Linter(options: LintOptions(audit: .only)).lint(SourceFile(path: "a.json", format: .json, text: text))
            XCTAssertTrue(report.diagnostics.contains { $0.ruleID == expected }, "\(text): \(report.diagnostics.map(\.ruleID))")
            XCTAssertFalse(report.diagnostics.contains { $0.ruleID.hasPrefix("audit/") }, text)
            let alongside = Linter(options: LintOptions(audit: .alongside)).lint(SourceFile(path: "a.json", format: .json, text: text))
            XCTAssertFalse(alongside.diagnostics.contains { $0.ruleID.hasPrefix("audit/") }, text)
        }
    }

    func testThereAre52RulesWithKrakenDsSeverityCounts() {
        XCTAssertEqual(AuditRules.all.count, 52)
        let counts = Dictionary(grouping: AuditRules.all, by: \.krakendSeverity).mapValues(\.count)
        XCTAssertEqual(counts, [.critical: 3, .high: 26, .medium: 12, .low: 11])
        XCTAssertEqual(AuditRules.all.map(\.krakendID), AuditRules.all.map(\.krakendID).sorted { $0.compare($1, options: .numeric) == .orderedAscending })
    }

    func testBareAuditIDsAreNormalised() {
        XCTAssertEqual(AuditRules.normalizedID("2.1.7"), "audit/2.1.7")
        XCTAssertEqual(AuditRules.normalizedID("3.3.*"), "audit/3.3.*")
        XCTAssertEqual(AuditRules.normalizedID("audit/2.1.7"), "audit/2.1.7")
        XCTAssertEqual(AuditRules.normalizedID("2.1.7\r"), "2.1.7\r")
        XCTAssertEqual(AuditRules.normalizedID("ntlm/*"), "ntlm/*")
    }
}
