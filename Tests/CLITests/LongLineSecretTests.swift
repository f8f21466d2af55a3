import XCTest

/// A minified configuration puts everything on one line: every copy of a secret on it is still masked in every
/// format. (Found by the lint fuzz target: masking copies used to search every suffix of the line, so a line of
/// a few hundred bytes with several secrets took seconds to report, and a minified file of megabytes for ever.)
final class LongLineSecretTests: XCTestCase {
    static let password = "Tr0ub4dor&3-long-line"

    func testEveryCopyOnAMinifiedLineIsMasked() throws {
        let backend = #"{"url_pattern": "/p", "host": ["https://svc:\#(Self.password)@erp.internal"], "extra_config": {"auth/ntlm": {"user": "CORP\\svc", "password": "\#(Self.password)"}}}"#
        let endpoints = (0..<30).map { #"{"endpoint": "/e\#($0)", "backend": [\#(backend)]}"# }
        let config = #"{"version": 3, "timeuot": "3s", "endpoints": ["# + endpoints.joined(separator: ",") + "]}"
        let tree = try TemporaryTree(["krakend.json": config])
        for format in ["text", "json", "sarif", "github", "junit", "checkstyle"] {
            let run = runCLI(["lint", "--format", format, "--fail-level", "info", tree.path("krakend.json")])
            XCTAssertTrue(run.stdout.contains("timeuot"), "\(format): the finding is missing\n\(run.stdout.prefix(2000))")
            XCTAssertFalse(run.stdout.contains(Self.password), "\(format) leaked the password")
            XCTAssertFalse(run.stdout.contains("Tr0ub4dor"), "\(format) leaked part of the password")
        }
        let text = runCLI(["lint", tree.path("krakend.json")]).stdout
        XCTAssertTrue(text.contains("\"password\": ********}}}]}"), String(text.prefix(3000)))
    }
}

/// A line longer than an excerpt made only of UTF-8 continuation bytes has no character boundary to cut at.
/// (Found by the lint fuzz target: the excerpt's end walked back past the start of the file and trapped.)
final class InvalidUTF8ExcerptTests: XCTestCase {
    func testALongLineOfContinuationBytesIsReportedWithoutCrashing() throws {
        let tree = try TemporaryTree(["k.json": ""])
        let bytes = [UInt8](repeating: 0x86, count: 90) + [UInt8](repeating: 0xAE, count: 80) + Array("nt\": -0\n\"domain\": null\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: tree.path("k.json")))
        for format in ["text", "sarif", "json"] {
            let run = runCLI(["lint", "--format", format, tree.path("k.json")])
            XCTAssertEqual(run.status, 2, "\(format): \(run.stderr)")
            XCTAssertTrue(run.stdout.contains("UTF-8"), "\(format): the encoding error is missing\n\(run.stdout)")
        }
    }
}
