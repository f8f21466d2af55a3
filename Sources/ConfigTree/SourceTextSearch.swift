#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte searches over a file's bytes at memory speed (`memchr`).
enum ByteSearch {
    /// Calls `body` with the offset of every `byte` in `buffer`, in order, until `body` returns false.
    static func forEachOffset(of byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Bool) {
        guard let base = buffer.baseAddress else { return }
        var offset = 0
        while offset < buffer.count, let hit = memchr(base + offset, Int32(byte), buffer.count - offset) {
            let found = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
            guard body(found) else { return }
            offset = found + 1
        }
    }
}

extension SourceFile {
    /// Whether the file's bytes contain `text` verbatim.
    public func containsBytes(of text: String) -> Bool {
        var needle = text
        return needle.withUTF8 { pattern in
            guard let first = pattern.first, let patternBase = pattern.baseAddress else { return true }
            return bytes.withUnsafeBufferPointer { haystack in
                guard let base = haystack.baseAddress else { return false }
                // Each candidate first byte is found by memchr; memcmp checks the rest there.
                var found = false
                ByteSearch.forEachOffset(of: first, in: haystack) { offset in
                    guard haystack.count - offset >= pattern.count else { return false }
                    found = memcmp(base + offset, patternBase, pattern.count) == 0
                    return !found
                }
                return found
            }
        }
    }

    /// Whether a key or string value spelled `text` can occur in this file.
    ///
    /// False only when the bytes are absent and the file has no escape sequence that could spell them
    /// another way (`\u` in JSON; `\x`, `\u`, `\U` in YAML's double-quoted scalars). Lets a whole-tree walk
    /// looking for one key be skipped soundly when the answer is no.
    public func mightSpell(_ text: String) -> Bool {
        containsBytes(of: text) || containsSpellingEscape
    }

    /// Whether a backslash is followed by `u`, `x` or `U` anywhere (one pass over the backslashes).
    private var containsSpellingEscape: Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var found = false
            ByteSearch.forEachOffset(of: UInt8(ascii: "\\"), in: buffer) { offset in
                let next = offset + 1 < buffer.count ? buffer[offset + 1] : 0
                found = next == UInt8(ascii: "u") || next == UInt8(ascii: "x") || next == UInt8(ascii: "U")
                return !found
            }
            return found
        }
    }
}
