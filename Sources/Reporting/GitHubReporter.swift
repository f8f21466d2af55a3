import Findings

/// `--format github`: GitHub Actions workflow commands, which become annotations on the pull request.
///
/// `::error file=F,line=L,col=C,endLine=L,endColumn=C,title=RULE::MESSAGE`; info findings use `::notice`.
/// Escaping follows the Actions toolkit: `%`, CR and LF in the message; also `:` and `,` in properties.
public struct GitHubReporter: Reporter {
    public var paths: ArtifactPath

    public init(paths: ArtifactPath) { self.paths = paths }

    public func render(_ run: Run) -> String {
        var out = ""
        for report in run.reports {
            var cursors = FindingCursors()
            for diagnostic in report.findings {
                let file = paths.display(report.file(of: diagnostic.location).path)
                let (start, end) = report.positions(of: diagnostic.location, from: &cursors.finding)
                // Annotations take the last column inclusive; spans end just past the last character.
                let lastColumn = end.line == start.line ? max(start.column, end.column - 1) : max(1, end.column - 1)
                let properties = [
                    ("file", file), ("line", String(start.line)), ("col", String(start.column)),
                    ("endLine", String(end.line)), ("endColumn", String(lastColumn)), ("title", diagnostic.ruleID),
                ].map { "\($0.0)=\(Self.escapeProperty($0.1))" }.joined(separator: ",")
                var message = Redaction.scrub(diagnostic.message, in: report)
                if let fix = diagnostic.fix { message += "\nFix: " + Redaction.scrub(fix, in: report) }
                for note in report.relatedNotes(of: diagnostic, display: paths.display, from: &cursors.related) { message += "\n" + note }
                out += "::\(Self.command(diagnostic.severity)) \(properties)::\(Self.escapeData(message))\n"
            }
        }
        return out
    }

    static func command(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "notice"
        }
    }

    /// The message part of a workflow command.
    public static func escapeData(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A property value of a workflow command.
    public static func escapeProperty(_ text: String) -> String {
        var out = ""
        for scalar in escapeData(text).unicodeScalars {
            switch scalar {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
