/// A quick "certainly not" for a set of names, by length and first byte, that spares hashing the
/// thousands of namespace names nobody asked about (`qos/...`, `modifier/...`, `proxy`) before a
/// dictionary lookup: the walk's namespace rules and the secret catalog use it.
struct NameFilter {
    private var lengths: UInt64 = 0
    private var firstBytes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    init<Names: Sequence<String>>(_ names: Names) {
        for name in names {
            lengths |= 1 << UInt64(min(name.utf8.count, 63))
            Self.set(name.utf8.first ?? 0, in: &firstBytes)
        }
    }

    /// False only when no name of the set has this length (lengths of 63 and more share one bit) and
    /// first byte.
    func mayContain(_ name: String) -> Bool {
        lengths & (1 << UInt64(min(name.utf8.count, 63))) != 0 && Self.isSet(name.utf8.first ?? 0, in: firstBytes)
    }

    private static func set(_ byte: UInt8, in bits: inout (UInt64, UInt64, UInt64, UInt64)) {
        let mask = UInt64(1) << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: bits.0 |= mask
        case 1: bits.1 |= mask
        case 2: bits.2 |= mask
        default: bits.3 |= mask
        }
    }

    private static func isSet(_ byte: UInt8, in bits: (UInt64, UInt64, UInt64, UInt64)) -> Bool {
        let mask = UInt64(1) << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: return bits.0 & mask != 0
        case 1: return bits.1 & mask != 0
        case 2: return bits.2 & mask != 0
        default: return bits.3 & mask != 0
        }
    }
}
