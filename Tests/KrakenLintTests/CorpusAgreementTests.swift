import ConfigTree
import Foundation
import JSONSchema
@testable import KrakenLint
import TestPeers
import XCTest

/// The bundled schema against KrakenD's own verdicts: every file of `../shared/corpus/configs` is judged
/// twice, by `krakenlint lint` and by the bundled schema alone on our engine, and compared with
/// `../shared/corpus/upstream-verdicts.tsv`, the comparison `scripts/corpus-agreement.py` makes with
/// Python's jsonschema.
final class CorpusAgreementTests: XCTestCase {
    /// Files on which we knowingly disagree with upstream, with the reason. Mirrors the table in
    /// docs/schema-differences.md; keep both in step.
    static let documentedDifferences: [String: String] = [:]

    func testLintVerdictsAgreeWithUpstreamExceptDocumentedDifferences() throws {
        try compareCorpus(title: "krakenlint lint (schema, legacy renaming, rules)", verdict: Self.lintVerdict(of:))
    }

    func testBundledSchemaAloneAgreesWithUpstreamExceptDocumentedDifferences() throws {
        try compareCorpus(title: "bundled schema alone, our engine", verdict: Self.schemaVerdict(of:))
    }

    /// Judges every corpus file with `verdict`, prints the agreement table and fails on any undocumented disagreement.
    func compareCorpus(title: String, verdict: (URL) throws -> Verdict, file: StaticString = #filePath, line: UInt = #line) throws {
        let shared = try Self.sharedDirectory()
        let configs = shared.appendingPathComponent("corpus/configs")
        let verdicts = try Self.upstreamVerdicts(shared.appendingPathComponent("corpus/upstream-verdicts.tsv"))
        let names = try FileManager.default.contentsOfDirectory(atPath: configs.path).sorted()
        XCTAssertFalse(names.isEmpty, "no corpus files in \(configs.path)")

        var rows: [(file: String, upstream: String, ours: String, result: String)] = []
        var undocumented: [String] = []
        for name in names {
            let ours = try verdict(configs.appendingPathComponent(name))
            let agrees: Bool
            let upstreamText: String
            if let upstream = verdicts[name] {
                upstreamText = upstream.verdict == "invalid" ? "invalid at \(upstream.firstErrorPath)" : upstream.verdict
                switch upstream.verdict {
                case "valid": agrees = ours.kind == .valid
                case "parse-error": agrees = ours.kind == .parseError
                default: agrees = ours.kind != .parseError && ours.pointers.contains { Self.isSameOrAncestor($0, of: upstream.firstErrorPath) }
                }
            } else {
                upstreamText = "no verdict"
                agrees = false
            }
            let result = agrees ? "agree" : (Self.documentedDifferences[name] != nil ? "documented" : "DISAGREE")
            if result == "DISAGREE" { undocumented.append(name) }
            rows.append((name, upstreamText, ours.summary, result))
        }

        let width = rows.map(\.file.count).max() ?? 0
        var table = "corpus agreement: \(title)\n"
        for row in rows {
            table += row.file.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + row.result + "  upstream: " + row.upstream + "; ours: " + row.ours + "\n"
        }
        let agreed = rows.filter { $0.result == "agree" }.count
        table += "\(rows.count) files: \(agreed) agree, \(rows.count - agreed - undocumented.count) documented differences, \(undocumented.count) undocumented disagreements\n"
        print(table)
        XCTAssertEqual(undocumented, [], "undocumented disagreements with upstream; fix the schema or document them in docs/schema-differences.md and documentedDifferences", file: file, line: line)
    }

