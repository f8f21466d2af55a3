import ConfigTree
import Findings

/// A minimal JSON text builder with correct string escaping and stable key order.
public struct JSONWriter {
    public private(set) var output = ""

    public init() {}

    /// `text` as a JSON string literal: quotes, backslashes and control characters escaped, and U+2028 and
    /// U+2029 too (JavaScript reads them as line breaks); everything else as it is.
    public static func quote(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 2)
        appendQuoted(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `quote(text)`, appended to UTF-8 bytes.
    static func appendQuoted<Out: ByteSink & ~Copyable>(_ text: String, to out: inout Out) {
        out.append(UInt8(ascii: "\""))
        appendEscaped(text, to: &out)
        out.append(UInt8(ascii: "\""))
    }

    /// `quote` of UTF-8 text, appended.
    static func appendQuoted<Out: ByteSink & ~Copyable>(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout Out) {
        out.append(UInt8(ascii: "\""))
        appendEscaped(bytes, to: &out)
        out.append(UInt8(ascii: "\""))
    }

    /// `quote(text)` without its quotes, appended: the text of a string literal, which may be written in pieces.
    static func appendEscaped<Out: ByteSink & ~Copyable>(_ text: String, to out: inout Out) {
        let copied = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            appendEscaped(bytes, to: &out)
            return true
        }
        if copied == nil { Array(text.utf8).withUnsafeBufferPointer { appendEscaped($0, to: &out) } }
    }

    /// A byte that is escaped, or that may start U+2028 or U+2029 (E2 80 A8, E2 80 A9).
    private static func needsAttention(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0xE2
    }

    /// The high bit of each lane of `word` (eight bytes, the first in the lowest lane) that `needsAttention`.
    /// Lanes above the first flagged one may be flagged wrongly (a borrow runs upwards); the first is exact.
    @inline(__always)
    private static func attentionLanes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        /// High bit set in the lanes of `word` that are zero (and possibly in lanes above one that is).
        func zeroLanes(_ word: UInt64) -> UInt64 { (word &- ones) & ~word & highs }
        // Lanes below 0x20 (a lane of 0x80 or more cannot borrow into a false match, as ~word clears it).
        let control = (word &- ones &* 0x20) & ~word & highs
        return control | zeroLanes(word ^ (ones &* 0x22)) | zeroLanes(word ^ (ones &* 0x5C)) | zeroLanes(word ^ (ones &* 0xE2))
    }

    /// `bytes` with what JSON escapes escaped, in one pass: runs of plain bytes are passed over eight at a time
    /// and copied whole (messages are mostly long runs of plain text, and a test per byte was most of the time
    /// spent writing them).
    private static func appendEscaped<Out: ByteSink & ~Copyable>(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout Out) {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        var index = 0, plainStart = 0
        while index < count {
            if index + 8 <= count {
                let lanes = attentionLanes(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                if lanes == 0 {
                    index += 8
                    continue
                }
                index += lanes.trailingZeroBitCount / 8
            } else if !needsAttention(base[index]) {
                index += 1
                continue
            }
            let byte = base[index]
            var escape: UInt8 = 0, separator: UInt32 = 0
            switch byte {
            case UInt8(ascii: "\""): escape = UInt8(ascii: "\"")
            case UInt8(ascii: "\\"): escape = UInt8(ascii: "\\")
            case UInt8(ascii: "\n"): escape = UInt8(ascii: "n")
            case UInt8(ascii: "\r"): escape = UInt8(ascii: "r")
            case UInt8(ascii: "\t"): escape = UInt8(ascii: "t")
            case 0x08: escape = UInt8(ascii: "b")
            case 0x0C: escape = UInt8(ascii: "f")
            case 0xE2:
                guard index + 2 < count, base[index + 1] == 0x80, base[index + 2] == 0xA8 || base[index + 2] == 0xA9 else {
                    // Another character that starts with E2: plain after all.
                    index += 1
                    continue
                }
                separator = base[index + 2] == 0xA8 ? 0x2028 : 0x2029
            default: break
            }
            out.append(contentsOf: UnsafeBufferPointer(start: base + plainStart, count: index - plainStart))
            if escape != 0 {
                appendEscape(escape, to: &out)
            } else {
                appendUnicodeEscape(separator != 0 ? separator : UInt32(byte), to: &out)
            }
            index += separator != 0 ? 3 : 1
            plainStart = index
        }
        out.append(contentsOf: UnsafeBufferPointer(start: base + plainStart, count: count - plainStart))
    }

    /// A backslash and `letter`.
    @inline(__always)
    private static func appendEscape<Out: ByteSink & ~Copyable>(_ letter: UInt8, to out: inout Out) {
        out.append(UInt8(ascii: "\\"))
        out.append(letter)
    }

    /// `\u` and four lower-case hex digits.
    private static func appendUnicodeEscape<Out: ByteSink & ~Copyable>(_ value: UInt32, to out: inout Out) {
        let digits = Array("0123456789abcdef".utf8)
        out.append(UInt8(ascii: "\\"))
        out.append(UInt8(ascii: "u"))
        for shift in stride(from: 12, through: 0, by: -4) { out.append(digits[Int((value >> UInt32(shift)) & 0xF)]) }
    }
}

