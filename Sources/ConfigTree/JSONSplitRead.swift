#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A large JSON file read on two cores: while the calling thread parses from the start, a second thread
/// parses the elements of one array from a point near the middle of the file to that array's `]`.
///
/// The second thread starts blind. It picks a value that follows a `,` and does not start with `"`: in
/// JSON only an array element sits there, unless those bytes are inside a string. It gives up at the
/// first syntax error or limit. The calling thread parses as it always does, and adopts the result only
/// when it meets an array element at exactly that offset and the limits still hold with both parts
/// counted. The elements, their spans (absolute offsets) and the issues found among them (duplicate keys,
/// in source order) are then what it would have read itself, since a value's parse does not depend on
/// what encloses it; it goes on from the array's `]`. In every other case it reads on and the second
/// thread's work is dropped, so the result never differs from a read on one thread. When the calling
/// thread finishes without it (an error in the first part), the second thread stops at its next element.
struct JSONSplitRead {
    /// Files smaller than this are read on one thread: below it, starting a thread and the second set of
    /// string tables cost more than the half of the parse they save.
    static let minimumSize = 1 << 20

    /// Whether a second core exists to run the second thread on.
    static let hasSecondCore = sysconf(Int32(_SC_NPROCESSORS_ONLN)) > 1

    /// What the second thread read: the elements from `start` to the end of their array.
    struct Tail {
        var start: Int
        var elements: [Node]
        /// Duplicate-key warnings among the elements, in source order.
        var issues: [LoadIssue]
        /// Values among the elements, nested ones included (`JSONParser.nodeCount`).
        var nodeCount: Int
        /// How many levels of containers the elements nest: 0 when all are scalars, 1 for flat objects.
        var nesting: Int
    }

    /// The offset the second thread starts from.
    let start: Int
    private let thread: JoinedThread.Running<Tail?>
    private let stop: StopRequest

    /// Starts the second thread on `parser`'s bytes from `start`; nil when no thread could be started. The
    /// bytes must stay valid until `finish()` has returned.
    init?(beside parser: JSONParser, from start: Int) {
        let (file, bytes, limits, stop) = (parser.file, parser.bytes, parser.limits, StopRequest())
        guard let thread = JoinedThread.start(stackSize: 1 << 20, { Self.readTail(file: file, bytes: bytes, limits: limits, from: start, until: stop) }) else {
            return nil
        }
        self.start = start
        self.thread = thread
        self.stop = stop
    }

    /// Waits for the second thread; its result, or nil when it gave up or was stopped.
    func finish() -> Tail? {
        thread.join()
    }

    /// Asks the second thread to stop at its next element, and waits for it.
    func abandon() {
        stop.raise()
        _ = thread.join()
    }

    /// Parses the elements from `start` to the `]` of their array, each with `JSONParser.parseValue()`;
    /// nil at anything the serial read would report (it is left to report it), or once `stop` is raised.
    static func readTail(
        file: SourceFile, bytes: UnsafeBufferPointer<UInt8>, limits: LoadLimits, from start: Int, until stop: StopRequest
    ) -> Tail? {
        var parser = JSONParser(file: file, bytes: bytes, limits: limits)
        defer { parser.releaseScratch() }
        parser.index = start
        var elements: [Node] = []
        while true {
            // The request is looked at every few elements: a lock per element would cost more than it saves.
            if elements.count % 16 == 0, stop.isRaised { return nil }
            guard let element = try? parser.parseValue() else { return nil }
            elements.append(element)
            parser.skipWhitespace()
            switch parser.peek() {
            case UInt8(ascii: "]"):
                return Tail(start: start, elements: elements, issues: parser.issues, nodeCount: parser.nodeCount,
                            nesting: parser.deepest)
            case UInt8(ascii: ","):
                parser.index += 1
                parser.skipWhitespace()
            default:
                return nil
            }
        }
    }

    /// Where the second thread starts: among the values that follow a `,` and open an object or an array
    /// or are a number or a literal, in a stretch of the file just after its middle, the one that is
    /// least deeply nested there, the earliest of those. Nil when the stretch has none.
    ///
    /// A brace count cannot tell whether an array element belongs to the large array or to a small one
    /// inside one of its elements; the least nested one is the likeliest to start a long run of elements.
    /// The count starts outside any string: just after a line break, which a JSON string cannot hold,
    /// or else just after the closing quote of a member name (`":`), or else (a single line without
    /// objects) at the middle itself.
    static func startOffset(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let end = bytes.count
        let middle = end / 2
        let stretchEnd = min(end, middle + max(64 << 10, end / 64))
        var cursor = firstOffset(after: middle, before: stretchEnd, in: bytes) ?? middle
        var depth = 0
        var best: Int?
        var bestDepth = Int.max
        var afterComma = false
        while cursor < stretchEnd {
            let byte = bytes[cursor]
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D:
                cursor += 1
                continue
            case UInt8(ascii: "\""):
                cursor += 1
                while cursor < stretchEnd, bytes[cursor] != UInt8(ascii: "\"") {
                    cursor += bytes[cursor] == UInt8(ascii: "\\") ? 2 : 1
                }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                if afterComma, depth < bestDepth { (best, bestDepth) = (cursor, depth) }
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
            default:
                if afterComma, depth < bestDepth, JSONParser.startsValue(byte) { (best, bestDepth) = (cursor, depth) }
            }
            afterComma = byte == UInt8(ascii: ",")
            cursor += 1
        }
        return best
    }

    /// Just past the first line break from `offset`, or else past the first `":`; nil when neither comes before `limit`.
    private static func firstOffset(after offset: Int, before limit: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        if let lineBreak = (offset..<limit).first(where: { bytes[$0] == 0x0A }) { return lineBreak + 1 }
        let nameEnd = (offset..<max(offset, limit - 1)).first { bytes[$0] == UInt8(ascii: "\"") && bytes[$0 + 1] == UInt8(ascii: ":") }
        return nameEnd.map { $0 + 1 }
    }
}

extension JSONParser {
    /// Starts the second thread of a split read when a second core can run it, from `start` or else from
    /// `JSONSplitRead.startOffset(in:)`.
    mutating func startSplit(from start: Int? = nil) {
        guard JSONSplitRead.hasSecondCore, let start = start ?? JSONSplitRead.startOffset(in: bytes),
              let started = JSONSplitRead(beside: self, from: start) else { return }
        split = started
        splitOffset = started.start
    }

    /// At the array element at `splitOffset`, inside `depth` open containers: takes the second thread's
    /// elements into the innermost (an array) when it read them and the limits hold for the whole file.
    /// Returns the last of them with `index` just past it, for the caller to attach like a value it read;
    /// nil when the caller must read on.
    mutating func adoptSplit(depth: Int) -> Node? {
        guard let started = split else { return nil }
        split = nil
        splitOffset = -1
        guard var tail = started.finish(), tail.start == index,
              nodeCount + tail.nodeCount <= limits.maxJSONNodes, depth + tail.nesting <= limits.maxDepth,
              let last = tail.elements.popLast() else { return nil }
        for element in tail.elements { elementScratch.append(element) }
        issues.append(contentsOf: tail.issues)
        nodeCount += tail.nodeCount
        deepest = max(deepest, depth + tail.nesting)
        index = last.span.end
        splitAdopted = true
        return last
    }

    /// Stops a second thread whose part was not used, and waits for it, so it no longer reads the bytes.
    mutating func abandonSplit() {
        split?.abandon()
        split = nil
        splitOffset = -1
    }
}
