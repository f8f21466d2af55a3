import XCTest
@testable import GoTemplate

/// `formatValue`, what `{{ . }}` prints, has fast paths of its own; each expected string is Go 1.19's
/// `fmt.Sprint` of the same value.
final class FormatValueTests: XCTestCase {
    private func check(_ value: Value, _ expected: String, line: UInt = #line) {
        XCTAssertEqual(GoFormat.formatValue(value), expected, line: line)
        XCTAssertEqual(GoFormat.sprint([value]), expected, line: line)
    }

    func testFormatValueMatchesSprint() {
        check(.nil, "<nil>")
        check(.bool(true), "true")
        check(.bool(false), "false")
        check(.int(0), "0")
        check(.int(-1), "-1")
        check(Value(.int(9223372036854775807, .int64)), "9223372036854775807")
        check(Value(.int(-9223372036854775808, .int64)), "-9223372036854775808")
        check(Value(.uint(18446744073709551615, .uint64)), "18446744073709551615")
        check(Value(.int(200, .uint8)), "200")
        check(Value(.int(-5, .int8)), "-5")
        check(.float64(0.0), "0")
        check(.float64(Double(bitPattern: 0x8000000000000000)), "-0")
        check(.float64(1.0), "1")
        check(.float64(-1.0), "-1")
        check(.float64(8080.0), "8080")
        check(.float64(999999.0), "999999")
        check(.float64(-999999.0), "-999999")
        check(.float64(1000000.0), "1e+06")
        check(.float64(1000001.0), "1.000001e+06")
        check(.float64(123456.0), "123456")
        check(.float64(Double(bitPattern: 0x3fe0000000000000)), "0.5")
        check(.float64(Double(bitPattern: 0xc006000000000000)), "-2.75")
        check(.float64(Double(bitPattern: 0x3e7ad7f29abcaf48)), "1e-07")
        check(.float64(Double(bitPattern: 0x444b1ae4d6e2ef50)), "1e+21")
        check(.float64(Double(bitPattern: 0x4340000000000000)), "9.007199254740992e+15")
        check(.float64(Double(bitPattern: 0x4340000000000000)), "9.007199254740992e+15")
        check(.float64(Double(bitPattern: 0x7ff0000000000000)), "+Inf")
        check(.float64(Double(bitPattern: 0xfff0000000000000)), "-Inf")
        check(.float64(Double(bitPattern: 0x7ff8000000000000)), "NaN")
        check(Value(.float(Double(Float(Double(bitPattern: 0x40bf900000000000))), .float32)), "8080")
        check(Value(.float(Double(Float(Double(bitPattern: 0x3fb999999999999a))), .float32)), "0.1")
        check(Value(.float(Double(Float(Double(bitPattern: 0x416312d000000000))), .float32)), "1e+07")
        check(Value(.complex(Double(bitPattern: 0x3ff0000000000000), Double(bitPattern: 0xbff0000000000000))), "(1-1i)")
        check(.string(""), "")
        check(.string("text <b>"), "text <b>")
        check(.list([]), "[]")
        check(.list([.float64(1.0), .string("a"), .nil]), "[1 a <nil>]")
        check(.map(["z": .float64(1000000.0), "a": .list([.bool(true)])]), "map[a:[true] z:1e+06]")
        check(.strings(["x", "y"]), "[x y]")
        check(Value(.list([Value(.int(1, .uint8)), Value(.int(2, .uint8))], elementType: .integer(.uint8))), "[1 2]")
        check(Value(.map(["b": .string("c")], valueType: .string)), "map[b:c]")
    }
}
