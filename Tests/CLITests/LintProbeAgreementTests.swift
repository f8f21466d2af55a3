import ConfigTree
import Foundation
import KrakenLint
import NTLMProbe
import TestPeers
import XCTest

/// `lint` and `probe` read a configuration through one model: for every configuration of the shared corpus,
/// with an `auth/ntlm` block added to every backend so the prober looks at all of them, the hosts the rules
/// see for a backend (its own, else the root's) are the hosts the prober targets.
final class LintProbeAgreementTests: XCTestCase {
    func testLintAndProbeSeeTheSameHostsForEveryCorpusConfiguration() throws {
        let corpus = try TestPeers.requireShared("corpus/configs", for: "the lint/probe agreement test")
        let names = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { SourceFormat(fileName: $0) != nil }.sorted()
        XCTAssertGreaterThan(names.count, 10)
        var compared = 0
        for name in names {
            let bytes = try [UInt8](Data(contentsOf: corpus.appendingPathComponent(name)))
            let file = SourceFile(path: name, format: SourceFormat(fileName: name) ?? .json, bytes: bytes)
            guard let original = ConfigLoader.load(file).root else { continue }
            let root = Self.withNTLMOnEveryBackend(original)
            let lint = Self.lintHosts(Linter().model.service(root))
            var probe: [String: [String]] = [:]
            for target in TargetExtractor.targets(in: root, of: file) {
                probe[target.pointer, default: []] += target.hostEntry.components(separatedBy: ", ").filter { !$0.isEmpty }
            }
            XCTAssertEqual(probe, lint, "\(name): probe targets and lint's effective hosts differ")
            compared += lint.count
        }
        XCTAssertGreaterThan(compared, 50, "the corpus has backends to compare")
    }

    /// The JSON pointer of every backend the rules visit, with the hosts `LintContext.effectiveHosts` gives it.
    static func lintHosts(_ service: ServiceView) -> [String: [String]] {
        var hosts: [String: [String]] = [:]
        func visit(_ backends: [BackendView]) {
            for backend in backends {
                let effective = backend.hosts.isEmpty ? service.hosts : backend.hosts
                hosts[backend.pointer.description] = effective.map { BackendHost.masked($0.value) }
                if let workflow = backend.workflow { visit(workflow.backends) }
            }
        }
        for endpoint in service.endpoints { visit(endpoint.backends) }
        for agent in service.asyncAgents { visit(agent.backends) }
        return hosts
    }

    /// `root` with `"auth/ntlm": {"user": "u", "password": "p"}` in the `extra_config` of every object of
    /// every `backend` list, wherever it is.
    static func withNTLMOnEveryBackend(_ node: Node) -> Node {
        switch node.value {
        case .object(let members):
            return Node(.object(members.map { member in
                var member = member
                if member.key == "backend", let list = member.value.elements {
                    member.value = Node(.array(list.map { withNTLM(withNTLMOnEveryBackend($0)) }), span: member.value.span)
                } else {
                    member.value = withNTLMOnEveryBackend(member.value)
                }
                return member
            }), span: node.span)
        case .array(let elements):
            return Node(.array(elements.map(withNTLMOnEveryBackend)), span: node.span)
        default:
            return node
        }
    }

    private static func withNTLM(_ backend: Node) -> Node {
        guard var members = backend.members else { return backend }
        let span = backend.span
        let block = Node(.object([
            Member(key: "user", keySpan: span, value: Node(.string("u"), span: span)),
            Member(key: "password", keySpan: span, value: Node(.string("p"), span: span)),
        ]), span: span)
        if let index = members.lastIndex(where: { $0.key == "extra_config" }), var extra = members[index].value.members {
            extra.removeAll { $0.key == "auth/ntlm" }
            extra.append(Member(key: "auth/ntlm", keySpan: span, value: block))
            members[index].value = Node(.object(extra), span: members[index].value.span)
        } else {
            members.append(Member(key: "extra_config", keySpan: span, value: Node(.object([Member(key: "auth/ntlm", keySpan: span, value: block)]), span: span)))
        }
        return Node(.object(members), span: span)
    }
}
