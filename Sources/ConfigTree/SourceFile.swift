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
        return positions(of: span, onLine: lineIndex(ofClampedOffset: start))
    }

    /// `positions(of:)`, with the search for the start's line begun at the 0-based line `line`, which is then
    /// set to that line. Reporters ask for their findings' positions in order, mostly a few lines apart, and a
    /// binary search over the whole line index of a large file misses the cache at nearly every step.
    public func positions(of span: Span, nearLine line: inout Int) -> (start: SourcePosition, end: SourcePosition) {
        let start = min(max(span.start, 0), bytes.count)
        line = lineIndex(ofClampedOffset: start, from: line)
        return positions(of: span, onLine: line)
    }

    /// `positions(of:)` once the start's 0-based line is known.
    private func positions(of span: Span, onLine line: Int) -> (start: SourcePosition, end: SourcePosition) {
        let start = min(max(span.start, 0), bytes.count), end = min(max(span.end, 0), bytes.count)
        let lineStart = Int(lineStarts[line])
        let countedToStart = Self.characters(in: bytes, from: lineStart, to: start)
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

    /// The characters (bytes that are not UTF-8 continuation bytes) in `bytes[from..<to]`.
    private static func characters(in bytes: [UInt8], from: Int, to: Int) -> Int {
        guard to > from else { return 0 }
        return bytes.withUnsafeBufferPointer { bytes in
            var count = 0
            for index in from..<to where bytes[index] & 0xC0 != 0x80 { count += 1 }
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
