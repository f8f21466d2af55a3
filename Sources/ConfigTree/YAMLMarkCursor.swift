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
    private let lineStarts: [Int]
    /// Per line: true when it holds only ASCII, so columns equal byte distances.
    private let asciiLines: [Bool]
    /// False when the file has line breaks libyaml counts and `SourceFile` does not (`\r` alone, U+0085, U+2028, U+2029).
    private let linesAgree: Bool
    private let origin: Int
    private var characterIndex = 0
    private var offset: Int
    private var line = 1
    private var column: Int

    init(file: SourceFile, bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        lineStarts = file.lineStarts
        origin = UTF8Scanning.startsWithByteOrderMark(bytes) ? 3 : 0
        offset = origin
        // SourceFile counts the byte-order mark as the first character of line 1.
        column = origin == 0 ? 1 : 2
        var ascii = [Bool](repeating: true, count: file.lineStarts.count)
        var agree = true
        var lineIndex = 0
        var index = origin
        let count = bytes.count
        while index < count {
            if index + 8 <= count, let base = bytes.baseAddress {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0, !Self.containsByte(0x0A, in: word), !Self.containsByte(0x0D, in: word) {
                    index += 8
                    continue
                }
            }
            let byte = bytes[index]
            switch byte {
            case 0x0A:
                lineIndex += 1
            case 0x0D:
                if index + 1 >= count || bytes[index + 1] != 0x0A { agree = false }
            case 0xC2:
                ascii[lineIndex] = false
                if index + 1 < count, bytes[index + 1] == 0x85 { agree = false }
            case 0xE2:
                ascii[lineIndex] = false
                if index + 2 < count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 { agree = false }
            case 0x80...:
                ascii[lineIndex] = false
            default:
                break
            }
            index += 1
        }
        asciiLines = ascii
        linesAgree = agree
    }

    @inline(__always)
    private static func containsByte(_ byte: UInt8, in word: UInt64) -> Bool {
        let spread = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return (spread &- 0x0101_0101_0101_0101) & ~spread & 0x8080_8080_8080_8080 != 0
    }

    /// The position of a libyaml mark.
    mutating func position(of mark: yaml_mark_t) -> SourcePosition {
        let markLine = Int(mark.line)
        if linesAgree, markLine < asciiLines.count, asciiLines[markLine] {
            let shift = markLine == 0 ? origin : 0
            let start = lineStarts[markLine] + shift
            let markColumn = Int(mark.column)
            let lineEnd = markLine + 1 < lineStarts.count ? lineStarts[markLine + 1] : bytes.count
            if start + markColumn <= lineEnd {
                return SourcePosition(offset: start + markColumn, line: markLine + 1, column: markColumn + 1 + (shift == 0 ? 0 : 1))
            }
        }
        return position(ofCharacterIndex: Int(mark.index))
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
