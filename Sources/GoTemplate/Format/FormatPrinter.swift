/// The flags, width and precision of one `fmt` directive.
struct FormatFlags {
    var plus = false
    var minus = false
    var sharp = false
    var space = false
    var zero = false
    /// `%#v`: Go-syntax output.
    var sharpV = false
    var width = 0
    var widthPresent = false
    var precision = 0
    var precisionPresent = false
}

/// Go's `fmt` printer state: formats values into a byte buffer the way `fmt.Fprint` and friends do.
struct FormatPrinter {
    var output: [UInt8]
    var flags = FormatFlags()
    /// Output beyond this many bytes is not built: a width or precision of millions, applied to every
    /// element of a collection, would otherwise make gigabytes. ``exceeded`` tells the caller.
    var limit = Int.max
    /// Whether the output would have passed ``limit`` (what was written is then incomplete).
    var exceeded = false

    /// Whether printing stopped at `limit` or the output ended up longer than it.
    func passed(_ limit: Int) -> Bool { exceeded || output.count > limit }

    /// Nesting beyond this depth prints `...` instead of recursing further.
    static let maximumDepth = 1_000

    private static let lowerDigits = Array("0123456789abcdefx".utf8)
    private static let upperDigits = Array("0123456789ABCDEFX".utf8)

    init() {
        output = []
        output.reserveCapacity(64)
    }

    /// A printer that appends to `output` (which the caller swaps in), reserving nothing.
    init(output: [UInt8]) {
        self.output = output
    }

    var text: String { String(decoding: output, as: UTF8.self) }

    /// The output as a Go string: its bytes kept, valid UTF-8 or not.
    var goString: Value { Value.goString(output) }

    // MARK: - Arguments

    /// `printArg`: one operand at the top level of a directive.
    mutating func printArgument(_ value: Value, verb: UInt32) {
        switch value.storage {
        case .nil:
            if verb == ascii("T") || verb == ascii("v") {
                padString("<nil>".utf8)
            } else {
                badVerb(verb, value: value, asArgument: true)
            }
            return
        default: break
        }
        if verb == ascii("T") {
            formatString(value.goType.description.utf8)
            return
        }
        if verb == ascii("p") {
            printPointer(value, verb: verb)
            return
        }
        if case .list(let elements, let elementType) = value.storage, elementType == .integer(.uint8),
            let bytes = Self.bytes(of: elements)
        {
            printBytes(bytes, verb: verb, typeName: "[]byte", original: value, asArgument: true)
            return
        }
        printValue(value, verb: verb, depth: 0, asArgument: true)
    }

    /// `printValue`: an operand or an element reached inside a list or map.
    mutating func printValue(_ value: Value, verb: UInt32, depth: Int, asArgument: Bool = false) {
        switch value.storage {
        case .nil:
            if verb == ascii("v") {
                output.append(contentsOf: "<nil>".utf8)
            } else {
                badVerb(verb, value: value, asArgument: asArgument)
            }
        case .bool(let flag):
            if verb == ascii("t") || verb == ascii("v") {
                padString((flag ? "true" : "false").utf8)
            } else {
                badVerb(verb, value: value, asArgument: asArgument)
            }
        case .int(let number, let type):
            printInteger(UInt64(bitPattern: number), signed: type.isSigned, verb: verb, value: value, asArgument: asArgument)
        case .uint(let number, _):
            printInteger(number, signed: false, verb: verb, value: value, asArgument: asArgument)
        case .float(let number, let type):
            printFloat(number, bitSize: type == .float32 ? 32 : 64, verb: verb, value: value, asArgument: asArgument)
        case .complex(let real, let imaginary):
            printComplex(real: real, imaginary: imaginary, verb: verb, value: value, asArgument: asArgument)
        case .string(let string):
            printString(string.utf8, verb: verb, value: value, asArgument: asArgument)
        case .byteString(let bytes):
            printString(bytes, verb: verb, value: value, asArgument: asArgument)
        case .list(let elements, let elementType):
            printList(elements, elementType: elementType, value: value, verb: verb, depth: depth)
        case .map(let members, let valueType):
            printMap(members, valueType: valueType, value: value, verb: verb, depth: depth)
        case .object(let object):
            printObject(object, verb: verb, value: value, asArgument: asArgument)
        }
    }

