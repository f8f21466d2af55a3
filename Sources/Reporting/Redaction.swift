import ConfigTree
import Findings

/// Keeps secret values out of every output.
public enum Redaction {
    /// The characters of a source line an excerpt shows at most (a longer line is cut to a window).
    public static let excerptWidth = 160

    /// `text` with every secret of `report` replaced by the mask. Inlined: the writers scrub every message and fix
    /// of tens of thousands of findings, and a report without secrets (the usual one) has nothing to do.
    @inline(__always)
    public static func scrub(_ text: String, in report: Report) -> String {
        report.secrets.isEmpty ? text : masked(text, report.secrets)
    }

    private static func masked(_ text: String, _ secrets: [SecretValue]) -> String {
        secrets.reduce(text) { $1.redact($0) }
    }

    /// Source line `line` with its secrets masked, and a map from source columns to displayed columns so
    /// carets still point at the right character after a secret of any length became the mask.
    ///
    /// Lines longer than `maxWidth` characters (minified JSON) are cut to a window around `anchor`,
    /// marked with `…`, so the work and the output stay small whatever the input. `anchor` is a byte offset.
    /// `file` is the report's input unless a finding points into another file (a partial, a settings file):
    /// the report's secret spans are masked in its own file only, copies of its secret values in any file.
    /// The column where a cut window starts is counted from `cursor` when it is on the line (the cursor of the
    /// anchor's position, say), so an excerpt of a long line costs the window, not the line.
    public static func excerpt(
        ofLine line: Int, of file: SourceFile? = nil, in report: Report, anchor: Int? = nil, maxWidth: Int = excerptWidth,
        near cursor: SourceCursor = SourceCursor()
    ) -> MaskedLine? {
        let file = file ?? report.file
        let spans = !report.secrets.isEmpty && (file === report.file || file.path == report.file.path) ? report.secrets.map(\.span) : []
        guard let range = file.byteRange(ofLine: line) else { return nil }
        var lower = range.lowerBound, upper = range.upperBound
        var firstColumn = 1
        if range.count > maxWidth {
            let anchorOffset = anchor.map { range.contains($0) || $0 == range.upperBound ? $0 : range.lowerBound } ?? range.lowerBound
            lower = max(range.lowerBound, anchorOffset - maxWidth / 4)
            while lower > range.lowerBound, file.bytes[lower] & 0xC0 == 0x80 { lower -= 1 }
            upper = min(range.upperBound, lower + maxWidth)
            // Back to the start of a character; a run of continuation bytes (not UTF-8) has none: cut it anywhere.
            let widest = upper
            while upper > lower, upper < range.upperBound, file.bytes[upper] & 0xC0 == 0x80 { upper -= 1 }
            if upper == lower { upper = widest }
            firstColumn = 1 + file.characters(before: lower, near: cursor)
        }
        if lower == range.lowerBound, upper == range.upperBound,
           let plain = plainLine(file.bytes[lower..<upper], spans: spans, secrets: report.secrets) {
            return plain
        }
        let scalars = Array(String(decoding: file.bytes[lower..<upper], as: UTF8.self).unicodeScalars)
        var hidden = Array(repeating: false, count: scalars.count)
        for span in spans {
            // The part of the secret inside the shown bytes, as indexes of the shown scalars.
            let start = max(span.start, lower), end = min(span.end, upper)
            guard end > start else { continue }
            let first = scalarCount(file.bytes[lower..<start])
            let last = min(first + scalarCount(file.bytes[start..<end]), scalars.count)
            for index in first..<max(first, last) { hidden[index] = true }
        }
        if !report.secrets.isEmpty {
            // Copies are searched in a margin around a cut window too, so a copy the cut splits is still masked.
            let margin = lower > range.lowerBound || upper < range.upperBound ? 1024 : 0
            var outerLower = max(range.lowerBound, lower - margin), outerUpper = min(range.upperBound, upper + margin)
            while outerLower > range.lowerBound, file.bytes[outerLower] & 0xC0 == 0x80 { outerLower -= 1 }
            while outerUpper > upper, outerUpper < range.upperBound, file.bytes[outerUpper] & 0xC0 == 0x80 { outerUpper -= 1 }
            let outerText = String(decoding: file.bytes[outerLower..<outerUpper], as: UTF8.self)
            let before = String(decoding: file.bytes[outerLower..<lower], as: UTF8.self).unicodeScalars.count
            var outerHidden = Array(repeating: false, count: outerText.unicodeScalars.count)
            for secret in report.secrets { markCopies(of: secret, in: outerText, hidden: &outerHidden) }
            for index in hidden.indices where before + index < outerHidden.count && outerHidden[before + index] { hidden[index] = true }
        }
        return MaskedLine(scalars: scalars, hidden: hidden, firstColumn: firstColumn,
                          cutBefore: lower > range.lowerBound, cutAfter: upper < range.upperBound)
    }

