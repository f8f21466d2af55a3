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
        withBytes(of: normalizedPath) { bytes in forbiddenReason(bytes) }
    }

    private static func forbiddenReason(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        if let first = bytes.first, first != UInt8(ascii: "/") {
            return "it does not start with \"/\""
        }
        for index in bytes.indices where bytes[index] == UInt8(ascii: "*") {
            if index + 1 < bytes.count && bytes[index + 1] != UInt8(ascii: "\n") {
                return "a \"*\" may only be the last character"
            }
        }
        let lastNewline = bytes.lastIndex(of: UInt8(ascii: "\n")) ?? -1
        var start = 0
        while start + 3 < bytes.count {
            defer { start += 1 }
            guard bytes[start] == UInt8(ascii: "/"), bytes[start + 1] == UInt8(ascii: "_"), bytes[start + 2] == UInt8(ascii: "_") else { continue }
            for (name, reserved) in reservedNames where bytes.count - start - 3 >= reserved.count {
                guard bytes[(start + 3)..<(start + 3 + reserved.count)].elementsEqual(reserved) else { continue }
                let restStart = start + 3 + reserved.count
                if restStart == bytes.count || (bytes[restStart] == UInt8(ascii: "/") && lastNewline < restStart) {
                    return "\"/__\(name)\" is reserved by KrakenD"
                }
            }
        }
        return nil
    }

    private static let reservedNames: [(String, [UInt8])] = ["debug", "echo", "health"].map { ($0, Array($0.utf8)) }

    /// The endpoint's input parameters, in order of appearance (duplicates kept, as KrakenD does).
    /// Strict REST (default): `/{name}` with `name` in `[a-zA-Z0-9_-]+` right after a slash.
    /// With root `disable_rest: true`: every `{x}` with `x` in `[\w.:/-]+`.
    static func inputParameters(of normalizedPath: String, disableREST: Bool) -> [String] {
        withBytes(of: normalizedPath) { bytes in inputParameters(in: bytes, disableREST: disableREST) }
    }

    private static func inputParameters(in bytes: UnsafeBufferPointer<UInt8>, disableREST: Bool) -> [String] {
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
        firstOfEach(withBytes(of: urlPattern) { bytes in placeholders(in: bytes, isNameByte: isPlaceholderByte) })
    }

    /// Lists up to this long are searched rather than hashed: a path or url_pattern has a few parameters, and
    /// a set of them cost more than comparing them (each of thousands of endpoints and backends asks).
    static let shortList = 16

    /// `names` without repeats, the first of each kept in order.
    static func firstOfEach(_ names: [String]) -> [String] {
        guard names.count > 1 else { return names }
        guard names.count > shortList else {
            var kept: [String] = []
            kept.reserveCapacity(names.count)
            for name in names where !kept.contains(name) { kept.append(name) }
            return kept
        }
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }

    /// Placeholders KrakenD fills from elsewhere: `resp<N>_<field>` (sequential proxy) and `JWT.<claim>`.
    static func isExempt(_ placeholder: String) -> Bool {
        // Read in place: every placeholder of every url_pattern is asked about.
        withBytes(of: placeholder) { bytes in
            let resp = "resp".utf8
            if bytes.starts(with: resp) {
                var index = resp.count
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
                if index > resp.count, index < bytes.count, bytes[index] == UInt8(ascii: "_"), index + 1 < bytes.count {
                    return true
                }
            }
            let jwt = "JWT.".utf8
            return bytes.starts(with: jwt) && bytes.count > jwt.count && bytes[jwt.count...].allSatisfy(isPlaceholderByte)
        }
    }

    /// The path the router registers: each input parameter `{p}` becomes `:p` before any `?`.
    /// One pass: a parameter name never contains a brace, so its `{p}` occurrences are exactly the
    /// brace pairs whose content is that name.
    static func routerPath(_ normalizedPath: String, parameters: [String]) -> String {
        guard !parameters.isEmpty else { return normalizedPath }
        // Read in place; an endpoint has a few parameters, compared directly rather than through a set.
        return withBytes(of: normalizedPath) { bytes in
            let queryStart = bytes.firstIndex(of: UInt8(ascii: "?")) ?? bytes.count
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            var index = 0
            while index < queryStart {
                if bytes[index] == UInt8(ascii: "{"), let close = bytes[(index + 1)..<queryStart].firstIndex(where: { $0 == UInt8(ascii: "}") || $0 == UInt8(ascii: "{") }),
                   bytes[close] == UInt8(ascii: "}") {
                    let name = UnsafeBufferPointer(rebasing: bytes[(index + 1)..<close])
                    if parameters.contains(String(decoding: name, as: UTF8.self)) {
                        result.append(UInt8(ascii: ":"))
                        result.append(contentsOf: name)
                        index = close + 1
                        continue
                    }
                }
                result.append(bytes[index])
                index += 1
            }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[queryStart...]))
            return String(decoding: result, as: UTF8.self)
        }
    }

    // MARK: - Scanning

    /// `body` over the string's UTF-8 bytes in place (a native string is already contiguous: no copy).
    static func withBytes<Result>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var text = text
        return text.withUTF8(body)
    }

    private static func placeholders(in bytes: UnsafeBufferPointer<UInt8>, isNameByte: (UInt8) -> Bool) -> [String] {
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
    private static func braced(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, isNameByte: (UInt8) -> Bool) -> (String, Int)? {
        guard start < bytes.count, bytes[start] == UInt8(ascii: "{") else { return nil }
        var index = start + 1
        while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
        guard index > start + 1, index < bytes.count, bytes[index] == UInt8(ascii: "}") else { return nil }
        return (String(decoding: bytes[(start + 1)..<index], as: UTF8.self), index + 1)
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
