import GoTemplate
import XCTest

/// ``MapKey`` compares, hashes and orders Go strings by their bytes, as Go's maps do.
final class MapKeyTests: XCTestCase {
    func testCanonicallyEquivalentTextsAreTwoKeys() {
        let decomposed = MapKey("e\u{301}"), precomposed = MapKey("\u{E9}")
        XCTAssertEqual("e\u{301}", "\u{E9}", "Swift's own equality, which a String-keyed map would use")
        XCTAssertNotEqual(decomposed, precomposed)
        XCTAssertEqual(Set([decomposed, precomposed, MapKey("e\u{301}")]).count, 2)
        XCTAssertEqual([precomposed, decomposed].sorted(), [decomposed, precomposed], "0x65 sorts before 0xC3")
    }

    func testInvalidBytesAreKeptAndDifferFromTheirReplacementCharacter() {
        let byte = MapKey(bytes: [0xFF]), replacement = MapKey("\u{FFFD}")
        XCTAssertNil(byte.string)
        XCTAssertEqual(byte.bytes, [0xFF])
        XCTAssertEqual(byte.text, "\u{FFFD}")
        XCTAssertNotEqual(byte, replacement)
        XCTAssertEqual(byte, MapKey(Value(.byteString([0xFF]))))
        XCTAssertEqual(MapKey(bytes: Array("ok".utf8)).string, "ok", "valid bytes make a text key")
        XCTAssertEqual([byte, replacement, MapKey("a")].sorted(), [MapKey("a"), replacement, byte])
    }

    func testStringConveniences() {
        let map = Value.map(["port": .int(8080)])
        XCTAssertEqual(map.mapMember("port").map { GoFormat.formatValue($0) }, "8080")
        XCTAssertNil(map.mapMember("missing"))
        XCTAssertNil(Value.string("x").mapMember("port"))
        XCTAssertNil(MapKey(.int(1)))
    }
}
