/// A read-only map from property name (compared by code points) to its schema, built once at
/// compile time. Open addressing with an FNV-1a hash over the UTF-8 bytes: cheaper per lookup
/// than `Dictionary` with its seeded SipHash, which matters at one lookup per instance member.
final class PropertyTable: @unchecked Sendable {
    private var slots: [Int32]
    private var keys: [String] = []
    private var values: [SchemaNode] = []
    private let mask: Int

    init(_ entries: [(String, SchemaNode)]) {
        var capacity = 8
        while capacity < entries.count * 2 { capacity *= 2 }
        mask = capacity - 1
        slots = [Int32](repeating: -1, count: capacity)
        for (key, value) in entries {
            if let existing = index(of: key) {
                values[existing] = value
                continue
            }
            var slot = PropertyTable.hash(key) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(keys.count)
            keys.append(key)
            values.append(value)
        }
    }

    var count: Int { keys.count }
    var names: [String] { keys }

    @inline(__always)
    static func hash(_ key: String) -> Int {
        if let fast = key.utf8.withContiguousStorageIfAvailable(hash(bytes:)) { return fast }
        return hash(bytes: Array(key.utf8))
    }

    @inline(__always)
    private static func hash<Bytes: Collection<UInt8>>(bytes: Bytes) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }

    private func index(of key: String) -> Int? {
        var slot = PropertyTable.hash(key) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { return nil }
            if JSONEquality.sameScalars(keys[entry], key) { return entry }
            slot = (slot + 1) & mask
        }
    }

    subscript(key: String) -> SchemaNode? {
        guard let entry = index(of: key) else { return nil }
        return values[entry]
    }

    func contains(_ key: String) -> Bool { index(of: key) != nil }
}
