import KrakenLint

/// `--format sarif`: SARIF 2.1.0 for code-scanning services (GitHub code scanning, GitLab, Azure DevOps).
///
/// The driver lists every rule krakenlint knows, so `ruleIndex` is stable across runs. Locations are
/// relative to `paths.root` under the `SRCROOT` base id; regions are 1-based with exclusive end columns
/// counted in Unicode code points. `partialFingerprints` come from `Fingerprint`, not line numbers.
public struct SARIFReporter: Reporter {
    public static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    /// The key of our fingerprint in `partialFingerprints`; the suffix changes if the recipe ever does.
    public static let fingerprintKey = "krakenlintFingerprint/v1"

    public var paths: ArtifactPath
    public var rules: [RuleDescription]
    public var pretty: Bool

    public init(paths: ArtifactPath, rules: [RuleDescription] = RuleRegistry.allDescriptions, pretty: Bool = true) {
        self.paths = paths
        self.rules = rules
        self.pretty = pretty
    }

    public func render(_ run: LintRun) -> String {
        let indexes = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var results: [JSONValue] = []
        for report in run.reports {
            var seen: [String: Int] = [:]
            for diagnostic in report.diagnostics {
                let base = Fingerprint.of(diagnostic, in: report)
                seen[base, default: 0] += 1
                results.append(result(diagnostic, in: report, ruleIndex: indexes[diagnostic.ruleID], fingerprint: "\(base):\(seen[base]!)"))
            }
        }
        let rootURI = "file://" + ArtifactPath.uriEncode(paths.root.hasSuffix("/") ? paths.root : paths.root + "/")
        let document = JSONValue.object([
            ("$schema", .string(Self.schemaURI)),
            ("version", .string("2.1.0")),
            ("runs", .array([.object([
                ("tool", .object([("driver", driver(version: run.toolVersion))])),
                ("originalUriBaseIds", .object([("SRCROOT", .object([("uri", .string(rootURI))]))])),
                ("columnKind", .string("unicodeCodePoints")),
                ("results", .array(results)),
            ])])),
        ])
        return document.serialized(pretty: pretty) + "\n"
    }

    private func driver(version: String) -> JSONValue {
        .object([
            ("name", .string("krakenlint")),
            ("version", .string(version)),
            ("semanticVersion", .string(version)),
            ("rules", .array(rules.map(descriptor))),
        ])
    }

    private func descriptor(_ rule: RuleDescription) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("id", .string(rule.id)),
            ("name", .string(rule.name)),
            ("shortDescription", .object([("text", .string(rule.summary))])),
            ("fullDescription", .object([("text", .string(rule.explanation))])),
            ("help", .object([("text", .string("\(rule.explanation)\n\nFix: \(rule.fix)\n\nMore: krakenlint explain \(rule.id)"))])),
            ("defaultConfiguration", .object([("level", .string(Self.level(rule.defaultSeverity)))])),
        ]
        if let properties = Self.auditProperties(rule.id) { members.append(("properties", properties)) }
        return .object(members)
    }

    /// KrakenD's own id and severity of an audit rule, kept in SARIF's property bags.
    static func auditProperties(_ ruleID: String) -> JSONValue? {
        guard let audit = AuditRules.rule(for: ruleID) else { return nil }
        return .object([("krakendId", .string(audit.krakendID)), ("krakendSeverity", .string(audit.krakendSeverity.rawValue))])
    }

    private func result(_ diagnostic: Diagnostic, in report: FileReport, ruleIndex: Int?, fingerprint: String) -> JSONValue {
        let (start, end) = report.positions(of: diagnostic)
        var artifact: [(String, JSONValue)]
        if let relative = paths.relative(report.file.path) {
            artifact = [("uri", .string(ArtifactPath.uriEncode(relative))), ("uriBaseId", .string("SRCROOT"))]
        } else if report.file.path.hasPrefix("<") {
            artifact = [("uri", .string(ArtifactPath.uriEncode(report.file.path)))]
        } else {
            artifact = [("uri", .string("file://" + ArtifactPath.uriEncode(paths.absolute(report.file.path))))]
        }
        let region = JSONValue.object([
            ("startLine", .int(start.line)),
            ("startColumn", .int(start.column)),
            ("endLine", .int(end.line)),
            ("endColumn", .int(end.column)),
        ])
        var message = Redaction.scrub(diagnostic.message, in: report)
        if let fix = diagnostic.fix { message += "\nFix: " + Redaction.scrub(fix, in: report) }
        var location: [(String, JSONValue)] = [("physicalLocation", .object([("artifactLocation", .object(artifact)), ("region", region)]))]
        if !diagnostic.pointer.tokens.isEmpty {
            // The JSON Pointer of the value, so a viewer can show where in the document's structure it is.
            location.append(("logicalLocations", .array([.object([
                ("fullyQualifiedName", .string(diagnostic.pointer.description)),
                ("kind", .string("element")),
            ])])))
        }
        var members: [(String, JSONValue)] = [("ruleId", .string(diagnostic.ruleID))]
        if let ruleIndex { members.append(("ruleIndex", .int(ruleIndex))) }
        members += [
            ("level", .string(Self.level(diagnostic.severity))),
            ("message", .object([("text", .string(message))])),
            ("locations", .array([.object(location)])),
            ("partialFingerprints", .object([(Self.fingerprintKey, .string(fingerprint))])),
        ]
        if let properties = Self.auditProperties(diagnostic.ruleID) { members.append(("properties", properties)) }
        return .object(members)
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }
}
