/// sprig's string functions that Go implements on bytes, for arguments that are not valid UTF-8
/// (``Value/Storage/byteString(_:)``): Go's `strings` functions keep such bytes where they do not touch them,
/// and read each as U+FFFD where they decode runes (`TrimSpace`, a cutset, an empty separator). Arguments
/// that are valid UTF-8 take the functions of ``SprigStrings``; these run only when one is not.
enum SprigByteStrings {
    /// `function`, which reads valid text, with `bytes` taking the calls where an argument is a string that is
    /// not valid UTF-8.
    static func wrapping(_ function: TemplateFunction, bytes: @escaping @Sendable ([Value], FunctionContext) throws -> Value)
        -> TemplateFunction
    {
        TemplateFunction(
            parameters: function.parameters, variadic: function.variadic, result: function.result,
            isDeterministic: function.isDeterministic, mutatesFirstArgument: function.mutatesFirstArgument
        ) { arguments, context in
            for argument in arguments {
                if case .byteString = argument.storage { return try bytes(arguments, context) }
            }
            return try function.body(arguments, context)
        }
    }

    /// Gives the functions of sprig's map that have a byte form (string, path and `htpasswd` functions) that form.
    static func install(into map: inout FunctionMap) {
        func wrap(_ name: String, _ bytes: @escaping @Sendable ([Value], FunctionContext) throws -> Value) {
            if let function = map[name] { map[name] = wrapping(function, bytes: bytes) }
        }
        wrap("trim") { arguments, _ in .goString(trim(arguments[0].stringArgumentBytes, where: GoUnicode.isSpace)) }
        for name in ["trimAll", "trimall"] {
            wrap(name) { arguments, _ in
                let cutset = Set(runes(of: arguments[0].stringArgumentBytes).map(\.rune))
                return .goString(trim(arguments[1].stringArgumentBytes) { cutset.contains($0.value) })
            }
        }
        wrap("trimPrefix") { arguments, _ in
            let prefix = arguments[0].stringArgumentBytes, text = arguments[1].stringArgumentBytes
            return .goString(text.starts(with: prefix) ? text.dropFirst(prefix.count) : text[...])
        }
        wrap("trimSuffix") { arguments, _ in
            let suffix = arguments[0].stringArgumentBytes, text = arguments[1].stringArgumentBytes
            return .goString(text.reversed().starts(with: suffix.reversed()) ? text.dropLast(suffix.count) : text[...])
        }
        wrap("contains") { arguments, _ in
            .bool(GoStrings.index(of: arguments[0].stringArgumentBytes, in: arguments[1].stringArgumentBytes) != nil)
        }
        wrap("hasPrefix") { arguments, _ in .bool(arguments[1].stringArgumentBytes.starts(with: arguments[0].stringArgumentBytes)) }
        wrap("hasSuffix") { arguments, _ in
            .bool(arguments[1].stringArgumentBytes.reversed().starts(with: arguments[0].stringArgumentBytes.reversed()))
        }
        wrap("replace") { arguments, context in
            .goString(try replaceAll(
                arguments[2].stringArgumentBytes, arguments[0].stringArgumentBytes, arguments[1].stringArgumentBytes,
                maximumBytes: context.maximumResultSize))
        }
        wrap("repeat") { arguments, context in
            let text = arguments[1].stringArgumentBytes, count = arguments[0].intArgument
            guard count >= 0 else { throw FunctionError("strings: negative Repeat count") }
            let (size, overflow) = text.count.multipliedReportingOverflow(by: count)
            guard !overflow else { throw FunctionError("strings: Repeat count causes overflow") }
            try SprigLimits.check(size, context.maximumResultSize)
            return .goString(Array([[UInt8]](repeating: text, count: count).joined()))
        }
        wrap("split") { arguments, _ in
            numberedParts(split(arguments[1].stringArgumentBytes, separator: arguments[0].stringArgumentBytes))
        }
        wrap("splitn") { arguments, _ in
            numberedParts(split(
                arguments[2].stringArgumentBytes, separator: arguments[0].stringArgumentBytes, limit: arguments[1].intArgument))
        }
        wrap("splitList") { arguments, _ in
            let parts = split(arguments[1].stringArgumentBytes, separator: arguments[0].stringArgumentBytes)
            return Value(.list(parts.map { .goString($0) }, elementType: .string))
        }
        wrap("initials") { arguments, _ in .string(GoUtilsText.initials(bytes: arguments[0].stringArgumentBytes)) }
        wrap("nospace") { arguments, _ in GoUtilsText.deleteWhiteSpace(bytes: arguments[0].stringArgumentBytes) }
        // Go's path functions look only at `/` and `.`: the other bytes, read as Latin-1 characters one for one,
        // come back as they were.
        for prefix in ["", "os"] {
            for (base, transform) in [("base", GoPath.base), ("dir", GoPath.dir), ("clean", GoPath.clean), ("ext", GoPath.ext)] as [(String, @Sendable (String) -> String)] {
                let name = prefix.isEmpty ? base : prefix + base.prefix(1).uppercased() + base.dropFirst()
                wrap(name) { arguments, _ in .goString(latin1Bytes(transform(latin1Text(arguments[0].stringArgumentBytes)))) }
            }
        }
        wrap("htpasswd") { arguments, _ in
            let user = arguments[0].stringArgumentBytes
            if user.contains(UInt8(ascii: ":")) { return .goString(Array("invalid username: ".utf8) + user) }
            return .goString(user + [UInt8(ascii: ":")] + Array(Bcrypt.hash(password: arguments[1].stringArgumentBytes).utf8))
        }
        for (name, newline) in [("indent", false), ("nindent", true)] {
            wrap(name) { arguments, context in
                let spaces = arguments[0].intArgument
                let pad = Array(try GoStrings.repeating(" ", count: spaces, maximumBytes: context.maximumResultSize).utf8)
                let text = arguments[1].stringArgumentBytes
                var output: [UInt8] = newline ? [UInt8(ascii: "\n")] : []
                output += pad
                for byte in text {
                    output.append(byte)
                    if byte == UInt8(ascii: "\n") { output += pad }
                }
                try SprigLimits.check(output.count, context.maximumResultSize)
                return .goString(output)
            }
        }
    }

