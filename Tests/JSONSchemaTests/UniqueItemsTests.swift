import ConfigTree
import TestPeers
import XCTest
@testable import JSONSchema

/// `uniqueItems` finds the first pair of equal items (by the first item, then the second) with a path of its own
/// for short arrays of strings; every path must name the pair a plain comparison of all pairs names.
final class UniqueItemsTests: XCTestCase {
    /// The first equal pair by brute force, with `JSONEquality.equal`.
    private func referencePair(_ elements: [Node]) -> (Int, Int)? {
        for first in elements.indices {
            for second in (first + 1)..<elements.count where JSONEquality.equal(elements[first], elements[second]) {
                return (first, second)
            }
        }
        return nil
    }

    private func foundPair(_ elements: [Node]) -> (Int, Int)? {
        elements.withUnsafeBufferPointer { UniqueItems.firstDuplicate($0) }
    }

    private func string(_ text: String) -> Node { Node(.string(text), span: TestSupport.noSpan) }

    func testShortStringArraysNameThePairABruteForceSearchNames() {
        // Few distinct texts, so repeats are common: several of one length, two past the 15 bytes a string keeps
        // inline, and a canonically equivalent pair ("é" written two ways) that differs in code points and so is
        // not equal.
        let alphabet = ["a", "b", "ab", "ba", "é", "e\u{301}", "Content-Type", "content-type", "X-Request-Id-Long-Name", "X-Request-Id-Long-Namf", ""]
        var random = SplitMix64(seed: 17)
        var duplicates = 0
        for _ in 0..<2_000 {
            let count = Int(random.next() % 17)
            let elements = (0..<count).map { _ in string(alphabet[Int(random.next() % UInt64(alphabet.count))]) }
            let expected = referencePair(elements)
            let found = foundPair(elements)
            XCTAssertEqual(found.map { [$0.0, $0.1] }, expected.map { [$0.0, $0.1] }, "\(elements.map { $0.string ?? "" })")
            if expected != nil { duplicates += 1 }
        }
        // Both outcomes were exercised.
        XCTAssertGreaterThan(duplicates, 200)
        XCTAssertLessThan(duplicates, 1_900)
    }

    func testMixedAndLongArraysTakeTheGeneralSearch() {
        let mixed = [string("1"), Node(.number(Number(json: "1")), span: TestSupport.noSpan), string("x"), Node(.number(Number(json: "1.0")), span: TestSupport.noSpan)]
        XCTAssertEqual(foundPair(mixed).map { [$0.0, $0.1] }, [1, 3])
        let long = (0..<40).map { string("item-\($0 % 37)") }
        XCTAssertEqual(foundPair(long).map { [$0.0, $0.1] }, [0, 37])
        XCTAssertNil(foundPair((0..<40).map { string("item-\($0)") }))
        XCTAssertNil(foundPair([]))
    }

    func testTheMessageNamesTheFirstPair() throws {
        let validator = try Validator(schema: TestSupport.parse(#"{"uniqueItems": true}"#), validateSchema: false)
        let errors = validator.validate(TestSupport.parse(#"["page", "limit", "sort", "limit", "page"]"#))
        XCTAssertEqual(errors.map(\.message), ["items 0 and 4 are equal; the items must be unique"])
        XCTAssertTrue(validator.isValid(TestSupport.parse(#"["page", "limit", "sort", "Page"]"#)))
    }
}
