/// How KrakenD reads endpoint paths and backend URL patterns: normalisation, the forbidden-path rule,
/// input parameters and `{placeholders}`, and the path the router finally registers.
enum EndpointPaths {
    /// `"/" + path` with one leading `/` removed: `foo` → `/foo`, `/foo` → `/foo`, `//foo` stays `//foo`.
    static func normalized(_ path: String) -> String {
        path.hasPrefix("/") ? path : "/" + path
    }

    /// Why KrakenD refuses a normalised endpoint path, or nil when it accepts it. Mirrors the search for
    /// `^[^/]|\*.|/__(debug|echo|health)(/.*)?$` (Go regex: `.` never matches a newline).
    static func forbiddenReason(_ normalizedPath: String) -> String? {
        let bytes = Array(normalizedPath.utf8)
        if let first = bytes.first, first != UInt8(ascii: "/") {
            return "it does not start with \"/\""
        }
        for index in bytes.indices where bytes[index] == UInt8(ascii: "*") {
            if index + 1 < bytes.count && bytes[index + 1] != UInt8(ascii: "\n") {
                return "a \"*\" may only be the last character"
            }
        }
        for (name, reserved) in reservedPaths {
            var start = 0
            while start + reserved.count <= bytes.count {
                if bytes[start..<start + reserved.count].elementsEqual(reserved) {
                    let rest = bytes[(start + reserved.count)...]
                    if rest.isEmpty || (rest.first == UInt8(ascii: "/") && !rest.contains(UInt8(ascii: "\n"))) {
                        return "\"/__\(name)\" is reserved by KrakenD"
                    }
                }
                start += 1
            }
        }
        return nil
    }

    private static let reservedPaths: [(String, [UInt8])] = ["debug", "echo", "health"].map { ($0, Array("/__\($0)".utf8)) }

    /// The endpoint's input parameters, in order of appearance (duplicates kept, as KrakenD does).
    /// Strict REST (default): `/{name}` with `name` in `[a-zA-Z0-9_-]+` right after a slash.
    /// With root `disable_rest: true`: every `{x}` with `x` in `[\w.:/-]+`.
    static func inputParameters(of normalizedPath: String, disableREST: Bool) -> [String] {
        let bytes = Array(normalizedPath.utf8)
        if disableREST { return placeholders(in: bytes, isNameByte: isPlaceholderByte) }
        var names: [String] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "/"), let (name, end) = braced(bytes, at: index + 1, isNameByte: isStrictNameByte) {
                names.append(name)
                index = end
            } else {
                index += 1
            }
        }
        return names
    }

    /// Every `{x}` of a backend `url_pattern` (query string included), `x` in `[\w.:/-]+`, without duplicates.
    static func outputPlaceholders(of urlPattern: String) -> [String] {
        var seen = Set<String>()
        return placeholders(in: Array(urlPattern.utf8), isNameByte: isPlaceholderByte).filter { seen.insert($0).inserted }
    }

    /// Placeholders KrakenD fills from elsewhere: `resp<N>_<field>` (sequential proxy) and `JWT.<claim>`.
    static func isExempt(_ placeholder: String) -> Bool {
        let bytes = Array(placeholder.utf8)
        let resp = Array("resp".utf8)
        if bytes.starts(with: resp) {
            var index = resp.count
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            if index > resp.count, index < bytes.count, bytes[index] == UInt8(ascii: "_"), index + 1 < bytes.count {
                return true
            }
        }
        let jwt = Array("JWT.".utf8)
        return bytes.starts(with: jwt) && bytes.count > jwt.count && bytes[jwt.count...].allSatisfy(isPlaceholderByte)
    }

    /// The path the router registers: each input parameter `{p}` becomes `:p` before any `?`.
    static func routerPath(_ normalizedPath: String, parameters: [String]) -> String {
        var bytes = Array(normalizedPath.utf8)
        let query = bytes.firstIndex(of: UInt8(ascii: "?")).map { Array(bytes[$0...]) } ?? []
        bytes.removeLast(query.count)
        for parameter in parameters {
            bytes = replacingAll(Array("{\(parameter)}".utf8), with: Array(":\(parameter)".utf8), in: bytes)
        }
        return String(decoding: bytes + query, as: UTF8.self)
    }

    // MARK: - Scanning

    private static func placeholders(in bytes: [UInt8], isNameByte: (UInt8) -> Bool) -> [String] {
        var names: [String] = []
        var index = 0
        while index < bytes.count {
            if let (name, end) = braced(bytes, at: index, isNameByte: isNameByte) {
                names.append(name)
                index = end
            } else {
                index += 1
            }
        }
        return names
    }

    /// `{name}` starting exactly at `start`: the name and the index after `}`.
    private static func braced(_ bytes: [UInt8], at start: Int, isNameByte: (UInt8) -> Bool) -> (String, Int)? {
        guard start < bytes.count, bytes[start] == UInt8(ascii: "{") else { return nil }
        var index = start + 1
        while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
        guard index > start + 1, index < bytes.count, bytes[index] == UInt8(ascii: "}") else { return nil }
        return (String(decoding: bytes[(start + 1)..<index], as: UTF8.self), index + 1)
    }

    private static func replacingAll(_ target: [UInt8], with replacement: [UInt8], in bytes: [UInt8]) -> [UInt8] {
        guard !target.isEmpty, bytes.count >= target.count else { return bytes }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if index + target.count <= bytes.count && bytes[index..<index + target.count].elementsEqual(target) {
                result += replacement
                index += target.count
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return result
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    /// `[a-zA-Z0-9_-]`
    private static func isStrictNameByte(_ byte: UInt8) -> Bool {
        isLetterOrDigit(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    /// `[\w.:/-]` (Go's `\w` is ASCII only)
    private static func isPlaceholderByte(_ byte: UInt8) -> Bool {
        isStrictNameByte(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "/")
    }
}
