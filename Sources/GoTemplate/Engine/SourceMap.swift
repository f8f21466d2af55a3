/// A span of template text: the template's name, the file it was parsed from and a byte range in it.
public struct TemplateSpan: Sendable, Equatable, CustomStringConvertible {
    /// The name of the template (a `define` name or the name given to `parse`).
    public let template: String
    /// The file path given to `parse`, if any.
    public let source: String?
    /// Byte offsets in the text given to `parse`.
    public let range: Range<Int>

    public var description: String { "\(source ?? template)@\(range.lowerBound)..<\(range.upperBound)" }
}

/// One link of the chain that explains an output byte.
public enum OutputOrigin: Sendable, Equatable {
    /// Literal text of a template.
    case literal(TemplateSpan)
    /// Where the printed value came from (the value's ``ValueOrigin``).
    case value(ValueOrigin)
    /// The action that printed the byte (`{{ … }}`, delimiters included).
    case action(TemplateSpan)
    /// A `{{template}}` or `{{block}}` call that led there, with the name it called.
    case templateCall(TemplateSpan, callee: String)
    /// An iteration of a `{{range}}` (the span is its opening action): the 0-based iteration and, for a
    /// map, the key.
    case rangeIteration(TemplateSpan, iteration: Int, key: String?)
}

/// Where every byte of an output came from, recorded as compact segments (adjacent literal bytes merged)
/// and the chain of `template` calls and `range` iterations each segment was written in.
public struct SourceMap: Sendable {
    struct Segment: Sendable {
        var outputStart: Int
        var outputEnd: Int
        var isLiteral: Bool
        var template: Int32
        var frame: Int32
        var sourceStart: Int
        var sourceEnd: Int
        var origin: ValueOrigin?
    }

    struct Frame: Sendable {
        var parent: Int32
        var template: Int32
        var sourceStart: Int
        var sourceEnd: Int
        /// For a template call, the callee's index in `templates`; -1 for a range iteration.
        var callee: Int32
        var iteration: Int
        var key: String?
    }

    struct TemplateInfo: Sendable {
        let name: String
        let source: String?
    }

    var segments: [Segment] = []
    var frames: [Frame] = []
    var templates: [TemplateInfo] = []

    /// The number of recorded segments.
    public var segmentCount: Int { segments.count }

    /// The chain that produced the output byte at `offset`, innermost first: the value's origin (for an
    /// action), the literal or action span, then the `range` iterations and `template` calls that led there.
    /// Empty when `offset` is outside the output.
    public func origins(ofOutputOffset offset: Int) -> [OutputOrigin] {
        var low = 0
        var high = segments.count
        while low < high {
            let middle = (low + high) / 2
            if segments[middle].outputEnd <= offset { low = middle + 1 } else { high = middle }
        }
        guard low < segments.count, segments[low].outputStart <= offset else { return [] }
        let segment = segments[low]
        var chain: [OutputOrigin] = []
        let span = self.span(template: segment.template, start: segment.sourceStart, end: segment.sourceEnd)
        if segment.isLiteral {
            chain.append(.literal(span))
        } else {
            if let origin = segment.origin { chain.append(.value(origin)) }
            chain.append(.action(span))
        }
        var frameIndex = segment.frame
        while frameIndex >= 0 {
            let frame = frames[Int(frameIndex)]
            let frameSpan = self.span(template: frame.template, start: frame.sourceStart, end: frame.sourceEnd)
            if frame.callee >= 0 {
                chain.append(.templateCall(frameSpan, callee: templates[Int(frame.callee)].name))
            } else {
                chain.append(.rangeIteration(frameSpan, iteration: frame.iteration, key: frame.key))
            }
            frameIndex = frame.parent
        }
        return chain
    }

    private func span(template: Int32, start: Int, end: Int) -> TemplateSpan {
        let info = templates[Int(template)]
        return TemplateSpan(template: info.name, source: info.source, range: start..<end)
    }
}
