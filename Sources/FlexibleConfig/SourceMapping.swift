import ConfigTree
import GoTemplate

/// Answers "which project file produced this rendered byte" from the engine's source map: the literal text
/// of a template or partial, the settings value an action printed, or the action itself; with the chain of
/// `template` calls and `range` iterations as notes.
public struct SourceMapping: Sendable {
    /// Where a rendered span comes from, and why.
    public struct Origin: Sendable, Equatable {
        public var location: FlexibleConfigProblem.Location
        /// The chain, innermost first: "printed by this action", "in template … called here", "expanded by range …".
        public var notes: [FlexibleConfigProblem.Note]
        /// The environment variable the bytes were read from, if any: its value must never be shown.
        public var environmentVariable: String?
    }

    let map: RenderedOutputMap
    let sources: [String: SourceFile]

    public init(map: RenderedOutputMap, sources: [String: SourceFile]) {
        self.map = map
        self.sources = sources
    }

    /// The `{{ }}` action that printed the rendered byte at `offset`, or nil for literal text.
    static func action(at offset: Int, in map: RenderedOutputMap?) -> FlexibleConfigProblem.Location? {
        guard let (render, local) = map?.locate(offset) else { return nil }
        for link in render.origins(ofOutputOffset: local) {
            if case .action(let span) = link { return location(of: span) }
        }
        return nil
    }

    /// The origin of the rendered span `span`: the place its first byte came from. A string whose quotes are
    /// template text around an action (`"{{ .x }}"`) is placed at the settings string the action printed,
    /// quotes included.
    public func origin(of span: Span) -> Origin? {
        if span.end - span.start >= 2, let inner = quotedValue(of: span) { return inner }
        return origin(ofSpan: span)
    }

    /// When `span` starts with a literal quote followed by an action that printed a quoted settings string,
    /// that string, whole.
    private func quotedValue(of span: Span) -> Origin? {
        guard let (render, local) = map.locate(span.start), render.origins(ofOutputOffset: local).first.map(Self.isLiteral) == true,
              let inner = origin(ofSpan: Span(start: span.start + 1, end: span.end - 1))
        else { return nil }
        // A string printed from the environment: the action, naming the variable.
        if inner.environmentVariable != nil { return inner }
        guard let file = sources[inner.location.path], inner.location.span.start > 0,
              inner.location.span.start <= file.bytes.count,
              file.bytes[inner.location.span.start - 1] == UInt8(ascii: "\""),
              inner.environmentVariable == nil, inner.notes.first?.message == "printed by this action"
        else { return nil }
        var widened = inner
        widened.location.span = Span(start: inner.location.span.start - 1, end: inner.location.span.end + 1)
        return widened
    }

    private static func isLiteral(_ origin: OutputOrigin) -> Bool {
        if case .literal = origin { return true }
        return false
    }

    private func origin(ofSpan span: Span) -> Origin? {
        guard let (render, local) = map.locate(span.start) else { return nil }
        let chain = render.origins(ofOutputOffset: local)
        guard !chain.isEmpty else { return nil }
        let segment = render.outputRange(ofSegmentContaining: local)
        let within = segment.map { local - $0.lowerBound } ?? 0
        let printedLength = segment.map { $0.count } ?? 0
        var result: Origin?
        var notes: [FlexibleConfigProblem.Note] = []
        var value: ValueOrigin?
        for link in chain {
            switch link {
            case .literal(let template):
                let start = template.range.lowerBound + within
                result = Origin(location: Self.location(of: template, start: start, length: span.end - span.start), notes: [])
            case .value(let origin):
                value = origin
            case .action(let template):
                let action = Self.location(of: template)
                if let value, let placed = place(value, within: within, printedLength: printedLength, length: span.end - span.start) {
                    result = Origin(location: placed, notes: [], environmentVariable: nil)
                    notes.append(.init(message: "printed by this action", location: action))
                } else {
                    result = Origin(location: action, notes: [], environmentVariable: value?.environmentVariable)
                    if let variable = value?.environmentVariable {
                        notes.append(.init(message: "the value comes from the environment variable \(variable)", location: action))
                    }
                }
            case .templateCall(let template, let callee):
                notes.append(.init(message: "in template \"\(callee)\", called here", location: Self.location(of: template)))
            case .rangeIteration(let template, let iteration, let key):
                let which = key.map { "key \"\($0)\"" } ?? "item \(iteration)"
                notes.append(.init(message: "expanded by this range (\(which))", location: Self.location(of: template)))
            }
        }
        result?.notes = notes
        return result
    }

    /// The place inside a value's own file that holds the printed byte `within` bytes into the action's
    /// output: exact for raw text (a partial, a number) and for a JSON string without escapes (one byte past
    /// its opening quote), the whole value otherwise (a `marshal`led object).
    private func place(_ value: ValueOrigin, within: Int, printedLength: Int, length: Int) -> FlexibleConfigProblem.Location? {
        guard value.environmentVariable == nil, let file = sources[value.source] else { return nil }
        let range = value.range
        guard range.upperBound <= file.bytes.count else { return nil }
        let quoted = range.count >= 2 && file.bytes[range.lowerBound] == UInt8(ascii: "\"")
        if printedLength == range.count {
            return .init(path: value.source, span: Span(start: range.lowerBound + within, end: range.lowerBound + within + length))
        }
        if quoted, printedLength == range.count - 2 {
            let start = range.lowerBound + 1 + within
            return .init(path: value.source, span: Span(start: start, end: start + length))
        }
        return .init(path: value.source, span: Span(start: range.lowerBound, end: range.upperBound))
    }

    static func location(of span: TemplateSpan, start: Int? = nil, length: Int? = nil) -> FlexibleConfigProblem.Location {
        let from = start ?? span.range.lowerBound
        let to = length.map { from + $0 } ?? span.range.upperBound
        return .init(path: span.source ?? span.template, span: Span(start: from, end: max(from, min(to, span.range.upperBound))))
    }
}
