/// sprig's list functions. Each one that needs a list asks Go's `reflect` for the argument's kind: nil makes
/// it panic (`invalid memory address or nil pointer dereference`), another kind gives sprig's error
/// (`Cannot find first on type int`). The plain and `must` forms fail with the same text, as the engine
/// reports a panic and an error alike. Elements are returned as they are, origins included.
enum SprigLists {
    static var functions: FunctionMap {
        var map: FunctionMap = [
            "list": TemplateFunction(parameters: [], variadic: .interface, result: .slice(.interface)) { arguments, _ in
                .list(arguments)
            },
            "tuple": TemplateFunction(parameters: [], variadic: .interface, result: .slice(.interface)) { arguments, _ in
                .list(arguments)
            },
            "concat": TemplateFunction(parameters: [], variadic: .interface) { arguments, _ in
                var result: [Value] = []
                for argument in arguments {
                    guard let elements = try GoReflection.elements(of: argument) else {
                        throw FunctionError("Cannot concat type \(GoReflection.kindName(of: argument)) as list")
                    }
                    result += elements
                }
                // Go appends to a nil slice: with nothing appended, the result stays nil.
                return result.isEmpty ? .nilSlice(of: .interface) : .list(result)
            },
        ]
        let pairs: [(String, String, TemplateFunction)] = [
            ("push", "append", listFunction([.interface, .interface], "Cannot push on type") { elements, arguments in
                .list(elements + [arguments[1]])
            }),
            ("prepend", "", listFunction([.interface, .interface], "Cannot prepend on type") { elements, arguments in
                .list([arguments[1]] + elements)
            }),
            ("first", "", listFunction([.interface], "Cannot find first on type", result: .interface) { elements, _ in
                elements.first ?? .nil
            }),
            ("last", "", listFunction([.interface], "Cannot find last on type", result: .interface) { elements, _ in
                elements.last ?? .nil
            }),
            // Of an empty list, Go's sprig returns a nil slice.
            ("rest", "", listFunction([.interface], "Cannot find rest on type") { elements, _ in
                elements.isEmpty ? .nilSlice(of: .interface) : .list(Array(elements.dropFirst()))
            }),
            ("initial", "", listFunction([.interface], "Cannot find initial on type") { elements, _ in
                elements.isEmpty ? .nilSlice(of: .interface) : .list(Array(elements.dropLast()))
            }),
            ("reverse", "", listFunction([.interface], "Cannot find reverse on type") { elements, _ in
                .list(elements.reversed())
            }),
            ("compact", "", listFunction([.interface], "Cannot compact on type") { elements, _ in
                .list(elements.filter { !GoReflection.isEmpty($0) })
            }),
            ("uniq", "", listFunction([.interface], "Cannot find uniq on type") { elements, _ in
                var unique: [Value] = []
                for element in elements where !unique.contains(where: { GoReflection.deepEqual(element, $0) }) {
                    unique.append(element)
                }
                return .list(unique)
            }),
            ("without", "", listFunction([.interface], variadic: .interface, "Cannot find without on type") {
                elements, arguments in
                let omitted = arguments.dropFirst()
                return .list(elements.filter { element in
                    !omitted.contains { GoReflection.deepEqual(element, $0) }
                })
            }),
            ("chunk", "", TemplateFunction(parameters: [.int, .interface], result: .slice(.slice(.interface))) {
                arguments, _ in
                guard let elements = try GoReflection.elements(of: arguments[1]) else {
                    throw FunctionError("Cannot chunk type \(GoReflection.kindName(of: arguments[1]))")
                }
                return try chunks(of: elements, size: arguments[0].intArgument)
            }),
            ("has", "", TemplateFunction(parameters: [.interface, .interface], result: .bool) { arguments, _ in
                let haystack = arguments[1]
                if haystack.isNil { return .bool(false) }
                guard let elements = try GoReflection.elements(of: haystack) else {
                    throw FunctionError("Cannot find has on type \(GoReflection.kindName(of: haystack))")
                }
                return .bool(elements.contains { GoReflection.deepEqual(arguments[0], $0) })
            }),
            ("slice", "", TemplateFunction(parameters: [.interface], variadic: .interface) { arguments, _ in
                try slice(arguments[0], indices: Array(arguments.dropFirst()))
            }),
        ]
        for (name, alias, function) in pairs {
            map[name] = function
            map["must" + name.prefix(1).uppercased() + name.dropFirst()] = function
            if !alias.isEmpty {
                map[alias] = function
                map["must" + alias.prefix(1).uppercased() + alias.dropFirst()] = function
            }
        }
        return map
    }

    /// A function whose first parameter must be a list; `failure` starts sprig's error for another kind.
    private static func listFunction(
        _ parameters: [GoType], variadic: GoType? = nil, _ failure: String, result: GoType = .slice(.interface),
        _ body: @escaping @Sendable (_ elements: [Value], _ arguments: [Value]) throws -> Value
    ) -> TemplateFunction {
        TemplateFunction(parameters: parameters, variadic: variadic, result: result) { arguments, _ in
            guard let elements = try GoReflection.elements(of: arguments[0]) else {
                throw FunctionError("\(failure) \(GoReflection.kindName(of: arguments[0]))")
            }
            return try body(elements, arguments)
        }
    }

    /// sprig's `chunk`: lists of `size` elements, the last one shorter. The count is worked out in floating
    /// point as sprig does, so a size of zero or less fails as Go's `make` does.
    static func chunks(of elements: [Value], size: Int) throws -> Value {
        let count = elements.count
        let chunkCount = goInt(((Double(count - 1) / Double(size)).rounded(.down)) + 1)
        guard chunkCount >= 0 else { throw FunctionError("runtime error: makeslice: len out of range") }
        var result: [Value] = []
        for chunkIndex in 0..<chunkCount {
            var length = size
            if chunkIndex == chunkCount - 1 {
                length = goInt(Double(count).truncatingRemainder(dividingBy: Double(size)).rounded(.down))
                if length == 0 { length = size }
            }
            guard length >= 0 else { throw FunctionError("runtime error: makeslice: len out of range") }
            var chunk: [Value] = []
            for offset in 0..<length {
                let (product, overflow) = chunkIndex.multipliedReportingOverflow(by: size)
                let index = product &+ offset
                guard !overflow, elements.indices.contains(index) else {
                    throw FunctionError("reflect: slice index out of range")
                }
                chunk.append(elements[index])
            }
            result.append(.list(chunk))
        }
        return Value(.list(result, elementType: .slice(.interface)))
    }

    /// Go's `int(f)` on amd64: out of range and NaN give the most negative int.
    private static func goInt(_ number: Double) -> Int { Int(SprigCast.goInt64(truncating: number)) }

    /// sprig's `slice`: `list[start:end]` with cast's `ToInt` on the indices, keeping the list's Go type; an
    /// empty list gives nil.
    private static func slice(_ list: Value, indices: [Value]) throws -> Value {
        guard case .list(let elements, let elementType) = list.storage else {
            if list.isNil { throw GoReflection.nilDereference }
            throw FunctionError("list should be type of slice or array but \(GoReflection.kindName(of: list))")
        }
        if elements.isEmpty { return .nil }
        let start = indices.first.map { Int(SprigCast.toInt64($0)) } ?? 0
        let end = indices.count < 2 ? elements.count : Int(SprigCast.toInt64(indices[1]))
        guard start >= 0, start <= end, end <= elements.count else {
            throw FunctionError("reflect.Value.Slice: slice index out of bounds")
        }
        return Value(.list(Array(elements[start..<end]), elementType: elementType))
    }
}
