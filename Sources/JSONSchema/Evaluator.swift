import ConfigTree

extension Evaluation {
    /// Applies `schema` to `instance`. `annotations`, when given, receives what was evaluated (only
    /// meaningful when the result is true).
    func validate(_ schema: SchemaNode, _ instance: UnsafePointer<Node>, _ annotations: Annotations?) -> Bool {
        switch schema.kind {
        case .alwaysValid:
            return true
        case .alwaysInvalid:
            report(schema, "false", "no value is allowed here (the schema is false)")
            return false
        case .keywords:
            break
        }
        schema.compileIfNeeded()
        if let failure = schema.compileFailure {
            report(schema, "", "the schema could not be compiled: \(failure)")
            return false
        }
        if limitExceeded { return false }
        if let target = schema.onlyReference, !collecting, annotations == nil, !tracksScope, inPlaceChain < options.maxInPlaceChain {
            // A schema that is only a reference: its target applies as through the keyword, one link further.
            inPlaceChain += 1
            defer { inPlaceChain -= 1 }
            return target._withUnsafeGuaranteedRef { validate($0, instance, nil) }
        }
        if schema.testsOnlyTheValue && !collecting && inPlaceChain < options.maxInPlaceChain {
            // Such keywords apply no subschema, so there is no scope or annotation to keep, and the
            // chain of in-place applications ends here (within its limit, checked as below).
            return applyValueTests(schema, instance)
        }
        inPlaceChain += 1
        defer { inPlaceChain -= 1 }
        if inPlaceChain > options.maxInPlaceChain {
            limitExceeded = true
            reportLimit(schema, "$ref", "the schema applies more than \(options.maxInPlaceChain) subschemas to this value without descending into it (a reference loop such as {\"$ref\": \"#\"})")
            return false
        }
        let pushed = tracksScope && scope.last !== schema.resource
        if pushed { scope.append(schema.resource) }
        defer { if pushed { scope.removeLast() } }

        if schema.collectsAnnotations, annotations == nil { return applyKeywords(schema, instance, Annotations()) }
        return applyKeywords(schema, instance, annotations)
    }

    /// Applies the keywords of a schema that only tests the value (`SchemaNode.testsOnlyTheValue`), on the
    /// yes/no path: they read no member through the lent buffers and apply no subschema.
    @inline(__always)
    private func applyValueTests(_ schema: SchemaNode, _ instance: UnsafePointer<Node>) -> Bool {
        if let types = schema.onlyTypes { return TypeCheck.matches(instance, types) }
        let keywords = schema.keywordReferences
        for index in keywords.indices where !keywords[index]._withUnsafeGuaranteedRef({ box in
            switch box.shortcut {
            case .type: return TypeCheck.matches(instance, box.types)
            case .enumeration: return box.allowedValues.unsafelyUnwrapped._withUnsafeGuaranteedRef { $0.contains(instance) }
            default: return apply(box.keyword, schema, instance, nil, nil)
            }
        }) {
            return false
        }
        return true
    }

    /// Whether `schema` is filled, compiled without error and only tests the value: `validate` would go
    /// straight to `applyValueTests` for it on the yes/no path.
    @inline(__always)
    private static func isValueTest(_ schema: SchemaNode) -> Bool {
        schema.compileState.isFilled && schema.isValueTest
    }

    /// `descend` for the many children whose schema only tests their value (a string against a pattern, a
    /// number against a range), directly or through one `$ref`: on the yes/no path, when no limit is near,
    /// the tests apply without the bookkeeping that `descend` and `validate` keep for subschemas (depth,
    /// lending, the chain of in-place applications, their two frames). Any other case takes `descend`.
    @inline(__always)
    func descendForAnswer(_ schema: SchemaNode, _ child: UnsafePointer<Node>, token: @autoclosure () -> String) -> Bool {
        if let tests = valueTestsInPlace(schema) { return tests._withUnsafeGuaranteedRef { applyValueTests($0, child) } }
        return descend(schema, child, token: token())
    }