    /// Calls `body` with source line `line` of `file`, read in place from the file's bytes, when `excerpt` would show
    /// it as it is: a whole line of printable ASCII (no tab) within `maxWidth`, in a report without secrets. False,
    /// without calling `body`, otherwise. The text reporter writes most of an audit's excerpts this way: a
    /// `MaskedLine` holds a slice of the file's bytes, and the chunks rendered on two cores counted references to
    /// that one buffer for every finding.
    static func withPlainLine(
        _ line: Int, of file: SourceFile, in report: Report, maxWidth: Int = excerptWidth, _ body: (UnsafeBufferPointer<UInt8>) -> Void
    ) -> Bool {
        guard report.secrets.isEmpty, let range = file.byteRange(ofLine: line), range.count <= maxWidth else { return false }
        return file.bytes.withUnsafeBufferPointer { bytes in
            let shown = UnsafeBufferPointer(rebasing: bytes[range])
            guard MaskedLine.isPlain(shown) else { return false }
            body(shown)
            return true
        }
    }

    /// The common case, without per-character work: a whole line of printable ASCII (no tab) that holds no
    /// secret span and no copy of a secret value, shown as it is.
    private static func plainLine(_ bytes: ArraySlice<UInt8>, spans: [Span], secrets: [SecretValue]) -> MaskedLine? {
        guard bytes.withUnsafeBufferPointer(MaskedLine.isPlain) else { return nil }
        for span in spans where span.end > bytes.startIndex && span.start < bytes.endIndex { return nil }
        if !secrets.isEmpty {
            let text = String(decoding: bytes, as: UTF8.self)
            for secret in secrets where secret.redact(text) != text { return nil }
        }
        return MaskedLine(plainASCII: bytes)
    }

    /// The number of Unicode scalars in UTF-8 bytes (bytes that are not continuation bytes).
    private static func scalarCount(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    /// Marks copies of a secret found outside its own span (a URL with the password in it, say). One search
    /// over the line: a long line (minified JSON) costs time in proportion to its length, not its square.
    private static func markCopies(of secret: SecretValue, in text: String, hidden: inout [Bool]) {
        let view = text.unicodeScalars
        var position = view.startIndex, offset = 0
        for range in secret.occurrences(in: text) {
            let start = offset + view.distance(from: position, to: range.lowerBound)
            let end = start + view.distance(from: range.lowerBound, to: range.upperBound)
            for index in start..<min(end, hidden.count) { hidden[index] = true }
            position = range.upperBound
            offset = end
        }
    }
}

/// A source line ready to print: secrets replaced by `SecretValue.mask`, columns remapped accordingly.
public struct MaskedLine: Sendable, Equatable {
    /// The line as shown.
    public var text: String { plainBytes.map { String(decoding: $0, as: UTF8.self) } ?? shownText }
    /// The line as shown, unless it is `plainBytes`.
    private let shownText: String
    /// A whole line of printable ASCII, shown as it is in the source (the usual excerpt): kept as the file's
    /// bytes, which the text reporter copies without making a string of them.
    private let plainBytes: ArraySlice<UInt8>?
    /// `displayColumns[i]` is where the excerpt's scalar `i` appears in `text` (1-based), plus one entry for
    /// the position just past the end.
    private let displayColumns: [Int]
    private let shown: [Unicode.Scalar]
    /// The source column of the excerpt's first character (1 unless a long line was cut).
    private let firstColumn: Int
    /// For a whole line of printable ASCII without tabs, its length: every character is one column and one
    /// cell, so columns are computed rather than stored.
    private let plainWidth: Int?

    /// A whole source line of printable ASCII characters, no tab, nothing masked.
    init(plainASCII bytes: ArraySlice<UInt8>) {
        self.plainBytes = bytes
        self.shownText = ""
        self.displayColumns = []
        self.shown = []
        self.firstColumn = 1
        self.plainWidth = bytes.count
    }

