/// One shared `String` per distinct long key of a file.
///
/// A KrakenD configuration repeats the same few hundred keys thousands of times (`qos/circuit-breaker`,
/// `allow_insecure_connections`...). Swift stores strings of up to 15 UTF-8 bytes inline, but every longer
/// one is a heap allocation; the readers ask here instead, so the tree holds one copy per distinct key.
/// The table has a fixed number of slots: once they are taken, new keys are simply not shared.
struct KeyInterner {
    /// Keys this short are stored inline by `String` and gain nothing from sharing.
    static let inlineLength = 15
    private static let slotCount = 4096

    private var hashes: [UInt64]
    private var strings: [String?]
    private var used = 0

    init() {
        hashes = Array(repeating: 0, count: Self.slotCount)
        strings = Array(repeating: nil, count: Self.slotCount)
    }

    /// The string for `bytes` (valid UTF-8), shared with earlier keys of the same text when possible.
    /// `hash` is `RepeatedKeys.hash(bytes)`.
    mutating func key(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> String {
        guard bytes.count > Self.inlineLength else { return String(decoding: bytes, as: UTF8.self) }
        let mask = Self.slotCount - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        // Linear probing over at most half the table: the table stops accepting keys when half full.
        for _ in 0..<(Self.slotCount / 2) {
            guard var existing = strings[slot] else {
                let created = String(decoding: bytes, as: UTF8.self)
                if used < Self.slotCount / 2 {
                    strings[slot] = created
                    hashes[slot] = hash
                    used += 1
                }
                return created
            }
            if hashes[slot] == hash, existing.withUTF8({ $0.elementsEqual(bytes) }) { return existing }
            slot = (slot + 1) & mask
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