    /// The schema whose keywords `descendForAnswer` applies in place to a child of `schema` right now: `schema`
    /// itself when it only tests the value, or the target of its only `$ref` when that one does (the reference
    /// counts one link of the in-place chain); nil when the child must take `descend`. What decides it does not
    /// depend on the child, and a passing test changes none of it, so a loop over an array's items asks once.
    @inline(__always)
    func valueTestsInPlace(_ schema: SchemaNode) -> Unmanaged<SchemaNode>? {
        guard !collecting, !limitExceeded, depth < depthCeiling, case .keywords = schema.kind, schema.compileState.isFilled else { return nil }
        if Self.isValueTest(schema), options.maxInPlaceChain > 0 { return Unmanaged.passUnretained(schema) }
        if let target = schema.onlyReference, !tracksScope, options.maxInPlaceChain > 1, schema.compileFailure == nil,
           target._withUnsafeGuaranteedRef({ target in
               guard case .keywords = target.kind else { return false }
               return Self.isValueTest(target)
           }) {
            return target
        }
        return nil
    }

    /// Works out the members the object keywords see, then applies the keywords. The members are lent
    /// from the tree, or from a local array when shadowed duplicates had to be removed. Inlined into
    /// `validate`, its one caller: a call less per schema applied (SchemaBenchmark (a), with the property
    /// table's lookup inlined too: 78,005 -> 74,582 instructions a validation).
    @inline(__always)
    private func applyKeywords(_ schema: SchemaNode, _ instance: UnsafePointer<Node>, _ annotations: Annotations?) -> Bool {
        guard schema.hasObjectKeywords else { return applyKeywords(schema, instance, nil, annotations) }
        return withMembers(of: instance) { all in
            guard let all else { return applyKeywords(schema, instance, nil, annotations) }
            // A repeated key counts once, with its last value. The yes/no path can skip removing the
            // shadowed members: the member plan and the presence checks (`required`, dependencies)
            // give the same answer on all members, and only the counting keywords need the real count.
            let yesOrNo = onYesOrNoPath && annotations == nil && !schema.countsProperties
            if !yesOrNo && EffectiveMembers.hasDuplicates(all) {
                return EffectiveMembers.of(all).withUnsafeBufferPointer { applyKeywords(schema, instance, $0, annotations) }
            }
            return applyKeywords(schema, instance, all, annotations)
        }
    }

    /// Applies the keywords in schema order, given the object's members (nil for other values).
    private func applyKeywords(_ schema: SchemaNode, _ instance: UnsafePointer<Node>, _ members: UnsafeBufferPointer<Member>?, _ annotations: Annotations?) -> Bool {
        // On the yes/no path the member keywords run as one pass (one name lookup per member).
        var planned = false
        if onYesOrNoPath, annotations == nil, let plan = schema.memberPlanReference, let members {
            if !plan._withUnsafeGuaranteedRef({ applyMemberPlan($0, members, schema) }) {
                // A shadowed member may be what failed: decide again on the effective members. A limit
                // hit on a shadowed member does not count; one hit on an effective member recurs.
                guard EffectiveMembers.hasDuplicates(members) else { return false }
                limitExceeded = false
                let passed = EffectiveMembers.of(members).withUnsafeBufferPointer { kept in
                    plan._withUnsafeGuaranteedRef { applyMemberPlan($0, kept, schema) }
                }
                if !passed { return false }
            }
            planned = true
        }
        let keywords = planned ? schema.unplannedKeywordReferences : schema.keywordReferences
        var valid = true
        for index in keywords.indices {
            let ok = keywords[index]._withUnsafeGuaranteedRef { box in
                if collecting { keywordTokens.append(box.name) }
                defer { if collecting { keywordTokens.removeLast() } }
                switch box.shortcut {
                case .reference:
                    return box.referenceTarget.unsafelyUnwrapped._withUnsafeGuaranteedRef { applyInPlace($0, instance, annotations) }
                case .type where !collecting:
                    return TypeCheck.matches(instance, box.types)
                case .enumeration where !collecting:
                    return box.allowedValues.unsafelyUnwrapped._withUnsafeGuaranteedRef { $0.contains(instance) }
                case .required where !collecting:
                    guard let members else { return true }
                    return box.requiredNames.allSatisfy { Evaluation.has(members, $0) }
                default:
                    return apply(box.keyword, schema, instance, members, annotations)
                }
            }
            if !ok {
                valid = false
                if !collecting || limitExceeded { break }
            }
        }
        return valid
    }

