/// Credentials written inside a URL (`amqp://user:password@host:5672`).
public enum URLCredentials {
    /// The password of the URL's user-info part, as written (still percent-encoded), or nil when there is none.
    public static func password(in url: String) -> Substring? {
        // Most hosts carry no user info; a byte scan decides that before any string search.
        guard ByteSearch.contains(UInt8(ascii: "@"), in: url), let schemeEnd = url.range(of: "://") else { return nil }
        let rest = url[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard let at = authority.lastIndex(of: "@") else { return nil }
        let userInfo = authority[..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return nil }
        let password = userInfo[userInfo.index(after: colon)...]
        return password.isEmpty ? nil : password
    }

    /// `url` with its user-info part replaced by the mask, so that a host can be named in a message.
    public static func withoutUserInfo(_ url: String) -> String {
        guard ByteSearch.contains(UInt8(ascii: "@"), in: url), let schemeEnd = url.range(of: "://") else { return url }
        let rest = url[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard let at = authority.lastIndex(of: "@") else { return url }
        return String(url[..<schemeEnd.upperBound]) + SecretValue.mask + "@" + String(url[url.index(after: at)...])
    }
}
