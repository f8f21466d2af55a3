import ConfigTree
import Foundation
@testable import KrakenLint
import TestPeers
import XCTest

/// Edge cases of the `krakend/*` rules beyond their documented examples, and the helpers that mirror
/// KrakenD's own checks.
final class KrakenDRulesTests: XCTestCase {
    // MARK: - Host sanitizer (runtime-checks.md 2.1)

    func testHostSanitizerAcceptsTheDocumentedValidEntries() {
        for entry in ["http://localhost:8080", "localhost:8080", "10.0.0.1:9000", "https://api.example.com/", "http://host:8080/", "http://host_x", "http://host:80000", "${HOST}"] {
            XCTAssertTrue(HostSanitizer.accepts(entry), entry)
        }
    }

    func testHostSanitizerRefusesTheDocumentedInvalidEntries() {
        for entry in ["http://api.example.com/v1", "", "http://[::1]:8080", "http://user:pass@host", "http://host:8", "consul://svc", "amqp://guest:guest@rabbit:5672", "HTTP://host", "http://{{.host}}", "http://host:1234567"] {
            XCTAssertFalse(HostSanitizer.accepts(entry), entry)
        }
    }

    // MARK: - listen_ip (Go net.ParseIP)

    func testListenIPAcceptsWhatGoParsesAsAnAddress() {
        for text in ["0.0.0.0", "255.255.255.255", "::", "::1", "1::", "2001:db8::1", "1:2:3:4:5:6:7:8", "::ffff:10.0.0.1", "1:2:3:4:5:6:1.2.3.4", "FE80::ABCD"] {
            XCTAssertTrue(GoIPAddress.isValid(text), text)
        }
    }

    func testListenIPRefusesNamesPortsZonesAndMalformedAddresses() {
        for text in ["localhost", "1.2.3", "1.2.3.4.5", "256.0.0.1", "01.2.3.4", "1.2.3.4:80", "fe80::1%eth0", ":::", "1::2::3", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7::8", "12345::", "1:2:3:4:5:1.2.3.4", ":1", "1:", "[::1]", " 1.2.3.4"] {
            XCTAssertFalse(GoIPAddress.isValid(text), text)
        }
    }

    // MARK: - Paths and placeholders (2.2 – 2.4)

    func testPathNormalisationAddsOneLeadingSlash() {
        XCTAssertEqual(EndpointPaths.normalized("foo"), "/foo")
        XCTAssertEqual(EndpointPaths.normalized("/foo"), "/foo")
        XCTAssertEqual(EndpointPaths.normalized("//foo"), "//foo")
        XCTAssertEqual(EndpointPaths.normalized(""), "/")
    }

    func testForbiddenPathsFollowTheRuntimePattern() {
        for path in ["/__health", "/__debug", "/__echo/x/y", "/api/__health", "/a*b", "/__health/"] {
            XCTAssertNotNil(EndpointPaths.forbiddenReason(path), path)
        }
        for path in ["/__debugger", "/__catchall", "/a/*", "/health", "/__health/x\ny", "/a*\n"] {
            XCTAssertNil(EndpointPaths.forbiddenReason(path), path)
        }
    }

    func testInputParametersNeedASlashBeforeTheBraceUnlessRESTIsDisabled() {
        XCTAssertEqual(EndpointPaths.inputParameters(of: "/users/{id}.json/{x-y_z}", disableREST: false), ["id", "x-y_z"])
        XCTAssertEqual(EndpointPaths.inputParameters(of: "/users/user-{id}", disableREST: false), [])
        XCTAssertEqual(EndpointPaths.inputParameters(of: "/users/user-{id}/{a.b}", disableREST: true), ["id", "a.b"])
        XCTAssertEqual(EndpointPaths.inputParameters(of: "/{a.b}", disableREST: false), [])
    }

    func testOutputPlaceholdersIncludeTheQueryStringWithoutDuplicates() {
        XCTAssertEqual(EndpointPaths.outputPlaceholders(of: "/u/{id}/{id}?q={JWT.sub}&r={resp0_a.b}"), ["id", "JWT.sub", "resp0_a.b"])
        XCTAssertEqual(EndpointPaths.outputPlaceholders(of: "/u/{}/{a b}/{{x}}"), ["x"])
    }