    /// Applies a subschema to the same instance value, merging its annotations only when it passes.
    func applyInPlace(_ schema: SchemaNode, _ instance: UnsafePointer<Node>, _ annotations: Annotations?) -> Bool {
        guard let annotations else { return validate(schema, instance, nil) }
        let local = Annotations()
        let ok = validate(schema, instance, local)
        if ok { annotations.merge(local) }
        return ok
    }

    /// Applies a subschema to a child value (array item or member value).
    func descend(_ schema: SchemaNode, _ child: UnsafePointer<Node>, token: @autoclosure () -> String) -> Bool {
        if case .alwaysValid = schema.kind { return true }
        depth += 1
        defer { depth -= 1 }
        if collecting { instanceTokens.append(token()) }
        defer { if collecting { instanceTokens.removeLast() } }
        if depth > inlineDepthLimit {
            needsDeepStack = true
            limitExceeded = true
            return false
        }
        if depth > options.maxDepth {
            if !limitExceeded { reportLimit(schema, "depth", "the value is nested more than \(options.maxDepth) levels deep; validation stops here") }
            limitExceeded = true
            return false
        }
        let savedChain = inPlaceChain
        inPlaceChain = 0
        defer { inPlaceChain = savedChain }
        return lending(child) {
            if collecting, let decided = prejudge(schema, child) { return decided }
            return validate(schema, child, nil)
        }
    }

    /// When collecting errors: most values are valid, so first decide on the yes/no path, which
    /// builds nothing; only a value found invalid is evaluated again to collect its errors (the same
    /// errors, in the same order, as without this step). Returns true for a valid value, nil otherwise.
    private func prejudge(_ schema: SchemaNode, _ child: UnsafePointer<Node>) -> Bool? {
        let mark = errors.count
        collecting = false
        prejudging = true
        let valid = validate(schema, child, nil)
        collecting = true
        prejudging = false
        if valid && !limitExceeded { return true }
        if needsDeepStack { return false }
        // A limit met on the yes/no path is met again, and reported, by the evaluation that follows.
        errors.removeSubrange(mark...)
        limitExceeded = false
        return nil
    }

    /// Runs `body` without recording errors (for `not`, `if`, `contains` and branch probing).
    func probe<T>(_ body: () -> T) -> T {
        let saved = collecting
        collecting = false
        defer { collecting = saved }
        return body()
    }

    /// Runs `body` recording its errors apart, returning them and leaving `errors` as it was.
    func isolated(_ body: () -> Bool) -> (Bool, [ValidationError]) {
        let mark = errors.count
        let ok = body()
        let produced = Array(errors[mark...])
        errors.removeSubrange(mark...)
        return (ok, produced)
    }

    // MARK: - Keywords

