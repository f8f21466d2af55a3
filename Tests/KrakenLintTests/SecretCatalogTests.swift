import ConfigTree
@testable import KrakenLint
import XCTest

/// The secret catalog, the URL and template helpers, and the fallback for files that cannot be parsed.
final class SecretCatalogTests: XCTestCase {
    private func service(_ json: String) throws -> ServiceView {
        let result = ConfigLoader.load(SourceFile(path: "t.json", format: .json, text: json))
        return ServiceModel().service(try XCTUnwrap(result.root, "\(result.issues)"))
    }

    func testSecretsAreFoundInArraysMapsNestedObjectsAndHostURLs() throws {
        let service = try service("""
            {"version": 3, "host": ["amqp://u:root-pw@rabbit:5672"],
             "extra_config": {
               "redis": {"connection_pools": [{"name": "a", "password": "pool-one"}, {"name": "b", "password": "pool-two"}]},
               "auth/basic": {"users": {"admin": "basic-pw"}},
               "telemetry/opencensus": {"exporters": {"xray": {"secret_access_key": "aws-secret"}}}},
             "endpoints": [{"endpoint": "/a", "backend": [{"host": ["https://b"], "url_pattern": "/",
               "extra_config": {"auth/ntlm": {"user": "svc", "password": 1234, "pass": "misspelt-pw"}}}]}]}
            """)
        let found = SecretCatalog.secrets(in: service)
        let values = ["root-pw", "pool-one", "pool-two", "basic-pw", "aws-secret", "1234", "misspelt-pw"]
        for value in values {
            XCTAssertTrue(found.contains { $0.matches(value) }, "\(value) is not collected")
        }
        XCTAssertEqual(found.count, values.count)
    }

    func testRepeatedKeysKeepBothValuesSecret() throws {
        let service = try service("""
            {"version": 3, "endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/",
              "extra_config": {"auth/ntlm": {"user": "svc", "password": "first-pw", "password": "second-pw"}}}]}]}
            """)
        let found = SecretCatalog.secrets(in: service)
        XCTAssertTrue(found.contains { $0.matches("first-pw") })
        XCTAssertTrue(found.contains { $0.matches("second-pw") })
    }

    func testTemplatesAndEmptyValuesAreNotSecrets() throws {
        let service = try service("""
            {"version": 3, "endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/",
              "extra_config": {"auth/ntlm": {"user": "svc", "password": "{{ env `NTLM_PASSWORD` }}"},
                               "auth/client-credentials": {"client_id": "c", "client_secret": "", "token_url": "https://t"}}}]}]}
            """)
        XCTAssertTrue(SecretCatalog.secrets(in: service).isEmpty)
    }

    func testEveryFieldHasALabelAndAVariable() {
        for field in SecretCatalog.fields {
            XCTAssertFalse(field.label.isEmpty, field.pathText)
            XCTAssertTrue(field.variable.allSatisfy { $0.isUppercase || $0.isNumber || $0 == "_" }, field.variable)
        }
        XCTAssertEqual(SecretCatalog.Field(namespace: "x", path: ["exporters", "influxdb", "password"]).pathText, "exporters.influxdb.password")
        XCTAssertEqual(SecretCatalog.fields.first { $0.namespace == "redis" }?.pathText, "connection_pools[].password")
    }

    func testUnreadableFilesMaskTheRestOfSecretLines() {
        let json = SourceFile(path: "b.json", format: .json, text: "{\"auth/ntlm\": {\n  \"password\": \"half-open-pw,\n  \"user\": \"svc\"\n")
        let jsonSecrets = SecretCatalog.secrets(inUnreadable: json)
        XCTAssertEqual(jsonSecrets.count, 1)
        let start = jsonSecrets.first.map { json.position(ofOffset: $0.span.start) }
        XCTAssertEqual(start?.line, 2)
        XCTAssertEqual(start?.column, 15)
        XCTAssertTrue(jsonSecrets.first?.matches("half-open-pw") ?? false)

        let yaml = SourceFile(path: "b.yaml", format: .yaml, text: "sasl:\n  password: \"yaml-pw\n  client_secret: other-pw\n  allow_credentials: true\n")
        let yamlSecrets = SecretCatalog.secrets(inUnreadable: yaml)
        XCTAssertEqual(yamlSecrets.count, 2)
        XCTAssertTrue(yamlSecrets.contains { $0.matches("yaml-pw") })
        XCTAssertTrue(yamlSecrets.contains { $0.matches("other-pw") })
    }

