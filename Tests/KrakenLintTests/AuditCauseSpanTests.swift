import ConfigTree
@testable import KrakenLint
import XCTest

/// Rules that fire thousands of times hand over the span they already hold; it must be the one the
/// pointer resolves to, where the finding would otherwise be placed.
final class AuditCauseSpanTests: XCTestCase {
    static let configs: [(String, SourceFormat)] = [
        (#"""
        {"version": 3, "timeout": "4s", "endpoints": [
          {"endpoint": "/a", "method": "POST", "timeout": "90s", "backend": [
            {"url_pattern": "/a", "host": ["http://a"], "extra_config": {"qos/http-cache": {"shared": true}}},
            {"url_pattern": "/b", "host": ["http://b"], "extra_config": {"qos/http-cache": {"max_items": 1}, "qos/http-cache": true}}]},
          {"endpoint": "/b", "method": "PUT", "backend": [
            {"url_pattern": "/a", "host": ["http://a"]}, {"url_pattern": "/c", "host": ["http://c"]}], "backend": [
            {"url_pattern": "/a", "host": ["http://a"]}, {"url_pattern": "/c", "host": ["http://c"]}]}]}
        """#, .json),
        ("version: 3\ntimeout: 6s\nendpoints:\n  - endpoint: /a\n    method: DELETE\n    backend:\n      - url_pattern: /a\n        host: [http://a]\n        extra_config:\n          qos/http-cache:\n            max_items: 10\n            max_size: 10\n      - url_pattern: /b\n        host: [http://b]\n  - endpoint: /b\n    timeout: 31s\n    backend:\n      - url_pattern: /b\n        host: [http://b]\n", .yaml),
    ]

    func testGivenSpansAreWherePointersResolve() throws {
        var checked = 0
        for (text, format) in Self.configs {
            let file = SourceFile(path: "c.\(format.rawValue)", format: format, text: text)
            let root = try XCTUnwrap(ConfigLoader.load(file, limits: .default).root)
            let service = ServiceModel(canonicalNamespace: LegacyNamespaces.canonical).service(root)
            let facts = AuditFacts(root: root, service: service, format: format)
            for rule in AuditRules.all {
                for cause in rule.evaluate(facts) {
                    guard let span = cause.span else { continue }
                    XCTAssertEqual(span, AuditCollector.span(about: cause.pointer, in: root), "\(rule.id) at \(cause.pointer)")
                    XCTAssertEqual(span, root.keySpan(at: cause.pointer) ?? root.resolve(cause.pointer)?.span, "\(rule.id) at \(cause.pointer)")
                    checked += 1
                }
            }
        }
        XCTAssertGreaterThanOrEqual(checked, 10, "the configurations fire 2.3.1, 5.1.6 and the timeout rules")
    }
}

/// The audit's shortcut for endpoint names gives KrakenDText's text, or leaves the endpoint to it.
final class AuditEndpointNameTests: XCTestCase {
    func testThePlainNameIsKrakenDTextsName() throws {
        let paths = ["/a", "/users/{id}", "", "/q\"uote", "/back\\slash", "/tab\there", "/café", String(repeating: "x", count: 120), String(repeating: "y", count: 121)]
        let methods = ["GET", "post", "PUT", "Patch", "DELETE"]
        var plain = 0
        for path in paths {
            for method in methods {
                let backend = "[{\"url_pattern\": \"/a\", \"host\": [\"http://a\"]}]"
                let text = "{\"version\": 3, \"endpoints\": [{\"endpoint\": \(jsonString(path)), \"method\": \(jsonString(method)), \"backend\": \(backend)}]}"
                let root = try XCTUnwrap(ConfigLoader.load(SourceFile(path: "e.json", format: .json, text: text), limits: .default).root)
                let endpoint = try XCTUnwrap(ServiceModel(canonicalNamespace: LegacyNamespaces.canonical).service(root).endpoints.first)
                if let name = AuditFacts.plainName(of: endpoint) {
                    XCTAssertEqual(name, KrakenDText.endpoint(endpoint), "\(method) \(path)")
                    plain += 1
                }
                XCTAssertEqual(AuditFacts(root: root, service: ServiceModel(canonicalNamespace: LegacyNamespaces.canonical).service(root), format: .json)
                    .name(of: endpoint), KrakenDText.endpoint(endpoint), "\(method) \(path)")
            }
        }
        XCTAssertGreaterThanOrEqual(plain, 9)
    }

    private func jsonString(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\t", with: "\\t") + "\""
    }
}

/// The audit's facts gathered endpoint by endpoint in the lint walk are the facts gathered from the service at
/// the end: workflows inside backends are walked but not audited, and a gathering that holds other endpoints
/// than the service's is not used.
final class AuditEndpointFactsTests: XCTestCase {
    func testTheWalkGathersWhatTheServiceGives() throws {
        let workflow = #"""
            {"version": 3, "endpoints": [
              {"endpoint": "/w", "method": "POST", "timeout": "bad", "backend": [
                {"url_pattern": "/x", "host": ["http://x"], "extra_config": {"workflow": {"endpoint": "/inner", "timeout": "9s", "backend": [
                  {"url_pattern": "/y", "method": "DELETE", "host": ["http://y"], "extra_config": {"qos/http-cache": {}}}]}}},
                {"url_pattern": "/z", "host": ["http://z"], "extra_config": {"backend/grpc": {}, "qos/http-cache": {"shared": true}}}]},
              {"endpoint": "/v", "timeout": 4000000000, "backend": [{"url_pattern": "/v", "host": ["http://v"], "method": "PATCH"}]}]}
            """#
        var compared = 0
        for (text, format) in AuditCauseSpanTests.configs + [(workflow, .json)] {
            let file = SourceFile(path: "c.\(format.rawValue)", format: format, text: text)
            let root = try XCTUnwrap(ConfigLoader.load(file, limits: .default).root)
            let service = ServiceModel(canonicalNamespace: LegacyNamespaces.canonical).service(root)
            let context = LintContext(file: file, root: root, service: service, options: LintOptions())
            let collector = AuditCollector()
            Traversal(rules: [collector], context: context).run()
            XCTAssertEqual(collector.gathered?.covers(service.endpoints), true, "the facts come from the walk, workflows left out")
            let walked = try XCTUnwrap(context.auditFacts)
            let atTheEnd = AuditFacts(root: root, service: service, format: format)
            XCTAssertEqual(walked.timeoutMilliseconds, atTheEnd.timeoutMilliseconds)
            XCTAssertEqual(walked.ownTimeout, atTheEnd.ownTimeout)
            XCTAssertEqual(walked.undecodableTimeouts, atTheEnd.undecodableTimeouts)
            XCTAssertEqual(walked.stateChangingBackends, atTheEnd.stateChangingBackends)
            XCTAssertEqual(walked.httpCaches.map(\.block.pointer), atTheEnd.httpCaches.map(\.block.pointer))
            XCTAssertEqual(walked.endpointFields.map(\.backendCount), atTheEnd.endpointFields.map(\.backendCount))
            XCTAssertEqual(walked.endpoints.count, service.endpoints.count, "workflows are not audited")

            var gathered = AuditEndpointFacts(root: root, capacity: service.endpoints.count)
            for endpoint in service.endpoints { gathered.add(endpoint) }
            XCTAssertTrue(gathered.covers(service.endpoints))
            var partial = AuditEndpointFacts(root: root, capacity: 1)
            partial.add(service.endpoints[service.endpoints.count - 1])
            XCTAssertFalse(partial.covers(service.endpoints), "another list of endpoints is gathered again")
            XCTAssertEqual(AuditFacts(root: root, service: service, format: format, gathered: partial).timeoutMilliseconds, atTheEnd.timeoutMilliseconds)
            compared += 1
        }
        XCTAssertEqual(compared, 3)
    }
}
