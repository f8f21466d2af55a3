/// Go's `fmt` printing and `strconv` conversions of template values, byte for byte.
public enum GoFormat {
    /// `fmt.Sprint`: operands printed with `%v`, a space between two operands when neither is a string.
    public static func sprint(_ values: [Value]) -> String { sprintPrinter(values).text }

    /// ``sprint(_:)`` as a Go string, which keeps bytes that are not valid UTF-8; nil when it would pass
    /// `limit` bytes.
    static func sprintValue(_ values: [Value], limit: Int = .max) -> Value? {
        let printer = sprintPrinter(values, limit: limit)
        return printer.passed(limit) ? nil : printer.goString
    }

    private static func sprintPrinter(_ values: [Value], limit: Int = .max) -> FormatPrinter {
        var printer = FormatPrinter()
        printer.limit = limit
        var previousIsString = false
        for (index, value) in values.enumerated() {
            let isString = value.isGoString
            if index > 0 && !isString && !previousIsString { printer.output.append(UInt8(ascii: " ")) }
            printer.printArgument(value, verb: ascii("v"))
            previousIsString = isString
        }
        return printer
    }

    /// `fmt.Sprintln`: operands printed with `%v`, always separated by a space, and a newline.
    public static func sprintln(_ values: [Value]) -> String { sprintlnPrinter(values).text }

    /// ``sprintln(_:)`` as a Go string, which keeps bytes that are not valid UTF-8; nil when it would pass
    /// `limit` bytes.
    static func sprintlnValue(_ values: [Value], limit: Int = .max) -> Value? {
        let printer = sprintlnPrinter(values, limit: limit)
        return printer.passed(limit) ? nil : printer.goString
    }

    private static func sprintlnPrinter(_ values: [Value], limit: Int = .max) -> FormatPrinter {
        var printer = FormatPrinter()
        printer.limit = limit
        for (index, value) in values.enumerated() {
            if index > 0 { printer.output.append(UInt8(ascii: " ")) }
            printer.printArgument(value, verb: ascii("v"))
        }
        printer.output.append(UInt8(ascii: "\n"))
        return printer
    }

    /// `fmt.Sprintf`, with Go's verbs, flags, widths, precisions, argument indexes and error forms.
    public static func sprintf(_ format: String, _ arguments: [Value]) -> String {
        var printer = FormatPrinter()
        printer.printFormatted(format, arguments)
        return printer.text
    }

    /// ``sprintf(_:_:)`` with a format that is a Go string value, as a Go string: bytes that are not valid
    /// UTF-8, in the format or in what it prints, are kept. Nil when the result would pass `limit` bytes.
    static func sprintfValue(_ format: Value, _ arguments: [Value], limit: Int = .max) -> Value? {
        var printer = FormatPrinter()
        printer.limit = limit
        switch format.storage {
        case .string(let text): printer.printFormatted(text, arguments)
        case .byteString(let bytes): printer.printFormatted(bytes: bytes, arguments)
        default: break
        }
        return printer.passed(limit) ? nil : printer.goString
    }

    /// What `%v` prints for one value (`fmt.Sprint(value)`).
    public static func formatValue(_ value: Value) -> String {
        switch value.storage {
        case .string(let string): return string
        case .byteString(let bytes): return GoText.replacingInvalidBytes(bytes)
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number, _): return String(number)
        case .uint(let number, _): return String(number)
        case .float(let number, .float64) where number.magnitude < 1e6 && Double(Int64(number)) == number:
            // Integral values below 10⁶ print all their digits in %v's shortest 'g' form.
            if number == 0 { return number.sign == .minus ? "-0" : "0" }
            return String(Int64(number))
        default:
            var printer = FormatPrinter()
            printer.printArgument(value, verb: ascii("v"))
            return printer.text
        }
    }

    /// Appends what `%v` prints for one value to `output`, bytes that are not valid UTF-8 kept.
    static func appendFormatted(_ value: Value, to output: inout [UInt8]) {
        var printer = FormatPrinter(output: [])
        swap(&printer.output, &output)
        printer.printArgument(value, verb: ascii("v"))
        swap(&printer.output, &output)
    }

    /// `strconv.FormatFloat`: `format` is one of `b e E f g G x X`; precision -1 gives the shortest digits
    /// that read back as the same value; `bitSize` is 32 or 64.
    public static func formatFloat(_ value: Double, format: Character, precision: Int, bitSize: Int) -> String {
        var output: [UInt8] = []
        let formatByte = format.asciiValue ?? UInt8(ascii: "?")
        FloatFormatting.append(value, format: formatByte, precision: precision, bitSize: bitSize, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// `strconv.Quote`: a double-quoted Go string literal, non-printable characters escaped.
    public static func quote(_ string: String) -> String {
        var output: [UInt8] = []
        Quoting.appendQuoted(string.utf8, asciiOnly: false, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// `strconv.Quote` of a Go string's bytes: a byte that is not part of valid UTF-8 is escaped as `\xNN`.
    static func quote<Bytes: BidirectionalCollection>(bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var output: [UInt8] = []
        Quoting.appendQuoted(bytes, asciiOnly: false, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// `strconv.Quote` of a map key or template name (see ``quote(bytes:)``).
    static func quote(_ key: MapKey) -> String {
        key.withBytes { quote(bytes: $0) }
    }

    /// `strconv.QuoteToASCII`: like ``quote(_:)`` with every non-ASCII character escaped.
    public static func quoteToASCII(_ string: String) -> String {
        var output: [UInt8] = []
        Quoting.appendQuoted(string.utf8, asciiOnly: true, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// `strconv.FormatInt` in a base from 2 to 36 (lowercase letters); other bases give an empty string.
    public static func formatInt(_ value: Int64, base: Int) -> String {
        guard (2...36).contains(base) else { return "" }
        return String(value, radix: base)
    }
}
