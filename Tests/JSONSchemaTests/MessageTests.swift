import ConfigTree
import XCTest
@testable import JSONSchema

/// The messages people read, best-match for alternatives, exact numbers, regex and limits.
final class MessageTests: XCTestCase {
    private func errors(_ schema: String, _ instance: String, options: ValidationOptions = ValidationOptions()) throws -> [ValidationError] {
        let validator = try Validator(schema: TestSupport.parse(schema), options: options, validateSchema: false)
        let node = TestSupport.parse(instance)
        let result = validator.validate(node)
        XCTAssertEqual(validator.isValid(node), result.isEmpty, "yes/no path and error path disagree")
        return result
    }

    func testMissingRequiredPropertyIsNamed() throws {
        let found = try errors(#"{"required": ["user", "password"]}"#, #"{"user": "u"}"#)
        XCTAssertEqual(found.map(\.message), [#"missing required property "password""#])
        XCTAssertEqual(found.first?.keyword, "required")
        XCTAssertEqual(found.first?.instancePointer, .root)
    }

    func testUnknownPropertySuggestsTheClosestName() throws {
        let schema = #"{"properties": {"user": {}, "password": {}, "domain": {}}, "additionalProperties": false}"#
        let found = try errors(schema, #"{"usr": "u"}"#)
        XCTAssertEqual(found.map(\.message), [#"unknown property "usr" (did you mean "user"?)"#])
        XCTAssertEqual(found.first?.instancePointer, JSONPointer(tokens: ["usr"]))
        XCTAssertEqual(found.first?.allowedNames, ["user", "password", "domain"])
        XCTAssertEqual(found.first?.suggestions.first, "user")
    }

    /// The names a `$ref`, `allOf`, `anyOf` or `oneOf` branch declares at the same place are candidates too:
    /// looking only in the schema object that rejected the key found nothing here.
    func testUnknownPropertySuggestsNamesDeclaredThroughReferencesAndAlternatives() throws {
        let schema = #"""
            {"$schema": "https://json-schema.org/draft/2020-12/schema",
             "$defs": {"base": {"properties": {"timeout": {}}}},
             "allOf": [{"$ref": "#/$defs/base"}],
             "oneOf": [{"properties": {"hosts": {}}, "required": ["hosts"]}, {"properties": {"aliased_hosts": {}}, "required": ["aliased_hosts"]}],
             "properties": {"name": {}}, "unevaluatedProperties": false}
            """#
        let viaReference = try errors(schema, #"{"hosts": [], "timout": "1s"}"#)
        XCTAssertEqual(viaReference.map(\.message), [#"unknown property "timout" (did you mean "timeout"?)"#])
        let viaAlternative = try errors(schema, #"{"hosts": [], "alised_hosts": {}}"#)
        XCTAssertEqual(viaAlternative.map(\.message), [#"unknown property "alised_hosts" (did you mean "aliased_hosts"?)"#])
    }

    func testUnknownPropertyWithoutCloseNameHasNoSuggestion() throws {
        let found = try errors(#"{"properties": {"user": {}}, "additionalProperties": false}"#, #"{"zzzzzz": 1}"#)
        XCTAssertEqual(found.map(\.message), [#"unknown property "zzzzzz""#])
    }

    func testTypeMismatchSaysWhatWasExpected() throws {
        let found = try errors(#"{"properties": {"port": {"type": "string"}}}"#, #"{"port": 8080}"#)
        XCTAssertEqual(found.map(\.message), ["expected string, got integer"])
        XCTAssertEqual(found.first?.instancePointer, JSONPointer(tokens: ["port"]))
        XCTAssertEqual(found.first?.keywordLocation, "/properties/port/type")
    }

    func testEnumListsTheAllowedValues() throws {
        let found = try errors(#"{"enum": ["GET", "POST", "PUT"]}"#, #""TRACE""#)
        XCTAssertEqual(found.map(\.message), [#""TRACE" is not one of GET, POST, PUT"#])
    }

    func testSecretValuesAreHidden() throws {
        let options = ValidationOptions(isSecret: { $0.tokens.last == "password" })
        let found = try errors(#"{"properties": {"password": {"enum": ["a"]}}}"#, #"{"password": "hunter2"}"#, options: options)
        XCTAssertEqual(found.count, 1)
        XCTAssertFalse(found[0].message.contains("hunter2"), found[0].message)
    }

    func testOneOfReportsTheBranchWhoseDiscriminatorMatched() throws {
        let schema = #"""
        {"oneOf": [
          {"type": "object", "properties": {"kind": {"const": "ntlm"}, "user": {"type": "string"}}, "required": ["kind", "user"]},
          {"type": "object", "properties": {"kind": {"const": "basic"}, "token": {"type": "string"}}, "required": ["kind", "token"]}
        ]}
        """#
        let found = try errors(schema, #"{"kind": "basic"}"#)
        XCTAssertEqual(found.map(\.message), [#"missing required property "token""#])
    }

    func testAnyOfWithOnlyTypeMismatchesGivesOneSummary() throws {
        let found = try errors(#"{"anyOf": [{"type": "string"}, {"type": "array"}]}"#, "12")
        XCTAssertEqual(found.map(\.message), ["expected string or array, got integer"])
    }

    func testOneOfMatchingTwiceSaysSo() throws {
        let found = try errors(#"{"oneOf": [{"type": "integer"}, {"minimum": 0}]}"#, "3")
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.keyword, "oneOf")
    }

    func testNumbersCompareExactly() throws {
        XCTAssertTrue(try errors(#"{"multipleOf": 0.0001}"#, "0.0075").isEmpty)
        XCTAssertTrue(try errors(#"{"multipleOf": 0.1}"#, "1.1").isEmpty)
        XCTAssertFalse(try errors(#"{"multipleOf": 0.1}"#, "1.15").isEmpty)
        XCTAssertTrue(try errors(#"{"type": "integer"}"#, "1.0").isEmpty)
        XCTAssertTrue(try errors(#"{"maximum": 18446744073709551615}"#, "18446744073709551615").isEmpty)
        XCTAssertFalse(try errors(#"{"maximum": 18446744073709551615}"#, "18446744073709551616").isEmpty)
        XCTAssertTrue(try errors(#"{"const": 100}"#, "1e2").isEmpty)
    }

    func testExactDecimalOrdering() {
        let values = ["-1e3", "-2.5", "0", "0.001", "1", "1.0000000000000000001", "1e20"].compactMap(ExactDecimal.init(parsing:))
        XCTAssertEqual(values.count, 7)
        for (lower, higher) in zip(values, values.dropFirst()) {
            XCTAssertLessThan(lower, higher)
        }
        XCTAssertEqual(ExactDecimal(parsing: "1.50"), ExactDecimal(parsing: "15e-1"))
    }

    func testStringLengthCountsCodePoints() throws {
        XCTAssertTrue(try errors(#"{"maxLength": 2}"#, #""\ud83d\udca9\ud83d\udca9""#).isEmpty)
        XCTAssertFalse(try errors(#"{"minLength": 3}"#, #""\ud83d\udca9\ud83d\udca9""#).isEmpty)
    }

    func testKeysCompareByCodePoints() throws {
        // "é" precomposed (U+00E9) and decomposed (e + U+0301) are different property names.
        let schema = #"{"properties": {"\u00e9": {"type": "integer"}}, "additionalProperties": false}"#
        XCTAssertFalse(try errors(schema, #"{"e\u0301": 1}"#).isEmpty)
        XCTAssertTrue(try errors(schema, #"{"\u00e9": 1}"#).isEmpty)
    }

    func testDuplicateKeysLastOneWins() throws {
        let found = try errors(#"{"properties": {"a": {"type": "string"}}}"#, #"{"a": 1, "a": "x"}"#)
        XCTAssertTrue(found.isEmpty, "the earlier duplicate is shadowed: \(found)")
    }

    func testPatternsFollowECMAScript() throws {
        XCTAssertFalse(try errors(#"{"pattern": "^\\d+$"}"#, #""\u0661\u0662""#).isEmpty, "\\d is ASCII only")
        XCTAssertFalse(try errors(#"{"pattern": "^abc$"}"#, #""abc\n""#).isEmpty, "$ does not match before a trailing newline")
        XCTAssertTrue(try errors(#"{"pattern": "^\\p{Letter}+$"}"#, #""\u00e9t\u00e9""#).isEmpty)
        XCTAssertTrue(try errors(#"{"pattern": "^\\s$"}"#, #""\ufeff""#).isEmpty, "\\s includes the BOM in ECMA-262")
    }

    func testInvalidPatternIsACompileError() {
        XCTAssertThrowsError(try Validator(schema: TestSupport.parse(#"{"pattern": "(unclosed"}"#), validateSchema: false)) { error in
            guard case SchemaError.invalidPattern = error else { return XCTFail("unexpected \(error)") }
        }
    }

    func testCatastrophicPatternIsBoundedAndReported() throws {
        let options = ValidationOptions(regexStepLimit: 50_000)
        let validator = try Validator(schema: TestSupport.parse(#"{"pattern": "^(a+)+$"}"#), options: options, validateSchema: false)
        let instance = Node(.string(String(repeating: "a", count: 40) + "!"), span: TestSupport.noSpan)
        let found = validator.validate(instance)
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found[0].message.contains("too long"), found[0].message)
        XCTAssertFalse(validator.isValid(instance))
    }

    func testReferenceToNothingIsACompileError() {
        XCTAssertThrowsError(try Validator(schema: TestSupport.parse(##"{"$ref": "#/$defs/missing"}"##), validateSchema: false)) { error in
            guard case SchemaError.unresolvedReference(let uri, _) = error else { return XCTFail("unexpected \(error)") }
            XCTAssertTrue(uri.hasSuffix("#/$defs/missing"), uri)
        }
        XCTAssertThrowsError(try Validator(schema: TestSupport.parse(#"{"$ref": "https://example.com/remote.json"}"#), validateSchema: false)) { error in
            XCTAssertTrue("\(error)".contains("https://example.com/remote.json"), "\(error)")
        }
    }

    func testReferenceLoopWithoutProgressTerminates() throws {
        let validator = try Validator(schema: TestSupport.parse(##"{"$ref": "#"}"##), validateSchema: false)
        XCTAssertFalse(validator.isValid(TestSupport.parse("1")))
        let found = validator.validate(TestSupport.parse("1"))
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found[0].message.contains("loop"), found[0].message)
    }

    func testVeryDeepInstanceIsAnErrorNotACrash() throws {
        let validator = try Validator(schema: TestSupport.parse(##"{"$defs": {"any": {"items": {"$ref": "#/$defs/any"}}}, "$ref": "#/$defs/any"}"##), validateSchema: false)
        var node = Node(.null, span: TestSupport.noSpan)
        for _ in 0..<10_000 { node = Node(.array([node]), span: TestSupport.noSpan) }
        XCTAssertFalse(validator.isValid(node))
        let found = validator.validate(node)
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found[0].message.contains("nested more than"), found[0].message)
    }

    func testSchemaInvalidAgainstMetaSchemaNamesTheSpot() throws {
        let shared = try TestSupport.requireShared()
        let registry = SchemaRegistry()
        try registry.registerMetaSchemas(from: shared.appendingPathComponent("conformance/metaschemas"))
        let schema = TestSupport.parse(#"{"$schema": "https://json-schema.org/draft/2020-12/schema", "properties": {"a": {"minLength": "three"}}}"#)
        XCTAssertThrowsError(try Validator(schema: schema, registry: registry)) { error in
            guard case SchemaError.invalidAgainstMetaSchema(_, let errors) = error else { return XCTFail("unexpected \(error)") }
            XCTAssertTrue(errors.contains { $0.instancePointer == JSONPointer(tokens: ["properties", "a", "minLength"]) }, "\(errors)")
        }
    }
}
