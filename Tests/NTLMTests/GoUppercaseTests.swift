import Foundation
import TestPeers
import XCTest

@testable import NTLM

final class GoUppercaseTests: XCTestCase {
    func testSimpleMappingNeverExpands() {
        let cases: [(String, String)] = [
            ("straße", "STRAßE"),
            ("ﬁle", "ﬁLE"),
            ("alice", "ALICE"),
            ("ıi", "II"),  // dotless i and i both map to plain I, as Go does without a Turkish special case
            ("İ", "İ"),
            ("ǆǅ", "ǄǄ"),
            ("ŉ", "ŉ"),  // full mapping is ʼN; simple mapping keeps it
            ("ΐ", "ΐ"),
            ("ſµÿ", "SΜŸ"),
            ("և", "և"),
            ("\u{1F80}\u{1F97}\u{1FA7}\u{1FB3}\u{1FC3}\u{1FF3}", "\u{1F88}\u{1F9F}\u{1FAF}\u{1FBC}\u{1FCC}\u{1FFC}"),
            ("\u{0345}", "\u{0399}"),
            ("𐐨", "𐐀"),  // Deseret, outside the BMP
            ("e\u{301}", "E\u{301}"),
            ("123-_.@\\", "123-_.@\\"),
        ]
        for (input, expected) in cases {
            XCTAssertEqual(
                GoUppercase.uppercased(input).unicodeScalars.map(\.value), expected.unicodeScalars.map(\.value),
                input)
        }
    }

    /// Go's `unicode.ToUpper` is the simple uppercase mapping of UnicodeData.txt (field 12). Compare every
    /// scalar the installed file lists (Debian package `unicode-data`), skipping scalars and capitals that
    /// only one of Swift's and the file's tables know.
    func testEveryScalarMatchesUnicodeDataSimpleUppercase() throws {
        let path = ProcessInfo.processInfo.environment["UNICODE_DATA"] ?? "/usr/share/unicode/UnicodeData.txt"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw TestPeers.missing("no UnicodeData.txt at \(path) (install the Debian package unicode-data)")
        }
        var listed: [UInt32: UInt32] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: ";", omittingEmptySubsequences: false)
            guard fields.count > 12, let code = UInt32(fields[0], radix: 16) else { continue }
            listed[code] = UInt32(fields[12], radix: 16) ?? code
        }
        XCTAssertGreaterThan(listed.count, 30_000)
        var compared = 0
        var mismatches: [String] = []
        for (code, expected) in listed {
            guard let scalar = Unicode.Scalar(code), scalar.properties.age != nil else { continue }
            guard let target = Unicode.Scalar(expected), target.properties.age != nil else { continue }
            let actual = GoUppercase.uppercased(scalar).value
            // A capital newer than the file (Swift's tables may be a Unicode version ahead) is a table
            // difference, not a mapping error; Go's result there depends on its toolchain's tables too.
            guard actual == code || listed[actual] != nil else { continue }
            compared += 1
            if actual != expected {
                mismatches.append(String(format: "U+%04X: got U+%04X, expected U+%04X", code, actual, expected))
            }
        }
        XCTAssertGreaterThan(compared, 30_000)
        XCTAssertEqual(mismatches, [], "\(mismatches.count) of \(compared) scalars differ")
    }
}
