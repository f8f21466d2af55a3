import ConfigTree

/// A read-only map from property name (compared by code points) to its schema, built once at
/// compile time. Open addressing over the hash every member carries (`Member.keyHash`); the names are
/// kept as one contiguous byte buffer so a lookup compares bytes without touching any `String`.
/// This matters at one lookup per instance member.
final class PropertyTable: @unchecked Sendable {
    /// Entry index per slot, -1 when empty (`mask + 1` slots).
    private let slots: UnsafeMutablePointer<Int32>
    /// Per entry: its hash, then the start of its name in `nameBytes` (entry `i` ends where `i + 1` starts).
    /// The lookup tables live in memory the table owns, read without an array's bounds checks and buffer loads:
    /// a lookup runs once per member of every object validated.
    private let entryHashes: UnsafeMutablePointer<UInt32>
    private let nameStarts: UnsafeMutablePointer<Int>
    private let nameBytes: UnsafeMutablePointer<UInt8>
    /// The one allocation that holds the four tables above.
    private let memory: UnsafeMutableRawPointer
    private let values: [SchemaNode]
    /// `values` unretained, to lend a schema without reference counting (`values` keeps them alive).
    private let valueReferences: [Unmanaged<SchemaNode>]
    private let mask: Int
    /// The names in declaration order (a later duplicate replaced the value of the first).
    private let names: [String]

    init(_ entries: [(String, SchemaNode)]) {
        var capacity = 8
        while capacity < entries.count * 2 { capacity *= 2 }
        let mask = capacity - 1
        var slots = [Int32](repeating: -1, count: capacity)
        var hashes: [UInt32] = []
        var starts: [Int] = [0]
        var bytes: [UInt8] = []
        var values: [SchemaNode] = []
        var names: [String] = []
        for (key, value) in entries {
            let hash = Member.hash(of: key)
            var slot = Int(hash) & mask
            var existing: Int?
            while slots[slot] >= 0 {
                let entry = Int(slots[slot])
                if hashes[entry] == hash, JSONEquality.sameScalars(names[entry], key) {
                    existing = entry
                    break
                }
                slot = (slot + 1) & mask
            }
            if let existing {
                values[existing] = value
                continue
            }
            slots[slot] = Int32(names.count)
            hashes.append(hash)
            bytes.append(contentsOf: key.utf8)
            starts.append(bytes.count)
            values.append(value)
            names.append(key)
        }
        // One block for the four tables: name offsets (8-byte words), then hashes and slots (4 bytes), then the name bytes.
        let startsSize = starts.count * MemoryLayout<Int>.stride
        let hashesSize = hashes.count * MemoryLayout<UInt32>.stride
        let slotsSize = slots.count * MemoryLayout<Int32>.stride
        let memory = UnsafeMutableRawPointer.allocate(byteCount: startsSize + hashesSize + slotsSize + bytes.count, alignment: MemoryLayout<Int>.alignment)
        self.memory = memory
        self.nameStarts = PropertyTable.place(starts, at: memory)
        self.entryHashes = PropertyTable.place(hashes, at: memory + startsSize)
        self.slots = PropertyTable.place(slots, at: memory + startsSize + hashesSize)
        self.nameBytes = PropertyTable.place(bytes, at: memory + startsSize + hashesSize + slotsSize)
        self.values = values
        self.valueReferences = values.map { Unmanaged.passUnretained($0) }
        self.names = names
        self.mask = mask
    }

    deinit {
        memory.deallocate()
    }

    /// `values` copied to `address`, which has room and alignment for them.
    private static func place<Element>(_ values: [Element], at address: UnsafeMutableRawPointer) -> UnsafeMutablePointer<Element> {
        let typed = address.bindMemory(to: Element.self, capacity: values.count)
        _ = UnsafeMutableBufferPointer(start: typed, count: values.count).initialize(from: values)
        return typed
    }

    var count: Int { names.count }

    /// A hash of `key`'s UTF-8 bytes (equal code points give equal hashes), for tables of strings elsewhere.
    @inline(__always)
    static func hash(_ key: String) -> Int {
        if let fast = key.utf8.withContiguousStorageIfAvailable({ hash(bytes: UnsafeRawBufferPointer($0)) }) { return fast }
        return Array(key.utf8).withUnsafeBytes { hash(bytes: $0) }
    }

