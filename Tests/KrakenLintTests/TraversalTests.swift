import ConfigTree
@testable import KrakenLint
import XCTest

final class TraversalTests: XCTestCase {
    func testRulesThatNameTheirNamespacesNameKnownOnes() {
        for rule in RuleRegistry.visitorRules {
            guard case .named(let names) = rule.visitedNamespaces else { continue }
            // Old names without an alias are the one kind of unknown name a rule may ask for (to report them).
            for name in names where LegacyNamespaceRule.unaliased[name] == nil {
                XCTAssertFalse(NamespaceCatalog.levels(of: name).isEmpty, "\(rule.id) asks for unknown namespace \(name)")
            }
        }
    }

    func testTheNameFilterNeverRejectsANameOfItsSet() {
        let names = ["auth/ntlm", "a", "", "ñ/x", String(repeating: "x", count: 70)]
        let filter = NameFilter(names)
        for name in names { XCTAssertTrue(filter.mayContain(name), name) }
        XCTAssertFalse(filter.mayContain("qos/circuit-breaker"), "no name of that length starts with q")
        XCTAssertFalse(filter.mayContain("bxxx/xxxx"), "no name starts with b")
        XCTAssertTrue(filter.mayContain(String(repeating: "x", count: 90)), "long names share a length bit")
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
