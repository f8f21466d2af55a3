/// `fmt.Sprintf`'s directive parser: flags, width and precision (literal or `*`), explicit argument indexes,
/// the verb, and the error forms for missing, extra and badly indexed operands.
extension FormatPrinter {
    /// Width and precision numbers above this are treated as invalid, as Go's `tooLarge` does.
    private static let largestNumber = 1_000_000

    mutating func printFormatted(_ format: String, _ arguments: [Value]) {
        var format = format
        format.withUTF8 { printFormatted($0, arguments) }
    }

    /// A format given as the bytes of a Go string, valid UTF-8 or not.
    mutating func printFormatted(bytes format: [UInt8], _ arguments: [Value]) {
        format.withUnsafeBufferPointer { printFormatted($0, arguments) }
    }

    private mutating func printFormatted(_ bytes: UnsafeBufferPointer<UInt8>, _ arguments: [Value]) {
        let end = bytes.count
        var argumentIndex = 0
        var afterIndex = false
        var reordered = false
        var index = 0
        formatLoop: while index < end {
            if exceeded || output.count > limit {
                exceeded = true
                return
            }
            var goodArgumentIndex = true
            let literalStart = index
            while index < end && bytes[index] != UInt8(ascii: "%") { index += 1 }
            if index > literalStart { output.append(contentsOf: bytes[literalStart..<index]) }
            if index >= end { break }
            index += 1
            flags = FormatFlags()

            simpleFormat: while index < end {
                let character = bytes[index]
                switch character {
                case UInt8(ascii: "#"): flags.sharp = true
                case UInt8(ascii: "0"): flags.zero = !flags.minus
                case UInt8(ascii: "+"): flags.plus = true
                case UInt8(ascii: "-"):
                    flags.minus = true
                    flags.zero = false
                case UInt8(ascii: " "): flags.space = true
                default:
                    if character >= UInt8(ascii: "a") && character <= UInt8(ascii: "z") && argumentIndex < arguments.count {
                        if character == UInt8(ascii: "v") { moveSharpAndPlusToV() }
                        printArgument(arguments[argumentIndex], verb: UInt32(character))
                        argumentIndex += 1
                        index += 1
                        continue formatLoop
                    }
                    break simpleFormat
                }
                index += 1
            }

            var indexResult = argumentNumber(bytes, at: index, current: argumentIndex, count: arguments.count)
            argumentIndex = indexResult.argument
            index = indexResult.next
            afterIndex = indexResult.found
            if indexResult.reordered { reordered = true }
            if !indexResult.good { goodArgumentIndex = false }

            if index < end && bytes[index] == UInt8(ascii: "*") {
                index += 1
                let width = Self.integer(from: arguments, at: argumentIndex)
                (flags.width, flags.widthPresent, argumentIndex) = width
                if !flags.widthPresent { output.append(contentsOf: "%!(BADWIDTH)".utf8) }
                if flags.width < 0 {
                    flags.width = -flags.width
                    flags.minus = true
                    flags.zero = false
                }
                afterIndex = false
            } else {
                (flags.width, flags.widthPresent, index) = Self.number(bytes, from: index, to: end)
                if afterIndex && flags.widthPresent { goodArgumentIndex = false }
            }

            if index + 1 < end && bytes[index] == UInt8(ascii: ".") {
                index += 1
                if afterIndex { goodArgumentIndex = false }
                indexResult = argumentNumber(bytes, at: index, current: argumentIndex, count: arguments.count)
                argumentIndex = indexResult.argument
                index = indexResult.next
                afterIndex = indexResult.found
                if indexResult.reordered { reordered = true }
                if !indexResult.good { goodArgumentIndex = false }
                if index < end && bytes[index] == UInt8(ascii: "*") {
                    index += 1
                    (flags.precision, flags.precisionPresent, argumentIndex) = Self.integer(from: arguments, at: argumentIndex)
                    if flags.precision < 0 {
                        flags.precision = 0
                        flags.precisionPresent = false
                    }
                    if !flags.precisionPresent { output.append(contentsOf: "%!(BADPREC)".utf8) }
                    afterIndex = false
                } else {
                    (flags.precision, flags.precisionPresent, index) = Self.number(bytes, from: index, to: end)
                    if !flags.precisionPresent {
                        flags.precision = 0
                        flags.precisionPresent = true
                    }
                }
            }

            if !afterIndex {
                indexResult = argumentNumber(bytes, at: index, current: argumentIndex, count: arguments.count)
                argumentIndex = indexResult.argument
                index = indexResult.next
                afterIndex = indexResult.found
                if indexResult.reordered { reordered = true }
                if !indexResult.good { goodArgumentIndex = false }
            }

            if index >= end {
                output.append(contentsOf: "%!(NOVERB)".utf8)
                break
            }

            let (verb, width) = UTF8Decoding.decodeRune(bytes, at: index)
            index += width

            if verb == ascii("%") {
                output.append(UInt8(ascii: "%"))
            } else if !goodArgumentIndex {
                output.append(contentsOf: "%!".utf8)
                UTF8Decoding.append(rune: verb, to: &output)
                output.append(contentsOf: "(BADINDEX)".utf8)
            } else if argumentIndex >= arguments.count {
                output.append(contentsOf: "%!".utf8)
                UTF8Decoding.append(rune: verb, to: &output)
                output.append(contentsOf: "(MISSING)".utf8)
            } else {
                if verb == ascii("v") { moveSharpAndPlusToV() }
                printArgument(arguments[argumentIndex], verb: verb)
                argumentIndex += 1
            }
        }

        if !reordered && argumentIndex < arguments.count {
            flags = FormatFlags()
            output.append(contentsOf: "%!(EXTRA ".utf8)
            for (position, argument) in arguments[argumentIndex...].enumerated() {
                if position > 0 { output.append(contentsOf: ", ".utf8) }
                if argument.isNil {
                    output.append(contentsOf: "<nil>".utf8)
                } else {
                    output.append(contentsOf: argument.goType.description.utf8)
                    output.append(UInt8(ascii: "="))
                    printArgument(argument, verb: ascii("v"))
                }
            }
            output.append(UInt8(ascii: ")"))
        }
    }