/// A JSON value to serialize; objects keep the order they are built in.
public indirect enum JSONValue {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    case int(Int)
    /// A number that is not an integer; written as Swift's shortest round-tripping text.
    case double(Double)
    case bool(Bool)
    case null

    /// Compact text, or indented by two spaces when `pretty`.
    public func serialized(pretty: Bool = false) -> String {
        var out: [UInt8] = []
        write(into: &out, pretty: pretty, indent: 0)
        return String(decoding: out, as: UTF8.self)
    }

    /// The text of `serialized(pretty:)` as UTF-8 bytes, appended to `out`, as if the value were nested
    /// `indent` levels deep.
    func write(into out: inout [UInt8], pretty: Bool, indent: Int) {
        switch self {
        case .object(let members):
            Self.writeObject(members.count, into: &out, pretty: pretty, indent: indent) { index, out in
                Self.writeMember(members[index].0, index: index, into: &out, pretty: pretty, indent: indent)
                members[index].1.write(into: &out, pretty: pretty, indent: indent + 1)
            }
        case .array(let items):
            Self.writeArray(items.count, into: &out, pretty: pretty, indent: indent) { out in
                for (index, item) in items.enumerated() {
                    Self.writeItemStart(index: index, into: &out, pretty: pretty, indent: indent)
                    item.write(into: &out, pretty: pretty, indent: indent + 1)
                }
            }
        case .string(let text): JSONWriter.appendQuoted(text, to: &out)
        case .int(let number): out.appendDecimal(number)
        case .double(let number): out += (number.isFinite ? String(number) : "null").utf8
        case .bool(let flag): out += (flag ? "true" : "false").utf8
        case .null: out += "null".utf8
        }
    }

    /// An object of `count` members at nesting level `indent`; `member` writes member `index` whole (with
    /// `writeMember` first), so a value too large to build as a `JSONValue` can be written in place.
    static func writeObject<Out: ByteSink & ~Copyable>(
        _ count: Int, into out: inout Out, pretty: Bool, indent: Int, member: (Int, inout Out) -> Void
    ) {
        guard count > 0 else { out.appendStatic("{}"); return }
        out.append(UInt8(ascii: "{"))
        for index in 0..<count { member(index, &out) }
        newline(indent, pretty: pretty, into: &out)
        out.append(UInt8(ascii: "}"))
    }

    /// The separator, indentation and key of member `index` of an object at nesting level `indent`.
    static func writeMember<Out: ByteSink & ~Copyable>(_ key: String, index: Int, into out: inout Out, pretty: Bool, indent: Int) {
        if index > 0 { out.append(UInt8(ascii: ",")) }
        newline(indent + 1, pretty: pretty, into: &out)
        JSONWriter.appendQuoted(key, to: &out)
        out.append(UInt8(ascii: ":"))
        if pretty { out.append(UInt8(ascii: " ")) }
    }

    /// An array of `count` items at nesting level `indent`; `items` writes them, each after
    /// `writeItemStart`.
    static func writeArray<Out: ByteSink & ~Copyable>(_ count: Int, into out: inout Out, pretty: Bool, indent: Int, items: (inout Out) -> Void) {
        guard count > 0 else { out.appendStatic("[]"); return }
        out.append(UInt8(ascii: "["))
        items(&out)
        newline(indent, pretty: pretty, into: &out)
        out.append(UInt8(ascii: "]"))
    }

    /// The separator and indentation of item `index` of an array at nesting level `indent`.
    static func writeItemStart<Out: ByteSink & ~Copyable>(index: Int, into out: inout Out, pretty: Bool, indent: Int) {
        if index > 0 { out.append(UInt8(ascii: ",")) }
        newline(indent + 1, pretty: pretty, into: &out)
    }

    /// In pretty text, a line break and two spaces per level; nothing in compact text.
    static func newline<Out: ByteSink & ~Copyable>(_ level: Int, pretty: Bool, into out: inout Out) {
        guard pretty else { return }
        out.append(UInt8(ascii: "\n"))
        out.appendSpaces(2 * level)
    }
}

extension JSONValue {
    /// A finding property: integers without a fraction, other numbers as they are.
    init(property: PropertyValue) {
        switch property {
        case .string(let text): self = .string(text)
        case .number(let number):
            if number.rounded() == number, abs(number) < 1e15 { self = .int(Int(number)) } else { self = .double(number) }
        }
    }
}
