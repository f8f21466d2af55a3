/// sprig's `urlParse` (a map of a URL's parts) and `urlJoin` (a URL from such a map), through Go's `net/url`.
enum SprigURL {
    static var functions: FunctionMap {
        [
            "urlParse": TemplateFunction(parameters: [.string], result: .map(.interface)) { arguments, _ in
                switch GoURL.parse(arguments[0].stringArgumentBytes) {
                case .failure(let error): throw FunctionError("unable to parse url: \(error.message)")
                case .success(let url):
                    let members: [MapKey: Value] = [
                        "scheme": .goString(url.scheme), "host": .goString(url.host), "hostname": .goString(url.hostname),
                        "path": .goString(url.path), "query": .goString(url.rawQuery), "opaque": .goString(url.opaque),
                        "fragment": .goString(url.fragment), "userinfo": .goString(url.userText ?? []),
                    ]
                    return Value(.map(members, valueType: .interface))
                }
            },
            "urlJoin": TemplateFunction(parameters: [.map(.interface)], result: .string) { arguments, _ in
                guard case .map(let members, _) = arguments[0].storage else { return .string("") }
                var url = GoURL()
                url.scheme = try member(members, "scheme")
                url.host = try member(members, "host")
                url.path = try member(members, "path")
                url.rawQuery = try member(members, "query")
                url.opaque = try member(members, "opaque")
                url.fragment = try member(members, "fragment")
                let userinfo = try member(members, "userinfo")
                if !userinfo.isEmpty {
                    switch GoURL.parse(Array("proto://".utf8) + userinfo + Array("@host".utf8)) {
                    case .success(let parsed): url.user = parsed.user
                    case .failure(let error): throw FunctionError("unable to parse userinfo in dict: \(error.message)")
                    }
                }
                return .goString(url.text)
            },
        ]
    }

    /// sprig's `dictGetOrEmpty`: a missing key is empty; a key of another kind fails as sprig panics.
    private static func member(_ members: [MapKey: Value], _ key: String) throws -> [UInt8] {
        guard let value = members[MapKey(key)] else { return [] }
        let kind: String
        switch value.storage {
        case .string(let text): return Array(text.utf8)
        case .byteString(let bytes): return bytes
        case .nil: throw FunctionError("runtime error: invalid memory address or nil pointer dereference")
        case .bool: kind = "bool"
        case .int(_, let type), .uint(_, let type): kind = type.rawValue
        case .float(_, let type): kind = type.rawValue
        case .complex: kind = "complex128"
        case .list: kind = "slice"
        case .map: kind = "map"
        case .object(let object): kind = object.goKind
        }
        throw FunctionError("unable to parse \(key) key, must be of type string, but \(kind) found")
    }
}
