/// A URI or relative reference split into its RFC 3986 components, with reference resolution.
///
/// Only what schema identification needs: parsing, resolving a reference against a base
/// (RFC 3986 section 5.2) and printing. No normalization beyond dot-segment removal and
/// dropping an empty fragment.
struct URIReference: Hashable, Sendable, CustomStringConvertible {
    var scheme: String?
    var authority: String?
    var path: String
    var query: String?
    var fragment: String?

    init(scheme: String? = nil, authority: String? = nil, path: String, query: String? = nil, fragment: String? = nil) {
        self.scheme = scheme
        self.authority = authority
        self.path = path
        self.query = query
        self.fragment = fragment
    }

    /// Splits `text` into components; never fails (anything unparsable becomes a path).
    init(parsing text: String) {
        // The delimiters are ASCII bytes (RFC 3986), so they are found among the UTF-8 bytes, in one pass
        // over contiguous storage: searching by Character cost a schema compilation about a fifth of its
        // time, and `firstIndex(of:)` on a substring's UTF-8 view still cost about 1,000 instructions a
        // call. Each component is the text between two ASCII delimiters, so it is valid UTF-8 on its own.
        var text = text
        let parts = text.withUTF8 { bytes in URIReference.split(bytes) }
        (scheme, authority, path, query, fragment) = parts
    }