    /// `ByteHash` of the bytes, as an `Int`.
    @inline(__always)
    static func hash(bytes: UnsafeRawBufferPointer) -> Int {
        Int(truncatingIfNeeded: ByteHash.hash(bytes))
    }

    /// Byte equality of two buffers of the same `count`, a word at a time.
    @inline(__always)
    static func sameBytes(_ left: UnsafeRawPointer, _ right: UnsafeRawPointer, count: Int) -> Bool {
        if count >= 8 {
            var offset = 0
            while offset + 8 < count {
                if left.loadUnaligned(fromByteOffset: offset, as: UInt64.self) != right.loadUnaligned(fromByteOffset: offset, as: UInt64.self) { return false }
                offset += 8
            }
            return left.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) == right.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        }
        if count >= 4 {
            return left.loadUnaligned(as: UInt32.self) == right.loadUnaligned(as: UInt32.self)
                && left.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self) == right.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
        }
        for offset in 0..<count where left.load(fromByteOffset: offset, as: UInt8.self) != right.load(fromByteOffset: offset, as: UInt8.self) { return false }
        return true
    }

    @inline(__always)
    private func index(of key: String) -> Int? {
        index(hash: Member.hash(of: key)) { sameName($0, key) }
    }

    /// The entry whose hash is `hash` and for which `isName` holds (it compares the name sought with the entry's),
    /// or nil. Inlined into its callers (one lookup per member of every object validated): the call's register
    /// saves cost as much as the probe. The name is compared only when an entry's hash matches, which is most
    /// often the entry sought.
    @inline(__always)
    private func index(hash: UInt32, _ isName: (Int) -> Bool) -> Int? {
        var slot = Int(hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { return nil }
            if entryHashes[entry] == hash && isName(entry) { return entry }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    private func sameName(_ entry: Int, _ key: UnsafeRawBufferPointer) -> Bool {
        let start = nameStarts[entry]
        let length = nameStarts[entry + 1] - start
        guard length == key.count else { return false }
        guard length > 0, let keyBytes = key.baseAddress else { return true }
        return PropertyTable.sameBytes(UnsafeRawPointer(nameBytes + start), keyBytes, count: length)
    }

    @inline(__always)
    private func sameName(_ entry: Int, _ key: String) -> Bool {
        if let same = key.utf8.withContiguousStorageIfAvailable({ sameName(entry, UnsafeRawBufferPointer($0)) }) { return same }
        return Array(key.utf8).withUnsafeBytes { sameName(entry, $0) }
    }

    /// Calls `body` with the schema for `key`, borrowed; nil when the table has no such name.
    @inline(__always)
    func withSchema<Result>(for key: String, _ body: (SchemaNode) -> Result) -> Result? {
        guard let entry = index(of: key) else { return nil }
        return valueReferences[entry]._withUnsafeGuaranteedRef(body)
    }

    /// The entry number of `key` (0-based, in declaration order), or nil when the table has no such name.
    @inline(__always)
    func entry(of key: String) -> Int? { index(of: key) }

    /// Calls `body` with the entry number (0-based, in declaration order) of the key of the member at `member`
    /// and its schema, borrowed; nil when the table has no such name. The key is read in place: taking it out of
    /// the member as a `String` retained and released it, once per member of every object validated.
    @inline(__always)
    func withEntry<Result>(forKeyOf member: UnsafePointer<Member>, _ body: (Int, SchemaNode) -> Result) -> Result? {
        let found = index(hash: member.pointee.keyHash) { entry in
            member.pointee.key.utf8.withContiguousStorageIfAvailable { sameName(entry, UnsafeRawBufferPointer($0)) } ?? sameName(entry, member.pointee.key)
        }
        guard let entry = found else { return nil }
        return valueReferences[entry]._withUnsafeGuaranteedRef { body(entry, $0) }
    }

    func contains(_ key: String) -> Bool { index(of: key) != nil }
}
