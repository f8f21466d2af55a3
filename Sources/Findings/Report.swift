import ConfigTree

/// Everything found about one input (a linted file, a probed configuration, a validated instance), with
/// what a reporter needs to print it safely. It holds no parsed tree.
public struct Report: Sendable {
    /// The input the report is about; findings may also point into other files (partials, settings).
    public let file: SourceFile
    /// Findings sorted by file and position, without duplicates. Each has a file: those created without
    /// one are given `file`.
    public var findings: [Finding] {
        didSet {
            findings = Report.placed(findings, in: file)
            severityCounts = SeverityCounts(findings)
        }
    }
    /// The findings of each severity, counted when the findings are set: reporters and the exit status ask
    /// again and again, and each pass over an audit's tens of thousands of findings reads megabytes.
    private var severityCounts: SeverityCounts
    /// Values of secret fields in `file`, with their spans, so reporters can mask them.
    public var secrets: [SecretValue]
    /// False when the input could not be read at all (not JSON or YAML, too large): commands exit 2.
    public var isReadable: Bool
    /// The lowest severity that fails this input (settings may differ per file); JUnit counts findings
    /// below it as passed checks.
    public var failLevel: FailLevel

    public init(file: SourceFile, findings: [Finding], secrets: [SecretValue] = [], isReadable: Bool = true, failLevel: FailLevel = .error) {
        self.file = file
        self.findings = Report.placed(findings, in: file)
        severityCounts = SeverityCounts(self.findings)
        self.secrets = secrets
        self.isReadable = isReadable
        self.failLevel = failLevel
    }

    /// Whether the findings make this input fail at its fail level.
    public var fails: Bool { failLevel.fails(worstSeverity) }

    /// The lint name of `findings`.
    public var diagnostics: [Finding] {
        get { findings }
        set { findings = newValue }
    }

    public func count(_ severity: Severity) -> Int { severityCounts[severity] }

    /// The most serious severity found, or nil when clean.
    public var worstSeverity: Severity? { Severity.allCases.last { severityCounts[$0] > 0 } }

    /// The file a location is in: its own, or the report's.
    public func file(of location: Location) -> SourceFile { location.file ?? file }

    private static func placed(_ findings: [Finding], in file: SourceFile) -> [Finding] {
        guard findings.contains(where: { $0.location.file == nil || $0.related.contains { $0.location.file == nil } }) else {
            return findings
        }
        return findings.map { finding in
            var finding = finding
            if finding.location.file == nil { finding.location.file = file }
            for index in finding.related.indices where finding.related[index].location.file == nil {
                finding.related[index].location.file = file
            }
            return finding
        }
    }
}

/// How many findings of a list have each severity, counted in one pass.
private struct SeverityCounts: Sendable {
    private var counts = [0, 0, 0]

    init(_ findings: [Finding]) {
        var errors = 0, warnings = 0, infos = 0
        findings.withUnsafeBufferPointer { findings in
            for index in findings.indices {
                switch findings[index].severity {
                case .error: errors += 1
                case .warning: warnings += 1
                case .info: infos += 1
                }
            }
        }
        counts = [infos, warnings, errors]
    }

    subscript(severity: Severity) -> Int {
        switch severity {
        case .info: return counts[0]
        case .warning: return counts[1]
        case .error: return counts[2]
        }
    }
}

/// Everything one command run produced, in the order its inputs were given.
public struct Run: Sendable {
    public var reports: [Report]
    public var toolVersion: String

    public init(reports: [Report], toolVersion: String) {
        self.reports = reports
        self.toolVersion = toolVersion
    }

    public func count(_ severity: Severity) -> Int { reports.reduce(0) { $0 + $1.count(severity) } }
}

/// What a reporter may say about a rule (SARIF's rule descriptors): the producer's rule catalog, handed
/// to the reporters by the command, so they know no rule themselves.
public struct RuleDescriptor: Sendable, Hashable {
    public var id: String
    /// PascalCase, for formats that want a name (SARIF `name`).
    public var name: String
    public var summary: String
    public var explanation: String
    public var fix: String
    public var defaultSeverity: Severity

    public init(id: String, name: String, summary: String, explanation: String, fix: String, defaultSeverity: Severity) {
        self.id = id
        self.name = name
        self.summary = summary
        self.explanation = explanation
        self.fix = fix
        self.defaultSeverity = defaultSeverity
    }
}
