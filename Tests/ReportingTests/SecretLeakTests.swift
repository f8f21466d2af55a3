import ConfigTree
import KrakenLint
import Reporting
import XCTest

/// Secrets never leak: configurations holding an unusual password are linted through every rule and
/// rendered by every reporter, and the password must appear in no output.
final class SecretLeakTests: XCTestCase {
    /// A password nobody would write by accident, so a hit means a leak.
    static let canary = "Kr4kenL1nt-L3ak-Canary-7731"
    /// A password YAML reads as a number.
    static let numericCanary = "73317331"

    /// Every output format (`ReportFormat.allCases`, so a new format is covered as soon as it exists),
    /// verbose and colored where that changes the output, plus the compact JSON writer.
    static var reporters: [(name: String, reporter: any Reporter)] {
        let paths = ArtifactPath(root: "/work", currentDirectory: "/work")
        var all: [(name: String, reporter: any Reporter)] = []
        for format in ReportFormat.allCases {
            for (verbose, color) in [(false, false), (true, true)] {
                let settings = ReportSettings(verbose: verbose, color: color, paths: paths)
                all.append(("\(format.rawValue)\(verbose ? " --verbose --color" : "")", format.reporter(settings)))
            }
        }
        all.append(("json compact", JSONReporter(pretty: false)))
        return all
    }

    static let c = canary

