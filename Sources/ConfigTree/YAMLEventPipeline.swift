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
/// One producer (the parser thread) and one consumer (the reader) share a ring of `slotCount` slots.
/// Two semaphores order every hand-over, so a slot and the parser's state belong to one side at a time:
/// the consumer reads libyaml's error from the parser only after the last batch arrived, and a slot goes
/// back to the producer only when the consumer asks for the next one.
///
/// The producer copies what the builder reads of each event (`Record`, and the scalar's bytes into the
/// slot's byte arena) and deletes the event at once, as a serial parse does. Handing libyaml's own events
/// over instead was measured slower: every event and every scalar allocation then crosses between the two
/// cores twice (read by the reader, freed or overwritten by the parser), and freeing them on the reader's
/// side contends for the allocator. Whatever stops the reader (a finished tree, a limit, a syntax error),
/// `finish()` cancels the parser thread and waits for it.
final class YAMLEventPipeline: @unchecked Sendable {
    /// Files at least this large are parsed on a second thread.
    static let minimumFileSize = 512 * 1024
    static let batchSize = 2048
    static let slotCount = 4

    /// A `YAMLEvent` in sixteen bytes (what crosses between the cores is most of the pipeline's cost). Its
    /// bytes follow the previous event's in the slot's arena: the anchor and the tag, each after its
    /// length (four bytes), when `flags` says the event has them, then the scalar's text.
    struct Record {
        static let plainOrBlock: UInt8 = 1
        static let hasAnchor: UInt8 = 2
        static let hasTag: UInt8 = 4

        var start: UInt32
        var end: UInt32
        var textCount: UInt32
        var kind: YAMLEvent.Kind
        var flags: UInt8
    }

    /// One slot of the ring: up to `batchSize` records and the bytes they refer to.
    struct Slot {
        var records: UnsafeMutablePointer<Record>
        var count = 0
        var isLast = false
        var arena: UnsafeMutablePointer<UInt8>
        var arenaCapacity: Int
        var arenaUsed = 0
    }

    /// A batch the reader may use until its next call to `next()`; its events are read in order.
    struct Batch: Sequence, IteratorProtocol {
        let records: UnsafePointer<Record>
        let arena: UnsafePointer<UInt8>
        /// The number of events.
        let count: Int
        /// Whether the stream ended (or libyaml failed) after these events.
        let isLast: Bool
        private var index = 0
        private var arenaOffset = 0

        init(records: UnsafePointer<Record>, arena: UnsafePointer<UInt8>, count: Int, isLast: Bool) {
            self.records = records
            self.arena = arena
            self.count = count
            self.isLast = isLast
        }

        mutating func next() -> YAMLEvent? {
            guard index < count else { return nil }
            let record = records[index]
            index += 1
            let anchor = record.flags & Record.hasAnchor != 0 ? lengthPrefixedBytes() : nil
            let tag = record.flags & Record.hasTag != 0 ? lengthPrefixedBytes() : nil
            let text = UnsafeBufferPointer(start: arena + arenaOffset, count: Int(record.textCount))
            arenaOffset += Int(record.textCount)
            return YAMLEvent(kind: record.kind, start: Int(record.start), end: Int(record.end),
                             isPlainOrBlock: record.flags & Record.plainOrBlock != 0, text: text, anchor: anchor, tag: tag)
        }

