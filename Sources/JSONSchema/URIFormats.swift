/// RFC 3986 URIs, RFC 3987 IRIs, RFC 6570 templates.
enum URIFormats {
    private static let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".unicodeScalars)
    private static let subDelims = Set("!$&'()*+,;=".unicodeScalars)

    private static func isAllowed(_ scalar: Unicode.Scalar, extra: String, international: Bool) -> Bool {
        if unreserved.contains(scalar) || subDelims.contains(scalar) || extra.unicodeScalars.contains(scalar) { return true }
        if international && !scalar.isASCII {
            let value = scalar.value
            return !(0xE000...0xF8FF).contains(value) && !(0xFFF0...0xFFFF).contains(value)
        }
        return false
    }

    /// Every scalar allowed (or a valid `%XX`).
    private static func check(_ part: Substring, extra: String, international: Bool) -> Bool {
        let scalars = Array(part.unicodeScalars)
        var index = 0
        while index < scalars.count {
            if scalars[index] == "%" {
                guard index + 2 < scalars.count, scalars[index + 1].isHexDigit, scalars[index + 2].isHexDigit else { return false }
                index += 3
                continue
            }
            guard isAllowed(scalars[index], extra: extra, international: international) else { return false }
            index += 1
        }
        return true
    }

    static func isURI(_ text: String, international: Bool, reference: Bool) -> Bool {
        var rest = Substring(text)
        if let hash = rest.firstIndex(of: "#") {
            guard check(rest[rest.index(after: hash)...], extra: ":@/?", international: international) else { return false }
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: "?") {
            guard check(rest[rest.index(after: question)...], extra: ":@/?", international: international) else { return false }
            rest = rest[..<question]
        }
        var hasScheme = false
        if let colon = rest.firstIndex(of: ":"), !rest[..<colon].contains("/") {
            let scheme = rest[..<colon]
            guard let first = scheme.unicodeScalars.first, first.isASCIILetter,
                  scheme.unicodeScalars.allSatisfy({ $0.isASCIILetter || $0.isASCIIDigit || "+-.".unicodeScalars.contains($0) }) else { return false }
            hasScheme = true
            rest = rest[rest.index(after: colon)...]
        }
        if !hasScheme && !reference { return false }
        if rest.hasPrefix("//") {
            let afterSlashes = rest.dropFirst(2)
            let end = afterSlashes.firstIndex(of: "/") ?? afterSlashes.endIndex
            guard isAuthority(afterSlashes[..<end], international: international) else { return false }
            rest = afterSlashes[end...]
        }
        return check(rest, extra: ":@/", international: international)
    }

    private static func isAuthority(_ authority: Substring, international: Bool) -> Bool {
        var hostPort = authority
        if let at = authority.lastIndex(of: "@") {
            guard check(authority[..<at], extra: ":", international: international) else { return false }
            hostPort = authority[authority.index(after: at)...]
        }
        if hostPort.hasPrefix("[") {
            guard let close = hostPort.firstIndex(of: "]") else { return false }
            let literal = String(hostPort[hostPort.index(after: hostPort.startIndex)..<close])
            guard NetworkFormats.isIPv6(literal) || literal.lowercased().hasPrefix("v") else { return false }
            let after = hostPort[hostPort.index(after: close)...]
            return after.isEmpty || (after.first == ":" && after.dropFirst().allSatisfy { $0.isASCII && $0.isNumber })
        }
        var host = hostPort
        if let colon = hostPort.lastIndex(of: ":") {
            guard hostPort[hostPort.index(after: colon)...].allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
            host = hostPort[..<colon]
        }
        return check(host, extra: "", international: international)
    }

    /// RFC 6570: literals without spaces, controls or braces; expressions `{op? varspec,...}` where a
    /// varspec is a dotted name (letters, digits, `_`, `%XX`) with `*` or `:1`-`:9999`.
    static func isURITemplate(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "{" {
                guard let close = scalars[index...].firstIndex(of: "}") else { return false }
                guard isExpression(Array(scalars[(index + 1)..<close])) else { return false }
                index = close + 1
                continue
            }
            if scalar == "}" || scalar.value <= 0x20 || scalar.value == 0x7F || "\"<>\\^`|".unicodeScalars.contains(scalar) { return false }
            if scalar == "%" {
                guard index + 2 < scalars.count, scalars[index + 1].isHexDigit, scalars[index + 2].isHexDigit else { return false }
                index += 3
                continue
            }
            index += 1
        }
        return true
    }

    private static func isExpression(_ body: [Unicode.Scalar]) -> Bool {
        var rest = body[...]
        if let first = rest.first, "+#./;?&=,!@|".unicodeScalars.contains(first) {
            guard "+#./;?&".unicodeScalars.contains(first) else { return false }
            rest = rest.dropFirst()
        }
        guard !rest.isEmpty else { return false }
        for spec in rest.split(separator: ",", omittingEmptySubsequences: false) {
            guard isVarSpec(Array(spec)) else { return false }
        }
        return true
    }

    private static func isVarSpec(_ spec: [Unicode.Scalar]) -> Bool {
        var name = spec[...]
        if name.last == "*" {
            name = name.dropLast()
        } else if let colon = name.firstIndex(of: ":") {
            let digits = name[(colon + 1)...]
            guard (1...4).contains(digits.count), digits.allSatisfy(\.isASCIIDigit), digits.first != "0" else { return false }
            name = name[..<colon]
        }
        guard !name.isEmpty, name.first != ".", name.last != "." else { return false }
        var index = name.startIndex
        var previousDot = false
        while index < name.endIndex {
            let scalar = name[index]
            if scalar == "%" {
                guard index + 2 < name.endIndex, name[index + 1].isHexDigit, name[index + 2].isHexDigit else { return false }
                index += 3
                previousDot = false
                continue
            }
            if scalar == "." {
                if previousDot { return false }
                previousDot = true
            } else {
                guard scalar.isASCIILetter || scalar.isASCIIDigit || scalar == "_" else { return false }
                previousDot = false
            }
            index += 1
        }
        return true
    }
}

/// RFC 6901 JSON Pointers and relative JSON Pointers.
enum PointerFormats {
    static func isJSONPointer(_ text: String) -> Bool {
        guard !text.isEmpty else { return true }
        guard text.hasPrefix("/") else { return false }
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() where scalar == "~" {
            guard index + 1 < scalars.count, scalars[index + 1] == "0" || scalars[index + 1] == "1" else { return false }
        }
        return true
    }

    static func isRelativeJSONPointer(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count, scalars[index].isASCIIDigit { index += 1 }
        guard index > 0 else { return false }
        if index > 1 && scalars[0] == "0" { return false }
        let rest = String(String.UnicodeScalarView(scalars[index...]))
        if rest == "#" { return true }
        if rest.hasPrefix("+") || rest.hasPrefix("-") {
            // Index manipulation: a non-zero integer after the sign, then a pointer.
            let tail = Array(rest.unicodeScalars.dropFirst())
            var digits = 0
            while digits < tail.count, tail[digits].isASCIIDigit { digits += 1 }
            guard digits > 0, !(digits > 1 && tail[0] == "0"), !(digits == 1 && tail[0] == "0") else { return false }
            let pointer = String(String.UnicodeScalarView(tail[digits...]))
            return pointer == "#" ? false : isJSONPointer(pointer)
        }
        return isJSONPointer(rest)
    }
}

extension Unicode.Scalar {
    var isHexDigit: Bool { isASCIIDigit || ("a"..."f").contains(self) || ("A"..."F").contains(self) }
}
