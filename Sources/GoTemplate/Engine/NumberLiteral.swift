/// A number literal parsed as Go's `parse.NumberNode` does: the value under every type that can represent
/// it exactly (integer, unsigned, float, complex), and the text as written.
struct NumberLiteral: Sendable {
    let text: String
    var isInt = false, isUint = false, isFloat = false, isComplex = false
    var int64: Int64 = 0
    var uint64: UInt64 = 0
    var float64: Double = 0
    var complex: (real: Double, imaginary: Double) = (0, 0)

    /// Parses a number, character constant or complex token; the error is Go's message.
    init(text: String, kind: TokenKind) throws(LiteralError) {
        self.text = text
        switch kind {
        case .charConstant:
            let scalars = Array(text.unicodeScalars)
            guard scalars.count >= 2 else { throw LiteralError("invalid syntax") }
            let (scalar, tail) = try GoUnquote.unquoteCharacter(Array(scalars[1...]), quote: "'")
            if tail.count != 1 || tail[0] != "'" { throw LiteralError("malformed character constant: \(text)") }
            setInteger(Int64(scalar.value))
            return
        case .complex:
            guard let value = Self.parseComplex(text) else { throw LiteralError("expected integer") }
            complex = value
            isComplex = true
            simplifyComplex()
            return
        default:
            break
        }
        if text.hasSuffix("i"), let imaginary = Self.parseFloat(String(text.dropLast())) {
            complex = (0, imaginary)
            isComplex = true
            simplifyComplex()
            return
        }
        let unsigned = Self.parseUnsigned(text)
        if let unsigned {
            isUint = true
            uint64 = unsigned
        }
        if let signed = Self.parseSigned(text) {
            isInt = true
            int64 = signed
            if signed == 0 {
                isUint = true
                uint64 = unsigned ?? 0
            }
        }
        if isInt {
            isFloat = true
            float64 = Double(int64)
        } else if isUint {
            isFloat = true
            float64 = Double(uint64)
        } else if let value = Self.parseFloat(text) {
            if !text.contains(where: { ".eEpP".contains($0) }) {
                throw LiteralError("integer overflow: \(GoFormat.quote(text))")
            }
            isFloat = true
            float64 = value
            if let exact = Int64(exactly: value) {
                isInt = true
                int64 = exact
            }
            if let exact = UInt64(exactly: value) {
                isUint = true
                uint64 = exact
            }
        }
        if !isInt && !isUint && !isFloat { throw LiteralError("illegal number syntax: \(GoFormat.quote(text))") }
    }

    private mutating func setInteger(_ value: Int64) {
        int64 = value
        isInt = true
        uint64 = UInt64(bitPattern: value)
        isUint = true
        float64 = Double(value)
        isFloat = true
    }

    private mutating func simplifyComplex() {
        isFloat = complex.imaginary == 0
        guard isFloat else { return }
        float64 = complex.real
        if let exact = Int64(exactly: float64) {
            isInt = true
            int64 = exact
        }
        if let exact = UInt64(exactly: float64) {
            isUint = true
            uint64 = exact
        }
    }

    /// The value a literal has where no type is expected (Go's `idealConstant`): complex, float when written
    /// as one, otherwise `int`.
    var idealValue: Result<Value, LiteralError> {
        if isComplex { return .success(Value(.complex(complex.real, complex.imaginary))) }
        let isHexInt = text.count > 2 && text.hasPrefix("0") && (text.dropFirst().first == "x" || text.dropFirst().first == "X")
            && !text.contains(where: { $0 == "p" || $0 == "P" })
        if isFloat && !isHexInt && !text.hasPrefix("'") && text.contains(where: { ".eEpP".contains($0) }) {
            return .success(.float64(float64))
        }
        if isInt { return .success(.int(Int(int64))) }
        if isUint { return .failure(LiteralError("\(text) overflows int")) }
        return .success(.nil)
    }

    // MARK: - strconv

