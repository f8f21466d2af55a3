import XCTest

/// End to end: a password from a real configuration never reaches the output of any format, even when a
/// finding's source line is the one holding it.
final class CLISecretTests: XCTestCase {
    static let password = "Winter-2024!pass"

    func testNoFormatPrintsTheNTLMPassword() throws {
        let config = """
            {
              "version": 3,
              "endpoints": [{"endpoint": "/a", "backend": [{"host": ["https://erp.internal"], "url_pattern": "/a",
                "extra_config": {"auth/ntlm": {"user": "CORP\\\\svc",
                  "password": "old",
                  "password": "\(Self.password)"}}}]}]
            }

            """
        let tree = try TemporaryTree(["krakend.json": config])
        for format in ["text", "json", "sarif", "github", "junit", "checkstyle"] {
            for color in ["never", "always"] {
                let run = runCLI(["lint", "--format", format, "--color", color, "--fail-level", "info", tree.path("krakend.json")])
                XCTAssertTrue(run.stdout.contains("duplicate-key"), "\(format): the finding on the password's line is missing\n\(run.stdout)")
                XCTAssertFalse(run.stdout.contains(Self.password), "\(format) leaked the password:\n\(run.stdout)")
                XCTAssertFalse(run.stderr.contains(Self.password), "\(format) leaked the password on stderr")
            }
        }
        let text = runCLI(["lint", tree.path("krakend.json")]).stdout
        XCTAssertTrue(text.contains("\"password\": ********}}}]}]"), text)
    }
}
