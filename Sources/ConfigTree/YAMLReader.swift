import CYAML

/// YAML reader on libyaml's event API, resolving scalars like gopkg.in/yaml.v3 (see `YAMLScalarResolver`).
///
/// One document only; anchors and aliases are expanded (sharing storage) under `LoadLimits.maxYAMLNodes`;
/// merge keys `<<` take a mapping or a sequence of mappings, explicit keys winning over merged ones and
/// earlier merged mappings over later ones; a repeated key is an error, as in yaml.v3.
///
/// Files of at least `pipelineThreshold` bytes are parsed by libyaml on a second thread while this one
/// builds the tree (`YAMLEventPipeline`); the result is the same either way.
enum YAMLReader {
    static func read(_ file: SourceFile, limits: LoadLimits, pipelineThreshold: Int = YAMLEventPipeline.minimumFileSize) -> LoadResult {
        file.bytes.withUnsafeBufferPointer { buffer in
            var builder = YAMLTreeBuilder(file: file, bytes: buffer, limits: limits, pipelineThreshold: pipelineThreshold)
            defer { builder.releaseScratch() }
            return builder.build()
        }
    }
}

/// An error that ends the YAML read; carries the issue to report.
struct YAMLFailure: Error {
    var issue: LoadIssue
}

/// A mapping or sequence whose end event has not arrived yet; its children sit on the builder's scratch
/// stacks from `base` up.
struct YAMLOpenCollection {
    let isMapping: Bool
    let isBlock: Bool
    let start: Int
    let anchor: String?
    let base: Int
    /// Nodes in this subtree so far, aliases counted at their expanded size.
    var nodeCount = 1
    /// Where the last child ends (a block collection's span ends there, not at the next token).
    var lastEnd: Int
    var pendingKey: String?
    var pendingKeySpan: Span
    var pendingIsMerge = false
    /// The line of this mapping's `<<` key, so that a second one is reported as a repeat.
    var mergeKeyLine: Int?
    /// First scratch position of each key hash, once the mapping is large (see `RepeatedKeys`).
    var hashIndex: KeyHashIndex?
    var pendingKeyHash: UInt64 = 0
    /// Members merged in by `<<`, with the number of explicit members that preceded the merge key.
    var merges: [(position: Int, members: [Member])] = []

    init(isMapping: Bool, isBlock: Bool, start: Int, anchor: String?, base: Int) {
        self.isMapping = isMapping
        self.isBlock = isBlock
        self.start = start
        self.anchor = anchor
        self.base = base
        lastEnd = start
        pendingKeySpan = Span(at: start)
    }
}

/// Builds the positioned tree from libyaml events. Valid only inside `withUnsafeBufferPointer`.
struct YAMLTreeBuilder {
    let file: SourceFile
    let bytes: UnsafeBufferPointer<UInt8>
    let limits: LoadLimits
    var cursor: YAMLMarkCursor
    var issues: [LoadIssue] = []
    var memberScratch = MoveStack<Member>()
    var elementScratch = MoveStack<Node>()
    /// The hash of each member's key, parallel to `memberScratch`.
    var keyHashScratch = MoveStack<UInt64>()
    /// One shared string per distinct long mapping key, and per repeated long string value.
    var keys: StringInterner
    var values: StringInterner
    /// The innermost open collection (meaningful when `depth > 0`) and the ones around it.
    var current = YAMLOpenCollection(isMapping: false, isBlock: true, start: 0, anchor: nil, base: 0)
    var outer: [YAMLOpenCollection] = []
    var depth = 0
    var anchors: [String: (node: Node, count: Int)] = [:]
    var openAnchors: Set<String> = []
    var totalNodes = 0
    var documents = 0
    var root: Node?
    /// Files at least this large are parsed on a second thread.
    let pipelineThreshold: Int

