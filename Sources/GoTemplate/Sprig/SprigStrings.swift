/// sprig's string functions. Several take their string last so that it can be piped in
/// (`"foo" | repeat 3`, `"$foo" | trimAll "$"`); the Go signatures below are sprig's.
enum SprigStrings {
    static var functions: FunctionMap {
        var map: FunctionMap = [
            "hello": TemplateFunction(parameters: [], result: .string) { _, _ in .string("Hello!") },
            "trim": unary(GoStrings.trimSpace),
            "upper": unary(GoStrings.upper),
            "lower": unary(GoStrings.lower),
            "title": unary(GoStrings.title),
            "untitle": unary(GoUtilsText.uncapitalize),
            "nospace": unary(GoUtilsText.deleteWhiteSpace),
            "initials": unary(GoUtilsText.initials),
            "swapcase": unary(GoUtilsText.swapCase),
            "snakecase": unary(XStringsCase.snakeCase),
            "camelcase": unary(XStringsCase.camelCase),
            "kebabcase": unary(XStringsCase.kebabCase),
            "shuffle": TemplateFunction(parameters: [.string], result: .string, isDeterministic: false) { arguments, _ in
                .string(XStringsCase.shuffle(arguments[0].stringArgument))
            },
            "trimAll": binary { cutset, text in GoStrings.trim(text, cutset: cutset) },
            "trimall": binary { cutset, text in GoStrings.trim(text, cutset: cutset) },
            "trimSuffix": binary { suffix, text in GoStrings.trimSuffix(text, suffix) },
            "trimPrefix": binary { prefix, text in GoStrings.trimPrefix(text, prefix) },
            "contains": predicate { part, text in GoStrings.contains(text, part) },
            "hasPrefix": predicate { prefix, text in GoStrings.hasPrefix(text, prefix) },
            "hasSuffix": predicate { suffix, text in GoStrings.hasSuffix(text, suffix) },
            "abbrev": TemplateFunction(parameters: [.int, .string], result: .string) { arguments, _ in
                let width = arguments[0].intArgument
                if width < 4 { return Value(arguments[1].storage) }
                return .goString(GoUtilsText.abbreviate(arguments[1].stringArgumentBytes, offset: 0, maxWidth: width))
            },
            "abbrevboth": TemplateFunction(parameters: [.int, .int, .string], result: .string) { arguments, _ in
                let left = arguments[0].intArgument, right = arguments[1].intArgument
                if right < 4 || left > 0 && right < 7 { return Value(arguments[2].storage) }
                return .goString(GoUtilsText.abbreviate(arguments[2].stringArgumentBytes, offset: left, maxWidth: right))
            },
            "trunc": TemplateFunction(parameters: [.int, .string], result: .string) { arguments, _ in
                .goString(truncate(arguments[1].stringArgumentBytes, to: arguments[0].intArgument))
            },
            "substr": TemplateFunction(parameters: [.int, .int, .string], result: .string) { arguments, _ in
                .goString(try substring(
                    arguments[2].stringArgumentBytes, start: arguments[0].intArgument, end: arguments[1].intArgument))
            },
            "repeat": TemplateFunction(parameters: [.int, .string], result: .string) { arguments, context in
                .string(try GoStrings.repeating(
                    arguments[1].stringArgument, count: arguments[0].intArgument,
                    maximumBytes: context.maximumResultSize))
            },
            "wrap": TemplateFunction(parameters: [.int, .string], result: .string) { arguments, _ in
.goString(GoUtilsText.wrap(
                    arguments[1].stringArgumentBytes, length: arguments[0].intArgument, newline: [], wrapLongWords: false))
            },
            "wrapWith": TemplateFunction(parameters: [.int, .string, .string], result: .string) { arguments, _ in
.goString(GoUtilsText.wrap(
                    arguments[2].stringArgumentBytes, length: arguments[0].intArgument,
                    newline: arguments[1].stringArgumentBytes, wrapLongWords: true))
            },
            "quote": TemplateFunction(parameters: [], variadic: .interface, result: .string) { arguments, _ in
                var output: [UInt8] = []
                for (index, argument) in arguments.filter({ !$0.isNil }).enumerated() {
                    if index > 0 { output.append(UInt8(ascii: " ")) }
                    Quoting.appendQuoted(SprigConversions.stringValueBytes(argument), asciiOnly: false, to: &output)
                }
                return .goString(output)
            },
            "squote": TemplateFunction(parameters: [], variadic: .interface, result: .string) { arguments, _ in
                var output: [UInt8] = []
                for (index, argument) in arguments.filter({ !$0.isNil }).enumerated() {
                    if index > 0 { output.append(UInt8(ascii: " ")) }
                    output.append(UInt8(ascii: "'"))
                    GoFormat.appendFormatted(argument, to: &output)
                    output.append(UInt8(ascii: "'"))
                }
                return .goString(output)
            },
            "cat": TemplateFunction(parameters: [], variadic: .interface, result: .string) { arguments, _ in
                var output: [UInt8] = []
                for (index, argument) in arguments.filter({ !$0.isNil }).enumerated() {
                    if index > 0 { output.append(UInt8(ascii: " ")) }
                    GoFormat.appendFormatted(argument, to: &output)
                }
                return .goString(output)
            },
            "indent": TemplateFunction(parameters: [.int, .string], result: .string) { arguments, context in
                .string(try indent(arguments[1].stringArgument, by: arguments[0].intArgument, context))
            },
            "nindent": TemplateFunction(parameters: [.int, .string], result: .string) { arguments, context in
                .string("\n" + (try indent(arguments[1].stringArgument, by: arguments[0].intArgument, context)))
            },
            "replace": TemplateFunction(parameters: [.string, .string, .string], result: .string) { arguments, context in
                .string(try GoStrings.replaceAll(
                    arguments[2].stringArgument, arguments[0].stringArgument, arguments[1].stringArgument,
                    maximumBytes: context.maximumResultSize))
            },
            "plural": TemplateFunction(parameters: [.string, .string, .int], result: .string) { arguments, _ in
                arguments[2].intArgument == 1 ? arguments[0] : arguments[1]
            },
            "split": TemplateFunction(parameters: [.string, .string], result: .map(.string)) { arguments, _ in
                numberedParts(GoStrings.split(arguments[1].stringArgument, separator: arguments[0].stringArgument))
            },
            "splitn": TemplateFunction(parameters: [.string, .int, .string], result: .map(.string)) { arguments, _ in
                numberedParts(GoStrings.split(
                    arguments[2].stringArgument, separator: arguments[0].stringArgument,
                    limit: arguments[1].intArgument))
            },
            "splitList": TemplateFunction(parameters: [.string, .string], result: .slice(.string)) { arguments, _ in
                .strings(GoStrings.split(arguments[1].stringArgument, separator: arguments[0].stringArgument))
            },
            "join": TemplateFunction(parameters: [.string, .interface], result: .string) { arguments, _ in
                if case .string(let separator) = arguments[0].storage, !SprigConversions.holdsByteString(arguments[1]) {
                    return .string(SprigConversions.stringValues(arguments[1]).joined(separator: separator))
                }
                // A separator or an element that is not valid UTF-8: Go's strings.Join keeps every byte.
                let separator = arguments[0].stringArgumentBytes
                var output: [UInt8] = []
                for (index, part) in SprigConversions.stringValueBytes(of: arguments[1]).enumerated() {
                    if index > 0 { output.append(contentsOf: separator) }
                    output.append(contentsOf: part)
                }
                return .goString(output)
            },
            "sortAlpha": TemplateFunction(parameters: [.interface], result: .slice(.string)) { arguments, _ in
                if SprigConversions.holdsByteString(arguments[0]) {
                    let sorted = SprigConversions.stringValueBytes(of: arguments[0]).sorted { $0.lexicographicallyPrecedes($1) }
                    return Value(.list(sorted.map { .goString($0) }, elementType: .string))
                }
                guard case .list = arguments[0].storage else {
                    return .strings([SprigConversions.stringValue(arguments[0])])
                }
                return .strings(SprigConversions.stringValues(arguments[0])
                    .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
            },
        ]
        for (name, alphabet) in [
            ("randAlphaNum", RandomAlphabet.alphanumeric), ("randAlpha", .letters),
            ("randNumeric", .digits), ("randAscii", .printableASCII),
        ] {
            map[name] = TemplateFunction(parameters: [.int], result: .string, isDeterministic: false) { arguments, context in
                .string(try alphabet.randomString(count: arguments[0].intArgument, context))
            }
        }
        return map
    }

    private static func unary(_ transform: @escaping @Sendable (String) -> String) -> TemplateFunction {
        TemplateFunction(parameters: [.string], result: .string) { arguments, _ in
            .string(transform(arguments[0].stringArgument))
        }
    }

    private static func binary(_ transform: @escaping @Sendable (String, String) -> String) -> TemplateFunction {
        TemplateFunction(parameters: [.string, .string], result: .string) { arguments, _ in
            .string(transform(arguments[0].stringArgument, arguments[1].stringArgument))
        }
    }

    private static func predicate(_ test: @escaping @Sendable (String, String) -> Bool) -> TemplateFunction {
        TemplateFunction(parameters: [.string, .string], result: .bool) { arguments, _ in
            .bool(test(arguments[0].stringArgument, arguments[1].stringArgument))
        }
    }

    /// sprig's `trunc`: the first `count` bytes, or for a negative count the last `-count` bytes.
    static func truncate(_ bytes: [UInt8], to count: Int) -> ArraySlice<UInt8> {
        let length = bytes.count
        if count < 0 && length &+ count > 0 { return bytes.dropFirst(length + count) }
        if count >= 0 && length > count { return bytes.prefix(count) }
        return bytes[...]
    }

    /// sprig's `substr`: bytes `start..<end`; a negative start means from the beginning, a negative or
    /// too-large end means to the end. Other bad bounds raise Go's slice panic.
    static func substring(_ bytes: [UInt8], start: Int, end: Int) throws -> ArraySlice<UInt8> {
        let length = bytes.count
        if start < 0 {
            guard end >= 0 else { throw FunctionError("runtime error: slice bounds out of range [:\(end)]") }
            guard end <= length else {
                throw FunctionError("runtime error: slice bounds out of range [:\(end)] with length \(length)")
            }
            return bytes[..<end]
        }
        if end < 0 || end > length {
            guard start <= length else {
                throw FunctionError("runtime error: slice bounds out of range [\(start):\(length)]")
            }
            return bytes[start...]
        }
        guard start <= end else { throw FunctionError("runtime error: slice bounds out of range [\(start):\(end)]") }
        return bytes[start..<end]
    }

    /// sprig's `indent`: `spaces` spaces before the text and after every newline.
    private static func indent(_ text: String, by spaces: Int, _ context: FunctionContext) throws -> String {
        let pad = try GoStrings.repeating(" ", count: spaces, maximumBytes: context.maximumResultSize)
        return pad + (try GoStrings.replaceAll(text, "\n", "\n" + pad, maximumBytes: context.maximumResultSize))
    }

    /// The parts of `split` and `splitn` as a `map[string]string` keyed `_0`, `_1`, ….
    private static func numberedParts(_ parts: [String]) -> Value {
        var members: [MapKey: Value] = [:]
        for (index, part) in parts.enumerated() { members[MapKey("_\(index)")] = .string(part) }
        return Value(.map(members, valueType: .string))
    }
}
