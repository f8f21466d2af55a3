/// Little-endian writing into a byte array, as every NTLM field is little-endian.
extension Array where Element == UInt8 {
    mutating func appendLittleEndian(_ value: UInt16) {
        append(UInt8(truncatingIfNeeded: value))
        append(UInt8(truncatingIfNeeded: value >> 8))
    }

    mutating func appendLittleEndian(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) {
            append(UInt8(truncatingIfNeeded: value >> UInt32(shift)))
        }
    }

    mutating func appendLittleEndian(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) {
            append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
        }
    }

    /// Appends a varField `{Len u16, MaxLen u16, Offset u32}` with `MaxLen = Len`. Like go-ntlmssp, a length
    /// above 65535 or an offset above 4 GiB is truncated to the field's width rather than trapping.
    mutating func appendVarField(length: Int, offset: Int) {
        let length16 = UInt16(truncatingIfNeeded: length)
        appendLittleEndian(length16)
        appendLittleEndian(length16)
        appendLittleEndian(UInt32(truncatingIfNeeded: offset))
    }
}

/// Bounds-checked little-endian reads; callers check the range first, these only assemble bytes.
extension Array where Element == UInt8 {
    func littleEndianUInt16(at offset: Int) -> UInt16? {
        guard offset >= 0, offset <= count - 2 else { return nil }
        return UInt16(self[offset]) | UInt16(self[offset + 1]) << 8
    }

    func littleEndianUInt32(at offset: Int) -> UInt32? {
        guard offset >= 0, offset <= count - 4 else { return nil }
        var value: UInt32 = 0
        for index in 0..<4 {
            value |= UInt32(self[offset + index]) << UInt32(8 * index)
        }
        return value
    }

    func littleEndianUInt64(at offset: Int) -> UInt64? {
        guard offset >= 0, offset <= count - 8 else { return nil }
        var value: UInt64 = 0
        for index in 0..<8 {
            value |= UInt64(self[offset + index]) << UInt64(8 * index)
        }
        return value
    }
}

/// Lowercase hex of some bytes, for messages and tests.
func hexString<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
    let digits: [Character] = Array("0123456789abcdef")
    var text = ""
    for byte in bytes {
        text.append(digits[Int(byte >> 4)])
        text.append(digits[Int(byte & 0x0f)])
    }
    return text
}
