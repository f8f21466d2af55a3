import CYAML
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One libyaml event, reduced to what the tree builder reads: its kind, where it starts and ends (libyaml's
/// character indexes), its style, and the bytes of its scalar text, anchor and tag.
///
/// The byte buffers point into memory owned by whoever made the event: libyaml's own event on the calling
/// thread, or a batch of `YAMLEventPipeline`. They are valid while that event or batch is.
struct YAMLEvent {
    enum Kind: UInt8 {
        case documentStart, scalar, alias, mappingStart, sequenceStart, collectionEnd, streamEnd, other
    }

    var kind: Kind
    /// libyaml's `mark.index` of the first character and of the end (see `YAMLMarkCursor`).
    var start: Int
    var end: Int
    /// A scalar written plain (not quoted, not a block scalar), or a collection in block style (not flow).
    var isPlainOrBlock: Bool
    /// A scalar's text; empty for other events.
    var text: UnsafeBufferPointer<UInt8>
    /// The anchor of a scalar or collection, or the name an alias refers to.
    var anchor: UnsafeBufferPointer<UInt8>?
    /// The explicit tag of a scalar.
    var tag: UnsafeBufferPointer<UInt8>?

    init(kind: Kind, start: Int, end: Int, isPlainOrBlock: Bool, text: UnsafeBufferPointer<UInt8>,
         anchor: UnsafeBufferPointer<UInt8>?, tag: UnsafeBufferPointer<UInt8>?) {
        self.kind = kind
        self.start = start
        self.end = end
        self.isPlainOrBlock = isPlainOrBlock
        self.text = text
        self.anchor = anchor
        self.tag = tag
    }

    /// A view of a libyaml event (valid until the event is deleted).
    init(_ event: borrowing yaml_event_t) {
        start = Int(event.start_mark.index)
        end = Int(event.end_mark.index)
        isPlainOrBlock = false
        text = UnsafeBufferPointer(start: nil, count: 0)
        anchor = nil
        tag = nil
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            kind = .documentStart
        case YAML_SCALAR_EVENT:
            kind = .scalar
            let data = event.data.scalar
            text = UnsafeBufferPointer(start: data.value, count: Int(data.length))
            isPlainOrBlock = data.style == YAML_PLAIN_SCALAR_STYLE
            anchor = Self.bytes(of: data.anchor)
            tag = Self.bytes(of: data.tag)
        case YAML_ALIAS_EVENT:
            kind = .alias
            anchor = Self.bytes(of: event.data.alias.anchor)
        case YAML_MAPPING_START_EVENT:
            kind = .mappingStart
            isPlainOrBlock = event.data.mapping_start.style != YAML_FLOW_MAPPING_STYLE
            anchor = Self.bytes(of: event.data.mapping_start.anchor)
        case YAML_SEQUENCE_START_EVENT:
            kind = .sequenceStart
            isPlainOrBlock = event.data.sequence_start.style != YAML_FLOW_SEQUENCE_STYLE
            anchor = Self.bytes(of: event.data.sequence_start.anchor)
        case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
            kind = .collectionEnd
        case YAML_STREAM_END_EVENT:
            kind = .streamEnd
        default:
            kind = .other
        }
    }

    /// The bytes of a NUL-terminated libyaml string, or nil.
    private static func bytes(of text: UnsafeMutablePointer<yaml_char_t>?) -> UnsafeBufferPointer<UInt8>? {
        guard let text else { return nil }
        return UnsafeBufferPointer(start: text, count: strlen(UnsafeRawPointer(text).assumingMemoryBound(to: CChar.self)))
    }

    /// A buffer's bytes as a string.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
