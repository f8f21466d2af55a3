import XCTest

/// `krakenlint validate`: the general JSON Schema validator and its exit-code contract.
final class ValidateCommandTests: XCTestCase {
    private let schema = #"{"$schema": "http://json-schema.org/draft-07/schema#", "type": "object", "required": ["name"], "properties": {"name": {"type": "string"}, "port": {"type": "integer", "maximum": 65535}}, "additionalProperties": false}"#

    func testValidInstancesExitZero() throws {
        let tree = try TemporaryTree(["schema.json": schema, "a.json": #"{"name": "gw", "port": 8080}"#, "b.yaml": "name: gw\nport: 80\n"])
        let run = runCLI(["validate", "--schema", tree.path("schema.json"), tree.path("a.json"), tree.path("b.yaml")])
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertTrue(run.stdout.contains("2 valid, 0 invalid"), run.stdout)
    }

    func testAnInvalidInstanceExitsOneWithPositions() throws {
        let tree = try TemporaryTree(["schema.json": schema, "bad.yaml": "name: gw\nport: 70000\nprot: 1\n"])
        let run = runCLI(["validate", "--schema", tree.path("schema.json"), tree.path("bad.yaml")])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stdout.contains("bad.yaml:2:7: error:"), run.stdout)
        XCTAssertTrue(run.stdout.contains(#"bad.yaml:3:1: error: unknown property "prot" (did you mean "port"?)"#), run.stdout)
    }

    func testJSONOutputListsEachInstance() throws {
        let tree = try TemporaryTree(["schema.json": schema, "ok.json": #"{"name": "x"}"#, "bad.json": #"{"port": "80"}"#])
        let run = runCLI(["validate", "--format", "json", "--schema", tree.path("schema.json"), tree.path("ok.json"), tree.path("bad.json")])
        XCTAssertEqual(run.status, 1)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let instances = try XCTUnwrap(object["instances"] as? [[String: Any]])
        XCTAssertEqual(instances.map { $0["valid"] as? Bool }, [true, false])
        let errors = try XCTUnwrap(instances[1]["errors"] as? [[String: Any]])
        XCTAssertEqual(Set(errors.compactMap { $0["keyword"] as? String }), ["required", "type"])
    }

    func testTopLevelArraysAreInstancesToo() throws {
        let tree = try TemporaryTree(["schema.json": #"{"type": "array", "items": {"type": "integer"}}"#, "list.json": "[1, 2, \"three\"]"])
        let run = runCLI(["validate", "--schema", tree.path("schema.json"), tree.path("list.json")])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stdout.contains("list.json:1:8: error: expected integer, got string"), run.stdout)
    }

    func testAFolderResolvesRelativeReferencesOffline() throws {
        let tree = try TemporaryTree([
            "schemas/root.json": #"{"$id": "https://example.test/root.json", "type": "object", "properties": {"port": {"$ref": "defs/port.json"}}}"#,
            "schemas/defs/port.json": #"{"$id": "https://example.test/defs/port.json", "type": "integer"}"#,
            "i.json": #"{"port": "80"}"#,
        ])
        let run = runCLI(["validate", "--schema", tree.path("schemas"), tree.path("i.json")])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stdout.contains("expected integer, got string"), run.stdout)
    }

    func testAMappedPrefixServesRemoteReferencesFromAFolder() throws {
        let tree = try TemporaryTree([
            "schema.json": #"{"properties": {"port": {"$ref": "http://schemas.example.test/port.json"}}}"#,
            "remote/port.json": #"{"type": "integer"}"#,
            "i.json": #"{"port": 80}"#,
        ])
        let run = runCLI(["validate", "--schema", tree.path("schema.json"), "--map", "http://schemas.example.test/=" + tree.path("remote"), tree.path("i.json")])
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
    }

    func testAReferenceToNothingIsAnUnusableSchema() throws {
        let tree = try TemporaryTree(["schema.json": ##"{"properties": {"a": {"$ref": "#/definitions/missing"}}}"##, "i.json": "{}"])
        let run = runCLI(["validate", "--schema", tree.path("schema.json"), tree.path("i.json")])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("missing"), run.stderr)
    }

    func testARemoteReferenceIsNeverFetched() throws {
        let tree = try TemporaryTree(["schema.json": #"{"$ref": "https://example.invalid/schema.json"}"#, "i.json": "{}"])
        let run = runCLI(["validate", "--schema", tree.path("schema.json"), tree.path("i.json")])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("https://example.invalid/schema.json"), run.stderr)
    }

    func testAnUnreadableInstanceIsAUsageError() throws {
        let tree = try TemporaryTree(["schema.json": "{}", "broken.json": "{\"a\": }"])
        let missing = runCLI(["validate", "--schema", tree.path("schema.json"), tree.path("nope.json")])
        XCTAssertEqual(missing.status, 2)
        let broken = runCLI(["validate", "--schema", tree.path("schema.json"), tree.path("broken.json")])
        XCTAssertEqual(broken.status, 2)
        XCTAssertTrue(broken.stderr.contains("broken.json:1:7:"), broken.stderr)
    }

    func testAnUnknownDraftIsAUsageError() {
        let run = runCLI(["validate", "--draft", "5", "--schema", "x.json", "i.json"])
        XCTAssertEqual(run.status, 2)
    }
}
