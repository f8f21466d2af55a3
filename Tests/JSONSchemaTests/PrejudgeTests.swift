import ConfigTree
import XCTest
@testable import JSONSchema

/// Collecting errors judges each value on the yes/no path first; limits met there must be reported
/// once, by the evaluation that collects, and valid siblings must add nothing.
final class PrejudgeTests: XCTestCase {
    private func validator(_ schema: String, _ options: ValidationOptions = ValidationOptions()) throws -> Validator {
        try Validator(schema: TestSupport.parse(schema), options: options, validateSchema: false)
    }

    func testABacktrackingLimitInsideAValueIsReportedOnce() throws {
        let checker = try validator(#"{"properties": {"a": {"pattern": "^(a+)+$"}, "b": {"type": "string"}}}"#, ValidationOptions(regexStepLimit: 50_000))
        let instance = TestSupport.parse(#"{"b": "fine", "a": "\#(String(repeating: "a", count: 40))!"}"#)
        let found = checker.validate(instance)
        XCTAssertEqual(found.count, 1, "\(found.map(\.message))")
        XCTAssertEqual(found.first?.instancePointer.description, "/a")
        XCTAssertTrue(found.first?.message.contains("too long") == true, found.first?.message ?? "")
        XCTAssertFalse(checker.isValid(instance))
    }

    func testADepthLimitInsideAValueIsReportedOnce() throws {
        let checker = try validator(##"{"additionalProperties": {"$ref": "#"}}"##, ValidationOptions(maxDepth: 2))
        let found = checker.validate(TestSupport.parse(#"{"ok": 1, "x": {"y": {"z": 1}}}"#))
        XCTAssertEqual(found.count, 1, "\(found.map(\.message))")
        XCTAssertTrue(found.first?.message.contains("levels deep") == true, found.first?.message ?? "")
    }

    func testOnlyTheInvalidValuesReport() throws {
        let checker = try validator(#"{"properties": {"a": {"type": "string"}, "b": {"type": "string"}, "list": {"items": {"minimum": 2}}}}"#)
        let found = checker.validate(TestSupport.parse(#"{"a": 1, "b": "ok", "list": [3, 1, 5, 0]}"#))
        XCTAssertEqual(found.map(\.instancePointer.description), ["/a", "/list/1", "/list/3"])
    }
}
