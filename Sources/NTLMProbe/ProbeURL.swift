/// The URL one target is probed at: a backend host joined with the backend's `url_pattern`.
public struct ProbeURL: Sendable, Hashable, CustomStringConvertible {
    public enum Scheme: String, Sendable {
        case http, https

        var defaultPort: Int { self == .https ? 443 : 80 }
    }

    public let scheme: Scheme
    /// A DNS name or IPv4 address, or an IPv6 address without brackets.
    public let host: String
    public let port: Int
    /// The request target: path and query, every byte visible ASCII.
    public let requestTarget: String

    public init(scheme: Scheme, host: String, port: Int, requestTarget: String) {
        self.scheme = scheme
        self.host = host
        self.port = port
        self.requestTarget = requestTarget
    }

    var isIPv6: Bool { host.contains(":") }

    /// `host` or `host:port` when the port is not the scheme's default; IPv6 in brackets.
    public var authority: String {
        let name = isIPv6 ? "[\(host)]" : host
        return port == scheme.defaultPort ? name : "\(name):\(port)"
    }

    public var description: String { "\(scheme.rawValue)://\(authority)\(requestTarget)" }

    /// Whether `host` is an IP literal (no SNI is sent for those).
    var isIPAddress: Bool {
        if isIPv6 { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCIIDigit) && Int(part).map { $0 <= 255 } == true
        }
    }
}

/// A host entry of a backend, parsed the way KrakenD's host sanitizer reads it.
public struct BackendHost: Sendable, Hashable {
    public let scheme: ProbeURL.Scheme
    public let host: String
    public let port: Int
    /// A path after the authority (only meaningful with `disable_host_sanitize`), without a trailing slash.
    public let basePath: String

    /// Parses `[http://|https://]name[:port][/path]`. KrakenD defaults to `http://` when no scheme is given and
    /// accepts only lower-case `http` and `https`; names are `[A-Za-z0-9._-]+`, or an IPv6 literal in brackets.
    public static func parse(_ entry: String) -> Result<BackendHost, HostProblem> {
        var rest = Substring(entry)
        var scheme = ProbeURL.Scheme.http
        if rest.hasPrefix("https://") {
            scheme = .https
            rest = rest.dropFirst(8)
        } else if rest.hasPrefix("http://") {
            rest = rest.dropFirst(7)
        } else if let separator = rest.range(of: "://") {
            return .failure(HostProblem(
                "host \"\(entry)\" uses the scheme \"\(rest[..<separator.lowerBound])\"; expected http:// or https://"))
        }
        let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        if rest[..<authorityEnd].contains("@") {
            return .failure(HostProblem(
                "a host entry contains user information (name:password@), which KrakenD rejects; it is not shown"))
        }
        let name: Substring
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else {
                return .failure(HostProblem("host \"\(entry)\" opens an IPv6 address with [ but never closes it"))
            }
            name = rest[rest.index(after: rest.startIndex)..<close]
            guard !name.isEmpty, name.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else {
                return .failure(HostProblem("host \"\(entry)\" has an invalid IPv6 address"))
            }
            rest = rest[rest.index(after: close)...]
        } else {
            name = rest.prefix { $0.isASCIILetterOrDigit || $0 == "." || $0 == "-" || $0 == "_" }
            guard !name.isEmpty else {
                return .failure(HostProblem("host \"\(entry)\" has no host name; expected http(s)://name[:port]"))
            }
            rest = rest.dropFirst(name.count)
        }
        var port = scheme.defaultPort
        if rest.hasPrefix(":") {
            let digits = rest.dropFirst().prefix(while: \.isASCIIDigit)
            guard !digits.isEmpty, digits.count <= 5, let number = Int(digits), (1...65535).contains(number) else {
                return .failure(HostProblem("host \"\(entry)\" has an invalid port; expected a number from 1 to 65535"))
            }
            port = number
            rest = rest.dropFirst(1 + digits.count)
        }
        guard rest.isEmpty || rest.hasPrefix("/") else {
            return .failure(HostProblem("host \"\(entry)\" has unexpected text \"\(rest)\" after the host name"))
        }
        var basePath = String(rest)
        while basePath.hasSuffix("/") { basePath.removeLast() }
        return .success(BackendHost(scheme: scheme, host: String(name), port: port, basePath: basePath))
    }

    /// The URL for a backend `url_pattern` whose placeholders are already filled. KrakenD normalises the
    /// pattern to start with exactly one added `/` (a leading `/` is replaced, not doubled).
    public func url(path: String) -> ProbeURL {
        let normalized = "/" + (path.hasPrefix("/") ? String(path.dropFirst()) : path)
        return ProbeURL(scheme: scheme, host: host, port: port, requestTarget: RequestTarget.escaped(basePath + normalized))
    }
}

extension BackendHost {
    /// `entry` for display: user information (`name:password@`) replaced by `***@`.
    public static func masked(_ entry: String) -> String {
        var rest = Substring(entry)
        var prefix = ""
        if let separator = rest.range(of: "://") {
            prefix = String(rest[..<separator.upperBound])
            rest = rest[separator.upperBound...]
        }
        let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        guard let at = rest[..<authorityEnd].lastIndex(of: "@") else { return entry }
        return prefix + "***" + rest[at...]
    }
}

/// Why a host entry cannot be probed.
public struct HostProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Request-target escaping: every byte outside visible ASCII is percent-encoded, so no configured text or
/// parameter can inject spaces, line breaks or other header syntax into the request line.
enum RequestTarget {
    static func escaped(_ text: String) -> String {
        var output = ""
        let digits = Array("0123456789ABCDEF")
        for byte in text.utf8 {
            if byte > 0x20 && byte < 0x7F {
                output.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                output += "%"
                output.append(digits[Int(byte >> 4)])
                output.append(digits[Int(byte & 0x0F)])
            }
        }
        return output
    }

    /// A parameter value for a path segment: RFC 3986 unreserved characters kept, everything else encoded.
    static func escapedParameter(_ value: String) -> String {
        var output = ""
        let digits = Array("0123456789ABCDEF")
        for byte in value.utf8 {
            let scalar = Unicode.Scalar(byte)
            let character = Character(scalar)
            if byte < 0x80 && (character.isASCIILetterOrDigit || "-._~".contains(character)) {
                output.unicodeScalars.append(scalar)
            } else {
                output += "%"
                output.append(digits[Int(byte >> 4)])
                output.append(digits[Int(byte & 0x0F)])
            }
        }
        return output
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
    var isASCIILetterOrDigit: Bool { isASCII && (isLetter || isNumber) }
}
