import ConfigTree

/// A set of names that repeat many times over, such as the namespaces of a configuration's `extra_config`
/// blocks: tens of thousands of keys with a few dozen distinct names. Names are hashed with `ByteHash`
/// (a word at a time) into an open-addressed table; the standard `Set<String>` hashed every name with
/// SipHash, about 430 instructions an insertion on the benchmark configuration.
struct NameSet {
    /// The stored names' hashes, never 0 (a free slot); a power of two of them.
    private var hashes: [UInt64]
    private var names: [String]
    private var count = 0

    init() {
        hashes = Array(repeating: 0, count: 64)
        names = Array(repeating: "", count: 64)
    }

    mutating func insert(_ name: String) {
        let hash = Self.hash(name)
        var slot = Int(truncatingIfNeeded: hash) & (hashes.count - 1)
        while hashes[slot] != 0 {
            if hashes[slot] == hash, names[slot] == name { return }
            slot = (slot + 1) & (hashes.count - 1)
        }
        hashes[slot] = hash
        names[slot] = name
        count += 1
        if count * 2 > hashes.count { grow() }
    }

    func contains(_ name: String) -> Bool {
        let hash = Self.hash(name)
        var slot = Int(truncatingIfNeeded: hash) & (hashes.count - 1)
        while hashes[slot] != 0 {
            if hashes[slot] == hash, names[slot] == name { return true }
            slot = (slot + 1) & (hashes.count - 1)
        }
        return false
    }

    private static func hash(_ name: String) -> UInt64 {
        var name = name
        return name.withUTF8 { ByteHash.hash($0) } | 1
    }

    /// Twice the slots, every name placed again.
    private mutating func grow() {
        let old = zip(hashes, names).filter { $0.0 != 0 }
        hashes = Array(repeating: 0, count: hashes.count * 2)
        names = Array(repeating: "", count: hashes.count)
        count = 0
        for (_, name) in old { insert(name) }
    }
}
