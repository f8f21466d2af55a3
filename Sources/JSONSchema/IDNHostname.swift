/// Internationalized host names (RFC 5890-5893, IDNA2008) as far as checking without the full
/// Unicode IDNA tables goes: label syntax, A-label decoding, the CONTEXTJ/CONTEXTO rules, the
/// explicit exception list and the Bidi rule.
enum IDNHostname {
    static let separators: Set<Unicode.Scalar> = [".", "\u{3002}", "\u{FF0E}", "\u{FF61}"]

    static func isValid(_ text: String) -> Bool {
        // No valid name is longer than 253 octets in A-label form; this also bounds Punycode work.
        guard !text.isEmpty, text.unicodeScalars.count <= 253 else { return false }
        var labels: [String] = [""]
        for scalar in text.unicodeScalars {
            if separators.contains(scalar) { labels.append("") } else { labels[labels.count - 1].unicodeScalars.append(scalar) }
        }
        var uLabels: [String] = []
        var totalLength = labels.count - 1
        for label in labels {
            guard !label.isEmpty else { return false }
            if label.unicodeScalars.allSatisfy(\.isASCII) {
                let bytes = Array(label.utf8)
                guard bytes.count <= 63, bytes.allSatisfy({ NetworkFormats.isAlphanumeric($0) || $0 == UInt8(ascii: "-") }) else { return false }
                guard bytes.first != UInt8(ascii: "-"), bytes.last != UInt8(ascii: "-") else { return false }
                totalLength += bytes.count
                if bytes.count >= 4, bytes[2] == UInt8(ascii: "-"), bytes[3] == UInt8(ascii: "-") {
                    guard label.lowercased().hasPrefix("xn--"), let decoded = Punycode.decode(String(label.dropFirst(4))), isValidULabel(decoded) else { return false }
                    guard Punycode.encode(decoded)?.lowercased() == String(label.dropFirst(4)).lowercased() else { return false }
                    uLabels.append(decoded)
                } else {
                    uLabels.append(label)
                }
            } else {
                guard isValidULabel(label), let encoded = Punycode.encode(label), encoded.utf8.count + 4 <= 63 else { return false }
                totalLength += encoded.utf8.count + 4
                uLabels.append(label)
            }
        }
        guard totalLength <= 253 else { return false }
        // The Bidi rule applies to every label once any label holds right-to-left characters.
        if uLabels.contains(where: { $0.unicodeScalars.contains(where: isRightToLeft) }) {
            return uLabels.allSatisfy(satisfiesBidiRule)
        }
        return true
    }

    /// A Unicode label: code points allowed, hyphen placement, contextual rules.
    static func isValidULabel(_ label: String) -> Bool {
        let scalars = Array(label.unicodeScalars)
        guard !scalars.isEmpty, scalars.count <= 63 else { return false }
        if scalars.allSatisfy(\.isASCII) { return false }
        if scalars.first == "-" || scalars.last == "-" { return false }
        if scalars.count >= 4, scalars[2] == "-", scalars[3] == "-" { return false }
        if isMark(scalars[0]) { return false }
        for (index, scalar) in scalars.enumerated() {
            guard isAllowed(scalar, at: index, in: scalars) else { return false }
        }
        let arabicIndic = scalars.contains { (0x0660...0x0669).contains($0.value) }
        let extended = scalars.contains { (0x06F0...0x06F9).contains($0.value) }
        return !(arabicIndic && extended)
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    private static let exceptionsValid: Set<UInt32> = [0x00DF, 0x03C2, 0x06FD, 0x06FE, 0x0F0B, 0x3007]
    private static let exceptionsDisallowed: Set<UInt32> = [0x0640, 0x07FA, 0x302E, 0x302F, 0x3031, 0x3032, 0x3033, 0x3034, 0x3035, 0x303B]

    private static func isAllowed(_ scalar: Unicode.Scalar, at index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        let value = scalar.value
        if exceptionsValid.contains(value) { return true }
        if exceptionsDisallowed.contains(value) { return false }
        let before = index > 0 ? scalars[index - 1] : nil
        let after = index + 1 < scalars.count ? scalars[index + 1] : nil
        switch value {
        case 0x00B7:
            return before == "l" && after == "l"
        case 0x0375:
            return after.map { $0.properties.generalCategory != .unassigned && isGreek($0) } ?? false
        case 0x05F3, 0x05F4:
            return before.map(isHebrew) ?? false
        case 0x30FB:
            return scalars.contains { isHiraganaKatakanaHan($0) && $0.value != 0x30FB }
        case 0x200D:
            return before.map(isVirama) ?? false
        case 0x200C:
            if let before, isVirama(before) { return true }
            return zeroWidthNonJoinerContext(at: index, in: scalars)
        case 0x002D:
            return true
        default:
            break
        }
        if scalar.isASCII { return NetworkFormats.isAlphanumeric(UInt8(value)) }
        let properties = scalar.properties
        if properties.changesWhenLowercased { return false }
        switch properties.generalCategory {
        case .lowercaseLetter, .otherLetter, .modifierLetter, .nonspacingMark, .spacingMark, .decimalNumber:
            return true
        default:
            return false
        }
    }

    private static func isGreek(_ scalar: Unicode.Scalar) -> Bool {
        (0x0370...0x03FF).contains(scalar.value) || (0x1F00...0x1FFF).contains(scalar.value)
    }

    private static func isHebrew(_ scalar: Unicode.Scalar) -> Bool { (0x0590...0x05FF).contains(scalar.value) }

    private static func isHiraganaKatakanaHan(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (0x3040...0x309F).contains(value) || (0x30A0...0x30FF).contains(value) || (0x4E00...0x9FFF).contains(value)
            || (0x3400...0x4DBF).contains(value) || (0x20000...0x2A6DF).contains(value) || (0x31F0...0x31FF).contains(value)
    }

    private static func isVirama(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.canonicalCombiningClass.rawValue == 9
    }

    /// RFC 5892 appendix A.1: joining types around a ZWNJ (L/D before, R/D after, transparent skipped).
    private static func zeroWidthNonJoinerContext(at index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        var left = index - 1
        while left >= 0, isTransparent(scalars[left]) { left -= 1 }
        var right = index + 1
        while right < scalars.count, isTransparent(scalars[right]) { right += 1 }
        guard left >= 0, right < scalars.count else { return false }
        return isDualOrLeftJoining(scalars[left]) && isDualOrRightJoining(scalars[right])
    }

    private static func isTransparent(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .enclosingMark
    }

    private static func isArabicLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return ((0x0620...0x064A).contains(value) || (0x066E...0x06D3).contains(value)) && scalar.properties.generalCategory == .otherLetter
    }

