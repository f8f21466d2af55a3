/// huandu/xstrings' case conversions, which sprig exposes as `camelcase`, `snakecase`, `kebabcase` and
/// `shuffle`. xstrings splits text into words of a kind (upper-case run, lower-case word, number, connector,
/// punctuation, other) and joins them again; the rules below follow its v1.3.3 behaviour rune for rune.
enum XStringsCase {
    private typealias Runes = ArraySlice<Unicode.Scalar>

    private enum WordKind { case invalid, number, upperCase, alphabet, connector, punctuation, other }

    /// `utf8.RuneError`: xstrings skips it as if it were an undecodable byte.
    private static let runeError: Unicode.Scalar = "\u{FFFD}"

    /// `-`, `_` and white space separate words.
    private static func isConnector(_ rune: Unicode.Scalar) -> Bool {
        rune == "-" || rune == "_" || GoUnicode.isSpace(rune)
    }

    /// A letter that is not one of the CJK ideographs.
    private static func isAlphabet(_ rune: Unicode.Scalar) -> Bool {
        guard GoUnicode.isLetter(rune) else { return false }
        switch rune.value {
        case ..<0x3400: return true
        case 0x4E00...0x9FCC, 0x3400...0x4D85, 0x20000...0x2B81D: return false
        default: return true
        }
    }

    /// `xstrings.ToCamelCase`: connectors are dropped and the rune after them upper-cased; other runes are
    /// lower-cased, except the first, which is upper-cased.
    static func camelCase(_ text: String) -> String {
        var runes = Array(text.unicodeScalars)[...]
        guard !runes.isEmpty else { return "" }
        var output = String.UnicodeScalarView()
        var current: Unicode.Scalar = "\0"
        while let rune = runes.popFirst() {
            current = rune
            if !isConnector(rune) {
                current = GoUnicode.toUpper(rune)
                break
            }
            output.append(rune)
        }
        if runes.isEmpty {
            // xstrings writes the last rune read once more, a connector included ("__" becomes "___").
            output.append(current)
            return String(output)
        }
        while let rune = runes.popFirst() {
            let previous = current
            current = rune
            if isConnector(current) && isConnector(previous) {
                output.append(previous)
                continue
            }
            if isConnector(previous) {
                current = GoUnicode.toUpper(current)
            } else {
                current = GoUnicode.toLower(current)
                output.append(previous)
            }
        }
        output.append(current)
        return String(output)
    }

    /// `xstrings.ToSnakeCase`.
    static func snakeCase(_ text: String) -> String { lowerCaseWords(text, connector: "_") }

    /// `xstrings.ToKebabCase`.
    static func kebabCase(_ text: String) -> String { lowerCaseWords(text, connector: "-") }

