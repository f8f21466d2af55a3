import ConfigTree
import TestPeers
import XCTest

/// Positions worked out from a cursor (what reporters pass, finding after finding) are the positions found by a
/// search of the whole line index and a count from the line's start, wherever the cursor is: before the span, on
/// its line, far behind, past the end, in another file.
final class SourcePositionTests: XCTestCase {
    func testACursorFindsWhatTheWholeSearchFinds() {
        var text = ""
        for line in 0..<700 {
            // Lines of varied lengths, some empty, some with multi-byte characters.
            text += String(repeating: line % 5 == 0 ? "é" : "x", count: (line * 7) % 23) + "\n"
        }
        text += "last line without a newline"
        let file = SourceFile(path: "lines.txt", format: .json, text: text)
        let size = text.utf8.count
        var offsets = Array(stride(from: 0, through: size, by: 37)) + [0, 1, size - 1, size, size + 5]
        offsets += offsets.reversed()
        for first in [0, 1, 2, 5, 63, 64, 65, 350, 699, 700, 701, 5_000, size / 2, size] {
            var cursor = SourceCursor()
            _ = file.positions(of: Span(at: first), from: &cursor)
            for offset in offsets {
                assertSamePositions(file, Span(start: offset, end: offset + (offset % 11)), from: &cursor, "offset \(offset), first \(first)")
            }
        }
    }

    /// One line of 20,000 bytes (a minified file) with characters of one to four bytes: the column of a position is
    /// counted from the cursor's, forwards or backwards, and must be the column counted from the line's start,
    /// including at continuation bytes (which belong to the character before).
    func testOnOneLongLineColumnsCountedFromTheCursorAreTheWholeCount() {
        let pieces = ["{\"a\":1,", "\"é\":\"ü\",", "\"€\":[2,3],", "\"𝄞\":\"x\",", "\"k\":\"日本語\","]
        var text = ""
        var index = 0
        while text.utf8.count < 20_000 {
            text += pieces[index % pieces.count]
            index += 1
        }
        text += "\"end\":0}\n{\"second\": \"line é\"}"
        let file = SourceFile(path: "min.json", format: .json, text: text)
        let size = text.utf8.count
        // Forwards in small and large steps, backwards, a jump to the start and to the second line, every byte
        // of one stretch (continuation bytes included), and spans long and short.
        var offsets = Array(stride(from: 0, to: size, by: 397)) + Array(stride(from: size - 1, through: 0, by: -523))
        offsets += Array(10_000..<10_060) + [0, 19_999, 3, size - 5, 17_777, 17_770, 17_790, 12, size]
        var generator = SplitMix64(seed: 16)
        offsets += (0..<150).map { _ in generator.below(size + 1) }
        var cursor = SourceCursor()
        for (step, offset) in offsets.enumerated() {
            let length = [0, 1, 3, 40, 2_000][step % 5]
            assertSamePositions(file, Span(start: offset, end: min(size, offset + length)), from: &cursor, "offset \(offset)")
            for other in [offset - 29, offset + 37, offset + 5_000] where other >= 0 {
                XCTAssertEqual(file.characters(before: other, near: cursor), Self.characters(before: other, in: file.bytes), "\(other) from \(offset)")
            }
        }
    }

    func testACursorOfAnotherFileIsNotUsed() {
        let long = SourceFile(path: "a.json", format: .json, text: String(repeating: "é", count: 500))
        let other = SourceFile(path: "b.json", format: .json, text: String(repeating: "x", count: 1_000))
        var cursor = SourceCursor()
        _ = long.positions(of: Span(at: 600), from: &cursor)
        XCTAssertEqual(other.positions(of: Span(at: 700), from: &cursor).start, other.positions(of: Span(at: 700)).start)
        XCTAssertEqual(other.characters(before: 650, near: cursor), 650)
    }

    /// The characters from the start of `offset`'s line to `offset`, counted byte by byte.
    private static func characters(before offset: Int, in bytes: [UInt8]) -> Int {
        let end = min(offset, bytes.count)
        var start = end
        while start > 0, bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
        return bytes[start..<end].filter { $0 & 0xC0 != 0x80 }.count
    }

    private func assertSamePositions(
        _ file: SourceFile, _ span: Span, from cursor: inout SourceCursor, _ message: String, line: UInt = #line
    ) {
        let counted = file.characters(before: span.start, near: cursor)
        let worked = file.positions(of: span, from: &cursor)
        let whole = file.positions(of: span)
        XCTAssertEqual(worked.start, whole.start, message, line: line)
        XCTAssertEqual(worked.end, whole.end, message, line: line)
        XCTAssertEqual(worked.start, file.position(ofOffset: span.start), message, line: line)
        XCTAssertEqual(counted, file.characters(before: span.start, near: SourceCursor()), message, line: line)
    }
}

/// The line index, built eight bytes at a time, against a byte-by-byte split of the same text.
final class LineIndexTests: XCTestCase {
    func testLinesMatchAByteByByteSplit() {
        var generator = SplitMix64(seed: 17)
        // Line feeds, carriage returns, bytes whose low seven bits are a line feed's (0x8A), other bytes.
        let alphabet: [UInt8] = [0x0A, 0x0A, 0x0D, 0x8A, 0x8B, 0x0B, 0x09, 0x61, 0x7B, 0xC3, 0xA9, 0x00, 0xFF]
        for round in 0..<400 {
            let length = Int(generator.next() % 97) + (round < 20 ? round : 0)
            let bytes = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            let file = SourceFile(path: "r.json", format: .json, bytes: bytes)
            var starts = [0]
            for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
            XCTAssertEqual(file.lineCount, starts.count, "round \(round)")
            for (index, start) in starts.enumerated() {
                var end = index + 1 < starts.count ? starts[index + 1] - 1 : bytes.count
                if end > start, bytes[end - 1] == 0x0D { end -= 1 }
                XCTAssertEqual(file.byteRange(ofLine: index + 1), start..<max(start, end), "round \(round), line \(index + 1)")
            }
        }
    }
}
