/// The kinds of lexical item in a template, as Go's `text/template/parse` lexer distinguishes them.
enum TokenKind: UInt8, Sendable {
    case error, bool, char, charConstant, comment, complex, assign, declare, eof, field, identifier
    case leftDelim, leftParen, number, pipe, rawString, rightDelim, rightParen, space, string, text, variable
    // Keywords (Go orders them after `itemKeyword`, and prints them as `<name>`).
    case block, breakKeyword, continueKeyword, dot, define, elseKeyword, end, ifKeyword, nilKeyword, range
    case template, with

    var isKeyword: Bool { rawValue >= TokenKind.block.rawValue }

    static let keywords: [String: TokenKind] = [
        "block": .block, "break": .breakKeyword, "continue": .continueKeyword, "define": .define,
        "else": .elseKeyword, "end": .end, "if": .ifKeyword, "range": .range, "nil": .nilKeyword,
        "template": .template, "with": .with,
    ]
}

/// One lexical item: its kind, its text, its byte offset in the template and the line it starts on.
struct Token: Sendable {
    var kind: TokenKind
    /// Byte offset of the item in the source text.
    var offset: Int
    /// The item's text (for `.error`, the error message).
    var text: String
    /// 1-based line of the item's start.
    var line: Int

    /// How Go's parser names the item in `unexpected …` messages.
    var goDescription: String {
        switch kind {
        case .eof: return "EOF"
        case .error: return text
        default:
            if kind.isKeyword { return "<\(text)>" }
            let utf8 = Array(text.utf8)
            if utf8.count > 10 {
                // Go prints `%.10q...`: the first ten runes, quoted.
                return GoFormat.quote(String(text.unicodeScalars.prefix(10).map(Character.init))) + "..."
            }
            return GoFormat.quote(text)
        }
    }
}
