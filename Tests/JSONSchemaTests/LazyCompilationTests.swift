import ConfigTree
import Foundation
import XCTest
@testable import JSONSchema

/// `SchemaCompilation.onFirstUse`: subschemas compiled when a validation first reaches them, with the same
/// answers and messages as an eager compilation (the conformance suite runs both ways too).
final class LazyCompilationTests: XCTestCase {
    private let schemaText = ##"""
        {"type": "object", "required": ["version"], "additionalProperties": false,
         "properties": {
           "version": {"const": 3},
           "name": {"type": "string", "pattern": "^[a-z]+$"},
           "timeout": {"$ref": "#/$defs/duration"},
           "endpoints": {"type": "array", "items": {"$ref": "#/$defs/endpoint"}}},
         "$defs": {
           "duration": {"type": "string", "pattern": "^[0-9]+(ms|s|m|h)$"},
           "endpoint": {"type": "object", "required": ["endpoint"], "additionalProperties": false,
                        "properties": {"endpoint": {"type": "string"}, "method": {"enum": ["GET", "POST"]},
                                       "timeout": {"$ref": "#/$defs/duration"}},
                        "oneOf": [{"required": ["method"]}, {"not": {"required": ["method"]}, "properties": {"endpoint": {"maxLength": 4}}}]}}}
        """##

    private let instances = [
        #"{"version": 3}"#, #"{"version": 2}"#, #"{}"#, #"{"version": 3, "timeuot": "1s"}"#,
        #"{"version": 3, "timeout": "3x", "name": "Ab"}"#,
        #"{"version": 3, "endpoints": [{"endpoint": "/a", "method": "get"}, {"endpoint": "/long"}, {"methd": "GET"}, 7]}"#,
        #"{"version": 3, "endpoints": [{"endpoint": "/a", "method": "GET", "timeout": "5s"}]}"#,
    ]

    private func errors(_ validator: Validator, _ text: String) -> [String] {
        Self.errors(validator, text)
    }

    private static func errors(_ validator: Validator, _ text: String) -> [String] {
        validator.validate(TestSupport.parse(text)).map { "\($0.instancePointer) \($0.keyword) \(String(describing: $0.absoluteKeywordLocation)) \($0.message) \($0.suggestions)" }
    }

    func testOnFirstUseGivesTheEagerAnswersAndMessagesInAnyOrder() throws {
        let schema = TestSupport.parse(schemaText)
        let eager = try Validator(schema: schema)
        for order in [instances, instances.reversed()] {
            let lazy = try Validator(schema: schema, compilation: .onFirstUse)
            for text in order {
                XCTAssertEqual(lazy.isValid(TestSupport.parse(text)), eager.isValid(TestSupport.parse(text)), text)
                XCTAssertEqual(errors(lazy, text), errors(eager, text), text)
            }
        }
        XCTAssertFalse(errors(eager, instances[5]).isEmpty, "the comparison covers failing instances")
    }

    func testOnlyTheSubschemasAValidationReachesAreCompiled() throws {
        let lazy = try Validator(schema: TestSupport.parse(schemaText), compilation: .onFirstUse)
        XCTAssertFalse(lazy.rootNode.compileState.isFilled, "nothing is compiled before the first validation")
        XCTAssertTrue(lazy.isValid(TestSupport.parse(#"{"version": 3}"#)))
        XCTAssertTrue(lazy.rootNode.compileState.isFilled)
        let endpoints = try XCTUnwrap(lazy.rootNode.keywords.compactMap { keyword -> PropertyTable? in
            if case .properties(let table) = keyword { return table }
            return nil
        }.first)
        let names = ["version", "name", "timeout", "endpoints"]
        XCTAssertEqual(endpoints.count, names.count)
        let filled = names.filter { endpoints.withSchema(for: $0) { $0.compileState.isFilled } == true }
        XCTAssertEqual(filled, ["version"], "only the property the instance has was compiled")
        lazy.compileAll()
        XCTAssertEqual(names.filter { endpoints.withSchema(for: $0) { $0.compileState.isFilled } == true }, names)
        XCTAssertEqual(errors(lazy, instances[5]), errors(try Validator(schema: TestSupport.parse(schemaText)), instances[5]))
    }

    func testACompileErrorMetOnFirstUseIsReportedWhereItIsMet() throws {
        let schema = TestSupport.parse(##"{"properties": {"good": {"type": "string"}, "bad": {"$ref": "#/$defs/missing"}}}"##)
        XCTAssertThrowsError(try Validator(schema: schema), "compiled up front, the broken reference is an error at once")
        let lazy = try Validator(schema: schema, compilation: .onFirstUse)
        XCTAssertTrue(lazy.isValid(TestSupport.parse(#"{"good": "x"}"#)), "the broken subschema is never reached")
        XCTAssertFalse(lazy.isValid(TestSupport.parse(#"{"bad": 1}"#)))
        let reported = lazy.validate(TestSupport.parse(#"{"bad": 1}"#))
        XCTAssertEqual(reported.count, 1)
        XCTAssertEqual(reported.first?.instancePointer, JSONPointer(tokens: ["bad"]))
        XCTAssertTrue(reported.first?.message.hasPrefix("the schema could not be compiled: reference") == true, "\(reported.map(\.message))")
        XCTAssertTrue(reported.first?.message.contains("#/$defs/missing") == true, "\(reported.map(\.message))")
    }

    func testManyThreadsFillingTheSameNodesAgree() throws {
        let schema = TestSupport.parse(schemaText)
        let instances = self.instances
        let expected = try instances.map { errors(try Validator(schema: schema), $0) }
        for _ in 0..<20 {
            let lazy = try Validator(schema: schema, compilation: .onFirstUse)
            let results = ResultBox(count: instances.count * 4)
            DispatchQueue.concurrentPerform(iterations: instances.count * 4) { index in
                results.set(index, Self.errors(lazy, instances[index % instances.count]))
            }
            for index in 0..<(instances.count * 4) {
                XCTAssertEqual(results.get(index), expected[index % instances.count])
            }
        }
    }

    func testMappedDocumentsAreRegisteredWhenAReferenceFirstReachesThem() throws {
        var asked: [String] = []
        let documents = [
            "root.json": #"{"properties": {"a": {"$ref": "a.json"}, "b": {"$ref": "sub/b.json"}}}"#,
            "a.json": #"{"type": "integer"}"#,
            "sub/b.json": #"{"type": "string"}"#,
        ]
        let registry = SchemaRegistry()
        registry.mapPrefix("https://example.test/s/") { path in
            asked.append(path)
            return documents[path].map { TestSupport.parse($0) }
        }
        let lazy = try Validator(registry: registry, entry: "https://example.test/s/root.json", compilation: .onFirstUse)
        XCTAssertEqual(asked, ["root.json"])
        XCTAssertTrue(lazy.isValid(TestSupport.parse(#"{"a": 1}"#)))
        XCTAssertEqual(asked, ["root.json", "a.json"])
        XCTAssertEqual(lazy.validate(TestSupport.parse(#"{"b": 2}"#)).map(\.absoluteKeywordLocation), ["https://example.test/s/sub/b.json#/type"])
        XCTAssertEqual(asked, ["root.json", "a.json", "sub/b.json"])
        XCTAssertThrowsError(try Validator(registry: registry, entry: "https://example.test/s/none.json"))
    }

    func testDocumentsIdentifiedAtTheRootOnlyGiveTheSameAnswersIndexedOnDemand() throws {
        let documents = [
            "root.json": ##"{"$id": "https://example.test/s/root.json", "properties": {"a": {"$ref": "defs/a.json#/$defs/port"}, "b": {"$ref": "#/$defs/name"}, "c": {"$ref": "defs/a.json#/$defs/none"}}, "$defs": {"name": {"type": "string", "pattern": "^[a-z]+$"}}}"##,
            "defs/a.json": ##"{"$id": "https://example.test/s/defs/a.json", "$defs": {"port": {"type": "integer", "maximum": 65535, "not": {"$ref": "#/$defs/zero"}}, "zero": {"const": 0}}}"##,
        ]
        func validator(onDemand: Bool) throws -> Validator {
            let registry = SchemaRegistry()
            registry.mapPrefix("https://example.test/s/", identifiedAtRootOnly: onDemand) { documents[$0].map { TestSupport.parse($0) } }
            return try Validator(registry: registry, entry: "https://example.test/s/root.json", compilation: .onFirstUse)
        }
        let full = try validator(onDemand: false)
        let onDemand = try validator(onDemand: true)
        for instance in [#"{"a": 80, "b": "x"}"#, #"{"a": 70000}"#, #"{"a": 0}"#, #"{"b": "X1"}"#, #"{"c": 1}"#, #"{"a": "80", "b": 2}"#] {
            let expected = errors(full, instance)
            XCTAssertEqual(errors(onDemand, instance), expected, instance)
        }
        // The reference to a pointer that does not exist is an error where it is met, in both.
        XCTAssertFalse(errors(onDemand, #"{"c": 1}"#).isEmpty)
        XCTAssertEqual(errors(onDemand, #"{"a": 70000}"#).count, 1)
    }
}

private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [[String]?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: [String]) { lock.withLock { values[index] = value } }
    func get(_ index: Int) -> [String]? { lock.withLock { values[index] } }
}
