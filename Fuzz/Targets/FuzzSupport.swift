// Invariants every fuzz target checks, whatever it fuzzes. Compiled into each target (Fuzz/build.sh).
import ConfigTree

/// A broken invariant: the fuzzer stops with this message and the input that caused it.
func violated(_ message: @autoclosure () -> String) -> Never {
    fatalError("invariant violated: \(message())")
}

/// The bytes libFuzzer hands over, copied (the buffer is only valid during the call).
func fuzzInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
}

enum SpanCheck {
    /// Every span in the tree and in the issues lies inside the file, and every start can be shown as a line and column.
    static func check(_ result: LoadResult, in file: SourceFile) {
        for issue in result.issues { check(issue.span, in: file, what: "issue \"\(issue.message)\"") }
        if let root = result.root { check(root, in: file, nested: file.format == .json ? nil : Optional<Span>.none) }
        let hasError = result.issues.contains { $0.severity == .error }
        if hasError != (result.root == nil) {
            violated("a root \(result.root == nil ? "missing without" : "present with") an error issue")
        }
    }

    static func check(_ span: Span, in file: SourceFile, what: @autoclosure () -> String) {
        guard span.start <= span.end, span.end <= file.bytes.count else {
            violated("\(what()) has span \(span) outside a file of \(file.bytes.count) bytes")
        }
        let start = file.position(ofOffset: span.start)
        let end = file.position(ofOffset: span.end)
        guard start.line >= 1, start.column >= 1, start.line <= file.lineCount, end.line <= file.lineCount, start <= end else {
            violated("\(what()) at \(span) shows as \(start)-\(end) in a file of \(file.lineCount) lines")
        }
    }

    /// Spans of `node` and below. In JSON every value lies inside its parent; YAML aliases share the
    /// anchor's subtree, whose spans are elsewhere in the file, so only the file bounds hold there.
    static func check(_ node: Node, in file: SourceFile, nested parent: Span?) {
        check(node.span, in: file, what: "a \(node.typeName)")
        if let parent, node.span.start < parent.start || node.span.end > parent.end {
            violated("a \(node.typeName) at \(node.span) is outside its parent at \(parent)")
        }
        let inner: Span? = file.format == .json ? node.span : nil
        switch node.value {
        case .object(let members):
            for member in members {
                check(member.keySpan, in: file, what: "key \"\(member.key)\"")
                if let inner, member.keySpan.start < inner.start || member.keySpan.end > inner.end {
                    violated("key \"\(member.key)\" at \(member.keySpan) is outside its object at \(inner)")
                }
                check(member.value, in: file, nested: inner)
            }
        case .array(let elements):
            for element in elements { check(element, in: file, nested: inner) }
        default: break
        }
    }
}

/// The tree written back as JSON text, to read again: what the reader accepted it must accept again, equal.
enum JSONText {
    /// nil when the tree holds a YAML special (.inf, .nan), which JSON cannot write.
    static func write(_ node: Node) -> String? {
        var out = ""
        return write(node, into: &out) ? out : nil
    }

    private static func write(_ node: Node, into out: inout String) -> Bool {
        switch node.value {
        case .object(let members):
            out += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { out += "," }
                quote(member.key, into: &out)
                out += ":"
                guard write(member.value, into: &out) else { return false }
            }
            out += "}"
        case .array(let elements):
            out += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { out += "," }
                guard write(element, into: &out) else { return false }
            }
            out += "]"
        case .string(let text): quote(text, into: &out)
        case .number(let number):
            guard let canonical = number.canonical else { return false }
            out += canonical
        case .bool(let flag): out += flag ? "true" : "false"
        case .null: out += "null"
        }
        return true
    }

    static func quote(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    /// Same shape, keys, strings and numbers (by JSON value text), ignoring spans.
    static func equal(_ left: Node, _ right: Node) -> Bool {
        switch (left.value, right.value) {
        case (.object(let a), .object(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && equal($0.value, $1.value) }
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { equal($0, $1) }
        case (.string(let a), .string(let b)): return a == b
        case (.number(let a), .number(let b)): return a.canonical == b.canonical
        case (.bool(let a), .bool(let b)): return a == b
        case (.null, .null): return true
        default: return false
        }
    }

    /// Writes `root` as JSON, reads it back with the JSON reader and requires the same tree.
    static func checkRoundTrip(_ root: Node, from what: String) {
        guard let text = write(root) else { return }
        let again = ConfigLoader.loadJSONValue(SourceFile(path: "roundtrip.json", format: .json, text: text), limits: roomy)
        guard let reread = again.root else {
            violated("\(what) accepted, but its tree written as JSON is refused: \(again.issues.first?.message ?? "?") in \(text.prefix(200))")
        }
        if !equal(root, reread) { violated("\(what) tree written as JSON reads back different: \(text.prefix(200))") }
    }

    /// Limits for the re-read: the JSON text of a YAML tree can be larger than the YAML was (aliases expanded).
    static let roomy = LoadLimits(maxFileSize: Int.max, maxDepth: 100_000, maxKeyLength: Int.max, maxYAMLNodes: Int.max)
}

extension SpanCheck {
    /// Same values and the same spans on every node and key.
    static func sameTree(_ left: Node, _ right: Node) -> Bool {
        guard left.span == right.span else { return false }
        switch (left.value, right.value) {
        case (.object(let a), .object(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.keySpan == $1.keySpan && sameTree($0.value, $1.value) }
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { sameTree($0, $1) }
        default:
            return JSONText.equal(left, right) && left.number?.literal == right.number?.literal
        }
    }
}
