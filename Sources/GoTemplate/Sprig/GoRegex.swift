/// A regular expression in Go's RE2 syntax, run by Swift's `Regex` after translation.
///
/// The translation gives Go's meaning where the two syntaxes differ: `\d`, `\s`, `\w`, `\b` and POSIX classes
/// are ASCII; `.` excludes only `\n`; `^` and `$` match at the text's ends unless `(?m)`; `(?U)` swaps greedy
/// and lazy; `{,n}` and a `{` that is not a repetition are literals; `&&`, `--` and `~~` in a class are
/// literals. What Go rejects (back-references, look-arounds, `\Z`, nested repetition, counts over 1000,
/// unknown `\p{…}` names) fails with Go's message, `error parsing regexp: CODE: \`TEXT\``.
///
/// Known differences that remain: under `(?m)`, `^` also matches after `\r`, U+2028 and U+2029 (Swift has no
/// look-behind to restrict it to `\n`); `\b` and `\B` use Swift's simple word boundaries, which do not count
/// digits as word characters (`\b` never matches between a space and `1`); case folding under `(?i)` is
/// Swift's (a bracketed `[k]` does not match the Kelvin sign); matching backtracks, so a pattern such as
/// `(a+)+$` can take exponential time where Go's RE2 is linear. ``backtrackingHazard`` names the commonest
/// shape of that, which sprig's functions refuse with a clear error; others (`(a|aa)+$`) remain.
struct GoRegex {
    let expression: String
    let regex: Regex<AnyRegexOutput>
    /// The name of each capture group, from group 1 on (nil for an unnamed group).
    let groupNames: [String?]
    /// The offset (in Unicode scalars) of an unbounded repetition of a part that is itself essentially an
    /// unbounded repetition (`(a+)+`, `(\w+\s?)*`), on which this backtracking engine can take exponential time
    /// where Go's RE2 is linear; nil when there is none. Sprig's functions refuse such a pattern (see
    /// ``SprigRegex``).
    let backtrackingHazard: Int?

    /// Go's `regexp.Compile`.
    init(_ expression: String) throws(GoRegexSyntaxError) {
        self.expression = expression
        var translator = GoRegexTranslator(expression)
        let pattern = try translator.translate()
        groupNames = translator.groupNames
        backtrackingHazard = translator.backtrackingHazard
        do {
            regex = try Regex(pattern).matchingSemantics(.unicodeScalar).wordBoundaryKind(.simple)
                .asciiOnlyWordCharacters()
        } catch {
            throw GoRegexSyntaxError(code: "invalid or unsupported Perl syntax", text: expression)
        }
    }

    /// Go's `regexp.Compile` of a Go string: bytes that are not valid UTF-8 are Go's `invalid UTF-8` error (the
    /// expression shown as text, each bad byte as U+FFFD).
    init(pattern: Value) throws(GoRegexSyntaxError) {
        switch pattern.storage {
        case .string(let text): try self.init(text)
        default: throw GoRegexSyntaxError(code: "invalid UTF-8", text: pattern.stringArgument)
        }
    }

    /// The leftmost-first match, as Go's `FindString` sees it.
    func firstMatch(in text: String) -> Regex<AnyRegexOutput>.Match? {
        try? regex.firstMatch(in: text)
    }

    /// Successive matches as Go's `FindAll…` and `ReplaceAll…` take them: an empty match right where the
    /// previous match ended is skipped. `limit` < 0 means no limit.
    func matches(in text: String, limit: Int) -> [Regex<AnyRegexOutput>.Match] {
        var result: [Regex<AnyRegexOutput>.Match] = []
        var previousEnd: String.Index?
        for match in text.matches(of: regex) {
            if limit >= 0 && result.count >= limit { break }
            let skip = match.range.isEmpty && match.range.lowerBound == previousEnd
            previousEnd = match.range.upperBound
            if !skip { result.append(match) }
        }
        return result
    }

    /// The text of the match and of each group (empty for a group that did not take part), as Go's
    /// `FindStringSubmatch` gives them.
    func submatches(of match: Regex<AnyRegexOutput>.Match, in text: String) -> [String] {
        (0..<match.output.count).map { index in
            match.output[index].range.map { String(text.unicodeScalars[$0]) } ?? ""
        }
    }

