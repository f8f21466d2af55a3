/// sprig's `env` and `expandenv`, reading the environment the caller put in ``FunctionContext/environment``,
/// never the process's own.
enum SprigEnvironment {
    static var functions: FunctionMap {
        [
            "env": TemplateFunction(parameters: [.string], result: .string) { arguments, context in
                .string(context.environment[arguments[0].stringArgument] ?? "")
            },
            "expandenv": TemplateFunction(parameters: [.string], result: .string) { arguments, context in
                .goString(expand(arguments[0].stringArgumentBytes) { context.environment[$0] ?? "" })
            },
        ]
    }

    /// Go's `os.Expand`: `$name` and `${name}` are replaced; `$` followed by one of `*#$@!?-` or a digit is a
    /// one-character name; `${}` is dropped, a `${` without its `}` swallows the `$`, and a lone `$` stays.
    static func expand(_ text: String, _ lookup: (String) -> String) -> String {
        String(decoding: expand(Array(text.utf8), lookup), as: UTF8.self)
    }

    /// ``expand(_:_:)`` on the bytes of a Go string, valid UTF-8 or not; a name is looked up as text.
    static func expand(_ bytes: [UInt8], _ lookup: (String) -> String) -> [UInt8] {
        var output: [UInt8] = []
        var copiedUpTo = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "$") && index + 1 < bytes.count {
                output += bytes[copiedUpTo..<index]
                let (name, width) = shellName(bytes[(index + 1)...])
                if let name, !name.isEmpty {
                    output += lookup(GoText.replacingInvalidBytes(name)).utf8
                } else if name == nil && width == 0 {
                    output.append(bytes[index])
                }
                index += width
                copiedUpTo = index + 1
            }
            index += 1
        }
        guard copiedUpTo > 0 else { return bytes }
        output += bytes[copiedUpTo...]
        return output
    }

    /// Go's `getShellName`: the name after a `$` and how many bytes it took; a nil name with a nonzero width
    /// is bad syntax that is eaten.
    private static func shellName(_ text: ArraySlice<UInt8>) -> (ArraySlice<UInt8>?, Int) {
        let start = text.startIndex
        if text[start] == UInt8(ascii: "{") {
            if text.count > 2 && isSpecial(text[start + 1]) && text[start + 2] == UInt8(ascii: "}") {
                return (text[(start + 1)...(start + 1)], 3)
            }
            guard let close = text.dropFirst().firstIndex(of: UInt8(ascii: "}")) else { return (nil, 1) }
            if close == start + 1 { return (nil, 2) }
            return (text[(start + 1)..<close], close - start + 1)
        }
        if isSpecial(text[start]) { return (text[start...start], 1) }
        let end = text.firstIndex { !isNameByte($0) } ?? text.endIndex
        return end == start ? (nil, 0) : (text[start..<end], end - start)
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "*"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "@"), UInt8(ascii: "!"),
            UInt8(ascii: "?"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return false
        }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "_"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "A")...UInt8(ascii: "Z"):
            return true
        default:
            return false
        }
    }
}
