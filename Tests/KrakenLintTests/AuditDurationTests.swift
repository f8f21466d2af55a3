@testable import KrakenLint
import XCTest

/// The duration parser of the audit's decoding, against what Go's `time.ParseDuration` returns.
final class AuditDurationTests: XCTestCase {
    func testEveryUnitAndItsCombinations() {
        let cases: [(String, Int64)] = [
            ("10ns", 10), ("3us", 3_000), ("3\u{00B5}s", 3_000), ("3\u{03BC}s", 3_000), ("5ms", 5_000_000),
            ("2s", 2_000_000_000), ("2m", 120_000_000_000), ("2h", 7_200_000_000_000), ("1m30s", 90_000_000_000),
            ("1.5s", 1_500_000_000), (".5s", 500_000_000), (".5h", 1_800_000_000_000), ("-2ms", -2_000_000), ("1.s", 1_000_000_000), ("-1s", -1_000_000_000), ("+2ms", 2_000_000),
            ("0", 0), ("1h2m3s4ms5us6ns", 3_723_004_005_006),
        ]
        for (text, nanoseconds) in cases { XCTAssertEqual(GoDuration.parse(text), nanoseconds, text) }
    }

    func testWhatGoRefuses() {
        // 9999999999h overflows Go's int64 nanoseconds.
        for text in ["", "5", "s", "5x", "5sec", "5 s", "5 minutes", "1.5", "5S", "5\u{00B5}", "5\u{00B5}m", ".s", "-", "1s5", "9999999999h"] {
            XCTAssertNil(GoDuration.parse(text), text)
        }
    }
}
