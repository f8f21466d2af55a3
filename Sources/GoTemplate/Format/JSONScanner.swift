/// A byte-at-a-time JSON syntax checker with the states and error messages of Go's `encoding/json` scanner,
/// so that a syntax error reads exactly as Go's (`invalid character ']' looking for beginning of value`).
struct JSONScanner {
    /// What one byte did.
    enum Event {
        case `continue`, beginLiteral, beginObject, objectKey, objectValue, endObject
        case beginArray, arrayValue, endArray, skipSpace, end, error
    }

    private enum State {
        case beginValue, beginValueOrEmpty, beginStringOrEmpty, beginString, endValue, endTop
        case inString, inStringEscape, inStringEscapeU(remaining: Int)
        case negative, zero, nonZero, dot, dotDigits, exponent, exponentSign, exponentDigits
        case literal(expected: [UInt8], position: Int, name: String)
        case failed
    }

    private enum Container { case objectKey, objectValue, arrayValue }

    /// Go's limit on nesting is 10,000; this one is lower so that building and freeing the values stays well
    /// within a thread's stack.
    static let maximumNesting = 1_000

    private var state = State.beginValue
    private var containers: [Container] = []
    private(set) var error: String?
    private(set) var endTop = false

    /// Whether the scanner is inside a string literal, past any escape: there every byte other than `"`, `\`
    /// and a control character only continues the literal.
    var isInString: Bool {
        if case .inString = state { return true }
        return false
    }

