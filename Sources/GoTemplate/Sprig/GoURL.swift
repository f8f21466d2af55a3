/// Go's `net/url`: `url.Parse` and `URL.String`, with its escaping rules and error texts, on bytes: a Go string
/// need not be valid UTF-8, and neither need what `%XX` escapes decode to, so every part is the bytes Go has.
struct GoURL {
    typealias Bytes = [UInt8]

    var scheme: Bytes = [], opaque: Bytes = [], host: Bytes = [], path: Bytes = [], rawPath: Bytes = []
    var rawQuery: Bytes = [], fragment: Bytes = [], rawFragment: Bytes = []
    var user: (name: Bytes, password: Bytes?)?
    var forceQuery = false, omitHost = false

    enum Encoding { case path, pathSegment, host, zone, userPassword, queryComponent, fragment }

    struct ParseError: Error { let message: String }

    /// `url.Parse`; the error is Go's `*url.Error` text (`parse "x": …`).
    static func parse(_ raw: Bytes) -> Result<GoURL, ParseError> {
        let (body, fragment) = cut(raw[...], UInt8(ascii: "#"))
        var url: GoURL
        switch parseBody(Array(body)) {
        case .success(let parsed): url = parsed
        case .failure(let error): return .failure(ParseError(message: "parse \(GoFormat.quote(bytes: body)): \(error.message)"))
        }
        guard let fragment, !fragment.isEmpty else { return .success(url) }
        switch unescape(fragment, .fragment) {
        case .success(let decoded):
            url.fragment = decoded
            url.rawFragment = escape(decoded, .fragment).elementsEqual(fragment) ? [] : Array(fragment)
            return .success(url)
        case .failure(let error): return .failure(ParseError(message: "parse \(GoFormat.quote(bytes: raw)): \(error.message)"))
        }
    }

    /// `strings.Cut`: the bytes before the first `separator` and, when there is one, those after it.
    private static func cut(_ text: ArraySlice<UInt8>, _ separator: UInt8) -> (ArraySlice<UInt8>, ArraySlice<UInt8>?) {
        guard let index = text.firstIndex(of: separator) else { return (text, nil) }
        return (text[..<index], text[(index + 1)...])
    }

    private static func hasPrefix(_ text: ArraySlice<UInt8>, _ prefix: String) -> Bool { text.starts(with: prefix.utf8) }

    private static func parseBody(_ raw: Bytes) -> Result<GoURL, ParseError> {
        if raw.contains(where: { $0 < 0x20 || $0 == 0x7F }) {
            return .failure(ParseError(message: "net/url: invalid control character in URL"))
        }
        var url = GoURL()
        if raw == Array("*".utf8) {
            url.path = raw
            return .success(url)
        }
        var rest = raw[...]
        schemeLoop: for (index, byte) in raw.enumerated() {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                if index == 0 { break schemeLoop }
            case UInt8(ascii: ":"):
                if index == 0 { return .failure(ParseError(message: "missing protocol scheme")) }
                url.scheme = raw[..<index].map { byte in
                    (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
                }
                rest = raw[(index + 1)...]
                break schemeLoop
            default:
                break schemeLoop
            }
        }
        if rest.last == UInt8(ascii: "?") && rest.count(where: { $0 == UInt8(ascii: "?") }) == 1 {
            url.forceQuery = true
            rest = rest.dropLast()
        } else {
            let (before, query) = cut(rest, UInt8(ascii: "?"))
            rest = before
            url.rawQuery = Array(query ?? [])
        }
        if !hasPrefix(rest, "/") {
            if !url.scheme.isEmpty {
                url.opaque = Array(rest)
                return .success(url)
            }
            if cut(rest, UInt8(ascii: "/")).0.contains(UInt8(ascii: ":")) {
                return .failure(ParseError(message: "first path segment in URL cannot contain colon"))
            }
        }
        if (!url.scheme.isEmpty || !hasPrefix(rest, "///")) && hasPrefix(rest, "//") {
            var authority = rest.dropFirst(2)
            rest = []
            if let slash = authority.firstIndex(of: UInt8(ascii: "/")) {
                rest = authority[slash...]
                authority = authority[..<slash]
            }
            switch parseAuthority(authority) {
            case .success(let (user, host)):
                url.user = user
                url.host = host
            case .failure(let error): return .failure(error)
            }
        } else if !url.scheme.isEmpty && hasPrefix(rest, "/") {
            url.omitHost = true
        }
        switch unescape(rest, .path) {
        case .success(let decoded):
            url.path = decoded
            url.rawPath = escape(decoded, .path).elementsEqual(rest) ? [] : Array(rest)
        case .failure(let error): return .failure(error)
        }
        return .success(url)
    }

