import ConfigTree
@testable import Reporting
import XCTest

/// The reporters' `ByteWriter` holds exactly what an array given the same appends would hold, across the moves
/// to larger storage.
final class ByteWriterTests: XCTestCase {
    func testTheSameBytesAsAnArrayThroughEveryAppendAndGrowth() {
        var writer = ByteWriter(capacity: 1)
        var array: [UInt8] = []
        func same(_ step: String) {
            writer.withBytes { XCTAssertEqual(Array($0), array, step) }
            XCTAssertEqual(writer.count, array.count, step)
        }
        for round in 0..<300 {
            writer.append(UInt8(truncatingIfNeeded: round))
            array.append(UInt8(truncatingIfNeeded: round))
            // Pieces of every length up to past the short-copy limit (16 bytes) and past a doubling.
            let piece = (0..<(round % 40)).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ round) }
            piece.withUnsafeBufferPointer { writer.append(contentsOf: $0) }
            piece.withUnsafeBufferPointer { array.append(contentsOf: $0) }
            writer.appendDecimal(round - 150)
            array.appendDecimal(round - 150)
            writer.appendUTF8("é\(round)")
            array.appendUTF8("é\(round)")
            writer.appendSpaces(round % 70)
            array.appendSpaces(round % 70)
            same("round \(round)")
        }
        writer.append(contentsOf: UnsafeBufferPointer(start: nil, count: 0))
        same("an empty buffer")
        writer.removeAll()
        XCTAssertEqual(writer.count, 0)
        writer.appendStatic("again")
        writer.withBytes { XCTAssertEqual(String(decoding: $0, as: UTF8.self), "again") }
    }

    /// JSON escaping through the writer is the array's, for texts with two escapes in one eight-byte word (the
    /// scan goes on after the first) and a character that starts like U+2028 before one.
    func testEscapingIntoTheWriterMatchesTheArray() {
        let specials = ["\"", "\\", "\n", "\u{01}", "\u{2028}", "\u{2026}", "é", "~"]
        for length in 2...18 {
            for first in 0..<length {
                for second in first + 1..<length {
                    for (a, b) in zip(specials, specials.reversed()) {
                        var scalars = Array(repeating: "a", count: length)
                        scalars[first] = a
                        scalars[second] = b
                        let text = scalars.joined()
                        var array: [UInt8] = []
                        JSONWriter.appendQuoted(text, to: &array)
                        var writer = ByteWriter(capacity: 4)
                        JSONWriter.appendQuoted(text, to: &writer)
                        writer.withBytes { XCTAssertEqual(Array($0), array, text.debugDescription) }
                        XCTAssertEqual(String(decoding: array, as: UTF8.self), JSONWriter.quote(text))
                    }
                }
            }
        }
    }

    /// A pointer is written token by token: plain ASCII tokens from their bytes with `~0` and `~1`, others
    /// through `JSONPointer.escape`; the text is always the quoted description.
    func testPointersAreTheQuotedDescription() {
        let tokens = ["endpoints", "0", "qos/http-cache", "a~b", "~/", "", "café", "quote\"d", "back\\slash", "tab\t", "x\u{2028}y", "~\u{301}/"]
        for first in tokens {
            for second in tokens {
                let pointer = JSONPointer(tokens: [first, "backend", second])
                var writer = ByteWriter(capacity: 8)
                JSONReporter.appendPointer(pointer, to: &writer)
                writer.withBytes { XCTAssertEqual(String(decoding: $0, as: UTF8.self), JSONWriter.quote(pointer.description), "\(pointer.tokens)") }
            }
        }
        var root: [UInt8] = []
        JSONReporter.appendPointer(.root, to: &root)
        XCTAssertEqual(String(decoding: root, as: UTF8.self), "\"\"")
    }
}
