/// Escaping for the XML formats (JUnit, Checkstyle).
public enum XMLText {
    /// `text` safe inside an element: markup characters escaped, characters XML 1.0 forbids replaced by U+FFFD.
    public static func escapeContent(_ text: String) -> String { escape(text, attribute: false) }

    /// `text` safe inside a double-quoted attribute; line breaks and tabs are kept as character references.
    public static func escapeAttribute(_ text: String) -> String { escape(text, attribute: true) }

    private static func escape(_ text: String, attribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "'" where attribute: out += "&apos;"
            case "\n" where attribute: out += "&#10;"
            case "\r": out += "&#13;"
            case "\t" where attribute: out += "&#9;"
            default:
                out.unicodeScalars.append(isAllowed(scalar) ? scalar : "\u{FFFD}")
            }
        }
        return out
    }

    /// The `Char` production of XML 1.0.
    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    public static let declaration = #"<?xml version="1.0" encoding="UTF-8"?>"#
}
