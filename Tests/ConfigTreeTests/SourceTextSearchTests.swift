import ConfigTree
import XCTest

final class SourceTextSearchTests: XCTestCase {
    func testContainsBytesFindsTextAnywhereIncludingTheEnds() {
        let file = SourceFile(path: "a.json", format: .json, text: #"{"@krakenlint": 1, "x": "github"}"#)
        XCTAssertTrue(file.containsBytes(of: "{"))
        XCTAssertTrue(file.containsBytes(of: "@krakenlint"))
        XCTAssertTrue(file.containsBytes(of: #"github"}"#), "a match that ends at the last byte")
        XCTAssertFalse(file.containsBytes(of: "@krakenlinx"))
        XCTAssertFalse(file.containsBytes(of: #"github"}}"#), "a needle running past the end")
        XCTAssertTrue(file.containsBytes(of: ""), "the empty text is in every file")
    }

    func testContainsBytesWithManyFalseStartsAndMultiByteText() {
        let file = SourceFile(path: "a.yaml", format: .yaml, text: String(repeating: "gitgu", count: 1000) + " github ñandú")
        XCTAssertTrue(file.containsBytes(of: "github"))
        XCTAssertTrue(file.containsBytes(of: "ñandú"))
        XCTAssertFalse(file.containsBytes(of: "githux"))
        XCTAssertFalse(SourceFile(path: "e.json", format: .json, text: "").containsBytes(of: "a"))
    }

    func testMightSpellIsTrueWhenAnEscapeCouldSpellTheText() {
        let plain = SourceFile(path: "a.json", format: .json, text: #"{"version": 3}"#)
        XCTAssertFalse(plain.mightSpell("@krakenlint"), "neither the bytes nor any escape")
        let escaped = SourceFile(path: "b.json", format: .json, text: #"{"\u0040krakenlint": {}}"#)
        XCTAssertFalse(escaped.containsBytes(of: "@krakenlint"))
        XCTAssertTrue(escaped.mightSpell("@krakenlint"), "\\u0040 decodes to @")
        let yaml = SourceFile(path: "c.yaml", format: .yaml, text: "\"\\x40krakenlint\": {}\n")
        XCTAssertTrue(yaml.mightSpell("@krakenlint"), "YAML's \\x40 decodes to @")
    }
}