    init(file: SourceFile, bytes: UnsafeBufferPointer<UInt8>, limits: LoadLimits, pipelineThreshold: Int) {
        self.file = file
        self.bytes = bytes
        self.limits = limits
        self.pipelineThreshold = pipelineThreshold
        cursor = YAMLMarkCursor(bytes: bytes)
        keys = StringInterner.forKeys(inputSize: bytes.count)
        values = StringInterner.forValues(inputSize: bytes.count)
    }

    mutating func releaseScratch() {
        memberScratch.release()
        elementScratch.release()
        keyHashScratch.release()
    }

    mutating func build() -> LoadResult {
        do throws(YAMLFailure) {
            try checkWholeFile()
            let root = try parseEvents()
            return LoadResult(root: root, issues: issues)
        } catch {
            issues.append(error.issue)
            return LoadResult(root: nil, issues: issues)
        }
    }

    func checkWholeFile() throws(YAMLFailure) {
        if bytes.count > limits.maxFileSize {
            throw YAMLFailure(issue: LoadIssue(
                code: .limit,
                message: "file is \(bytes.count) bytes, more than the limit of \(limits.maxFileSize)",
                span: Span(at: 0),
                hint: "raise the limit with --max-file-size"))
        }
        if let nul = UTF8Scanning.binaryMarkerOffset(in: bytes) {
            throw YAMLFailure(issue: LoadIssue(
                code: .encoding,
                message: "binary data: a NUL byte at byte offset \(nul); a configuration is UTF-8 text",
                span: Span(at: nul)))
        }
    }