    private func apply(_ keyword: Keyword, _ schema: SchemaNode, _ instance: UnsafePointer<Node>, _ members: UnsafeBufferPointer<Member>?, _ annotations: Annotations?) -> Bool {
        switch keyword {
        case .ref(let target, _):
            return applyInPlace(target, instance, annotations)
        case .recursiveRef(let target):
            return applyInPlace(recursiveTarget(target), instance, annotations)
        case .dynamicRef(let target, let anchor):
            var resolved = target
            if let anchor {
                for resource in scope {
                    if let candidate = resource.dynamicAnchors[anchor] {
                        resolved = candidate
                        break
                    }
                }
            }
            return applyInPlace(resolved, instance, annotations)
        case .type(let types):
            if TypeCheck.matches(instance, types) { return true }
            if collecting { report(schema, "type", "expected \(TypeCheck.describe(types)), got \(TypeCheck.describe(instance.pointee))") }
            return false
        case .enumeration(let allowed):
            if allowed.contains(instance) { return true }
            if collecting { report(schema, "enum", "\(show(instance.pointee)) is not one of \(ValueText.list(allowed.values))") }
            return false
        case .constant(let expected):
            if JSONEquality.contains(CollectionOfOne(expected), instance) { return true }
            if collecting { report(schema, "const", "expected \(ValueText.render(expected)), got \(show(instance.pointee))") }
            return false
        case .maximum(let limit, let exclusive):
            guard let number = instance.pointee.number, let order = NumericCompare.compare(number, limit) else { return true }
            if order < 0 || (order == 0 && !exclusive) { return true }
            if collecting {
                report(schema, exclusive ? "exclusiveMaximum" : "maximum", exclusive
                    ? "\(show(instance.pointee)) is too large: it must be less than \(limit.text)"
                    : "\(show(instance.pointee)) is too large: the maximum is \(limit.text)")
            }
            return false
        case .minimum(let limit, let exclusive):
            guard let number = instance.pointee.number, let order = NumericCompare.compare(number, limit) else { return true }
            if order > 0 || (order == 0 && !exclusive) { return true }
            if collecting {
                report(schema, exclusive ? "exclusiveMinimum" : "minimum", exclusive
                    ? "\(show(instance.pointee)) is too small: it must be greater than \(limit.text)"
                    : "\(show(instance.pointee)) is too small: the minimum is \(limit.text)")
            }
            return false
        case .multipleOf(let divisor, let text):
            guard let number = instance.pointee.number else { return true }
            if NumericCompare.isMultiple(number, of: divisor) { return true }
            if collecting { report(schema, "multipleOf", "\(show(instance.pointee)) is not a multiple of \(text)") }
            return false
        case .maxLength(let limit):
            guard let text = instance.pointee.string, text.utf8.count > limit else { return true }
            let length = text.unicodeScalars.count
            if length <= limit { return true }
            if collecting { report(schema, "maxLength", "the text is too long: \(length) characters, at most \(limit) allowed") }
            return false
        case .minLength(let limit):
            guard let text = instance.pointee.string else { return true }
            // A code point takes one to four UTF-8 bytes: enough bytes settle it without counting.
            if (text.utf8.count + 3) / 4 >= limit { return true }
            let length = text.unicodeScalars.count
            if length >= limit { return true }
            if collecting { report(schema, "minLength", "the text is too short: \(length) character\(length == 1 ? "" : "s"), at least \(limit) required") }
            return false
        case .pattern(let regex):
            guard let text = instance.pointee.string else { return true }
            return matchPattern(regex, text, schema, "pattern") { "\(self.show(instance.pointee)) does not match the pattern \(regex.source)" }
        case .format(let format, let name):
            guard let text = instance.pointee.string, !FormatChecker.check(format, text) else { return true }
            if collecting { report(schema, "format", "\(show(instance.pointee)) is not a valid \(name)") }
            return false
        case .prefixItems, .items, .contains, .maxItems, .minItems, .uniqueItems, .unevaluatedItems:
            return withElements(of: instance) { elements in
                guard let elements else { return true }
                return applyArrayKeyword(keyword, schema, elements, annotations)
            }
        case .properties, .patternProperties, .additionalProperties, .propertyNames, .maxProperties, .minProperties,
             .required, .dependentRequired, .dependentSchemas, .unevaluatedProperties:
            guard let members else { return true }
            return applyObjectKeyword(keyword, schema, instance, members, annotations)
        case .allOf(let schemas):
            if !collecting { return schemas.allBorrowed { applyInPlace($0, instance, annotations) } }
            var valid = true
            for (index, subschema) in schemas.enumerated() {
                if collecting { keywordTokens.append(String(index)) }
                let ok = applyInPlace(subschema, instance, annotations)
                if collecting { keywordTokens.removeLast() }
                if !ok {
                    valid = false
                    if !collecting || limitExceeded { return false }
                }
            }
            return valid
        case .anyOf(let schemas):
            return applyAnyOf(schemas, schema, instance, annotations)
        case .oneOf(let schemas):
            return applyOneOf(schemas, schema, instance, annotations)
        case .not(let negated):
            let matched = probe { validate(negated, instance, nil) }
            if limitExceeded { return false }
            if !matched { return true }
            if collecting { report(schema, "not", "\(show(instance.pointee)) matches the schema under \"not\", which it must not") }
            return false
        case .conditional(let condition, let thenSchema, let elseSchema):
            let conditionAnnotations = annotations.map { _ in Annotations() }
            let holds = probe { validate(condition, instance, conditionAnnotations) }
            if limitExceeded { return false }
            if holds, let conditionAnnotations { annotations?.merge(conditionAnnotations) }
            guard let branch = holds ? thenSchema : elseSchema else { return true }
            if collecting {
                keywordTokens.removeLast()
                keywordTokens.append(holds ? "then" : "else")
            }
            return applyInPlace(branch, instance, annotations)
        }
    }

