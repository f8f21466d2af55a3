@testable import KrakenLint
import XCTest

/// `AuditMessage` writes numbers and text itself; it must read as the standard interpolation would.
final class AuditMessageTests: XCTestCase {
    func testNumbersAreWrittenAsStringWritesThem() {
        for number: Int64 in [0, 7, -1, -42, 10, 1_000_000, 30_000_000_000, .max, .min, .max - 1, .min + 1] {
            let message: AuditMessage = "took \(number) ns"
            XCTAssertEqual(message.text, "took \(String(number)) ns")
        }
        for number in [0, 3, -3, Int.max, Int.min] {
            let message: AuditMessage = "\(number)"
            XCTAssertEqual(message.text, String(number))
        }
    }

    func testTextAndLiteralsAreCopiedAsTheyAre() {
        let name = "/caf\u{00E9}/\u{1F600}/\"quoted\""
        let message: AuditMessage = "endpoint \(name) calls \(3) backends"
        XCTAssertEqual(message.text, "endpoint \(name) calls 3 backends")
        var literal: AuditMessage = "no interpolation"
        literal.append(", then more")
        XCTAssertEqual(literal.text, "no interpolation, then more")
        let empty: AuditMessage = ""
        XCTAssertEqual(empty.text, "")
    }
}