    private static func parseAuthority(_ authority: ArraySlice<UInt8>) -> Result<((name: Bytes, password: Bytes?)?, Bytes), ParseError> {
        let at = authority.lastIndex(of: UInt8(ascii: "@"))
        let hostText = at.map { authority[($0 + 1)...] } ?? authority
        let host: Bytes
        switch parseHost(hostText) {
        case .success(let parsed): host = parsed
        case .failure(let error): return .failure(error)
        }
        guard let at else { return .success((nil, host)) }
        let userinfo = authority[..<at]
        // Go's validUserinfo reads runes: anything outside ASCII, an invalid byte included, is refused.
        let allowed = "-._:~!$&'()*+,;=%@".utf8
        guard userinfo.allSatisfy({ byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || allowed.contains(byte)
        })
        else { return .failure(ParseError(message: "net/url: invalid userinfo")) }
        let (name, password) = cut(userinfo, UInt8(ascii: ":"))
        switch unescape(name, .userPassword) {
        case .failure(let error): return .failure(error)
        case .success(let decodedName):
            guard let password else { return .success(((decodedName, nil), host)) }
            switch unescape(password, .userPassword) {
            case .failure(let error): return .failure(error)
            case .success(let decodedPassword): return .success(((decodedName, decodedPassword), host))
            }
        }
    }

    private static func parseHost(_ host: ArraySlice<UInt8>) -> Result<Bytes, ParseError> {
        if hasPrefix(host, "[") {
            guard let close = host.lastIndex(of: UInt8(ascii: "]")) else { return .failure(ParseError(message: "missing ']' in host")) }
            let colonPort = host[(close + 1)...]
            guard validOptionalPort(colonPort) else {
                return .failure(ParseError(message: "invalid port \(GoFormat.quote(bytes: colonPort)) after host"))
            }
            if let zone = firstRange(of: "%25", in: host[..<close]) {
                let parts = [(host[..<zone], Encoding.host), (host[zone..<close], .zone), (host[close...], .host)]
                var result: Bytes = []
                for (text, mode) in parts {
                    switch unescape(text, mode) {
                    case .success(let decoded): result += decoded
                    case .failure(let error): return .failure(error)
                    }
                }
                return .success(result)
            }
        } else if let colon = host.lastIndex(of: UInt8(ascii: ":")) {
            let colonPort = host[colon...]
            guard validOptionalPort(colonPort) else {
                return .failure(ParseError(message: "invalid port \(GoFormat.quote(bytes: colonPort)) after host"))
            }
        }
        return unescape(host, .host)
    }