    /// Each byte as the Unicode scalar of the same number (Latin-1).
    private static func latin1Text(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: bytes.map { Unicode.Scalar($0) })
        return String(scalars)
    }

    /// The inverse of ``latin1Text(_:)``, for text made of its scalars.
    private static func latin1Bytes(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
    }

    /// The runes of `bytes` as Go's `range` reads them, each with its byte range (an invalid byte is U+FFFD of
    /// width 1).
    static func runes(of bytes: [UInt8]) -> [(rune: UInt32, range: Range<Int>)] {
        var runes: [(rune: UInt32, range: Range<Int>)] = []
        var index = 0
        while index < bytes.count {
            let (rune, width) = UTF8Decoding.decodeRune(bytes, at: index)
            runes.append((rune, index..<(index + width)))
            index += width
        }
        return runes
    }

    /// `strings.TrimFunc`: strips runes that `shouldTrim` accepts from both ends (an invalid byte is U+FFFD).
    private static func trim(_ bytes: [UInt8], where shouldTrim: (Unicode.Scalar) -> Bool) -> ArraySlice<UInt8> {
        let decoded = runes(of: bytes)
        func trimmed(_ rune: UInt32) -> Bool { Unicode.Scalar(rune).map(shouldTrim) ?? false }
        guard let first = decoded.firstIndex(where: { !trimmed($0.rune) }),
            let last = decoded.lastIndex(where: { !trimmed($0.rune) })
        else { return [] }
        return bytes[decoded[first].range.lowerBound..<decoded[last].range.upperBound]
    }

    /// `strings.Replace(text, old, new, -1)`; an empty `old` matches before every rune and at the end.
    private static func replaceAll(_ text: [UInt8], _ old: [UInt8], _ new: [UInt8], maximumBytes: Int) throws -> [UInt8] {
        var result: [UInt8] = []
        if old.isEmpty {
            let decoded = runes(of: text)
            try SprigLimits.check(text.count + (decoded.count + 1) * new.count, maximumBytes)
            for rune in decoded {
                result += new
                result += text[rune.range]
            }
            return result + new
        }
        var position = 0
        while let match = GoStrings.index(of: old, in: text, from: position) {
            result += text[position..<match]
            result += new
            try SprigLimits.check(result.count, maximumBytes)
            position = match + old.count
        }
        return result + text[position...]
    }

    /// `strings.SplitN`: `limit` < 0 means every part, 0 means none; an empty separator splits into runes (an
    /// invalid byte is a part of its own, which Go's `explode` writes as U+FFFD, except in the last part, which
    /// is the rest as it is).
    private static func split(_ text: [UInt8], separator: [UInt8], limit: Int = -1) -> [ArraySlice<UInt8>] {
        if limit == 0 { return [] }
        if separator.isEmpty {
            let decoded = runes(of: text)
            let count = limit < 0 || limit > decoded.count ? decoded.count : limit
            guard count > 0 else { return [] }
            let replacement: ArraySlice<UInt8> = [0xEF, 0xBF, 0xBD]
            var parts = decoded[..<(count - 1)].map { $0.rune == UTF8Decoding.replacementCharacter ? replacement : text[$0.range] }
            parts.append(text[decoded[count - 1].range.lowerBound...])
            return parts
        }
        var parts: [ArraySlice<UInt8>] = []
        var position = 0
        while limit < 0 || parts.count < limit - 1, let match = GoStrings.index(of: separator, in: text, from: position) {
            parts.append(text[position..<match])
            position = match + separator.count
        }
        parts.append(text[position...])
        return parts
    }

    /// sprig's `split` result: a `map[string]string` of `_0`, `_1`, ….
    private static func numberedParts(_ parts: [ArraySlice<UInt8>]) -> Value {
        var members: [MapKey: Value] = [:]
        for (index, part) in parts.enumerated() { members[MapKey("_\(index)")] = .goString(part) }
        return Value(.map(members, valueType: .string))
    }
}
