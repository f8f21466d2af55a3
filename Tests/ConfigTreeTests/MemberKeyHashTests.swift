import ConfigTree
import XCTest

/// Every member carries the hash of its key (`Member.keyHash`), which the schema engine's property tables look
/// names up by: it must be the hash of the key's text however the member was made or changed.
final class MemberKeyHashTests: XCTestCase {
    /// Every member of the tree, depth first.
    private func members(of node: Node) -> [Member] {
        switch node.value {
        case .object(let members): return members + members.flatMap { self.members(of: $0.value) }
        case .array(let elements): return elements.flatMap { members(of: $0) }
        default: return []
        }
    }

    private let keys = ["a", "", "qos/circuit-breaker", "exactly-15-bytes", "caf\u{E9}", "tab\there", "\u{1F600} emoji",
                        "a-key-long-enough-to-live-on-the-heap-of-its-own", "\u{0}nul"]

    func testTheReadersGiveEveryMemberTheHashOfItsKey() throws {
        // Keys written plainly and with escapes, short and long, repeated (the readers share repeated texts).
        let json = #"{"a": {"qos/circuit-breaker": 1, "caf\u00e9": [{"tab\there": 2, "\ud83d\ude00 emoji": 3}]}, "": null, "#
            + #""exactly-15-bytes": {"a-key-long-enough-to-live-on-the-heap-of-its-own": {"a": 1}}, "\u0000nul": true, "#
            + #""list": [{"qos/circuit-breaker": 4}, {"qos/circuit-breaker": 5}]}"#
        let (_, loaded) = load(json)
        let fromJSON = members(of: try XCTUnwrap(loaded.root))
        XCTAssertEqual(Set(fromJSON.map(\.key)), Set(keys + ["list"]))
        for member in fromJSON { XCTAssertEqual(member.keyHash, Member.hash(of: member.key), member.key) }

        let yaml = "a:\n  qos/circuit-breaker: 1\n  \"caf\\u00e9\":\n    - \"tab\\there\": 2\n      \"\\U0001F600 emoji\": 3\n\"\": ~\n"
            + "exactly-15-bytes:\n  a-key-long-enough-to-live-on-the-heap-of-its-own: {a: 1}\n"
            + "base: &base {qos/circuit-breaker: 4}\nmerged:\n  <<: *base\n  extra: 5\n"
        let (_, yamlLoaded) = load(yaml, format: .yaml)
        let fromYAML = members(of: try XCTUnwrap(yamlLoaded.root))
        XCTAssertTrue(Set(fromYAML.map(\.key)).isSuperset(of: ["qos/circuit-breaker", "caf\u{E9}", "tab\there", "\u{1F600} emoji", "extra"]))
        for member in fromYAML { XCTAssertEqual(member.keyHash, Member.hash(of: member.key), member.key) }
    }

    func testAMemberMadeOrRenamedInCodeCarriesTheHashOfItsKey() {
        var member = Member(key: "qos/ratelimit/router", keySpan: Span(at: 0), value: Node(.null, span: Span(at: 0)))
        XCTAssertEqual(member.keyHash, Member.hash(of: "qos/ratelimit/router"))
        member.key = "github.com/devopsfaith/krakend-ratelimit/juju/router"
        XCTAssertEqual(member.keyHash, Member.hash(of: "github.com/devopsfaith/krakend-ratelimit/juju/router"))
        XCTAssertNotEqual(member.keyHash, Member.hash(of: "qos/ratelimit/router"))
    }

    func testTheHashReadsTheTextNotItsSpelling() {
        // Equal texts hash equally however the strings were built; different texts (a trailing NUL) do not.
        let composed = "caf" + String(UnicodeScalar(0xE9)!)
        XCTAssertEqual(Member.hash(of: composed), Member.hash(of: "caf\u{E9}"))
        XCTAssertNotEqual(Member.hash(of: "ab"), Member.hash(of: "ab\u{0}"))
        XCTAssertEqual(Set(keys.map { Member.hash(of: $0) }).count, keys.count)
    }
}
