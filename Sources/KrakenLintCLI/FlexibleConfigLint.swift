import ConfigTree
import FlexibleConfig
import Findings
import KrakenLint

/// Lints a rendered flexible-configuration project and reports every finding where its bytes came from: a
/// line of the base template, a sub-template, a partial or a settings file, with the rendered position and
/// the chain of template calls and range iterations as related locations.
struct FlexibleConfigLint {
    let project: RenderedProject
    let linter: Linter
    let failLevel: FailLevel

    /// Rules about secrets written into the file: a value rendered from `env` is exactly the fix they ask for.
    static let plaintextSecretRules: Set<String> = ["secret/plaintext", "ntlm/plaintext-password"]

    func report() -> (report: Report, root: Node?) {
        var findings = project.problems.map { Self.finding(for: $0, in: project) }
        var secrets = project.environmentValuesToMask.sorted().map { SecretValue($0, span: Span(at: 0)) }
        var root: Node?
        var readable = project.output != nil
        if let output = project.output, let sourceMap = project.sourceMap {
            let linted = linter.lintedFile(output)
            root = linted.root
            readable = linted.report.isReadable
            // The rendered file's secret spans mean nothing in the template: keep the values, which every
            // reporter masks wherever they are copied.
            secrets += linted.report.secrets.map { SecretValue($0.reveal(), span: Span(at: 0)) }
            findings += Self.placed(linted.report.findings, project: project, output: output, map: sourceMap)
        }
        let report = Report(file: project.baseTemplate, findings: findings.sorted(by: Finding.ordered), secrets: secrets, isReadable: readable, failLevel: failLevel)
        return (report, root)
    }

    /// Findings on the rendered output moved to their origins, repeated ones collapsed.
    static func placed(_ findings: [Finding], project: RenderedProject, output: SourceFile, map: RenderedOutputMap) -> [Finding] {
        let mapping = SourceMapping(map: map, sources: project.sources)
        return collapsed(findings.compactMap { placed($0, output: output, mapping: mapping, project: project) })
    }

    /// A finding on the rendered file moved to its origin, or nil when it is a plaintext-secret finding on a
    /// value that came from the environment.
    private static func placed(_ finding: Finding, output: SourceFile, mapping: SourceMapping, project: RenderedProject) -> Finding? {
        guard let origin = mapping.origin(of: finding.span) else {
            var kept = finding
            kept.location = Location(file: output, span: finding.span)
            return kept
        }
        if origin.environmentVariable != nil, Self.plaintextSecretRules.contains(finding.ruleID) { return nil }
        var moved = finding
        moved.location = location(origin.location, in: project)
        var related = [RelatedLocation(Location(file: output, span: finding.span), message: "rendered here")]
        related += origin.notes.map { RelatedLocation(location($0.location, in: project), message: $0.message) }
        related += finding.related.map { note in
            var note = note
            if note.location.file == nil || note.location.file?.path == output.path {
                note.location = Location(file: output, span: note.location.span)
            }
            return note
        }
        moved.related = related
        return moved
    }

    /// A finding repeated at one origin (once per `range` iteration) is reported once, with the count.
    static func collapsed(_ findings: [Finding]) -> [Finding] {
        var order: [String] = []
        var groups: [String: (finding: Finding, count: Int)] = [:]
        for finding in findings {
            let key = "\(finding.ruleID)|\(finding.location.file?.path ?? "")|\(finding.span.start)|\(finding.message)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: (finding, 0)].count += 1
        }
        return order.compactMap { key in
            guard let group = groups[key] else { return nil }
            var finding = group.finding
            let count = group.count
            if count > 1 { finding.message += " (\(count) times in the rendered output, once per expansion of this line)" }
            return finding
        }
    }

    static func finding(for problem: FlexibleConfigProblem, in project: RenderedProject) -> Finding {
        Finding(
            ruleID: problem.code.rawValue, severity: problem.severity == .error ? .error : .warning, message: problem.message,
            location: Self.location(problem.location, in: project), pointer: .root, fix: problem.hint,
            related: problem.notes.map { RelatedLocation(Self.location($0.location, in: project), message: $0.message) }
        )
    }

    static func location(_ location: FlexibleConfigProblem.Location, in project: RenderedProject) -> Location {
        let file = project.sources[location.path] ?? (project.output?.path == location.path ? project.output : nil)
            ?? SourceFile(path: location.path, format: .json, bytes: [])
        return Location(file: file, span: location.span)
    }
}
