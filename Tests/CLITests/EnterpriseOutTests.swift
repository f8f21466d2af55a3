import Foundation
import KrakenLintCLI
import XCTest

/// The Enterprise behaviour file's `out`: `render` writes the compiled configuration there as Enterprise
/// does (unless `--out` is given), whole or not at all, never over a project file; `lint` never writes it.
final class EnterpriseOutTests: XCTestCase {
    private static func project(out: String) -> [String: String] {
        [
            "flexible_config.json": "{\"settings\": {\"paths\": [\"settings\"]}, \"out\": \"\(out)\"}",
            "settings/service.json": "{\"port\": 8080}",
            "krakend.tmpl": "{\"version\": 3, \"port\": {{ .service.port }}}",
        ]
    }

    private func run(_ arguments: [String], in tree: TemporaryTree, environment: [String: String] = [:]) -> CLIRun {
        let out = Capture(), err = Capture()
        let io = CommandIO(stdout: { out.append($0) }, stderr: { err.append($0) }, environment: environment, currentDirectory: tree.root.path)
        let status = KrakenLintCommand.run(arguments, io: io)
        return CLIRun(status: status, stdout: out.value, stderr: err.value)
    }

    private func contents(_ tree: TemporaryTree, _ path: String) -> String? {
        try? String(contentsOfFile: tree.path(path), encoding: .utf8)
    }

    private func leftovers(_ tree: TemporaryTree, in folder: String = "") throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: tree.path(folder)).filter { $0.contains(".krakenlint-") }
    }

    func testRenderWritesTheOutFileAndStillPrintsTheBytes() throws {
        let tree = try TemporaryTree(Self.project(out: "compiled/out.json"))
        try FileManager.default.createDirectory(atPath: tree.path("compiled"), withIntermediateDirectories: true)
        let result = run(["render", "--fc-config", "flexible_config.json", "krakend.tmpl"], in: tree)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "{\"version\": 3, \"port\": 8080}")
        XCTAssertEqual(contents(tree, "compiled/out.json"), "{\"version\": 3, \"port\": 8080}")
        XCTAssertTrue(result.stderr.contains("wrote compiled/out.json, the out file of the Enterprise"), result.stderr)
        XCTAssertEqual(try leftovers(tree, in: "compiled"), [])
    }

    func testRenderWritesTheFCOutFileAsKrakenDCommunityDoes() throws {
        let tree = try TemporaryTree([
            "settings/service.json": "{\"port\": 8080}",
            "krakend.tmpl": "{\"version\": 3, \"port\": {{ .service.port }}}",
        ])
        let environment = ["FC_ENABLE": "1", "FC_SETTINGS": "settings", "FC_OUT": "rendered.json"]
        let result = run(["render", "krakend.tmpl"], in: tree, environment: environment)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "{\"version\": 3, \"port\": 8080}")
        XCTAssertEqual(contents(tree, "rendered.json"), "{\"version\": 3, \"port\": 8080}")
        XCTAssertTrue(result.stderr.contains("wrote rendered.json, the FC_OUT file"), result.stderr)

        let lint = run(["lint", tree.path("krakend.tmpl")], in: tree, environment: environment.merging(["FC_OUT": "linted.json"]) { $1 })
        XCTAssertNotEqual(lint.status, 2, lint.stdout + lint.stderr)
        XCTAssertNil(contents(tree, "linted.json"), "lint wrote the FC_OUT file")
    }

    func testTheOutFlagReplacesTheOutFile() throws {
        let tree = try TemporaryTree(Self.project(out: "enterprise.json"))
        let result = run(["render", "--fc-config", "flexible_config.json", "--out", "mine.json", "krakend.tmpl"], in: tree)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(contents(tree, "mine.json"), "{\"version\": 3, \"port\": 8080}")
        XCTAssertNil(contents(tree, "enterprise.json"))
    }

    func testLintNeverWritesTheOutFile() throws {
        let tree = try TemporaryTree(Self.project(out: "enterprise.json"))
        let result = run(["lint", "--fc-config", "flexible_config.json", tree.path("krakend.tmpl")], in: tree)
        XCTAssertNotEqual(result.status, 2, result.stdout + result.stderr)
        XCTAssertNil(contents(tree, "enterprise.json"))
    }

    func testARenderErrorLeavesAnEarlierOutFileAsItWas() throws {
        var files = Self.project(out: "enterprise.json")
        files["krakend.tmpl"] = "{\"port\": {{ .service.missing }}}"
        files["enterprise.json"] = "earlier contents"
        let tree = try TemporaryTree(files)
        let result = run(["render", "--fc-config", "flexible_config.json", "krakend.tmpl"], in: tree)
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(contents(tree, "enterprise.json"), "earlier contents")
        XCTAssertEqual(try leftovers(tree), [])
    }

    func testAnOutFileThatIsAProjectFileIsNotWrittenOver() throws {
        let tree = try TemporaryTree(Self.project(out: "./settings/../krakend.tmpl"))
        let result = run(["render", "--fc-config", "flexible_config.json", "krakend.tmpl"], in: tree)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("is the project file krakend.tmpl"), result.stderr)
        XCTAssertEqual(contents(tree, "krakend.tmpl"), "{\"version\": 3, \"port\": {{ .service.port }}}")
        XCTAssertEqual(result.stdout, "")
    }

    func testAnOutFileInAMissingFolderIsAClearErrorWithNothingLeftBehind() throws {
        let tree = try TemporaryTree(Self.project(out: "missing/out.json"))
        let result = run(["render", "--fc-config", "flexible_config.json", "krakend.tmpl"], in: tree)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("missing/out.json: cannot write the rendered configuration: No such file or directory"), result.stderr)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(try leftovers(tree), [])
    }

    func testAnOutFileKeepsTheModeOfTheFileItReplaces() throws {
        var files = Self.project(out: "enterprise.json")
        files["enterprise.json"] = "old"
        let tree = try TemporaryTree(files)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: tree.path("enterprise.json"))
        let result = run(["render", "--fc-config", "flexible_config.json", "krakend.tmpl"], in: tree)
        XCTAssertEqual(result.status, 0, result.stderr)
        let mode = try FileManager.default.attributesOfItem(atPath: tree.path("enterprise.json"))[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o640)
        XCTAssertEqual(contents(tree, "enterprise.json"), "{\"version\": 3, \"port\": 8080}")
    }
}
