/// Splits a template's text into tokens, following Go's `text/template/parse` lexer state by state (trim
/// markers, comments, quoted and raw strings, character and number literals, parenthesis depth), so that
/// token offsets, lines and error messages are Go's.
///
/// The whole text is lexed up front; a lexical error ends the token list with an `.error` token, which the
/// parser reports when it reaches it, as Go's does.
struct Lexer {
    private let input: [UInt8]
    private let breakAllowed: Bool
    private let continueAllowed: Bool
    private var position = 0
    private var start = 0
    private var line = 1
    private var startLine = 1
    private var parenDepth = 0
    private var atEOF = false
    private var lastWidth = 0
    private var lastWasNewline = false
    private(set) var tokens: [Token] = []

    private static let leftDelimiter: [UInt8] = Array("{{".utf8)
    private static let rightDelimiter: [UInt8] = Array("}}".utf8)
    private static let trimMarker = UInt8(ascii: "-")

    /// Lexes `text`. `break` and `continue` are keywords unless a function of that name exists.
    static func tokenize(_ text: [UInt8], breakAllowed: Bool, continueAllowed: Bool) -> [Token] {
        var lexer = Lexer(input: text, breakAllowed: breakAllowed, continueAllowed: continueAllowed)
        lexer.run()
        return lexer.tokens
    }

    private init(input: [UInt8], breakAllowed: Bool, continueAllowed: Bool) {
        self.input = input
        self.breakAllowed = breakAllowed
        self.continueAllowed = continueAllowed
    }

    private enum State { case text, leftDelimiter, comment, insideAction, rightDelimiter, space, identifier
        case field, variable, quote, rawQuote, character, number, done }

    private mutating func run() {
        var state = State.text
        while state != .done {
            switch state {
            case .text: state = lexText()
            case .leftDelimiter: state = lexLeftDelimiter()
            case .comment: state = lexComment()
            case .insideAction: state = lexInsideAction()
            case .rightDelimiter: state = lexRightDelimiter()
            case .space: state = lexSpace()
            case .identifier: state = lexIdentifier()
            case .field: state = lexFieldOrVariable(.field)
            case .variable: state = atTerminator() ? emitting(.variable, then: .insideAction) : lexFieldOrVariable(.variable)
            case .quote: state = lexQuote()
            case .rawQuote: state = lexRawQuote()
            case .character: state = lexCharacter()
            case .number: state = lexNumber()
            case .done: break
            }
        }
    }

    // MARK: - Primitives

    private static let eof: Unicode.Scalar = "\u{10FFFF}"

    /// Decodes the scalar at `offset` and its width; invalid UTF-8 reads as U+FFFD of width 1, as in Go.
    private func decode(at offset: Int) -> (Unicode.Scalar, Int) {
        let lead = input[offset]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        var iterator = input[offset...].makeIterator()
        var decoder = UTF8()
        switch decoder.decode(&iterator) {
        case .scalarValue(let scalar): return (scalar, UTF8.width(scalar))
        default: return ("\u{FFFD}", 1)
        }
    }

    private mutating func next() -> Unicode.Scalar {
        if position >= input.count {
            atEOF = true
            return Self.eof
        }
        let (scalar, width) = decode(at: position)
        position += width
        lastWidth = width
        lastWasNewline = scalar == "\n"
        if lastWasNewline { line += 1 }
        return scalar
    }

    private func peek() -> Unicode.Scalar {
        position < input.count ? decode(at: position).0 : Self.eof
    }

    private mutating func backup() {
        guard !atEOF, position > 0 else { return }
        position -= lastWidth
        if lastWasNewline { line -= 1 }
    }

    private mutating func emit(_ kind: TokenKind) {
        let text = String(decoding: input[start..<position], as: UTF8.self)
        tokens.append(Token(kind: kind, offset: start, text: text, line: startLine))
        start = position
        startLine = line
    }

    private mutating func emitting(_ kind: TokenKind, then state: State) -> State {
        emit(kind)
        return state
    }

    private mutating func ignore() {
        line += newlines(in: start..<position)
        start = position
        startLine = line
    }

    private func newlines(in range: Range<Int>) -> Int {
        var count = 0
        for index in range where input[index] == UInt8(ascii: "\n") { count += 1 }
        return count
    }

    private mutating func fail(_ message: String) -> State {
        tokens.append(Token(kind: .error, offset: start, text: message, line: startLine))
        return .done
    }

    private mutating func accept(_ valid: String) -> Bool {
        if valid.unicodeScalars.contains(next()) { return true }
        backup()
        return false
    }

    private mutating func acceptRun(_ valid: String) {
        while valid.unicodeScalars.contains(next()) {}
        backup()
    }

    private func hasPrefix(_ prefix: [UInt8], at offset: Int) -> Bool {
        guard offset >= 0, offset + prefix.count <= input.count else { return false }
        for index in 0..<prefix.count where input[offset + index] != prefix[index] { return false }
        return true
    }

