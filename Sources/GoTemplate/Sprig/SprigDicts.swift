/// sprig's dictionary functions on `map[string]interface{}`.
///
/// In Go a map is a reference: `set`, `unset` and `merge` change the caller's map as well as returning it.
/// Values here are copied: these functions return the changed map and say so with
/// ``TemplateFunction/mutatesFirstArgument``, for the executor to store it back.
enum SprigDicts {
    private static let dictionary = GoType.map(.interface)

    static var functions: FunctionMap {
        [
            "dict": TemplateFunction(parameters: [], variadic: .interface, result: dictionary) { arguments, _ in
                var members: [MapKey: Value] = [:]
                var index = 0
                while index < arguments.count {
                    let key = SprigConversions.mapKey(arguments[index])
                    members[key] = index + 1 < arguments.count ? arguments[index + 1] : .string("")
                    index += 2
                }
                return Value(.map(members, valueType: .interface))
            },
            "get": TemplateFunction(parameters: [dictionary, .string]) { arguments, _ in
                members(arguments[0])[arguments[1].mapKeyArgument] ?? .string("")
            },
            "set": TemplateFunction(
                parameters: [dictionary, .string, .interface], result: dictionary, mutatesFirstArgument: true
            ) { arguments, _ in
                guard case .map(var members, let valueType) = arguments[0].storage else {
                    throw FunctionError("assignment to entry in nil map")
                }
                members[arguments[1].mapKeyArgument] = arguments[2]
                return Value(.map(members, valueType: valueType), origin: arguments[0].origin)
            },
            "unset": TemplateFunction(parameters: [dictionary, .string], result: dictionary, mutatesFirstArgument: true) {
                arguments, _ in
                var members = members(arguments[0])
                members[arguments[1].mapKeyArgument] = nil
                return Value(.map(members, valueType: .interface), origin: arguments[0].origin)
            },
            "hasKey": TemplateFunction(parameters: [dictionary, .string], result: .bool) { arguments, _ in
                .bool(members(arguments[0])[arguments[1].mapKeyArgument] != nil)
            },
            "pluck": TemplateFunction(parameters: [.string], variadic: dictionary, result: .slice(.interface)) {
                arguments, _ in
                let key = arguments[0].mapKeyArgument
                return .list(arguments.dropFirst().compactMap { members($0)[key] })
            },
            // Go ranges over a map in random order; `keys` and `values` give the keys' byte order, one of Go's
            // possible outcomes and the one `sortAlpha` gives.
            "keys": TemplateFunction(parameters: [], variadic: dictionary, result: .slice(.string)) { arguments, _ in
                Value(.list(arguments.flatMap { members($0).sortedKeys.map(\.value) }, elementType: .string))
            },
            "values": TemplateFunction(parameters: [dictionary], result: .slice(.interface)) { arguments, _ in
                let members = members(arguments[0])
                return .list(members.sortedKeys.compactMap { members[$0] })
            },
            "pick": TemplateFunction(parameters: [dictionary], variadic: .string, result: dictionary) { arguments, _ in
                let members = members(arguments[0])
                var picked: [MapKey: Value] = [:]
                for key in arguments.dropFirst().map(\.mapKeyArgument) { picked[key] = members[key] }
                return Value(.map(picked, valueType: .interface))
            },
            "omit": TemplateFunction(parameters: [dictionary], variadic: .string, result: dictionary) { arguments, _ in
                var members = members(arguments[0])
                for key in arguments.dropFirst().map(\.mapKeyArgument) { members[key] = nil }
                return Value(.map(members, valueType: .interface))
            },
            "merge": merge(overwrite: false),
            "mustMerge": merge(overwrite: false),
            "mergeOverwrite": merge(overwrite: true),
            "mustMergeOverwrite": merge(overwrite: true),
            "dig": TemplateFunction(parameters: [], variadic: .interface) { arguments, _ in
                try dig(arguments)
            },
        ]
    }

