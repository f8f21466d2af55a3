/// UTF-16LE, the only string encoding go-ntlmssp uses in AUTHENTICATE (non-BMP characters become surrogate pairs).
enum UTF16LE {
    static func encode(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf16.count * 2)
        for unit in text.utf16 {
            bytes.appendLittleEndian(unit)
        }
        return bytes
    }

    /// Decodes an even number of bytes; unpaired surrogates become U+FFFD, as Go's `utf16.Decode` does.
    /// Returns nil for an odd length, which go-ntlmssp rejects.
    static func decode(_ bytes: ArraySlice<UInt8>) -> String? {
        guard bytes.count % 2 == 0 else { return nil }
        return decodeLeniently(bytes)
    }

    /// Decodes for display: a trailing odd byte becomes U+FFFD instead of failing.
    static func decodeLeniently(_ bytes: ArraySlice<UInt8>) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            units.append(UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8)
            index += 2
        }
        var text = String(decoding: units, as: UTF16.self)
        if bytes.count % 2 != 0 {
            text.unicodeScalars.append("\u{FFFD}")
        }
        return text
    }
}
