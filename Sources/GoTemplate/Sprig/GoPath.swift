/// Go's `path` package on slash-separated paths (and `path/filepath` on Linux, which behaves the same). Public
/// because callers that wire files into templates (KrakenD's `include`) must resolve names exactly as Go does.
public enum GoPath {
    private static let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")

    /// `path.Clean`: the shortest equivalent path, by purely lexical processing.
    public static func clean(_ path: String) -> String {
        let bytes = Array(path.utf8)
        if bytes.isEmpty { return "." }
        let rooted = bytes[0] == slash
        var output = [UInt8]()
        output.reserveCapacity(bytes.count)
        if rooted { output.append(slash) }
        var index = rooted ? 1 : 0
        // Where `..` may back up to: after the root, or after earlier `..` elements that could not be undone.
        var backtrackLimit = output.count
        while index < bytes.count {
            if bytes[index] == slash {
                index += 1
            } else if bytes[index] == dot, index + 1 == bytes.count || bytes[index + 1] == slash {
                index += 1
            } else if bytes[index] == dot, bytes[index + 1] == dot, index + 2 == bytes.count || bytes[index + 2] == slash {
                index += 2
                if output.count > backtrackLimit {
                    var end = output.count - 1
                    while end > backtrackLimit, output[end] != slash { end -= 1 }
                    output.removeSubrange(end...)
                } else if !rooted {
                    if !output.isEmpty { output.append(slash) }
                    output.append(contentsOf: [dot, dot])
                    backtrackLimit = output.count
                }
            } else {
                if rooted && output.count != 1 || !rooted && !output.isEmpty { output.append(slash) }
                while index < bytes.count, bytes[index] != slash {
                    output.append(bytes[index])
                    index += 1
                }
            }
        }
        if output.isEmpty { return "." }
        return String(decoding: output, as: UTF8.self)
    }

    /// `path.Base`: the last element, without trailing slashes; `.` for an empty path, `/` for only slashes.
    public static func base(_ path: String) -> String {
        var bytes = Array(path.utf8)[...]
        if bytes.isEmpty { return "." }
        while bytes.count > 0, bytes.last == slash { bytes = bytes.dropLast() }
        if let lastSlash = bytes.lastIndex(of: slash) { bytes = bytes[(lastSlash + 1)...] }
        if bytes.isEmpty { return "/" }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `path.Dir`: everything before the last element, cleaned.
    public static func dir(_ path: String) -> String {
        let bytes = Array(path.utf8)
        let end = (bytes.lastIndex(of: slash) ?? -1) + 1
        return clean(String(decoding: bytes[..<end], as: UTF8.self))
    }

    /// `path.Join`: the non-empty elements joined with slashes, then cleaned; empty when every element is.
    public static func join(_ elements: String...) -> String {
        let present = elements.filter { !$0.isEmpty }
        return present.isEmpty ? "" : clean(present.joined(separator: "/"))
    }

    /// `path.Ext`: the suffix from the final dot of the last element, or empty.
    static func ext(_ path: String) -> String {
        let bytes = Array(path.utf8)
        var index = bytes.count - 1
        while index >= 0, bytes[index] != slash {
            if bytes[index] == dot { return String(decoding: bytes[index...], as: UTF8.self) }
            index -= 1
        }
        return ""
    }

    /// `path.IsAbs`.
    static func isAbsolute(_ path: String) -> Bool { path.utf8.first == slash }
}
