import ConfigTree
@testable import KrakenLint
import XCTest

final class TraversalTests: XCTestCase {
    func testRulesThatNameTheirNamespacesNameKnownOnes() {
        for rule in RuleRegistry.visitorRules {
            guard case .named(let names) = rule.visitedNamespaces else { continue }
            for name in names {
                XCTAssertFalse(NamespaceCatalog.levels(of: name).isEmpty, "\(rule.id) asks for unknown namespace \(name)")
            }
        }
    }

    func testANamespaceRuleIsCalledOnlyForTheNamespacesItAsksFor() throws {
        let text = #"""
            {"version": 3, "extra_config": {"auth/ntlm": {}, "router": {}},
             "endpoints": [{"endpoint": "/a", "extra_config": {"proxy": {}},
                            "backend": [{"host": ["http://h"], "url_pattern": "/", "extra_config": {"auth/ntlm": {}, "qos/http-cache": {}}}]}]}
            """#
        let file = SourceFile(path: "t.json", format: .json, text: text)
        let root = try XCTUnwrap(ConfigLoader.load(file).root)
        let context = LintContext(file: file, root: root, service: ServiceModel().service(root), options: LintOptions())
        let only = OnlyNTLM()
        let every = EveryNamespace()
        let undeclared = Undeclared()
        Traversal(rules: [only, every, undeclared], context: context).run()
        XCTAssertEqual(only.seen, ["auth/ntlm", "auth/ntlm"])
        XCTAssertEqual(every.seen, ["auth/ntlm", "router", "proxy", "auth/ntlm", "qos/http-cache"])
        XCTAssertEqual(undeclared.seen, [], "a rule that does not declare namespaces is not called for any")
    }
}

private final class OnlyNTLM: Rule {
    static let description = RuleDescription(id: "test/only-ntlm", severity: .info, summary: "test", explanation: "test", fix: "none", triggering: [], nonTriggering: [])
    static let visitedNamespaces = VisitedNamespaces.named(["auth/ntlm"])
    var seen: [String] = []
    init() {}
    func visitNamespace(_ namespace: NamespaceView, in context: LintContext) { seen.append(namespace.name) }
}

private final class EveryNamespace: Rule {
    static let description = RuleDescription(id: "test/every", severity: .info, summary: "test", explanation: "test", fix: "none", triggering: [], nonTriggering: [])
    static let visitedNamespaces = VisitedNamespaces.all
    var seen: [String] = []
    init() {}
    func visitNamespace(_ namespace: NamespaceView, in context: LintContext) { seen.append(namespace.name) }
}

private final class Undeclared: Rule {
    static let description = RuleDescription(id: "test/undeclared", severity: .info, summary: "test", explanation: "test", fix: "none", triggering: [], nonTriggering: [])
    var seen: [String] = []
    init() {}
    func visitNamespace(_ namespace: NamespaceView, in context: LintContext) { seen.append(namespace.name) }
}