    /// The keywords that apply to arrays, given the array's elements (lent for the call).
    private func applyArrayKeyword(_ keyword: Keyword, _ schema: SchemaNode, _ elements: UnsafeBufferPointer<Node>, _ annotations: Annotations?) -> Bool {
        switch keyword {
        case .prefixItems(let schemas, _):
            var valid = true
            for index in 0..<min(schemas.count, elements.count) {
                if collecting { keywordTokens.append(String(index)) }
                let ok = descendForAnswer(schemas[index], elements.address(of: index), token: String(index))
                if collecting { keywordTokens.removeLast() }
                if !ok {
                    valid = false
                    if !collecting { return false }
                }
            }
            annotations?.itemsPrefix = max(annotations?.itemsPrefix ?? 0, min(schemas.count, elements.count))
            return valid
        case .items(let itemSchema, let start, _):
            var valid = true
            if start < elements.count, let tests = valueTestsInPlace(itemSchema) {
                // Items that only need their value tested (strings, numbers): decided once for the array.
                let passed = tests._withUnsafeGuaranteedRef { tests in
                    for index in start..<elements.count where !applyValueTests(tests, elements.address(of: index)) { return false }
                    return true
                }
                if !passed { return false }
            } else if start < elements.count {
                for index in start..<elements.count where !descendForAnswer(itemSchema, elements.address(of: index), token: String(index)) {
                    if case .alwaysInvalid = itemSchema.kind, collecting {
                        errors.removeLast()
                        report(schema, keyword.name, "at most \(start) item\(start == 1 ? "" : "s") allowed, found \(elements.count)", instanceToken: String(index))
                    }
                    valid = false
                    if !collecting { return false }
                }
            }
            annotations?.allItems = true
            return valid
        case .contains(let containsSchema, let minimum, let maximum):
            var matches = 0
            for index in elements.indices where probe({ descend(containsSchema, elements.address(of: index), token: String(index)) }) {
                matches += 1
                annotations?.containsMatches.insert(index)
            }
            if limitExceeded { return false }
            if matches < minimum {
                if collecting {
                    report(schema, "contains", matches == 0 && minimum == 1
                        ? "no item matches the schema of \"contains\""
                        : "\(matches) item\(matches == 1 ? "" : "s") match the schema of \"contains\", at least \(minimum) required")
                }
                return false
            }
            if let maximum, matches > maximum {
                if collecting { report(schema, "maxContains", "\(matches) items match the schema of \"contains\", at most \(maximum) allowed") }
                return false
            }
            return true
        case .maxItems(let limit):
            guard elements.count > limit else { return true }
            if collecting { report(schema, "maxItems", "the array has \(elements.count) items, at most \(limit) allowed") }
            return false
        case .minItems(let limit):
            guard elements.count < limit else { return true }
            if collecting { report(schema, "minItems", "the array has \(elements.count) item\(elements.count == 1 ? "" : "s"), at least \(limit) required") }
            return false
        case .uniqueItems:
            guard let (first, second) = UniqueItems.firstDuplicate(elements) else { return true }
            if collecting { report(schema, "uniqueItems", "items \(first) and \(second) are equal; the items must be unique") }
            return false
        case .unevaluatedItems(let rest):
            guard let annotations else { return true }
            var valid = true
            if !annotations.allItems {
                for index in annotations.itemsPrefix..<max(annotations.itemsPrefix, elements.count) where !annotations.containsMatches.contains(index) {
                    if !descendForAnswer(rest, elements.address(of: index), token: String(index)) {
                        if case .alwaysInvalid = rest.kind, collecting {
                            errors.removeLast()
                            report(schema, "unevaluatedItems", "item \(index) is not allowed by any keyword of the schema", instanceToken: String(index))
                        }
                        valid = false
                        if !collecting { return false }
                    }
                }
            }
            annotations.allItems = true
            return valid
        default:
            return true
        }
    }

