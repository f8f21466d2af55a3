import ConfigTree
@testable import FlexibleConfig
import XCTest

/// Enterprise's `.meta` variable (renamed by `meta_key`): its layout is not public, so every use of it is an
/// error at the action that uses it, never a silent `<no value>` or an invented tree.
final class EnterpriseMetaTests: XCTestCase {
    private func render(_ template: String, behaviour: String = "{\"settings\": {\"paths\": [\"settings\"]}}",
                        settings: [String: String] = ["settings/service.json": "{\"port\": 8080}"]) throws -> RenderedProject {
        var files = settings
        files["flexible_config.json"] = behaviour
        files["krakend.tmpl"] = template
        let fixture = try ProjectFixture(files)
        defer { fixture.remove() }
        return try fixture.render(settings: nil, partials: nil, enterprise: "flexible_config.json")
    }

    func testAFieldOfMetaIsAnErrorAtTheAction() throws {
        let project = try render("{\"port\": {{ .service.port }},\n \"files\": [{{ range .meta.files }}{{ . }}{{ end }}]}")
        XCTAssertNil(project.output)
        let problem = try XCTUnwrap(project.problems.first)
        XCTAssertEqual(project.problems.count, 1)
        XCTAssertEqual(problem.code, .execution)
        XCTAssertEqual(problem.severity, .error)
        XCTAssertEqual(project.place(problem.location), "krakend.tmpl:2:26")
        XCTAssertTrue(problem.message.contains("layout is not public"), problem.message)
    }

    func testPrintingMetaIsAnErrorAtTheActionThatPrintedIt() throws {
        let project = try render("{\"port\": {{ .service.port }},\n \"tree\": \"{{ .meta }}\", \"json\": {{ marshal .meta }}}")
        XCTAssertNil(project.output)
        XCTAssertEqual(project.problems.map(\.code), [.execution, .execution])
        XCTAssertEqual(project.problems.map { project.place($0.location) }, ["krakend.tmpl:2:11", "krakend.tmpl:2:33"])
        XCTAssertTrue(project.problems.allSatisfy { $0.message.contains("this action prints .meta") }, "\(project.problems.map(\.message))")
    }

    func testMetaKeyRenamesTheVariable() throws {
        let behaviour = "{\"settings\": {\"paths\": [\"settings\"]}, \"meta_key\": \"tree\"}"
        let renamed = try render("{{ .tree.files }}", behaviour: behaviour)
        XCTAssertNil(renamed.output)
        XCTAssertTrue(renamed.problems.first?.message.contains(".tree is Enterprise's tree") == true, "\(renamed.problems.map(\.message))")
        let old = try render("{{ .meta }}", behaviour: behaviour)
        XCTAssertNil(old.output)
        XCTAssertTrue(old.problems.first?.message.contains("no entry for key") == true, "\(old.problems.map(\.message))")
    }

    func testASettingsFileNamedLikeTheMetaKeyKeepsItsData() throws {
        let project = try render("{{ .meta.owner }}", settings: ["settings/meta.json": "{\"owner\": \"team-a\"}"])
        XCTAssertEqual(project.problems.map(\.message), [])
        XCTAssertEqual(project.output.map { String(decoding: $0.bytes, as: UTF8.self) }, "team-a")
    }

    func testAProjectThatDoesNotUseMetaRendersAsBefore() throws {
        let project = try render("{\"port\": {{ .service.port }}}")
        XCTAssertEqual(project.problems.map(\.message), [])
        XCTAssertEqual(project.output.map { String(decoding: $0.bytes, as: UTF8.self) }, "{\"port\": 8080}")
    }
}
