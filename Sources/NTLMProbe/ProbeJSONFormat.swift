import Findings
import NTLM
import Reporting

/// `--format json`: `{"targets":[…],"summary":{…},"findings":[…]}`, one object per target, then the same
/// results as findings, each the diagnostic object of lint's JSON (`JSONReporter.diagnostic`). `findings`
/// came with the shared findings layer; `targets` and `summary` keep every field they had.
public enum ProbeJSONFormat {
    public static func render(_ results: [ProbeResult], summary: ProbeSummary, report: Report) -> String {
        let document = JSONValue.object([
            ("targets", .array(results.map(target))),
            ("summary", summaryValue(summary)),
            ("findings", .array(report.findings.map { JSONReporter.diagnostic(for: $0, in: report) })),
        ])
        return document.serialized(pretty: true) + "\n"
    }

    static func target(_ result: ProbeResult) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("endpoint", .string(result.target.endpoint)),
            ("backend", .int(result.target.backendIndex)),
            ("pointer", .string(result.target.pointer)),
            ("line", .int(result.target.line)),
            ("url", .string(result.target.displayURL)),
            ("user", .string(result.user)),
            ("outcome", .string(result.outcome.rawValue)),
            ("status", result.status.map { .int($0) } ?? .null),
            ("elapsed_ms", .int(result.elapsedMilliseconds)),
            ("scheme", result.scheme.map { .string($0) } ?? .null),
            ("server", result.server.map(server) ?? .null),
            ("detail", .string(result.detail)),
            ("hints", .array(result.hints.map { .string($0) })),
        ]
        if !result.offeredSchemes.isEmpty {
            members.append(("offered", .array(result.offeredSchemes.map { .string($0) })))
        }
        members.append(("plain_http", .bool(result.isPlainHTTP)))
        if result.target.url?.scheme == .https {
            members.append(("tls_verified", .bool(!result.tlsUnverified)))
        }
        members.append(("profile", .string(result.profile.rawValue)))
        return .object(members)
    }

    static func server(_ info: ServerInfo) -> JSONValue {
        var members: [(String, JSONValue)] = [("target_name", .string(info.targetName))]
        let optional: [(String, String?)] = [
            ("netbios_computer", info.netbiosComputer), ("netbios_domain", info.netbiosDomain),
            ("dns_computer", info.dnsComputer), ("dns_domain", info.dnsDomain), ("dns_tree", info.dnsTree),
            ("version", info.version?.description), ("timestamp", info.timestamp?.description),
        ]
        for (key, value) in optional {
            if let value { members.append((key, .string(value))) }
        }
        members.append(("flags", .array(info.flagNames.map { .string($0) })))
        return .object(members)
    }

    static func summaryValue(_ summary: ProbeSummary) -> JSONValue {
        .object([
            ("targets", .int(summary.targets)),
            ("probed", .int(summary.probed)),
            ("authenticated", .int(summary.authenticated)),
            ("failed", .int(summary.failed)),
            ("not_probed", .int(summary.notProbed)),
            ("outcomes", .object(summary.outcomes.map { ($0.0.rawValue, .int($0.1)) })),
            ("elapsed_ms", .int(summary.elapsedMilliseconds)),
            ("profile", .string(summary.profile.rawValue)),
            ("insecure", .bool(summary.insecure)),
            ("passed", .bool(summary.passed)),
        ])
    }
}
