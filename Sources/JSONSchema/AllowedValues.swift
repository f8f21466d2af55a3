import ConfigTree

/// The values an `enum` allows. Its strings (the usual case) sit in one byte table, so testing a
/// string instance hashes it once and compares bytes with at most a few candidates, instead of
/// walking the list and copying each value out of it.
final class AllowedValues: @unchecked Sendable {
    /// Every allowed value, in schema order (for messages).
    let values: [Node]
    private let strings: ScalarStringSet
    /// The allowed values that are not strings.
    private let others: [Node]

    init(_ values: [Node]) {
        self.values = values
        strings = ScalarStringSet(values.compactMap(\.string))
        others = values.filter { $0.string == nil }
    }

    /// Whether the instance value at `instance` equals one of the allowed values (as `enum` compares).
    func contains(_ instance: UnsafePointer<Node>) -> Bool {
        if case .string(let text) = instance.pointee.value { return strings.contains(text) }
        return JSONEquality.contains(others, instance)
    }
}

/// A read-only set of strings compared by code points (UTF-8 bytes): open addressing over the
/// hashes `PropertyTable` uses, with the strings' bytes kept in one buffer.
struct ScalarStringSet: Sendable {
    /// Entry index per slot, -1 when empty.
    private let slots: [Int32]
    private let hashes: [Int]
    /// Entry `i`'s bytes run from `starts[i]` to `starts[i + 1]` in `bytes`.
    private let starts: [Int]
    private let bytes: [UInt8]
    private let mask: Int

    init(_ members: [String]) {
        var capacity = 8
        while capacity < members.count * 2 { capacity *= 2 }
        var slots = [Int32](repeating: -1, count: capacity)
        var hashes: [Int] = []
        var starts = [0]
        var bytes: [UInt8] = []
        var seen: [String] = []
        for member in members {
            let hash = PropertyTable.hash(member)
            var slot = hash & (capacity - 1)
            var duplicate = false
            while slots[slot] >= 0 {
                let entry = Int(slots[slot])
                if hashes[entry] == hash && JSONEquality.sameScalars(seen[entry], member) {
                    duplicate = true
                    break
                }
                slot = (slot + 1) & (capacity - 1)
            }
            if duplicate { continue }
            slots[slot] = Int32(seen.count)
            seen.append(member)
            hashes.append(hash)
            bytes.append(contentsOf: member.utf8)
            starts.append(bytes.count)
        }
        self.slots = slots
        self.hashes = hashes
        self.starts = starts
        self.bytes = bytes
        mask = capacity - 1
    }

    var isEmpty: Bool { hashes.isEmpty }

    func contains(_ text: String) -> Bool {
        if isEmpty { return false }
        if let found = text.utf8.withContiguousStorageIfAvailable({ contains(bytes: UnsafeRawBufferPointer($0)) }) { return found }
        return Array(text.utf8).withUnsafeBytes { contains(bytes: $0) }
    }

    private func contains(bytes key: UnsafeRawBufferPointer) -> Bool {
        let hash = PropertyTable.hash(bytes: key)
        var slot = hash & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { return false }
            if hashes[entry] == hash {
                let start = starts[entry]
                let length = starts[entry + 1] - start
                if length == key.count {
                    guard length > 0, let keyBytes = key.baseAddress else { return true }
                    let same = bytes.withUnsafeBytes { stored in
                        PropertyTable.sameBytes(stored.baseAddress.unsafelyUnwrapped + start, keyBytes, count: length)
                    }
                    if same { return true }
                }
            }
            slot = (slot + 1) & mask
        }
    }
}
