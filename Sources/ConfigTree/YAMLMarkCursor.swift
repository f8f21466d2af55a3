
/// Converts libyaml marks into byte offsets of the source file.
///
/// libyaml counts `mark.index` in characters (a UTF-8 sequence is one, `\r\n` two) after a skipped
/// byte-order mark. In a file of ASCII text, the usual configuration, that index is the byte offset itself.
/// Elsewhere the offset is the index plus the extra bytes of the multi-byte characters before it: a table
/// holds one entry per run of characters of the same width, and a cursor moves along it as marks arrive
/// (in file order, mostly), so a mark costs a step or two. A file with more runs than `maxRuns` allows
/// (text that switches script every few bytes) walks its bytes from mark to mark instead.
///
/// libyaml's own line and column are not used: it counts line breaks (`\r` alone, U+0085, U+2028, U+2029)
/// that `SourceFile` does not, and lines and columns are worked out from offsets by the file anyway.
struct YAMLMarkCursor {
    /// A run of multi-byte characters of one width: from character index `start`, `count` characters of
    /// `extra + 1` bytes each, after `extraBefore` extra bytes in the file before the run.
    struct Run {
        let start: UInt32
        let count: UInt32
        let extraBefore: UInt32
        let extra: UInt32
    }

    let bytes: UnsafeBufferPointer<UInt8>
    /// Where character index 0 is: after a byte-order mark, or at the start.
    private let origin: Int
    /// The runs in file order; nil when the file has too many (then `walk` is used).
    private let runs: [Run]?
    /// The last run that starts at or before the last mark's index (-1: before the first run).
    private var runIndex = -1
    // The walking cursor: a character index and its byte offset.
    private var characterIndex = 0
    private var offset: Int

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        origin = UTF8Scanning.startsWithByteOrderMark(bytes) ? 3 : 0
        offset = origin
        runs = Self.runs(of: bytes, from: origin, maxRuns: max(64, bytes.count / 64))
    }

    /// The runs of multi-byte characters after `origin`, or nil when there are more than `maxRuns`.
    private static func runs(of bytes: UnsafeBufferPointer<UInt8>, from origin: Int, maxRuns: Int) -> [Run]? {
        guard let base = bytes.baseAddress else { return [] }
        var runs: [Run] = []
        var offset = origin
        var extraSoFar = 0
        let count = bytes.count
        while offset < count {
            // Eight ASCII bytes at a time.
            if offset + 8 <= count, UTF8Scanning.eightBytesAreASCII(at: base + offset) {
                offset += 8
                continue
            }
            let lead = base[offset]
            guard lead >= 0x80 else {
                offset += 1
                continue
            }
            let width = UTF8Scanning.width(ofLead: lead)
            let character = offset - origin - extraSoFar
            if let last = runs.last, Int(last.start + last.count) == character, Int(last.extra) == width - 1 {
                runs[runs.count - 1] = Run(start: last.start, count: last.count + 1, extraBefore: last.extraBefore, extra: last.extra)
            } else {
                if runs.count == maxRuns { return nil }
                runs.append(Run(start: UInt32(truncatingIfNeeded: character), count: 1,
                                extraBefore: UInt32(truncatingIfNeeded: extraSoFar), extra: UInt32(truncatingIfNeeded: width - 1)))
            }
            extraSoFar += width - 1
            offset += width
        }
        return runs
    }

    /// The byte offset of libyaml's character index `target` (a mark's `index`).
    @inline(__always)
    mutating func offset(ofIndex target: Int) -> Int {
        guard let runs else { return walk(toCharacterIndex: target) }
        if runs.isEmpty { return min(origin + target, bytes.count) }
        while runIndex + 1 < runs.count, Int(runs[runIndex + 1].start) <= target { runIndex += 1 }
        while runIndex >= 0, Int(runs[runIndex].start) > target { runIndex -= 1 }
        guard runIndex >= 0 else { return min(origin + target, bytes.count) }
        let run = runs[runIndex]
        let inside = min(target - Int(run.start), Int(run.count))
        return min(origin + target + Int(run.extraBefore) + inside * Int(run.extra), bytes.count)
    }

    /// The byte offset of the character with libyaml's `index`, by walking from the last one.
    mutating func walk(toCharacterIndex target: Int) -> Int {
        let count = bytes.count
        while characterIndex > target, offset > origin {
            offset -= 1
            while offset > origin, bytes[offset] & 0xC0 == 0x80 { offset -= 1 }
            characterIndex -= 1
        }
        while characterIndex < target, offset < count {
            // Eight ASCII bytes advance eight characters at once.
            if target - characterIndex >= 8, offset + 8 <= count, let base = bytes.baseAddress,
               UTF8Scanning.eightBytesAreASCII(at: base + offset) {
                offset += 8
                characterIndex += 8
                continue
            }
            offset = min(offset + UTF8Scanning.width(ofLead: bytes[offset]), count)
            characterIndex += 1
        }
        return offset
    }
}
