@testable import Reporting
import XCTest

/// The in-place writers' numbers and indentation are the text `String` would give.
final class ByteAppendingTests: XCTestCase {
    func testDecimalsAreWhatStringGives() {
        for number in [0, 1, 9, 10, 99, 100, 12_345, -1, -10, -987_654_321, Int.max, Int.min] {
            var out: [UInt8] = [UInt8(ascii: "x")]
            out.appendDecimal(number)
            XCTAssertEqual(String(decoding: out, as: UTF8.self), "x" + String(number))
            XCTAssertEqual(ByteAppending.digitCount(number), String(number).count)
        }
    }

    func testSpacesOfAnyCount() {
        for count in [-3, 0, 1, 7, 63, 64, 65, 200] {
            var out: [UInt8] = []
            out.appendSpaces(count)
            XCTAssertEqual(out, Array(repeating: UInt8(ascii: " "), count: max(0, count)))
        }
    }
}