    /// `%#v` asks for Go syntax rather than the `#` flag; `%+v` only names struct fields, so neither flag
    /// reaches the numbers and strings printed.
    private mutating func moveSharpAndPlusToV() {
        flags.sharpV = flags.sharp
        flags.sharp = false
        flags.plus = false
    }

    /// An explicit argument index `[n]` at `index`, if there is one.
    private func argumentNumber(
        _ bytes: UnsafeBufferPointer<UInt8>, at index: Int, current: Int, count: Int
    ) -> (argument: Int, next: Int, found: Bool, reordered: Bool, good: Bool) {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "[") else {
            return (current, index, false, false, true)
        }
        let (number, length, ok) = Self.bracketedNumber(bytes, from: index)
        if ok && number >= 0 && number < count {
            return (number, index + length, true, true, true)
        }
        return (current, index + length, ok, true, false)
    }

    /// Parses `[n]` at `start`: the zero-based index, the length consumed, and whether it was well formed.
    private static func bracketedNumber(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (index: Int, length: Int, ok: Bool) {
        guard bytes.count - start >= 3 else { return (0, 1, false) }
        var position = start + 1
        while position < bytes.count {
            if bytes[position] == UInt8(ascii: "]") {
                let (value, isNumber, next) = number(bytes, from: start + 1, to: position)
                if !isNumber || next != position { return (0, position - start + 1, false) }
                return (value - 1, position - start + 1, true)
            }
            position += 1
        }
        return (0, 1, false)
    }

    /// A decimal number in `bytes[start..<end]` (`parsenum`).
    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> (Int, Bool, Int) {
        if start >= end { return (0, false, end) }
        var value = 0
        var isNumber = false
        var position = start
        while position < end && bytes[position] >= UInt8(ascii: "0") && bytes[position] <= UInt8(ascii: "9") {
            if value > largestNumber || value < -largestNumber { return (0, false, end) }
            value = value * 10 + Int(bytes[position] - UInt8(ascii: "0"))
            isNumber = true
            position += 1
        }
        return (value, isNumber, position)
    }

    /// A `*` width or precision: the operand must be an integer of any Go integer type (`intFromArg`).
    private static func integer(from arguments: [Value], at index: Int) -> (Int, Bool, Int) {
        guard index < arguments.count else { return (0, false, index) }
        var value = 0
        var isInteger = false
        switch arguments[index].storage {
        case .int(let number, _):
            value = Int(number)
            isInteger = true
        case .uint(let number, _):
            if number <= UInt64(Int.max) {
                value = Int(number)
                isInteger = true
            }
        default: break
        }
        if value > largestNumber || value < -largestNumber { return (0, false, index + 1) }
        return (value, isInteger, index + 1)
    }
}
