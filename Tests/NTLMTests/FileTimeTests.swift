import XCTest

@testable import NTLM

final class FileTimeTests: XCTestCase {
    func testClientClockFollowsGoNTLMSSPFormula() {
        XCTAssertEqual(FileTime(unixNanoseconds: 0).rawValue, 116_444_736_000_000_000)
        XCTAssertEqual(FileTime(unixNanoseconds: 1_714_521_600_123_456_789).rawValue, 133_589_952_001_234_567)
    }

    func testDescriptionIsISO8601UTC() {
        XCTAssertEqual(FileTime(rawValue: 0).description, "1601-01-01T00:00:00Z")
        XCTAssertEqual(FileTime(unixNanoseconds: 0).description, "1970-01-01T00:00:00Z")
        XCTAssertEqual(FileTime(rawValue: 133_589_952_001_234_567).description, "2024-05-01T00:00:00.1234567Z")
        XCTAssertEqual(FileTime(unixNanoseconds: 951_782_400_500_000_000).description, "2000-02-29T00:00:00.5Z")
        XCTAssertEqual(FileTime(unixNanoseconds: 4_107_542_399_000_000_000).description, "2100-02-28T23:59:59Z")
        XCTAssertEqual(FileTime(rawValue: .max).description, "60056-05-28T05:36:10.9551615Z")
    }

    func testLittleEndianBytesGoIntoTheBlob() {
        XCTAssertEqual(hex(FileTime(rawValue: 0x01c3_34b7_36d3_9000).littleEndianBytes), "0090d336b734c301")
    }

    func testNowIsAfter2025() {
        XCTAssertGreaterThan(FileTime.now(), FileTime(unixNanoseconds: 1_735_689_600_000_000_000))
    }
}
