import ConfigTree

/// Report text appended through a pointer into storage of its own, for the writers that render tens of
/// thousands of findings: appending to an array checks its uniqueness and capacity and goes through the
/// generic sequence path on every call, several times the instructions of the copy itself.
///
/// Not copyable, so the storage has exactly one owner and is freed with it.
struct ByteWriter: ~Copyable, ByteSink {
    private var start: UnsafeMutablePointer<UInt8>
    /// The bytes written so far.
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 256)
        start = .allocate(capacity: self.capacity)
    }

    deinit { start.deallocate() }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(toHold: count + 1) }
        start[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        if bytes.count > capacity - count { grow(toHold: count + bytes.count) }
        let target = start + count
        if bytes.count <= 16 {
            // Most pieces are a few bytes (a separator, a number, a short name): a call to memcpy costs more.
            for index in 0..<bytes.count { target[index] = source[index] }
        } else {
            target.initialize(from: source, count: bytes.count)
        }
        count += bytes.count
    }

    /// Makes room for `capacity` bytes in all, so that appends up to there do not move the bytes.
    mutating func reserveCapacity(_ capacity: Int) {
        if capacity > self.capacity { grow(toHold: capacity) }
    }

    /// Starts again from no bytes, keeping the storage.
    mutating func removeAll() { count = 0 }

    /// Calls `body` with the bytes written so far.
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try body(UnsafeBufferPointer(start: start, count: count))
    }

    /// Moves the bytes to storage at least twice as large (so appends cost a constant on average).
    @inline(never)
    private mutating func grow(toHold needed: Int) {
        let larger = max(needed, 2 * capacity)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.moveInitialize(from: start, count: count)
        start.deallocate()
        start = moved
        capacity = larger
    }
}
