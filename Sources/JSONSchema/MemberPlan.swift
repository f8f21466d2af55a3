import ConfigTree

/// A schema's `properties`, `patternProperties` and `additionalProperties` combined, so that the
/// yes/no path visits each member once and looks its name up once (the keywords one by one would
/// walk the members three times and look each name up twice). When every name `required` lists is one of
/// the first 64 `properties`, the same pass checks `required` too: the lookups mark the entries they find.
///
/// Only on the yes/no path (`Evaluation.onYesOrNoPath`): it decides the same valid/invalid answer,
/// but it visits members in a different order than the keywords do, which would change which error
/// (or which limit report) comes first.
final class MemberPlan: @unchecked Sendable {
    let properties: PropertyTable?
    /// The `patternProperties` entries (owning), and the same unretained for borrowing in the loop.
    private let patterns: [(ECMARegex, SchemaNode)]
    let patternRegexes: [Unmanaged<ECMARegex>]
    let patternSchemas: [Unmanaged<SchemaNode>]
    let additional: SchemaNode?
    /// `additional` unretained, for the loop to borrow (the field above owns it).
    let additionalReference: Unmanaged<SchemaNode>?
    /// One bit per `properties` entry that `required` names, when the plan checks `required`; nil when it
    /// does not (no `required`, or a name that is not among the first 64 entries), and the keyword applies alone.
    let requiredEntries: UInt64?

    /// Whether `required` is checked by this plan, so the keyword itself need not run after it.
    var checksRequired: Bool { requiredEntries != nil }

    /// The plan for a keyword list, or nil when it has none of the three keywords.
    init?(_ keywords: [Keyword]) {
        var properties: PropertyTable?
        var patterns: [(ECMARegex, SchemaNode)] = []
        var additional: SchemaNode?
        var required: [String]?
        var found = false
        for keyword in keywords {
            switch keyword {
            case .properties(let table):
                properties = table
                found = true
            case .patternProperties(let list):
                patterns = list
                found = true
            case .additionalProperties(let rest, _, _):
                additional = rest
                found = true
            case .required(let names):
                required = names
            default:
                continue
            }
        }
        guard found else { return nil }
        self.properties = properties
        self.patterns = patterns
        patternRegexes = patterns.map { Unmanaged.passUnretained($0.0) }
        patternSchemas = patterns.map { Unmanaged.passUnretained($0.1) }
        self.additional = additional
        additionalReference = additional.map { Unmanaged.passUnretained($0) }
        requiredEntries = required.flatMap { names in
            var bits: UInt64 = 0
            for name in names {
                guard let entry = properties?.entry(of: name), entry < 64 else { return nil }
                bits |= 1 << UInt64(entry)
            }
            return bits
        }
    }
}

extension Evaluation {
    /// Applies a member plan to an object's effective members; true when every member passes (and, when the
    /// plan checks `required`, every required name is there).
    func applyMemberPlan(_ plan: MemberPlan, _ members: UnsafeBufferPointer<Member>, _ schema: SchemaNode) -> Bool {
        var present: UInt64 = 0
        for index in members.indices {
            var evaluated = false
            if let passed = plan.properties?.withEntry(forKeyOf: members.address(of: index), { entry, schema in
                present |= entry < 64 ? 1 << UInt64(entry) : 0
                return members.withValue(at: index) { descendForAnswer(schema, $0, token: members[index].key) }
            }) {
                if !passed { return false }
                evaluated = true
            }
            for entry in plan.patternSchemas.indices {
                let passed = plan.patternSchemas[entry]._withUnsafeGuaranteedRef { patternSchema -> Bool in
                    // A `true` schema cannot fail: its match matters only to decide `additionalProperties`.
                    if case .alwaysValid = patternSchema.kind, evaluated || plan.additionalReference == nil { return true }
                    let matched = plan.patternRegexes[entry]._withUnsafeGuaranteedRef { matchesName($0, members[index].key, schema) }
                    if limitExceeded { return false }
                    guard matched else { return true }
                    evaluated = true
                    return members.withValue(at: index) { descendForAnswer(patternSchema, $0, token: members[index].key) }
                }
                if !passed { return false }
            }
            if !evaluated, let rest = plan.additionalReference {
                let passed = rest._withUnsafeGuaranteedRef { rest in
                    if case .alwaysInvalid = rest.kind { return false }
                    return members.withValue(at: index) { descend(rest, $0, token: members[index].key) }
                }
                if !passed { return false }
            }
        }
        guard let required = plan.requiredEntries else { return true }
        return present & required == required
    }
}