    /// The five components of the UTF-8 text in `bytes` (see `init(parsing:)`).
    private static func split(_ bytes: UnsafeBufferPointer<UInt8>) -> (String?, String?, String, String?, String?) {
        func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
        var end = bytes.count
        var fragment: String?
        var query: String?
        if let hash = bytes.firstIndex(of: UInt8(ascii: "#")) {
            fragment = text(hash + 1 ..< end)
            end = hash
        }
        if let question = bytes[..<end].firstIndex(of: UInt8(ascii: "?")) {
            query = text(question + 1 ..< end)
            end = question
        }
        var start = 0
        var scheme: String?
        if let colon = bytes[..<end].firstIndex(of: UInt8(ascii: ":")), isScheme(bytes[..<colon]) {
            // A scheme is ASCII letters, digits, `+`, `-` and `.`: lowercasing its bytes is `lowercased()`.
            scheme = String(decoding: bytes[..<colon].map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 + 32 : $0 }, as: UTF8.self)
            start = colon + 1
        }
        var authority: String?
        if end - start >= 2, bytes[start] == UInt8(ascii: "/"), bytes[start + 1] == UInt8(ascii: "/") {
            let afterSlashes = start + 2
            let slash = bytes[afterSlashes ..< end].firstIndex(of: UInt8(ascii: "/")) ?? end
            authority = text(afterSlashes ..< slash)
            start = slash
        }
        return (scheme, authority, text(start ..< end), query, fragment)
    }

    private static func isScheme(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
        guard let first = bytes.first, isLetter(first) else { return false }
        return bytes.allSatisfy { isLetter($0) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }
    }

    var isAbsolute: Bool { scheme != nil }

    /// The same reference without its fragment.
    var withoutFragment: URIReference {
        var copy = self
        copy.fragment = nil
        return copy
    }

    /// Resolves `reference` against `self` as base (RFC 3986 section 5.2.2).
    func resolving(_ reference: URIReference) -> URIReference {
        var target = URIReference(path: "")
        if reference.scheme != nil {
            target.scheme = reference.scheme
            target.authority = reference.authority
            target.path = URIReference.removeDotSegments(reference.path)
            target.query = reference.query
        } else {
            if reference.authority != nil {
                target.authority = reference.authority
                target.path = URIReference.removeDotSegments(reference.path)
                target.query = reference.query
            } else {
                if reference.path.isEmpty {
                    target.path = path
                    target.query = reference.query ?? query
                } else {
                    if reference.path.hasPrefix("/") {
                        target.path = URIReference.removeDotSegments(reference.path)
                    } else {
                        target.path = URIReference.removeDotSegments(merge(reference.path))
                    }
                    target.query = reference.query
                }
                target.authority = authority
            }
            target.scheme = scheme
        }
        target.fragment = reference.fragment
        return target
    }

    func resolving(_ text: String) -> URIReference { resolving(URIReference(parsing: text)) }

    private func merge(_ relativePath: String) -> String {
        if authority != nil && path.isEmpty { return "/" + relativePath }
        // By byte for an ASCII path (a `/` found by Character could not be followed by a combining mark),
        // over contiguous bytes (the string's UTF-8 view, byte by byte, cost about 3,000 instructions a call).
        var path = path
        let asciiPrefix: String?? = path.withUTF8 { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return .some(nil) }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[...slash]), as: UTF8.self)
        }
        if let asciiPrefix { return (asciiPrefix ?? "") + relativePath }
        guard let slash = path.lastIndex(of: "/") else { return relativePath }
        return String(path[...slash]) + relativePath
    }

    static func removeDotSegments(_ input: String) -> String {
        // One pass over contiguous bytes: whether there is a dot at all, whether the path is ASCII, and
        // then whether a whole segment is `.` or `..`. Most paths have a dot only in a file extension
        // (`defs/a.json`) and come back unchanged; splitting and joining them cost 12,000 instructions a
        // call, 4.6 M of compiling the bundled schema in full.
        var bytesOfInput = input
        let (hasDot, isASCII, hasDotSegment) = bytesOfInput.withUTF8 { bytes in
            var hasDot = false
            var isASCII = true
            for byte in bytes {
                if byte == UInt8(ascii: ".") { hasDot = true }
                if byte >= 0x80 { isASCII = false }
            }
            return (hasDot, isASCII, hasDot && isASCII && URIReference.hasDotSegment(bytes))
        }
        guard hasDot else { return input }
        if isASCII { return hasDotSegment ? removeDotSegments(asciiPath: input) : input }
        guard input.contains(".") else { return input }
        var output: [Substring] = []
        let segments = input.split(separator: "/", omittingEmptySubsequences: false)
        let absolute = input.hasPrefix("/")
        for (index, segment) in segments.enumerated() {
            if index == 0 && absolute { continue }
            let isLast = index == segments.count - 1
            switch segment {
            case ".":
                if isLast { output.append("") }
            case "..":
                if !output.isEmpty { output.removeLast() }
                if isLast { output.append("") }
            default:
                output.append(segment)
            }
        }
        let joined = output.joined(separator: "/")
        return absolute ? "/" + joined : joined
    }

    /// `removeDotSegments` for an ASCII path, on its bytes (the same segments as by Character, where a
    /// `/` or `.` cannot carry a combining mark): by Character it took about 38,000 instructions a call.
    private static func removeDotSegments(asciiPath input: String) -> String {
        var input = input
        return input.withUTF8 { bytes in
            let absolute = bytes.first == UInt8(ascii: "/")
            // The segments kept, as the offsets where each starts and ends in `bytes`; an empty segment
            // (`start == end`) also stands for the one a final `.` or `..` leaves.
            var starts: [Int] = []
            var ends: [Int] = []
            var start = 0
            var index = 0
            while true {
                let end = bytes[start...].firstIndex(of: UInt8(ascii: "/")) ?? bytes.count
                let isLast = end == bytes.count
                if !(index == 0 && absolute) {
                    let length = end - start
                    let isDot = length == 1 && bytes[start] == UInt8(ascii: ".")
                    let isDotDot = length == 2 && bytes[start] == UInt8(ascii: ".") && bytes[start + 1] == UInt8(ascii: ".")
                    if isDot || isDotDot {
                        if isDotDot && !starts.isEmpty {
                            starts.removeLast()
                            ends.removeLast()
                        }
                        if isLast {
                            starts.append(end)
                            ends.append(end)
                        }
                    } else {
                        starts.append(start)
                        ends.append(end)
                    }
                }
                if isLast { break }
                start = end + 1
                index += 1
            }
            var joined: [UInt8] = []
            joined.reserveCapacity(bytes.count + 1)
            if absolute { joined.append(UInt8(ascii: "/")) }
            for segment in starts.indices {
                if segment > 0 { joined.append(UInt8(ascii: "/")) }
                joined.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[starts[segment] ..< ends[segment]]))
            }
            return String(decoding: joined, as: UTF8.self)
        }
    }

    /// Whether some `/`-separated segment of the ASCII path in `bytes` is `.` or `..`.
    private static func hasDotSegment(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var segmentLength = 0
        var dots = 0
        for byte in bytes {
            if byte == UInt8(ascii: "/") {
                if dots == segmentLength && (dots == 1 || dots == 2) { return true }
                segmentLength = 0
                dots = 0
            } else {
                segmentLength += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return dots == segmentLength && (dots == 1 || dots == 2)
    }

    /// The reference as text; an empty fragment is dropped.
    var description: String {
        var text = ""
        if let scheme { text += scheme + ":" }
        if let authority { text += "//" + authority }
        text += path
        if let query { text += "?" + query }
        if let fragment, !fragment.isEmpty { text += "#" + fragment }
        return text
    }
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
