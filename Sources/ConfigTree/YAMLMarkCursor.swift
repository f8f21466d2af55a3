/// Converts libyaml marks into positions of the source file.
///
/// libyaml counts `mark.index` in characters (a UTF-8 sequence is one, `\r\n` two), after a skipped
/// byte-order mark. Marks arrive almost always in increasing order, so the cursor walks forward from the
/// last one; a mark behind it restarts the walk from the beginning.
struct YAMLMarkCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    private let origin: Int
    private var characterIndex = 0
    private var offset: Int
    private var line = 1
    private var column: Int

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        origin = UTF8Scanning.startsWithByteOrderMark(bytes) ? 3 : 0
        offset = origin
        // SourceFile counts the byte-order mark as the first character of line 1.
        column = origin == 0 ? 1 : 2
    }

    mutating func position(ofCharacterIndex target: Int) -> SourcePosition {
        if target < characterIndex {
            characterIndex = 0
            offset = origin
            line = 1
            column = origin == 0 ? 1 : 2
        }
        let count = bytes.count
        while characterIndex < target, offset < count {
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
