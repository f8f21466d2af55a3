/// A point in a source file: byte offset (0-based), line and column (1-based).
///
/// Columns count Unicode scalars from the start of the line, not bytes, so a caret lines up
/// under a non-ASCII character. The tree keeps only offsets (`Span`); a position is worked out by the
/// file (`SourceFile.position(ofOffset:)`) for what is shown to the user.
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

/// The extent of a node or key in its file, as byte offsets: `start` is the first byte, `end` is just
/// past the last.
///
/// The tree stores only offsets (eight bytes a span); lines and columns are worked out from the file's line
/// index when a finding is shown (`SourceFile.position(ofOffset:)`).
public struct Span: Hashable, Sendable, CustomStringConvertible {
    @usableFromInline let rawStart: UInt32
    @usableFromInline let rawEnd: UInt32

    @inlinable @inline(__always)
    public init(start: Int, end: Int) {
        rawStart = UInt32(clamping: start)
        rawEnd = UInt32(clamping: end)
    }

    /// A zero-width span at one offset.
    @inlinable @inline(__always)
    public init(at offset: Int) {
        self.init(start: offset, end: offset)
    }

    /// The offset of the first byte.
    @inlinable public var start: Int { Int(rawStart) }
    /// The offset just past the last byte (equal to `start` for a zero-width span).
    @inlinable public var end: Int { Int(rawEnd) }

    public func contains(offset: Int) -> Bool { offset >= start && offset < max(end, start + 1) }

    public var description: String { "\(start)..<\(end)" }
}