    init(scalars: [Unicode.Scalar], hidden: [Bool], firstColumn: Int, cutBefore: Bool, cutAfter: Bool) {
        var shown: [Unicode.Scalar] = cutBefore ? ["…"] : []
        var columns: [Int] = []
        var index = 0
        while index < scalars.count {
            if hidden[index] {
                let maskStart = shown.count + 1
                while index < scalars.count, hidden[index] {
                    columns.append(maskStart)
                    index += 1
                }
                shown += SecretValue.mask.unicodeScalars
            } else {
                columns.append(shown.count + 1)
                shown.append(MaskedLine.printable(scalars[index]))
                index += 1
            }
        }
        columns.append(shown.count + 1)
        if cutAfter { shown.append("…") }
        self.shown = shown
        self.displayColumns = columns
        self.firstColumn = firstColumn
        self.plainWidth = nil
        self.plainBytes = nil
        self.shownText = String(String.UnicodeScalarView(shown))
    }

    /// `text` appended as UTF-8.
    func appendText<Out: ByteSink & ~Copyable>(to out: inout Out) {
        if let plainBytes {
            plainBytes.withUnsafeBufferPointer { out.append(contentsOf: $0) }
        } else {
            out.appendUTF8(shownText)
        }
    }

    /// Where source column `column` is displayed on a line shown as it is, `width` characters wide: the column
    /// itself, clamped to the line and the position just past its end.
    static func plainColumn(_ column: Int, width: Int) -> Int { min(max(column, 1), width + 1) }

    /// Whether source bytes can be shown as they are, one column per byte: printable ASCII, no tab.
    static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var outside: UInt8 = 0
        for byte in bytes { outside |= byte &- 0x20 >= 0x5F ? 1 : 0 }
        return outside == 0
    }

    /// Control characters would move the terminal's cursor or recolor it: each becomes one U+FFFD.
    static func printable(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        (scalar.value < 0x20 && scalar != "\t") || (0x7F...0x9F).contains(scalar.value) ? "\u{FFFD}" : scalar
    }

    /// Where source column `column` (1-based) is displayed; columns outside the excerpt are clamped to it.
    public func displayColumn(_ column: Int) -> Int {
        if let plainWidth { return Self.plainColumn(column, width: plainWidth) }
        let index = column - firstColumn
        if index < 0 { return displayColumns[0] }
        if index >= displayColumns.count { return displayColumns[displayColumns.count - 1] }
        return displayColumns[index]
    }

    /// The number of characters shown.
    public var width: Int { plainWidth ?? shown.count }

    /// Spaces (tabs where the line has tabs, two spaces under a wide character) that move a caret under
    /// display column `column` in a terminal.
    public func padding(before column: Int) -> String {
        var out: [UInt8] = []
        appendPadding(before: column, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `^~~~` under display columns `first..<last` (at least one `^`), as wide as the characters it covers.
    public func underline(from first: Int, to last: Int) -> String {
        var out: [UInt8] = []
        appendUnderline(from: first, to: last, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `padding(before:)` appended as UTF-8.
    func appendPadding<Out: ByteSink & ~Copyable>(before column: Int, to out: inout Out) {
        guard plainWidth == nil else {
            out.appendSpaces(column - 1)
            return
        }
        for index in 0..<max(0, column - 1) {
            if index < shown.count, shown[index] == "\t" {
                out.append(UInt8(ascii: "\t"))
            } else {
                out.appendSpaces(index < shown.count ? MaskedLine.cells(shown[index]) : 1)
            }
        }
    }

    /// `underline(from:to:)` appended as UTF-8.
    func appendUnderline<Out: ByteSink & ~Copyable>(from first: Int, to last: Int, to out: inout Out) {
        var cells = last - first
        if plainWidth == nil {
            cells = 0
            for index in max(0, first - 1)..<max(first - 1, last - 1) {
                cells += index < shown.count ? MaskedLine.cells(shown[index]) : 1
            }
        }
        Self.appendCaret(cells: cells, to: &out)
    }

    /// `^~~~` as wide as `cells` (at least the `^`).
    static func appendCaret<Out: ByteSink & ~Copyable>(cells: Int, to out: inout Out) {
        out.append(UInt8(ascii: "^"))
        for _ in 1..<max(1, cells) { out.append(UInt8(ascii: "~")) }
    }

    /// Terminal cells a character takes: 2 for East Asian wide characters and emoji, 1 otherwise.
    static func cells(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return 2
        default:
            return scalar.properties.isEmojiPresentation ? 2 : 1
        }
    }
}
