import ConfigTree
import XCTest
@testable import JSONSchema

/// The limit on schemas applied in place counts every link of a `$ref` chain, the schema at its end
/// included, on the yes/no path (which shortcuts schemas that only test the value) as when collecting.
final class InPlaceChainTests: XCTestCase {
    /// Root, a, b, then a schema that only tests the value: four schemas applied to the same value.
    private let chain = TestSupport.parse("""
    {"$schema": "https://json-schema.org/draft/2020-12/schema", "$ref": "#/$defs/a",
     "$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/leaf"}, "leaf": {"type": "string", "maxLength": 5}}}
    """)

    func testTheLastLinkCountsOnBothPaths() throws {
        for compilation in [SchemaCompilation.eager, .onFirstUse] {
            let value = TestSupport.parse("\"short\"")
            let within = try Validator(schema: chain, options: ValidationOptions(maxInPlaceChain: 4), validateSchema: false, compilation: compilation)
            XCTAssertTrue(within.isValid(value), "\(compilation): four links are within a limit of 4")
            XCTAssertEqual(within.validate(value).count, 0, "\(compilation)")
            XCTAssertFalse(within.isValid(TestSupport.parse("\"too long\"")), "\(compilation): the leaf's own keywords still apply")

            let beyond = try Validator(schema: chain, options: ValidationOptions(maxInPlaceChain: 3), validateSchema: false, compilation: compilation)
            XCTAssertFalse(beyond.isValid(value), "\(compilation): the leaf is the fourth link, over a limit of 3")
            let errors = beyond.validate(value)
            XCTAssertEqual(errors.count, 1, "\(compilation)")
            XCTAssertTrue(errors.first?.isLimit == true, "\(compilation): \(errors)")
        }
    }
}
