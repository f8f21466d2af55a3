import XCTest
@testable import GoTemplate

/// Nesting limits of the formatter and of JSON: our own bounds (Go has none when printing and allows 10,000
/// levels when decoding), chosen so that deep input fails or is cut short instead of exhausting the stack.
final class FormatLimitsTests: XCTestCase {
    private func nestedList(depth: Int) -> Value {
        var value = Value.list([])
        for _ in 0..<depth { value = .list([value]) }
        return value
    }

    func testPrintingStopsAtTheDepthLimit() {
        let printed = GoFormat.formatValue(nestedList(depth: FormatPrinter.maximumDepth + 10))
        XCTAssertTrue(printed.hasPrefix(String(repeating: "[", count: FormatPrinter.maximumDepth)))
        XCTAssertTrue(printed.contains("..."))
    }

    func testPrintingWithinTheLimitIsComplete() {
        XCTAssertEqual(GoFormat.formatValue(nestedList(depth: 3)), "[[[[]]]]")
    }

    func testMarshalFailsBeyondTheDepthLimit() {
        XCTAssertThrowsError(try GoJSON.marshal(nestedList(depth: JSONEncoding.maximumDepth + 1))) { error in
            XCTAssertEqual(
                (error as? FunctionError)?.message,
                "json: unsupported value: nesting deeper than \(JSONEncoding.maximumDepth) levels")
        }
        XCTAssertNoThrow(try GoJSON.marshal(nestedList(depth: JSONEncoding.maximumDepth - 1)))
    }

    func testDecodeReportsExceededDepthWithGoWording() {
        let limit = JSONScanner.maximumNesting
        XCTAssertNoThrow(try GoJSON.decode(String(repeating: "[", count: limit) + String(repeating: "]", count: limit)))
        XCTAssertThrowsError(try GoJSON.decode(String(repeating: "[", count: limit + 1))) { error in
            XCTAssertEqual((error as? FunctionError)?.message, "invalid character '[' exceeded max depth")
        }
    }
}
