import ConfigTree
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
