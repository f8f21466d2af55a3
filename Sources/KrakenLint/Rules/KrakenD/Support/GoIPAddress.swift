/// Whether a string is an IP literal that Go's `net.ParseIP` accepts (KrakenD checks `listen_ip` so).
///
/// Go parses with `netip.ParseAddr` and rejects zones: IPv4 is exactly four decimal fields 0–255
/// without leading zeros; IPv6 is up to eight groups of one to four hex digits with at most one `::`
/// (which must stand for at least one group) and an optional dotted IPv4 tail in the last 32 bits.
enum GoIPAddress {
    static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        for byte in bytes {
            if byte == UInt8(ascii: ".") { return parseIPv4(bytes[...]) != nil }
            if byte == UInt8(ascii: ":") { return isValidIPv6(bytes[...]) }
            if byte == UInt8(ascii: "%") { return false }
        }
        return false
    }

    /// The four bytes of a dotted IPv4 address, or nil.
    static func parseIPv4(_ bytes: ArraySlice<UInt8>) -> [UInt8]? {
        var fields: [UInt8] = []
        var value = 0
        var digits = 0
        var leadingZero = false
        for byte in bytes {
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                if digits == 1 && leadingZero { return nil }
                if digits == 0 { leadingZero = byte == UInt8(ascii: "0") }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
                if value > 255 { return nil }
            } else if byte == UInt8(ascii: ".") {
                guard digits > 0, fields.count < 3 else { return nil }
                fields.append(UInt8(value))
                value = 0
                digits = 0
            } else {
                return nil
            }
        }
        guard digits > 0, fields.count == 3 else { return nil }
        fields.append(UInt8(value))
        return fields
    }

    static func isValidIPv6(_ input: ArraySlice<UInt8>) -> Bool {
        var rest = input
        var filled = 0          // bytes of the 16 already produced
        var sawEllipsis = false
        if rest.starts(with: [UInt8(ascii: ":"), UInt8(ascii: ":")]) {
            sawEllipsis = true
            rest = rest.dropFirst(2)
            if rest.isEmpty { return true }
        }
        while filled < 16 {
            var digits = 0
            var index = rest.startIndex
            while index < rest.endIndex, hexValue(rest[index]) != nil {
                digits += 1
                if digits > 4 { return false }
                index = rest.index(after: index)
            }
            guard digits > 0 else { return false }
            if index < rest.endIndex && rest[index] == UInt8(ascii: ".") {
                // A dotted IPv4 tail fills the last four bytes.
                guard sawEllipsis || filled == 12, filled + 4 <= 16, parseIPv4(rest) != nil else { return false }
                filled += 4
                rest = rest[rest.endIndex...]
                break
            }
            filled += 2
            rest = rest[index...]
            if rest.isEmpty { break }
            guard rest.first == UInt8(ascii: ":"), rest.count > 1 else { return false }
            rest = rest.dropFirst()
            if rest.first == UInt8(ascii: ":") {
                if sawEllipsis { return false }
                sawEllipsis = true
                rest = rest.dropFirst()
                if rest.isEmpty { break }
            }
        }
        guard rest.isEmpty else { return false }
        return sawEllipsis ? filled < 16 : filled == 16
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