        private mutating func lengthPrefixedBytes() -> UnsafeBufferPointer<UInt8> {
            let length = Int(UnsafeRawPointer(arena + arenaOffset).loadUnaligned(as: UInt32.self))
            defer { arenaOffset += 4 + length }
            return UnsafeBufferPointer(start: arena + arenaOffset + 4, count: length)
        }
    }

    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let slots: UnsafeMutablePointer<Slot>
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
        slots = UnsafeMutablePointer<Slot>.allocate(capacity: Self.slotCount)
        for index in 0..<Self.slotCount {
            let capacity = 64 * 1024
            (slots + index).initialize(to: Slot(
                records: UnsafeMutablePointer<Record>.allocate(capacity: Self.batchSize),
                arena: UnsafeMutablePointer<UInt8>.allocate(capacity: capacity), arenaCapacity: capacity))
        }
        for _ in 0..<Self.slotCount { freeSlots.signal() }
        guard Self.startThread(self) else {
            finished = true
            return nil
        }
    }

    deinit {
        for index in 0..<Self.slotCount {
            slots[index].records.deallocate()
            slots[index].arena.deallocate()
        }
        slots.deinitialize(count: Self.slotCount)
        slots.deallocate()
    }

    /// The next batch, waiting for the parser when it is behind; valid until the next call.
    func next() -> Batch {
        if holdsSlot { freeSlots.signal() }
        filledSlots.wait()
        holdsSlot = true
        let slot = slots[readSlot]
        readSlot = (readSlot + 1) % Self.slotCount
        if slot.isLast { sawLastBatch = true }
        return Batch(records: UnsafePointer(slot.records), arena: UnsafePointer(slot.arena), count: slot.count, isLast: slot.isLast)
    }

    /// Stops the parser thread (if it is still running) and waits for it. Call once, always.
    func finish() {
        guard !finished else { return }
        finished = true
        if !sawLastBatch {
            state.sync { cancelled = true }
            // The producer checks the flag when it takes a free slot; one more slot wakes it if the ring is full.
            freeSlots.signal()
        }
        producerExited.wait()
    }

    /// The parser thread: fills free slots with batches until the stream ends, libyaml fails, or the
    /// reader cancels. Signalling `producerExited` is its last use of `self`.
    private func produce() {
        var index = 0
        var event = yaml_event_t()
        while true {
            freeSlots.wait()
            if state.sync(execute: { cancelled }) { break }
            let slot = slots + index
            slot.pointee.count = 0
            slot.pointee.arenaUsed = 0
            var isLast = false
            while slot.pointee.count < Self.batchSize {
                guard yaml_parser_parse(parser, &event) == 1 else {
                    isLast = true
                    break
                }
                let view = YAMLEvent(event)
                var flags = view.isPlainOrBlock ? Record.plainOrBlock : 0
                if let anchor = view.anchor {
                    flags |= Record.hasAnchor
                    Self.copyLengthPrefixed(anchor, into: slot)
                }
                if let tag = view.tag {
                    flags |= Record.hasTag
                    Self.copyLengthPrefixed(tag, into: slot)
                }
                Self.copy(UnsafeRawBufferPointer(view.text), into: slot)
                slot.pointee.records[slot.pointee.count] = Record(
                    start: UInt32(truncatingIfNeeded: view.start), end: UInt32(truncatingIfNeeded: view.end),
                    textCount: UInt32(truncatingIfNeeded: view.text.count), kind: view.kind, flags: flags)
                yaml_event_delete(&event)
                slot.pointee.count += 1
                if view.kind == .streamEnd {
                    isLast = true
                    break
                }
            }
            slot.pointee.isLast = isLast
            index = (index + 1) % Self.slotCount
            filledSlots.signal()
            if isLast { break }
        }
        producerExited.signal()
    }

    /// Appends `bytes` to the slot's arena after their length (four bytes).
    private static func copyLengthPrefixed(_ bytes: UnsafeBufferPointer<UInt8>, into slot: UnsafeMutablePointer<Slot>) {
        withUnsafeBytes(of: UInt32(truncatingIfNeeded: bytes.count)) { copy($0, into: slot) }
        copy(UnsafeRawBufferPointer(bytes), into: slot)
    }

    /// Appends `bytes` to the slot's arena, growing it when full.
    private static func copy(_ bytes: UnsafeRawBufferPointer, into slot: UnsafeMutablePointer<Slot>) {
        let offset = slot.pointee.arenaUsed
        let needed = offset + bytes.count
        if needed > slot.pointee.arenaCapacity {
            var capacity = slot.pointee.arenaCapacity * 2
            while capacity < needed { capacity *= 2 }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            grown.update(from: slot.pointee.arena, count: offset)
            slot.pointee.arena.deallocate()
            slot.pointee.arena = grown
            slot.pointee.arenaCapacity = capacity
        }
        if let base = bytes.baseAddress, !bytes.isEmpty {
            UnsafeMutableRawPointer(slot.pointee.arena + offset).copyMemory(from: base, byteCount: bytes.count)
        }
        slot.pointee.arenaUsed = needed
    }

    /// Runs `pipeline.produce()` on a new detached thread; false when the system refuses one.
    ///
    /// The thread owns nothing: it reaches the pipeline unretained (`finish()` waits for it, so the reader's
    /// reference keeps the pipeline alive while the thread uses it), and signalling `producerExited` is its
    /// last use of memory. Were the thread to hold a reference, or a box for its closure, it could free them
    /// after `finish()` returned: LeakSanitizer in the YAML fuzz target caught first the whole pipeline, then
    /// the closure's box, still allocated after the read had returned.
    private static func startThread(_ pipeline: YAMLEventPipeline) -> Bool {
        let context = Unmanaged.passUnretained(pipeline).toOpaque()
        #if canImport(Glibc)
        var thread = pthread_t()
        let started = pthread_create(&thread, nil, { raw in
            Unmanaged<YAMLEventPipeline>.fromOpaque(raw!)._withUnsafeGuaranteedRef { $0.produce() }
            return nil
        }, context)
        guard started == 0 else { return false }
        pthread_detach(thread)
        #else
        var thread: pthread_t?
        let started = pthread_create(&thread, nil, { raw in
            Unmanaged<YAMLEventPipeline>.fromOpaque(raw)._withUnsafeGuaranteedRef { $0.produce() }
            return nil
        }, context)
        guard started == 0 else { return false }
        if let thread { pthread_detach(thread) }
        #endif
        return true
    }
}