    func testUnreadableMinifiedLinesMaskEveryQuotedSecretWithoutOverlap() {
        let text = #"{"a": {"password": "one-pw", "user": "svc"}, "b": {"client_secret": "two\"pw", "password": "three-pw"}, "c": "#
        let file = SourceFile(path: "m.json", format: .json, text: text)
        let secrets = SecretCatalog.secrets(inUnreadable: file)
        XCTAssertEqual(secrets.count, 3)
        XCTAssertTrue(secrets[0].matches("one-pw"))
        XCTAssertTrue(secrets[1].matches(#"two\"pw"#))
        XCTAssertTrue(secrets[2].matches("three-pw"))
        for (left, right) in zip(secrets, secrets.dropFirst()) {
            XCTAssertLessThanOrEqual(left.span.end, right.span.start)
        }
        XCTAssertEqual(file.position(ofOffset: secrets[0].span.start).column, 20)
        XCTAssertEqual(secrets[0].span.end - secrets[0].span.start, 8)
    }

    func testURLPasswordsAreFoundOnlyInTheUserInfo() {
        XCTAssertEqual(URLCredentials.password(in: "amqp://guest:s3cret@rabbit:5672/"), "s3cret")
        XCTAssertEqual(URLCredentials.password(in: "amqp://user:p@ss@rabbit"), "p@ss")
        XCTAssertNil(URLCredentials.password(in: "amqp://guest@rabbit:5672"))
        XCTAssertNil(URLCredentials.password(in: "https://host/path:x@y"))
        XCTAssertNil(URLCredentials.password(in: "host:8080"))
        XCTAssertEqual(URLCredentials.withoutUserInfo("http://svc:pw@crm.local:80/x"), "http://********@crm.local:80/x")
        XCTAssertEqual(URLCredentials.withoutUserInfo("https://crm.local"), "https://crm.local")
    }

    func testPasswordLikeKeysAreRecognisedWhateverTheirCaseOrScript() {
        for key in ["pass", "Password", "USER_PWD", "client-Secret", "xpAsSx", "contraseña_pass", "ÜBER_PWD"] {
            XCTAssertTrue(SecretCatalog.looksLikePasswordKey(key), key)
        }
        for key in ["user", "domain", "pas", "p_wd", "secre", "", "contraseña", "PAß"] {
            XCTAssertFalse(SecretCatalog.looksLikePasswordKey(key), key)
        }
    }

    func testTemplatesAndVariableReferencesAreRecognised() {
        XCTAssertTrue(FlexibleConfigTemplate.isTemplate("{{ env `NTLM_PASSWORD` }}"))
        XCTAssertTrue(FlexibleConfigTemplate.isTemplate("prefix-{{ .settings.pw }}"))
        XCTAssertFalse(FlexibleConfigTemplate.isTemplate("{{ not closed"))
        XCTAssertFalse(FlexibleConfigTemplate.isTemplate("{{}"), "the closing pair must follow the opening one")
        XCTAssertFalse(FlexibleConfigTemplate.isTemplate("}} {{"))
        XCTAssertFalse(FlexibleConfigTemplate.isTemplate("{ {x} }"))
        XCTAssertTrue(FlexibleConfigTemplate.isTemplate("{{}}"))
        XCTAssertTrue(FlexibleConfigTemplate.isTemplate("ñ{{{ .x }}}é"))
        XCTAssertTrue(FlexibleConfigTemplate.isVariableReference("${NTLM_PASSWORD}"))
        XCTAssertTrue(FlexibleConfigTemplate.isVariableReference("$NTLM_PASSWORD"))
        XCTAssertTrue(FlexibleConfigTemplate.isVariableReference("%NTLM_PASSWORD%"))
        XCTAssertFalse(FlexibleConfigTemplate.isVariableReference("$ecret1"))
        XCTAssertFalse(FlexibleConfigTemplate.isVariableReference("$"))
        XCTAssertFalse(FlexibleConfigTemplate.isVariableReference("100%"))
    }
}
