/// A fast hash of a byte string for in-memory tables: eight bytes mixed per step, the length mixed in so
/// that trailing zero bytes count, and the last partial word read as overlapping loads.
///
/// Not cryptographic and not stable across versions or platforms (it reads words in native byte order):
/// never store it or send it anywhere. The readers use it for repeated keys and shared strings, the
/// schema engine for property tables.
public enum ByteHash {
    @inlinable @inline(__always)
    public static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let count = bytes.count
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: count)
        var offset = 0
        while offset + 8 < count {
            state = (state ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            state ^= state >> 32
            offset += 8
        }
        let tail: UInt64
        if count >= 8 {
            tail = bytes.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        } else if count >= 4 {
            let low = UInt64(bytes.loadUnaligned(fromByteOffset: 0, as: UInt32.self))
            let high = UInt64(bytes.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            tail = low | high << 32
        } else if count > 0 {
            tail = UInt64(bytes[0]) | UInt64(bytes[count / 2]) << 8 | UInt64(bytes[count - 1]) << 16
        } else {
            tail = 0
        }
        state = (state ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        state ^= state >> 29
        return state
    }

    /// The hash of a buffer of bytes.
    @inlinable @inline(__always)
    public static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        hash(UnsafeRawBufferPointer(bytes))
    }
}
