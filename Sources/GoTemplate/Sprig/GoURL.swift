/// Go's `net/url`: `url.Parse` and `URL.String`, with its escaping rules and error texts, on bytes.
struct GoURL {
    var scheme = "", opaque = "", host = "", path = "", rawPath = "", rawQuery = "", fragment = "", rawFragment = ""
    var user: (name: String, password: String?)?
    var forceQuery = false, omitHost = false

    enum Encoding { case path, pathSegment, host, zone, userPassword, queryComponent, fragment }

    struct ParseError: Error { let message: String }

    /// `url.Parse`; the error is Go's `*url.Error` text (`parse "x": …`).
    static func parse(_ raw: String) -> Result<GoURL, ParseError> {
        let (body, fragment) = cut(raw, "#")
        var url: GoURL
        switch parseBody(body) {
        case .success(let parsed): url = parsed
        case .failure(let error): return .failure(ParseError(message: "parse \(GoFormat.quote(body)): \(error.message)"))
        }
        guard let fragment, !fragment.isEmpty else { return .success(url) }
        switch unescape(fragment, .fragment) {
        case .success(let decoded):
            url.fragment = decoded
            url.rawFragment = escape(decoded, .fragment) == fragment ? "" : fragment
            return .success(url)
        case .failure(let error): return .failure(ParseError(message: "parse \(GoFormat.quote(raw)): \(error.message)"))
        }
    }

    private static func cut(_ text: String, _ separator: Character) -> (String, String?) {
        guard let index = text.firstIndex(of: separator) else { return (text, nil) }
        return (String(text[..<index]), String(text[text.index(after: index)...]))
    }

