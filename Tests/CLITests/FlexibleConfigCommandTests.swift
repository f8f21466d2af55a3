import Foundation
import KrakenLintCLI
import XCTest

/// `lint` and `render` on flexible-configuration projects: rendering switched on by flags, KrakenD's
/// variables or `.krakenlint.yml`, findings at the template, partial or settings line, secrets from `env`
/// never shown.
final class FlexibleConfigCommandTests: XCTestCase {
    static let project: [String: String] = [
        "config/krakend.tmpl": """
            {
              "version": 3,
              "timeuot": "3s",
              "endpoints": [{{ range $i, $e := .api.endpoints }}{{ if $i }},{{ end }}
                {"endpoint": "{{ $e.path }}", "method": "{{ $e.method }}",
                 "backend": [{"url_pattern": "/x", "host": ["https://dynamics.example"],
                   "extra_config": {"auth/ntlm": {"user": "CORP\\\\svc", "password": "{{ env "NTLM_PASSWORD" }}"}}}]}{{ end }}
              ]
            }
            """,
        "config/settings/api.json": """
            {
              "endpoints": [
                {"path": "/a", "method": "GET"},
                {"path": "/b", "method": "get"}
              ]
            }
            """,
    ]
    static let password = "Sup3r-S3cret-FC-Value"

    /// ``project`` with a `.krakenlint.yml` that declares it: base template and settings folder.
    static var declaredProject: [String: String] {
        var files = project
        files["config/.krakenlint.yml"] = "flexible-config:\n  template: krakend.tmpl\n  settings: settings\n"
        return files
    }

    private func run(_ arguments: [String], in tree: TemporaryTree, environment: [String: String] = [:]) -> CLIRun {
        let out = Capture(), err = Capture()
        let io = CommandIO(
            stdout: { out.append($0) }, stderr: { err.append($0) }, environment: environment, currentDirectory: tree.root.path
        )
        let status = KrakenLintCommand.run(arguments, io: io)
        return CLIRun(status: status, stdout: out.value, stderr: err.value)
    }

    func testRenderWritesBytesThatAreNotUTF8AsTheyAre() throws {
        // A Latin-1 partial is included raw by KrakenD; render's standard output keeps its bytes.
        let tree = try TemporaryTree(["krakend.tmpl": "{\"version\": 3, \"name\": \"{{ include \"name.txt\" }}\"}"])
        try Data([0x43, 0x61, 0x66, 0xE9]).write(to: URL(fileURLWithPath: tree.path("name.txt")))
        let bytes = ByteCapture(), err = Capture()
        let io = CommandIO(
            stdout: { bytes.append(Array($0.utf8)) }, stderr: { err.append($0) }, stdoutBytes: { bytes.append(Array($0)) },
            environment: ["FC_ENABLE": "1"], currentDirectory: tree.root.path)
        XCTAssertEqual(KrakenLintCommand.run(["render", "krakend.tmpl"], io: io), 0, err.value)
        XCTAssertEqual(bytes.value, Array("{\"version\": 3, \"name\": \"Caf".utf8) + [0xE9, UInt8(ascii: "\""), UInt8(ascii: "}")])
    }

    func testLintRendersWithTheFolderFlagsAndPlacesFindingsAtTemplateAndSettingsLines() throws {
        let tree = try TemporaryTree(Self.project)
        let result = run(
            ["lint", "--settings", "config/settings", tree.path("config/krakend.tmpl")], in: tree, environment: ["NTLM_PASSWORD": Self.password]
        )
        XCTAssertEqual(result.status, 1, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains(tree.path("config/krakend.tmpl") + ":3:3: error: unknown property \"timeuot\""), result.stdout)
        XCTAssertTrue(result.stdout.contains("config/settings/api.json:4:30: error: \"get\" is not one of"), result.stdout)
        XCTAssertTrue(result.stdout.contains("note: rendered here"), result.stdout)
        XCTAssertFalse(result.stdout.contains("plaintext"), "a password rendered from env is not in clear text:\n\(result.stdout)")
    }

