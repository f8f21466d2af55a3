import Findings
import GoTemplate
import KrakenLint

/// The data `krakend audit` hands to its `--format` template, rebuilt as the Go values KrakenD passes: an
/// `audit.AuditResult` struct with `Recommendations []audit.Recommendation` and an empty `Stats` struct.
///
/// There is one recommendation per rule that fired, in KrakenD's rule order, as in KrakenD (krakenlint's
/// own formats give one finding per place instead). `Rule` is KrakenD's bare id (`2.1.7`), `Severity` is
/// KrakenD's severity, and `Message` is krakenlint's recommendation for the rule (its fix text), not
/// KrakenD's sentence.
struct AuditTemplateData: GoObject {
    let recommendations: [Recommendation]

    /// The recommendations of `findings`: every audit rule with at least one finding, once, in KrakenD's order.
    init(findings: [Finding], message: (String) -> String) {
        let fired = Set(findings.lazy.map(\.ruleID).filter { $0.hasPrefix(AuditRules.prefix) })
        recommendations = AuditRules.all.filter { fired.contains($0.id) }.map { rule in
            Recommendation(rule: rule.krakendID, severity: rule.krakendSeverity.rawValue, message: message(rule.description.fix))
        }
    }

    var goType: GoType { .named("audit.AuditResult") }
    var goKind: String { "struct" }

    func member(_ name: String) throws -> Value? {
        switch name {
        case "Recommendations": return recommendationList
        case "Stats": return Value(.object(Stats()))
        default: return nil
        }
    }

    private var recommendationList: Value {
        Value(.list(recommendations.map { Value(.object($0)) }, elementType: .named("audit.Recommendation")))
    }

    /// Go's `%v` of the struct: `{[{2.1.7 HIGH message} …] {}}`.
    var formatted: String { "{[" + recommendations.map(\.formatted).joined(separator: " ") + "] {}}" }

    /// For functions other than `marshal` (sprig's `toJson`): the JSON object under KrakenD's field tags. Its
    /// keys come out sorted, where Go keeps the struct's field order; `marshal` writes Go's order exactly.
    var jsonValue: Value? {
        .map(["recommendations": .list(recommendations.compactMap(\.jsonValue)), "stats": .map([:])])
    }

    /// KrakenD's `audit.Recommendation`.
    struct Recommendation: GoObject {
        let rule: String
        let severity: String
        let message: String

        var goType: GoType { .named("audit.Recommendation") }
        var goKind: String { "struct" }

        func member(_ name: String) throws -> Value? {
            switch name {
            case "Rule": return .string(rule)
            case "Severity": return .string(severity)
            case "Message": return .string(message)
            default: return nil
            }
        }

        var formatted: String { "{\(rule) \(severity) \(message)}" }

        var jsonValue: Value? { .map(["rule": .string(rule), "severity": .string(severity), "message": .string(message)]) }
    }

    /// KrakenD's `audit.Stats`, an empty struct.
    struct Stats: GoObject {
        var goType: GoType { .named("audit.Stats") }
        var goKind: String { "struct" }
        func member(_ name: String) throws -> Value? { nil }
        var formatted: String { "{}" }
        var jsonValue: Value? { .map([:]) }
    }
}

/// KrakenD's `marshal` for the audit template: Go's `json.Marshal`, with the audit structs' fields in their
/// declared order under their JSON tags (`{"recommendations":[{"rule":…,"severity":…,"message":…}],"stats":{}}`),
/// and `""` when Go's would fail.
enum AuditTemplateJSON {
    static func marshal(_ value: Value) -> String {
        (try? encode(value)) ?? ""
    }

    private static func encode(_ value: Value) throws -> String {
        switch value.storage {
        case .object(let data as AuditTemplateData):
            let list = try data.recommendations.map { try encode(Value(.object($0))) }
            return "{\"recommendations\":[" + list.joined(separator: ",") + "],\"stats\":{}}"
        case .object(let recommendation as AuditTemplateData.Recommendation):
            return "{\"rule\":" + (try string(recommendation.rule)) + ",\"severity\":" + (try string(recommendation.severity))
                + ",\"message\":" + (try string(recommendation.message)) + "}"
        case .object(is AuditTemplateData.Stats):
            return "{}"
        case .list(let items, _) where items.contains(where: holdsAuditValue):
            return "[" + (try items.map(encode)).joined(separator: ",") + "]"
        case .map(let members, _) where members.values.contains(where: holdsAuditValue):
            // Go writes map keys in byte order.
            let pairs = try members.sortedKeys.map { key in try GoJSON.marshal(key.value) + ":" + encode(members[key] ?? .nil) }
            return "{" + pairs.joined(separator: ",") + "}"
        default:
            return try GoJSON.marshal(value)
        }
    }

    private static func string(_ text: String) throws -> String { try GoJSON.marshal(.string(text)) }

    /// Whether a value is, or contains, one of the audit structs (which the generic encoder would reorder).
    private static func holdsAuditValue(_ value: Value) -> Bool {
        switch value.storage {
        case .object(let object): return object is AuditTemplateData || object is AuditTemplateData.Recommendation || object is AuditTemplateData.Stats
        case .list(let items, _): return items.contains(where: holdsAuditValue)
        case .map(let members, _): return members.values.contains(where: holdsAuditValue)
        default: return false
        }
    }
}
