/// A table of values by schema location (the compiler's nodes, the registry's indexing records), with its
/// own open-addressed slots and hash instead of a `Dictionary`.
///
/// A `Dictionary` keyed by `SchemaLocation` hashed two tokens with SipHash at each lookup (about 550
/// instructions), and the runtime's first use of such a table looked up `SchemaLocation: Hashable` among
/// every conformance in the binary (0.5 M instructions, a twentieth of a small lint). Here a lookup
/// hashes a few words of the location (`hash(_:)`) and compares keys only when the hashes match.
struct LocationTable<Value> {
    /// The entries in the order they were recorded, with each location's hash.
    private var keys: [SchemaLocation] = []
    private var values: [Value] = []
    private var hashes: [Int] = []
    /// Open-addressed slots (a power of two, at most half full): 0 for none, else an entry's index + 1.
    /// Growing rebuilds these integers from the stored hashes, without moving or hashing any location.
    private var slots: [Int32] = []

    /// The value recorded for `location`, or nil.
    subscript(location: SchemaLocation) -> Value? {
        guard let entry = entry(for: location, hash: LocationTable.hash(location)) else { return nil }
        return values[entry]
    }

    /// Records `value` for `location`, replacing what was there.
    mutating func set(_ value: Value, for location: SchemaLocation) {
        let hash = LocationTable.hash(location)
        if let entry = entry(for: location, hash: hash) {
            values[entry] = value
            return
        }
        keys.append(location)
        values.append(value)
        hashes.append(hash)
        if keys.count * 2 > slots.count {
            slots = Array(repeating: 0, count: Swift.max(64, slots.count * 2))
            for entry in hashes.indices { place(entry) }
        } else {
            place(keys.count - 1)
        }
    }

    /// Every value recorded, in the order recorded.
    var allValues: [Value] { values }

    private func entry(for location: SchemaLocation, hash: Int) -> Int? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] != 0 {
            let entry = Int(slots[slot]) - 1
            if hashes[entry] == hash && keys[entry] == location { return entry }
            slot = (slot + 1) & mask
        }
        return nil
    }

    private mutating func place(_ entry: Int) {
        let mask = slots.count - 1
        var slot = hashes[entry] & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(entry + 1)
    }

    /// FNV-1a over the document, the depth, and the length and first and last eight bytes of the last two
    /// tokens (locations that differ elsewhere rarely meet: they are compared in full when hashes match).
    private static func hash(_ location: SchemaLocation) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ value: UInt64) { hash = (hash ^ value) &* 0x100_0000_01b3 }
        mix(UInt64(truncatingIfNeeded: location.document))
        let tokens = location.pointer.tokens
        mix(UInt64(tokens.count))
        var index = tokens.count
        while index > 0 && index > tokens.count - 2 {
            index -= 1
            var token = tokens[index]
            token.withUTF8 { bytes in
                mix(UInt64(bytes.count))
                mix(prefix(bytes))
                if bytes.count > 8 { mix(prefix(UnsafeBufferPointer(rebasing: bytes[(bytes.count - 8)...]))) }
            }
        }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }

    /// Up to the first eight bytes of `bytes`, as one number.
    private static func prefix(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        if bytes.count >= 8 { return UnsafeRawPointer(bytes.baseAddress!).loadUnaligned(as: UInt64.self) }
        var value: UInt64 = 0
        for byte in bytes { value = value << 8 | UInt64(byte) }
        return value
    }
}
