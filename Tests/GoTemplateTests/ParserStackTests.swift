@testable import GoTemplate
import XCTest

/// Nesting deep enough to exhaust the calling thread's stack ends in a parse error, never a crash.
final class ParserStackTests: XCTestCase {
    func testDeepParenthesesOnTheMainThreadEndInAnErrorOrAParse() {
        let text = "{{" + String(repeating: "(", count: 9_000) + "1" + String(repeating: ")", count: 9_000) + "}}"
        let set = TemplateSet()
        do {
            try set.parse(name: "t", text: text)
        } catch {
            XCTAssertTrue(error.description.contains("nesting too deep") || error.description.contains("max expression depth"), error.description)
        }
    }
}
