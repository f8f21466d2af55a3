import CYAML

/// Converts libyaml marks into positions of the source file.
///
/// libyaml gives a 0-based line and column in characters, and `mark.index` in characters (a UTF-8
/// sequence is one, `\r\n` two) after a skipped byte-order mark. On a line of ASCII the mark's line and
/// column give the position at once. Elsewhere (a non-ASCII line, or a file with line breaks other than
/// `\n` and `\r\n`, which libyaml counts but `SourceFile` does not) a cursor walks forward from the last
/// mark; a mark behind it restarts the walk from the beginning.
struct YAMLMarkCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Per line: its start offset when it holds only ASCII (columns equal byte distances), else the
    /// start's bitwise complement (a negative number).
    private let asciiLineStarts: [Int]
    /// False when the file has line breaks libyaml counts and `SourceFile` does not (`\r` alone, U+0085, U+2028, U+2029).
    private let linesAgree: Bool
    private let origin: Int
    private var characterIndex = 0
    private var offset: Int
    private var line = 1
    private var column: Int

    init(file: SourceFile, bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        origin = UTF8Scanning.startsWithByteOrderMark(bytes) ? 3 : 0
        offset = origin
        // SourceFile counts the byte-order mark as the first character of line 1.
        column = origin == 0 ? 1 : 2
        let starts = (0..<file.lineCount).map(file.startOffset(ofLineAt:))
        var asciiStarts = starts
        var agree = true
        for lineIndex in starts.indices {
            let start = lineIndex == 0 ? min(origin, bytes.count) : starts[lineIndex]
            let end = lineIndex + 1 < starts.count ? starts[lineIndex + 1] : bytes.count
            let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
            let (ascii, carriageReturn) = Self.scan(line)
            if carriageReturn, agree {
                // Only "\r\n" is one break for both; a "\r" elsewhere is a break for libyaml alone.
                for index in line.indices where line[index] == 0x0D && (index + 1 >= line.count || line[index + 1] != 0x0A) {
                    agree = false
                }
            }
            if !ascii {
                asciiStarts[lineIndex] = ~starts[lineIndex]
                if agree, Self.containsUnicodeLineBreak(line) { agree = false }
            }
        }
        asciiLineStarts = asciiStarts
        linesAgree = agree
    }

    /// Whether `line` is all ASCII, and whether it contains a carriage return.
    private static func scan(_ line: UnsafeBufferPointer<UInt8>) -> (ascii: Bool, carriageReturn: Bool) {
        var high: UInt8 = 0
        var carriageReturn = false
        var index = 0
        if let base = line.baseAddress {
            var wordBits: UInt64 = 0
            while index + 8 <= line.count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                wordBits |= word
                if containsByte(0x0D, in: word) { carriageReturn = true }
                index += 8
            }
            if wordBits & 0x8080_8080_8080_8080 != 0 { high = 0x80 }
        }
        while index < line.count {
            high |= line[index] & 0x80
            if line[index] == 0x0D { carriageReturn = true }
            index += 1
        }
        return (high == 0, carriageReturn)
    }

    /// NEL (C2 85), LINE SEPARATOR (E2 80 A8) or PARAGRAPH SEPARATOR (E2 80 A9) in `line`.
    private static func containsUnicodeLineBreak(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        for index in line.indices {
            if line[index] == 0xC2, index + 1 < line.count, line[index + 1] == 0x85 { return true }
            if line[index] == 0xE2, index + 2 < line.count, line[index + 1] == 0x80, line[index + 2] == 0xA8 || line[index + 2] == 0xA9 { return true }
        }
        return false
    }

    @inline(__always)
    private static func containsByte(_ byte: UInt8, in word: UInt64) -> Bool {
        let spread = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return (spread &- 0x0101_0101_0101_0101) & ~spread & 0x8080_8080_8080_8080 != 0
    }

    /// The position of a libyaml mark.
    @inline(__always)
    mutating func position(of mark: yaml_mark_t) -> SourcePosition {
        let markLine = Int(mark.line)
        let markIndex = Int(mark.index)
        if linesAgree, markLine < asciiLineStarts.count {
            let encodedStart = asciiLineStarts[markLine]
            let shift = markLine == 0 ? origin : 0
            let markColumn = Int(mark.column)
            if encodedStart >= 0 {
                let next = markLine + 1 < asciiLineStarts.count ? asciiLineStarts[markLine + 1] : bytes.count
                let lineEnd = next >= 0 ? next : ~next
                if encodedStart + shift + markColumn <= lineEnd {
                    return SourcePosition(offset: encodedStart + shift + markColumn, line: markLine + 1, column: markColumn + 1 + (shift == 0 ? 0 : 1))
                }
            } else {
                // A non-ASCII line: walk from its start unless the cursor is already on it, before the mark.
                let lineStartIndex = markIndex - markColumn
                if lineStartIndex >= 0, characterIndex < lineStartIndex || characterIndex > markIndex {
                    characterIndex = lineStartIndex
                    offset = ~encodedStart + shift
                    line = markLine + 1
                    column = shift == 0 ? 1 : 2
                }
            }
        }
        return position(ofCharacterIndex: markIndex)
    }

    /// The position of the character with libyaml's `index`, by walking from the last one.
    mutating func position(ofCharacterIndex target: Int) -> SourcePosition {
        if target < characterIndex {
            characterIndex = 0
            offset = origin
            line = 1
            column = origin == 0 ? 1 : 2
        }
        let count = bytes.count
        while characterIndex < target, offset < count {
            // Eight ASCII bytes without a newline advance eight characters at once.
            if target - characterIndex >= 8, offset + 8 <= count, let base = bytes.baseAddress {
                let word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0, !Self.containsByte(0x0A, in: word) {
                    offset += 8
                    characterIndex += 8
                    column += 8
                    continue
                }
            }
            let byte = bytes[offset]
            if byte < 0x80 {
                offset += 1
                if byte == 0x0A {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            } else {
                offset += byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                column += 1
            }
            characterIndex += 1
        }
        return SourcePosition(offset: min(offset, count), line: line, column: column)
    }
}
