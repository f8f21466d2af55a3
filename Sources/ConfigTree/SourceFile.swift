/// The syntax a configuration file is written in.
public enum SourceFormat: String, Sendable, CaseIterable {
    case json, yaml

    /// The format a file name implies (`.json`, `.yaml`, `.yml`), or nil.
    public init?(fileName: String) {
        let lower = fileName.lowercased()
        if lower.hasSuffix(".json") {
            self = .json
        } else if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") {
            self = .yaml
        } else {
            return nil
        }
    }
}

/// The bytes of one input file, its display path and format, and a line index for positions and snippets.
public final class SourceFile: Sendable {
    /// The path as shown to the user (as given on the command line, or `--stdin-filename`).
    public let path: String
    public let format: SourceFormat
    public let bytes: [UInt8]
    /// Byte offset where each line starts; `lineStarts[0] == 0`. Four bytes per line: files are far
    /// below 4 GiB (see `LoadLimits.maxFileSize`).
    private let lineStarts: [UInt32]

    public init(path: String, format: SourceFormat, bytes: [UInt8]) {
        self.path = path
        self.format = format
        self.bytes = bytes
        self.lineStarts = Self.lineStarts(of: bytes)
    }

    /// Where each line starts, in one pass over the bytes eight at a time, stored in an array that grows as
    /// lines are found (a 10 MB file has 300,000 lines). The line starts are the whole file's first serial
    /// step, before its read can use two cores: two `memchr` passes (count, then fill) took 30 M instructions
    /// on a 10 MB file, a call per line.
    private static func lineStarts(of bytes: [UInt8]) -> [UInt32] {
        var starts: [UInt32] = [0]
        // Lines in configurations average 20 to 40 bytes; growing from here copies at most a few times.
        starts.reserveCapacity(bytes.count / 32 + 16)
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let raw = UnsafeRawPointer(base)
            var offset = 0
            while offset + 8 <= buffer.count {
                var newlines = NewlineLanes.mask(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
                while newlines != 0 {
                    starts.append(UInt32(truncatingIfNeeded: offset + newlines.trailingZeroBitCount / 8 + 1))
                    newlines &= newlines &- 1
                }
                offset += 8
            }
            while offset < buffer.count {
                if buffer[offset] == 0x0A { starts.append(UInt32(truncatingIfNeeded: offset + 1)) }
                offset += 1
            }
        }
        return starts
    }

    public convenience init(path: String, format: SourceFormat, text: String) {
        self.init(path: path, format: format, bytes: Array(text.utf8))
    }

    public var lineCount: Int { lineStarts.count }

    /// The byte range of a 1-based line, without its line terminator (`\n` or `\r\n`).
    public func byteRange(ofLine line: Int) -> Range<Int>? {
        guard line >= 1, line <= lineStarts.count else { return nil }
        let start = Int(lineStarts[line - 1])
        var end = line < lineStarts.count ? Int(lineStarts[line]) - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return start..<max(start, end)
    }

    /// The text of a 1-based line for snippets; invalid UTF-8 is shown as U+FFFD.
    public func lineText(_ line: Int) -> String? {
        guard let range = byteRange(ofLine: line) else { return nil }
        return String(decoding: bytes[range], as: UTF8.self)
    }

    /// The position of a byte offset: its line and its column counted in Unicode scalars.
    public func position(ofOffset offset: Int) -> SourcePosition {
        let clamped = min(max(offset, 0), bytes.count)
        let low = lineIndex(ofClampedOffset: clamped)
        let counted = Self.characters(in: bytes, from: Int(lineStarts[low]), to: clamped)
        return position(clamped, line: low, counted: counted)
    }

    /// The positions of a span's first byte and of its end. An end on the start's line (the usual span, a key
    /// or a short value) is found by counting on from the start, without a second search of the line index.
    public func positions(of span: Span) -> (start: SourcePosition, end: SourcePosition) {
        let start = min(max(span.start, 0), bytes.count)
        let line = lineIndex(ofClampedOffset: start)
        return positions(of: span, onLine: line, countedToStart: Self.characters(in: bytes, from: Int(lineStarts[line]), to: start))
    }

    /// `positions(of:)`, worked out from `cursor`, which is then moved to the span's start. Reporters ask for their
    /// findings' positions in order, mostly a few lines apart: the start's line is searched for from the cursor's
    /// (a binary search over the whole line index of a large file misses the cache at nearly every step), and on
    /// the cursor's line its column is counted from the cursor rather than from the line's start (a minified
    /// file is one line of megabytes, with thousands of findings on it).
    public func positions(of span: Span, from cursor: inout SourceCursor) -> (start: SourcePosition, end: SourcePosition) {
        let start = min(max(span.start, 0), bytes.count)
        let line = lineIndex(ofClampedOffset: start, from: cursor.owner == ObjectIdentifier(self) ? cursor.line : 0)
        let counted = characters(onLine: line, to: start, near: cursor)
        cursor = SourceCursor(owner: ObjectIdentifier(self), line: line, offset: start, characters: counted)
        return positions(of: span, onLine: line, countedToStart: counted)
    }

    /// The characters (Unicode scalars) from the start of `offset`'s line to `offset`, counted from `cursor` when it
    /// is on that line: the column of `offset` is this plus one unless a character starts before it.
    public func characters(before offset: Int, near cursor: SourceCursor) -> Int {
        let offset = min(max(offset, 0), bytes.count)
        let line = lineIndex(ofClampedOffset: offset, from: cursor.owner == ObjectIdentifier(self) ? cursor.line : 0)
        return characters(onLine: line, to: offset, near: cursor)
    }

