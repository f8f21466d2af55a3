@testable import ConfigTree
import XCTest

final class StringInternerTests: XCTestCase {
    private func key(_ text: String, in interner: inout StringInterner) -> String {
        var copy = text
        return copy.withUTF8 { interner.string($0, hash: RepeatedKeys.hash($0)) }
    }

    func testEveryKeyComesBackWithItsOwnTextShortOrLong() {
        var interner = StringInterner.forKeys(inputSize: 1 << 20)
        for text in ["a", "endpoint", "qos/circuit-breaker", "allow_insecure_connections", "qos/circuit-breaker", "ñandú/ñandú/ñandú"] {
            XCTAssertEqual(key(text, in: &interner), text)
        }
    }

    func testMoreDistinctLongKeysThanSlotsStillComeBackIntact() {
        var interner = StringInterner.forKeys(inputSize: 1 << 20)
        for round in 0..<2 {
            for index in 0..<10_000 {
                let text = "namespace/number-\(index)"
                XCTAssertEqual(key(text, in: &interner), text, "round \(round)")
            }
        }
    }

    func testCollidingHashesDoNotMixUpKeys() {
        var interner = StringInterner.forKeys(inputSize: 1 << 20)
        let first = "first-long-key-text"
        let second = "other-long-key-text"
        var a = first
        var b = second
        // Same (forged) hash for two different texts: the bytes decide.
        XCTAssertEqual(a.withUTF8 { interner.string($0, hash: 42) }, first)
        XCTAssertEqual(b.withUTF8 { interner.string($0, hash: 42) }, second)
        XCTAssertEqual(a.withUTF8 { interner.string($0, hash: 42) }, first)
    }

    func testCollidingHashesDoNotMixUpShortKeys() {
        // Short keys are kept in the key table too: a hash match alone must not return another key.
        var interner = StringInterner.forKeys(inputSize: 1 << 20)
        var a = "host", b = "port"
        XCTAssertEqual(a.withUTF8 { interner.string($0, hash: 7) }, "host")
        XCTAssertEqual(b.withUTF8 { interner.string($0, hash: 7) }, "port")
        XCTAssertEqual(b.withUTF8 { interner.string($0, hash: 7) }, "port")
        XCTAssertEqual(a.withUTF8 { interner.string($0, hash: 7) }, "host")
    }

    func testTablesGrowWithTheInputUpToTheirLimit() {
        XCTAssertEqual(StringInterner.slots(for: 600, atMost: 4096), 64, "a small file gets a small table")
        XCTAssertEqual(StringInterner.slots(for: 10_000_000, atMost: 4096), 4096)
        XCTAssertEqual(StringInterner.slots(for: 100_000, atMost: 16_384), 4096)
    }

    func testValuesLongerThanTheLimitAreNotSharedButComeBackIntact() {
        var interner = StringInterner(slotCount: 8, maxLength: 20)
        for text in ["short", "exactly-twenty-bytes", "twenty-one-bytes-long", String(repeating: "x", count: 5000)] {
            var copy = text
            XCTAssertEqual(copy.withUTF8 { interner.string($0) }, text)
        }
    }

    func testRepeatedLongValuesLoadAsEqualStringsInJSONAndYAML() {
        let url = "https://idp.example.com/jwks.json"
        let (_, json) = load(#"{"a": ["\#(url)", "\#(url)", "https://idp.example.com/jwks.jsonx"]}"#)
        XCTAssertEqual(json.root?["a"]?.elements?.compactMap(\.string), [url, url, url + "x"])
        let (_, yaml) = load("a:\n  - \(url)\n  - '\(url)'\n  - \(url)x\n", format: .yaml)
        XCTAssertEqual(yaml.root?["a"]?.elements?.compactMap(\.string), [url, url, url + "x"])
    }

    func testTreeNodesStayCompact() {
        // Every member of every object is stored inline in its object's array: its size is the tree's size.
        // Spans are two 32-bit offsets; lines and columns come from the file when a finding is shown.
        XCTAssertEqual(MemoryLayout<Span>.size, 8)
        XCTAssertLessThanOrEqual(MemoryLayout<Node>.stride, 32)
        XCTAssertLessThanOrEqual(MemoryLayout<Member>.stride, 56)
    }

    func testLoadedTreesKeepRepeatedLongKeysAndDuplicateDetection() {
        let json = #"{"endpoints": [{"extra_config": {"qos/circuit-breaker": {"interval": 1}}}, {"extra_config": {"qos/circuit-breaker": {}, "qos/circuit-breaker": {"x": 2}}}]}"#
        let (_, result) = load(json)
        let second = result.root?["endpoints"]?[1]?["extra_config"]
        XCTAssertEqual(result.root?["endpoints"]?[0]?["extra_config"]?.members?.map(\.key), ["qos/circuit-breaker"])
        XCTAssertEqual(second?.members?.map(\.key), ["qos/circuit-breaker", "qos/circuit-breaker"])
        XCTAssertEqual(result.issues.map(\.code), [.duplicateKey], "the repeated long key is still reported")
        let yaml = "a:\n  qos/circuit-breaker: 1\nb:\n  qos/circuit-breaker: 2\n"
        let (_, yamlResult) = load(yaml, format: .yaml)
        XCTAssertEqual(yamlResult.root?["a"]?["qos/circuit-breaker"]?.number?.literal, "1")
        XCTAssertEqual(yamlResult.root?["b"]?["qos/circuit-breaker"]?.number?.literal, "2")
        let (_, repeated) = load(yaml + "  qos/circuit-breaker: 3\n", format: .yaml)
        XCTAssertNil(repeated.root, "YAML refuses the repeated key, as Go's yaml.v3 does")
        XCTAssertTrue(repeated.issues.last?.message.contains("mapping key \"qos/circuit-breaker\" already defined at line 4") == true,
                      repeated.issues.last?.message ?? "no issue")
    }
}
