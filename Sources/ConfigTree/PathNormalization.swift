/// Lexical path handling shared by the configuration lookup and the reporters' relative paths.
public enum PathNormalization {
    /// An absolute path with `.` and `..` segments resolved, without touching the file system
    /// (`path` relative to `base` unless it starts with `/`).
    public static func absolute(_ path: String, against base: String) -> String {
        let joined = path.hasPrefix("/") ? path : base + "/" + path
        var segments: [Substring] = []
        for segment in joined.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..": if !segments.isEmpty { segments.removeLast() }
            default: segments.append(segment)
            }
        }
        return "/" + segments.joined(separator: "/")
    }
}
