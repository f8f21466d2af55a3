import Foundation

/// Many findings rendered in chunks on all cores and handed on in order: each finding's text depends on nothing
/// but itself (an audit of a large configuration has tens of thousands).
enum Slices {
    /// The findings of one chunk; with fewer than two chunks' worth, one thread renders them all.
    static let itemsPerSlice = 1_000

    /// `render` of consecutive ranges covering `0..<count`, each into a writer whose bytes `emit` receives in
    /// order. The chunks of one round (one per core) are rendered at the same time, into writers and buffers that
    /// the next round reuses once `emit` has had them: the text of a large report is never held whole.
    static func stream(_ count: Int, emit: ([UInt8]) -> Void, render: @Sendable (Range<Int>, inout ByteWriter) -> Void) {
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        guard count >= 2 * itemsPerSlice, cores > 1 else {
            let buffer = ChunkBuffer()
            buffer.render(0..<count, with: render)
            emit(buffer.bytes)
            return
        }
        let chunks = (count + itemsPerSlice - 1) / itemsPerSlice
        let buffers = (0..<cores).map { _ in ChunkBuffer() }
        var first = 0
        while first < chunks {
            let round = min(cores, chunks - first), roundFirst = first
            DispatchQueue.concurrentPerform(iterations: round) { index in
                let chunk = roundFirst + index
                buffers[index].render(chunk * itemsPerSlice ..< min(count, (chunk + 1) * itemsPerSlice), with: render)
            }
            for index in 0..<round { emit(buffers[index].bytes) }
            first += round
        }
    }
}

/// The text of one chunk of a round, written by one thread at a time: the thread that renders the chunk,
/// then, after the round, the one that emits it.
private final class ChunkBuffer: @unchecked Sendable {
    private var writer = ByteWriter(capacity: 64 * 1024)
    /// The chunk's text, as `emit` takes it: copied from the writer in one piece.
    private(set) var bytes: [UInt8] = []

    /// Renders `range` into the writer, then copies its bytes; both keep their storage for the next chunk.
    func render(_ range: Range<Int>, with render: (Range<Int>, inout ByteWriter) -> Void) {
        writer.removeAll()
        render(range, &writer)
        bytes.removeAll(keepingCapacity: true)
        writer.withBytes { bytes.append(contentsOf: $0) }
    }
}
