/// Parses a Go (RE2) regular expression as Go's `regexp/syntax` does with its Perl flags, reporting Go's
/// errors, and writes the equivalent pattern in the syntax of Swift's `Regex`.
struct GoRegexTranslator {
    private let scalars: [Unicode.Scalar]
    private let whole: String
    private var position = 0
    /// Names of the capture groups, in order (nil for unnamed ones).
    private(set) var groupNames: [String?] = []
    private var multiLine = false, dotMatchesNewline = false, ungreedy = false
    private var depth = 0
    /// The offset (in scalars) of the first unbounded repetition of something that is itself essentially one
    /// unbounded repetition, such as the second `+` of `(a+)+` or of `(\w+\s?)+`: Go matches these in linear time,
    /// but a backtracking engine can take exponential time on a text that almost matches. Nil when none.
    private(set) var backtrackingHazard: Int?
    /// Whether the branches of the alternation last parsed can match the empty string (some branch), and
    /// whether one of them is an unbounded repetition with nothing around it that must match.
    private var lastAlternation = (nullable: false, dominantRepeat: false)
    private static let maximumDepth = 1000
    private static let maximumRepeat = 1000

    init(_ expression: String) {
        scalars = Array(expression.unicodeScalars)
        whole = expression
    }

    mutating func translate() throws(GoRegexSyntaxError) -> String {
        let body = try alternation()
        if position < scalars.count { throw GoRegexSyntaxError(code: "unexpected )", text: whole) }
        return body
    }

    /// One element of a concatenation: an atom that a repetition may follow, or a flag change that is not.
    private struct Piece {
        var text: String
        var isAtom: Bool
        /// The product of the repetition counts inside, for Go's limit of 1000.
        var repeatProduct: Int
        /// Whether it can match the empty string (assertions and flag changes do).
        var nullable = false
        /// Whether it is an unbounded repetition, or a group one of whose branches is such a repetition with
        /// only parts around it that can match the empty string.
        var dominantRepeat = false
    }

    /// The facts of one branch (a concatenation) for ``lastAlternation``.
    private static func branchFacts(_ pieces: [Piece]) -> (nullable: Bool, dominantRepeat: Bool) {
        let nullable = pieces.allSatisfy(\.nullable)
        guard let repeated = pieces.firstIndex(where: \.dominantRepeat) else { return (nullable, false) }
        let rest = pieces.indices.filter { $0 != repeated }
        return (nullable, rest.allSatisfy { pieces[$0].nullable })
    }

