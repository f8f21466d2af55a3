import ConfigTree
import XCTest
@testable import JSONSchema

/// `enum` membership through the string table, against the list walk it replaces.
final class AllowedValuesTests: XCTestCase {
    private func node(_ text: String) -> Node { Node(.string(text), span: TestSupport.noSpan) }

    func testStringsAreFoundByCodePointsAndNothingElseIs() {
        var strings = ["", "GET", "POST", "é", "e\u{301}", "descripción", "😀", "a\u{0}b", "input_query_strings", "GET"]
        for length in 1...20 { strings.append(String(repeating: "k", count: length)) }
        let allowed = AllowedValues(strings.map(node))
        for text in strings {
            XCTAssertTrue(withUnsafePointer(to: node(text)) { allowed.contains($0) }, "\(text.debugDescription) is allowed")
        }
        for text in ["get", "e", "\u{E9}\u{0}", "a\u{0}c", "input_query_string", String(repeating: "k", count: 21), " GET"] {
            let instance = node(text)
            XCTAssertFalse(withUnsafePointer(to: instance) { allowed.contains($0) }, "\(text.debugDescription) is not allowed")
            XCTAssertFalse(withUnsafePointer(to: instance) { JSONEquality.contains(allowed.values, $0) }, "the list walk agrees on \(text.debugDescription)")
        }
        XCTAssertEqual(allowed.values.count, strings.count, "messages list every value, in order")
    }

    func testOtherValuesCompareAsBefore() {
        let allowed = AllowedValues([TestSupport.parse("1"), TestSupport.parse("[1, \"a\"]"), TestSupport.parse("null"), node("1")])
        for (text, expected) in [("1.0", true), ("[1.0, \"a\"]", true), ("null", true), ("\"1\"", true), ("2", false), ("[\"a\", 1]", false), ("false", false)] {
            let instance = TestSupport.parse(text)
            XCTAssertEqual(withUnsafePointer(to: instance) { allowed.contains($0) }, expected, text)
        }
        let strings = AllowedValues([TestSupport.parse("1")])
        XCTAssertFalse(withUnsafePointer(to: node("1")) { strings.contains($0) }, "a string never equals a number")
    }
}