    private static func isSpaceByte(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\n"
    }

    static func isAlphaNumeric(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "_" { return true }
        if scalar.isASCII {
            let value = scalar.value
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        }
        if scalar == eof { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber:
            return true
        default:
            return false
        }
    }

    private func hasLeftTrimMarker(at offset: Int) -> Bool {
        offset + 1 < input.count && input[offset] == Self.trimMarker && Self.isSpaceByte(input[offset + 1])
    }

    private func hasRightTrimMarker(at offset: Int) -> Bool {
        offset >= 0 && offset + 1 < input.count && Self.isSpaceByte(input[offset]) && input[offset + 1] == Self.trimMarker
    }

    /// Whether the right delimiter (with or without trim marker) starts at the current position.
    private func atRightDelimiter() -> (delimiter: Bool, trimSpaces: Bool) {
        if hasRightTrimMarker(at: position) && hasPrefix(Self.rightDelimiter, at: position + 2) { return (true, true) }
        if hasPrefix(Self.rightDelimiter, at: position) { return (true, false) }
        return (false, false)
    }

    // MARK: - States

    private mutating func lexText() -> State {
        if let found = firstIndex(of: Self.leftDelimiter, from: position) {
            position = found
            var trimLength = 0
            if hasLeftTrimMarker(at: position + Self.leftDelimiter.count) {
                var index = position
                while index > start && Self.isSpaceByte(input[index - 1]) { index -= 1 }
                trimLength = position - index
            }
            position -= trimLength
            if position > start {
                line += newlines(in: start..<position)
                emit(.text)
            }
            position += trimLength
            ignore()
            return .leftDelimiter
        }
        position = input.count
        if position > start {
            line += newlines(in: start..<position)
            emit(.text)
        }
        emit(.eof)
        return .done
    }

    private func firstIndex(of needle: [UInt8], from offset: Int) -> Int? {
        var index = offset
        let last = input.count - needle.count
        while index <= last {
            if input[index] == needle[0] && hasPrefix(needle, at: index) { return index }
            index += 1
        }
        return nil
    }

    private mutating func lexLeftDelimiter() -> State {
        position += Self.leftDelimiter.count
        let trimSpace = hasLeftTrimMarker(at: position)
        let afterMarker = trimSpace ? 2 : 0
        if hasPrefix(Array("/*".utf8), at: position + afterMarker) {
            position += afterMarker
            ignore()
            return .comment
        }
        emit(.leftDelim)
        position += afterMarker
        ignore()
        parenDepth = 0
        return .insideAction
    }

    private mutating func lexComment() -> State {
        position += 2
        guard let close = firstIndex(of: Array("*/".utf8), from: position) else { return fail("unclosed comment") }
        position = close + 2
        let (delimiter, trimSpace) = atRightDelimiter()
        if !delimiter { return fail("comment ends before closing delimiter") }
        if trimSpace { position += 2 }
        position += Self.rightDelimiter.count
        if trimSpace {
            while position < input.count && Self.isSpaceByte(input[position]) { position += 1 }
        }
        ignore()
        return .text
    }

    private mutating func lexRightDelimiter() -> State {
        let trimSpace = hasRightTrimMarker(at: position)
        if trimSpace {
            position += 2
            ignore()
        }
        position += Self.rightDelimiter.count
        emit(.rightDelim)
        if trimSpace {
            while position < input.count && Self.isSpaceByte(input[position]) { position += 1 }
            ignore()
        }
        return .text
    }

    private mutating func lexInsideAction() -> State {
        let (delimiter, _) = atRightDelimiter()
        if delimiter {
            if parenDepth == 0 { return .rightDelimiter }
            return fail("unclosed left paren")
        }
        let scalar = next()
        switch scalar {
        case Self.eof where atEOF:
            return fail("unclosed action")
        case " ", "\t", "\r", "\n":
            backup()
            return .space
        case "=":
            emit(.assign)
        case ":":
            if next() != "=" { return fail("expected :=") }
            emit(.declare)
        case "|":
            emit(.pipe)
        case "\"":
            return .quote
        case "`":
            return .rawQuote
        case "$":
            return .variable
        case "'":
            return .character
        case ".":
            if position < input.count {
                let following = input[position]
                if following < UInt8(ascii: "0") || following > UInt8(ascii: "9") { return .field }
            }
            backup()
            return .number
        case "+", "-", "0"..."9":
            backup()
            return .number
        case "(":
            emit(.leftParen)
            parenDepth += 1
        case ")":
            emit(.rightParen)
            parenDepth -= 1
            if parenDepth < 0 { return fail("unexpected right paren \(Self.describe(scalar))") }
        default:
            if Self.isAlphaNumeric(scalar) {
                backup()
                return .identifier
            }
            if scalar.isASCII && scalar.value >= 0x20 && scalar.value < 0x7F {
                emit(.char)
            } else {
                return fail("unrecognized character in action: \(Self.describe(scalar))")
            }
        }
        return .insideAction
    }