    /// strconv.ParseUint(text, 0, 64).
    static func parseUnsigned(_ text: String) -> UInt64? {
        var digits = Substring(text)
        guard !digits.isEmpty, digits.first != "+", digits.first != "-" else { return nil }
        var radix = 10
        var prefixed = false
        if digits.hasPrefix("0"), let marker = digits.dropFirst().first {
            switch marker {
            case "x", "X": radix = 16; digits = digits.dropFirst(2); prefixed = true
            case "o", "O": radix = 8; digits = digits.dropFirst(2); prefixed = true
            case "b", "B": radix = 2; digits = digits.dropFirst(2); prefixed = true
            default: radix = 8; digits = digits.dropFirst(1); prefixed = true
            }
        }
        if digits.contains("_") {
            guard underscoresAreValid(text) else { return nil }
            digits = Substring(digits.filter { $0 != "_" })
        }
        if digits.isEmpty { return prefixed && radix == 8 ? 0 : nil }
        return UInt64(digits, radix: radix)
    }

    /// strconv.ParseInt(text, 0, 64).
    static func parseSigned(_ text: String) -> Int64? {
        var body = Substring(text)
        var negative = false
        if body.first == "+" || body.first == "-" {
            negative = body.first == "-"
            body = body.dropFirst()
        }
        guard let magnitude = parseUnsigned(String(body)) else { return nil }
        if negative {
            if magnitude == UInt64(Int64.max) + 1 { return Int64.min }
            guard magnitude <= UInt64(Int64.max) else { return nil }
            return -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return Int64(magnitude)
    }

    /// strconv.ParseFloat(text, 64) for the forms the lexer produces; nil when invalid or out of range.
    static func parseFloat(_ text: String) -> Double? {
        var body = text
        if body.contains("_") {
            guard underscoresAreValid(text) else { return nil }
            body = body.filter { $0 != "_" }
        }
        let lower = body.lowercased()
        if lower.contains("inf") || lower.contains("nan") { return nil }
        let unsignedPart = lower.hasPrefix("+") || lower.hasPrefix("-") ? lower.dropFirst() : Substring(lower)
        if unsignedPart.hasPrefix("0x") {
            guard unsignedPart.contains("p") else { return nil }
        } else if unsignedPart.hasPrefix("0o") || unsignedPart.hasPrefix("0b") {
            return nil
        }
        guard let value = Double(body), value.isFinite else { return nil }
        return value
    }

    /// Go's `underscoreOK`: underscores only between digits, or between a base prefix and a digit.
    static func underscoresAreValid(_ text: String) -> Bool {
        var characters = Array(text)
        var saw: Character = "^"
        var index = 0
        if let first = characters.first, first == "+" || first == "-" { characters.removeFirst() }
        var hex = false
        if characters.count >= 2 && characters[0] == "0" {
            let marker = Character(characters[1].lowercased())
            if marker == "x" || marker == "o" || marker == "b" {
                hex = marker == "x"
                index = 2
                saw = "0"
            }
        }
        while index < characters.count {
            let character = characters[index]
            if character.isASCII && character.isNumber || hex && character.isHexDigit {
                saw = "0"
            } else if character == "_" {
                if saw != "0" { return false }
                saw = "_"
            } else {
                if saw == "_" { return false }
                saw = "!"
            }
            index += 1
        }
        return saw != "_"
    }

    /// fmt.Sscan of a complex128 written as `re+imi` or `re-imi`.
    private static func parseComplex(_ text: String) -> (Double, Double)? {
        let characters = Array(text)
        var split: Int?
        var index = characters.count - 1
        while index > 0 {
            let character = characters[index]
            if (character == "+" || character == "-") && !"eEpP".contains(characters[index - 1]) {
                split = index
                break
            }
            index -= 1
        }
        guard let split, characters.last == "i" else { return nil }
        guard let real = parseFloat(String(characters[..<split])),
            let imaginary = parseFloat(String(characters[split..<(characters.count - 1)]))
        else { return nil }
        return (real, imaginary)
    }
}

/// A literal that does not parse, with Go's message.
struct LiteralError: Error, Sendable {
    let message: String
    init(_ message: String) { self.message = message }
}
