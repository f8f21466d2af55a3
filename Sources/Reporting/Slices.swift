import Foundation

/// Many findings rendered in chunks on all cores and handed on in order: each finding's text depends on nothing
/// but itself (an audit of a large configuration has tens of thousands).
enum Slices {
    /// The findings of one chunk; with fewer than two chunks' worth, one thread renders them all.
    static let itemsPerSlice = 1_000

    /// `render` of consecutive ranges covering `0..<count`, each into a writer whose bytes `emit` receives in
    /// order. The chunks of one round (one per core) are rendered at the same time, into writers that the next
    /// round reuses once `emit` has had them: the text of a large report is never held whole.
    static func stream(_ count: Int, emit: (UnsafeBufferPointer<UInt8>) -> Void, render: @Sendable (Range<Int>, inout ByteWriter) -> Void) {
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        guard count >= 2 * itemsPerSlice, cores > 1 else {
            let buffer = ChunkBuffer()
            buffer.render(0..<count, with: render)
            buffer.emit(to: emit)
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
            for index in 0..<round { buffers[index].emit(to: emit) }
            first += round
        }
    }
}

/// The text of one chunk of a round, written by one thread at a time: the thread that renders the chunk,
/// then, after the round, the one that emits it.
private final class ChunkBuffer: @unchecked Sendable {
    private var writer = ByteWriter(capacity: 4096)

    /// Renders `range` into the writer, which keeps its storage from the previous chunk.
    func render(_ range: Range<Int>, with render: (Range<Int>, inout ByteWriter) -> Void) {
        writer.removeAll()
        render(range, &writer)
    }

    /// Hands the chunk's text to `emit`, from the writer's storage.
    func emit(to emit: (UnsafeBufferPointer<UInt8>) -> Void) { writer.withBytes(emit) }
}
