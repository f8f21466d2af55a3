import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Findings
import Reporting
import XCTest

/// The JUnit output is well-formed XML with the structure CI test views expect.
final class JUnitParsingTests: XCTestCase {
    private func parse(_ xml: String) throws -> XMLDocument {
        try XMLDocument(data: Data(xml.utf8), options: [])
    }

    func testOneSuitePerFileAndOneCasePerRuleOrCleanFile() throws {
        let xml = JUnitReporter(paths: ReportFixtures.paths).render(ReportFixtures.run)
        let document = try parse(xml)
        let root = try XCTUnwrap(document.rootElement())
        XCTAssertEqual(root.name, "testsuites")
        let suites = root.elements(forName: "testsuite")
        XCTAssertEqual(suites.map { $0.attribute(forName: "name")?.stringValue }, [
            "gateway/krakend.json", "gateway/clean.yaml", "gateway/odd name,v2.json", "legacy/broken.json",
        ])
        let gateway = suites[0]
        let cases = gateway.elements(forName: "testcase")
        XCTAssertEqual(cases.compactMap { $0.attribute(forName: "name")?.stringValue }, ["ntlm/domain-in-user", "ntlm/plaintext-password", "secret/in-url"])
        XCTAssertEqual(gateway.attribute(forName: "tests")?.stringValue, "3")
        XCTAssertEqual(gateway.attribute(forName: "failures")?.stringValue, "1", "at the default fail level only errors fail")
        let plaintext = cases[1].elements(forName: "failure")
        XCTAssertEqual(plaintext.count, 1)
        XCTAssertEqual(plaintext[0].attribute(forName: "type")?.stringValue, "error")
        XCTAssertTrue(plaintext[0].stringValue?.contains("gateway/krakend.json:9:") ?? false, plaintext[0].stringValue ?? "")
        XCTAssertTrue(plaintext[0].attribute(forName: "message")?.stringValue?.hasPrefix("2 findings") ?? false)

        let clean = suites[1].elements(forName: "testcase")
        XCTAssertEqual(clean.count, 1)
        XCTAssertTrue(clean[0].elements(forName: "failure").isEmpty, "a clean file is a passing test case")
        XCTAssertEqual(root.attribute(forName: "tests")?.stringValue, "6")
        XCTAssertEqual(root.attribute(forName: "failures")?.stringValue, "2")
    }

    /// Findings below a file's fail level do not fail its test cases (they would not fail the exit code
    /// either); they are kept as the passing case's output.
    func testOnlyFindingsAtOrAboveTheFailLevelAreFailures() throws {
        let warningLevel = try parse(JUnitReporter(paths: ReportFixtures.paths).render(Self.run(failLevel: .warning)))
        XCTAssertEqual(warningLevel.rootElement()?.attribute(forName: "failures")?.stringValue, "4")
        let gateway = try XCTUnwrap(warningLevel.rootElement()?.elements(forName: "testsuite").first)
        let domain = try XCTUnwrap(gateway.elements(forName: "testcase").first { $0.attribute(forName: "name")?.stringValue == "ntlm/domain-in-user" })
        XCTAssertTrue(domain.elements(forName: "failure").isEmpty, "an info finding passes at fail level warning")
        XCTAssertTrue(domain.elements(forName: "system-out").first?.stringValue?.contains("info: user already names a domain") ?? false)
        let none = try parse(JUnitReporter(paths: ReportFixtures.paths).render(Self.run(failLevel: FailLevel.none)))
        XCTAssertEqual(none.rootElement()?.attribute(forName: "failures")?.stringValue, "0")
        let info = try parse(JUnitReporter(paths: ReportFixtures.paths).render(Self.run(failLevel: .info)))
        XCTAssertEqual(info.rootElement()?.attribute(forName: "failures")?.stringValue, "5")
    }

    static func run(failLevel: FailLevel) -> Run {
        var run = ReportFixtures.run
        for index in run.reports.indices { run.reports[index].failLevel = failLevel }
        return run
    }

    func testMarkupAndLineBreaksInMessagesSurviveEscaping() throws {
        let document = try parse(JUnitReporter(paths: ReportFixtures.paths).render(Self.run(failLevel: .info)))
        let suite = try XCTUnwrap(document.rootElement()?.elements(forName: "testsuite").first)
        let inURL = try XCTUnwrap(suite.elements(forName: "testcase").first { $0.attribute(forName: "name")?.stringValue == "secret/in-url" })
        let failure = try XCTUnwrap(inURL.elements(forName: "failure").first)
        XCTAssertEqual(failure.attribute(forName: "message")?.stringValue,
                       "the query string repeats the NTLM password ********: 100% visible, in logs, <everywhere> & \"always\"")
        let domain = try XCTUnwrap(suite.elements(forName: "testcase").first { $0.attribute(forName: "name")?.stringValue == "ntlm/domain-in-user" })
        XCTAssertEqual(domain.elements(forName: "failure").first?.attribute(forName: "message")?.stringValue,
                       "user already names a domain (CORP\\svc), so domain is ignored,\nby KrakenD")
    }

    func testCharactersXMLCannotHoldAreReplaced() throws {
        let escaped = XMLText.escapeAttribute("bell\u{07} and <tag> & \"quote\"")
        XCTAssertEqual(escaped, "bell\u{FFFD} and &lt;tag&gt; &amp; &quot;quote&quot;")
        _ = try parse("<a b=\"\(escaped)\">\(XMLText.escapeContent("x\u{0}y < z"))</a>")
    }

    func testCheckstyleOutputParsesToo() throws {
        let document = try parse(CheckstyleReporter(paths: ReportFixtures.paths).render(ReportFixtures.run))
        let files = try XCTUnwrap(document.rootElement()).elements(forName: "file")
        XCTAssertEqual(files.count, 4)
        XCTAssertEqual(files[0].elements(forName: "error").count, 4)
        XCTAssertEqual(files[0].elements(forName: "error").first?.attribute(forName: "source")?.stringValue, "krakenlint.secret/in-url")
    }
}