    /// `xstrings.Shuffle`: the runes in random order (Fisher–Yates, as Go's).
    static func shuffle(_ text: String) -> String {
        var runes = Array(text.unicodeScalars)
        runes.shuffle()
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: runes)
        return String(scalars)
    }

    private static func lowerCaseWords(_ text: String, connector: Unicode.Scalar) -> String {
        let all = Array(text.unicodeScalars)[...]
        guard !all.isEmpty else { return "" }
        var output = String.UnicodeScalarView()
        var (kind, word, remaining) = nextWord(all)
        while !remaining.isEmpty {
            if kind != .connector { appendLowered(&output, kind, word, connector) }
            let previousKind = kind
            let previousWord = word
            (kind, word, remaining) = nextWord(remaining)
            switch previousKind {
            case .number:
                while kind == .alphabet || kind == .number {
                    appendLowered(&output, kind, word, connector)
                    (kind, word, remaining) = nextWord(remaining)
                }
                if kind != .invalid && kind != .punctuation && kind != .connector { output.append(connector) }
            case .connector:
                appendLowered(&output, previousKind, previousWord, connector)
            case .punctuation:
                break
            default:
                guard kind == .number else {
                    if kind != .connector && kind != .punctuation { output.append(connector) }
                    break
                }
                guard !remaining.isEmpty else { break }
                let numberWord = word
                (kind, word, remaining) = nextWord(remaining)
                guard kind == .alphabet else {
                    appendLowered(&output, .number, numberWord, connector)
                    if kind != .connector && kind != .punctuation { output.append(connector) }
                    break
                }
                output.append(connector)
                appendLowered(&output, .number, numberWord, connector)
                while kind == .alphabet || kind == .number {
                    appendLowered(&output, kind, word, connector)
                    (kind, word, remaining) = nextWord(remaining)
                }
                if kind != .invalid && kind != .connector && kind != .punctuation { output.append(connector) }
            }
        }
        appendLowered(&output, kind, word, connector)
        return String(output)
    }

    /// Upper-case runs are lower-cased and connector runs become the connector; other words are copied.
    private static func appendLowered(
        _ output: inout String.UnicodeScalarView, _ kind: WordKind, _ word: Runes, _ connector: Unicode.Scalar
    ) {
        guard kind == .upperCase || kind == .connector else {
            output.append(contentsOf: word)
            return
        }
        for rune in word {
            if isConnector(rune) {
                output.append(connector)
            } else {
                output.append(GoUnicode.isUpper(rune) ? GoUnicode.toLower(rune) : rune)
            }
        }
    }

    /// The first rune at or after the start that is not `RuneError`, and how many runes that took; `previous`
    /// when there is none.
    private static func nextValidRune(_ runes: Runes, _ previous: Unicode.Scalar) -> (Unicode.Scalar, Int) {
        var size = 0
        for rune in runes {
            size += 1
            if rune != runeError { return (rune, size) }
        }
        return (previous, size)
    }

    private static func nextWord(_ text: Runes) -> (WordKind, Runes, Runes) {
        guard !text.isEmpty else { return (.invalid, text[text.startIndex..<text.startIndex], text) }
        var (rune, size) = nextValidRune(text, runeError)
        var offset = size
        var remaining = text
        func word() -> Runes { text.prefix(offset) }
        if rune == runeError {
            return (.invalid, word(), text.dropFirst(offset))
        }
        /// Extends the word while `belongs` holds for the next valid rune.
        func extend(while belongs: (Unicode.Scalar) -> Bool) {
            while !remaining.isEmpty {
                (rune, size) = nextValidRune(remaining, rune)
                if !belongs(rune) { break }
                offset += size
                remaining = remaining.dropFirst(size)
            }
        }
        let kind: WordKind
        if isConnector(rune) {
            kind = .connector
            remaining = remaining.dropFirst(size)
            extend(while: isConnector)
        } else if GoUnicode.isPunct(rune) {
            kind = .punctuation
            remaining = remaining.dropFirst(size)
            extend(while: GoUnicode.isPunct)
        } else if GoUnicode.isUpper(rune) {
            kind = .upperCase
            remaining = remaining.dropFirst(size)
            if !remaining.isEmpty {
                (rune, size) = nextValidRune(remaining, rune)
                if GoUnicode.isUpper(rune) {
                    var previousSize = size
                    offset += size
                    remaining = remaining.dropFirst(size)
                    while !remaining.isEmpty {
                        (rune, size) = nextValidRune(remaining, rune)
                        if !GoUnicode.isUpper(rune) { break }
                        previousSize = size
                        offset += size
                        remaining = remaining.dropFirst(size)
                    }
                    if !remaining.isEmpty && isAlphabet(rune) {
                        offset -= previousSize
                        remaining = text.dropFirst(offset)
                    }
                } else if isAlphabet(rune) {
                    offset += size
                    remaining = remaining.dropFirst(size)
                    extend { isAlphabet($0) && !GoUnicode.isUpper($0) }
                }
            }
        } else if isAlphabet(rune) {
            kind = .alphabet
            remaining = remaining.dropFirst(size)
            extend { isAlphabet($0) && !GoUnicode.isUpper($0) }
        } else if GoUnicode.isNumber(rune) {
            kind = .number
            remaining = remaining.dropFirst(size)
            extend(while: GoUnicode.isNumber)
        } else {
            kind = .other
            remaining = remaining.dropFirst(size)
            extend { !(isConnector($0) || isAlphabet($0) || GoUnicode.isNumber($0) || GoUnicode.isPunct($0)) }
        }
        return (kind, word(), remaining)
    }
}
