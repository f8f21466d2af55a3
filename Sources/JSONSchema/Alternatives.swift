import ConfigTree

extension Evaluation {
    func applyAnyOf(_ schemas: [SchemaNode], _ schema: SchemaNode, _ instance: UnsafePointer<Node>, _ annotations: Annotations?) -> Bool {
        // Errors are only wanted when no branch passes: try the cheap way first.
        if collecting, probe({ applyAnyOf(schemas, schema, instance, annotations) }) { return true }
        if limitExceeded { return false }
        if !collecting {
            var any = false
            _ = schemas.allBorrowed { subschema in
                guard applyInPlace(subschema, instance, annotations) else { return true }
                any = true
                // Annotations need every passing branch; a plain yes/no needs only one.
                return annotations != nil
            }
            return any
        }
        var branches: [[ValidationError]] = []
        var any = false
        for (index, subschema) in schemas.enumerated() {
            keywordTokens.append(String(index))
            let (ok, produced) = isolated { applyInPlace(subschema, instance, annotations) }
            keywordTokens.removeLast()
            if limitExceeded {
                errors.append(contentsOf: produced)
                return false
            }
            if ok {
                any = true
                if annotations == nil { return true }
            }
            branches.append(produced)
        }
        if any { return true }
        reportBestBranch(branches, schemas, schema, instance, keyword: "anyOf")
        return false
    }

    func applyOneOf(_ schemas: [SchemaNode], _ schema: SchemaNode, _ instance: UnsafePointer<Node>, _ annotations: Annotations?) -> Bool {
        if collecting, probe({ applyOneOf(schemas, schema, instance, annotations) }) { return true }
        if limitExceeded { return false }
        if !collecting && annotations == nil {
            // The yes/no answer needs only a count of passing branches: nothing to keep per branch.
            var passed = 0
            let atMostOne = schemas.allBorrowed { subschema in
                if validate(subschema, instance, nil) { passed += 1 }
                return passed <= 1
            }
            return atMostOne && passed == 1 && !limitExceeded
        }
        var passing: [Int] = []
        var branches: [[ValidationError]] = []
        var passingAnnotations: Annotations?
        for (index, subschema) in schemas.enumerated() {
            let local = annotations.map { _ in Annotations() }
            if collecting { keywordTokens.append(String(index)) }
            let (ok, produced) = isolated { validate(subschema, instance, local) }
            if collecting { keywordTokens.removeLast() }
            if limitExceeded {
                errors.append(contentsOf: produced)
                return false
            }
            branches.append(produced)
            if ok {
                passing.append(index)
                passingAnnotations = local
                if passing.count > 1 && !collecting { return false }
            }
        }
        if passing.count == 1 {
            if let passingAnnotations { annotations?.merge(passingAnnotations) }
            return true
        }
        if passing.isEmpty {
            reportBestBranch(branches, schemas, schema, instance, keyword: "oneOf")
        } else if collecting {
            let shown = passing.prefix(5).map(String.init).joined(separator: ", ")
            report(schema, "oneOf", "the value matches \(passing.count) of the alternatives (\(shown)), but must match exactly one")
        }
        return false
    }

    /// For failed alternatives, reports the errors of the branch that came closest, or one summary
    /// when every branch rejected the value's type outright.
    private func reportBestBranch(_ branches: [[ValidationError]], _ schemas: [SchemaNode], _ schema: SchemaNode, _ instance: UnsafePointer<Node>, keyword: String) {
        guard collecting else { return }
        let here = instancePointer
        let scores = branches.map { BranchScore(errors: $0, at: here) }
        if !scores.isEmpty, scores.allSatisfy(\.rejectsType) {
            var expected: TypeSet = []
            for subschema in schemas {
                subschema.compileIfNeeded()
                for case .type(let types) in subschema.keywords { expected.formUnion(types) }
            }
            let wanted = expected.isEmpty ? "a value matching one of the alternatives" : TypeCheck.describe(expected)
            report(schema, keyword, "expected \(wanted), got \(TypeCheck.describe(instance.pointee))")
            return
        }
        guard let best = scores.indices.min(by: { scores[$0] < scores[$1] }), !branches[best].isEmpty else {
            report(schema, keyword, "the value does not match any of the \(schemas.count) alternatives")
            return
        }
        errors.append(contentsOf: branches[best])
    }
}

/// How close a failed alternative came: lower is better.
struct BranchScore: Comparable {
    /// The branch's own `type` rejected the value.
    let rejectsType: Bool
    /// `const`/`enum` failures on the value or its direct properties: a discriminator that did not match.
    let discriminatorMismatches: Int
    let errorCount: Int
    /// Deeper errors mean the branch got further into the value.
    let deepest: Int

    init(errors: [ValidationError], at pointer: JSONPointer) {
        let depth = pointer.tokens.count
        rejectsType = errors.contains { $0.keyword == "type" && $0.instancePointer == pointer }
        discriminatorMismatches = errors.filter { ($0.keyword == "const" || $0.keyword == "enum") && $0.instancePointer.tokens.count <= depth + 1 }.count
        errorCount = errors.count
        deepest = errors.map(\.instancePointer.tokens.count).max() ?? depth
    }

    static func < (lhs: BranchScore, rhs: BranchScore) -> Bool {
        if lhs.rejectsType != rhs.rejectsType { return !lhs.rejectsType }
        if lhs.discriminatorMismatches != rhs.discriminatorMismatches { return lhs.discriminatorMismatches < rhs.discriminatorMismatches }
        if lhs.errorCount != rhs.errorCount { return lhs.errorCount < rhs.errorCount }
        return lhs.deepest > rhs.deepest
    }
}
