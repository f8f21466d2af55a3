import NTLMProbe
import XCTest

final class TemplateRendererTests: XCTestCase {
    func testRendersEnvActionsFromTheInjectedEnvironment() throws {
        let text = #"{{ env "NTLM_DOMAIN" }}\{{env `NTLM_USER`}}"#
        let rendered = try TemplateRenderer.render(text, environment: ["NTLM_DOMAIN": "CORP", "NTLM_USER": "svc"])
        XCTAssertEqual(rendered, "CORP\\svc")
        XCTAssertEqual(TemplateRenderer.variableNames(in: text), ["NTLM_DOMAIN", "NTLM_USER"])
    }

    func testTrimMarkersAreAccepted() throws {
        XCTAssertEqual(try TemplateRenderer.render(#"{{- env "P" -}}"#, environment: ["P": "x"]), "x")
    }

    func testTextWithoutActionsIsUnchanged() throws {
        XCTAssertFalse(TemplateRenderer.isTemplate("plain { text }"))
        XCTAssertEqual(try TemplateRenderer.render("plain { text }", environment: [:]), "plain { text }")
    }

    func testAnUnsetVariableIsNamedInTheError() {
        XCTAssertThrowsError(try TemplateRenderer.render(#"{{ env "NTLM_PASSWORD" }}"#, environment: [:])) { error in
            XCTAssertEqual(error as? TemplateRenderer.Problem, .unsetVariable("NTLM_PASSWORD"))
            XCTAssertEqual("\(error)", "environment variable NTLM_PASSWORD is not set")
        }
    }

    func testAnEmptyVariableRendersEmptyLikeKrakenD() throws {
        XCTAssertEqual(try TemplateRenderer.render(#"{{ env "P" }}"#, environment: ["P": ""]), "")
    }

    func testUnsupportedActionsAreRefusedWithoutEchoingLiterals() {
        XCTAssertThrowsError(try TemplateRenderer.render(#"{{ "hunter2-literal" }}"#, environment: [:])) { error in
            XCTAssertFalse("\(error)".contains("hunter2"), "\(error)")
            XCTAssertTrue("\(error)".contains("not supported"), "\(error)")
        }
        XCTAssertThrowsError(try TemplateRenderer.render(#"{{ env "P" | toJson }}"#, environment: ["P": "x"])) { error in
            XCTAssertEqual(error as? TemplateRenderer.Problem, .unsupportedAction("env"))
        }
        XCTAssertThrowsError(try TemplateRenderer.render(#"{{ .settings.password }}"#, environment: [:])) { error in
            XCTAssertEqual(error as? TemplateRenderer.Problem, .unsupportedAction(".settings.password"))
        }
    }

    func testAnUnterminatedActionIsAnError() {
        XCTAssertThrowsError(try TemplateRenderer.render(#"{{ env "P" "#, environment: ["P": "x"])) { error in
            XCTAssertEqual(error as? TemplateRenderer.Problem, .unterminatedAction)
        }
    }
}