    /// Configurations that put the canary where each rule looks, and in every catalogued secret field.
    static let configurations: [(name: String, format: SourceFormat, text: String)] = [
        ("plaintext password, http host, user equal to password", .json, """
            {"version": 3, "endpoints": [{"endpoint": "/a", "backend": [{"host": ["http://crm.contoso.local"], "url_pattern": "/a",
              "extra_config": {"auth/ntlm": {"user": "CONTOSO\\\\\(c)", "password": "\(c)"}}}]}]}
            """),
        ("password in a URL host, user format, conflicting auth", .json, """
            {"version": 3, "host": ["http://svc:\(c)@crm.contoso.local"], "endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/a",
              "extra_config": {"auth/ntlm": {"user": "CONTOSO/svc \(c)", "password": " \(c) "},
                               "auth/client-credentials": {"client_id": "k", "client_secret": "\(c)", "token_url": "https://login/t"}}}]}]}
            """),
        ("password under misspelt keys, missing field, duplicate key", .json, """
            {"version": 3, "endpoints": [{"endpoint": "/a", "backend": [{"host": ["https://crm"], "url_pattern": "/a",
              "extra_config": {"auth/ntlm": {"username": "svc", "pass": "\(c)", "Password": "\(c)", "pwd": "\(c)"}}},
              {"host": ["https://crm"], "url_pattern": "/b",
              "extra_config": {"auth/ntlm": {"user": "svc", "password": "\(c)", "password": "changeme"}}}]}]}
            """),
        ("empty user next to a password", .json, """
            {"version": 3, "endpoints": [{"endpoint": "/a", "backend": [{"host": ["https://crm"], "url_pattern": "/a",
              "extra_config": {"auth/ntlm": {"user": "", "password": "\(c)"}}}]}]}
            """),
        ("misplaced at service and endpoint level", .json, """
            {"version": 3, "extra_config": {"auth/ntlm": {"user": "svc", "password": "\(c)"}},
             "endpoints": [{"endpoint": "/a", "extra_config": {"auth/ntlm": {"user": "svc", "password": "\(c)"}},
               "backend": [{"host": ["https://crm"], "url_pattern": "/a"}]}]}
            """),
        ("shared credentials on three backends", .json, """
            {"version": 3, "host": ["https://crm"], "endpoints": [
              {"endpoint": "/a", "backend": [{"url_pattern": "/a", "extra_config": {"auth/ntlm": {"user": "svc", "password": "\(c)"}}}]},
              {"endpoint": "/b", "backend": [{"url_pattern": "/b", "extra_config": {"auth/ntlm": {"user": "svc", "password": "\(c)"}}}]},
              {"endpoint": "/c", "backend": [{"url_pattern": "/c", "extra_config": {"auth/ntlm": {"user": "svc", "password": "\(c)"}}}]}]}
            """),
        ("every catalogued secret field", .json, """
            {"version": 3, "extra_config": {
              "auth/api-keys": {"keys": [{"key": "\(c)", "roles": ["a"]}]},
              "auth/basic": {"users": {"admin": "\(c)"}},
              "auth/revoker": {"N": 1, "P": 0.1, "TTL": 1, "hash_name": "optimal", "port": 1234, "token_keys": ["jti"], "revoke_server_api_key": "\(c)"},
              "redis": {"connection_pools": [{"name": "p", "address": "r:6379", "password": "\(c)"}], "clusters": [{"name": "c", "addresses": ["r:6379"], "password": "\(c)"}]},
              "telemetry/influx": {"address": "http://i", "ttl": "1s", "password": "\(c)"},
              "telemetry/opencensus": {"exporters": {"influxdb": {"address": "i", "db": "d", "password": "\(c)"}, "xray": {"region": "r", "version": "v", "access_key_id": "a", "secret_access_key": "\(c)"}}},
              "telemetry/newrelic": {"license": "\(c)"},
              "telemetry/opentelemetry-security": {"otlp": [{"name": "o", "headers": {"api-key": "\(c)"}}]}},
             "endpoints": [{"endpoint": "/a",
               "extra_config": {"auth/signer": {"alg": "HS256", "kid": "k", "keys_to_sign": ["t"], "jwk_url": "https://j", "cypher_key": "\(c)"},
                                "auth/validator": {"alg": "HS256", "jwk_url": "https://j", "cypher_key": "\(c)"}},
               "backend": [{"host": ["https://b"], "url_pattern": "/a", "extra_config": {
                 "auth/gcp": {"audience": "a", "credentials_json": {"private_key": "\(c)"}},
                 "ai/llm": {"openai": {"v1": {"credentials": "\(c)", "variables": {"model": "m"}}}},
                 "backend/pubsub/publisher/kafka": {"writer": {"topic": "t", "cluster": {"brokers": ["k"], "sasl": {"user": "u", "password": "\(c)"}}}}}},
                 {"host": ["amqp://u:\(c)@rabbit:5672"], "disable_host_sanitize": true, "url_pattern": "/q", "extra_config": {
                 "backend/pubsub/subscriber/kafka": {"reader": {"topics": ["t"], "cluster": {"brokers": ["k"], "sasl": {"password": "\(c)"}}}}}}]}],
             "async_agent": [{"name": "g", "connection": {}, "consumer": {"topic": "t"}, "backend": [{"host": ["https://b"], "url_pattern": "/"}],
               "extra_config": {"async/amqp": {"name": "n", "host": "amqp://u:\(c)@rabbit:5672/", "exchange": "e"},
                                "async/kafka": {"cluster": {"brokers": ["k"], "sasl": {"password": "\(c)"}}}}}]}
            """),
        ("YAML plaintext, number password, placeholder", .yaml, """
            version: 3
            endpoints:
              - endpoint: /a
                backend:
                  - host: ["crm.contoso.local"]
                    url_pattern: /a
                    extra_config:
                      auth/ntlm:
                        user: CONTOSO\\svc
                        password: \(c)
                  - host: ["https://crm"]
                    url_pattern: /b
                    extra_config:
                      auth/ntlm:
                        user: CONTOSO\\svc
                        password: \(numericCanary)

            """),
        ("YAML password defined by an anchor elsewhere", .yaml, """
            version: 3
            x-secrets:
              ntlm: &pw \(c)
            endpoints:
              - endpoint: /a
                backend:
                  - host: ["https://crm"]
                    url_pattern: /a
                    extra_config:
                      auth/ntlm:
                        user: svc
                        password: *pw

            """),
        ("JSON password in an unterminated string", .json, """
            {"version": 3, "endpoints": [{"endpoint": "/a", "backend": [{"host": ["https://crm"], "url_pattern": "/a",
              "extra_config": {"auth/ntlm": {"user": "svc", "password": "\(c)}}}]}]}
            """),
        ("JSON password before a trailing comma", .json, """
            {"version": 3, "endpoints": [{"endpoint": "/a", "backend": [{"host": ["https://crm"], "url_pattern": "/a",
              "extra_config": {"auth/ntlm": {"user": "svc",
                "password": "\(c)",
              }}}]}]}
            """),
        ("JSON password with a bad escape", .json, """
            {"version": 3, "extra_config": {"redis": {"connection_pools": [{"name": "p", "address": "r", "password": "\(c)\\q"}]}}}
            """),
        ("YAML password in an unterminated quote", .yaml, """
            version: 3
            endpoints:
              - endpoint: /a
                backend:
                  - url_pattern: /a
                    extra_config:
                      auth/ntlm:
                        user: svc
                        password: "\(c)

            """),
        ("YAML password next to a tab indentation error", .yaml, "version: 3\nextra_config:\n  telemetry/influx:\n\tpassword: \(c)\n"),
    ]