    private mutating func lexSpace() -> State {
        var spaces = 0
        while Self.isSpace(peek()) {
            _ = next()
            spaces += 1
        }
        if hasRightTrimMarker(at: position - 1) && hasPrefix(Self.rightDelimiter, at: position + 1) {
            backup()
            if spaces == 1 { return .rightDelimiter }
        }
        emit(.space)
        return .insideAction
    }

    private mutating func lexIdentifier() -> State {
        while true {
            let scalar = next()
            if Self.isAlphaNumeric(scalar) { continue }
            backup()
            let word = String(decoding: input[start..<position], as: UTF8.self)
            if !atTerminator() { return fail("bad character \(Self.describe(scalar))") }
            if let keyword = TokenKind.keywords[word] {
                if keyword == .breakKeyword && !breakAllowed || keyword == .continueKeyword && !continueAllowed {
                    emit(.identifier)
                } else {
                    emit(keyword)
                }
            } else if word == "true" || word == "false" {
                emit(.bool)
            } else {
                emit(.identifier)
            }
            return .insideAction
        }
    }

    private mutating func lexFieldOrVariable(_ kind: TokenKind) -> State {
        if atTerminator() {
            emit(kind == .variable ? .variable : .dot)
            return .insideAction
        }
        var scalar: Unicode.Scalar
        repeat {
            scalar = next()
        } while Self.isAlphaNumeric(scalar)
        backup()
        if !atTerminator() { return fail("bad character \(Self.describe(scalar))") }
        emit(kind)
        return .insideAction
    }

    private func atTerminator() -> Bool {
        let scalar = peek()
        if Self.isSpace(scalar) { return true }
        switch scalar {
        case Self.eof, ".", ",", "|", ":", ")", "(": return true
        default: return hasPrefix(Self.rightDelimiter, at: position)
        }
    }

    private mutating func lexCharacter() -> State {
        while true {
            switch next() {
            case "\\":
                let escaped = next()
                if !(escaped == Self.eof && atEOF) && escaped != "\n" { continue }
                return fail("unterminated character constant")
            case "\n":
                return fail("unterminated character constant")
            case "'":
                emit(.charConstant)
                return .insideAction
            case Self.eof where atEOF:
                return fail("unterminated character constant")
            default:
                continue
            }
        }
    }

    private mutating func lexNumber() -> State {
        if !scanNumber() { return fail("bad number syntax: \(GoFormat.quote(currentText))") }
        let sign = peek()
        if sign == "+" || sign == "-" {
            if !scanNumber() || input[position - 1] != UInt8(ascii: "i") {
                return fail("bad number syntax: \(GoFormat.quote(currentText))")
            }
            emit(.complex)
        } else {
            emit(.number)
        }
        return .insideAction
    }

    private var currentText: String { String(decoding: input[start..<position], as: UTF8.self) }

    private mutating func scanNumber() -> Bool {
        _ = accept("+-")
        var digits = "0123456789_"
        if accept("0") {
            if accept("xX") {
                digits = "0123456789abcdefABCDEF_"
            } else if accept("oO") {
                digits = "01234567_"
            } else if accept("bB") {
                digits = "01_"
            }
        }
        acceptRun(digits)
        if accept(".") { acceptRun(digits) }
        if digits.count == 11 && accept("eE") {
            _ = accept("+-")
            acceptRun("0123456789_")
        }
        if digits.count == 23 && accept("pP") {
            _ = accept("+-")
            acceptRun("0123456789_")
        }
        _ = accept("i")
        if Self.isAlphaNumeric(peek()) {
            _ = next()
            return false
        }
        return true
    }

    private mutating func lexQuote() -> State {
        while true {
            switch next() {
            case "\\":
                let escaped = next()
                if !(escaped == Self.eof && atEOF) && escaped != "\n" { continue }
                return fail("unterminated quoted string")
            case "\n":
                return fail("unterminated quoted string")
            case "\"":
                emit(.string)
                return .insideAction
            case Self.eof where atEOF:
                return fail("unterminated quoted string")
            default:
                continue
            }
        }
    }

    private mutating func lexRawQuote() -> State {
        while true {
            switch next() {
            case Self.eof where atEOF:
                return fail("unterminated raw quoted string")
            case "`":
                emit(.rawString)
                return .insideAction
            default:
                continue
            }
        }
    }

    /// Go's `%#U`: `U+002D '-'`, without the quoted character when it is not printable.
    static func describe(_ scalar: Unicode.Scalar) -> String {
        var hex = String(scalar.value, radix: 16, uppercase: true)
        while hex.count < 4 { hex = "0" + hex }
        if isPrintable(scalar) { return "U+\(hex) '\(Character(scalar))'" }
        return "U+\(hex)"
    }

    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator,
            .spaceSeparator:
            return false
        default:
            return true
        }
    }
}