    private static func parseBody(_ raw: String) -> Result<GoURL, ParseError> {
        if raw.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) {
            return .failure(ParseError(message: "net/url: invalid control character in URL"))
        }
        var url = GoURL()
        if raw == "*" {
            url.path = "*"
            return .success(url)
        }
        var rest = raw
        let bytes = Array(raw.utf8)
        schemeLoop: for (index, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                if index == 0 { break schemeLoop }
            case UInt8(ascii: ":"):
                if index == 0 { return .failure(ParseError(message: "missing protocol scheme")) }
                url.scheme = String(decoding: bytes[..<index], as: UTF8.self).lowercased()
                rest = String(decoding: bytes[(index + 1)...], as: UTF8.self)
                break schemeLoop
            default:
                break schemeLoop
            }
        }
        if rest.hasSuffix("?") && rest.filter({ $0 == "?" }).count == 1 {
            url.forceQuery = true
            rest.removeLast()
        } else {
            let (before, query) = cut(rest, "?")
            rest = before
            url.rawQuery = query ?? ""
        }
        if !rest.hasPrefix("/") {
            if !url.scheme.isEmpty {
                url.opaque = rest
                return .success(url)
            }
            if cut(rest, "/").0.contains(":") {
                return .failure(ParseError(message: "first path segment in URL cannot contain colon"))
            }
        }
        if (!url.scheme.isEmpty || !rest.hasPrefix("///")) && rest.hasPrefix("//") {
            var authority = String(rest.dropFirst(2))
            rest = ""
            if let slash = authority.firstIndex(of: "/") {
                rest = String(authority[slash...])
                authority = String(authority[..<slash])
            }
            switch parseAuthority(authority) {
            case .success(let (user, host)):
                url.user = user
                url.host = host
            case .failure(let error): return .failure(error)
            }
        } else if !url.scheme.isEmpty && rest.hasPrefix("/") {
            url.omitHost = true
        }
        switch unescape(rest, .path) {
        case .success(let decoded):
            url.path = decoded
            url.rawPath = escape(decoded, .path) == rest ? "" : rest
        case .failure(let error): return .failure(error)
        }
        return .success(url)
    }

    private static func parseAuthority(_ authority: String) -> Result<((name: String, password: String?)?, String), ParseError> {
        let at = authority.lastIndex(of: "@")
        let hostText = at.map { String(authority[authority.index(after: $0)...]) } ?? authority
        let host: String
        switch parseHost(hostText) {
        case .success(let parsed): host = parsed
        case .failure(let error): return .failure(error)
        }
        guard let at else { return .success((nil, host)) }
        let userinfo = String(authority[..<at])
        let allowed = Set("-._:~!$&'()*+,;=%@".unicodeScalars)
        guard userinfo.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || allowed.contains($0)) })
        else { return .failure(ParseError(message: "net/url: invalid userinfo")) }
        let (name, password) = cut(userinfo, ":")
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

    private static func parseHost(_ host: String) -> Result<String, ParseError> {
        if host.hasPrefix("[") {
            guard let close = host.lastIndex(of: "]") else { return .failure(ParseError(message: "missing ']' in host")) }
            let colonPort = String(host[host.index(after: close)...])
            guard validOptionalPort(colonPort) else {
                return .failure(ParseError(message: "invalid port \(GoFormat.quote(colonPort)) after host"))
            }
            if let zone = host[..<close].range(of: "%25") {
                let parts = [(String(host[..<zone.lowerBound]), Encoding.host), (String(host[zone.lowerBound..<close]), .zone), (String(host[close...]), .host)]
                var result = ""
                for (text, mode) in parts {
                    switch unescape(text, mode) {
                    case .success(let decoded): result += decoded
                    case .failure(let error): return .failure(error)
                    }
                }
                return .success(result)
            }
        } else if let colon = host.lastIndex(of: ":") {
            let colonPort = String(host[colon...])
            guard validOptionalPort(colonPort) else {
                return .failure(ParseError(message: "invalid port \(GoFormat.quote(colonPort)) after host"))
            }
        }
        return unescape(host, .host)
    }

    static func validOptionalPort(_ port: String) -> Bool {
        if port.isEmpty { return true }
        guard port.hasPrefix(":") else { return false }
        return port.utf8.dropFirst().allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// `URL.Hostname`: the host without its port and IPv6 brackets.
    var hostname: String {
        var name = host
        if let colon = name.lastIndex(of: ":"), Self.validOptionalPort(String(name[colon...])) { name = String(name[..<colon]) }
        if name.hasPrefix("[") && name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        return name
    }

    /// `Userinfo.String`.
    var userText: String? {
        guard let user else { return nil }
        var text = Self.escape(user.name, .userPassword)
        if let password = user.password { text += ":" + Self.escape(password, .userPassword) }
        return text
    }

    /// `URL.String`.
    var text: String {
        var output = ""
        if !scheme.isEmpty { output += scheme + ":" }
        if !opaque.isEmpty {
            output += opaque
        } else {
            if !scheme.isEmpty || !host.isEmpty || user != nil {
                if !(omitHost && host.isEmpty && user == nil) {
                    if !host.isEmpty || !path.isEmpty || user != nil { output += "//" }
                    if let userText { output += userText + "@" }
                    if !host.isEmpty { output += Self.escape(host, .host) }
                }
            }
            let escapedPath = self.escapedPath
            if !escapedPath.isEmpty && !escapedPath.hasPrefix("/") && !host.isEmpty { output += "/" }
            if output.isEmpty && Self.cut(escapedPath, "/").0.contains(":") { output += "./" }
            output += escapedPath
        }
        if forceQuery || !rawQuery.isEmpty { output += "?" + rawQuery }
        if !fragment.isEmpty { output += "#" + escapedFragment }
        return output
    }

    private var escapedPath: String {
        if !rawPath.isEmpty && Self.validEncoded(rawPath, .path), case .success(let decoded) = Self.unescape(rawPath, .path), decoded == path {
            return rawPath
        }
        if path == "*" { return "*" }
        return Self.escape(path, .path)
    }

    private var escapedFragment: String {
        if !rawFragment.isEmpty && Self.validEncoded(rawFragment, .fragment),
            case .success(let decoded) = Self.unescape(rawFragment, .fragment), decoded == fragment
        {
            return rawFragment
        }
        return Self.escape(fragment, .fragment)
    }

    private static func validEncoded(_ text: String, _ mode: Encoding) -> Bool {
        text.utf8.allSatisfy { byte in "!$&'()*+,;=:@[]%".utf8.contains(byte) || !shouldEscape(byte, mode) }
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

    static func escape(_ text: String, _ mode: Encoding) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var output: [UInt8] = []
        for byte in text.utf8 {
            if byte == UInt8(ascii: " ") && mode == .queryComponent {
                output.append(UInt8(ascii: "+"))
            } else if shouldEscape(byte, mode) {
                output += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            } else {
                output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    static func unescape(_ text: String, _ mode: Encoding) -> Result<String, ParseError> {
        let bytes = Array(text.utf8)
        func hexValue(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - 48
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - 87
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - 55
            default: return nil
            }
        }
        func slice(_ range: Range<Int>) -> String { String(decoding: bytes[range.clamped(to: 0..<bytes.count)], as: UTF8.self) }
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "%"):
                guard index + 2 < bytes.count, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) else {
                    return .failure(ParseError(message: "invalid URL escape " + GoFormat.quote(slice(index..<(index + 3)))))
                }
                let escaped = slice(index..<(index + 3))
                if mode == .host && high < 8 && escaped != "%25" {
                    return .failure(ParseError(message: "invalid URL escape " + GoFormat.quote(escaped)))
                }
                let value = high << 4 | low
                if mode == .zone && escaped != "%25" && value != UInt8(ascii: " ") && shouldEscape(value, .host) {
                    return .failure(ParseError(message: "invalid URL escape " + GoFormat.quote(escaped)))
                }
                output.append(value)
                index += 3
            case UInt8(ascii: "+"):
                output.append(mode == .queryComponent ? UInt8(ascii: " ") : byte)
                index += 1
            default:
                if (mode == .host || mode == .zone) && byte < 0x80 && shouldEscape(byte, mode) {
                    return .failure(ParseError(message: "invalid character " + GoFormat.quote(slice(index..<(index + 1))) + " in host name"))
                }
                output.append(byte)
                index += 1
            }
        }
        return .success(String(decoding: output, as: UTF8.self))
    }
}