    /// The start of the first occurrence of `needle` in `text`.
    private static func firstRange(of needle: String, in text: ArraySlice<UInt8>) -> Int? {
        let needle = Array(needle.utf8)
        guard text.count >= needle.count else { return nil }
        return (text.startIndex...(text.endIndex - needle.count)).first { text[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    static func validOptionalPort(_ port: ArraySlice<UInt8>) -> Bool {
        if port.isEmpty { return true }
        guard port.first == UInt8(ascii: ":") else { return false }
        return port.dropFirst().allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// `URL.Hostname`: the host without its port and IPv6 brackets.
    var hostname: Bytes {
        var name = host[...]
        if let colon = name.lastIndex(of: UInt8(ascii: ":")), Self.validOptionalPort(name[colon...]) { name = name[..<colon] }
        if name.first == UInt8(ascii: "[") && name.last == UInt8(ascii: "]") { name = name.dropFirst().dropLast() }
        return Array(name)
    }

    /// `Userinfo.String`.
    var userText: Bytes? {
        guard let user else { return nil }
        var text = Self.escape(user.name, .userPassword)
        if let password = user.password { text += [UInt8(ascii: ":")] + Self.escape(password, .userPassword) }
        return text
    }

    /// `URL.String`.
    var text: Bytes {
        var output: Bytes = []
        if !scheme.isEmpty { output += scheme + [UInt8(ascii: ":")] }
        if !opaque.isEmpty {
            output += opaque
        } else {
            if !scheme.isEmpty || !host.isEmpty || user != nil {
                if !(omitHost && host.isEmpty && user == nil) {
                    if !host.isEmpty || !path.isEmpty || user != nil { output += "//".utf8 }
                    if let userText { output += userText + [UInt8(ascii: "@")] }
                    if !host.isEmpty { output += Self.escape(host, .host) }
                }
            }
            let escapedPath = self.escapedPath
            if !escapedPath.isEmpty && escapedPath.first != UInt8(ascii: "/") && !host.isEmpty { output.append(UInt8(ascii: "/")) }
            if output.isEmpty && Self.cut(escapedPath[...], UInt8(ascii: "/")).0.contains(UInt8(ascii: ":")) { output += "./".utf8 }
            output += escapedPath
        }
        if forceQuery || !rawQuery.isEmpty { output += [UInt8(ascii: "?")] + rawQuery }
        if !fragment.isEmpty { output += [UInt8(ascii: "#")] + escapedFragment }
        return output
    }

    private var escapedPath: Bytes {
        if !rawPath.isEmpty && Self.validEncoded(rawPath, .path), case .success(let decoded) = Self.unescape(rawPath[...], .path),
            decoded == path
        {
            return rawPath
        }
        if path == Array("*".utf8) { return path }
        return Self.escape(path, .path)
    }

    private var escapedFragment: Bytes {
        if !rawFragment.isEmpty && Self.validEncoded(rawFragment, .fragment),
            case .success(let decoded) = Self.unescape(rawFragment[...], .fragment), decoded == fragment
        {
            return rawFragment
        }
        return Self.escape(fragment, .fragment)
    }

    private static func validEncoded(_ text: Bytes, _ mode: Encoding) -> Bool {
        text.allSatisfy { byte in "!$&'()*+,;=:@[]%".utf8.contains(byte) || !shouldEscape(byte, mode) }
    }

    static func shouldEscape(_ byte: UInt8, _ mode: Encoding) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return false
        default: break
        }
        if mode == .host || mode == .zone, "!$&'()*+,;=:[]<>\"".utf8.contains(byte) { return false }
        if "-_.~".utf8.contains(byte) { return false }
        if "$&+,/:;=?@".utf8.contains(byte) {
            switch mode {
            case .path: return byte == UInt8(ascii: "?")
            case .pathSegment: return "/;,?".utf8.contains(byte)
            case .userPassword: return "@/?:".utf8.contains(byte)
            case .queryComponent: return true
            case .fragment: return false
            case .host, .zone: break
            }
        }
        if mode == .fragment, "!()*".utf8.contains(byte) { return false }
        return true
    }

    static func escape<Text: Sequence>(_ text: Text, _ mode: Encoding) -> Bytes where Text.Element == UInt8 {
        let hex = Array("0123456789ABCDEF".utf8)
        var output: Bytes = []
        for byte in text {
            if byte == UInt8(ascii: " ") && mode == .queryComponent {
                output.append(UInt8(ascii: "+"))
            } else if shouldEscape(byte, mode) {
                output += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            } else {
                output.append(byte)
            }
        }
        return output
    }

    static func unescape(_ text: ArraySlice<UInt8>, _ mode: Encoding) -> Result<Bytes, ParseError> {
        let bytes = Array(text)
        func hexValue(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - 48
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - 87
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - 55
            default: return nil
            }
        }
        func quoted(_ range: Range<Int>) -> String { GoFormat.quote(bytes: bytes[range.clamped(to: 0..<bytes.count)]) }
        var output: Bytes = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "%"):
                guard index + 2 < bytes.count, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) else {
                    return .failure(ParseError(message: "invalid URL escape " + quoted(index..<(index + 3))))
                }
                let isPercent25 = bytes[index + 1] == UInt8(ascii: "2") && bytes[index + 2] == UInt8(ascii: "5")
                if mode == .host && high < 8 && !isPercent25 {
                    return .failure(ParseError(message: "invalid URL escape " + quoted(index..<(index + 3))))
                }
                let value = high << 4 | low
                if mode == .zone && !isPercent25 && value != UInt8(ascii: " ") && shouldEscape(value, .host) {
                    return .failure(ParseError(message: "invalid URL escape " + quoted(index..<(index + 3))))
                }
                output.append(value)
                index += 3
            case UInt8(ascii: "+"):
                output.append(mode == .queryComponent ? UInt8(ascii: " ") : byte)
                index += 1
            default:
                if (mode == .host || mode == .zone) && byte < 0x80 && shouldEscape(byte, mode) {
                    return .failure(ParseError(message: "invalid character " + quoted(index..<(index + 1)) + " in host name"))
                }
                output.append(byte)
                index += 1
            }
        }
        return .success(output)
    }
}
