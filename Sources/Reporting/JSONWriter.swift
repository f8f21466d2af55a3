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

    /// `quote(text)`, appended to UTF-8 bytes. Text with nothing to escape (the usual case) is copied whole.
    static func appendQuoted(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        let copied = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            if !containsByteNeedingAttention(bytes) {
                out.append(contentsOf: bytes)
            } else {
                appendEscaped(bytes, to: &out)
            }
            return true
        }
        if copied == nil { appendEscaped(Array(text.utf8), to: &out) }
        out.append(UInt8(ascii: "\""))
    }

    /// A byte that is escaped, or that may start U+2028 or U+2029 (E2 80 A8, E2 80 A9).
    private static func needsAttention(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0xE2
    }

    /// Whether some byte of `bytes` `needsAttention`, tested eight bytes at a time: messages are mostly long
    /// runs of plain text, and a byte-by-byte test was most of the time spent writing them.
    static func containsByteNeedingAttention(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index + 8 <= bytes.count {
            if wordNeedsAttention(bytes, at: index) { return true }
            index += 8
        }
        while index < bytes.count {
            if needsAttention(bytes[index]) { return true }
            index += 1
        }
        return false
    }

    /// Whether one of the eight bytes at `index` `needsAttention` (`index + 8` must be within `bytes`).
    @inline(__always)
    private static func wordNeedsAttention<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at index: Int) -> Bool where Bytes.Index == Int {
        let word = bytes.withContiguousStorageIfAvailable { buffer in
            UInt64(littleEndian: UnsafeRawPointer(buffer.baseAddress! + (index - bytes.startIndex)).loadUnaligned(as: UInt64.self))
        } ?? (0..<8).reduce(0) { $0 | UInt64(bytes[index + $1]) << (8 * UInt64($1)) }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        /// High bit set in the lanes of `word` that are zero (and possibly in lanes above one that is).
        func zeroLanes(_ word: UInt64) -> UInt64 { (word &- ones) & ~word & highs }
        // Lanes below 0x20 (a lane of 0x80 or more cannot borrow into a false match, as ~word clears it).
        let control = (word &- ones &* 0x20) & ~word & highs
        let special = zeroLanes(word ^ (ones &* 0x22)) | zeroLanes(word ^ (ones &* 0x5C)) | zeroLanes(word ^ (ones &* 0xE2))
        return control | special != 0
    }

    private static func appendEscaped<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, to out: inout [UInt8]) where Bytes.Index == Int {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            // The plain bytes up to the next one that needs attention, copied as one run; whole words of
            // plain bytes are passed over eight at a time.
            var end = index
            while end + 8 <= bytes.endIndex, !wordNeedsAttention(bytes, at: end) { end += 8 }
            while end < bytes.endIndex, !needsAttention(bytes[end]) { end += 1 }
            if end > index {
                out.append(contentsOf: bytes[index..<end])
                index = end
                continue
            }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""): appendEscape(UInt8(ascii: "\""), to: &out)
            case UInt8(ascii: "\\"): appendEscape(UInt8(ascii: "\\"), to: &out)
            case UInt8(ascii: "\n"): appendEscape(UInt8(ascii: "n"), to: &out)
            case UInt8(ascii: "\r"): appendEscape(UInt8(ascii: "r"), to: &out)
            case UInt8(ascii: "\t"): appendEscape(UInt8(ascii: "t"), to: &out)
            case 0x08: appendEscape(UInt8(ascii: "b"), to: &out)
            case 0x0C: appendEscape(UInt8(ascii: "f"), to: &out)
            case 0xE2 where index + 2 < bytes.endIndex && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                appendUnicodeEscape(bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029, to: &out)
                index += 2
            default:
                if byte < 0x20 { appendUnicodeEscape(UInt32(byte), to: &out) } else { out.append(byte) }
            }
            index += 1
        }
    }

    /// A backslash and `letter`.
    @inline(__always)
    private static func appendEscape(_ letter: UInt8, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\\"))
        out.append(letter)
    }

    /// `\u` and four lower-case hex digits.
    private static func appendUnicodeEscape(_ value: UInt32, to out: inout [UInt8]) {
        let digits = Array("0123456789abcdef".utf8)
        out += [UInt8(ascii: "\\"), UInt8(ascii: "u")]
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
    static func writeObject(_ count: Int, into out: inout [UInt8], pretty: Bool, indent: Int, member: (Int, inout [UInt8]) -> Void) {
        guard count > 0 else { out += [UInt8(ascii: "{"), UInt8(ascii: "}")]; return }
        out.append(UInt8(ascii: "{"))
        for index in 0..<count { member(index, &out) }
        newline(indent, pretty: pretty, into: &out)
        out.append(UInt8(ascii: "}"))
    }

    /// The separator, indentation and key of member `index` of an object at nesting level `indent`.
    static func writeMember(_ key: String, index: Int, into out: inout [UInt8], pretty: Bool, indent: Int) {
        if index > 0 { out.append(UInt8(ascii: ",")) }
        newline(indent + 1, pretty: pretty, into: &out)
        JSONWriter.appendQuoted(key, to: &out)
        out.append(UInt8(ascii: ":"))
        if pretty { out.append(UInt8(ascii: " ")) }
    }

    /// An array of `count` items at nesting level `indent`; `items` writes them, each after
    /// `writeItemStart`.
    static func writeArray(_ count: Int, into out: inout [UInt8], pretty: Bool, indent: Int, items: (inout [UInt8]) -> Void) {
        guard count > 0 else { out += [UInt8(ascii: "["), UInt8(ascii: "]")]; return }
        out.append(UInt8(ascii: "["))
        items(&out)
        newline(indent, pretty: pretty, into: &out)
        out.append(UInt8(ascii: "]"))
    }

    /// The separator and indentation of item `index` of an array at nesting level `indent`.
    static func writeItemStart(index: Int, into out: inout [UInt8], pretty: Bool, indent: Int) {
        if index > 0 { out.append(UInt8(ascii: ",")) }
        newline(indent + 1, pretty: pretty, into: &out)
    }

    /// In pretty text, a line break and two spaces per level; nothing in compact text.
    static func newline(_ level: Int, pretty: Bool, into out: inout [UInt8]) {
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
