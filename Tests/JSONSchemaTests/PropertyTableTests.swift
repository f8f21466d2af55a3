import ConfigTree
import XCTest
@testable import JSONSchema

/// Name lookup by code points, across the word boundaries the hash and comparison read at.
final class PropertyTableTests: XCTestCase {
    func testFindsEveryNameAndNothingElse() throws {
        let resource = CompiledResource(base: "urn:test")
        var names: [String] = [""]
        for length in 1...20 { names.append(String(repeating: "k", count: length)) }
        names += ["input_query_strings", "input_query_string", "input_query_strinG", "é", "e\u{301}", "descripción", "😀", "a\u{0}b"]
        let schemas = names.map { SchemaNode(resource: resource, pointer: JSONPointer(tokens: ["properties", $0]), resourceDepth: 0) }
        let table = PropertyTable(Array(zip(names, schemas)))
        XCTAssertEqual(table.count, names.count)
        for (name, schema) in zip(names, schemas) {
            let found = table.withSchema(for: name) { $0 }
            XCTAssertTrue(found === schema, "lookup of \(name.debugDescription)")
        }
        for absent in ["K", "kkkkkkkkkkkkkkkkkkkkk", "input_query_stringz", "a\u{0}c", "e", "x"] {
            XCTAssertFalse(table.contains(absent), "\(absent.debugDescription) is not declared")
        }
    }

    func testALaterDuplicateReplacesTheSchema() {
        let resource = CompiledResource(base: "urn:test")
        let first = SchemaNode(resource: resource, pointer: JSONPointer(tokens: ["1"]), resourceDepth: 0)
        let second = SchemaNode(resource: resource, pointer: JSONPointer(tokens: ["2"]), resourceDepth: 0)
        let table = PropertyTable([("name", first), ("name", second)])
        XCTAssertEqual(table.count, 1)
        XCTAssertTrue(table.withSchema(for: "name") { $0 } === second)
    }

    func testHashAgreesForEqualBytesWhateverTheStorage() {
        let native = "input_query_strings"
        let built = String(decoding: Array(native.utf8), as: UTF8.self)
        XCTAssertEqual(PropertyTable.hash(native), PropertyTable.hash(built))
        XCTAssertNotEqual(PropertyTable.hash("ab"), PropertyTable.hash("ab\u{0}"))
    }
}
