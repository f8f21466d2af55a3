import ConfigTree
import XCTest

final class NumberTests: XCTestCase {
    func testEachInitializerKeepsItsTexts() {
        let json = Number(json: "1.50")
        XCTAssertEqual([json.literal, json.canonical], ["1.50", "1.50"])
        XCTAssertNil(json.special)
        let hex = Number(literal: "0x1F", canonical: "31")
        XCTAssertEqual([hex.literal, hex.canonical], ["0x1F", "31"])
        XCTAssertEqual(hex.intValue, 31)
        let infinity = Number(literal: "-.inf", special: .negativeInfinity)
        XCTAssertEqual(infinity.literal, "-.inf")
        XCTAssertNil(infinity.canonical)
        XCTAssertEqual(infinity.special, .negativeInfinity)
        XCTAssertEqual(infinity.doubleValue, -.infinity)
    }

    func testEqualityAndHashFollowTheTextsNotHowTheyWereMade() {
        XCTAssertEqual(Number(json: "7"), Number(literal: "7", canonical: "7"))
        XCTAssertEqual(Set([Number(json: "7"), Number(literal: "7", canonical: "7")]).count, 1)
        XCTAssertNotEqual(Number(json: "31"), Number(literal: "0x1F", canonical: "31"), "the literal differs")
        XCTAssertNotEqual(Number(json: "1"), Number(json: "1.0"))
        XCTAssertNotEqual(Number(literal: ".nan", special: .nan), Number(literal: ".inf", special: .infinity))
    }
}
