import CYAML
import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs libyaml's parser on a thread of its own and hands its events over in batches, so that building
/// the tree overlaps parsing. The YAML reader uses it for large files, where parsing and building each
/// take tens of milliseconds; small files are read on the calling thread.
///
/// One producer (the parser thread) and one consumer (the reader) share a ring of `slotCount` batches.
/// Two semaphores order every hand-over, so a slot and the parser's state belong to one side at a time:
/// the consumer reads libyaml's error from the parser only after the last batch arrived. The consumer
/// only reads events; the parser thread deletes a batch's events when it takes the slot back, so libyaml
/// allocates and frees on one thread (a free from another thread would contend for the allocator's
/// arena). Whatever happens to the reader (a finished tree, a limit, a syntax error), `finish()` stops
/// the parser thread, waits for it, and frees every event still in the ring.
final class YAMLEventPipeline: @unchecked Sendable {
    /// Files at least this large are parsed on a second thread.
    static let minimumFileSize = 512 * 1024
    static let batchSize = 1024
    static let slotCount = 4

    /// A batch of events in file order; `isLast` when the stream ended or libyaml failed after them.
    struct Batch {
        let events: UnsafeBufferPointer<yaml_event_t>
        let isLast: Bool
    }

    private let parser: UnsafeMutablePointer<yaml_parser_t>
    /// The ring: `slotCount` slots of `batchSize` events in one allocation, reused for every batch (no
    /// allocation per batch, and no copy-on-write between the threads), with each slot's event count and
    /// whether it holds the last batch.
    private let events: UnsafeMutablePointer<yaml_event_t>
    private let counts: UnsafeMutablePointer<Int>
    private let lastFlags: UnsafeMutablePointer<Bool>
    /// Starts at zero and is signalled `slotCount` times: libdispatch refuses to free a semaphore whose
    /// count is below the one it was created with, and the count here ends wherever the reader stopped.
    private let freeSlots = DispatchSemaphore(value: 0)
    private let filledSlots = DispatchSemaphore(value: 0)
    private let producerExited = DispatchSemaphore(value: 0)
    private let state = DispatchQueue(label: "krakenlint.yaml-pipeline")
    private var cancelled = false
    private var readSlot = 0
    /// Whether the consumer is reading the batch of the slot before `readSlot`.
    private var holdsSlot = false
    private var sawLastBatch = false
    private var finished = false

    /// Starts parsing on a new thread; nil when no thread could be started (the caller parses serially).
    init?(parser: UnsafeMutablePointer<yaml_parser_t>) {
        self.parser = parser
        events = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: Self.slotCount * Self.batchSize)
        counts = UnsafeMutablePointer<Int>.allocate(capacity: Self.slotCount)
        counts.initialize(repeating: 0, count: Self.slotCount)
        lastFlags = UnsafeMutablePointer<Bool>.allocate(capacity: Self.slotCount)
        lastFlags.initialize(repeating: false, count: Self.slotCount)
        for _ in 0..<Self.slotCount { freeSlots.signal() }
        guard Self.startThread({ [self] in produce() }) else {
            finished = true
            return nil
        }
    }

    deinit {
        events.deallocate()
        counts.deallocate()
        lastFlags.deallocate()
    }

    /// The next batch, waiting for the parser when it is behind. Its events stay owned by the pipeline
    /// and valid until the next call (only then does its slot go back to the parser thread); do not
    /// delete them.
    func next() -> Batch {
        if holdsSlot { freeSlots.signal() }
        filledSlots.wait()
        holdsSlot = true
        let batch = Batch(events: UnsafeBufferPointer(start: events + readSlot * Self.batchSize, count: counts[readSlot]),
                          isLast: lastFlags[readSlot])
        readSlot = (readSlot + 1) % Self.slotCount
        if batch.isLast { sawLastBatch = true }
        return batch
    }

    /// Stops the parser thread, waits for it and frees the events still in the ring. Call once, always.
    func finish() {
        guard !finished else { return }
        finished = true
        if !sawLastBatch {
            state.sync { cancelled = true }
            // The producer checks the flag when it takes a free slot; one more slot wakes it if the ring is full.
            freeSlots.signal()
        }
        producerExited.wait()
        for slot in 0..<Self.slotCount { deleteEvents(inSlot: slot) }
    }

    /// Frees the events of a slot's batch (read or not) and empties the slot.
    private func deleteEvents(inSlot slot: Int) {
        let first = events + slot * Self.batchSize
        for index in 0..<counts[slot] { yaml_event_delete(first + index) }
        counts[slot] = 0
    }

    /// The parser thread: fills free slots with batches until the stream ends, libyaml fails, or the
    /// reader cancels.
    private func produce() {
        var slot = 0
        while true {
            freeSlots.wait()
            if state.sync(execute: { cancelled }) { break }
            deleteEvents(inSlot: slot)
            let first = events + slot * Self.batchSize
            var count = 0
            var isLast = false
            while count < Self.batchSize {
                guard yaml_parser_parse(parser, first + count) == 1 else {
                    isLast = true
                    break
                }
                count += 1
                if first[count - 1].type == YAML_STREAM_END_EVENT {
                    isLast = true
                    break
                }
            }
            counts[slot] = count
            lastFlags[slot] = isLast
            slot = (slot + 1) % Self.slotCount
            filledSlots.signal()
            if isLast { break }
        }
        producerExited.signal()
    }

    /// Runs `body` on a new detached thread; false when the system refuses one.
    private static func startThread(_ body: @escaping @Sendable () -> Void) -> Bool {
        final class Box {
            let body: @Sendable () -> Void
            init(_ body: @escaping @Sendable () -> Void) { self.body = body }
        }
        let context = Unmanaged.passRetained(Box(body)).toOpaque()
        #if canImport(Glibc)
        var thread = pthread_t()
        let started = pthread_create(&thread, nil, { raw in
            Unmanaged<Box>.fromOpaque(raw!).takeRetainedValue().body()
            return nil
        }, context)
        #else
        var thread: pthread_t?
        let started = pthread_create(&thread, nil, { raw in
            Unmanaged<Box>.fromOpaque(raw).takeRetainedValue().body()
            return nil
        }, context)
        #endif
        guard started == 0 else {
            Unmanaged<Box>.fromOpaque(context).release()
            return false
        }
        #if canImport(Glibc)
        pthread_detach(thread)
        #else
        if let thread { pthread_detach(thread) }
        #endif
        return true
    }
}
