import XCTest

/// `krakenlint validate`: the general JSON Schema validator and its exit-code contract.
final class ValidateCommandTests: XCTestCase {
    private let schema = #"{"$schema": "http://json-schema.org/draft-07/schema#", "type": "object", "required": ["name"], "properties": {"name": {"type": "string"}, "port": {"type": "integer", "maximum": 65535}}, "additionalProperties": false}"#

    func testValidInstancesExitZero() throws {
        let tree = try TemporaryTree(["schema.json": schema, "a.json": #"{"name": "gw", "port": 8080}"#, "b.yaml": "name: gw\nport: 80\n"])
        let run = runCLI(["validate", "--schema", tree.path("schema.json"), tree.path("a.json"), tree.path("b.yaml")])
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertEqual(run.stdout, "no problems in 2 files\n")
    }

    func testAnInvalidInstanceExitsOneWithPositions() throws {
        let tree = try TemporaryTree(["schema.json": schema, "bad.yaml": "name: gw\nport: 70000\nprot: 1\n"])
        let run = runCLI(["validate", "--schema", tree.path("schema.json"), tree.path("bad.yaml")])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stdout.contains("bad.yaml:2:7: error:"), run.stdout)
        XCTAssertTrue(run.stdout.contains(#"bad.yaml:3:1: error: unknown property "prot" (did you mean "port"?) [schema/additional-properties]"#), run.stdout)
        XCTAssertTrue(run.stdout.contains("2 errors in 1 file"), run.stdout)
    }

    /// `validate` places an error where `lint` does, with the same function: `required` on the object's key.
    func testAnObjectLevelErrorIsPlacedOnTheKeyAsLintPlacesIt() throws {
        let tree = try TemporaryTree(["schema.json": #"{"properties": {"server": {"required": ["name"]}}}"#, "i.json": "{\n  \"server\": {\"port\": 1}\n}\n"])
        let run = runCLI(["validate", "--schema", tree.path("schema.json"), tree.path("i.json")])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stdout.contains("i.json:2:3: error:"), run.stdout)
    }

    func testEveryLintFormatIsAvailable() throws {
        let tree = try TemporaryTree(["schema.json": schema, "bad.json": #"{"port": "80"}"#])
        for format in ["text", "json", "sarif", "github", "junit", "checkstyle"] {
            let run = runCLI(["validate", "--format", format, "--schema", tree.path("schema.json"), tree.path("bad.json")])
            XCTAssertEqual(run.status, 1, format + run.stderr)
            XCTAssertTrue(run.stdout.contains("schema/type"), format + ": " + run.stdout)
        }
    }

    func testJSONOutputListsEachInstance() throws {
        let tree = try TemporaryTree(["schema.json": schema, "ok.json": #"{"name": "x"}"#, "bad.json": #"{"port": "80"}"#])
        let run = runCLI(["validate", "--format", "json", "--schema", tree.path("schema.json"), tree.path("ok.json"), tree.path("bad.json")])
        XCTAssertEqual(run.status, 1)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let files = try XCTUnwrap(object["files"] as? [[String: Any]])
        XCTAssertEqual(files.map { ($0["diagnostics"] as? [Any])?.isEmpty }, [true, false])
        let errors = try XCTUnwrap(files[1]["diagnostics"] as? [[String: Any]])
        XCTAssertEqual(Set(errors.compactMap { $0["rule"] as? String }), ["schema/required", "schema/type"])
        XCTAssertEqual(Set(errors.compactMap { ($0["properties"] as? [String: Any])?["keyword"] as? String }), ["required", "type"])
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
        XCTAssertTrue(missing.stdout.contains("nope.json:1:1: error:"), missing.stdout)
        let broken = runCLI(["validate", "--schema", tree.path("schema.json"), tree.path("broken.json")])
        XCTAssertEqual(broken.status, 2)
        XCTAssertTrue(broken.stdout.contains("broken.json:1:7: error:"), broken.stdout)
    }

    /// One unreadable instance does not hide the verdicts on the others, in any format.
    func testTheOtherInstancesAreStillValidatedAfterAnUnreadableOne() throws {
        let tree = try TemporaryTree(["schema.json": schema, "broken.json": "{\"a\": }", "bad.json": #"{"name": 1}"#])
        let run = runCLI(["validate", "--format", "json", "--schema", tree.path("schema.json"), tree.path("broken.json"), tree.path("bad.json")])
        XCTAssertEqual(run.status, 2, run.stderr)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let files = try XCTUnwrap(object["files"] as? [[String: Any]])
        XCTAssertEqual(files.count, 2)
        XCTAssertEqual((files[0]["diagnostics"] as? [[String: Any]])?.first?["rule"] as? String, "syntax")
        XCTAssertEqual((files[1]["diagnostics"] as? [[String: Any]])?.first?["rule"] as? String, "schema/type")
    }

    /// Standard input has the same size limit as a file (64 MiB): validate used to read it whole and parse it.
    func testStandardInputIsReadUnderTheSizeLimit() throws {
        let tree = try TemporaryTree(["schema.json": "{}"])
        let run = runCLI(["validate", "--schema", tree.path("schema.json"), "-"], stdin: String(repeating: " ", count: 64 << 20) + "{}")
        XCTAssertEqual(run.status, 2, run.stdout)
        XCTAssertTrue(run.stderr.contains("more than the limit"), run.stderr)
    }

    func testAnUnknownDraftIsAUsageError() {
        let run = runCLI(["validate", "--draft", "5", "--schema", "x.json", "i.json"])
        XCTAssertEqual(run.status, 2)
    }
}
