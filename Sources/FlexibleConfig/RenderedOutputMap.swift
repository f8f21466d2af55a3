import GoTemplate

/// Where each part of a rendered output came from when the output was assembled from several renders: the
/// base template's, with Enterprise `$ref` objects replaced by the render of the file they name. Each piece
/// maps a range of the final output onto a range of one render's own output (and so onto its source map).
public struct RenderedOutputMap: Sendable {
    struct Piece: Sendable {
        /// The bytes of the final output this piece covers.
        var range: Range<Int>
        var map: SourceMap
        /// The offset in `map`'s output of the piece's first byte.
        var start: Int
    }

    private(set) var pieces: [Piece]

    /// The map of an output produced by one render.
    public init(_ map: SourceMap, length: Int) {
        pieces = [Piece(range: 0..<length, map: map, start: 0)]
    }

    /// Records that the bytes `replaced` of the final output were replaced by `length` bytes of another
    /// render whose map is `map`; everything after moves by the difference.
    mutating func splice(replacing replaced: Range<Int>, with map: SourceMap, length: Int) {
        let shift = length - replaced.count
        var result: [Piece] = []
        for piece in pieces {
            if piece.range.upperBound <= replaced.lowerBound {
                result.append(piece)
                continue
            }
            if piece.range.lowerBound >= replaced.upperBound {
                result.append(Piece(range: (piece.range.lowerBound + shift)..<(piece.range.upperBound + shift), map: piece.map, start: piece.start))
                continue
            }
            if piece.range.lowerBound < replaced.lowerBound {
                result.append(Piece(range: piece.range.lowerBound..<replaced.lowerBound, map: piece.map, start: piece.start))
            }
            if piece.range.upperBound > replaced.upperBound {
                let skipped = replaced.upperBound - piece.range.lowerBound
                result.append(Piece(
                    range: (replaced.upperBound + shift)..<(piece.range.upperBound + shift), map: piece.map, start: piece.start + skipped
                ))
            }
        }
        result.append(Piece(range: replaced.lowerBound..<(replaced.lowerBound + length), map: map, start: 0))
        pieces = result.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// The render that wrote final byte `offset`, and the byte's offset in that render's output.
    public func locate(_ offset: Int) -> (map: SourceMap, offset: Int)? {
        var low = 0
        var high = pieces.count
        while low < high {
            let middle = (low + high) / 2
            if pieces[middle].range.upperBound <= offset { low = middle + 1 } else { high = middle }
        }
        guard low < pieces.count, pieces[low].range.contains(offset) else { return nil }
        let piece = pieces[low]
        return (piece.map, piece.start + offset - piece.range.lowerBound)
    }
}
