import ConfigTree
@testable import FlexibleConfig
import XCTest

/// Every way a project goes wrong is a problem at the place that caused it, where KrakenD only logs a line
/// and falls back to the raw file, or renders without a word.
final class ProblemTests: XCTestCase {
    private func render(_ files: [String: String], templates: String? = nil) throws -> RenderedProject {
        let fixture = try ProjectFixture(files)
        defer { fixture.remove() }
        return try fixture.render(templates: templates)
    }

    func testAParseErrorIsPlacedOnItsLineWithGoWords() throws {
        let project = try render(["krakend.tmpl": "{\n  \"a\": {{ .a }},\n  \"b\": {{ if .b }}\n}\n", "settings/a.json": "{}"])
        XCTAssertNil(project.output)
        let problem = try XCTUnwrap(project.problems.first)
        XCTAssertEqual(problem.code, .parse)
        XCTAssertTrue(problem.message.contains("unexpected EOF"), problem.message)
        XCTAssertTrue(project.place(problem.location).hasPrefix("krakend.tmpl:"), project.place(problem.location))
    }

    func testAHelmFunctionIsAParseErrorWithAHint() throws {
        let project = try render(["krakend.tmpl": "{\n  \"a\": {{ toYaml .a }}\n}\n", "settings/a.json": "{}"])
        let problem = try XCTUnwrap(project.problems.first)
        XCTAssertEqual(problem.code, .parse)
        XCTAssertTrue(problem.message.contains("function \"toYaml\" not defined"), problem.message)
        XCTAssertEqual(project.place(problem.location), "krakend.tmpl:2:11", "at the unknown name, where Go gives only the line")
        XCTAssertTrue(problem.hint?.contains("Helm") == true)
    }

    func testAHyphenatedKeyGetsTheIndexHint() throws {
        let project = try render(["krakend.tmpl": "{{ .api-gw.host }}", "settings/a.json": "{}"])
        let problem = try XCTUnwrap(project.problems.first)
        XCTAssertTrue(problem.message.contains("bad character U+002D '-'"), problem.message)
        XCTAssertTrue(problem.hint?.contains("index") == true)
    }

    func testAnExecutionErrorInASubTemplateIsPlacedInThatFile() throws {
        let project = try render([
            "krakend.tmpl": "{{ template \"e.tmpl\" . }}",
            "templates/e.tmpl": "{{ define \"e.tmpl\" }}\n  {{ .service.port.number }}\n{{ end }}",
            "settings/service.json": "{\"port\": 8080}",
        ], templates: "templates")
        let problem = try XCTUnwrap(project.problems.first)
        XCTAssertEqual(problem.code, .execution)
        XCTAssertTrue(problem.message.contains("can't evaluate field number"), problem.message)
        XCTAssertTrue(project.place(problem.location).hasPrefix("templates/e.tmpl:2:"), project.place(problem.location))
    }

    func testASettingsFileThatIsNotAnObjectStopsTheRenderAtItsValue() throws {
        let project = try render(["krakend.tmpl": "{}", "settings/hosts.json": "\n  [\"https://a\"]\n"])
        XCTAssertNil(project.output)
        let problem = try XCTUnwrap(project.problems.first)
        XCTAssertEqual(problem.code, .settings)
        XCTAssertEqual(project.place(problem.location), "settings/hosts.json:2:3")
        XCTAssertTrue(problem.message.contains("an array"), problem.message)
    }

    func testASettingsFileWithATrailingCommaIsPlacedAtTheComma() throws {
        let project = try render(["krakend.tmpl": "{}", "settings/spot.json": "{\n  \"a\": 1,\n}\n"])
        let problem = try XCTUnwrap(project.problems.first)
        XCTAssertEqual(problem.code, .settings)
        XCTAssertEqual(project.place(problem.location), "settings/spot.json:2:9")
    }

    func testAMissingTemplatesFolderStopsTheRender() throws {
        let project = try render(["krakend.tmpl": "{}", "settings/a.json": "{}"], templates: "nodir")
        XCTAssertNil(project.output)
        XCTAssertEqual(project.problems.map(\.code), [.templates])
        XCTAssertTrue(project.problems[0].message.contains("nodir"))
    }

    func testAMissingSettingsFolderStopsTheRender() throws {
        let fixture = try ProjectFixture(["krakend.tmpl": "{}"])
        defer { fixture.remove() }
        let project = try fixture.render(settings: "nowhere")
        XCTAssertNil(project.output)
        XCTAssertEqual(project.problems.map(\.code), [.settings])
    }

    func testAMissingPartialIsAWarningAtTheIncludeWithTheCount() throws {
        let project = try render([
            "krakend.tmpl": "[{{ range .list.items }}\n  {{ include \"Headers.json\" }}{{ end }}]",
            "settings/list.json": "{\"items\": [1, 2, 3]}",
            "partials/headers.json": "{}",
        ])
        XCTAssertNotNil(project.output)
        XCTAssertEqual(project.problems.count, 1)
        let problem = try XCTUnwrap(project.problems.first)
        XCTAssertEqual(problem.code, .missingPartial)
        XCTAssertEqual(problem.severity, .warning)
        XCTAssertEqual(project.place(problem.location), "krakend.tmpl:2:6")
        XCTAssertTrue(problem.message.contains("(3 times)"), problem.message)
    }

    func testNoValueInTheOutputIsAWarningAtTheActionThatPrintedIt() throws {
        let project = try render([
            "krakend.tmpl": "{\n  \"name\": \"{{ .service.title }}\"\n}",
            "settings/service.json": "{\"name\": \"gw\"}",
        ])
        XCTAssertEqual(project.output.map { String(decoding: $0.bytes, as: UTF8.self) }, "{\n  \"name\": \"<no value>\"\n}")
        let problem = try XCTUnwrap(project.problems.first)
        XCTAssertEqual(problem.code, .noValue)
        XCTAssertEqual(project.place(problem.location), "krakend.tmpl:2:12")
        XCTAssertEqual(problem.notes.first.map { project.place($0.location) }, "krakend.tmpl (rendered):2:12")
    }

    func testAFormatErrorInTheOutputIsAWarningAtItsAction() throws {
        let project = try render(["krakend.tmpl": "{\"port\": {{ printf \"%d\" .service.name }}}", "settings/service.json": "{\"name\": \"gw\"}"])
        XCTAssertEqual(project.output.map { String(decoding: $0.bytes, as: UTF8.self) }, "{\"port\": %!d(string=gw)}")
        let problem = try XCTUnwrap(project.problems.first)
        XCTAssertEqual(problem.code, .formatError)
        XCTAssertTrue(problem.message.contains("%!d(string=gw)"), problem.message)
        XCTAssertEqual(project.place(problem.location), "krakend.tmpl:1:10")
    }
}