    func testRepeatsAreDroppedInOrderFromShortAndLongLists() {
        XCTAssertEqual(EndpointPaths.firstOfEach(["b", "a", "b", "c", "a"]), ["b", "a", "c"])
        let long = (0..<40).map { "p\($0 % 25)" }
        XCTAssertGreaterThan(long.count, EndpointPaths.shortList)
        XCTAssertEqual(EndpointPaths.firstOfEach(long), (0..<25).map { "p\($0)" })
        let pattern = "/x/" + long.map { "{\($0)}" }.joined(separator: "/")
        XCTAssertEqual(EndpointPaths.outputPlaceholders(of: pattern), (0..<25).map { "p\($0)" })
    }

    func testExemptPlaceholdersAreSequentialResultsAndJWTClaims() {
        for name in ["resp0_id", "resp12_a.b", "JWT.sub", "JWT.realm_access.roles", "resp1_xJWT.a"] {
            XCTAssertTrue(EndpointPaths.isExempt(name), name)
        }
        for name in ["resp0", "resp_x", "resp0_", "JWT.", "jwt.sub", "id", "respx_1"] {
            XCTAssertFalse(EndpointPaths.isExempt(name), name)
        }
    }

    func testRouterPathTurnsInputParametersIntoColonWildcardsBeforeTheQuery() {
        XCTAssertEqual(EndpointPaths.routerPath("/a/{id}/b/{id}?x={id}", parameters: ["id"]), "/a/:id/b/:id?x={id}")
        XCTAssertEqual(EndpointPaths.routerPath("/a/user-{id}", parameters: []), "/a/user-{id}")
    }

    // MARK: - Router table (gin)

    func testRouterRefusesADifferentWildcardAfterTheSamePrefix() {
        var table = RouterTable()
        XCTAssertNil(table.register(.init(method: "GET", path: "/a/:id", owner: 0)))
        XCTAssertNil(table.register(.init(method: "GET", path: "/a/new", owner: 1)))
        XCTAssertNil(table.register(.init(method: "GET", path: "/a/:id/b", owner: 2)))
        XCTAssertNil(table.register(.init(method: "POST", path: "/a/:name", owner: 3)))
        XCTAssertEqual(table.register(.init(method: "GET", path: "/a/:ids", owner: 4)), .wildcardConflict(owner: 0, existing: ":id", new: ":ids"))
        XCTAssertEqual(table.register(.init(method: "GET", path: "/a/:id/:x", owner: 5)), nil)
        XCTAssertEqual(table.register(.init(method: "GET", path: "/a/:id/:y/z", owner: 6)), .wildcardConflict(owner: 5, existing: ":x", new: ":y"))
        XCTAssertEqual(table.register(.init(method: "GET", path: "/a/new", owner: 7)), .duplicate(owner: 1))
    }

    func testRouterRefusesUnnamedWildcardsAndTwoWildcardsInOneSegment() {
        XCTAssertEqual(RouterTable.malformedWildcard(in: "/a/:"), ":")
        XCTAssertEqual(RouterTable.malformedWildcard(in: "/a/:/b"), ":")
        XCTAssertEqual(RouterTable.malformedWildcard(in: "/v1/:a::b"), ":a::b")
        XCTAssertNil(RouterTable.malformedWildcard(in: "/v1/users:batchGet/:id"))
    }

    // MARK: - Messages

    func testHostMessagesNeverShowCredentials() {
        let shown = KrakenDText.host("amqp://guest:s3cret@rabbit:5672")
        XCTAssertFalse(shown.contains("s3cret"), shown)
        XCTAssertTrue(shown.contains("rabbit:5672"), shown)
    }

    func testInvalidHostFindingDoesNotLeakTheURLPassword() throws {
        let json = #"{"version": 3, "host": ["http://admin:hunter2@api/v1"]}"#
        let findings = try lint(json, format: .json).filter { $0.ruleID == InvalidHostRule.id }
        XCTAssertEqual(findings.count, 1)
        XCTAssertFalse(findings.contains { $0.message.contains("hunter2") || ($0.fix ?? "").contains("hunter2") })
    }

