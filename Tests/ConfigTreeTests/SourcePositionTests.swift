import ConfigTree
import TestPeers
import XCTest

/// Positions found from a line hint (what reporters pass, finding after finding) are the positions found by a
/// search of the whole line index, whatever the hint: before the span, on its line, far behind, past the end.
final class SourcePositionTests: XCTestCase {
    func testAHintedSearchFindsWhatTheWholeSearchFinds() {
        var text = ""
        for line in 0..<700 {
            // Lines of varied lengths, some empty, some with multi-byte characters.
            text += String(repeating: line % 5 == 0 ? "é" : "x", count: (line * 7) % 23) + "\n"
        }
        text += "last line without a newline"
        let file = SourceFile(path: "lines.txt", format: .json, text: text)
        let size = text.utf8.count
        var offsets = Array(stride(from: 0, through: size, by: 37)) + [0, 1, size - 1, size, size + 5, -3]
        offsets += offsets.reversed()
        for hint in [0, 1, 2, 5, 63, 64, 65, 350, 699, 700, 701, 5_000, -1] {
            var line = hint
            for offset in offsets {
                let span = Span(start: offset, end: offset + (offset % 11))
                let hinted = file.positions(of: span, nearLine: &line)
                let whole = file.positions(of: span)
                XCTAssertEqual(hinted.start, whole.start, "offset \(offset), hint \(hint)")
                XCTAssertEqual(hinted.end, whole.end, "offset \(offset), hint \(hint)")
                XCTAssertEqual(line + 1, whole.start.line, "the hint moves to the start's line")
            }
        }
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