    private static let rightJoiningOnly: Set<UInt32> = [0x0622, 0x0623, 0x0624, 0x0625, 0x0627, 0x0629, 0x062F, 0x0630, 0x0631, 0x0632, 0x0648, 0x0671, 0x0672, 0x0673, 0x0675, 0x0676, 0x0677, 0x0688, 0x0689, 0x068A, 0x068B, 0x068C, 0x068D, 0x068E, 0x068F, 0x0690, 0x0691, 0x0692, 0x0693, 0x0694, 0x0695, 0x0696, 0x0697, 0x0698, 0x0699, 0x06C0, 0x06C3, 0x06C4, 0x06C5, 0x06C6, 0x06C7, 0x06C8, 0x06C9, 0x06CA, 0x06CB, 0x06CD, 0x06CF, 0x06D2, 0x06D3]

    private static func isDualOrLeftJoining(_ scalar: Unicode.Scalar) -> Bool {
        isArabicLetter(scalar) && !rightJoiningOnly.contains(scalar.value)
    }

    private static func isDualOrRightJoining(_ scalar: Unicode.Scalar) -> Bool {
        isArabicLetter(scalar)
    }

    static func isRightToLeft(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        // Extended Arabic-Indic digits are European numbers (EN) for the Bidi rule.
        if (0x06F0...0x06F9).contains(value) { return false }
        return (0x0590...0x08FF).contains(value) || (0xFB1D...0xFDFF).contains(value) || (0xFE70...0xFEFF).contains(value)
            || (0x10800...0x10FFF).contains(value) || (0x1E800...0x1EFFF).contains(value)
    }

    private static func isArabicDigit(_ scalar: Unicode.Scalar) -> Bool {
        (0x0660...0x0669).contains(scalar.value) || (0x06F0...0x06F9).contains(scalar.value)
    }

    /// RFC 5893 section 2, approximated with script ranges for the direction classes.
    static func satisfiesBidiRule(_ label: String) -> Bool {
        let scalars = Array(label.unicodeScalars)
        guard let first = scalars.first else { return false }
        let rtl = isRightToLeft(first) && !isArabicDigit(first)
        if rtl {
            let hasArabicIndic = scalars.contains { (0x0660...0x0669).contains($0.value) }
            let hasEuropean = scalars.contains { $0.isASCIIDigit }
            if hasArabicIndic && hasEuropean { return false }
            return scalars.allSatisfy { isRightToLeft($0) || $0.isASCIIDigit || isArabicDigit($0) || $0 == "-" || isTransparent($0) || $0 == "\u{200C}" || $0 == "\u{200D}" }
        }
        guard first.isASCIILetter || (!first.isASCII && !isRightToLeft(first) && first.properties.isAlphabetic) else { return false }
        return !scalars.contains { isRightToLeft($0) }
    }
}

extension Punycode {
    /// RFC 3492 encoding (the part after `xn--`), nil on overflow.
    static func encode(_ input: String) -> String? {
        let base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700
        let scalars = input.unicodeScalars.map { Int($0.value) }
        var output = ""
        for value in scalars where value < 0x80 { output.unicodeScalars.append(Unicode.Scalar(UInt8(value))) }
        let basicCount = output.unicodeScalars.count
        var handled = basicCount
        if basicCount > 0 { output += "-" }
        var n = 128, delta = 0, bias = 72
        func digit(_ d: Int) -> Character { Character(Unicode.Scalar(UInt8(d < 26 ? d + 0x61 : d - 26 + 0x30))) }
        func adapt(_ deltaIn: Int, _ count: Int, _ first: Bool) -> Int {
            var delta = first ? deltaIn / damp : deltaIn / 2
            delta += delta / count
            var k = 0
            while delta > ((base - tMin) * tMax) / 2 {
                delta /= base - tMin
                k += base
            }
            return k + (base - tMin + 1) * delta / (delta + skew)
        }
        while handled < scalars.count {
            guard let m = scalars.filter({ $0 >= n }).min() else { return nil }
            delta += (m - n) * (handled + 1)
            n = m
            for value in scalars {
                if value < n { delta += 1 }
                if value == n {
                    var q = delta
                    var k = base
                    while true {
                        let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                        if q < t { break }
                        output.append(digit(t + (q - t) % (base - t)))
                        q = (q - t) / (base - t)
                        k += base
                    }
                    output.append(digit(q))
                    bias = adapt(delta, handled + 1, handled == basicCount)
                    delta = 0
                    handled += 1
                }
            }
            delta += 1
            n += 1
        }
        return output
    }
}