    mutating func parseEvents() throws(YAMLFailure) -> Node {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else {
            throw failure(.limit, "libyaml could not start (out of memory)", at: Span(at: 0))
        }
        defer { yaml_parser_delete(parser) }
        if let base = bytes.baseAddress {
            yaml_parser_set_input_string(parser, base, bytes.count)
        } else {
            throw emptyFile()
        }
        if bytes.count >= pipelineThreshold, let pipeline = YAMLEventPipeline(parser: parser) {
            defer { pipeline.finish() }
            return try buildTree(from: pipeline, parser: parser)
        }
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(parser, &event) == 1 else { throw libyamlFailure(parser) }
            defer { yaml_event_delete(&event) }
            if let root = try handle(YAMLEvent(event)) { return root }
        }
    }

    /// The tree from the events a parser thread hands over.
    mutating func buildTree(from pipeline: YAMLEventPipeline, parser: UnsafeMutablePointer<yaml_parser_t>) throws(YAMLFailure) -> Node {
        while true {
            let batch = pipeline.next()
            for event in batch {
                if let root = try handle(event) { return root }
            }
            // The last batch ends with the stream's end, unless libyaml failed: its error is in the parser.
            if batch.isLast { throw libyamlFailure(parser) }
        }
    }

    /// Adds one event to the tree; returns the root at the end of the stream.
    mutating func handle(_ event: YAMLEvent) throws(YAMLFailure) -> Node? {
        switch event.kind {
        case .streamEnd:
            guard let root else { throw emptyFile() }
            return root
        case .documentStart:
            documents += 1
            if documents > 1 {
                throw failure(.structure, "a second YAML document starts here; expected a single document",
                              at: span(event.start, event.end),
                              hint: "KrakenD reads only the first document; remove the '---' and what follows, or merge the documents")
            }
        case .scalar:
            try scalarEvent(event)
        case .alias:
            try aliasEvent(event)
        case .mappingStart:
            try openCollection(isMapping: true, event: event)
        case .sequenceStart:
            try openCollection(isMapping: false, event: event)
        case .collectionEnd:
            try closeCollection(event)
        case .other:
            break
        }
        return nil
    }

    // MARK: Events

    mutating func scalarEvent(_ event: YAMLEvent) throws(YAMLFailure) {
        let text = event.text
        let plain = event.isPlainOrBlock
        let tag = event.tag.map(YAMLEvent.string)
        let nodeSpan = span(event.start, event.end)
        if depth > 0, current.isMapping, current.pendingKey == nil, event.anchor == nil {
            // A key: only its text, its span and whether it is the merge key `<<` matter.
            let hash = RepeatedKeys.hash(text)
            let key = keys.string(text, hash: hash)
            let isMerge = text.count == 2 && key == "<<"
                && ((plain && (tag == nil || tag == "!")) || tag.map(YAMLScalarResolver.shortTag) == "!!merge")
            try countNodes(1, at: nodeSpan)
            current.nodeCount += 1
            current.lastEnd = nodeSpan.end
            try acceptKey(key, hash: hash, span: nodeSpan, isMerge: isMerge)
            return
        }
        let string = values.string(text)
        let resolved: YAMLScalarResolver.ResolvedScalar
        if tag == nil, !plain || YAMLScalarResolver.isCertainlyString(text) {
            resolved = .string
        } else {
            switch YAMLScalarResolver.resolve(text, plain: plain, tag: tag) {
            case .value(let value): resolved = value
            case .failure(let message): throw failure(.syntax, message, at: nodeSpan)
            }
        }
        let value: Node.Value
        switch resolved {
        case .string, .merge: value = .string(string)
        case .null: value = .null
        case .bool(let flag): value = .bool(flag)
        case .integer(let canonical), .float(let canonical):
            value = .number(canonical == string ? Number(json: string) : Number(literal: string, canonical: canonical))
        case .special(let special): value = .number(Number(literal: string, special: special))
        }
        let node = Node(value, span: nodeSpan)
        if depth == 0 {
            throw topLevelNotMapping(resolved == .null ? "empty (null)" : "a scalar (\(node.typeName))", at: nodeSpan)
        }
        if let anchor = event.anchor {
            anchors[YAMLEvent.string(anchor)] = (node, 1)
        }
        try countNodes(1, at: nodeSpan)
        try attach(node, count: 1, keyText: string, isMergeKey: resolved == .merge)
    }

    mutating func aliasEvent(_ event: YAMLEvent) throws(YAMLFailure) {
        let name = event.anchor.map(YAMLEvent.string) ?? ""
        let aliasSpan = span(event.start, event.end)
        if openAnchors.contains(name) {
            throw failure(.structure, "anchor '\(name)' value contains itself", at: aliasSpan)
        }
        guard let target = anchors[name] else {
            throw failure(.syntax, "unknown anchor '\(name)' referenced", at: aliasSpan)
        }
        try countNodes(target.count, at: aliasSpan)
        var node = target.node
        node.span = aliasSpan
        let keyText: String?
        switch node.value {
        case .string(let text): keyText = text
        case .number(let number): keyText = number.literal
        case .bool(let flag): keyText = flag ? "true" : "false"
        case .null: keyText = "null"
        case .object, .array: keyText = nil
        }
        try attach(node, count: target.count, keyText: keyText, isMergeKey: false)
    }

    mutating func openCollection(isMapping: Bool, event: YAMLEvent) throws(YAMLFailure) {
        let start = cursor.offset(ofIndex: event.start)
        let startSpan = Span(start: start, end: start)
        if depth == 0, root == nil, !isMapping {
            throw topLevelNotMapping("a sequence", at: startSpan)
        }
        if depth > 0, current.isMapping, current.pendingKey == nil {
            throw failure(.syntax, "a mapping key must be a scalar; found a \(isMapping ? "mapping" : "sequence") used as a key", at: startSpan)
        }
        if depth + 1 > limits.maxDepth {
            throw failure(.limit, "nesting deeper than \(limits.maxDepth) levels of mappings and sequences", at: startSpan,
                          hint: "configuration files nest a few levels; check whether the file was generated correctly, or raise the limit with --max-depth")
        }
        try countNodes(1, at: startSpan)
        let name = event.anchor.map(YAMLEvent.string)
        if let name { openAnchors.insert(name) }
        let opened = YAMLOpenCollection(
            isMapping: isMapping, isBlock: event.isPlainOrBlock, start: start, anchor: name,
            base: isMapping ? memberScratch.count : elementScratch.count)
        // Moved, not copied: the collection's key, anchor and index change hands without retains.
        var entering = opened
        swap(&entering, &current)
        if depth > 0 { outer.append(entering) }
        depth += 1
    }

    mutating func closeCollection(_ event: YAMLEvent) throws(YAMLFailure) {
        guard depth > 0 else { return }
        depth -= 1
        var closed = (depth > 0 ? outer.popLast() : nil) ?? current
        swap(&closed, &current)
        let end = closed.isBlock ? closed.lastEnd : cursor.offset(ofIndex: event.end)
        let nodeSpan = Span(start: closed.start, end: end)
        let node: Node
        if closed.isMapping {
            node = Node(.object(assembleMembers(&closed)), span: nodeSpan)
        } else {
            node = Node(.array(elementScratch.take(from: closed.base)), span: nodeSpan)
        }
        if let anchor = closed.anchor {
            openAnchors.remove(anchor)
            anchors[anchor] = (node, closed.nodeCount)
        }
        if depth == 0 {
            root = node
        } else {
            try attach(node, count: closed.nodeCount, keyText: nil, isMergeKey: false)
        }
    }

    // MARK: Tree assembly

    /// Adds a finished node to the innermost open collection: as a key, a value, a merge, or an element.
    mutating func attach(_ node: consuming Node, count: Int, keyText: String?, isMergeKey: Bool) throws(YAMLFailure) {
        let nodeSpan = node.span
        current.nodeCount += count
        current.lastEnd = nodeSpan.end
        guard current.isMapping else {
            elementScratch.append(node)
            return
        }
        guard let key = current.pendingKey else {
            guard let keyText else {
                throw failure(.syntax, "a mapping key must be a scalar; found a \(node.typeName == "object" ? "mapping" : "sequence") used as a key", at: node.span)
            }
            try acceptKey(keyText, hash: RepeatedKeys.hash(keyText), span: nodeSpan, isMerge: isMergeKey)
            return
        }
        if current.pendingIsMerge {
            let merged = try mergeSources(of: node)
            current.merges.append((memberScratch.count - current.base, merged))
        } else {
            memberScratch.append(Member(key: key, byteHash: current.pendingKeyHash, keySpan: current.pendingKeySpan, value: node))
            RepeatedKeys.recordLast(hash: current.pendingKeyHash, base: current.base, hashes: &keyHashScratch, index: &current.hashIndex)
        }
        current.pendingKey = nil
        current.pendingIsMerge = false
    }

    /// Takes `key` as the pending key of the innermost mapping, refusing a repeat.
    mutating func acceptKey(_ key: String, hash: UInt64, span keySpan: Span, isMerge: Bool) throws(YAMLFailure) {
        if key.utf8.count > limits.maxKeyLength {
            throw failure(.limit, "key of \(key.utf8.count) bytes, more than the limit of \(limits.maxKeyLength)", at: keySpan,
                          hint: "raise the limit with --max-key-length if the key is meant to be this long")
        }
        let earlierLine = isMerge
            ? current.mergeKeyLine
            : RepeatedKeys.find(key, hash: hash, base: current.base, members: memberScratch, hashes: keyHashScratch,
                                index: current.hashIndex).map { file.line(ofOffset: memberScratch.storage[$0].keySpan.start) }
        if let earlierLine {
            throw failure(.syntax, "mapping key \"\(key)\" already defined at line \(earlierLine)", at: keySpan,
                          hint: "KrakenD's YAML library refuses repeated keys; keep one")
        }
        current.pendingKey = key
        current.pendingKeySpan = keySpan
        current.pendingIsMerge = isMerge
        current.pendingKeyHash = hash
        if isMerge { current.mergeKeyLine = file.line(ofOffset: keySpan.start) }
    }
}
