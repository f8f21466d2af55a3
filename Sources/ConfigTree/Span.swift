/// A point in a source file: byte offset (0-based), line and column (1-based).
///
/// Columns count Unicode scalars from the start of the line, not bytes, so a caret lines up
/// under a non-ASCII character. Stored as 32-bit fields to keep the tree small.
public struct SourcePosition: Hashable, Comparable, Sendable, CustomStringConvertible {
    @usableFromInline let rawOffset: UInt32
    @usableFromInline let rawLine: UInt32
    @usableFromInline let rawColumn: UInt32

    @inlinable @inline(__always)
    public init(offset: Int, line: Int, column: Int) {
        rawOffset = UInt32(clamping: offset)
        rawLine = UInt32(clamping: line)
        rawColumn = UInt32(clamping: column)
    }

    public var offset: Int { Int(rawOffset) }
    public var line: Int { Int(rawLine) }
    public var column: Int { Int(rawColumn) }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool { lhs.rawOffset < rhs.rawOffset }

    public var description: String { "\(line):\(column)" }
}

/// The extent of a node or key in its file: `start` is the first character, `end` is just past the last.
public struct Span: Hashable, Sendable, CustomStringConvertible {
    public var start: SourcePosition
    public var end: SourcePosition

    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = end
    }

    /// A zero-width span at one position.
    public init(at position: SourcePosition) {
        self.init(start: position, end: position)
    }

    public func contains(offset: Int) -> Bool { offset >= start.offset && offset < max(end.offset, start.offset + 1) }

    public var description: String { "\(start)-\(end)" }
}
