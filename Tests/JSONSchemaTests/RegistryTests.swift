import ConfigTree
import Foundation
import XCTest
@testable import JSONSchema

/// Registering schema files and folders, relative references across files, prefix maps.
final class RegistryTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("schema-registry-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("defs"), withIntermediateDirectories: true)
        try #"{"$schema": "https://json-schema.org/draft/2019-09/schema", "type": "object", "properties": {"auth": {"$ref": "defs/auth.json"}}, "additionalProperties": false}"#
            .write(to: folder.appendingPathComponent("root.json"), atomically: true, encoding: .utf8)
        try #"{"type": "object", "required": ["user"], "properties": {"user": {"$ref": "../common.json#/$defs/name"}}}"#
            .write(to: folder.appendingPathComponent("defs/auth.json"), atomically: true, encoding: .utf8)
        try #"{"$defs": {"name": {"type": "string", "minLength": 1}}}"#
            .write(to: folder.appendingPathComponent("common.json"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func testRelativeReferencesResolveAcrossFilesByFileURL() throws {
        let registry = SchemaRegistry()
        let entry = try registry.registerFile(at: folder.appendingPathComponent("root.json"))
        let validator = try Validator(registry: registry, entry: entry)
        XCTAssertTrue(validator.isValid(TestSupport.parse(#"{"auth": {"user": "svc"}}"#)))
        let errors = validator.validate(TestSupport.parse(#"{"auth": {"user": ""}}"#))
        XCTAssertEqual(errors.map(\.instancePointer), [JSONPointer(tokens: ["auth", "user"])])
        XCTAssertEqual(errors.first?.keyword, "minLength")
    }

    func testRegisterDirectoryUnderABaseURI() throws {
        let registry = SchemaRegistry()
        let uris = try registry.registerDirectory(folder, baseURI: "https://example.test/schemas/")
        XCTAssertEqual(uris.sorted(), ["https://example.test/schemas/common.json", "https://example.test/schemas/defs/auth.json", "https://example.test/schemas/root.json"])
        let validator = try Validator(registry: registry, entry: "https://example.test/schemas/root.json")
        XCTAssertEqual(validator.validate(TestSupport.parse(#"{"auth": {}}"#)).map(\.message), [#"missing required property "user""#])
        XCTAssertEqual(validator.validate(TestSupport.parse(#"{"auht": {}}"#)).map(\.message), [#"unknown property "auht" (did you mean "auth"?)"#])
    }

    func testMappedPrefixServesFilesOnDemand() throws {
        let registry = SchemaRegistry()
        registry.mapPrefix("https://example.test/schemas/", toDirectory: folder)
        XCTAssertFalse(registry.contains("https://example.test/schemas/root.json"))
        let schema = TestSupport.parse(#"{"$ref": "https://example.test/schemas/root.json"}"#)
        let validator = try Validator(schema: schema, registry: registry)
        XCTAssertFalse(validator.isValid(TestSupport.parse(#"{"auth": {"user": 1}}"#)))
    }

    func testUnknownRemoteIsACompileErrorNamingTheURI() {
        let registry = SchemaRegistry()
        XCTAssertThrowsError(try Validator(schema: TestSupport.parse(#"{"$ref": "https://elsewhere.test/x.json"}"#), registry: registry)) { error in
            XCTAssertTrue("\(error)".contains("https://elsewhere.test/x.json"), "\(error)")
        }
    }

    func testDialectComesFromSchemaOrTheDefault() throws {
        // Under draft-07, siblings of $ref are ignored; under 2020-12 they apply.
        let text = ##"{"$defs": {"s": {"type": "string"}}, "definitions": {"s": {"type": "string"}}, "properties": {"a": {"$ref": "#/definitions/s", "maxLength": 1}}}"##
        let draft7 = try Validator(schema: TestSupport.parse(text), registry: SchemaRegistry(defaultDialect: .draft7))
        let draft2020 = try Validator(schema: TestSupport.parse(text), registry: SchemaRegistry(defaultDialect: .draft2020_12))
        let instance = TestSupport.parse(#"{"a": "long"}"#)
        XCTAssertTrue(draft7.isValid(instance))
        XCTAssertFalse(draft2020.isValid(instance))
        XCTAssertEqual(Dialect(name: "7"), .draft7)
        XCTAssertEqual(Dialect(name: "2019-09"), .draft2019_09)
        XCTAssertEqual(Dialect(metaSchemaURI: "http://json-schema.org/draft-07/schema#"), .draft7)
    }
}

/// Found by the schema fuzz target (LeakSanitizer): a recursive schema's compiled nodes refer to each other,
/// and stayed in memory after their validator was gone.
final class CompiledGraphReleaseTests: XCTestCase {
    func testARecursiveSchemaIsFreedWithItsValidator() throws {
        for schema in [##"{"$ref": "#"}"##, ##"{"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"items": {"$ref": "#/$defs/a"}}}, "$ref": "#/$defs/a"}"##,
                       ##"{"$id": "https://x/root", "$dynamicAnchor": "n", "items": {"$dynamicRef": "#n"}}"##] {
            weak var validatorLeft: Validator?
            weak var rootLeft: SchemaNode?
            do {
                let file = SourceFile(path: "s.json", format: .json, text: schema)
                let validator = try Validator(schema: try XCTUnwrap(ConfigLoader.loadJSONValue(file).root))
                validatorLeft = validator
                rootLeft = validator.rootNode
                _ = validator.isValid(try XCTUnwrap(ConfigLoader.loadJSONValue(SourceFile(path: "i.json", format: .json, text: "[[1]]")).root))
            }
            XCTAssertNil(validatorLeft, schema)
            XCTAssertNil(rootLeft, "the compiled nodes of \(schema) outlived their validator")
        }
    }
}
