/// sprig's path functions: `base`, `dir`, `clean`, `ext`, `isAbs` (Go's `path`) and their `os…` twins (Go's
/// `path/filepath`, which on Linux gives the same results).
enum SprigPaths {
    static var functions: FunctionMap {
        var map = FunctionMap()
        for prefix in ["", "os"] {
            func name(_ base: String) -> String {
                prefix.isEmpty ? base : prefix + base.prefix(1).uppercased() + base.dropFirst()
            }
            map[name("base")] = stringFunction(GoPath.base)
            map[name("dir")] = stringFunction(GoPath.dir)
            map[name("clean")] = stringFunction(GoPath.clean)
            map[name("ext")] = stringFunction(GoPath.ext)
            map[name("isAbs")] = TemplateFunction(parameters: [.string], result: .bool) { arguments, _ in
                .bool(GoPath.isAbsolute(arguments[0].stringArgument))
            }
        }
        return map
    }

    private static func stringFunction(_ transform: @escaping @Sendable (String) -> String) -> TemplateFunction {
        TemplateFunction(parameters: [.string], result: .string) { arguments, _ in
            .string(transform(arguments[0].stringArgument))
        }
    }
}