    /// Verdict examples stated in ../shared/krakend/*.md, the same list scripts/corpus-agreement.py checks:
    /// (where the value goes, the value as JSON, valid?, source). `where` is "level:key"; see `configText`.
    static let referenceExamples: [(where: String, value: String, valid: Bool, source: String)] = [
        ("backend:auth/ntlm", ##"{"user": "svc", "password": "p"}"##, true, "auth-ntlm.md 1"),
        ("backend:auth/ntlm", ##"{"user": "", "password": ""}"##, true, "auth-ntlm.md 1"),
        ("backend:auth/ntlm", ##"{"user": "DOMAIN\\svc", "password": "p"}"##, true, "auth-ntlm.md 1"),
        ("backend:auth/ntlm", ##"{"user": "svc", "password": "p", "@comment": "x"}"##, true, "auth-ntlm.md 1"),
        ("backend:auth/ntlm", ##"{"user": "svc"}"##, false, "auth-ntlm.md 1"),
        ("backend:auth/ntlm", ##"{"user": "svc", "password": "p", "domain": "D"}"##, false, "auth-ntlm.md 1"),
        ("backend:auth/ntlm", ##"{"user": 1, "password": "p"}"##, false, "auth-ntlm.md 1"),
        ("backend:auth/ntlm", ##"null"##, false, "auth-ntlm.md 1"),
        ("backend:auth/ntlm", ##""x""##, false, "auth-ntlm.md 1"),
        ("backend:auth/ntlm", ##"[]"##, false, "auth-ntlm.md 1"),
        ("endpoint:auth/ntlm", ##"{"user": "svc", "password": "p"}"##, false, "auth-ntlm.md 1"),
        ("service:auth/ntlm", ##"{"user": "svc", "password": "p"}"##, false, "auth-ntlm.md 1"),
        ("workflow-backend:auth/ntlm", ##"{"user": "svc", "password": "p"}"##, true, "auth-ntlm.md 1"),
        ("async-backend:auth/ntlm", ##"{"user": "svc", "password": "p"}"##, true, "auth-ntlm.md 1"),
        ("root:version", ##"3.0"##, true, "config-reference.md (a)"),
        ("root:version", ##""3""##, false, "config-reference.md (a)"),
        ("root:version", ##"2"##, false, "config-reference.md (a)"),
        ("root:port", ##""8080""##, false, "config-reference.md (a)"),
        ("root:port", ##"8080.0"##, true, "config-reference.md 0.5"),
        ("root:port", ##"65536"##, false, "config-reference.md (a)"),
        ("root:host", ##""http://a""##, false, "config-reference.md (a)"),
        ("root:host", ##"[""]"##, true, "config-reference.md (a)"),
        ("root:tls", ##"null"##, true, "config-reference.md (a)"),
        ("root:tls", ##"{}"##, false, "config-reference.md (a)"),
        ("root:tls", ##"{"keys": []}"##, false, "config-reference.md (a)"),
        ("root:tls", ##"{"keys": [{"public_key": "c", "private_key": "k"}], "public_key": "x"}"##, false, "config-reference.md (a)"),
        ("root:client_tls", ##""x""##, true, "config-reference.md (a)"),
        ("root:allow_insecure_connections", ##"true"##, false, "config-reference.md (a)"),
        ("root:plugin", ##"{"pattern": ".so"}"##, false, "config-reference.md (a)"),
        ("root:timeout", ##""1m30s""##, false, "config-reference.md 0.3"),
        ("root:timeout", ##""1.5s""##, false, "config-reference.md 0.3"),
        ("root:timeout", ##""2 s""##, false, "config-reference.md 0.3"),
        ("root:timeout", ##""-1s""##, false, "config-reference.md 0.3"),
        ("root:timeout", ##"2000"##, false, "config-reference.md 0.3"),
        ("root:timeout", ##""250µs""##, true, "config-reference.md 0.3"),
        ("root:@comment", ##"{"anything": 1}"##, true, "config-reference.md 0.2"),
        ("root:_disabled", ##"[1, 2]"##, true, "config-reference.md 0.2"),
        ("endpoint:path", ##""/a/{id}/*""##, true, "config-reference.md (b)"),
        ("endpoint:path", ##""a""##, false, "config-reference.md (b)"),
        ("endpoint:path", ##""/a?b""##, false, "config-reference.md (b)"),
        ("endpoint:path", ##""/__health""##, true, "config-reference.md (b)"),
        ("endpoint:method", ##""OPTIONS""##, false, "config-reference.md (b)"),
        ("endpoint:method", ##""GET,POST""##, false, "config-reference.md (b)"),
        ("endpoint:cache_ttl", ##"3600"##, false, "config-reference.md (b)"),
        ("endpoint:concurrent_calls", ##"6"##, false, "config-reference.md (b)"),
        ("endpoint:headers_to_pass", ##"["a"]"##, false, "config-reference.md (b)"),
        ("backend:timeout", ##""2s""##, false, "config-reference.md (c)"),
        ("backend:host", ##"["\n"]"##, false, "config-reference.md (c)"),
        ("backend:host", ##"[""]"##, false, "config-reference.md (c)"),
        ("backend:method", ##""TRACE""##, true, "config-reference.md (c)"),
        ("backend:qos/http-cache", ##"{}"##, true, "config-reference.md qos/http-cache"),
        ("backend:qos/http-cache", ##"{"shared": true}"##, true, "config-reference.md qos/http-cache"),
        ("backend:qos/http-cache", ##"{"max_size": 1024, "max_items": 1}"##, true, "config-reference.md qos/http-cache"),
        ("backend:qos/http-cache", ##"{"max_size": 1024}"##, false, "config-reference.md qos/http-cache"),
        ("backend:qos/http-cache", ##"{"max_size": 1024, "max_items": 1, "shared": true}"##, false, "config-reference.md qos/http-cache"),
        ("backend:qos/http-cache", ##"{"@c": 1}"##, false, "config-reference.md qos/http-cache"),
        ("backend:backend/http", ##"{}"##, false, "config-reference.md backend/http"),
        ("backend:backend/http", ##"{"return_error_code": true}"##, true, "config-reference.md backend/http"),
        ("backend:backend/http", ##"{"return_error_code": true, "return_error_details": "x"}"##, false, "config-reference.md backend/http"),
        ("backend:backend/http", ##""x""##, false, "config-reference.md backend/http"),
        ("backend:modifier/martian", ##"{}"##, true, "config-reference.md modifier/martian"),
        ("backend:modifier/martian", ##"{"@c": 1}"##, false, "config-reference.md modifier/martian"),
        ("backend:modifier/martian", ##"{"header.Modifier": {"scope": ["request"], "name": "X", "value": "1"}}"##, true, "config-reference.md modifier/martian"),
        ("backend:modifier/martian", ##"{"header.Modifier": {"scope": "request", "name": "X", "value": "1"}}"##, false, "config-reference.md modifier/martian"),
        ("backend:modifier/martian", ##"{"header.Modifier": {"scope": ["response", "request"], "name": "X", "value": "1"}}"##, false, "config-reference.md modifier/martian"),
        ("backend:modifier/martian", ##"{"fifo.Group": {"scope": ["request"], "modifiers": [{"header.Modifier": {"scope": ["request"], "name": "X", "value": "1"}}]}}"##, true, "config-reference.md modifier/martian"),
        ("service:security/bot-detector", ##"{}"##, false, "config-reference.md security/bot-detector"),
        ("service:security/bot-detector", ##"{"@c": 1}"##, true, "config-reference.md security/bot-detector"),
        ("service:security/cors", ##"{"allow_origins": ["*"], "allow_methods": ["TRACE"]}"##, false, "config-reference.md security/cors"),
        ("service:security/cors", ##"{"allow_origins": ["*"], "unknown": 1}"##, true, "config-reference.md security/cors"),
        ("endpoint:security/cors", ##"{"unknown": 1}"##, false, "config-reference.md security/cors"),
        ("service:telemetry/logging", ##"{"level": "error"}"##, false, "config-reference.md telemetry/logging"),
        ("service:telemetry/logging", ##"{"level": "ERROR"}"##, true, "config-reference.md telemetry/logging"),
        ("service:telemetry/metrics", ##"{"listen_address": "0.0.0.0:8090"}"##, false, "config-reference.md telemetry/metrics"),
        ("service:telemetry/metrics", ##"{"listen_address": ":8090"}"##, true, "config-reference.md telemetry/metrics"),
        ("service:auth/validator", ##"{"alg": "RS256", "jwk_url": "http://x"}"##, false, "config-reference.md auth/validator"),
        ("service:auth/validator", ##"{"shared_cache_duration": 60}"##, true, "config-reference.md auth/validator"),
        ("endpoint:auth/validator", ##"{"alg": "RS256", "jwk_url": "http://x"}"##, true, "config-reference.md auth/validator"),
        ("endpoint:auth/validator", ##"{"alg": "RS256", "jwk_url": "http://x", "jwk_local_path": "k"}"##, false, "config-reference.md auth/validator"),
        ("endpoint:auth/validator", ##"{"alg": "RS256", "jwk_url": "http://x", "propagate_claims": [["sub"]]}"##, false, "config-reference.md auth/validator"),
        ("endpoint:auth/signer", ##"{"alg": "HS256", "kid": "k", "keys_to_sign": [], "jwk_local_path": "p"}"##, false, "config-reference.md auth/signer"),
        ("endpoint:auth/signer", ##"{"alg": "HS256", "kid": "k", "keys_to_sign": [], "jwk_local_path": "p", "disable_jwk_security": false}"##, true, "config-reference.md auth/signer"),
        ("service:documentation/postman", ##"{"version": "1x2x3"}"##, true, "config-reference.md documentation/postman"),
        ("service:plugin/http-server", ##"{"name": "x"}"##, false, "config-reference.md plugin/http-server"),
        ("service:plugin/http-server", ##"{"name": ["x"], "anything": 1}"##, true, "config-reference.md plugin/http-server"),
        ("service:auth/basic", ##"{"users": {"@c": 1}}"##, false, "config-reference.md 0.2"),
        ("service:github_com/devopsfaith/krakend-cors", ##"{"allow_origins": ["*"]}"##, false, "runtime-checks.md 4"),
        ("service:telemetry/ganalytics", ##"{}"##, false, "config-reference.md (d)"),
        ("endpoint:validation/cel", ##"[]"##, false, "config-reference.md validation/cel"),
        ("endpoint:validation/cel", ##"[{"check_expr": "true"}]"##, true, "config-reference.md validation/cel"),
        ("endpoint:validation/json-schema", ##"{"type": "object", "anything": [1]}"##, true, "config-reference.md validation/json-schema"),
        ("backend:auth/gcp", ##"{"credentials_file": "f"}"##, false, "config-reference.md auth/gcp"),
        ("backend:auth/gcp", ##"{"audience": "a", "credentials_file": "f", "credentials_json": {}}"##, true, "config-reference.md auth/gcp"),
        ("service:modifier/response-headers", ##"{}"##, false, "config-reference.md modifier/response-headers"),
        ("service:modifier/response-headers", ##"{"add": {}}"##, false, "config-reference.md modifier/response-headers"),
        ("service:modifier/response-headers", ##"{"delete": []}"##, false, "config-reference.md modifier/response-headers"),
        ("service:modifier/response-headers", ##"{"add": {"X-A": ["1"]}, "delete": ["Server"]}"##, true, "config-reference.md modifier/response-headers"),
        ("endpoint:validation/cel", ##"{"check_expr": "true"}"##, false, "config-reference.md validation/cel"),
        ("service:auth/revoker", ##"{"n": 1, "p": 0.1, "hash_name": "optimal", "ttl": 1, "port": 1, "token_keys": []}"##, false, "config-reference.md auth/revoker"),
        ("service:auth/revoker", ##"{"N": 1, "P": 0.1, "hash_name": "optimal", "TTL": 1, "port": 1, "token_keys": []}"##, true, "config-reference.md auth/revoker"),
        ("backend:qos/circuit-breaker", ##"{"interval": "60s", "timeout": 10, "max_errors": 1}"##, false, "config-reference.md qos/circuit-breaker"),
        ("backend:qos/circuit-breaker", ##"{"interval": 60, "timeout": 10, "max_errors": 1}"##, true, "config-reference.md qos/circuit-breaker"),
        ("backend:qos/circuit-breaker/http", ##"{"interval": 60, "timeout": 10, "max_errors": 1, "valid_status_codes": [600]}"##, false, "config-reference.md qos/circuit-breaker/http"),
        ("backend:qos/circuit-breaker/http", ##"{"interval": 60, "timeout": 10, "max_errors": 1, "valid_status_codes": []}"##, false, "config-reference.md qos/circuit-breaker/http"),
        ("backend:qos/ratelimit/proxy", ##"{"max_rate": 1}"##, false, "config-reference.md qos/ratelimit/proxy"),
        ("endpoint:qos/ratelimit/router", ##"{"capacity": 1}"##, false, "config-reference.md qos/ratelimit/router"),
        ("endpoint:qos/ratelimit/router", ##"{"client_max_rate": 1}"##, true, "config-reference.md qos/ratelimit/router"),
        ("endpoint:qos/ratelimit/router/redis", ##"{"connection_name": "r", "max_rate": 1, "anything": true}"##, true, "config-reference.md qos/ratelimit/router/redis"),
        ("endpoint:qos/ratelimit/router/redis", ##"{"max_rate": 1}"##, false, "config-reference.md qos/ratelimit/router/redis"),
        ("backend:backend/graphql", ##"{"type": "query", "query": "{a}", "query_path": "q"}"##, false, "config-reference.md backend/graphql"),
        ("backend:backend/graphql", ##"{"type": "subscription", "query": "{a}"}"##, false, "config-reference.md backend/graphql"),
        ("backend:backend/amqp/consumer", ##"{"name": "q", "exchange": "x", "routing_key": "#"}"##, false, "config-reference.md backend/amqp/consumer"),
        ("backend:backend/amqp/producer", ##"{"name": "q", "exchange": "x", "routing_key": "#"}"##, true, "config-reference.md backend/amqp/producer"),
        ("backend:ai/llm", ##"{}"##, true, "config-reference.md ai/llm"),
        ("backend:ai/llm", ##"{"openai": {"v1": {"credentials": "k", "variables": {"model": "m"}}}, "gemini": {"v1beta": {"credentials": "k"}}}"##, false, "config-reference.md ai/llm"),
        ("service:router", ##"{"decompress_gzip": true}"##, false, "config-reference.md router"),
        ("service:router", ##"{"error_body": {"404": {"msg": "x"}, "500": {}}}"##, false, "config-reference.md router"),
        ("service:server/virtualhost", ##"{"hosts": ["a"], "aliased_hosts": {"a": "b"}}"##, false, "config-reference.md server/virtualhost"),
        ("service:server/virtualhost", ##"{"aliased_hosts": {"any key": 1}}"##, true, "config-reference.md server/virtualhost"),
        ("service:telemetry/opentelemetry", ##"{"exporters": {}}"##, false, "config-reference.md telemetry/opentelemetry"),
        ("service:telemetry/opentelemetry", ##"{"exporters": {"otlp": [{"name": "o", "host": "h"}]}}"##, true, "config-reference.md telemetry/opentelemetry"),
        ("service:telemetry/opentelemetry", ##"{"exporters": {"otlp": [{"name": "o", "host": "h"}]}, "layers": {"global": {"traces_static_attributes": [{"key": "k", "value": "v", "@c": 1}]}}}"##, false, "config-reference.md 0.2"),
        ("backend:telemetry/logging", ##"{"backend": {}}"##, false, "config-reference.md telemetry/logging"),
        ("backend:proxy", ##"{"sequential": true}"##, false, "config-reference.md proxy"),
        ("endpoint:proxy", ##"{"shadow": true}"##, false, "config-reference.md proxy"),
        ("endpoint:proxy", ##"{"sequential": true, "sequential_propagated_params": ["resp0_id"]}"##, true, "config-reference.md proxy"),
        ("endpoint:proxy", ##"{"sequential_propagated_params": ["id"]}"##, false, "config-reference.md proxy"),
        ("endpoint:security/policies", ##"{"jwt": {"policies": ["true"]}}"##, true, "config-reference.md security/policies"),
        ("backend:security/policies", ##"{"jwt": {"policies": ["true"]}}"##, false, "config-reference.md security/policies"),
        ("service:documentation/openapi", ##"{"response_definition": {"@c": {}}}"##, false, "config-reference.md 0.2"),
        ("service:documentation/openapi", ##"{"response_definition": {"200": {"description": "ok"}, "mydefault": {}}}"##, true, "config-reference.md documentation/openapi"),
        ("service:grpc", ##"{"catalog": ["a.pb"], "server": {"services": [{"name": "s", "methods": [{"name": "m", "backend": [{"url_pattern": "/"}], "extra_config": {"proxy": {}}}]}]}}"##, false, "config-reference.md grpc"),
        ("service:grpc", ##"{"catalog": ["a.pb"], "server": {"services": [{"name": "s", "methods": [{"name": "m", "backend": [{"url_pattern": "/"}], "extra_config": {"auth/validator": {"alg": "RS256", "jwk_url": "u"}}}]}]}}"##, true, "config-reference.md grpc"),
    ]

    func testVerdictExamplesOfTheReferenceComeOutAsStated() throws {
        var mismatches: [String] = []
        for example in Self.referenceExamples {
            let errors = try Self.errors(in: Self.configText(placing: example.value, at: example.where))
            if errors.isEmpty != example.valid {
                let found = errors.prefix(2).map { "\($0.instancePointer): \($0.message)" }.joined(separator: "; ")
                mismatches.append("\(example.where) = \(example.value): expected \(example.valid ? "valid" : "invalid") (\(example.source))" + (found.isEmpty ? "" : " — got \(found)"))
            }
        }
        print("reference examples: \(Self.referenceExamples.count - mismatches.count)/\(Self.referenceExamples.count) as stated")
        XCTAssertEqual(mismatches, [])
    }

    /// Namespaces whose name has no slash; every other key without a slash is a plain property.
    static let slashlessNamespaces: Set<String> = ["grpc", "proxy", "redis", "router", "websocket", "workflow"]

    /// A minimal configuration with `value` (JSON text) at `spot`: "root:KEY", "service:NAMESPACE",
    /// "endpoint:KEY|NAMESPACE|path", "backend:KEY|NAMESPACE", "workflow-backend:NAMESPACE", "async-backend:NAMESPACE".
    static func configText(placing value: String, at spot: String) -> String {
        let parts = spot.split(separator: ":", maxSplits: 1).map(String.init)
        let level = parts[0], key = parts.count > 1 ? parts[1] : ""
        let quotedKey = "\"" + key + "\""
        let isNamespace = key.contains("/") || slashlessNamespaces.contains(key)
        var root = "", endpoint = "", backend = ""
        switch level {
        case "root": root = ", \(quotedKey): \(value)"
        case "service": root = ", \"extra_config\": {\(quotedKey): \(value)}"
        case "endpoint" where key == "path": endpoint = ", \"endpoint\": \(value)"
        case "endpoint": endpoint = isNamespace ? ", \"extra_config\": {\(quotedKey): \(value)}" : ", \(quotedKey): \(value)"
        case "backend": backend = isNamespace ? ", \"extra_config\": {\(quotedKey): \(value)}" : ", \(quotedKey): \(value)"
        case "workflow-backend":
            backend = ", \"extra_config\": {\"workflow\": {\"endpoint\": \"/w\", \"backend\": [{\"url_pattern\": \"/w\", \"extra_config\": {\(quotedKey): \(value)}}]}}"
        case "async-backend":
            root = ", \"async_agent\": [{\"name\": \"a\", \"consumer\": {\"topic\": \"t\"}, \"backend\": [{\"url_pattern\": \"/a\", \"extra_config\": {\(quotedKey): \(value)}}], \"extra_config\": {\"async/amqp\": {\"name\": \"q\", \"host\": \"amqp://h\", \"exchange\": \"x\"}}}]"
        default: return "unknown spot \(spot)"
        }
        let endpointPath = endpoint.hasPrefix(", \"endpoint\"") ? "" : "\"endpoint\": \"/e\", "
        let endpointText = "{" + endpointPath + "\"backend\": [{\"url_pattern\": \"/u\", \"host\": [\"http://h\"]\(backend)}]\(endpoint)}"
        let version = level == "root" && key == "version" ? "" : "\"version\": 3, "
        return "{" + version + "\"endpoints\": [\(endpointText)]\(root)}"
    }

    func testSchemaLoadedFromAFolderGivesTheBundledVerdicts() throws {
        let folder = Self.packageRoot.appendingPathComponent("schemas")
        let schema = try KrakenDSchema.load(path: folder.path)
        XCTAssertEqual(schema.origin, folder.path)
        try assertNTLMVerdicts(of: schema)
    }

    func testSchemaLoadedFromItsEntryFileResolvesSiblingFilesOffline() throws {
        let schema = try KrakenDSchema.load(path: Self.packageRoot.appendingPathComponent("schemas/krakend.json").path)
        try assertNTLMVerdicts(of: schema)
    }

    func testLoadingAMissingSchemaOrAFolderWithoutEntryFailsWithTheReason() {
        XCTAssertThrowsError(try KrakenDSchema.load(path: "/nonexistent/krakend-schema")) { error in
            XCTAssertTrue("\(error)".contains("no such file or folder"), "\(error)")
        }
        XCTAssertThrowsError(try KrakenDSchema.load(path: Self.packageRoot.appendingPathComponent("schemas/defs").path)) { error in
            XCTAssertTrue("\(error)".contains("no entry schema"), "\(error)")
        }
    }

    private func assertNTLMVerdicts(of schema: KrakenDSchema, file: StaticString = #filePath, line: UInt = #line) throws {
        let good = try Self.parse(#"{"version": 3, "endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/", "extra_config": {"auth/ntlm": {"user": "u", "password": "p"}}}]}]}"#)
        let bad = try Self.parse(#"{"version": 3, "endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/", "extra_config": {"auth/ntlm": {"user": "u", "domain": "d"}}}]}]}"#)
        XCTAssertTrue(schema.isValid(good), file: file, line: line)
        XCTAssertEqual(schema.validate(good).count, 0, file: file, line: line)
        XCTAssertFalse(schema.isValid(bad), file: file, line: line)
        XCTAssertEqual(schema.validate(bad).count, KrakenDSchema.validate(bad).count, file: file, line: line)
    }

    func testEveryEmbeddedSchemaFileParses() {
        XCTAssertGreaterThan(EmbeddedSchemaDocuments.documents.count, 100)
        for failure in EmbeddedSchemaDocuments.failures {
            XCTFail("schemas/\(failure.path) does not parse: \(failure.message)")
        }
    }

    func testBundledSchemaCompiles() throws {
        // Compiled up front, every error in schemas/ is thrown here; the lint compiles it on first use.
        _ = try KrakenDSchema.compileBundled(eagerly: true)
        _ = try KrakenDSchema.bundled.get()
    }

    func testEveryEmbeddedSchemaFileIsFoundUnderItsIdentifier() {
        // The bundled registry serves `$ref`s by path under the base URI, so each `$id` must be that URI.
        for document in EmbeddedSchemaDocuments.documents {
            guard let id = document.root["$id"]?.string else {
                XCTAssertEqual(document.path, "legacy-namespaces.json", "only the alias table has no $id")
                continue
            }
            XCTAssertEqual(id, KrakenDSchema.bundledBaseURI + document.path)
        }
    }

    func testNoEmbeddedSchemaFileHasAnIdentifierBelowItsRoot() {
        // The lint's registry indexes each file only as far as validation reaches it, which is right only
        // while every `$id` and anchor sits at a file's root (`identifiedAtRootOnly`).
        let keywords: Set<String> = ["$id", "$anchor", "$dynamicAnchor", "$recursiveAnchor"]
        func walk(_ node: Node, _ pointer: JSONPointer, in path: String) {
            if let members = node.members {
                for member in members {
                    if !pointer.tokens.isEmpty, keywords.contains(member.key) {
                        XCTFail("schemas/\(path) has \(member.key) at \(pointer); the lint's registry expects identifiers at the root only")
                    }
                    walk(member.value, pointer.appending(member.key), in: path)
                }
            }
            for (index, element) in (node.elements ?? []).enumerated() { walk(element, pointer.appending(index), in: path) }
        }
        XCTAssertGreaterThan(EmbeddedSchemaDocuments.documents.count, 100)
        for document in EmbeddedSchemaDocuments.documents { walk(document.root, .root, in: document.path) }
    }

    /// The bundled schema compiled on first use (as `lint` does) says exactly what it says compiled up front,
    /// on every corpus file and example, and on each with one common mistake put in.
    func testBundledSchemaGivesTheSameErrorsCompiledOnFirstUseAsCompiledUpFront() throws {
        let eager = try KrakenDSchema.compileBundled(eagerly: true)
        var roots: [(String, Node)] = []
        var folders = [Self.packageRoot.appendingPathComponent("examples")]
        if let shared = try? Self.sharedDirectory() { folders.append(shared.appendingPathComponent("corpus/configs")) }
        for folder in folders {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
                guard let format = SourceFormat(fileName: name), let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else { continue }
                guard let root = ConfigLoader.load(SourceFile(path: name, format: format, bytes: Array(data))).root else { continue }
                roots.append((name, root))
                let text = String(decoding: data, as: UTF8.self)
                for (wrong, right) in [("\"timeout\"", "\"timeuot\""), ("\"GET\"", "\"get\""), ("\"version\": 3", "\"version\": \"3\""), ("\"host\"", "\"hosts\"")] where text.contains(wrong) {
                    let changed = text.replacingOccurrences(of: wrong, with: right)
                    if let mutated = ConfigLoader.load(SourceFile(path: name, format: format, text: changed)).root { roots.append(("\(name) with \(right)", mutated)) }
                }
            }
        }
        XCTAssertGreaterThan(roots.count, 40)
        var failing = 0
        for (name, root) in roots {
            let upFront = eager.validate(root).map { "\($0.instancePointer) \($0.keyword) \(String(describing: $0.absoluteKeywordLocation)) \($0.message) \($0.suggestions) \($0.allowedNames)" }
            let onFirstUse = KrakenDSchema.validate(root).map { "\($0.instancePointer) \($0.keyword) \(String(describing: $0.absoluteKeywordLocation)) \($0.message) \($0.suggestions) \($0.allowedNames)" }
            XCTAssertEqual(onFirstUse, upFront, name)
            XCTAssertEqual(try KrakenDSchema.bundled.get().isValid(root), eager.isValid(root), name)
            if !upFront.isEmpty { failing += 1 }
        }
        XCTAssertGreaterThan(failing, 10, "the comparison covers many invalid configurations")
    }

    func testLegacyTableHasEveryAliasAndPointsAtKnownNamespaces() {
        XCTAssertEqual(LegacyNamespaces.table.count, 34)
        XCTAssertEqual(LegacyNamespaces.currentName(for: "github_com/devopsfaith/krakend-cors"), "security/cors")
        XCTAssertEqual(LegacyNamespaces.currentName(for: "github.com/devopsfaith/krakend-lua/proxy/backend"), "modifier/lua-backend")
        XCTAssertNil(LegacyNamespaces.currentName(for: "github.com/devopsfaith/krakend-cors"), "the dot spelling is not an alias of krakend-cors")
        XCTAssertEqual(LegacyNamespaces.canonical("auth/ntlm"), "auth/ntlm")
        for (legacy, current) in LegacyNamespaces.table {
            XCTAssertFalse(NamespaceCatalog.levels(of: current).isEmpty, "\(legacy) maps to \(current), which no level accepts")
        }
    }

    func testCatalogListsTheNamespacesOfEveryLevel() {
        XCTAssertEqual(NamespaceCatalog.namespaces(at: .service).count, 34)
        XCTAssertEqual(NamespaceCatalog.namespaces(at: .endpoint).count, 31)
        XCTAssertEqual(NamespaceCatalog.namespaces(at: .backend).count, 41)
        XCTAssertEqual(NamespaceCatalog.namespaces(at: .workflow).count, 9)
        XCTAssertEqual(NamespaceCatalog.namespaces(at: .asyncAgent).map(\.name), ["async/amqp", "async/kafka"])
        XCTAssertEqual(NamespaceCatalog.levels(of: "auth/ntlm"), [.backend])
        let ntlm = NamespaceCatalog.info("auth/ntlm", at: .backend)
        XCTAssertEqual(ntlm?.isEnterpriseOnly, true)
        XCTAssertEqual(ntlm?.summary.isEmpty, false)
        XCTAssertEqual(NamespaceCatalog.info("plugin/middleware", at: .endpoint)?.isEnterpriseOnly, true)
        XCTAssertEqual(NamespaceCatalog.info("plugin/middleware", at: .backend)?.isEnterpriseOnly, false)
        XCTAssertEqual(NamespaceCatalog.info("security/cors", at: .service)?.isEnterpriseOnly, false)
        XCTAssertEqual(NamespaceCatalog.info("async/kafka", at: .asyncAgent)?.isEnterpriseOnly, true)
        XCTAssertEqual(NamespaceCatalog.info("async/amqp", at: .asyncAgent)?.isEnterpriseOnly, false)
        let enterpriseCount = NamespaceLevel.allCases.flatMap { NamespaceCatalog.namespaces(at: $0) }.filter(\.isEnterpriseOnly).count
        print("namespace entries per level: \(NamespaceLevel.allCases.map { "\($0.rawValue) \(NamespaceCatalog.namespaces(at: $0).count)" }.joined(separator: ", ")); Enterprise-only entries: \(enterpriseCount)")
    }

    func testNTLMBlockIsValidatedWherePlacedAndRejectedElsewhere() throws {
        let good = #"{"version": 3, "endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/", "extra_config": {"auth/ntlm": {"user": "u", "password": "p"}}}]}]}"#
        XCTAssertEqual(try Self.errors(in: good).map(\.instancePointer.description), [])
        let missingPassword = #"{"version": 3, "endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/", "extra_config": {"auth/ntlm": {"user": "u"}}}]}]}"#
        XCTAssertTrue(try Self.errors(in: missingPassword).contains { $0.instancePointer.description == "/endpoints/0/backend/0/extra_config/auth~1ntlm" })
        let atService = #"{"version": 3, "extra_config": {"auth/ntlm": {"user": "u", "password": "p"}}}"#
        XCTAssertTrue(try Self.errors(in: atService).contains { $0.instancePointer.description == "/extra_config" || $0.instancePointer.description == "/extra_config/auth~1ntlm" })
    }

    func testDurationPatternRejectsATrailingNewline() throws {
        XCTAssertEqual(try Self.errors(in: #"{"version": 3, "timeout": "2s"}"#).count, 0)
        XCTAssertGreaterThan(try Self.errors(in: #"{"version": 3, "timeout": "2s\n"}"#).count, 0)
        XCTAssertGreaterThan(try Self.errors(in: #"{"version": 3, "timeout": "1m30s"}"#).count, 0)
    }

    // MARK: - Helpers

    enum Kind { case valid, invalid, parseError }

    struct Verdict {
        var kind: Kind
        var pointers: [String]
        var summary: String
    }

    struct UpstreamVerdict {
        var verdict: String
        var firstErrorPath: String
    }

    static let packageRoot = TestPeers.packageRoot

    /// The shared facts folder, when it holds the corpus with upstream's verdicts (else a skip, or a failure
    /// under `KRAKENLINT_REQUIRE_PEERS=1`).
    static func sharedDirectory() throws -> URL {
        try TestPeers.requireShared("corpus/upstream-verdicts.tsv", for: "the corpus agreement test")
        return TestPeers.sharedDirectory
    }

    static func upstreamVerdicts(_ url: URL) throws -> [String: UpstreamVerdict] {
        let text = try String(contentsOf: url, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first else { return [:] }
        lines.removeFirst()
        let column = { (name: String) in header.firstIndex(of: name) }
        guard let file = column("file"), let verdict = column("verdict"), let path = column("first_error_path") else {
            throw MalformedFacts(description: "upstream-verdicts.tsv lacks the expected columns file, verdict and first_error_path")
        }
        var result: [String: UpstreamVerdict] = [:]
        for fields in lines where fields.count > max(file, verdict, path) {
            result[fields[file]] = UpstreamVerdict(verdict: fields[verdict], firstErrorPath: fields[path].isEmpty ? "/" : fields[path])
        }
        return result
    }

    /// What `krakenlint lint` says of a file: parse error; valid (no `schema/*` finding); or invalid, with
    /// the pointers of every error and warning. A finding about one key (an unknown key, a legacy namespace
    /// name) counts at the object holding the key, which is where upstream's validator reports it.
    static func lintVerdict(of url: URL) throws -> Verdict {
        let bytes = try [UInt8](Data(contentsOf: url))
        let format = SourceFormat(fileName: url.lastPathComponent) ?? .json
        let report = Linter().lint(SourceFile(path: url.lastPathComponent, format: format, bytes: bytes))
        guard report.isReadable else {
            return Verdict(kind: .parseError, pointers: [], summary: "parse-error")
        }
        let schemaFindings = report.diagnostics.filter { $0.ruleID.hasPrefix("schema/") }
        let findings = report.diagnostics.filter { $0.severity >= .warning }
        if schemaFindings.isEmpty && findings.isEmpty { return Verdict(kind: .valid, pointers: [], summary: "valid") }
        let pointers = findings.map { diagnostic -> String in
            let aboutOneKey = ["schema/additional-properties", "krakend/legacy-namespace"].contains(diagnostic.ruleID)
            let pointer = aboutOneKey ? (diagnostic.pointer.parent ?? diagnostic.pointer) : diagnostic.pointer
            return upstreamStylePointer(pointer)
        }
        let kind: Kind = schemaFindings.isEmpty ? .valid : .invalid
        return Verdict(kind: kind, pointers: pointers, summary: "\(kind == .valid ? "valid" : "invalid") (\(findings.count) findings) at " + Set(pointers).sorted().prefix(3).joined(separator: ", "))
    }

    /// What the bundled schema alone says of a file (no rules, no legacy renaming): parse error, valid,
    /// or invalid with the pointer of every validation error.
    static func schemaVerdict(of url: URL) throws -> Verdict {
        let bytes = try [UInt8](Data(contentsOf: url))
        let format = SourceFormat(fileName: url.lastPathComponent) ?? .json
        let loaded = ConfigLoader.load(SourceFile(path: url.lastPathComponent, format: format, bytes: bytes))
        guard let root = loaded.root, !loaded.issues.contains(where: { $0.severity == .error }) else {
            return Verdict(kind: .parseError, pointers: [], summary: "parse-error")
        }
        let errors = KrakenDSchema.validate(root)
        let pointers = errors.map { upstreamStylePointer(comparablePointer(of: $0)) }
        if errors.isEmpty { return Verdict(kind: .valid, pointers: [], summary: "valid") }
        return Verdict(kind: .invalid, pointers: pointers, summary: "invalid (\(errors.count)) at " + Set(pointers).sorted().prefix(3).joined(separator: ", "))
    }

    /// Where an error counts for the comparison. Our engine reports an unexpected key at the key itself
    /// (so the lint message can point at it); upstream reports it at the object that holds the key.
    static func comparablePointer(of error: ValidationError) -> JSONPointer {
        if error.keyword == "additionalProperties", let parent = error.instancePointer.parent {
            return parent
        }
        return error.instancePointer
    }

    /// The pointer written like upstream-verdicts.tsv writes it: tokens joined by "/", not escaped.
    static func upstreamStylePointer(_ pointer: JSONPointer) -> String {
        pointer.tokens.isEmpty ? "/" : pointer.tokens.map { "/" + $0 }.joined()
    }

    static func isSameOrAncestor(_ ours: String, of theirs: String) -> Bool {
        ours == "/" || ours == theirs || theirs.hasPrefix(ours + "/")
    }

    static func errors(in json: String) throws -> [ValidationError] {
        KrakenDSchema.validate(try parse(json))
    }

    static func parse(_ json: String) throws -> Node {
        let loaded = ConfigLoader.load(SourceFile(path: "inline.json", format: .json, text: json))
        return try XCTUnwrap(loaded.root, "test input does not parse: \(loaded.issues.map(\.message))")
    }
}

/// A shared facts file that is present but not in the shape the test reads: a broken test, never a skip.
private struct MalformedFacts: Error, CustomStringConvertible {
    let description: String
}
