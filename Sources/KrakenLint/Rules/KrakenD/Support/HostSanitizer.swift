/// KrakenD's host sanitizer: searches `(https?://)?([a-zA-Z0-9._-]+)(:[0-9]{2,6})?/?` over the whole entry,
/// leftmost-first and without overlap, and accepts the entry only when there is exactly one match.
enum HostSanitizer {
    /// True when KrakenD accepts `entry` as a host.
    static func accepts(_ entry: String) -> Bool {
        matchCount(in: Array(entry.utf8), upTo: 2) == 1
    }

    /// Counts the matches in `bytes`, stopping early at `limit`.
    static func matchCount(in bytes: [UInt8], upTo limit: Int) -> Int {
        var count = 0
        var start = 0
        while start < bytes.count, count < limit {
            if let end = match(bytes, at: start) {
                count += 1
                start = end
            } else {
                start += 1
            }
        }
        return count
    }

    /// The end of the match that starts exactly at `start`, or nil. The optional scheme is tried first
    /// and dropped only when the name cannot follow it, as a backtracking regex engine would.
    private static func match(_ bytes: [UInt8], at start: Int) -> Int? {
        if let afterScheme = scheme(bytes, at: start), let end = nameAndRest(bytes, at: afterScheme) {
            return end
        }
        return nameAndRest(bytes, at: start)
    }

    /// `https?://`, the longer alternative first as the regex prefers it.
    private static let schemes: [[UInt8]] = [Array("https://".utf8), Array("http://".utf8)]

    private static func scheme(_ bytes: [UInt8], at start: Int) -> Int? {
        for literal in schemes {
            if bytes.count - start >= literal.count && bytes[start..<start + literal.count].elementsEqual(literal) {
                return start + literal.count
            }
        }
        return nil
    }

    private static func nameAndRest(_ bytes: [UInt8], at start: Int) -> Int? {
        var index = start
        while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
        guard index > start else { return nil }
        // Optional port: a colon and 2 to 6 digits, as many as available.
        if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
            var digitEnd = index + 1
            while digitEnd < bytes.count, digitEnd - index - 1 < 6, isDigit(bytes[digitEnd]) { digitEnd += 1 }
            if digitEnd - index - 1 >= 2 { index = digitEnd }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "/") { index += 1 }
        return index
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }
}
