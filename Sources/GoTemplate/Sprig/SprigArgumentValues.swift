/// Reading arguments that the executor already checked against a function's Go parameter types.
extension Value {
    /// The integer of an argument checked against an `int` (or other integer) parameter.
    var intArgument: Int {
        switch storage {
        case .int(let integer, _): return Int(integer)
        case .uint(let integer, _): return Int(truncatingIfNeeded: integer)
        case .float(let number, _): return Int(SprigCast.goInt64(truncating: number))
        default: return 0
        }
    }

    /// The text of an argument checked against a `string` parameter: a string that is not valid UTF-8 as Go's
    /// range over its runes sees it (see ``goStringText``).
    var stringArgument: String {
        switch storage {
        case .string(let text): return text
        case .byteString(let bytes): return GoText.replacingInvalidBytes(bytes)
        default: return ""
        }
    }

    /// The map key of an argument checked against a `string` parameter: its bytes.
    var mapKeyArgument: MapKey { MapKey(self) ?? "" }

    /// The bytes of an argument checked against a `string` parameter, for functions that Go implements on bytes.
    var stringArgumentBytes: [UInt8] { goStringBytes ?? [] }

    /// The number of an argument checked against a `float64` parameter.
    var floatArgument: Double {
        switch storage {
        case .float(let number, _): return number
        case .int(let integer, _): return Double(integer)
        case .uint(let integer, _): return Double(integer)
        default: return 0
        }
    }
}
