import ConfigTree
import Findings

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
    /// The rules of the producer (lint's registry, the probe outcomes), listed in the driver.
    public var rules: [RuleDescriptor]
    public var pretty: Bool

    public init(paths: ArtifactPath, rules: [RuleDescriptor], pretty: Bool = true) {
        self.paths = paths
        self.rules = rules
        self.pretty = pretty
    }

    public func render(_ run: Run) -> String {
        let indexes = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var results: [JSONValue] = []
        for report in run.reports {
            var seen: [String: Int] = [:]
            var cursors = FindingCursors()
            for diagnostic in report.findings {
                let base = Fingerprint.of(diagnostic, in: report, from: &cursors.finding)
                seen[base, default: 0] += 1
                results.append(result(
                    diagnostic, in: report, ruleIndex: indexes[diagnostic.ruleID], fingerprint: "\(base):\(seen[base]!)", cursors: &cursors
                ))
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

    private func descriptor(_ rule: RuleDescriptor) -> JSONValue {
        .object([
            ("id", .string(rule.id)),
            ("name", .string(rule.name)),
            ("shortDescription", .object([("text", .string(rule.summary))])),
            ("fullDescription", .object([("text", .string(rule.explanation))])),
            ("help", .object([("text", .string("\(rule.explanation)\n\nFix: \(rule.fix)\n\nMore: krakenlint explain \(rule.id)"))])),
            ("defaultConfiguration", .object([("level", .string(Self.level(rule.defaultSeverity)))])),
        ])
    }

    private func result(
        _ diagnostic: Finding, in report: Report, ruleIndex: Int?, fingerprint: String, cursors: inout FindingCursors
    ) -> JSONValue {
        var message = Redaction.scrub(diagnostic.message, in: report)
        if let fix = diagnostic.fix { message += "\nFix: " + Redaction.scrub(fix, in: report) }
        var location = physicalLocation(diagnostic.location, in: report, from: &cursors.finding)
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
        ]
        if !diagnostic.related.isEmpty {
            members.append(("relatedLocations", .array(diagnostic.related.enumerated().map { index, related in
                .object([("id", .int(index + 1))] + physicalLocation(related.location, in: report, from: &cursors.related) + [
                    ("message", .object([("text", .string(Redaction.scrub(related.message, in: report)))])),
                ])
            })))
        }
        members.append(("partialFingerprints", .object([(Self.fingerprintKey, .string(fingerprint))])))
        if !diagnostic.properties.isEmpty {
            members.append(("properties", .object(diagnostic.properties.sorted { $0.key < $1.key }.map { ($0.key, JSONValue(property: $0.value)) })))
        }
        return .object(members)
    }

    /// `physicalLocation` of a location: its file relative to `SRCROOT` when inside it, and its region, worked out
    /// from `cursor`.
    private func physicalLocation(_ location: Location, in report: Report, from cursor: inout SourceCursor) -> [(String, JSONValue)] {
        let (start, end) = report.positions(of: location, from: &cursor)
        let path = report.file(of: location).path
        var artifact: [(String, JSONValue)]
        if let relative = paths.relative(path) {
            artifact = [("uri", .string(ArtifactPath.uriEncode(relative))), ("uriBaseId", .string("SRCROOT"))]
        } else if path.hasPrefix("<") {
            artifact = [("uri", .string(ArtifactPath.uriEncode(path)))]
        } else {
            artifact = [("uri", .string("file://" + ArtifactPath.uriEncode(paths.absolute(path))))]
        }
        let region = JSONValue.object([
            ("startLine", .int(start.line)),
            ("startColumn", .int(start.column)),
            ("endLine", .int(end.line)),
            ("endColumn", .int(end.column)),
        ])
        return [("physicalLocation", .object([("artifactLocation", .object(artifact)), ("region", region)]))]
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }
}
