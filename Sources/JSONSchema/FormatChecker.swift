import Foundation

/// The `format` values the engine checks when format assertion is on. Unknown formats always pass.
enum FormatChecker {
    enum Format: String, Sendable {
        case dateTime = "date-time", date, time, duration
        case email, idnEmail = "idn-email"
        case hostname, idnHostname = "idn-hostname"
        case ipv4, ipv6
        case uri, uriReference = "uri-reference", iri, iriReference = "iri-reference", uriTemplate = "uri-template"
        case jsonPointer = "json-pointer", relativeJSONPointer = "relative-json-pointer"
        case regex, uuid
    }

    static func check(_ format: Format, _ text: String) -> Bool {
        switch format {
        case .dateTime: return DateFormats.isDateTime(text)
        case .date: return DateFormats.isDate(text)
        case .time: return DateFormats.isTime(text)
        case .duration: return DateFormats.isDuration(text)
        case .email: return NetworkFormats.isEmail(text, international: false)
        case .idnEmail: return NetworkFormats.isEmail(text, international: true)
        case .hostname: return NetworkFormats.isHostname(text)
        case .idnHostname: return IDNHostname.isValid(text)
        case .ipv4: return NetworkFormats.isIPv4(text)
        case .ipv6: return NetworkFormats.isIPv6(text)
        case .uri: return URIFormats.isURI(text, international: false, reference: false)
        case .uriReference: return URIFormats.isURI(text, international: false, reference: true)
        case .iri: return URIFormats.isURI(text, international: true, reference: false)
        case .iriReference: return URIFormats.isURI(text, international: true, reference: true)
        case .uriTemplate: return URIFormats.isURITemplate(text)
        case .jsonPointer: return PointerFormats.isJSONPointer(text)
        case .relativeJSONPointer: return PointerFormats.isRelativeJSONPointer(text)
        case .regex: return (try? ECMARegexTranslator.translate(text)).map { (try? NSRegularExpression(pattern: $0)) != nil } ?? false
        case .uuid: return isUUID(text)
        }
    }

    static func isUUID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if [8, 13, 18, 23].contains(index) {
                guard byte == UInt8(ascii: "-") else { return false }
            } else if !isHexDigit(byte) {
                return false
            }
        }
        return true
    }

    static func isHexDigit(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}

/// RFC 3339 dates and times, ISO 8601 durations.
enum DateFormats {
    static func isDateTime(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let separator = bytes.firstIndex(where: { $0 == UInt8(ascii: "T") || $0 == UInt8(ascii: "t") }) else { return false }
        return isDate(bytes[..<separator]) && isTime(bytes[(separator + 1)...])
    }

    static func isDate(_ text: String) -> Bool { isDate(Array(text.utf8)[...]) }
    static func isTime(_ text: String) -> Bool { isTime(Array(text.utf8)[...]) }

    private static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.allSatisfy(FormatChecker.isDigit) else { return nil }
        return bytes.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    static func isDate(_ bytes: ArraySlice<UInt8>) -> Bool {
        let b = Array(bytes)
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
              let year = number(b[0..<4]), let month = number(b[5..<7]), let day = number(b[8..<10]) else { return false }
        guard (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    static func isTime(_ bytes: ArraySlice<UInt8>) -> Bool {
        let b = Array(bytes)
        guard b.count >= 9, b[2] == UInt8(ascii: ":"), b[5] == UInt8(ascii: ":"),
              let hour = number(b[0..<2]), let minute = number(b[3..<5]), let second = number(b[6..<8]) else { return false }
        var index = 8
        if b[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            while index < b.count, FormatChecker.isDigit(b[index]) { index += 1 }
            guard index > start else { return false }
        }
        guard index < b.count else { return false }
        var offsetMinutes = 0
        switch b[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            guard index + 1 == b.count else { return false }
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let zone = b[(index + 1)...]
            guard zone.count == 5, zone[zone.startIndex + 2] == UInt8(ascii: ":"),
                  let zoneHour = number(zone.prefix(2)), let zoneMinute = number(zone.suffix(2)),
                  zoneHour <= 23, zoneMinute <= 59 else { return false }
            offsetMinutes = (zoneHour * 60 + zoneMinute) * (b[index] == UInt8(ascii: "+") ? 1 : -1)
        default:
            return false
        }
        guard hour <= 23, minute <= 59, second <= 60 else { return false }
        if second == 60 {
            // A leap second exists only at 23:59:60 UTC.
            var utc = hour * 60 + minute - offsetMinutes
            utc = ((utc % 1440) + 1440) % 1440
            return utc == 23 * 60 + 59
        }
        return true
    }

    /// ISO 8601 durations as RFC 3339 appendix A restricts them: `P1Y2M`, `PT1H`, `P2W`.
    static func isDuration(_ text: String) -> Bool {
        var scalars = Substring(text)
        guard scalars.first == "P" else { return false }
        scalars = scalars.dropFirst()
        guard !scalars.isEmpty else { return false }
        let parts = scalars.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
        let datePart = parts[0]
        let timePart: Substring? = parts.count > 1 ? parts[1] : nil
        if let timePart, timePart.isEmpty { return false }
        func units(_ part: Substring, allowed: [Character]) -> [Character]? {
            var found: [Character] = []
            var digits = 0
            for character in part {
                if character.isASCII && character.isNumber {
                    digits += 1
                } else {
                    guard digits > 0, allowed.contains(character) else { return nil }
                    found.append(character)
                    digits = 0
                }
            }
            guard digits == 0 else { return nil }
            // Units in order and contiguous (RFC 3339 appendix A: Y[M[D]], M[D], D; H[M[S]], M[S], S).
            var last: Int?
            for unit in found {
                guard let position = allowed.firstIndex(of: unit) else { return nil }
                if let last, position != last + 1 { return nil }
                last = position
            }
            return found
        }
        let dateUnits: [Character]
        if datePart.hasSuffix("W") {
            guard timePart == nil, datePart.count > 1, datePart.dropLast().allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
            return true
        } else {
            guard let found = units(datePart, allowed: ["Y", "M", "D"]) else { return false }
            dateUnits = found
        }
        if let timePart {
            guard let timeUnits = units(timePart, allowed: ["H", "M", "S"]), !timeUnits.isEmpty else { return false }
        } else if dateUnits.isEmpty {
            return false
        }
        return true
    }
}
