import ConfigTree
import Foundation
@testable import FlexibleConfig
import XCTest

/// Enterprise TOML settings: read with the Go types go-toml v2 decodes into `interface{}`, so that a template
/// prints them as Go would; syntax errors at their line and column; values whose origin is the file.
final class TOMLSettingsTests: XCTestCase {
    private func render(_ toml: String, _ template: String, name: String = "service.toml") throws -> RenderedProject {
        let fixture = try ProjectFixture([
            "flexible_config.json": "{\"settings\": {\"paths\": [\"settings\"]}}",
            "settings/\(name)": toml,
            "krakend.tmpl": template,
        ])
        defer { fixture.remove() }
        return try fixture.render(settings: nil, partials: nil, enterprise: "flexible_config.json")
    }

    private func output(_ project: RenderedProject) -> String? {
        project.output.map { String(decoding: $0.bytes, as: UTF8.self) }
    }

    func testIntegersAreInt64AndPrintEveryDigitWhereFloat64WouldRound() throws {
        let project = try render(
            "big = 9007199254740993\nsmall = -42\nmillion = 1_000_000\n",
            "{{ .service.big }} {{ printf \"%T\" .service.big }} {{ .service.small }} {{ .service.million }} {{ add .service.big 1 }}"
        )
        XCTAssertEqual(project.problems.map(\.message), [])
        XCTAssertEqual(output(project), "9007199254740993 int64 -42 1000000 9007199254740994")
    }

    func testFloatsAreFloat64AndPrintAsGoPrintsThem() throws {
        let project = try render(
            "ratio = 1.5\nbig = 1e6\nexact = 3.0\nlimit = inf\n",
            "{{ .service.ratio }} {{ .service.big }} {{ .service.exact }} {{ printf \"%T\" .service.exact }} {{ .service.limit }}"
        )
        XCTAssertEqual(project.problems.map(\.message), [])
        XCTAssertEqual(output(project), "1.5 1e+06 3 float64 +Inf")
    }

    func testTablesAndArraysBecomeMapsAndListsThatMarshalLikeGo() throws {
        let project = try render(
            "name = \"gw\"\ntls = true\nhosts = [\"a\", \"b\"]\n[backend]\nport = 8080\nweights = [1, 2.5]\n[backend.extra]\n\"a-b\" = \"<x>\"\n",
            "{{ marshal .service }}|{{ range .service.hosts }}{{ . }};{{ end }}|{{ printf \"%T\" .service.hosts }}"
        )
        XCTAssertEqual(project.problems.map(\.message), [])
        XCTAssertEqual(
            output(project),
            "{\"backend\":{\"extra\":{\"a-b\":\"\\u003cx\\u003e\"},\"port\":8080,\"weights\":[1,2.5]},\"hosts\":[\"a\",\"b\"],\"name\":\"gw\",\"tls\":true}"
                + "|a;b;|[]interface {}"
        )
    }

    func testOffsetDateTimesAreGoTimesInUTCOrAFixedZone() throws {
        let project = try render(
            "utc = 1979-05-27T07:32:00Z\nwest = 1979-05-27T00:32:00.999999-07:00\n",
            "{{ .service.utc }}|{{ .service.west }}|{{ marshal .service.west }}|{{ printf \"%T\" .service.utc }}|{{ .service.utc.Year }}"
        )
        XCTAssertEqual(project.problems.map(\.message), [])
        XCTAssertEqual(
            output(project),
            "1979-05-27 07:32:00 +0000 UTC|1979-05-27 00:32:00.999999 -0700 -0700|\"1979-05-27T00:32:00.999999-07:00\"|time.Time|1979"
        )
    }

    func testLocalDatesAndTimesPrintTheirTextForm() throws {
        let project = try render(
            "day = 1979-05-27\nclock = 07:32:00.5\nwhen = 1979-05-27T07:32:00\n",
            "{{ .service.day }}|{{ .service.clock }}|{{ .service.when }}|{{ marshal .service.day }}|{{ printf \"%T\" .service.day }}|{{ .service.day.Month }}"
        )
        XCTAssertEqual(project.problems.map(\.message), [])
        XCTAssertEqual(output(project), "1979-05-27|07:32:00.5|1979-05-27T07:32:00|\"1979-05-27\"|toml.LocalDate|5")
    }

    func testDottedKeysAndArraysOfTablesNestAsInGo() throws {
        let project = try render(
            "a.b.c = 1\n[[backends]]\nhost = \"x\"\n[[backends]]\nhost = \"y\"\n",
            "{{ .service.a.b.c }}|{{ range .service.backends }}{{ .host }};{{ end }}|{{ printf \"%T\" .service.backends }}"
        )
        XCTAssertEqual(project.problems.map(\.message), [])
        XCTAssertEqual(output(project), "1|x;y;|[]interface {}")
    }

    func testNestingBeyondTheParsersDepthIsAnErrorNotACrash() throws {
        let project = try render("a = " + String(repeating: "[", count: 5000) + "\n", "{{ .service.a }}")
        XCTAssertNil(project.output)
        let problem = try XCTUnwrap(project.problems.first)
        XCTAssertEqual(project.place(problem.location), "settings/service.toml:1:261")
        XCTAssertTrue(problem.message.contains("nested"), problem.message)
    }

    func testTheTMLSuffixIsTOMLToo() throws {
        let project = try render("port = 8080\n", "{{ .service.port }}", name: "service.tml")
        XCTAssertEqual(project.problems.map(\.message), [])
        XCTAssertEqual(output(project), "8080")
    }

    func testASyntaxErrorIsReportedAtItsLineAndColumn() throws {
        let project = try render("name = \"gw\"\nport = \n", "{{ .service.port }}")
        XCTAssertNil(project.output)
        let problem = try XCTUnwrap(project.problems.first)
        XCTAssertEqual(problem.code, .settings)
        XCTAssertEqual(problem.severity, .error)
        XCTAssertEqual(project.place(problem.location), "settings/service.toml:2:8")
        XCTAssertTrue(problem.message.contains("is not valid TOML"), problem.message)
    }

    func testAFileThatIsNotUTF8IsAnErrorAtTheFirstBadByte() throws {
        let fixture = try ProjectFixture([
            "flexible_config.json": "{\"settings\": {\"paths\": [\"settings\"]}}",
            "krakend.tmpl": "{}",
        ])
        defer { fixture.remove() }
        let bad = Data("name = \"g".utf8) + Data([0xFF]) + Data("\"\n".utf8)
        try FileManager.default.createDirectory(at: fixture.folder.appendingPathComponent("settings"), withIntermediateDirectories: true)
        try bad.write(to: fixture.folder.appendingPathComponent("settings/service.toml"))
        let project = try fixture.render(settings: nil, partials: nil, enterprise: "flexible_config.json")
        XCTAssertNil(project.output)
        let problem = try XCTUnwrap(project.problems.first)
        XCTAssertEqual(problem.location.span.start, 9)
        XCTAssertTrue(problem.message.contains("UTF-8"), problem.message)
    }

    func testAValueFromTOMLNamesItsFileAndKeyPathButNoLine() throws {
        let project = try render("[backend]\nhost = \"https://toml.example\"\n", "{\"host\": \"{{ .service.backend.host }}\"}")
        XCTAssertEqual(project.problems.map(\.message), [])
        let origin = try project.origin(of: "toml.example")
        XCTAssertEqual(project.place(origin.location), "settings/service.toml:1:1")
        XCTAssertEqual(origin.location.span, Span(at: 0))
        XCTAssertEqual(origin.notes.map(\.message), ["printed by this action"])
    }
}
