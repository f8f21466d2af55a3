import ConfigTree
@testable import FlexibleConfig
import XCTest

/// Enterprise Extended Flexible Configuration: the behaviour file, recursive settings in several formats
/// merged into one tree, templates named by their path, partial folders, `undefined_vars`.
final class EnterpriseTests: XCTestCase {
    static let behaviour = """
        {
          "@comment": "annotations are allowed everywhere",
          "settings": {"paths": ["settings/common", "settings/dev"], "allow_overwrite": true},
          "templates": {"paths": ["templates"]},
          "partials": {"paths": ["partials"]}
        }
        """

    func testSettingsFoldersBecomeNestedKeysAndALaterPathOverridesKeyByKey() throws {
        let fixture = try ProjectFixture([
            "flexible_config.json": Self.behaviour,
            "settings/common/infra.yaml": "host: https://common.example\nport: 8080\n",
            "settings/dev/infra.yaml": "host: https://dev.example\n",
            "settings/common/endpoints/team-a/users.json": "{\"path\": \"/users\"}",
            "settings/common/service.env": "NAME=gateway\n",
            "settings/common/limits.ini": "[proxy]\nmax_rate = 50\n",
            "templates/service/components.tmpl": "{{ define \"service/components.tmpl\" }}\"name\": \"{{ .service.NAME }}\"{{ end }}",
            "krakend.tmpl": """
                {"host": "{{ .infra.host }}", "port": {{ .infra.port }}, "path": "{{ (index .endpoints "team-a").users.path }}", \
                {{ template "service/components.tmpl" . }}, "rate": "{{ .limits.proxy.max_rate }}"}
                """,
        ])
        defer { fixture.remove() }
        let project = try fixture.render(settings: nil, partials: nil, enterprise: "flexible_config.json")
        XCTAssertEqual(project.problems.map(\.message), [])
        XCTAssertEqual(
            project.output.map { String(decoding: $0.bytes, as: UTF8.self) },
            "{\"host\": \"https://dev.example\", \"port\": 8080, \"path\": \"/users\", \"name\": \"gateway\", \"rate\": \"50\"}"
        )
        let origin = try project.origin(of: "dev.example")
        XCTAssertEqual(project.place(origin.location), "settings/dev/infra.yaml:1:15")
    }

    func testARedefinitionWithoutAllowOverwriteIsAnErrorAtTheLaterFile() throws {
        let fixture = try ProjectFixture([
            "flexible_config.json": Self.behaviour.replacingOccurrences(of: "\"allow_overwrite\": true", with: "\"allow_overwrite\": false"),
            "settings/common/infra.yaml": "host: https://common.example\n",
            "settings/dev/infra.yaml": "host: https://dev.example\n",
            "krakend.tmpl": "{}",
        ])
        defer { fixture.remove() }
        let project = try fixture.render(settings: nil, partials: nil, enterprise: "flexible_config.json")
        XCTAssertNil(project.output)
        let problem = try XCTUnwrap(project.problems.first)
        XCTAssertEqual(problem.code, .settings)
        XCTAssertEqual(project.place(problem.location), "settings/dev/infra.yaml:1:7")
    }

    func testUndefinedVariablesAreAnErrorByDefault() throws {
        let fixture = try ProjectFixture([
            "flexible_config.json": "{\"settings\": {\"paths\": [\"settings\"]}}",
            "settings/service.json": "{\"name\": \"gw\"}",
            "krakend.tmpl": "{\"name\": \"{{ .service.title }}\"}",
        ])
        defer { fixture.remove() }
        let project = try fixture.render(settings: nil, partials: nil, enterprise: "flexible_config.json")
        XCTAssertNil(project.output)
        let problem = try XCTUnwrap(project.problems.first)
        XCTAssertEqual(problem.code, .execution)
        XCTAssertTrue(problem.message.contains("map has no entry for key \"title\""), problem.message)
    }

    func testTheBehaviourFileRejectsUnknownKeysAtTheirPlace() throws {
        let file = SourceFile(path: "fc.json", format: .json, text: "{\n  \"settings\": {\"path\": []},\n  \"outt\": \"x\"\n}")
        let parsed = EnterpriseConfig.parse(file)
        XCTAssertNil(parsed.config)
        XCTAssertEqual(parsed.problems.map { "\(file.position(ofOffset: $0.location.span.start))" }, ["2:16", "3:3"])
    }

    func testARefObjectIsReplacedByTheRenderedFileAndItsBytesKeepTheirOrigin() throws {
        let fixture = try ProjectFixture([
            "flexible_config.json": "{\"settings\": {\"paths\": [\"settings\"]}, \"ref_key\": \"$replace\"}",
            "settings/hosts.json": "{\"rabbit\": \"rabbit.internal\"}",
            "extended/krakend.tmpl": "{\"version\": 3, \"extra_config\": {\"$replace\": \"./extra.json\"}, \"$ref\": \"kept\"}",
            "extended/extra.json": "{\n  \"amqp\": \"amqp://guest@{{ .hosts.rabbit }}/\",\n  \"nested\": {\"$replace\": \"inner.json\"}\n}",
            "extended/inner.json": "{\"inner\": true}",
        ])
        defer { fixture.remove() }
        let project = try fixture.render("extended/krakend.tmpl", settings: nil, partials: nil, enterprise: "flexible_config.json")
        XCTAssertEqual(project.problems.map(\.message), [])
        XCTAssertEqual(
            project.output.map { String(decoding: $0.bytes, as: UTF8.self) },
            "{\"version\": 3, \"extra_config\": {\n  \"amqp\": \"amqp://guest@rabbit.internal/\",\n  \"nested\": {\"inner\": true}\n}, \"$ref\": \"kept\"}"
        )
        XCTAssertEqual(project.place(try project.origin(of: "amqp").location), "extended/extra.json:2:4")
        XCTAssertEqual(project.place(try project.origin(of: "rabbit.internal").location), "settings/hosts.json:1:13")
        XCTAssertEqual(project.place(try project.origin(of: "inner").location), "extended/inner.json:1:3")
        XCTAssertEqual(project.place(try project.origin(of: "kept").location), "extended/krakend.tmpl:1:71")
    }

    func testAReferenceCycleIsAnError() throws {
        let fixture = try ProjectFixture([
            "flexible_config.json": "{}",
            "krakend.tmpl": "{\"a\": {\"$ref\": \"a.json\"}}",
            "a.json": "{\"b\": {\"$ref\": \"a.json\"}}",
        ])
        defer { fixture.remove() }
        let project = try fixture.render(settings: nil, partials: nil, enterprise: "flexible_config.json")
        XCTAssertNil(project.output)
        XCTAssertEqual(project.problems.map(\.code), [.reference])
    }

    func testCommunityEditionKeepsRefObjectsAsTheyAre() throws {
        let fixture = try ProjectFixture(["krakend.tmpl": "{\"a\": {\"$ref\": \"a.json\"}}", "a.json": "{}"])
        defer { fixture.remove() }
        let project = try fixture.render(settings: nil, partials: nil)
        XCTAssertEqual(project.output.map { String(decoding: $0.bytes, as: UTF8.self) }, "{\"a\": {\"$ref\": \"a.json\"}}")
    }
}