    func testNoReporterPrintsAPasswordForAnyConfiguration() {
        for configuration in Self.configurations {
            for edition in [nil, Edition.ce] {
                let report = Self.lint(configuration.text, format: configuration.format, edition: edition)
                XCTAssertFalse(report.diagnostics.isEmpty, "\(configuration.name): nothing was reported, so the test proves nothing")
                for diagnostic in report.diagnostics {
                    let text = diagnostic.message + (diagnostic.fix ?? "") + diagnostic.pointer.description
                    XCTAssertFalse(text.contains(Self.canary), "\(diagnostic.ruleID) puts the password in its message, fix or pointer: \(configuration.name)")
                }
                // --edition ce adds only ntlm/enterprise-only; the two main formats are enough for it.
                let reporters = edition == nil ? Self.reporters : Self.reporters.filter { $0.name == "text" || $0.name == "json" }
                for (name, reporter) in reporters {
                    let output = reporter.render(Run(reports: [report], toolVersion: "test"))
                    XCTAssertFalse(output.contains(Self.canary), "\(name) output leaks the password for: \(configuration.name)\n\(output)")
                    XCTAssertFalse(output.contains(Self.numericCanary), "\(name) output leaks the number password for: \(configuration.name)")
                }
            }
        }
    }

    func testEveryNTLMAndSecretRuleFiresInTheseConfigurations() {
        var fired = Set<String>()
        for configuration in Self.configurations {
            for edition in [nil, Edition.ce] {
                fired.formUnion(Self.lint(configuration.text, format: configuration.format, edition: edition).diagnostics.map(\.ruleID))
            }
        }
        let ours = RuleRegistry.allDescriptions.map(\.id).filter { $0.hasPrefix("ntlm/") || $0.hasPrefix("secret/") }
        XCTAssertEqual(ours.count, 14)
        for id in ours { XCTAssertTrue(fired.contains(id), "\(id) never fired, so its output was not checked for leaks") }
    }

    func testRuleExamplesNeverPrintTheirPasswords() {
        let examplePassword = "Tr0ub4dor&3-krakenlint-example"
        for rule in RuleRegistry.allDescriptions {
            for example in rule.triggeringExamples + rule.nonTriggeringExamples where example.source.contains(examplePassword) {
                let report = Self.lint(example.source, format: example.format, edition: example.edition)
                for (name, reporter) in Self.reporters {
                    let output = reporter.render(Run(reports: [report], toolVersion: "test"))
                    XCTAssertFalse(output.contains(examplePassword), "\(name) leaks the password of an example of \(rule.id) (\(example.file):\(example.line))")
                }
            }
        }
    }

    func testEveryFormatIsCovered() {
        XCTAssertGreaterThanOrEqual(Self.reporters.count, ReportFormat.allCases.count * 2)
    }

    func testTheTextReporterStillShowsTheMaskedLine() {
        let report = Self.lint(Self.configurations[0].text, format: .json, edition: nil)
        let output = TextReporter().render(Run(reports: [report], toolVersion: "test"))
        XCTAssertTrue(output.contains(SecretValue.mask), "the snippet should show the mask where the password was")
        XCTAssertTrue(output.contains("ntlm/plaintext-password"))
    }

    static func lint(_ text: String, format: SourceFormat, edition: Edition?) -> FileReport {
        let file = SourceFile(path: "leak.\(format.rawValue)", format: format, text: text)
        return Linter(options: LintOptions(edition: edition)).lint(file)
    }
}