    private mutating func printList(_ elements: [Value], elementType: GoType, value: Value, verb: UInt32, depth: Int) {
        if elementType == .integer(.uint8),
            verb == ascii("s") || verb == ascii("q") || verb == ascii("x") || verb == ascii("X"),
            let bytes = Self.bytes(of: elements)
        {
            printBytes(bytes, verb: verb, typeName: value.goType.description, original: value, asArgument: false)
            return
        }
        if depth >= Self.maximumDepth {
            output.append(contentsOf: "...".utf8)
            return
        }
        if flags.sharpV && value.isNilSlice {
            output.append(contentsOf: value.goType.description.utf8)
            output.append(contentsOf: "(nil)".utf8)
            return
        }
        if flags.sharpV {
            output.append(contentsOf: value.goType.description.utf8)
            output.append(UInt8(ascii: "{"))
            for (index, element) in elements.enumerated() {
                if exceeded { break }
                if index > 0 { output.append(contentsOf: ", ".utf8) }
                printElement(element, declaredType: elementType, verb: verb, depth: depth + 1)
            }
            output.append(UInt8(ascii: "}"))
        } else {
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if exceeded { break }
                if index > 0 { output.append(UInt8(ascii: " ")) }
                printElement(element, declaredType: elementType, verb: verb, depth: depth + 1)
            }
            output.append(UInt8(ascii: "]"))
        }
    }

    private mutating func printMap(_ members: [MapKey: Value], valueType: GoType, value: Value, verb: UInt32, depth: Int) {
        if depth >= Self.maximumDepth {
            output.append(contentsOf: "...".utf8)
            return
        }
        if flags.sharpV {
            output.append(contentsOf: value.goType.description.utf8)
            output.append(UInt8(ascii: "{"))
        } else {
            output.append(contentsOf: "map[".utf8)
        }
        for (index, key) in members.sortedKeys.enumerated() {
            if exceeded { break }
            if index > 0 {
                if flags.sharpV {
                    output.append(contentsOf: ", ".utf8)
                } else {
                    output.append(UInt8(ascii: " "))
                }
            }
            if let text = key.string {
                printString(text.utf8, verb: verb, value: .string(text), asArgument: false)
            } else {
                let bytes = key.bytes
                printString(bytes, verb: verb, value: Value(.byteString(bytes)), asArgument: false)
            }
            output.append(UInt8(ascii: ":"))
            printElement(members[key] ?? .nil, declaredType: valueType, verb: verb, depth: depth + 1)
        }
        output.append(UInt8(ascii: flags.sharpV ? "}" : "]"))
    }

    /// An element of a list or map: a nil in an `interface{}` slot prints `<nil>` (or `interface {}(nil)`).
    private mutating func printElement(_ element: Value, declaredType: GoType, verb: UInt32, depth: Int) {
        if element.isNil {
            if flags.sharpV {
                output.append(contentsOf: declaredType.description.utf8)
                output.append(contentsOf: "(nil)".utf8)
            } else {
                output.append(contentsOf: "<nil>".utf8)
            }
            return
        }
        printValue(element, verb: verb, depth: depth)
    }

    /// A struct-like value prints what its `String` method gives for the string verbs.
    private mutating func printObject(_ object: any GoObject, verb: UInt32, value: Value, asArgument: Bool) {
        switch verb {
        case ascii("v"):
            formatString(object.formatted.utf8)
        case ascii("s"), ascii("x"), ascii("X"), ascii("q"):
            printString(object.formatted.utf8, verb: verb, value: value, asArgument: asArgument)
        default:
            badVerb(verb, value: value, asArgument: asArgument)
        }
    }

    /// `%p`: Go prints the runtime address of a slice or map; no two runs share it, so this prints a fixed
    /// placeholder address for them and Go's bad-verb form for other values.
    private mutating func printPointer(_ value: Value, verb: UInt32) {
        switch value.storage {
        case .list, .map, .object:
            let saved = flags.sharp
            flags.sharp = !saved
            formatInteger(0xc000010000, base: 16, signed: false, verb: verb, digits: Self.lowerDigits)
            flags.sharp = saved
        default:
            badVerb(verb, value: value, asArgument: true)
        }
    }

    /// `%!verb(type=value)`.
    mutating func badVerb(_ verb: UInt32, value: Value, asArgument: Bool) {
        output.append(contentsOf: "%!".utf8)
        UTF8Decoding.append(rune: verb, to: &output)
        output.append(UInt8(ascii: "("))
        if value.isNil {
            output.append(contentsOf: "<nil>".utf8)
        } else {
            output.append(contentsOf: value.goType.description.utf8)
            output.append(UInt8(ascii: "="))
            if asArgument {
                printArgument(value, verb: ascii("v"))
            } else {
                printValue(value, verb: ascii("v"), depth: 0)
            }
        }
        output.append(UInt8(ascii: ")"))
    }

    // MARK: - Strings and bytes

    mutating func printString<Bytes: BidirectionalCollection>(
        _ bytes: Bytes, verb: UInt32, value: Value, asArgument: Bool
    ) where Bytes.Element == UInt8 {
        switch verb {
        case ascii("v"):
            if flags.sharpV { formatQuoted(bytes) } else { formatString(bytes) }
        case ascii("s"): formatString(bytes)
        case ascii("x"): formatHex(bytes, digits: Self.lowerDigits)
        case ascii("X"): formatHex(bytes, digits: Self.upperDigits)
        case ascii("q"): formatQuoted(bytes)
        default: badVerb(verb, value: value, asArgument: asArgument)
        }
    }

    private mutating func printBytes(_ bytes: [UInt8], verb: UInt32, typeName: String, original: Value, asArgument: Bool) {
        switch verb {
        case ascii("v"), ascii("d"):
            if flags.sharpV {
                output.append(contentsOf: typeName.utf8)
                output.append(UInt8(ascii: "{"))
                for (index, byte) in bytes.enumerated() {
                    if index > 0 { output.append(contentsOf: ", ".utf8) }
                    formatHexWithPrefix(UInt64(byte), prefix: true)
                }
                output.append(UInt8(ascii: "}"))
            } else {
                output.append(UInt8(ascii: "["))
                for (index, byte) in bytes.enumerated() {
                    if index > 0 { output.append(UInt8(ascii: " ")) }
                    formatInteger(UInt64(byte), base: 10, signed: false, verb: verb, digits: Self.lowerDigits)
                }
                output.append(UInt8(ascii: "]"))
            }
        case ascii("s"): formatString(bytes)
        case ascii("x"): formatHex(bytes, digits: Self.lowerDigits)
        case ascii("X"): formatHex(bytes, digits: Self.upperDigits)
        case ascii("q"): formatQuoted(bytes)
        default:
            if case .list(let elements, let elementType) = original.storage {
                printList(elements, elementType: elementType, value: original, verb: verb, depth: 0)
            }
        }
    }

    /// The bytes of a `[]uint8`, or nil when an element is not an integer.
    private static func bytes(of elements: [Value]) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(elements.count)
        for element in elements {
            switch element.storage {
            case .int(let number, _): bytes.append(UInt8(truncatingIfNeeded: number))
            case .uint(let number, _): bytes.append(UInt8(truncatingIfNeeded: number))
            default: return nil
            }
        }
        return bytes
    }

    /// `%s`: truncated to the precision in runes, padded to the width.
    private mutating func formatString<Bytes: BidirectionalCollection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        guard flags.precisionPresent else {
            padString(bytes)
            return
        }
        var remaining = flags.precision
        var index = bytes.startIndex
        while index != bytes.endIndex {
            remaining -= 1
            if remaining < 0 { break }
            let width = bytes[index] < 0x80 ? 1 : UTF8Decoding.decodeRune(bytes, at: index).width
            index = bytes.index(index, offsetBy: width)
        }
        padString(bytes[bytes.startIndex..<index])
    }

    /// `%q` of a string: a raw literal for `%#q` when possible, `\u` escapes only for `%+q`.
    private mutating func formatQuoted<Bytes: BidirectionalCollection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        var truncated = [UInt8]()
        if flags.precisionPresent {
            var remaining = flags.precision
            var index = bytes.startIndex
            while index != bytes.endIndex {
                remaining -= 1
                if remaining < 0 { break }
                let width = bytes[index] < 0x80 ? 1 : UTF8Decoding.decodeRune(bytes, at: index).width
                index = bytes.index(index, offsetBy: width)
            }
            truncated.append(contentsOf: bytes[bytes.startIndex..<index])
        } else {
            truncated.append(contentsOf: bytes)
        }
        var quoted: [UInt8] = []
        if flags.sharp && Quoting.canBackquote(truncated) {
            quoted.append(UInt8(ascii: "`"))
            quoted.append(contentsOf: truncated)
            quoted.append(UInt8(ascii: "`"))
        } else {
            Quoting.appendQuoted(truncated, asciiOnly: flags.plus, to: &quoted)
        }
        padString(quoted)
    }

    /// `%x` of a string or bytes: two hex digits a byte, `% x` spaced, `%#x` prefixed.
    private mutating func formatHex<Bytes: BidirectionalCollection>(_ bytes: Bytes, digits: [UInt8]) where Bytes.Element == UInt8 {
        var length = bytes.count
        if flags.precisionPresent && flags.precision < length { length = flags.precision }
        var width = 2 * length
        if width > 0 {
            if flags.space {
                if flags.sharp { width *= 2 }
                width += length - 1
            } else if flags.sharp {
                width += 2
            }
        } else {
            if flags.widthPresent { writePadding(flags.width) }
            return
        }
        if flags.widthPresent && flags.width > width && !flags.minus { writePadding(flags.width - width) }
        if flags.sharp {
            output.append(UInt8(ascii: "0"))
            output.append(digits[16])
        }
        for (index, byte) in bytes.prefix(length).enumerated() {
            if flags.space && index > 0 {
                output.append(UInt8(ascii: " "))
                if flags.sharp {
                    output.append(UInt8(ascii: "0"))
                    output.append(digits[16])
                }
            }
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 0xF)])
        }
        if flags.widthPresent && flags.width > width && flags.minus { writePadding(flags.width - width) }
    }

    // MARK: - Numbers

    private mutating func printInteger(_ number: UInt64, signed: Bool, verb: UInt32, value: Value, asArgument: Bool) {
        switch verb {
        case ascii("v"):
            if flags.sharpV && !signed {
                formatHexWithPrefix(number, prefix: true)
            } else {
                formatInteger(number, base: 10, signed: signed, verb: verb, digits: Self.lowerDigits)
            }
        case ascii("d"): formatInteger(number, base: 10, signed: signed, verb: verb, digits: Self.lowerDigits)
        case ascii("b"): formatInteger(number, base: 2, signed: signed, verb: verb, digits: Self.lowerDigits)
        case ascii("o"), ascii("O"): formatInteger(number, base: 8, signed: signed, verb: verb, digits: Self.lowerDigits)
        case ascii("x"): formatInteger(number, base: 16, signed: signed, verb: verb, digits: Self.lowerDigits)
        case ascii("X"): formatInteger(number, base: 16, signed: signed, verb: verb, digits: Self.upperDigits)
        case ascii("c"):
            var encoded: [UInt8] = []
            UTF8Decoding.append(rune: Self.rune(number), to: &encoded)
            padString(encoded)
        case ascii("q"):
            var quoted: [UInt8] = []
            Quoting.appendQuoted(rune: Self.rune(number), asciiOnly: flags.plus, to: &quoted)
            padString(quoted)
        case ascii("U"): formatUnicode(number)
        default: badVerb(verb, value: value, asArgument: asArgument)
        }
    }

    /// A code point from an integer operand; anything beyond U+10FFFF is U+FFFD.
    private static func rune(_ number: UInt64) -> UInt32 {
        number > UInt64(UTF8Decoding.maximumRune) ? UTF8Decoding.replacementCharacter : UInt32(number)
    }

    /// Hexadecimal with or without a `0x` prefix, ignoring the sharp flag (`fmt0x64`).
    private mutating func formatHexWithPrefix(_ number: UInt64, prefix: Bool) {
        let saved = flags.sharp
        flags.sharp = prefix
        formatInteger(number, base: 16, signed: false, verb: ascii("v"), digits: Self.lowerDigits)
        flags.sharp = saved
    }

    /// `fmtInteger`: digits in a base, precision as a minimum digit count, zero padding, sign and prefix.
    mutating func formatInteger(_ number: UInt64, base: UInt64, signed: Bool, verb: UInt32, digits: [UInt8]) {
        let negative = signed && Int64(bitPattern: number) < 0
        var magnitude = negative ? 0 &- number : number
        if base == 10 && !flags.precisionPresent && !flags.widthPresent && !flags.plus && !flags.space {
            // The common plain `%d`: no padding, sign only when negative.
            if negative { output.append(UInt8(ascii: "-")) }
            output.append(contentsOf: String(magnitude).utf8)
            return
        }
        var minimumDigits = 0
        if flags.precisionPresent {
            minimumDigits = flags.precision
            if minimumDigits == 0 && magnitude == 0 {
                let savedZero = flags.zero
                flags.zero = false
                writePadding(flags.width)
                flags.zero = savedZero
                return
            }
        } else if flags.zero && flags.widthPresent {
            minimumDigits = flags.width
            if negative || flags.plus || flags.space { minimumDigits -= 1 }
        }
        var reversed: [UInt8] = []
        reversed.reserveCapacity(24)
        repeat {
            reversed.append(digits[Int(magnitude % base)])
            magnitude /= base
        } while magnitude > 0
        while reversed.count < minimumDigits { reversed.append(UInt8(ascii: "0")) }
        if flags.sharp {
            switch base {
            case 2:
                reversed.append(UInt8(ascii: "b"))
                reversed.append(UInt8(ascii: "0"))
            case 8:
                if reversed.last != UInt8(ascii: "0") { reversed.append(UInt8(ascii: "0")) }
            case 16:
                reversed.append(digits[16])
                reversed.append(UInt8(ascii: "0"))
            default: break
            }
        }
        if verb == ascii("O") {
            reversed.append(UInt8(ascii: "o"))
            reversed.append(UInt8(ascii: "0"))
        }
        if negative {
            reversed.append(UInt8(ascii: "-"))
        } else if flags.plus {
            reversed.append(UInt8(ascii: "+"))
        } else if flags.space {
            reversed.append(UInt8(ascii: " "))
        }
        reversed.reverse()
        let savedZero = flags.zero
        flags.zero = false
        padString(reversed)
        flags.zero = savedZero
    }

    /// `%U`: `U+0041`, with `%#U` adding the printable character (`U+0041 'A'`).
    private mutating func formatUnicode(_ number: UInt64) {
        var minimumDigits = 4
        if flags.precisionPresent && flags.precision > 4 { minimumDigits = flags.precision }
        var hex: [UInt8] = []
        var rest = number
        repeat {
            hex.append(Self.upperDigits[Int(rest & 0xF)])
            rest >>= 4
        } while rest > 0
        while hex.count < minimumDigits { hex.append(UInt8(ascii: "0")) }
        var result: [UInt8] = Array("U+".utf8)
        result.append(contentsOf: hex.reversed())
        if flags.sharp && number <= UInt64(UTF8Decoding.maximumRune) && Quoting.isPrint(UInt32(number)) {
            result.append(contentsOf: " '".utf8)
            UTF8Decoding.append(rune: UInt32(number), to: &result)
            result.append(UInt8(ascii: "'"))
        }
        let savedZero = flags.zero
        flags.zero = false
        padString(result)
        flags.zero = savedZero
    }

    private mutating func printFloat(_ number: Double, bitSize: Int, verb: UInt32, value: Value, asArgument: Bool) {
        switch verb {
        case ascii("v"): formatFloat(number, bitSize: bitSize, verb: UInt8(ascii: "g"), defaultPrecision: -1)
        case ascii("b"), ascii("g"), ascii("G"), ascii("x"), ascii("X"):
            formatFloat(number, bitSize: bitSize, verb: UInt8(verb), defaultPrecision: -1)
        case ascii("f"), ascii("e"), ascii("E"):
            formatFloat(number, bitSize: bitSize, verb: UInt8(verb), defaultPrecision: 6)
        case ascii("F"): formatFloat(number, bitSize: bitSize, verb: UInt8(ascii: "f"), defaultPrecision: 6)
        default: badVerb(verb, value: value, asArgument: asArgument)
        }
    }

    private mutating func printComplex(real: Double, imaginary: Double, verb: UInt32, value: Value, asArgument: Bool) {
        switch verb {
        case ascii("v"), ascii("b"), ascii("g"), ascii("G"), ascii("x"), ascii("X"),
            ascii("f"), ascii("F"), ascii("e"), ascii("E"):
            let savedPlus = flags.plus
            output.append(UInt8(ascii: "("))
            printFloat(real, bitSize: 64, verb: verb, value: value, asArgument: asArgument)
            flags.plus = true
            printFloat(imaginary, bitSize: 64, verb: verb, value: value, asArgument: asArgument)
            output.append(contentsOf: "i)".utf8)
            flags.plus = savedPlus
        default:
            badVerb(verb, value: value, asArgument: asArgument)
        }
    }

    /// `fmt.fmtFloat`: strconv's digits, then sign, `#` (keep the point and trailing zeros) and padding.
    private mutating func formatFloat(_ number: Double, bitSize: Int, verb: UInt8, defaultPrecision: Int) {
        let precision = flags.precisionPresent ? flags.precision : defaultPrecision
        if !flags.plus && !flags.space && !flags.sharp && !flags.widthPresent {
            // Nothing to pad or sign: strconv's text as it is (`-1.5`, `+Inf`, `NaN`).
            FloatFormatting.append(number, format: verb, precision: precision, bitSize: bitSize, to: &output)
            return
        }
        var digits: [UInt8] = [UInt8(ascii: "+")]
        FloatFormatting.append(number, format: verb, precision: precision, bitSize: bitSize, to: &digits)
        if digits.count > 1 && (digits[1] == UInt8(ascii: "-") || digits[1] == UInt8(ascii: "+")) {
            digits.removeFirst()
        }
        if flags.space && digits[0] == UInt8(ascii: "+") && !flags.plus { digits[0] = UInt8(ascii: " ") }
        if digits.count > 1 && (digits[1] == UInt8(ascii: "I") || digits[1] == UInt8(ascii: "N")) {
            let savedZero = flags.zero
            flags.zero = false
            if digits[1] == UInt8(ascii: "N") && !flags.space && !flags.plus { digits.removeFirst() }
            padString(digits)
            flags.zero = savedZero
            return
        }
        if flags.sharp && verb != UInt8(ascii: "b") {
            digits = Self.keepingPointAndZeros(digits, verb: verb, precision: precision)
        }
        if flags.plus || digits[0] != UInt8(ascii: "+") {
            if flags.zero && flags.widthPresent && flags.width > digits.count {
                output.append(digits[0])
                writePadding(flags.width - digits.count)
                output.append(contentsOf: digits[1...])
                return
            }
            padString(digits)
            return
        }
        padString(digits[1...])
    }

    /// The `#` flag for floats: a decimal point always, and for `g`/`x` the trailing zeros up to the precision.
    private static func keepingPointAndZeros(_ number: [UInt8], verb: UInt8, precision: Int) -> [UInt8] {
        var remainingDigits = 0
        switch verb {
        case UInt8(ascii: "v"), UInt8(ascii: "g"), UInt8(ascii: "G"), UInt8(ascii: "x"):
            remainingDigits = precision == -1 ? 6 : precision
        default: break
        }
        var body = number
        var tail: [UInt8] = []
        var hasPoint = false
        var sawNonZero = false
        var index = 1
        scan: while index < body.count {
            switch body[index] {
            case UInt8(ascii: "."):
                hasPoint = true
            case UInt8(ascii: "p"), UInt8(ascii: "P"):
                tail = Array(body[index...])
                body.removeSubrange(index...)
                break scan
            case UInt8(ascii: "e") where verb != UInt8(ascii: "x") && verb != UInt8(ascii: "X"),
                UInt8(ascii: "E") where verb != UInt8(ascii: "x") && verb != UInt8(ascii: "X"):
                tail = Array(body[index...])
                body.removeSubrange(index...)
                break scan
            default:
                if body[index] != UInt8(ascii: "0") { sawNonZero = true }
                if sawNonZero { remainingDigits -= 1 }
            }
            index += 1
        }
        if !hasPoint {
            if body.count == 2 && body[1] == UInt8(ascii: "0") { remainingDigits -= 1 }
            body.append(UInt8(ascii: "."))
        }
        while remainingDigits > 0 {
            body.append(UInt8(ascii: "0"))
            remainingDigits -= 1
        }
        body.append(contentsOf: tail)
        return body
    }

    // MARK: - Padding

    mutating func writePadding(_ count: Int) {
        guard count > 0 else { return }
        guard count <= limit - output.count else {
            exceeded = true
            return
        }
        output.append(contentsOf: repeatElement(flags.zero ? UInt8(ascii: "0") : UInt8(ascii: " "), count: count))
    }

    /// Writes the bytes padded to the width, counted in runes, on the left or (with `-`) on the right.
    private mutating func padString<Bytes: BidirectionalCollection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        guard flags.widthPresent, flags.width != 0 else {
            output.append(contentsOf: bytes)
            return
        }
        let padding = flags.width - UTF8Decoding.runeCount(bytes)
        if flags.minus {
            output.append(contentsOf: bytes)
            writePadding(padding)
        } else {
            writePadding(padding)
            output.append(contentsOf: bytes)
        }
    }
}

/// The code of an ASCII character, for comparing verbs.
@inline(__always) func ascii(_ character: Unicode.Scalar) -> UInt32 { character.value }
