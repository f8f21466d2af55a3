import ConfigTree
import Foundation
import KrakenLint
import Reporting

/// A fixed lint run built by hand (no reader involved), so the golden files test the reporters alone.
enum ReportFixtures {
    static let secret = "Sup3r-Secret!"
    static let root = "/work/project"
    static let paths = ArtifactPath(root: root, currentDirectory: root)

    static let gatewayText = """
        {
          "version": 3,
          "endpoints": [{
            "endpoint": "/orders",
            "backend": [{
              "host": ["https://erp.internal"],
              "url_pattern": "/orders?pw=\(secret)",
              "extra_config": {
                "auth/ntlm": {"user": "CORP\\\\svc", "password": "\(secret)", "domain": "CORP"}
              }
            }]
          }]
        }

        """

    static let oddText = "{\n\t\"name\": \"café ☕\", \"timeout\": \"3 s\"\n}\n"

    /// Descriptions for the rule ids the fixtures use (the SARIF driver of the golden file).
    static let rules: [RuleDescriptor] = [
        ("ntlm/domain-in-user", Severity.info), ("ntlm/plaintext-password", .error), ("schema/type", .error),
        ("secret/in-url", .warning), ("syntax", .error),
    ].map { id, severity in
        RuleDescription(id: id, severity: severity, summary: "Summary of \(id)", explanation: "Why \(id) matters.",
                        fix: "How to fix \(id).", triggering: [], nonTriggering: []).descriptor
    }

    static var run: Run { Run(reports: [gateway, clean, odd, broken], toolVersion: "0.1.0-test") }

    /// A run with no findings at all.
    static var cleanRun: Run { Run(reports: [clean], toolVersion: "0.1.0-test") }

    static var gateway: FileReport {
        let file = SourceFile(path: "gateway/krakend.json", format: .json, text: gatewayText)
        let backend = JSONPointer(tokens: ["endpoints", "0", "backend", "0"])
        let ntlm = backend.appending("extra_config").appending("auth/ntlm")
        let password = span(of: "\"\(secret)\"", in: file)
        let diagnostics = [
            Diagnostic(ruleID: "ntlm/plaintext-password", severity: .error,
                       message: "auth/ntlm password is written in clear text",
                       span: span(of: "\"password\"", in: file), pointer: ntlm.appending("password"),
                       fix: "Use a flexible-config template: \"password\": \"{{ env \\\"NTLM_PASSWORD\\\" }}\""),
            Diagnostic(ruleID: "secret/in-url", severity: .warning,
                       message: "the query string repeats the NTLM password \(secret): 100% visible, in logs, <everywhere> & \"always\"",
                       span: span(of: "\"/orders?pw=", in: file), pointer: backend.appending("url_pattern")),
            Diagnostic(ruleID: "ntlm/domain-in-user", severity: .info,
                       message: "user already names a domain (CORP\\svc), so domain is ignored,\nby KrakenD",
                       span: span(of: "\"domain\": \"CORP\"", in: file), pointer: ntlm.appending("domain")),
            Diagnostic(ruleID: "ntlm/plaintext-password", severity: .error,
                       message: "the password value itself", span: password, pointer: ntlm.appending("password")),
        ]
        let secrets = [SecretValue(secret, span: password)]
        return Report(file: file, findings: diagnostics.sorted(by: Diagnostic.ordered), secrets: secrets)
    }

    static var clean: FileReport {
        let file = SourceFile(path: "gateway/clean.yaml", format: .yaml, text: "version: 3\nendpoints: []\n")
        return Report(file: file, findings: [], secrets: [])
    }

    static var odd: FileReport {
        let file = SourceFile(path: "gateway/odd name,v2.json", format: .json, text: oddText)
        let diagnostics = [
            Diagnostic(ruleID: "schema/type", severity: .warning, message: "timeout must be a duration such as \"3s\", found \"3 s\"",
                       span: span(of: "\"3 s\"", in: file), pointer: JSONPointer(tokens: ["timeout"])),
        ]
        return Report(file: file, findings: diagnostics, secrets: [])
    }

    static var broken: FileReport {
        let file = SourceFile(path: "legacy/broken.json", format: .json, text: "{\"version\": 3,}\n")
        let diagnostics = [
            Diagnostic(ruleID: "syntax", severity: .error, message: "trailing comma before }: expected another member",
                       span: Span(at: 14), pointer: .root, fix: "Remove the comma."),
        ]
        return Report(file: file, findings: diagnostics, secrets: [])
    }

    /// A run whose finding sits in a partial of a template, with related locations in the template (where
    /// the bytes were rendered) and in a settings file that holds a secret: every format must show them.
    static var templatedRun: Run { Run(reports: [templated], toolVersion: "0.1.0-test") }

    static var templated: Report {
        let template = SourceFile(path: "gateway/krakend.tmpl", format: .json,
                                  text: "{\n  \"version\": 3,\n  \"endpoints\": [{{ include \"backend.tmpl\" }}]\n}\n")
        let partial = SourceFile(path: "gateway/partials/backend.tmpl", format: .json,
                                 text: "{\"endpoint\": \"/a\", \"backend\": [{\"url_pattern\": \"/a\", \"timeout\": {{ .timeout }}}]}\n")
        let settings = SourceFile(path: "gateway/settings/env.json", format: .json,
                                  text: "{\n  \"timeout\": \"3 s\",\n  \"password\": \"\(secret)\"\n}\n")
        let include = span(of: "{{ include \"backend.tmpl\" }}", in: template)
        let timeout = Diagnostic(
            ruleID: "schema/type", severity: .warning, message: "timeout must be a duration such as \"3s\", found \"3 s\"",
            location: Location(file: partial, span: span(of: "{{ .timeout }}", in: partial)),
            pointer: JSONPointer(tokens: ["endpoints", "0", "backend", "0", "timeout"]),
            fix: "Write \"3s\" in the settings file.",
            related: [
                RelatedLocation(Location(span: include), message: "rendered into the configuration here"),
                RelatedLocation(Location(file: settings, span: span(of: "\"3 s\"", in: settings)), message: "the value comes from this setting"),
            ],
            properties: ["krakend_severity": .string("MEDIUM"), "score": .number(4.5)])
        let password = Diagnostic(
            ruleID: "ntlm/plaintext-password", severity: .error, message: "the password \(secret) is written in clear text",
            location: Location(file: settings, span: span(of: "\"password\"", in: settings)), pointer: .root,
            related: [RelatedLocation(Location(span: include), message: "used by the backend rendered here")])
        // The secret's span is in the settings file, so only copies of its value are masked: in the message,
        // in the settings line shown, anywhere.
        let secrets = [SecretValue(secret, span: Span(at: 0))]
        return Report(file: template, findings: [timeout, password].sorted(by: Diagnostic.ordered), secrets: secrets)
    }

    /// The span of the `occurrence`-th copy of `needle` in the file.
    static func span(of needle: String, in file: SourceFile, occurrence: Int = 0) -> Span {
        let bytes = file.bytes, target = Array(needle.utf8)
        var seen = 0
        for start in 0...(bytes.count - target.count) where Array(bytes[start..<(start + target.count)]) == target {
            if seen == occurrence { return Span(start: start, end: start + target.count) }
            seen += 1
        }
        preconditionFailure("fixture text lacks \(needle)")
    }
}
