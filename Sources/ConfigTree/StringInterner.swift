#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One shared `String` per distinct text the readers meet again and again.
///
/// A KrakenD configuration repeats the same few hundred keys thousands of times (`qos/circuit-breaker`,
/// `allow_insecure_connections`...) and many values too (a JWKS URL, a host, a CEL expression). Swift
/// stores strings of up to 15 UTF-8 bytes inline, but every longer one is a heap allocation; the readers
/// ask here instead, so the tree holds one copy per distinct text. The table has a fixed number of
/// slots: once half of them are taken, new texts are simply not shared.
struct StringInterner {
    /// Texts this short are stored inline by `String` and gain nothing from sharing.
    static let inlineLength = 15

    private let slotCount: Int
    private let minLength: Int
    private let maxLength: Int
    private var hashes: [UInt64]
    private var strings: [String?]
    private var used = 0

    /// A table of `slotCount` slots (a power of two) for texts of `minLength` to `maxLength` bytes.
    init(slotCount: Int, minLength: Int = inlineLength + 1, maxLength: Int = .max) {
        precondition(slotCount > 0 && slotCount & (slotCount - 1) == 0, "slotCount must be a power of two")
        self.slotCount = slotCount
        self.minLength = minLength
        self.maxLength = maxLength
        hashes = Array(repeating: 0, count: slotCount)
        strings = Array(repeating: nil, count: slotCount)
    }

    /// The table for member names of an input of `inputSize` bytes.
    ///
    /// Short names are kept too: they take no memory of their own, but finding one among the few hundred
    /// distinct names of a configuration (its hash is known already) costs a fraction of decoding it again,
    /// and a large file has hundreds of thousands of them.
    static func forKeys(inputSize: Int) -> StringInterner {
        StringInterner(slotCount: slots(for: inputSize, atMost: 4096), minLength: 1)
    }

    /// The table for string values of an input of `inputSize` bytes.
    static func forValues(inputSize: Int) -> StringInterner {
        StringInterner(slotCount: slots(for: inputSize, atMost: 16_384), maxLength: 128)
    }

    /// A table sized to the input: a 600-byte file cannot hold thousands of distinct long strings, and
    /// allocating (and freeing) a large table for each small file would cost more than sharing saves.
    static func slots(for inputSize: Int, atMost limit: Int) -> Int {
        var slots = 64
        while slots < limit, slots * 32 < inputSize { slots *= 2 }
        return slots
    }

    /// The string for `bytes` (valid UTF-8), shared with an earlier one of the same text when possible.
    /// `hash` is `RepeatedKeys.hash(bytes)`.
    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> String {
        guard bytes.count >= minLength, bytes.count <= maxLength, let base = bytes.baseAddress else {
            return String(decoding: bytes, as: UTF8.self)
        }
        // A stored hash is never 0, so 0 marks a free slot and a probe reads no string until the hashes match.
        let stored = hash | 1
        let mask = slotCount - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        // Linear probing; the table stops accepting texts when half full, so a free slot is always near.
        for _ in 0..<(slotCount / 2) {
            let found = hashes[slot]
            if found == 0 {
                let created = String(decoding: bytes, as: UTF8.self)
                if used < slotCount / 2 {
                    strings[slot] = created
                    hashes[slot] = stored
                    used += 1
                }
                return created
            }
            if found == stored, var existing = strings[slot],
               existing.withUTF8({ text in
                   text.count == bytes.count && text.baseAddress.map { memcmp($0, base, bytes.count) == 0 } == true
               }) {
                return existing
            }
            slot = (slot + 1) & mask
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `string(_:hash:)` computing the hash itself, for texts that may be shared.
    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.count >= minLength, bytes.count <= maxLength else { return String(decoding: bytes, as: UTF8.self) }
        return string(bytes, hash: RepeatedKeys.hash(bytes))
    }
}