    // MARK: - Whole configurations

    func testJSONAndYAMLGiveTheSameFindings() throws {
        let json = #"""
            {"version": 3, "listen_ip": "localhost", "output_encoding": "no-op",
             "extra_config": {"github_com/devopsfaith/krakend-gologging": {"level": "INFO"}, "auth/basic": {}},
             "endpoints": [
               {"endpoint": "/__health", "backend": [{"url_pattern": "/h", "host": ["http://a/b"]}]},
               {"endpoint": "/u/{id}", "backend": [{"url_pattern": "/u/{user}"}, {"url_pattern": "/v"}]},
               {"endpoint": "/u/{name}/x", "backend": null}
             ]}
            """#
        let yaml = """
            version: 3
            listen_ip: localhost
            output_encoding: no-op
            extra_config:
              github_com/devopsfaith/krakend-gologging:
                level: INFO
              auth/basic: {}
            endpoints:
              - endpoint: /__health
                backend:
                  - url_pattern: /h
                    host: [http://a/b]
              - endpoint: /u/{id}
                backend:
                  - url_pattern: /u/{user}
                  - url_pattern: /v
              - endpoint: /u/{name}/x
                backend:
            """
        let fromJSON = try lint(json, format: .json, edition: .ce).filter { $0.ruleID.hasPrefix("krakend/") }
        let fromYAML = try lint(yaml, format: .yaml, edition: .ce).filter { $0.ruleID.hasPrefix("krakend/") }
        let summary: ([Diagnostic]) -> [String] = { $0.map { "\($0.ruleID) \($0.pointer)" }.sorted() }
        XCTAssertEqual(summary(fromJSON), summary(fromYAML))
        XCTAssertEqual(Set(fromJSON.map(\.ruleID)), [
            InvalidListenIPRule.id, LegacyNamespaceRule.id, EnterpriseOnlyRule.id, InvalidEndpointPathRule.id, InvalidHostRule.id,
            UndefinedURLParamRule.id, NoOpMultipleBackendsRule.id, BackendWithoutHostRule.id, EndpointWithoutBackendsRule.id, RouteCollisionRule.id,
        ])
    }

    func testALegacyNamespaceIsSeenUnderItsCurrentNameByEveryRule() throws {
        let json = #"""
            {"version": 3, "endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/a", "host": ["http://a"]}],
              "extra_config": {"github.com/devopsfaith/krakend-jose/validator": {"alg": "RS256"}}}]}
            """#
        let file = SourceFile(path: "legacy.json", format: .json, text: json)
        let linted = Linter().lintedFile(file)
        let legacy = linted.report.diagnostics.filter { $0.ruleID == LegacyNamespaceRule.id }
        XCTAssertEqual(legacy.count, 1)
        XCTAssertTrue(legacy.first?.message.contains("\"auth/validator\"") == true, legacy.first?.message ?? "")
        XCTAssertEqual(linted.service?.endpoints.count, 1, "the linted file carries the typed model it was linted with")
        let endpoint = try XCTUnwrap(linted.service?.endpoints.first)
        let namespace = try XCTUnwrap(endpoint.extraConfig?.namespace("auth/validator"))
        XCTAssertEqual(namespace.writtenName, "github.com/devopsfaith/krakend-jose/validator")
        XCTAssertEqual(namespace.node["alg"]?.string, "RS256")
    }

    func testWorkflowBackendsAreNotCheckedLikeEndpointBackends() throws {
        let json = #"""
            {"version": 3, "endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/a", "host": ["http://a"],
              "extra_config": {"workflow": {"endpoint": "/__health", "backend": [
                {"url_pattern": "/w/{missing}", "host": ["http://x/y"]}, {"url_pattern": "/z"}]}}}]}]}
            """#
        let findings = try lint(json, format: .json).filter { $0.ruleID.hasPrefix("krakend/") }
        XCTAssertEqual(findings.map(\.ruleID), [])
    }

    func testAsyncAgentBackendsGetHostChecksButNoURLParameterCheck() throws {
        let json = #"""
            {"version": 3, "async_agent": [{"name": "a", "consumer": {"topic": "t"}, "extra_config": {"async/amqp": {}},
              "backend": [{"url_pattern": "/q/{x}", "host": ["http://h/path"]}, {"url_pattern": "/r/{y}"}]}]}
            """#
        let findings = try lint(json, format: .json).filter { $0.ruleID.hasPrefix("krakend/") }
        XCTAssertEqual(findings.map(\.ruleID).sorted(), [BackendWithoutHostRule.id, InvalidHostRule.id])
        XCTAssertEqual(findings.first { $0.ruleID == InvalidHostRule.id }?.pointer.description, "/async_agent/0/backend/0/host/0")
    }

    func testEnterpriseOnlyDependsOnTheLevelAndTheEdition() throws {
        let json = #"""
            {"version": 3, "extra_config": {"telemetry/opentelemetry": {}, "telemetry/logging": {}},
             "endpoints": [{"endpoint": "/a", "extra_config": {"telemetry/opentelemetry": {}},
               "backend": [{"url_pattern": "/a", "host": ["http://a"], "extra_config": {"telemetry/logging": {}, "auth/ntlm": {}}}]}]}
            """#
        let underCE = try lint(json, format: .json, edition: .ce).filter { $0.ruleID == EnterpriseOnlyRule.id }
        XCTAssertEqual(underCE.map(\.pointer.description).sorted(), [
            "/endpoints/0/backend/0/extra_config/telemetry~1logging",
            "/endpoints/0/extra_config/telemetry~1opentelemetry",
        ])
        XCTAssertEqual(try lint(json, format: .json, edition: .ee).filter { $0.ruleID == EnterpriseOnlyRule.id }.count, 0)
        XCTAssertEqual(try lint(json, format: .json).filter { $0.ruleID == EnterpriseOnlyRule.id }.count, 0)
    }

    func testHugePathsAndPatternsGiveBoundedMessages() throws {
        let count = 20_000
        let path = (0..<count).map { "/:p\($0)" }.joined()
        let pattern = (0..<count).map { "/{q\($0)}" }.joined()
        let almostReserved = String(repeating: "/__debugx", count: count)
        let json = #"{"version": 3, "endpoints": ["#
            + #"{"endpoint": "\#(path)", "backend": [{"url_pattern": "\#(pattern)", "host": ["http://a"]}]},"#
            + #"{"endpoint": "\#(path)/x", "backend": [{"url_pattern": "/b", "host": ["http://a"]}]},"#
            + #"{"endpoint": "\#(almostReserved)", "backend": [{"url_pattern": "/c", "host": ["http://a"]}]}]}"#
        let findings = try lint(json, format: .json).filter { $0.ruleID.hasPrefix("krakend/") }
        XCTAssertEqual(findings.map(\.ruleID), [UndefinedURLParamRule.id])
        let message = try XCTUnwrap(findings.first?.message)
        XCTAssertTrue(message.contains("and 19995 more"), message)
        XCTAssertLessThan(message.utf8.count, 2_000)
    }

    // MARK: - Tables against the schema files

    func testALegacyNamespaceSpelledWithAnEscapeIsStillRenamed() throws {
        // The renaming walk is skipped when the file cannot spell a legacy name; a \u escape can.
        let json = #"{"version": 3, "extra_config": {"\u0067ithub_com/devopsfaith/krakend-cors": {"allow_origins": ["*"], "max_age": "12h"}}}"#
        let diagnostics = try lint(json, format: .json)
        XCTAssertEqual(diagnostics.map(\.ruleID), [LegacyNamespaceRule.id], diagnostics.map(\.message).joined(separator: "\n"))
        let wrong = try lint(#"{"version": 3, "extra_config": {"\u0067ithub_com/devopsfaith/krakend-cors": {"allow_origins": ["*"], "max_age": 12}}}"#, format: .json)
        XCTAssertEqual(Set(wrong.map(\.ruleID)), [LegacyNamespaceRule.id, "schema/type"], "validated as security/cors")
    }

    func testLegacyNamesShareOnePrefixSoOneByteSearchFindsThemAll() {
        XCTAssertEqual(LegacyNamespaces.sharedPrefix, "github")
        XCTAssertTrue(LegacyNamespaces.table.keys.allSatisfy { $0.hasPrefix(LegacyNamespaces.sharedPrefix) })
        XCTAssertTrue(LegacyNamespaceRule.unaliased.keys.allSatisfy { $0.hasPrefix(LegacyNamespaces.sharedPrefix) })
        XCTAssertFalse(LegacyNamespaces.mayOccur(in: SourceFile(path: "a.json", format: .json, text: #"{"version": 3}"#)))
        XCTAssertTrue(LegacyNamespaces.mayOccur(in: SourceFile(path: "a.yaml", format: .yaml, text: "extra_config:\n  github_com/x: {}\n")))
    }

    func testLegacyTableHasTheThirtyFourDocumentedAliases() {
        XCTAssertEqual(LegacyNamespaces.table.count, 34)
        XCTAssertEqual(LegacyNamespaces.currentName(for: "github_com/devopsfaith/krakend-cors"), "security/cors")
        XCTAssertNil(LegacyNamespaces.currentName(for: "github.com/devopsfaith/krakend-cors"), "the spelling matters")
        XCTAssertTrue(LegacyNamespaces.table.values.allSatisfy { !NamespaceCatalog.levels(of: $0).isEmpty }, "every current name is a known namespace")
    }

    func testLegacyTableMatchesTheRuntimeAliasList() throws {
        let url = try TestPeers.requireShared("krakend/runtime-checks.md", for: "the runtime-checks coverage test")
        let text = try String(contentsOf: url, encoding: .utf8)
        var documented: [String: String] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("| `github") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "`")) }
            guard cells.count == 2 else { continue }
            documented[cells[0]] = cells[1]
        }
        XCTAssertEqual(documented.count, 34)
        XCTAssertEqual(LegacyNamespaces.table, documented)
    }

    func testNamespaceCatalogAgreesWithTheReferenceMatrix() throws {
        let url = try TestPeers.requireShared("krakend/config-reference.md", for: "the config-reference coverage test")
        let text = try String(contentsOf: url, encoding: .utf8)
        // The async agent column is left out: the bundled schema does not flag async/kafka there (reported).
        let columns: [(index: Int, level: NamespaceLevel)] = [(1, .service), (2, .endpoint), (3, .backend), (4, .workflow)]
        var rows = 0
        for line in text.split(separator: "\n") where line.hasPrefix("| [`") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 7, let open = cells[0].firstIndex(of: "`") else { continue }
            let name = String(cells[0][cells[0].index(after: open)...].prefix { $0 != "`" })
            let flag = cells[6]
            rows += 1
            for (index, level) in columns {
                let accepted = cells[index] == "✔"
                let info = NamespaceCatalog.info(name, at: level)
                XCTAssertEqual(info != nil, accepted, "\(name) at \(level)")
                guard let info, accepted else { continue }
                let expected: Bool
                if flag.hasPrefix("yes at ") {
                    let enterpriseLevels = flag.dropFirst("yes at ".count).prefix { $0 != ";" }.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                    expected = enterpriseLevels.contains(level.rawValue)
                } else {
                    expected = flag.hasPrefix("yes")
                }
                XCTAssertEqual(info.isEnterpriseOnly, expected, "Enterprise flag of \(name) at \(level)")
            }
        }
        XCTAssertEqual(rows, 81)
    }

    // MARK: - Helpers

    private func lint(_ text: String, format: SourceFormat, edition: Edition? = nil) throws -> [Diagnostic] {
        let file = SourceFile(path: "test.\(format.rawValue)", format: format, text: text)
        let report = Linter(options: LintOptions(edition: edition)).lint(file)
        // A test input the reader refuses is a broken test, never a reason to skip it.
        guard report.isReadable else {
            struct Unreadable: Error, CustomStringConvertible { let description: String }
            throw Unreadable(description: "the \(format.rawValue) test input does not parse: \(report.diagnostics.first?.message ?? "")")
        }
        return report.diagnostics
    }
}