    /// The characters from the start of the 0-based line `line` to `offset` on it, counted from whichever is
    /// nearer of the line's start and `cursor` (when the cursor is this file's and on that line).
    private func characters(onLine line: Int, to offset: Int, near cursor: SourceCursor) -> Int {
        let lineStart = Int(lineStarts[line])
        guard cursor.owner == ObjectIdentifier(self), cursor.line == line, cursor.offset >= lineStart else {
            return Self.characters(in: bytes, from: lineStart, to: offset)
        }
        if offset >= cursor.offset { return cursor.characters + Self.characters(in: bytes, from: cursor.offset, to: offset) }
        if offset - lineStart <= cursor.offset - offset { return Self.characters(in: bytes, from: lineStart, to: offset) }
        return cursor.characters - Self.characters(in: bytes, from: offset, to: cursor.offset)
    }

    /// `positions(of:)` once the start's 0-based line and the characters from that line's start to it are known.
    private func positions(of span: Span, onLine line: Int, countedToStart: Int) -> (start: SourcePosition, end: SourcePosition) {
        let start = min(max(span.start, 0), bytes.count), end = min(max(span.end, 0), bytes.count)
        let startPosition = position(start, line: line, counted: countedToStart)
        guard end >= start, line + 1 >= lineStarts.count || end < Int(lineStarts[line + 1]) else {
            return (startPosition, position(ofOffset: end))
        }
        let countedToEnd = countedToStart + Self.characters(in: bytes, from: start, to: end)
        return (startPosition, position(end, line: line, counted: countedToEnd))
    }

    /// The position of `offset` (clamped) on the 0-based line `line`, `counted` characters after the line's start.
    private func position(_ offset: Int, line: Int, counted: Int) -> SourcePosition {
        var column = 1 + counted
        // A continuation byte at `offset` belongs to the character already counted.
        if offset < bytes.count, bytes[offset] & 0xC0 == 0x80, column > 1 { column -= 1 }
        return SourcePosition(offset: offset, line: line + 1, column: column)
    }

    /// The characters (bytes that are not UTF-8 continuation bytes) in `bytes[from..<to]`. Eight bytes at a time:
    /// a column on a line of megabytes (a minified file) may be counted from far away.
    private static func characters(in bytes: [UInt8], from: Int, to: Int) -> Int {
        guard to > from else { return 0 }
        return bytes.withUnsafeBytes { raw in
            var count = 0, index = from
            let high: UInt64 = 0x8080_8080_8080_8080
            while index + 8 <= to {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                // A continuation byte is 10xxxxxx: its high bit set and the bit below it clear.
                let continuations = word & ~(word << 1) & high
                count += 8 - continuations.nonzeroBitCount
                index += 8
            }
            while index < to {
                if raw[index] & 0xC0 != 0x80 { count += 1 }
                index += 1
            }
            return count
        }
    }

    /// The 1-based line holding a byte offset.
    public func line(ofOffset offset: Int) -> Int { lineIndex(ofClampedOffset: min(max(offset, 0), bytes.count)) + 1 }

    /// The 0-based index of the line holding `offset` (a binary search of the line starts).
    private func lineIndex(ofClampedOffset offset: Int) -> Int {
        lineIndex(ofClampedOffset: offset, between: 0, and: lineStarts.count - 1)
    }

    /// `lineIndex(ofClampedOffset:)` searched from line `first` on: steps of 1, 2, 4... bracket the line near
    /// `first`, then a binary search finds it in the bracket. An offset before line `first` is searched for in
    /// the whole index.
    private func lineIndex(ofClampedOffset offset: Int, from first: Int) -> Int {
        guard first > 0, first < lineStarts.count, Int(lineStarts[first]) <= offset else {
            return lineIndex(ofClampedOffset: offset)
        }
        var low = first, step = 1
        while low + step < lineStarts.count, Int(lineStarts[low + step]) <= offset {
            low += step
            step *= 2
        }
        return lineIndex(ofClampedOffset: offset, between: low, and: min(low + step, lineStarts.count) - 1)
    }

    /// The last line from `low` to `high` that starts at or before `offset` (line `low` must).
    private func lineIndex(ofClampedOffset offset: Int, between low: Int, and high: Int) -> Int {
        var low = low, high = high
        while low < high {
            let middle = (low + high + 1) / 2
            if Int(lineStarts[middle]) <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }
}

/// Finds line feeds in eight bytes at once.
enum NewlineLanes {
    /// The high bit of each byte of `word` that is a line feed (0x0A), and nothing else. Exact for every byte:
    /// adding 0x7F to each byte's low seven bits cannot carry into the next byte.
    @inline(__always)
    static func mask(_ word: UInt64) -> UInt64 {
        let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let x = word ^ 0x0A0A_0A0A_0A0A_0A0A
        return ~(((x & lows) &+ lows) | x | lows)
    }
}

/// A place in one source file whose line and column are known, from which `SourceFile.positions(of:from:)`
/// works out the next position: the line search starts at its line, and a column on its line is counted from
/// it. A new cursor, or one of another file, is at the start of the file.
public struct SourceCursor: Sendable {
    /// The file the cursor is in; nil for a new cursor.
    fileprivate var owner: ObjectIdentifier?
    /// The 0-based line, a byte offset on it, and the characters from the line's start to that offset.
    fileprivate var line = 0, offset = 0, characters = 0

    public init() {}

    fileprivate init(owner: ObjectIdentifier, line: Int, offset: Int, characters: Int) {
        self.owner = owner
        self.line = line
        self.offset = offset
        self.characters = characters
    }
}
