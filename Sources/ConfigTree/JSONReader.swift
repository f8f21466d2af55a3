/// Strict RFC 8259 reader that gives every value and every key its span.
///
/// It stops at the first syntax error (the result then has no root) and reports duplicate keys and a
/// byte-order mark as warnings. Nesting is handled with an explicit stack, so depth never touches the
/// call stack.
enum JSONReader {
    /// Reads `file`; unless `anyTopLevel`, the top level must be an object (a configuration). A file of
    /// `splitSize` bytes or more is read on two cores when there are two (`JSONSplitRead`); tests and the
    /// fuzzer pass a small size to exercise that path.
    static func read(
        _ file: SourceFile, limits: LoadLimits, anyTopLevel: Bool = false, splitSize: Int = JSONSplitRead.minimumSize
    ) -> LoadResult {
        file.bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONParser(file: file, bytes: buffer, limits: limits)
            parser.requiresObject = !anyTopLevel
            defer { parser.releaseScratch() }
            return parser.parseDocument(splitSize: splitSize)
        }
    }
}

/// An error that ends the parse; carries the issue to report.
struct JSONFailure: Error {
    var issue: LoadIssue
}

/// An object or array whose closing bracket has not been read yet. Its members or elements sit on the
/// parser's scratch stacks from `base` up.
struct OpenContainer {
    let isObject: Bool
    let start: Int
    let base: Int
    var pendingKey = ""
    var pendingKeySpan = Span(at: 0)
    var pendingKeyHash: UInt64 = 0
    /// First scratch position of each key hash, once the object is large (see `RepeatedKeys`).
    var hashIndex: KeyHashIndex?

    init(isObject: Bool, start: Int, base: Int) {
        self.isObject = isObject
        self.start = start
        self.base = base
    }
}

/// The parser state over one file's bytes. Valid only inside `withUnsafeBufferPointer`.
struct JSONParser {
    let file: SourceFile
    let bytes: UnsafeBufferPointer<UInt8>
    let limits: LoadLimits
    let end: Int
    var index = 0
    var issues: [LoadIssue] = []
    /// Values read so far, against `limits.maxJSONNodes`.
    var nodeCount = 0
    /// The deepest nesting of containers opened so far.
    var deepest = 0
    /// The second thread's part of a split read, and the offset where it starts (-1 when there is none).
    var split: JSONSplitRead?
    var splitOffset = -1
    /// Whether the second thread's part was used.
    var splitAdopted = false
    /// Whether the top level must be an object, as a configuration's is.
    var requiresObject = true
    /// Members and elements of the open containers, innermost last.
    var memberScratch = MoveStack<Member>()
    var elementScratch = MoveStack<Node>()
    /// The hash of each member's key, parallel to `memberScratch`.
    var keyHashScratch = MoveStack<UInt64>()
    /// One shared string per distinct long member name, and per repeated long string value.
    var keys: StringInterner
    var values: StringInterner

    init(file: SourceFile, bytes: UnsafeBufferPointer<UInt8>, limits: LoadLimits) {
        self.file = file
        self.bytes = bytes
        self.limits = limits
        self.end = bytes.count
        keys = StringInterner.forKeys(inputSize: bytes.count)
        values = StringInterner.forValues(inputSize: bytes.count)
    }

    mutating func releaseScratch() {
        memberScratch.release()
        elementScratch.release()
        keyHashScratch.release()
    }

    /// Reads the whole file; from `splitSize` bytes up, the end of a large array on a second thread, which
    /// starts at `splitStart` when given (tests).
    mutating func parseDocument(splitSize: Int, splitStart: Int? = nil) -> LoadResult {
        defer { abandonSplit() }
        do throws(JSONFailure) {
            try checkWholeFile()
            if end >= splitSize { startSplit(from: splitStart) }
            skipWhitespace()
            guard index < end else {
                throw JSONFailure(issue: LoadIssue(
                    code: .structure,
                    message: "empty file: expected a JSON object",
                    span: Span(at: 0)))
            }
            if requiresObject { try requireObjectAtTopLevel() }
            let root = try parseValue()
            let rootEndLine = file.line(ofOffset: root.span.end)
            skipWhitespace()
            if index < end {
                throw failure(
                    at: index,
                    expected: "nothing after the configuration object that ends on line \(rootEndLine)")
            }
            return LoadResult(root: root, issues: issues)
        } catch {
            issues.append(error.issue)
            return LoadResult(root: nil, issues: issues)
        }
    }