    func testKrakenDsVariablesTurnRenderingOnAsForKrakendCheck() throws {
        let tree = try TemporaryTree(Self.project)
        let result = run(
            ["lint", tree.path("config/krakend.tmpl")], in: tree,
            environment: ["FC_ENABLE": "1", "FC_SETTINGS": "config/settings", "NTLM_PASSWORD": Self.password]
        )
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("config/settings/api.json:4:30:"), result.stdout)
    }

    func testATemplateLintedWithoutRenderingGetsOneErrorThatSaysHowToRenderIt() throws {
        let tree = try TemporaryTree(["krakend.json": "{\n  \"version\": 3,\n  \"port\": {{ .service.port }}\n}\n"])
        let result = run(["lint", tree.path("krakend.json")], in: tree)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stdout.contains(tree.path("krakend.json") + ":3:11: error: this file is a flexible-configuration template"), result.stdout)
        XCTAssertTrue(result.stdout.contains("--flexible-config"), result.stdout)
        XCTAssertFalse(result.stdout.contains("[syntax]"), result.stdout)
    }

    func testAKrakenlintFileDeclaresTheProjectAndItsFoldersAreNotLintedAsConfigurations() throws {
        let tree = try TemporaryTree(Self.declaredProject)
        let result = run(["lint", tree.path("config")], in: tree, environment: ["NTLM_PASSWORD": Self.password])
        XCTAssertEqual(result.status, 1, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("config/settings/api.json:4:30:"), result.stdout)
        XCTAssertFalse(result.stdout.contains("config/settings/api.json:1:1"), "settings are not configurations:\n\(result.stdout)")
    }

    func testNoFormatShowsAPasswordReadFromTheEnvironment() throws {
        let tree = try TemporaryTree(Self.project)
        for format in ["text", "json", "sarif", "github", "junit", "checkstyle"] {
            let result = run(
                ["lint", "--format", format, "--settings", "config/settings", tree.path("config/krakend.tmpl")], in: tree,
                environment: ["NTLM_PASSWORD": Self.password]
            )
            XCTAssertEqual(result.status, 1, format)
            XCTAssertFalse((result.stdout + result.stderr).contains(Self.password), "\(format) shows the password")
        }
    }

    func testJSONGivesEveryDiagnosticItsOwnPath() throws {
        let tree = try TemporaryTree(Self.project)
        let result = run(
            ["lint", "--format", "json", "--settings", "config/settings", tree.path("config/krakend.tmpl")], in: tree,
            environment: ["NTLM_PASSWORD": Self.password]
        )
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let files = try XCTUnwrap(json["files"] as? [[String: Any]])
        let paths = files.flatMap { ($0["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String } }
        XCTAssertTrue(paths.contains(tree.path("config/krakend.tmpl")), "\(paths)")
        XCTAssertTrue(paths.contains("config/settings/api.json"), "\(paths)")
    }

    func testALiteralPasswordInASettingsFileIsReportedAtTheSettingsLineMasked() throws {
        let tree = try TemporaryTree([
            "krakend.tmpl": """
                {"version": 3, "endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/x", "host": ["https://b.example"],
                  "extra_config": {"auth/ntlm": {"user": "CORP\\\\svc", "password": {{ marshal .creds.password }}}}}]}]}
                """,
            "settings/creds.json": "{\n  \"password\": \"Literal-Pa55word-In-Settings\"\n}\n",
        ])
        let result = run(["lint", "--settings", "settings", tree.path("krakend.tmpl")], in: tree)
        XCTAssertTrue(result.stdout.contains("settings/creds.json:2:15: warning: the NTLM password is written in clear text"), result.stdout)
        XCTAssertFalse(result.stdout.contains("Literal-Pa55word"), result.stdout)
    }

    func testRenderWritesExactlyTheRenderedBytesAndPrintsEnvValuesBecauseThatIsItsJob() throws {
        let tree = try TemporaryTree(["krakend.tmpl": "{\"port\": {{ .s.port }}, \"p\": \"{{ env \"P\" }}\"}", "settings/s.json": "{\"port\": 1000000}"])
        let result = run(["render", "--settings", "settings", tree.path("krakend.tmpl")], in: tree, environment: ["P": "pw"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "{\"port\": 1e+06, \"p\": \"pw\"}")
        let written = run(["render", "--settings", "settings", "--out", "out.json", tree.path("krakend.tmpl")], in: tree)
        XCTAssertEqual(written.status, 0)
        XCTAssertEqual(try String(contentsOfFile: tree.path("out.json"), encoding: .utf8), "{\"port\": 1e+06, \"p\": \"\"}")
    }

    func testRenderStopsWithThePositionOfATemplateErrorAndWritesNothing() throws {
        let tree = try TemporaryTree(["krakend.tmpl": "{\n  \"a\": {{ toYaml .a }}\n}"])
        let result = run(["render", "--out", "out.json", tree.path("krakend.tmpl")], in: tree)
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.contains(tree.path("krakend.tmpl") + ":2:11: error:"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: tree.path("out.json")))
    }
}

/// Collects what a command writes to standard output, as bytes.
final class ByteCapture: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes: [UInt8] = []
    func append(_ more: [UInt8]) { lock.withLock { bytes += more } }
    var value: [UInt8] { lock.withLock { bytes } }
}