    private func text(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[max(0, range.lowerBound)..<min(scalars.count, range.upperBound)])
        return String(view)
    }

    /// Branches up to a `)` (left in place) or the end.
    private mutating func alternation() throws(GoRegexSyntaxError) -> String {
        var branches: [String] = []
        var pieces: [Piece] = []
        var facts = (nullable: false, dominantRepeat: false)
        var lastRepeatStart: Int?
        while position < scalars.count {
            let scalar = scalars[position]
            let start = position
            if scalar == ")" { break }
            if scalar == "|" {
                let branch = Self.branchFacts(pieces)
                facts = (facts.nullable || branch.nullable, facts.dominantRepeat || branch.dominantRepeat)
                branches.append(pieces.map(\.text).joined())
                pieces = []
                position += 1
                lastRepeatStart = nil
                continue
            }
            if scalar == "*" || scalar == "+" || scalar == "?" || scalar == "{" {
                var minimum = 0, maximum = -1
                switch scalar {
                case "*": position += 1
                case "+": minimum = 1; position += 1
                case "?": maximum = 1; position += 1
                default:
                    guard let (low, high) = repeatBounds() else {
                        pieces.append(Piece(text: Self.literal("{"), isAtom: true, repeatProduct: 1))
                        position += 1
                        lastRepeatStart = nil
                        continue
                    }
                    if low < 0 || low > Self.maximumRepeat || high > Self.maximumRepeat || high >= 0 && low > high {
                        throw GoRegexSyntaxError(code: "invalid repeat count", text: text(start..<position))
                    }
                    minimum = low
                    maximum = high
                }
                var lazy = ungreedy
                if position < scalars.count, scalars[position] == "?" {
                    lazy.toggle()
                    position += 1
                }
                if let lastRepeatStart {
                    throw GoRegexSyntaxError(code: "invalid nested repetition operator", text: text(lastRepeatStart..<position))
                }
                guard let index = pieces.lastIndex(where: \.isAtom) else {
                    throw GoRegexSyntaxError(code: "missing argument to repetition operator", text: text(start..<position))
                }
                var product = pieces[index].repeatProduct
                if scalar == "{" && (minimum >= 2 || maximum >= 2) {
                    let count = maximum < 0 ? minimum : maximum
                    if count > 0 {
                        product *= count
                        if product > Self.maximumRepeat {
                            throw GoRegexSyntaxError(code: "invalid repeat count", text: text(start..<position))
                        }
                    }
                }
                let quantifier: String
                switch (minimum, maximum) {
                case (0, -1): quantifier = "*"
                case (1, -1): quantifier = "+"
                case (0, 1): quantifier = "?"
                case (_, -1): quantifier = "{\(minimum),}"
                case _ where minimum == maximum: quantifier = "{\(minimum)}"
                default: quantifier = "{\(minimum),\(maximum)}"
                }
                if maximum < 0 && pieces[index].dominantRepeat && backtrackingHazard == nil { backtrackingHazard = start }
                pieces[index] = Piece(
                    text: "(?:" + pieces[index].text + ")" + quantifier + (lazy ? "?" : ""), isAtom: true,
                    repeatProduct: product, nullable: minimum == 0 || pieces[index].nullable,
                    dominantRepeat: maximum < 0 || pieces[index].dominantRepeat)
                lastRepeatStart = start
                continue
            }
            lastRepeatStart = nil
            switch scalar {
            case "(":
                if let piece = try group() { pieces.append(piece) }
            case "[":
                pieces.append(Piece(text: try characterClass(), isAtom: true, repeatProduct: 1))
            case ".":
                position += 1
                pieces.append(Piece(text: dotMatchesNewline ? "[\\u{0}-\\u{10FFFF}]" : "[^\\u{A}]", isAtom: true, repeatProduct: 1))
            case "^":
                position += 1
                pieces.append(Piece(text: multiLine ? "(?m:^)" : "\\A", isAtom: true, repeatProduct: 1, nullable: true))
            case "$":
                position += 1
                pieces.append(Piece(text: multiLine ? "(?=\\u{A}|\\z)" : "\\z", isAtom: true, repeatProduct: 1, nullable: true))
            case "\\":
                pieces += try escapeOutsideClass()
            default:
                position += 1
                pieces.append(Piece(text: Self.literal(scalar), isAtom: true, repeatProduct: 1))
            }
        }
        let branch = Self.branchFacts(pieces)
        lastAlternation = (facts.nullable || branch.nullable, facts.dominantRepeat || branch.dominantRepeat)
        branches.append(pieces.map(\.text).joined())
        return branches.joined(separator: "|")
    }

    /// Parses `{n}`, `{n,}` or `{n,m}` at `position`; nil (and `position` unchanged) when it is not one, as
    /// Go then takes `{` literally. A number too large gives -1, which the caller reports.
    private mutating func repeatBounds() -> (Int, Int)? {
        var index = position + 1
        func number() -> Int?? {
            guard index < scalars.count, ("0"..."9").contains(scalars[index]) else { return .none }
            if scalars[index] == "0", index + 1 < scalars.count, ("0"..."9").contains(scalars[index + 1]) { return .none }
            var value = 0
            while index < scalars.count, ("0"..."9").contains(scalars[index]) {
                if value >= 100_000_000 { value = -1 } else if value >= 0 { value = value * 10 + Int(scalars[index].value - 48) }
                index += 1
            }
            return .some(value)
        }
        guard case .some(let first) = number(), var minimum = first else { return nil }
        var maximum = minimum
        if index < scalars.count, scalars[index] == "," {
            index += 1
            guard index < scalars.count else { return nil }
            if scalars[index] == "}" {
                maximum = -1
            } else {
                guard case .some(let second) = number(), let value = second else { return nil }
                maximum = value
                if value < 0 { minimum = -1 }
            }
        }
        guard index < scalars.count, scalars[index] == "}" else { return nil }
        position = index + 1
        return (minimum, maximum)
    }

    /// A group at `(`: capturing, named, non-capturing or a flag change (which yields no piece).
    private mutating func group() throws(GoRegexSyntaxError) -> Piece? {
        let start = position
        let savedFlags = (multiLine, dotMatchesNewline, ungreedy)
        var opening = "("
        if position + 1 < scalars.count, scalars[position + 1] == "?" {
            if position + 4 < scalars.count, scalars[position + 2] == "P", scalars[position + 3] == "<" {
                guard let close = scalars[(position + 4)...].firstIndex(of: ">") else {
                    throw GoRegexSyntaxError(code: "invalid named capture", text: text(start..<scalars.count))
                }
                let name = text((position + 4)..<close)
                let valid = !name.isEmpty && name.unicodeScalars.allSatisfy {
                    $0 == "_" || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                }
                guard valid else { throw GoRegexSyntaxError(code: "invalid named capture", text: text(start..<(close + 1))) }
                groupNames.append(name)
                position = close + 1
            } else {
                position += 2
                var caseInsensitive: Bool?
                var negated = false, sawFlag = false
                var setMultiLine = multiLine, setDotAll = dotMatchesNewline, setUngreedy = ungreedy
                while true {
                    guard position < scalars.count else {
                        throw GoRegexSyntaxError(code: "invalid or unsupported Perl syntax", text: text(start..<position))
                    }
                    let flag = scalars[position]
                    position += 1
                    switch flag {
                    case "i": caseInsensitive = !negated; sawFlag = true
                    case "m": setMultiLine = !negated; sawFlag = true
                    case "s": setDotAll = !negated; sawFlag = true
                    case "U": setUngreedy = !negated; sawFlag = true
                    case "-" where !negated:
                        negated = true
                        sawFlag = false
                    case ":" where !negated || sawFlag, ")" where !negated || sawFlag:
                        multiLine = setMultiLine
                        dotMatchesNewline = setDotAll
                        ungreedy = setUngreedy
                        let swiftFlags = caseInsensitive.map { $0 ? "i" : "-i" } ?? ""
                        if flag == ")" {
                            return swiftFlags.isEmpty ? nil : Piece(text: "(?\(swiftFlags))", isAtom: false, repeatProduct: 1, nullable: true)
                        }
                        opening = "(?\(swiftFlags):"
                        return try groupBody(opening: opening, start: start, savedFlags: savedFlags)
                    default:
                        throw GoRegexSyntaxError(code: "invalid or unsupported Perl syntax", text: text(start..<position))
                    }
                }
            }
        } else {
            groupNames.append(nil)
            position += 1
        }
        return try groupBody(opening: opening, start: start, savedFlags: savedFlags)
    }

    private mutating func groupBody(opening: String, start: Int, savedFlags: (Bool, Bool, Bool)) throws(GoRegexSyntaxError) -> Piece {
        depth += 1
        if depth > Self.maximumDepth { throw GoRegexSyntaxError(code: "expression nests too deeply", text: whole) }
        let body = try alternation()
        let facts = lastAlternation
        guard position < scalars.count, scalars[position] == ")" else {
            throw GoRegexSyntaxError(code: "missing closing )", text: whole)
        }
        position += 1
        depth -= 1
        (multiLine, dotMatchesNewline, ungreedy) = savedFlags
        return Piece(
            text: opening + body + ")", isAtom: true, repeatProduct: 1, nullable: facts.nullable, dominantRepeat: facts.dominantRepeat)
    }

    /// A `\` sequence outside a class: assertions, `\Q…\E`, classes, or one literal.
    private mutating func escapeOutsideClass() throws(GoRegexSyntaxError) -> [Piece] {
        guard position + 1 < scalars.count else {
            throw GoRegexSyntaxError(code: "trailing backslash at end of expression", text: "")
        }
        func atom(_ text: String) -> [Piece] { [Piece(text: text, isAtom: true, repeatProduct: 1)] }
        func assertion(_ text: String) -> [Piece] { [Piece(text: text, isAtom: true, repeatProduct: 1, nullable: true)] }
        switch scalars[position + 1] {
        case "A": position += 2; return assertion("\\A")
        case "z": position += 2; return assertion("\\z")
        case "b": position += 2; return assertion("\\b")
        case "B": position += 2; return assertion("\\B")
        case "C": throw GoRegexSyntaxError(code: "invalid escape sequence", text: "\\C")
        case "Q":
            position += 2
            var pieces: [Piece] = []
            while position < scalars.count {
                if scalars[position] == "\\", position + 1 < scalars.count, scalars[position + 1] == "E" {
                    position += 2
                    break
                }
                pieces += atom(Self.literal(scalars[position]))
                position += 1
            }
            return pieces
        case "p", "P":
            return atom(try unicodeClass())
        default:
            if let perl = perlClass(negatedAsClass: true) { return atom(perl) }
            return atom(Self.literal(try escapedCharacter()))
        }
    }

    /// `\d`, `\s`, `\w` and their negations as ASCII classes.
    private mutating func perlClass(negatedAsClass: Bool) -> String? {
        guard position + 1 < scalars.count, scalars[position] == "\\" else { return nil }
        let members: String
        switch scalars[position + 1] {
        case "d", "D": members = "0-9"
        case "s", "S": members = "\\u{9}\\u{A}\\u{C}\\u{D}\\u{20}"
        case "w", "W": members = "0-9A-Za-z_"
        default: return nil
        }
        let negated = ("A"..."Z").contains(scalars[position + 1])
        position += 2
        if negated { return "[^" + members + "]" }
        return negatedAsClass ? "[" + members + "]" : members
    }

    /// `\pL`, `\p{Greek}`, `\P{…}`, `\p{^…}`, with Go's names only.
    private mutating func unicodeClass() throws(GoRegexSyntaxError) -> String {
        let start = position
        var negated = scalars[position + 1] == "P"
        position += 2
        var name: String
        if position < scalars.count, scalars[position] == "{" {
            guard let close = scalars[position...].firstIndex(of: "}") else {
                throw GoRegexSyntaxError(code: "invalid character class range", text: text(start..<scalars.count))
            }
            name = text((position + 1)..<close)
            position = close + 1
        } else {
            name = position < scalars.count ? text(position..<(position + 1)) : ""
            position = min(position + 1, scalars.count)
        }
        if name.hasPrefix("^") {
            negated.toggle()
            name.removeFirst()
        }
        if name == "Any" { return negated ? "[^\\u{0}-\\u{10FFFF}]" : "[\\u{0}-\\u{10FFFF}]" }
        guard GoUnicodeNames.categories.contains(name) || GoUnicodeNames.scripts.contains(name) else {
            throw GoRegexSyntaxError(code: "invalid character class range", text: text(start..<position))
        }
        return (negated ? "\\P{" : "\\p{") + name + "}"
    }

    /// The character of a `\` escape that stands for one (Go's `parseEscape`).
    private mutating func escapedCharacter() throws(GoRegexSyntaxError) -> Unicode.Scalar {
        let start = position
        position += 1
        guard position < scalars.count else {
            throw GoRegexSyntaxError(code: "trailing backslash at end of expression", text: "")
        }
        let scalar = scalars[position]
        position += 1
        func isOctal(_ index: Int) -> Bool { index < scalars.count && ("0"..."7").contains(scalars[index]) }
        switch scalar {
        case "1"..."7" where isOctal(position), "0":
            var value = scalar.value - 48
            for _ in 0..<2 where isOctal(position) {
                value = value * 8 + scalars[position].value - 48
                position += 1
            }
            return Unicode.Scalar(value) ?? "\u{FFFD}"
        case "x":
            guard position < scalars.count else { break }
            if scalars[position] == "{" {
                position += 1
                var value: UInt32 = 0
                var digits = 0
                while position < scalars.count, let digit = Self.hexValue(scalars[position]) {
                    value = value * 16 + digit
                    digits += 1
                    position += 1
                    if value > 0x10FFFF { break }
                }
                guard digits > 0, value <= 0x10FFFF, position < scalars.count, scalars[position] == "}" else { break }
                position += 1
                return Unicode.Scalar(value) ?? "\u{FFFD}"
            }
            guard position + 1 < scalars.count, let high = Self.hexValue(scalars[position]),
                let low = Self.hexValue(scalars[position + 1])
            else { break }
            position += 2
            return Unicode.Scalar(high * 16 + low) ?? "\u{FFFD}"
        case "a": return "\u{7}"
        case "f": return "\u{C}"
        case "n": return "\n"
        case "r": return "\r"
        case "t": return "\t"
        case "v": return "\u{B}"
        default:
            if scalar.isASCII && !(("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)) {
                return scalar
            }
        }
        throw GoRegexSyntaxError(code: "invalid escape sequence", text: text(start..<position))
    }

    private static func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "0"..."9": return scalar.value - 48
        case "a"..."f": return scalar.value - 87
        case "A"..."F": return scalar.value - 55
        default: return nil
        }
    }

    /// A bracketed class at `[`.
    private mutating func characterClass() throws(GoRegexSyntaxError) -> String {
        let start = position
        position += 1
        var output = "["
        if position < scalars.count, scalars[position] == "^" {
            output += "^"
            position += 1
        }
        var first = true
        while position >= scalars.count || scalars[position] != "]" || first {
            first = false
            guard position < scalars.count else {
                throw GoRegexSyntaxError(code: "missing closing ]", text: text(start..<scalars.count))
            }
            if scalars[position] == "[", position + 2 < scalars.count, scalars[position + 1] == ":",
                let named = try posixClass(classStart: start)
            {
                output += named
                continue
            }
            if scalars[position] == "\\", position + 1 < scalars.count, scalars[position + 1] == "p" || scalars[position + 1] == "P" {
                output += try unicodeClass()
                continue
            }
            if let perl = perlClass(negatedAsClass: false) {
                output += perl
                continue
            }
            let rangeStart = position
            let low = try classCharacter(classStart: start)
            var high = low
            if position + 1 < scalars.count, scalars[position] == "-", scalars[position + 1] != "]" {
                position += 1
                high = try classCharacter(classStart: start)
                if high.value < low.value {
                    throw GoRegexSyntaxError(code: "invalid character class range", text: text(rangeStart..<position))
                }
            }
            output += Self.classMember(low)
            if high != low { output += "-" + Self.classMember(high) }
        }
        position += 1
        return output + "]"
    }

    private mutating func classCharacter(classStart: Int) throws(GoRegexSyntaxError) -> Unicode.Scalar {
        guard position < scalars.count else {
            throw GoRegexSyntaxError(code: "missing closing ]", text: text(classStart..<scalars.count))
        }
        if scalars[position] == "\\" { return try escapedCharacter() }
        position += 1
        return scalars[position - 1]
    }

    /// `[:alpha:]` and the other POSIX classes (ASCII), or nil when the text is not one.
    private mutating func posixClass(classStart: Int) throws(GoRegexSyntaxError) -> String? {
        var close: Int?
        var index = position + 2
        while index + 1 < scalars.count {
            if scalars[index] == ":" && scalars[index + 1] == "]" { close = index; break }
            index += 1
        }
        guard let close else { return nil }
        var name = text((position + 2)..<close)
        let whole = text(position..<(close + 2))
        let negated = name.hasPrefix("^")
        if negated { name.removeFirst() }
        let members: String
        switch name {
        case "alnum": members = "0-9A-Za-z"
        case "alpha": members = "A-Za-z"
        case "ascii": members = "\\u{0}-\\u{7F}"
        case "blank": members = "\\u{9}\\u{20}"
        case "cntrl": members = "\\u{0}-\\u{1F}\\u{7F}"
        case "digit": members = "0-9"
        case "graph": members = "\\u{21}-\\u{7E}"
        case "lower": members = "a-z"
        case "print": members = "\\u{20}-\\u{7E}"
        case "punct": members = "\\u{21}-\\u{2F}\\u{3A}-\\u{40}\\u{5B}-\\u{60}\\u{7B}-\\u{7E}"
        case "space": members = "\\u{9}-\\u{D}\\u{20}"
        case "upper": members = "A-Z"
        case "word": members = "0-9A-Za-z_"
        case "xdigit": members = "0-9A-Fa-f"
        default: throw GoRegexSyntaxError(code: "invalid character class range", text: whole)
        }
        position = close + 2
        return negated ? "[^" + members + "]" : members
    }

    /// A literal character outside a class: letters and digits as they are, anything else as `\u{…}`.
    private static func literal(_ scalar: Unicode.Scalar) -> String {
        if ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) { return String(scalar) }
        return "\\u{" + String(scalar.value, radix: 16) + "}"
    }

    private static func classMember(_ scalar: Unicode.Scalar) -> String { "\\u{" + String(scalar.value, radix: 16) + "}" }
}
