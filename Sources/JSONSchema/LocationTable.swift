/// A table of values by schema location (the compiler's nodes, the registry's indexing records), with its
/// own open-addressed slots and hash instead of a `Dictionary`.
///
/// A `Dictionary` keyed by `SchemaLocation` hashed two tokens with SipHash at each lookup (about 550
/// instructions), and the runtime's first use of such a table looked up `SchemaLocation: Hashable` among
/// every conformance in the binary (0.5 M instructions, a twentieth of a small lint). Here a lookup
/// hashes a few words of the location (`hash(_:)`) and compares keys only when the hashes match.
struct LocationTable<Value> {
    private var keys: [SchemaLocation?] = []
    private var values: [Value?] = []
    /// Each slot's hash, so that growing does not hash again and most probes compare no key.
    private var hashes: [Int] = []
    private var count = 0

    /// The value recorded for `location`, or nil.
    subscript(location: SchemaLocation) -> Value? {
        guard !keys.isEmpty else { return nil }
        let hash = LocationTable.hash(location)
        let mask = keys.count - 1
        var slot = hash & mask
        while let key = keys[slot] {
            if hashes[slot] == hash && key == location { return values[slot] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Records `value` for `location`, replacing what was there.
    mutating func set(_ value: Value, for location: SchemaLocation) {
        if (count + 1) * 2 > keys.count { grow() }
        insert(value, for: location, hash: LocationTable.hash(location))
    }

    /// Every value recorded, in no particular order.
    var allValues: [Value] { values.compactMap { $0 } }

    private mutating func insert(_ value: Value, for location: SchemaLocation, hash: Int) {
        let mask = keys.count - 1
        var slot = hash & mask
        while let key = keys[slot] {
            if hashes[slot] == hash && key == location {
                values[slot] = value
                return
            }
            slot = (slot + 1) & mask
        }
        keys[slot] = location
        values[slot] = value
        hashes[slot] = hash
        count += 1
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        let oldHashes = hashes
        let capacity = Swift.max(64, keys.count * 2)
        keys = Array(repeating: nil, count: capacity)
        values = Array(repeating: nil, count: capacity)
        hashes = Array(repeating: 0, count: capacity)
        count = 0
        for index in oldKeys.indices {
            if let key = oldKeys[index], let value = oldValues[index] { insert(value, for: key, hash: oldHashes[index]) }
        }
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
