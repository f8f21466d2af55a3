/// The escapers behind the `html`, `js` and `urlquery` built-ins (Go's `HTMLEscapeString`,
/// `JSEscapeString` and `url.QueryEscape`).
enum TextEscaping {
    /// Works byte by byte, as Go does: bytes that are not valid UTF-8 pass through.
    static func html(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        for byte in bytes {
            switch byte {
            case 0: result.append(contentsOf: [0xEF, 0xBF, 0xBD])
            case UInt8(ascii: "\""): result.append(contentsOf: "&#34;".utf8)
            case UInt8(ascii: "'"): result.append(contentsOf: "&#39;".utf8)
            case UInt8(ascii: "&"): result.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): result.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): result.append(contentsOf: "&gt;".utf8)
            default: result.append(byte)
            }
        }
        return result
    }

    /// A byte that is not valid UTF-8 decodes as U+FFFD, which is printable, so Go writes the byte as it is.
    static func javaScript(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                switch byte {
                case UInt8(ascii: "\\"): result.append(contentsOf: "\\\\".utf8)
                case UInt8(ascii: "'"): result.append(contentsOf: "\\'".utf8)
                case UInt8(ascii: "\""): result.append(contentsOf: "\\\"".utf8)
                case UInt8(ascii: "<"): result.append(contentsOf: "\\u003C".utf8)
                case UInt8(ascii: ">"): result.append(contentsOf: "\\u003E".utf8)
                case UInt8(ascii: "&"): result.append(contentsOf: "\\u0026".utf8)
                case UInt8(ascii: "="): result.append(contentsOf: "\\u003D".utf8)
                default:
                    if byte < 0x20 {
                        result.append(contentsOf: ("\\u00" + hexDigits(UInt32(byte), width: 2)).utf8)
                    } else {
                        result.append(byte)
                    }
                }
                continue
            }
            let (rune, width) = UTF8Decoding.decodeRune(bytes, at: index)
            if width == 1 && rune == UTF8Decoding.replacementCharacter {
                result.append(byte)
            } else if let scalar = Unicode.Scalar(rune), isPrintable(scalar) {
                result.append(contentsOf: bytes[index..<(index + width)])
            } else {
                result.append(contentsOf: ("\\u" + hexDigits(rune, width: 4)).utf8)
            }
            index += width
        }
        return result
    }

    static func urlQuery(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                UInt8(ascii: "~"):
                result.append(byte)
            case UInt8(ascii: " "):
                result.append(UInt8(ascii: "+"))
            default:
                result.append(contentsOf: ("%" + hexDigits(UInt32(byte), width: 2)).utf8)
            }
        }
        return result
    }

    private static func hexDigits(_ value: UInt32, width: Int) -> String {
        var digits = String(value, radix: 16, uppercase: true)
        while digits.count < width { digits = "0" + digits }
        return digits
    }

    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator,
            .spaceSeparator:
            return false
        default:
            return true
        }
    }
}