    /// Feeds one byte.
    mutating func step(_ byte: UInt8) -> Event {
        switch state {
        case .failed: return .error
        case .beginValueOrEmpty:
            if Self.isSpace(byte) { return .skipSpace }
            if byte == UInt8(ascii: "]") { return endValue(byte) }
            return beginValue(byte)
        case .beginValue: return beginValue(byte)
        case .beginStringOrEmpty:
            if Self.isSpace(byte) { return .skipSpace }
            if byte == UInt8(ascii: "}") {
                containers[containers.count - 1] = .objectValue
                return endValue(byte)
            }
            return beginString(byte)
        case .beginString: return beginString(byte)
        case .endValue: return endValue(byte)
        case .endTop: return endTopStep(byte)
        case .inString:
            if byte == UInt8(ascii: "\"") {
                state = .endValue
            } else if byte == UInt8(ascii: "\\") {
                state = .inStringEscape
            } else if byte < 0x20 {
                return fail(byte, "in string literal")
            }
            return .continue
        case .inStringEscape:
            switch byte {
            case UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"),
                UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "\""):
                state = .inString
            case UInt8(ascii: "u"):
                state = .inStringEscapeU(remaining: 4)
            default:
                return fail(byte, "in string escape code")
            }
            return .continue
        case .inStringEscapeU(let remaining):
            guard Self.isHexDigit(byte) else { return fail(byte, "in \\u hexadecimal character escape") }
            state = remaining == 1 ? .inString : .inStringEscapeU(remaining: remaining - 1)
            return .continue
        case .negative:
            if byte == UInt8(ascii: "0") {
                state = .zero
                return .continue
            }
            if Self.isNonZeroDigit(byte) {
                state = .nonZero
                return .continue
            }
            return fail(byte, "in numeric literal")
        case .nonZero:
            if Self.isDigit(byte) { return .continue }
            return afterIntegerPart(byte)
        case .zero:
            return afterIntegerPart(byte)
        case .dot:
            if Self.isDigit(byte) {
                state = .dotDigits
                return .continue
            }
            return fail(byte, "after decimal point in numeric literal")
        case .dotDigits:
            if Self.isDigit(byte) { return .continue }
            if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                state = .exponent
                return .continue
            }
            return endValue(byte)
        case .exponent:
            if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") {
                state = .exponentSign
                return .continue
            }
            return exponentSign(byte)
        case .exponentSign:
            return exponentSign(byte)
        case .exponentDigits:
            if Self.isDigit(byte) { return .continue }
            return endValue(byte)
        case .literal(let expected, let position, let name):
            guard byte == expected[position] else {
                return fail(byte, "in literal \(name) (expecting '\(Character(Unicode.Scalar(expected[position])))')")
            }
            state = position + 1 == expected.count ? .endValue : .literal(expected: expected, position: position + 1, name: name)
            return .continue
        }
    }

    /// Ends the input: a number still open is closed as Go does, by feeding a space.
    mutating func finish() -> Event {
        if error != nil { return .error }
        if endTop { return .end }
        let event = step(UInt8(ascii: " "))
        if endTop { return event == .error ? .error : .end }
        if error == nil { error = "unexpected end of JSON input" }
        return .error
    }

    private mutating func beginValue(_ byte: UInt8) -> Event {
        if Self.isSpace(byte) { return .skipSpace }
        switch byte {
        case UInt8(ascii: "{"):
            state = .beginStringOrEmpty
            return push(.objectKey, byte, success: .beginObject)
        case UInt8(ascii: "["):
            state = .beginValueOrEmpty
            return push(.arrayValue, byte, success: .beginArray)
        case UInt8(ascii: "\""):
            state = .inString
        case UInt8(ascii: "-"):
            state = .negative
        case UInt8(ascii: "0"):
            state = .zero
        case UInt8(ascii: "1")...UInt8(ascii: "9"):
            state = .nonZero
        case UInt8(ascii: "t"):
            state = .literal(expected: Array("rue".utf8), position: 0, name: "true")
        case UInt8(ascii: "f"):
            state = .literal(expected: Array("alse".utf8), position: 0, name: "false")
        case UInt8(ascii: "n"):
            state = .literal(expected: Array("ull".utf8), position: 0, name: "null")
        default:
            return fail(byte, "looking for beginning of value")
        }
        return .beginLiteral
    }

    private mutating func beginString(_ byte: UInt8) -> Event {
        if Self.isSpace(byte) { return .skipSpace }
        if byte == UInt8(ascii: "\"") {
            state = .inString
            return .beginLiteral
        }
        return fail(byte, "looking for beginning of object key string")
    }

    private mutating func afterIntegerPart(_ byte: UInt8) -> Event {
        if byte == UInt8(ascii: ".") {
            state = .dot
            return .continue
        }
        if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            state = .exponent
            return .continue
        }
        return endValue(byte)
    }

    private mutating func exponentSign(_ byte: UInt8) -> Event {
        if Self.isDigit(byte) {
            state = .exponentDigits
            return .continue
        }
        return fail(byte, "in exponent of numeric literal")
    }

    private mutating func endValue(_ byte: UInt8) -> Event {
        guard let container = containers.last else {
            state = .endTop
            endTop = true
            return endTopStep(byte)
        }
        if Self.isSpace(byte) {
            state = .endValue
            return .skipSpace
        }
        switch container {
        case .objectKey:
            if byte == UInt8(ascii: ":") {
                containers[containers.count - 1] = .objectValue
                state = .beginValue
                return .objectKey
            }
            return fail(byte, "after object key")
        case .objectValue:
            if byte == UInt8(ascii: ",") {
                containers[containers.count - 1] = .objectKey
                state = .beginString
                return .objectValue
            }
            if byte == UInt8(ascii: "}") {
                pop()
                return .endObject
            }
            return fail(byte, "after object key:value pair")
        case .arrayValue:
            if byte == UInt8(ascii: ",") {
                state = .beginValue
                return .arrayValue
            }
            if byte == UInt8(ascii: "]") {
                pop()
                return .endArray
            }
            return fail(byte, "after array element")
        }
    }

    private mutating func endTopStep(_ byte: UInt8) -> Event {
        if !Self.isSpace(byte) {
            _ = fail(byte, "after top-level value")
        }
        return .end
    }

    private mutating func push(_ container: Container, _ byte: UInt8, success: Event) -> Event {
        containers.append(container)
        if containers.count <= Self.maximumNesting { return success }
        return fail(byte, "exceeded max depth")
    }

    private mutating func pop() {
        containers.removeLast()
        if containers.isEmpty {
            state = .endTop
            endTop = true
        } else {
            state = .endValue
        }
    }

    private mutating func fail(_ byte: UInt8, _ context: String) -> Event {
        state = .failed
        error = "invalid character " + Self.quoteCharacter(byte) + " " + context
        return .error
    }

    /// A byte as Go's `quoteChar` shows it: `'\''`, `'"'`, or the byte read as a code point and quoted.
    private static func quoteCharacter(_ byte: UInt8) -> String {
        if byte == UInt8(ascii: "'") { return "'\\''" }
        if byte == UInt8(ascii: "\"") { return "'\"'" }
        var quoted: [UInt8] = []
        Quoting.appendQuoted(rune: UInt32(byte), asciiOnly: false, to: &quoted)
        return String(decoding: quoted, as: UTF8.self)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n")
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    private static func isNonZeroDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "1") && byte <= UInt8(ascii: "9") }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F"))
    }
}
