/// The default output: one table row per target, then its detail and hints indented, then a summary line.
public enum ProbeTextFormat {
    public static func render(_ results: [ProbeResult], summary: ProbeSummary) -> String {
        guard !results.isEmpty else {
            return "no backend with auth/ntlm to probe\n"
        }
        let header = ["OUTCOME", "STATUS", "TIME", "ENDPOINT", "URL", "USER"]
        let rows = results.map { result in
            [
                result.outcome.rawValue,
                result.status.map(String.init) ?? "-",
                result.wasProbed ? "\(result.elapsedMilliseconds)ms" : "-",
                "\(result.target.endpoint) #\(result.target.backendIndex)",
                result.target.displayURL,
                result.user.isEmpty ? "-" : result.user,
            ]
        }
        let widths = header.indices.map { column in
            ([header[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : cell.padding(toLength: widths[index])
            }.joined(separator: "  ") + "\n"
        }
        var text = line(header)
        for (result, row) in zip(results, rows) {
            text += line(row)
            text += "    \(result.detail)\n"
            if let server = result.server {
                text += "    server: \(server.description)\n"
            }
            for hint in result.hints {
                text += "    hint: \(hint)\n"
            }
        }
        text += "\n" + summaryLine(summary) + "\n"
        return text
    }

    static func summaryLine(_ summary: ProbeSummary) -> String {
        var parts = ["\(summary.targets) target\(summary.targets == 1 ? "" : "s")"]
        parts.append("\(summary.authenticated) authenticated")
        parts.append("\(summary.failed) failed")
        if summary.notProbed > 0 { parts.append("\(summary.notProbed) not probed") }
        var line = parts.joined(separator: ", ")
        line += " (profile \(summary.profile.rawValue), \(summary.elapsedMilliseconds)ms"
        line += summary.insecure ? ", TLS not verified)" : ")"
        return line
    }
}

extension String {
    /// The string padded with spaces to `length` characters (never truncated).
    func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