    /// Go's `ReplaceAllString` (`literal` false: `$1`, `${name}` and `$$` expand) and `ReplaceAllLiteralString`,
    /// on the subject's bytes: the text between matches and the replacement's bytes are copied as they are.
    func replaceAll(in subject: GoRegexSubject, with replacement: [UInt8], literal: Bool) -> [UInt8] {
        var output: [UInt8] = []
        var lastEnd = 0
        for match in matches(in: subject.text, limit: -1) {
            let range = subject.byteRange(of: match.range)
            output += subject.bytes[lastEnd..<range.lowerBound]
            if literal {
                output += replacement
            } else {
                expand(replacement, match: match, in: subject, into: &output)
            }
            lastEnd = range.upperBound
        }
        output += subject.bytes[lastEnd...]
        return output
    }

    /// Go's `Split`, as byte ranges of the subject.
    func split(_ subject: GoRegexSubject, limit: Int) -> [Range<Int>] {
        if limit == 0 { return [] }
        if !expression.isEmpty && subject.bytes.isEmpty { return [0..<0] }
        var pieces: [Range<Int>] = []
        var begin = 0, end = 0
        for match in matches(in: subject.text, limit: limit) {
            if limit > 0 && pieces.count == limit - 1 { break }
            let range = subject.byteRange(of: match.range)
            end = range.lowerBound
            if range.upperBound != 0 { pieces.append(begin..<end) }
            begin = range.upperBound
        }
        if end != subject.bytes.count { pieces.append(begin..<subject.bytes.count) }
        return pieces
    }

    /// Go's `Regexp.expand` of a replacement template (bytes) for one match.
    private func expand(_ template: [UInt8], match: Regex<AnyRegexOutput>.Match, in subject: GoRegexSubject, into output: inout [UInt8]) {
        func appendGroup(_ index: Int) {
            guard index < match.output.count, let range = match.output[index].range else { return }
            output += subject.bytes[subject.byteRange(of: range)]
        }
        var rest = template[...]
        while let dollar = rest.firstIndex(of: UInt8(ascii: "$")) {
            output += rest[..<dollar]
            rest = rest[(dollar + 1)...]
            if rest.first == UInt8(ascii: "$") {
                output.append(UInt8(ascii: "$"))
                rest = rest.dropFirst()
                continue
            }
            guard let (name, number, remainder) = Self.extractReference(rest) else {
                output.append(UInt8(ascii: "$"))
                continue
            }
            rest = remainder
            if let number {
                appendGroup(number)
            } else if let index = groupNames.firstIndex(of: name) {
                appendGroup(index + 1)
            }
        }
        output += rest
    }

    /// Go's `extract`: a name of letters, digits and `_` (optionally in braces), read rune by rune (a byte that
    /// is not valid UTF-8 ends it); a name of digits without a leading zero is a group number.
    private static func extractReference(_ text: ArraySlice<UInt8>) -> (String, Int?, ArraySlice<UInt8>)? {
        var rest = text
        let braced = rest.first == UInt8(ascii: "{")
        if braced { rest = rest.dropFirst() }
        var nameEnd = rest.startIndex
        while nameEnd < rest.endIndex {
            let (rune, width) = UTF8Decoding.decodeRune(rest, at: nameEnd)
            guard let scalar = Unicode.Scalar(rune),
                scalar == "_" || scalar.properties.generalCategory.isLetter
                    || scalar.properties.generalCategory == .decimalNumber
            else { break }
            nameEnd += width
        }
        guard nameEnd > rest.startIndex else { return nil }
        let name = rest[..<nameEnd]
        rest = rest[nameEnd...]
        if braced {
            guard rest.first == UInt8(ascii: "}") else { return nil }
            rest = rest.dropFirst()
        }
        var number: Int? = 0
        for byte in name {
            guard let current = number, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte), current < 100_000_000 else {
                number = nil
                break
            }
            number = current * 10 + Int(byte - UInt8(ascii: "0"))
        }
        if name.count > 1 && name.first == UInt8(ascii: "0") { number = nil }
        return (String(decoding: name, as: UTF8.self), number, rest)
    }

    /// Go's `regexp.QuoteMeta`, byte by byte.
    static func quoteMeta(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        for byte in bytes {
            if "\\.+*?()|[]{}^$".utf8.contains(byte) { output.append(UInt8(ascii: "\\")) }
            output.append(byte)
        }
        return output
    }
}

extension Unicode.GeneralCategory {
    fileprivate var isLetter: Bool {
        switch self {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }
}

/// A pattern Go's `regexp/syntax` rejects, with its `Error()` text.
struct GoRegexSyntaxError: Error, CustomStringConvertible {
    let code: String
    let text: String
    var description: String { "error parsing regexp: \(code): `\(text)`" }
}