    /// The members of a map argument; a nil map (Go's zero value for a nil argument) has none.
    private static func members(_ value: Value) -> [MapKey: Value] {
        if case .map(let members, _) = value.storage { return members }
        return [:]
    }

    private static func merge(overwrite: Bool) -> TemplateFunction {
        TemplateFunction(parameters: [dictionary], variadic: dictionary, mutatesFirstArgument: true) { arguments, _ in
            var destination = members(arguments[0])
            for source in arguments.dropFirst() {
                try MergoMerge.merge(into: &destination, members(source), overwrite: overwrite, depth: 0)
            }
            return Value(.map(destination, valueType: .interface), origin: arguments[0].origin)
        }
    }

    /// sprig's `dig KEY… DEFAULT DICT`: follows the keys through nested `map[string]interface{}`s, with Go's
    /// type-assertion panics for a key that is not a string or a step that is not such a map.
    private static func dig(_ arguments: [Value]) throws -> Value {
        guard arguments.count >= 3 else { throw FunctionError("dig needs at least three arguments") }
        var current = try dictionaryMembers(arguments[arguments.count - 1])
        let fallback = arguments[arguments.count - 2]
        let keys = try arguments.dropLast(2).map { key in
            guard let mapKey = MapKey(key) else {
                throw FunctionError("interface conversion: interface {} is \(assertionTypeName(key)), not string")
            }
            return mapKey
        }
        for (position, key) in keys.enumerated() {
            guard let step = current[key] else { return fallback }
            if position == keys.count - 1 { return step }
            current = try dictionaryMembers(step)
        }
        return fallback
    }

    private static func dictionaryMembers(_ value: Value) throws -> [MapKey: Value] {
        guard case .map(let members, .interface) = value.storage else {
            throw FunctionError(
                "interface conversion: interface {} is \(assertionTypeName(value)), not map[string]interface {}")
        }
        return members
    }

    /// The type a failed Go type assertion names: `nil` for the untyped nil, else `%T`.
    private static func assertionTypeName(_ value: Value) -> String {
        value.isNil ? "nil" : value.goType.description
    }
}

/// imdario/mergo v0.3.12's `Merge` and `MergeWithOverwrite` of one `map[string]interface{}` into another, as
/// sprig's `merge` and `mergeOverwrite` call them:
/// - a nil source value is skipped (with overwrite, it replaces);
/// - a map source value fills a missing or empty destination, and is merged key by key into a non-empty
///   destination map; a non-empty destination of another kind stays, even with overwrite;
/// - any other source value (a list included) fills a missing or empty destination, and with overwrite
///   replaces it, even when the source is itself empty.
enum MergoMerge {
    /// Deeper nesting than this is refused rather than followed.
    static let maximumDepth = 1_000

    static func merge(into destination: inout [MapKey: Value], _ source: [MapKey: Value], overwrite: Bool, depth: Int)
        throws
    {
        guard depth < maximumDepth else { throw FunctionError("merge: maps nested deeper than \(maximumDepth) levels") }
        for (key, value) in source {
            let existing = destination[key]
            let destinationIsEmpty = existing.map(isEmpty) ?? true
            switch value.storage {
            case .nil:
                if overwrite { destination[key] = value }
            case .map(let sourceMembers, _):
                if destinationIsEmpty {
                    destination[key] = value
                } else if let existing, case .map(var members, let valueType) = existing.storage {
                    try merge(into: &members, sourceMembers, overwrite: overwrite, depth: depth + 1)
                    destination[key] = Value(.map(members, valueType: valueType), origin: existing.origin)
                }
            default:
                if destinationIsEmpty || overwrite { destination[key] = value }
            }
        }
    }

    /// mergo's `isEmptyValue`: like sprig's `empty`, except that a complex number never is.
    private static func isEmpty(_ value: Value) -> Bool {
        if case .complex = value.storage { return false }
        return GoReflection.isEmpty(value)
    }
}
