@testable import GoTemplate
import XCTest

/// Expected values come from Go 1.19 with sprig 3.2.3 (`{{ add 1 2 "3" }}` and so on).
final class SprigMathTests: XCTestCase {
    private let math = SprigMath.functions

    private func int64Result(_ name: String, _ arguments: [Value]) throws -> Int64 {
        let value = try math[name]!.body(arguments, FunctionContext())
        guard case .int(let integer, .int64) = value.storage else { XCTFail("\(name) gave \(value.storage)"); return 0 }
        return integer
    }

    private func floatResult(_ name: String, _ arguments: [Value]) throws -> Double {
        let value = try math[name]!.body(arguments, FunctionContext())
        guard case .float(let number, .float64) = value.storage else { XCTFail("\(name) gave \(value.storage)"); return 0 }
        return number
    }

    func testIntegerFunctionsCastEveryArgumentAsSpf13CastDoes() throws {
        XCTAssertEqual(try int64Result("add", [.int(1), .int(2), .string("3"), .float64(4.9), .bool(true), .nil]), 11)
        let strings = ["1.0", "1.50", "010", "0b11", "0o17", "1_000", "0x_1F", "  5", "+7", "-8", "1e3"].map(Value.string)
        XCTAssertEqual(try int64Result("add", strings), 1057)
        XCTAssertEqual(try int64Result("add", [.float64(.infinity)]), Int64.min)
        XCTAssertEqual(try int64Result("add", [.float64(.nan)]), Int64.min)
        XCTAssertEqual(try int64Result("add", [.float64(1e300)]), Int64.min)
        XCTAssertEqual(try int64Result("add", [.float64(3.7), .float64(-3.7)]), 0)
        XCTAssertEqual(try int64Result("add", [.string("0x1F"), Value(.uint(UInt64.max, .uint64))]), 30)
        XCTAssertEqual(try int64Result("add1", [.string("12.000")]), 13)
        XCTAssertEqual(try int64Result("add1", [.string("12.50")]), 1)
        XCTAssertEqual(try int64Result("add1", [.string("1e2")]), 1)
        XCTAssertEqual(try int64Result("sub", [.int(10), .float64(3.9)]), 7)
        XCTAssertEqual(try int64Result("add", [.string("9223372036854775807"), .int(1)]), Int64.min)
        XCTAssertEqual(try int64Result("add", [.string("9223372036854775808")]), 0)
    }

    func testDivisionAndModuloFollowGo() throws {
        XCTAssertEqual(try int64Result("div", [.int(-7), .int(2)]), -3)
        XCTAssertEqual(try int64Result("mod", [.int(-7), .int(2)]), -1)
        XCTAssertEqual(try int64Result("div", [.int(Int.min), .int(-1)]), Int64.min)
        XCTAssertEqual(try int64Result("mod", [.int(Int.min), .int(-1)]), 0)
        XCTAssertEqual(sprigErrorMessage { try callSprig(math, "div", .int(7), .int(0)) }, "runtime error: integer divide by zero")
        XCTAssertEqual(sprigErrorMessage { try callSprig(math, "mod", .int(7), .int(0)) }, "runtime error: integer divide by zero")
    }

    func testMulMaxMin() throws {
        XCTAssertEqual(try int64Result("mul", [.int(3), .string("4"), .float64(2.5)]), 24)
        XCTAssertEqual(try int64Result("max", [.int(1), .int(5), .string("9"), .int(3)]), 9)
        XCTAssertEqual(try int64Result("min", [.int(1), .int(-5), .string("9"), .int(3)]), -5)
        XCTAssertEqual(try int64Result("biggest", [.int(2)]), 2)
    }

