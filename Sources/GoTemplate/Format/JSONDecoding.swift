/// `json.Unmarshal` into an `interface{}`: objects become `map[string]interface{}`, arrays `[]interface{}`,
/// numbers `float64`. Driven by ``JSONScanner`` so syntax errors carry Go's wording; built without recursion.
enum JSONDecoding {
    /// An open array or object. Its elements (or key and value pairs) wait on a stack shared by every open
    /// frame, from `start` on, and become the array or dictionary, allocated once at its final size, when
    /// the frame closes.
    private struct Frame {
        let isObject: Bool
        let start: Int
        var pendingKey: String?
    }

    static func decode(_ text: String) throws -> Value {
        let bytes = Array(text.utf8)
        var scanner = JSONScanner()
        var frames: [Frame] = []
        var elements: [Value] = []
        var members: [(key: String, value: Value)] = []
        var result: Value?
        var literalStart: Int?
        var rangeError: String?

        func deliver(_ value: Value) {
            let top = frames.count - 1
            guard top >= 0 else {
                result = value
                return
            }
            if !frames[top].isObject {
                elements.append(value)
            } else if let key = frames[top].pendingKey {
                members.append((key, value))
                frames[top].pendingKey = nil
            } else if case .string(let text) = value.storage {
                frames[top].pendingKey = text
            } else {
                frames[top].pendingKey = ""
            }
        }

        func closeObject(_ frame: Frame) {
            var map: [MapKey: Value] = [:]
            map.reserveCapacity(members.count - frame.start)
            // A repeated key keeps its last value, as in Go (which compares keys by their bytes).
            for index in frame.start..<members.count { map[MapKey(members[index].key)] = members[index].value }
            members.truncate(to: frame.start)
            deliver(Value(.map(map, valueType: .interface)))
        }

        func closeArray(_ frame: Frame) {
            let list = Array(elements[frame.start...])
            elements.truncate(to: frame.start)
            deliver(.list(list))
        }

        func handle(_ event: JSONScanner.Event, at index: Int) throws {
            if let start = literalStart, event != .continue {
                literalStart = nil
                let literal = bytes[start..<index]
                if let value = literalValue(literal) {
                    deliver(value)
                } else {
                    if rangeError == nil {
                        rangeError = "json: cannot unmarshal number \(String(decoding: literal, as: UTF8.self)) into Go value of type float64"
                    }
                    deliver(.nil)
                }
            }
            if let message = scanner.error { throw FunctionError(message) }
            switch event {
            case .beginLiteral: literalStart = index
            case .beginObject: frames.append(Frame(isObject: true, start: members.count))
            case .beginArray: frames.append(Frame(isObject: false, start: elements.count))
            case .endObject:
                if let top = frames.popLast(), top.isObject { closeObject(top) }
            case .endArray:
                if let top = frames.popLast(), !top.isObject { closeArray(top) }
            default: break
            }
        }

        var index = 0
        while index < bytes.count {
            try handle(scanner.step(bytes[index]), at: index)
            index += 1
            if scanner.isInString {
                // The plain bytes of a string change nothing but the position: skip them.
                while index < bytes.count, bytes[index] >= 0x20, bytes[index] != UInt8(ascii: "\""),
                    bytes[index] != UInt8(ascii: "\\")
                {
                    index += 1
                }
            }
        }
        try handle(scanner.finish(), at: bytes.count)
        if let rangeError { throw FunctionError(rangeError) }
        return result ?? .nil
    }

    /// The value of a complete literal, or nil for a number out of float64's range.
    private static func literalValue(_ literal: ArraySlice<UInt8>) -> Value? {
        switch literal.first {
        case UInt8(ascii: "\""): return .string(unquote(literal.dropFirst().dropLast()))
        case UInt8(ascii: "t"): return .bool(true)
        case UInt8(ascii: "f"): return .bool(false)
        case UInt8(ascii: "n"): return .nil
        default:
            guard let number = Double(String(decoding: literal, as: UTF8.self)), number.isFinite else { return nil }
            return .float64(number)
        }
    }

    /// The contents of a string literal with its escapes resolved; an unpaired surrogate becomes U+FFFD.
    private static func unquote(_ body: ArraySlice<UInt8>) -> String {
        guard body.contains(UInt8(ascii: "\\")) else { return String(decoding: body, as: UTF8.self) }
        var output: [UInt8] = []
        output.reserveCapacity(body.count)
        var index = body.startIndex
        while index < body.endIndex {
            let byte = body[index]
            guard byte == UInt8(ascii: "\\"), index + 1 < body.endIndex else {
                output.append(byte)
                index += 1
                continue
            }
            let escape = body[index + 1]
            index += 2
            switch escape {
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                guard var rune = hexValue(body, at: index) else { continue }
                index += 4
                if (0xD800..<0xE000).contains(rune) {
                    if index + 1 < body.endIndex, body[index] == UInt8(ascii: "\\"), body[index + 1] == UInt8(ascii: "u"),
                        let low = hexValue(body, at: index + 2), rune < 0xDC00, (0xDC00..<0xE000).contains(low)
                    {
                        rune = 0x10000 + ((rune - 0xD800) << 10) + (low - 0xDC00)
                        index += 6
                    } else {
                        rune = UTF8Decoding.replacementCharacter
                    }
                }
                UTF8Decoding.append(rune: rune, to: &output)
            default: output.append(escape)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func hexValue(_ bytes: ArraySlice<UInt8>, at start: Int) -> UInt32? {
        guard start + 4 <= bytes.endIndex else { return nil }
        var value: UInt32 = 0
        for byte in bytes[start..<(start + 4)] {
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
            value = value << 4 | digit
        }
        return value
    }
}
