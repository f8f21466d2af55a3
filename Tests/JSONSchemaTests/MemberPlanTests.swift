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

    /// `required` rides on the plan when every name it lists is a declared property; otherwise it applies alone.
    func testRequiredIsCheckedWithThePlanOrAlone() throws {
        let declared = #"{"properties": {"a": {}, "b": {"type": "string"}, "c": {}}, "required": ["a", "b"]}"#
        try check(declared, #"{"a": 1, "b": "x"}"#, valid: true)
        try check(declared, #"{"b": "x", "c": 1}"#, valid: false)
        try check(declared, #"{"a": 1}"#, valid: false)
        try check(declared, #"{"a": 1, "a": 2, "b": "x"}"#, valid: true)
        try check(declared, #"{"a": 1, "b": 2}"#, valid: false)
        try check(declared, #"[1]"#, valid: true)
        try check(declared, #"{}"#, valid: false)
        // A required name that `properties` does not declare: checked by the keyword itself.
        let undeclared = #"{"properties": {"a": {}}, "required": ["a", "z"]}"#
        try check(undeclared, #"{"a": 1, "z": 2}"#, valid: true)
        try check(undeclared, #"{"a": 1}"#, valid: false)
        try check(#"{"properties": {"a": {}}, "required": []}"#, #"{}"#, valid: true)
        try check(#"{"additionalProperties": false, "required": ["a"]}"#, #"{}"#, valid: false)
        // Past the first 64 declared properties, `required` applies alone too.
        let names = (0..<70).map { "p\($0)" }
        let many = "{\"properties\": {" + names.map { "\"\($0)\": {}" }.joined(separator: ", ") + "}, \"required\": [\"p3\", \"p69\"]}"
        try check(many, #"{"p3": 1, "p69": 2}"#, valid: true)
        try check(many, #"{"p3": 1}"#, valid: false)
        try check(many, #"{"p69": 1}"#, valid: false)
    }

    /// Children whose schema only tests the value take a shortcut on the yes/no path; through a `$ref`, in
    /// arrays, and next to the limits, the answers stay those of the error path.
    func testValueTestsOfChildrenAnswerAsTheErrorPathDoes() throws {
        let schema = ##"{"$defs": {"unit": {"type": "string", "pattern": "^[0-9]+s$"}, "via": {"$ref": "#/$defs/unit"}}, "properties": {"t": {"$ref": "#/$defs/unit"}, "u": {"$ref": "#/$defs/via"}, "n": {"type": "integer", "maximum": 3}, "list": {"items": {"enum": ["a", "b"]}, "uniqueItems": true}}}"##
        try check(schema, #"{"t": "3s", "u": "4s", "n": 3, "list": ["a", "b"]}"#, valid: true)
        try check(schema, #"{"t": "3m"}"#, valid: false)
        try check(schema, #"{"u": "3m"}"#, valid: false)
        try check(schema, #"{"n": 4}"#, valid: false)
        try check(schema, #"{"n": 2.5}"#, valid: false)
        try check(schema, #"{"list": ["a", "c"]}"#, valid: false)
        try check(schema, #"{"list": ["a", "a"]}"#, valid: false)
        // A leaf one level past the depth limit is refused as before, shortcut or not.
        let nested = #"{"properties": {"a": {"properties": {"b": {"type": "string"}}}}}"#
        try check(nested, #"{"a": {"b": "x"}}"#, valid: true, options: ValidationOptions(maxDepth: 2))
        try check(nested, #"{"a": {"b": "x"}}"#, valid: false, options: ValidationOptions(maxDepth: 1))
        // Each `$ref` is a link of the in-place chain: one for "t", two for "u", then the tests themselves.
        try check(schema, #"{"t": "4s"}"#, valid: true, options: ValidationOptions(maxInPlaceChain: 2))
        try check(schema, #"{"t": "4s"}"#, valid: false, options: ValidationOptions(maxInPlaceChain: 1))
        try check(schema, #"{"u": "4s"}"#, valid: true, options: ValidationOptions(maxInPlaceChain: 3))
        try check(schema, #"{"u": "4s"}"#, valid: false, options: ValidationOptions(maxInPlaceChain: 2))
    }
}
