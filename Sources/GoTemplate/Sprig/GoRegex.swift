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

    /// Go's `ReplaceAllString` (`literal` false: `$1`, `${name}` and `$$` expand) and `ReplaceAllLiteralString`.
    func replaceAll(in text: String, with replacement: String, literal: Bool) -> String {
        var output = ""
        var lastEnd = text.startIndex
        for match in matches(in: text, limit: -1) {
            output += text.unicodeScalars[lastEnd..<match.range.lowerBound].map(String.init).joined()
            output += literal ? replacement : expand(replacement, match: match, in: text)
            lastEnd = match.range.upperBound
        }
        output += String(text.unicodeScalars[lastEnd...])
        return output
    }

    /// Go's `Split`.
    func split(_ text: String, limit: Int) -> [String] {
        if limit == 0 { return [] }
        if !expression.isEmpty && text.isEmpty { return [""] }
        var pieces: [String] = []
        var begin = text.startIndex, end = text.startIndex
        for match in matches(in: text, limit: limit) {
            if limit > 0 && pieces.count == limit - 1 { break }
            end = match.range.lowerBound
            if match.range.upperBound != text.startIndex { pieces.append(String(text.unicodeScalars[begin..<end])) }
            begin = match.range.upperBound
        }
        if end != text.endIndex { pieces.append(String(text.unicodeScalars[begin...])) }
        return pieces
    }

    /// Go's `Regexp.expand` of a replacement template for one match.
    private func expand(_ template: String, match: Regex<AnyRegexOutput>.Match, in text: String) -> String {
        var output = ""
        var rest = Substring(template)
        while let dollar = rest.firstIndex(of: "$") {
            output += rest[..<dollar]
            rest = rest[rest.index(after: dollar)...]
            if rest.first == "$" {
                output += "$"
                rest = rest.dropFirst()
                continue
            }
            guard let (name, number, remainder) = Self.extractReference(rest) else {
                output += "$"
                continue
            }
            rest = remainder
            if let number {
                if number < match.output.count, let range = match.output[number].range {
                    output += String(text.unicodeScalars[range])
                }
            } else if let index = groupNames.firstIndex(of: name), index + 1 < match.output.count,
                let range = match.output[index + 1].range
            {
                output += String(text.unicodeScalars[range])
            }
        }
        return output + rest
    }

    /// Go's `extract`: a name of letters, digits and `_` (optionally in braces); a name of digits without a
    /// leading zero is a group number.
    private static func extractReference(_ text: Substring) -> (String, Int?, Substring)? {
        var rest = text
        let braced = rest.first == "{"
        if braced { rest = rest.dropFirst() }
        let name = rest.unicodeScalars.prefix { scalar in
            scalar == "_" || scalar.properties.generalCategory.isLetter || scalar.properties.generalCategory == .decimalNumber
        }
        guard !name.isEmpty else { return nil }
        rest = Substring(rest.unicodeScalars[name.endIndex...])
        if braced {
            guard rest.first == "}" else { return nil }
            rest = rest.dropFirst()
        }
        let nameText = String(String.UnicodeScalarView(name))
        var number: Int? = 0
        for scalar in name {
            guard let current = number, ("0"..."9").contains(scalar), current < 100_000_000 else { number = nil; break }
            number = current * 10 + Int(scalar.value - 48)
        }
        if name.count > 1 && name.first == "0" { number = nil }
        return (nameText, number, rest)
    }

    /// Go's `regexp.QuoteMeta`.
    static func quoteMeta(_ text: String) -> String {
        var output = ""
        for character in text.unicodeScalars {
            if "\\.+*?()|[]{}^$".unicodeScalars.contains(character) { output += "\\" }
            output.unicodeScalars.append(character)
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