    private func recursiveTarget(_ target: SchemaNode) -> SchemaNode {
        guard target.resource.recursiveAnchor else { return target }
        var resolved = target
        for resource in scope.reversed() {
            guard resource.recursiveAnchor, let root = resource.root else { break }
            resolved = root
        }
        return resolved
    }

    /// Matches a pattern with the configured bounds; a bound hit is an error even on the yes/no path.
    func matchPattern(_ regex: ECMARegex, _ text: String, _ schema: SchemaNode, _ keyword: String, instanceToken: String? = nil, message: () -> String) -> Bool {
        // UTF-16 never needs more code units than UTF-8 needs bytes: most texts pass without counting.
        if text.utf8.count > options.maxPatternInputLength && text.utf16.count > options.maxPatternInputLength {
            limitExceeded = true
            reportLimit(schema, keyword, "the text is \(text.utf16.count) characters long, more than the \(options.maxPatternInputLength) a pattern is matched against", instanceToken: instanceToken)
            return false
        }
        switch regex.firstMatch(in: text, stepLimit: options.regexStepLimit) {
        case .match:
            return true
        case .noMatch:
            if collecting { report(schema, keyword, message(), instanceToken: instanceToken) }
            return false
        case .exceededBudget:
            limitExceeded = true
            reportLimit(schema, keyword, "matching the pattern \(regex.source) took too long (catastrophic backtracking); the value was not checked", instanceToken: instanceToken)
            return false
        }
    }
}

/// Instance type tests and their descriptions.
enum TypeCheck {
    /// Whether the value at `instance` has one of `types`. Read in place: only an integer test copies
    /// anything out of the tree (the number's text), where passing the node by value copied it for every test.
    @inline(__always)
    static func matches(_ instance: UnsafePointer<Node>, _ types: TypeSet) -> Bool {
        switch instance.pointee.value {
        case .object: return types.contains(.object)
        case .array: return types.contains(.array)
        case .string: return types.contains(.string)
        case .bool: return types.contains(.boolean)
        case .null: return types.contains(.null)
        case .number:
            if types.contains(.number) { return true }
            return types.contains(.integer) && isInteger(instance)
        }
    }