    func testDecimalFloatFunctionsMatchShopspring() throws {
        let cases: [(String, [Value], Double)] = [
            ("addf", [.float64(1.1), .float64(2.2)], 3.3),
            ("addf", [.float64(0.1), .float64(0.2)], 0.3),
            ("subf", [.int(1), .float64(0.9)], 0.1),
            ("mulf", [.float64(1.1), .int(3)], 3.3),
            ("divf", [.int(1), .int(3)], 0.3333333333333333),
            ("divf", [.int(2), .int(3)], 0.6666666666666667),
            ("divf", [.int(-2), .int(3)], -0.6666666666666667),
            ("addf", [], 0),
            ("subf", [.int(5)], 5),
            ("divf", [.int(10), .int(4)], 2.5),
            ("divf", [.float64(1e300), .float64(1e-300)], .infinity),
            ("mulf", [.float64(1e200), .float64(1e200)], .infinity),
            ("divf", [.int(1), .int(7), .int(3)], 0.0476190476190476),
            ("add1f", [.float64(1.5)], 2.5),
            ("add1f", [.string("x")], 1),
            ("mulf", [.float64(0.1), .float64(0.1)], 0.01),
            ("divf", [.int(1), .float64(1e-300)], 1e+300),
            ("divf", [.float64(1e-300), .float64(1e300)], 0),
            ("addf", [.float64(1e300), .float64(1e-300)], 1e+300),
            ("divf", [.int(22), .int(7)], 3.142857142857143),
            ("divf", [.float64(1e300), .int(3)], 3.3333333333333335e+299),
            ("add1f", [.string("1_0")], 11),
            ("add1f", [.string("0x1p-2")], 1.25),
            ("add1f", [.string("1e400")], 1),
            ("add1f", [.string(".5")], 1.5),
            ("add1f", [.string("5.")], 6),
            ("add1f", [.string("0x10")], 1),
            ("add1f", [.string("0x1.8p1")], 4),
            ("add1f", [.string("0x_1p0")], 2),
        ]
        for (name, arguments, expected) in cases {
            XCTAssertEqual(try floatResult(name, arguments), expected, "\(name) \(arguments.map(\.storage))")
        }
    }

    func testDecimalFailuresCarryShopspringPanicText() {
        XCTAssertEqual(sprigErrorMessage { try callSprig(math, "divf", .int(1), .int(0)) }, "decimal division by 0")
        XCTAssertEqual(sprigErrorMessage { try callSprig(math, "addf", .float64(.infinity), .int(1)) }, "Cannot create a Decimal from +Inf")
        XCTAssertEqual(sprigErrorMessage { try callSprig(math, "addf", .float64(.nan)) }, "Cannot create a Decimal from NaN")
        XCTAssertEqual(sprigErrorMessage { try callSprig(math, "add1f", .string("inf")) }, "Cannot create a Decimal from +Inf")
        XCTAssertEqual(sprigErrorMessage { try callSprig(math, "add1f", .string("Infinity")) }, "Cannot create a Decimal from +Inf")
    }

    func testFloatMaxMinCeilFloorRound() throws {
        XCTAssertTrue(try floatResult("maxf", [.int(1), .float64(.nan), .int(3)]).isNaN)
        XCTAssertEqual(try floatResult("minf", [.float64(1.5), .int(-2), .string("3")]), -2)
        let zero = try floatResult("maxf", [.float64(-0.0), .int(0)])
        XCTAssertEqual(zero, 0)
        XCTAssertEqual(zero.sign, .plus)
        XCTAssertEqual(try floatResult("round", [.float64(3.14159), .int(2)]), 3.14)
        XCTAssertEqual(try floatResult("round", [.float64(2.5), .int(0)]), 3)
        XCTAssertEqual(try floatResult("round", [.float64(2.45), .int(1), .float64(0.3)]), 2.5)
        XCTAssertEqual(try floatResult("round", [.float64(-2.5), .int(0)]), -3)
        XCTAssertEqual(try floatResult("round", [.float64(1234.5678), .int(-2)]), 1200)
        XCTAssertEqual(try floatResult("round", [.float64(1.005), .int(2)]), 1)
        XCTAssertEqual(try floatResult("round", [.float64(123.456), .int(30)]), 123.45600000000002)
        XCTAssertEqual(try floatResult("ceil", [.float64(1.2)]), 2)
        XCTAssertEqual(try floatResult("floor", [.string("-1.2")]), -2)
        XCTAssertEqual(try floatResult("ceil", [.string("abc")]), 0)
        XCTAssertEqual(try floatResult("floor", [.float64(.infinity)]), .infinity)
    }

    func testGoPowerOfTenMatchesGoBeyondExactRange() {
        XCTAssertEqual(GoMath.powerOfTen(23), 1e23)
        XCTAssertEqual(GoMath.powerOfTen(30), 1e30)
        XCTAssertEqual(GoMath.powerOfTen(-5), 1e-05)
    }

    func testRandIntStaysInRangeAndRejectsAnEmptyRange() throws {
        for _ in 0..<20 {
            let value = try callSprig(math, "randInt", .int(3), .int(6))
            guard case .int(let integer, .int) = value.storage else { return XCTFail("randInt gave \(value.storage)") }
            XCTAssertTrue((3..<6).contains(integer))
        }
        XCTAssertEqual(sprigErrorMessage { try callSprig(math, "randInt", .int(5), .int(5)) }, "invalid argument to Intn")
        XCTAssertFalse(math["randInt"]!.isDeterministic)
    }
}
