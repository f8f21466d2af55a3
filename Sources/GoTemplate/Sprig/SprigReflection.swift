/// sprig's type questions: `typeOf` (Go's `%T`), `typeIs`, `typeIsLike`, `kindOf`, `kindIs`, `deepEqual`.
enum SprigReflection {
    static var functions: FunctionMap {
        [
            "typeOf": TemplateFunction(parameters: [.interface], result: .string) { arguments, _ in
                .string(arguments[0].goType.description)
            },
            "typeIs": TemplateFunction(parameters: [.string, .interface], result: .bool) { arguments, _ in
                .bool(arguments[0].stringArgument == arguments[1].goType.description)
            },
            "typeIsLike": TemplateFunction(parameters: [.string, .interface], result: .bool) { arguments, _ in
                let target = arguments[0].stringArgument, type = arguments[1].goType.description
                return .bool(target == type || "*" + target == type)
            },
            "kindOf": TemplateFunction(parameters: [.interface], result: .string) { arguments, _ in
                .string(GoReflection.kindName(of: arguments[0]))
            },
            "kindIs": TemplateFunction(parameters: [.string, .interface], result: .bool) { arguments, _ in
                .bool(arguments[0].stringArgument == GoReflection.kindName(of: arguments[1]))
            },
            "deepEqual": TemplateFunction(parameters: [.interface, .interface], result: .bool) { arguments, _ in
                .bool(GoReflection.deepEqual(arguments[0], arguments[1]))
            },
        ]
    }
}
