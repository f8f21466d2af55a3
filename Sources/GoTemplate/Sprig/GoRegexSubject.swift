/// A Go string as package `regexp` reads it: rune by rune, each byte that does not start a valid UTF-8
/// sequence being one rune U+FFFD of width 1. Matching runs on ``text`` (those runes as a Swift string), while
/// positions and matched text are the string's own bytes, which Go keeps.
struct GoRegexSubject {
    /// The runes, each invalid byte as U+FFFD; what the regex runs on.
    let text: String
    /// The Go string's bytes.
    let bytes: [UInt8]
    /// For bytes that are not valid UTF-8: at each UTF-8 offset of ``text`` where a rune starts (and at its
    /// end), the offset in ``bytes`` of that rune. Nil when ``text`` has the same bytes.
    private let byteOffsets: [Int]?

    init(_ value: Value) {
        switch value.storage {
        case .byteString(let bytes): self.init(bytes: bytes)
        case .string(let text): self.init(text: text)
        default: self.init(text: "")
        }
    }

    init(text: String) {
        self.text = text
        bytes = Array(text.utf8)
        byteOffsets = nil
    }

    init(bytes: [UInt8]) {
        var textBytes: [UInt8] = []
        textBytes.reserveCapacity(bytes.count + 8)
        var offsets: [Int] = []
        offsets.reserveCapacity(bytes.count + 9)
        var index = 0
        var valid = true
        while index < bytes.count {
            let (rune, width) = UTF8Decoding.decodeRune(bytes, at: index)
            if width == 1 && rune == UTF8Decoding.replacementCharacter {
                valid = false
                textBytes.append(contentsOf: [0xEF, 0xBF, 0xBD])
                offsets.append(contentsOf: [index, index, index])
            } else {
                textBytes.append(contentsOf: bytes[index..<(index + width)])
                offsets.append(contentsOf: repeatElement(index, count: width))
            }
            index += width
        }
        offsets.append(bytes.count)
        self.bytes = bytes
        text = String(decoding: textBytes, as: UTF8.self)
        byteOffsets = valid ? nil : offsets
    }

    /// The offset in ``bytes`` of a rune boundary of ``text``.
    func byteOffset(of index: String.Index) -> Int {
        let offset = text.utf8.distance(from: text.startIndex, to: index)
        return byteOffsets?[offset] ?? offset
    }

    /// The byte range of a range of ``text`` (a match).
    func byteRange(of range: Range<String.Index>) -> Range<Int> {
        byteOffset(of: range.lowerBound)..<byteOffset(of: range.upperBound)
    }

    /// The Go string of a byte range.
    func value(_ range: Range<Int>) -> Value { .goString(bytes[range]) }
}
