/// The escapers behind the `html`, `js` and `urlquery` built-ins (Go's `HTMLEscapeString`,
/// `JSEscapeString` and `url.QueryEscape`).
enum TextEscaping {
    static func html(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\0": result += "\u{FFFD}"
            case "\"": result += "&#34;"
            case "'": result += "&#39;"
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static func javaScript(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "'": result += "\\'"
            case "\"": result += "\\\""
            case "<": result += "\\u003C"
            case ">": result += "\\u003E"
            case "&": result += "\\u0026"
            case "=": result += "\\u003D"
            default:
                if scalar.value < 0x20 {
                    result += "\\u00" + hexDigits(scalar.value, width: 2)
                } else if scalar.value < 0x80 || isPrintable(scalar) {
                    result.unicodeScalars.append(scalar)
                } else {
                    result += "\\u" + hexDigits(scalar.value, width: 4)
                }
            }
        }
        return result
    }

    static func urlQuery(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: " "):
                result += "+"
            default:
                result += "%" + hexDigits(UInt32(byte), width: 2)
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
