/// sprig's defaults and flow functions (`default`, `empty`, `coalesce`, `all`, `any`, `ternary`, `fail`,
/// `deepCopy`) and its JSON functions, which go through Go's `encoding/json` (``GoJSON``).
enum SprigDefaults {
    static var functions: FunctionMap {
        [
            "default": TemplateFunction(parameters: [.interface], variadic: .interface) { arguments, _ in
                guard arguments.count > 1, !GoReflection.isEmpty(arguments[1]) else { return arguments[0] }
                return arguments[1]
            },
            "empty": TemplateFunction(parameters: [.interface], result: .bool) { arguments, _ in
                .bool(GoReflection.isEmpty(arguments[0]))
            },
            "coalesce": TemplateFunction(parameters: [], variadic: .interface) { arguments, _ in
                arguments.first { !GoReflection.isEmpty($0) } ?? .nil
            },
            "all": TemplateFunction(parameters: [], variadic: .interface, result: .bool) { arguments, _ in
                .bool(arguments.allSatisfy { !GoReflection.isEmpty($0) })
            },
            "any": TemplateFunction(parameters: [], variadic: .interface, result: .bool) { arguments, _ in
                .bool(arguments.contains { !GoReflection.isEmpty($0) })
            },
            "ternary": TemplateFunction(parameters: [.interface, .interface, .bool]) { arguments, _ in
                if case .bool(true) = arguments[2].storage { return arguments[0] }
                return arguments[1]
            },
            "fail": TemplateFunction(parameters: [.string], result: .string) { arguments, _ in
                throw FunctionError(arguments[0].stringArgument)
            },
            "deepCopy": deepCopy,
            "mustDeepCopy": deepCopy,
            "toJson": TemplateFunction(parameters: [.interface], result: .string) { arguments, _ in
                .string((try? GoJSON.marshal(arguments[0])) ?? "")
            },
            "mustToJson": TemplateFunction(parameters: [.interface], result: .string) { arguments, _ in
                .string(try GoJSON.marshal(arguments[0]))
            },
            "toPrettyJson": TemplateFunction(parameters: [.interface], result: .string) { arguments, _ in
                .string((try? GoJSON.marshalIndent(arguments[0], prefix: "", indent: "  ")) ?? "")
            },
            "mustToPrettyJson": TemplateFunction(parameters: [.interface], result: .string) { arguments, _ in
                .string(try GoJSON.marshalIndent(arguments[0], prefix: "", indent: "  "))
            },
            // `toRawJson` panics where `toJson` gives "": the engine reports both as the function's error.
            "toRawJson": rawJSON,
            "mustToRawJson": rawJSON,
            "fromJson": TemplateFunction(parameters: [.string]) { arguments, _ in
                (try? GoJSON.decode(arguments[0].stringArgument)) ?? .nil
            },
            "mustFromJson": TemplateFunction(parameters: [.string]) { arguments, _ in
                try GoJSON.decode(arguments[0].stringArgument)
            },
        ]
    }

    /// JSON without the HTML escaping of `<`, `>` and `&`.
    private static let rawJSON = TemplateFunction(parameters: [.interface], result: .string) { arguments, _ in
        .string(try GoJSON.marshal(arguments[0], escapeHTML: false))
    }

    /// Values are copied whenever they are passed, so a deep copy is the value itself; copystructure's panic
    /// for nil remains.
    private static let deepCopy = TemplateFunction(parameters: [.interface]) { arguments, _ in
        guard !arguments[0].isNil else { throw FunctionError("reflect: call of reflect.Value.Type on zero Value") }
        return arguments[0]
    }
}
