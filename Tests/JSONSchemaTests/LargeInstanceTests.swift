import ConfigTree
import XCTest
@testable import JSONSchema

/// Instances from `Evaluation.prefetchThreshold` bytes of source are walked with the storage of each value's
/// children requested ahead: a hint that must change no verdict and no error.
final class LargeInstanceTests: XCTestCase {
    private let schema = #"""
    {"type": "object", "required": ["items"],
     "properties": {
       "items": {"type": "array", "items": {"$ref": "#/definitions/item"}},
       "empty": {"type": "object", "additionalProperties": false}},
     "definitions": {"item": {"type": "object", "additionalProperties": false, "required": ["name"],
       "properties": {"name": {"type": "string"}, "tags": {"type": "array", "items": {"type": "string"}},
                      "limits": {"type": "object", "properties": {"max": {"type": "integer", "minimum": 0}}},
                      "nested": {"type": "array", "items": {"type": "array"}}}}}}
    """#

    /// `count` items; those whose number is in `broken` carry one error each, at a known place.
    private func instance(count: Int, broken: Set<Int>) -> String {
        var items: [String] = []
        for number in 0..<count {
            let max = broken.contains(number) ? "-1" : "\(number)"
            items.append(#"{"name": "item-\#(number)", "tags": ["a", "b", "c"], "limits": {"max": \#(max)}, "nested": [[], [1], [{}]]}"#)
        }
        return #"{"empty": {}, "items": ["# + items.joined(separator: ",\n") + "]}"
    }

    func testTheHintIsGivenFromTheThresholdOnly() throws {
        let small = TestSupport.parse(instance(count: 10, broken: []))
        let large = TestSupport.parse(instance(count: 2_000, broken: []))
        XCTAssertLessThan(small.span.end - small.span.start, Evaluation.prefetchThreshold)
        XCTAssertGreaterThanOrEqual(large.span.end - large.span.start, Evaluation.prefetchThreshold)
        XCTAssertFalse(Evaluation(options: ValidationOptions(), collecting: false, tracksScope: false, instance: small).prefetchesChildren)
        XCTAssertTrue(Evaluation(options: ValidationOptions(), collecting: false, tracksScope: false, instance: large).prefetchesChildren)
    }

    func testALargeInstanceGetsTheVerdictsAndErrorsOfASmallOne() throws {
        let validator = try Validator(schema: TestSupport.parse(schema), validateSchema: false)
        let valid = TestSupport.parse(instance(count: 2_000, broken: []))
        XCTAssertTrue(validator.isValid(valid))
        XCTAssertEqual(validator.validate(valid).count, 0)

        let broken: Set<Int> = [0, 999, 1_999]
        let invalid = TestSupport.parse(instance(count: 2_000, broken: broken))
        XCTAssertFalse(validator.isValid(invalid))
        let errors = validator.validate(invalid)
        XCTAssertEqual(errors.map(\.instancePointer.description), broken.sorted().map { "/items/\($0)/limits/max" })
        XCTAssertEqual(Set(errors.map(\.keyword)), ["minimum"])

        // The same item alone, below the threshold, fails the same way.
        let single = TestSupport.parse(instance(count: 1, broken: [0]))
        XCTAssertEqual(validator.validate(single).map(\.message), [errors[0].message])
    }
}