    /// Whether the number at `instance` is an integer (false for any other value): the common literal with
    /// neither a fraction nor an exponent is answered in place; any other number asks `Number.isInteger`.
    private static func isInteger(_ instance: UnsafePointer<Node>) -> Bool {
        if Node.isPlainIntegerLiteral(at: instance) { return true }
        guard case .number(let number) = instance.pointee.value else { return false }
        return number.isInteger
    }

    static func describe(_ types: TypeSet) -> String {
        let names = types.names
        if names.count <= 1 { return names.first ?? "nothing" }
        return names.dropLast().joined(separator: ", ") + " or " + names.last!
    }

    static func describe(_ instance: Node) -> String {
        if let number = instance.number, !number.isInteger { return "number" }
        if instance.number != nil { return "integer" }
        return instance.typeName
    }
}

/// Numeric comparisons on exact values, with an integer fast path.
enum NumericCompare {
    /// -1, 0 or 1 for `number` against `limit`; nil when `number` is NaN.
    static func compare(_ number: Number, _ limit: NumericLimit) -> Int? {
        if let bound = limit.integer, let value = Int(number.literal) {
            return value < bound ? -1 : (value == bound ? 0 : 1)
        }
        if let exact = ExactDecimal(number) {
            return exact < limit.exact ? -1 : (exact == limit.exact ? 0 : 1)
        }
        switch number.special {
        case .infinity: return 1
        case .negativeInfinity: return -1
        default: return nil
        }
    }

    static func isMultiple(_ number: Number, of divisor: ExactDecimal) -> Bool {
        guard let exact = ExactDecimal(number) else { return false }
        return exact.isMultiple(of: divisor)
    }
}

/// Finds equal items for `uniqueItems`.
enum UniqueItems {
    /// For a short array of strings only (the usual `uniqueItems` array: headers, query strings, field names),
    /// the first two equal items, compared pair by pair in place: by UTF-8 length first, read once per item
    /// (most differ), then by bytes. The outer nil means some item is not a string, and the general search decides.
    private static func firstDuplicateString(_ elements: UnsafeBufferPointer<Node>) -> (Int, Int)?? {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: elements.count) { lengths -> (Int, Int)?? in
            for index in elements.indices {
                guard case .string(let text) = elements.address(of: index).pointee.value else { return nil }
                lengths[index] = text.utf8.count
            }
            for first in elements.indices {
                for second in (first + 1)..<elements.count where lengths[first] == lengths[second] {
                    guard case .string(let left) = elements.address(of: first).pointee.value,
                          case .string(let right) = elements.address(of: second).pointee.value else { return nil }
                    if JSONEquality.sameScalars(left, right) { return .some((first, second)) }
                }
            }
            return .some(nil)
        }
    }

    static func firstDuplicate(_ elements: UnsafeBufferPointer<Node>) -> (Int, Int)? {
        if elements.count <= 16 {
            if let answer = firstDuplicateString(elements) { return answer }
            // Pairwise, but comparing cheap signatures first: equal values have equal signatures.
            return withUnsafeTemporaryAllocation(of: Int.self, capacity: elements.count) { signatures in
                for index in elements.indices { signatures[index] = JSONEquality.signature(elements[index]) }
                for first in elements.indices {
                    for second in (first + 1)..<elements.count where signatures[first] == signatures[second] && JSONEquality.equal(elements[first], elements[second]) {
                        return (first, second)
                    }
                }
                return nil
            }
        }
        var buckets: [Int: [Int]] = [:]
        for (index, element) in elements.enumerated() {
            var hasher = Hasher()
            JSONEquality.hash(element, into: &hasher)
            let key = hasher.finalize()
            if let earlier = buckets[key]?.first(where: { JSONEquality.equal(elements[$0], element) }) {
                return (earlier, index)
            }
            buckets[key, default: []].append(index)
        }
        return nil
    }
}
