/// Host names, addresses and e-mail addresses (RFC 1123, RFC 2673/4291, RFC 5321/6531).
enum NetworkFormats {
    static func isHostname(_ text: String) -> Bool {
        let host = text
        guard !host.isEmpty, host.utf8.count <= 253 else { return false }
        for label in host.split(separator: ".", omittingEmptySubsequences: false) {
            let bytes = Array(label.utf8)
            guard !bytes.isEmpty, bytes.count <= 63 else { return false }
            guard bytes.allSatisfy({ isAlphanumeric($0) || $0 == UInt8(ascii: "-") }) else { return false }
            guard bytes.first != UInt8(ascii: "-"), bytes.last != UInt8(ascii: "-") else { return false }
            if bytes.count >= 4, bytes[2] == UInt8(ascii: "-"), bytes[3] == UInt8(ascii: "-") {
                // Reserved "??--" labels: only valid A-labels ("xn--" with a decodable, valid U-label).
                guard label.lowercased().hasPrefix("xn--"), let decoded = Punycode.decode(String(label.dropFirst(4))) else { return false }
                guard IDNHostname.isValidULabel(decoded) else { return false }
            }
        }
        return true
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    static func isIPv4(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        for part in parts {
            let bytes = Array(part.utf8)
            guard !bytes.isEmpty, bytes.count <= 3, bytes.allSatisfy(FormatChecker.isDigit) else { return false }
            if bytes.count > 1 && bytes[0] == UInt8(ascii: "0") { return false }
            guard let value = Int(part), value <= 255 else { return false }
        }
        return true
    }

    static func isIPv6(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.allSatisfy({ FormatChecker.isHexDigit($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".") }) else { return false }
        var groups = text.components(separatedBy: ":")
        var trailingIPv4 = false
        if let last = groups.last, last.contains(".") {
            guard isIPv4(last) else { return false }
            groups.removeLast()
            groups.append("0")
            groups.append("0")
            trailingIPv4 = true
        }
        _ = trailingIPv4
        let compressions = text.components(separatedBy: "::").count - 1
        guard compressions <= 1 else { return false }
        if compressions == 1 {
            // Empty groups only from the "::" itself.
            let sides = text.components(separatedBy: "::")
            let left = sides[0].isEmpty ? [] : sides[0].components(separatedBy: ":")
            var right = sides[1].isEmpty ? [] : sides[1].components(separatedBy: ":")
            if let last = right.last, last.contains(".") {
                right.removeLast()
                right.append(contentsOf: ["0", "0"])
            }
            if left.contains(where: \.isEmpty) || right.contains(where: \.isEmpty) { return false }
            if (left + right).contains(where: { $0.contains(".") }) { return false }
            guard (left + right).allSatisfy({ $0.count <= 4 }) else { return false }
            return left.count + right.count <= 7
        }
        guard groups.count == 8 else { return false }
        return groups.allSatisfy { !$0.isEmpty && $0.count <= 4 && !$0.contains(".") }
    }

    /// A mailbox: `local@domain` with a dot-atom or quoted local part and a host name or address literal.
    static func isEmail(_ text: String, international: Bool) -> Bool {
        guard text.utf8.count <= 4096, let at = text.lastIndex(of: "@") else { return false }
        let local = text[..<at]
        let domain = String(text[text.index(after: at)...])
        guard !local.isEmpty, !domain.isEmpty else { return false }
        if local.hasPrefix("\"") {
            guard local.count >= 2, local.hasSuffix("\"") else { return false }
        } else {
            guard !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else { return false }
            let specials = Set("!#$%&'*+-/=?^_`{|}~.".unicodeScalars)
            for scalar in local.unicodeScalars {
                if scalar.isASCII {
                    guard scalar.isASCIILetter || scalar.isASCIIDigit || specials.contains(scalar) else { return false }
                } else if !international {
                    return false
                }
            }
        }
        if domain.hasPrefix("[") {
            guard domain.hasSuffix("]") else { return false }
            let literal = String(domain.dropFirst().dropLast())
            if literal.lowercased().hasPrefix("ipv6:") { return isIPv6(String(literal.dropFirst(5))) }
            return isIPv4(literal)
        }
        return international ? IDNHostname.isValid(domain) : isHostname(domain)
    }
}

/// RFC 3492 Punycode decoding, for checking A-labels.
enum Punycode {
    static func decode(_ input: String) -> String? {
        let base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700
        var n = 128, i = 0, bias = 72
        var output: [Unicode.Scalar] = []
        let scalars = Array(input.unicodeScalars)
        var start = 0
        if let delimiter = scalars.lastIndex(of: "-") {
            for scalar in scalars[..<delimiter] {
                guard scalar.isASCII else { return nil }
                output.append(scalar)
            }
            start = delimiter + 1
        }
        var index = start
        while index < scalars.count {
            let oldI = i
            var w = 1
            var k = base
            while true {
                guard index < scalars.count else { return nil }
                let c = scalars[index].value
                index += 1
                let digit: Int
                switch c {
                case 0x30...0x39: digit = Int(c) - 22
                case 0x41...0x5A: digit = Int(c) - 0x41
                case 0x61...0x7A: digit = Int(c) - 0x61
                default: return nil
                }
                let (product, overflow) = digit.multipliedReportingOverflow(by: w)
                guard !overflow, i <= Int(Int32.max) - product else { return nil }
                i += product
                let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                if digit < t { break }
                guard w <= Int(Int32.max) / (base - t) else { return nil }
                w *= base - t
                k += base
            }
            var delta = oldI == 0 ? (i - oldI) / damp : (i - oldI) / 2
            delta += delta / (output.count + 1)
            var kk = 0
            while delta > ((base - tMin) * tMax) / 2 {
                delta /= base - tMin
                kk += base
            }
            bias = kk + (base - tMin + 1) * delta / (delta + skew)
            n += i / (output.count + 1)
            i %= output.count + 1
            guard n <= 0x10FFFF, let scalar = Unicode.Scalar(UInt32(n)) else { return nil }
            output.insert(scalar, at: i)
            i += 1
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: output)
        return text
    }
}
