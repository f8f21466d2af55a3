/// strconv's quoting: `Quote`, `QuoteToASCII`, `QuoteRune`, `QuoteRuneToASCII`, `CanBackquote`, `IsPrint`.
enum Quoting {
    private static let lowerHex = Array("0123456789abcdef".utf8)

    /// Appends `bytes` as a double-quoted Go string literal. Invalid UTF-8 bytes become `\xNN`.
    static func appendQuoted<Bytes: BidirectionalCollection>(
        _ bytes: Bytes, asciiOnly: Bool, to output: inout [UInt8]
    ) where Bytes.Element == UInt8 {
        output.append(UInt8(ascii: "\""))
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let (rune, width) = UTF8Decoding.decodeRune(bytes, at: index)
            if width == 1 && rune == UTF8Decoding.replacementCharacter {
                let byte = bytes[index]
                output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "x"), lowerHex[Int(byte >> 4)], lowerHex[Int(byte & 0xF)]])
            } else {
                appendEscaped(rune: rune, quote: UInt8(ascii: "\""), asciiOnly: asciiOnly, to: &output)
            }
            index = bytes.index(index, offsetBy: width)
        }
        output.append(UInt8(ascii: "\""))
    }

    /// Appends `rune` as a single-quoted Go rune literal; an invalid rune is quoted as U+FFFD.
    static func appendQuoted(rune: UInt32, asciiOnly: Bool, to output: inout [UInt8]) {
        let rune = UTF8Decoding.isValidRune(rune) ? rune : UTF8Decoding.replacementCharacter
        output.append(UInt8(ascii: "'"))
        appendEscaped(rune: rune, quote: UInt8(ascii: "'"), asciiOnly: asciiOnly, to: &output)
        output.append(UInt8(ascii: "'"))
    }

    private static func appendEscaped(rune: UInt32, quote: UInt8, asciiOnly: Bool, to output: inout [UInt8]) {
        if rune == UInt32(quote) || rune == UInt32(UInt8(ascii: "\\")) {
            output.append(UInt8(ascii: "\\"))
            output.append(UInt8(rune))
            return
        }
        if asciiOnly {
            if rune < 0x80 && isPrint(rune) {
                output.append(UInt8(rune))
                return
            }
        } else if isPrint(rune) {
            UTF8Decoding.append(rune: rune, to: &output)
            return
        }
        let shortEscape: UInt8?
        switch rune {
        case 0x07: shortEscape = UInt8(ascii: "a")
        case 0x08: shortEscape = UInt8(ascii: "b")
        case 0x0C: shortEscape = UInt8(ascii: "f")
        case 0x0A: shortEscape = UInt8(ascii: "n")
        case 0x0D: shortEscape = UInt8(ascii: "r")
        case 0x09: shortEscape = UInt8(ascii: "t")
        case 0x0B: shortEscape = UInt8(ascii: "v")
        default: shortEscape = nil
        }
        if let shortEscape {
            output.append(UInt8(ascii: "\\"))
            output.append(shortEscape)
            return
        }
        if rune < 0x20 || rune == 0x7F {
            output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "x")])
            appendHex(rune, digits: 2, to: &output)
            return
        }
        let rune = UTF8Decoding.isValidRune(rune) ? rune : UTF8Decoding.replacementCharacter
        if rune < 0x10000 {
            output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u")])
            appendHex(rune, digits: 4, to: &output)
        } else {
            output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "U")])
            appendHex(rune, digits: 8, to: &output)
        }
    }

    private static func appendHex(_ value: UInt32, digits: Int, to output: inout [UInt8]) {
        for position in stride(from: digits - 1, through: 0, by: -1) {
            output.append(lowerHex[Int((value >> UInt32(position * 4)) & 0xF)])
        }
    }

    /// Whether the bytes can be written as a raw string literal unchanged (`strconv.CanBackquote`).
    static func canBackquote<Bytes: BidirectionalCollection>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8 {
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let (rune, width) = UTF8Decoding.decodeRune(bytes, at: index)
            index = bytes.index(index, offsetBy: width)
            if width > 1 {
                if rune == 0xFEFF { return false }
                continue
            }
            if rune == UTF8Decoding.replacementCharacter { return false }
            if (rune < 0x20 && rune != 0x09) || rune == 0x60 || rune == 0x7F { return false }
        }
        return true
    }

    /// Go's `strconv.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII space.
    static func isPrint(_ rune: UInt32) -> Bool {
        if rune < 0x80 { return rune >= 0x20 && rune < 0x7F }
        guard let scalar = Unicode.Scalar(rune) else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark,
            .decimalNumber, .letterNumber, .otherNumber,
            .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation,
            .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }
}