    /// File-wide checks before parsing: size, binary content, byte-order mark.
    mutating func checkWholeFile() throws(JSONFailure) {
        if end > limits.maxFileSize {
            throw JSONFailure(issue: LoadIssue(
                code: .limit,
                message: "file is \(end) bytes, more than the limit of \(limits.maxFileSize)",
                span: Span(at: 0),
                hint: "raise the limit with --max-file-size"))
        }
        if let nul = UTF8Scanning.binaryMarkerOffset(in: bytes) {
            throw JSONFailure(issue: LoadIssue(
                code: .encoding,
                message: "binary data: a NUL byte at byte offset \(nul); a configuration is UTF-8 text",
                span: Span(at: nul)))
        }
        if UTF8Scanning.startsWithByteOrderMark(bytes) {
            issues.append(LoadIssue(
                code: .encoding,
                severity: .warning,
                message: "the file starts with a UTF-8 byte-order mark, which KrakenD's JSON decoder refuses (invalid character 'ï')",
                span: Span(start: 0, end: 3),
                hint: "save the file as UTF-8 without BOM"))
            index = 3
        }
    }

    /// A configuration is an object: anything else that is a value at the top level is refused here.
    func requireObjectAtTopLevel() throws(JSONFailure) {
        let kind: String
        switch bytes[index] {
        case UInt8(ascii: "{"): return
        case UInt8(ascii: "["): kind = "an array"
        case UInt8(ascii: "\""): kind = "a string"
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): kind = "a number"
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            guard let word = literalWord(at: index), ["true", "false", "null"].contains(word) else { return }
            kind = word == "null" ? "null" : "a boolean"
        default: return
        }
        throw JSONFailure(issue: LoadIssue(
            code: .structure,
            message: "the top level is \(kind); expected a JSON object ({...})",
            span: Span(at: index)))
    }

    // MARK: Whitespace

    @inline(__always)
    mutating func skipWhitespace() {
        while index < end {
            let byte = bytes[index]
            if byte > 0x20 { return }
            switch byte {
            case 0x20, 0x09, 0x0D, 0x0A:
                index += 1
            default:
                return
            }
        }
    }

    @inline(__always)
    func peek() -> UInt8? {
        index < end ? bytes[index] : nil
    }

    // MARK: Values

    /// Parses one value starting at `index` (whitespace already skipped) with an explicit container stack.
    mutating func parseValue() throws(JSONFailure) -> Node {
        var stack: [OpenContainer] = []
        while true {
            // Each turn reads one value: a scalar, an empty container, or the start of a container.
            nodeCount += 1
            if nodeCount > limits.maxJSONNodes { throw tooManyNodes() }
            var node: Node
            switch peek() {
            case UInt8(ascii: "{"):
                let start = try openContainer(depth: stack.count + 1)
                if peek() == UInt8(ascii: "}") {
                    index += 1
                    node = Node(.object([]), span: Span(start: start, end: index))
                } else {
                    var container = OpenContainer(isObject: true, start: start, base: memberScratch.count)
                    try readKey(into: &container, afterComma: nil)
                    stack.append(container)
                    continue
                }
            case UInt8(ascii: "["):
                let start = try openContainer(depth: stack.count + 1)
                if peek() == UInt8(ascii: "]") {
                    index += 1
                    node = Node(.array([]), span: Span(start: start, end: index))
                } else {
                    stack.append(OpenContainer(isObject: false, start: start, base: elementScratch.count))
                    continue
                }
            default:
                node = try parseScalar()
            }

            // Attach the finished value to its container; close every container that ends here.
            while let top = stack.indices.last {
                let valueEnd = node.span.end
                skipWhitespace()
                if stack[top].isObject {
                    appendMember(node, to: &stack[top])
                    switch peek() {
                    case UInt8(ascii: ","):
                        let comma = index
                        index += 1
                        skipWhitespace()
                        try readKey(into: &stack[top], afterComma: comma)
                    case UInt8(ascii: "}"):
                        index += 1
                        let closed = stack.removeLast()
                        keyHashScratch.truncate(to: closed.base)
                        node = Node(.object(memberScratch.take(from: closed.base)), span: Span(start: closed.start, end: index))
                        continue
                    case UInt8(ascii: "\""):
                        throw failure(at: index, message: "missing ',' after the member ending on line \(file.line(ofOffset: valueEnd))",
                                      hint: "separate object members with ','")
                    default:
                        throw failure(at: index, expected: "',' or '}' after object member")
                    }
                } else {
                    elementScratch.append(node)
                    switch peek() {
                    case UInt8(ascii: ","):
                        let comma = index
                        index += 1
                        skipWhitespace()
                        if peek() == UInt8(ascii: "]") { throw trailingComma(at: comma, closer: "]") }
                        if index == splitOffset, let last = adoptSplit(depth: stack.count) {
                            // The elements up to the array's end are read; the last one is attached like any value.
                            node = last
                            continue
                        }
                    case UInt8(ascii: "]"):
                        index += 1
                        let closed = stack.removeLast()
                        node = Node(.array(elementScratch.take(from: closed.base)), span: Span(start: closed.start, end: index))
                        continue
                    case let byte? where Self.startsValue(byte):
                        throw failure(at: index, message: "missing ',' after the element ending on line \(file.line(ofOffset: valueEnd))",
                                      hint: "separate array elements with ','")
                    default:
                        throw failure(at: index, expected: "',' or ']' after array element")
                    }
                }
                break
            }
            if stack.isEmpty { return node }
        }
    }

    /// Adds the member whose key is pending in `container`.
    @inline(__always)
    mutating func appendMember(_ value: consuming Node, to container: inout OpenContainer) {
        memberScratch.append(Member(key: container.pendingKey, byteHash: container.pendingKeyHash, keySpan: container.pendingKeySpan, value: value))
        RepeatedKeys.recordLast(hash: container.pendingKeyHash, base: container.base, hashes: &keyHashScratch, index: &container.hashIndex)
    }

    /// The error at the value that passes `limits.maxJSONNodes`.
    func tooManyNodes() -> JSONFailure {
        JSONFailure(issue: LoadIssue(
            code: .limit,
            message: "more than \(limits.maxJSONNodes) values (objects, arrays, strings, numbers…) in the document",
            span: Span(at: index),
            hint: "a configuration holds far fewer; check whether the file was generated correctly, or raise the limit with --max-json-nodes"))
    }

    /// Consumes `{` or `[` after checking the depth limit; returns its position and skips whitespace after it.
    mutating func openContainer(depth: Int) throws(JSONFailure) -> Int {
        let start = index
        if depth > deepest { deepest = depth }
        if depth > limits.maxDepth {
            throw JSONFailure(issue: LoadIssue(
                code: .limit,
                message: "nesting deeper than \(limits.maxDepth) levels of objects and arrays",
                span: Span(start: start, end: index + 1),
                hint: "configuration files nest a few levels; check whether the file was generated correctly, or raise the limit with --max-depth"))
        }
        index += 1
        skipWhitespace()
        return start
    }

    /// Reads `"key" :` and leaves `index` at the member's value; reports a repeated key.
    mutating func readKey(into container: inout OpenContainer, afterComma comma: Int?) throws(JSONFailure) {
        guard peek() == UInt8(ascii: "\"") else {
            if let comma, peek() == UInt8(ascii: "}") { throw trailingComma(at: comma, closer: "}") }
            throw failure(at: index, expected: "a member name in double quotes")
        }
        let start = index
        let (key, hash) = try readKeyString()
        let span = Span(start: start, end: index)
        if key.utf8.count > limits.maxKeyLength {
            throw JSONFailure(issue: LoadIssue(
                code: .limit,
                message: "key of \(key.utf8.count) bytes, more than the limit of \(limits.maxKeyLength)",
                span: span,
                hint: "raise the limit with --max-key-length if the key is meant to be this long"))
        }
        if let earlier = RepeatedKeys.find(key, hash: hash, base: container.base, members: memberScratch,
                                           hashes: keyHashScratch, index: container.hashIndex) {
            let firstLine = file.line(ofOffset: memberScratch.storage[earlier].keySpan.start)
            issues.append(LoadIssue(
                code: .duplicateKey,
                severity: .warning,
                message: "duplicate key \"\(key)\"; KrakenD keeps the last one (first defined on line \(firstLine))",
                span: span,
                hint: "remove one of the two members"))
        }
        container.pendingKey = key
        container.pendingKeySpan = span
        container.pendingKeyHash = hash
        skipWhitespace()
        guard peek() == UInt8(ascii: ":") else {
            throw failure(at: index, expected: "':' after the member name \"\(key)\"")
        }
        index += 1
        skipWhitespace()
    }

    static func startsValue(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "\""), UInt8(ascii: "-"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            return true
        default:
            return false
        }
    }

    /// A string, number, `true`, `false` or `null` at `index`.
    mutating func parseScalar() throws(JSONFailure) -> Node {
        let start = index
        switch peek() {
        case UInt8(ascii: "\""):
            let text = try readString()
            return Node(.string(text), span: Span(start: start, end: index))
        case let byte? where byte == UInt8(ascii: "-") || Self.isDigit(byte):
            let literal = try readNumber()
            return Node(.number(Number(json: literal)), span: Span(start: start, end: index))
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return Node(.bool(true), span: Span(start: start, end: index))
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return Node(.bool(false), span: Span(start: start, end: index))
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return Node(.null, span: Span(start: start, end: index))
        default:
            throw failure(at: index, expected: "a value")
        }
    }

    mutating func expectLiteral(_ word: StaticString) throws(JSONFailure) {
        let count = word.utf8CodeUnitCount
        let start = word.utf8Start
        guard index + count <= end else { throw failure(at: index, expected: "a value") }
        for offset in 0..<count where bytes[index + offset] != start[offset] {
            throw failure(at: index, expected: "a value")
        }
        index += count
    }

    // MARK: Numbers

    /// Reads a number in RFC 8259 grammar and returns its literal text.
    mutating func readNumber() throws(JSONFailure) -> String {
        let start = index
        if bytes[index] == UInt8(ascii: "-") {
            index += 1
            guard let byte = peek(), Self.isDigit(byte) else {
                if let word = literalWord(at: start), word.hasSuffix("Infinity") || word == "-inf" {
                    throw failure(at: start, expected: "a value")
                }
                throw failure(at: index, expected: "a digit after '-'")
            }
        }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if let byte = peek(), Self.isDigit(byte) {
                throw failure(at: start, message: "number with a leading zero; JSON numbers do not start with 0 unless they are 0",
                              hint: "remove the leading zero, or quote the value if the zeros matter")
            }
        } else {
            skipDigits()
        }
        if peek() == UInt8(ascii: ".") {
            index += 1
            guard let byte = peek(), Self.isDigit(byte) else {
                throw failure(at: index, expected: "a digit after the decimal point")
            }
            skipDigits()
        }
        if let byte = peek(), byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            index += 1
            if let sign = peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { index += 1 }
            guard let digit = peek(), Self.isDigit(digit) else {
                throw failure(at: index, expected: "a digit in the exponent")
            }
            skipDigits()
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    @inline(__always)
    mutating func skipDigits() {
        while index < end, Self.isDigit(bytes[index]) { index += 1 }
    }
}
