/// sprig's `semver` (a `*semver.Version`) and `semverCompare` (Masterminds/semver v3 constraints).
enum SprigSemver {
    static var functions: FunctionMap {
        [
            "semver": TemplateFunction(parameters: [.string], result: .named("*semver.Version")) { arguments, _ in
                let version = try SemanticVersion(parsing: arguments[0].stringArgument)
                return Value(.object(SemanticVersionObject(version: version, isPointer: true)))
            },
            "semverCompare": TemplateFunction(parameters: [.string, .string], result: .bool) { arguments, _ in
                let constraints = try SemverConstraints(parsing: arguments[0].stringArgument)
                let version = try SemanticVersion(parsing: arguments[1].stringArgument)
                return .bool(constraints.check(version))
            },
        ]
    }
}
