import ConfigTree
import XCTest
@testable import JSONSchema

/// The yes/no path checks `properties`, `patternProperties` and `additionalProperties` in one pass
/// over all members (repeated keys included); its answers must match the error path's.
final class MemberPlanTests: XCTestCase {
    private func check(_ schema: String, _ instance: String, valid expected: Bool, options: ValidationOptions = ValidationOptions(), file: StaticString = #filePath, line: UInt = #line) throws {
        let validator = try Validator(schema: TestSupport.parse(schema), options: options, validateSchema: false)
        let node = TestSupport.parse(instance)
        XCTAssertEqual(validator.isValid(node), expected, "isValid of \(instance) against \(schema)", file: file, line: line)
        XCTAssertEqual(validator.validate(node).isEmpty, expected, "validate of \(instance) against \(schema)", file: file, line: line)
    }

    func testRepeatedKeysCountOnlyTheirLastValue() throws {
        let closed = #"{"properties": {"a": {"type": "string"}}, "additionalProperties": false}"#
        try check(closed, #"{"a": 1, "a": "x"}"#, valid: true)
        try check(closed, #"{"a": "x", "a": 1}"#, valid: false)
        try check(#"{"maxProperties": 1}"#, #"{"a": 1, "a": 2}"#, valid: true)
        try check(#"{"minProperties": 2}"#, #"{"a": 1, "a": 2}"#, valid: false)
        try check(#"{"minProperties": 1}"#, #"{"a": 1, "a": 2}"#, valid: true)
        try check(#"{"maxProperties": 0}"#, #"{"a": 1, "a": 2}"#, valid: false)
        try check(#"{"maxProperties": 2}"#, #"{"a": 1, "b": 2, "a": 3}"#, valid: true)
        try check(#"{"maxProperties": 1}"#, #"{"a": 1, "b": 2, "a": 3}"#, valid: false)
        try check(#"{"required": ["a"], "additionalProperties": false, "properties": {"a": {}}}"#, #"{"a": 1, "a": 2}"#, valid: true)
    }

    func testPatternsAndPropertiesBothApplyAndDecideWhatIsAdditional() throws {
        let schema = #"{"properties": {"xa": {"type": "integer"}}, "patternProperties": {"^x": {"minimum": 5}, "^[@$_#]": true}, "additionalProperties": false}"#
        try check(schema, #"{"xa": 3}"#, valid: false)
        try check(schema, #"{"xa": 7, "xb": 9, "@comment": "free"}"#, valid: true)
        try check(schema, #"{"xb": 1}"#, valid: false)
        try check(schema, #"{"y": 1}"#, valid: false)
        try check(#"{"additionalProperties": {"type": "string"}}"#, #"{"k": "v"}"#, valid: true)
        try check(#"{"additionalProperties": {"type": "string"}}"#, #"{"k": 1}"#, valid: false)
    }

    func testALimitHitOnAShadowedMemberDoesNotDecide() throws {
        let recursive = ##"{"additionalProperties": {"$ref": "#"}}"##
        let options = ValidationOptions(maxDepth: 2)
        try check(recursive, #"{"a": {"b": {"c": {"d": 1}}}, "a": 1}"#, valid: true, options: options)
        try check(recursive, #"{"a": 1, "a": {"b": {"c": {"d": 1}}}}"#, valid: false, options: options)
    }
}
