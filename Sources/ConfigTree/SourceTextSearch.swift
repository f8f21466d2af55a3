#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension SourceFile {
    /// Whether the file's bytes contain `text` verbatim.
    public func containsBytes(of text: String) -> Bool {
        let needle = Array(text.utf8)
        guard let first = needle.first else { return true }
        return bytes.withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { pattern in
                guard let base = haystack.baseAddress, let patternBase = pattern.baseAddress else { return false }
                // memchr finds each candidate first byte at memory speed; memcmp checks the rest there.
                var start = 0
                while haystack.count - start >= pattern.count {
                    guard let hit = memchr(base + start, Int32(first), haystack.count - start) else { return false }
                    let offset = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
                    if haystack.count - offset < pattern.count { return false }
                    if memcmp(base + offset, patternBase, pattern.count) == 0 { return true }
                    start = offset + 1
                }
                return false
            }
        }
    }

    /// Whether a key or string value spelled `text` can occur in this file.
    ///
    /// False only when the bytes are absent and the file has no escape sequence that could spell them
    /// another way (`\u` in JSON; `\x`, `\u`, `\U` in YAML's double-quoted scalars). Lets a whole-tree walk
    /// looking for one key be skipped soundly when the answer is no.
    public func mightSpell(_ text: String) -> Bool {
        if containsBytes(of: text) { return true }
        return containsBytes(of: #"\u"#) || containsBytes(of: #"\x"#) || containsBytes(of: #"\U"#)
    }
}
