/// Finds a repeated key among the members of the innermost open object, which both readers keep on a
/// scratch stack from `base` up, with each key's hash on a parallel stack.
///
/// Hashes are compared first, strings only when hashes match, and keys compare by their UTF-8 bytes
/// (as Go compares them), not by Unicode canonical equivalence. Objects with many members also get a
/// dictionary from hash to first position, so the check stays linear overall.
enum RepeatedKeys {
    /// Objects with more members than this get a hash dictionary.
    static let indexThreshold = 12

    /// The hash of the key's bytes (`ByteHash`).
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        ByteHash.hash(bytes)
    }

    static func hash(_ key: String) -> UInt64 {
        var copy = key
        return copy.withUTF8 { hash($0) }
    }

    /// The scratch position of an earlier member whose key has the bytes of `key`, or nil.
    @inline(__always)
    static func find(
        _ key: String, hash: UInt64, base: Int,
        members: MoveStack<Member>, hashes: MoveStack<UInt64>, index: KeyHashIndex?
    ) -> Int? {
        if let index {
            guard let found = index[Int(truncatingIfNeeded: hash)] else { return nil }
            if members.storage[found].key.utf8.elementsEqual(key.utf8) { return found }
        }
        var position = base
        let count = hashes.count
        while position < count {
            if hashes.storage[position] == hash, members.storage[position].key.utf8.elementsEqual(key.utf8) {
                return position
            }
            position += 1
        }
        return nil
    }

    /// Records the hash of the member just pushed at the top, building the dictionary once the object is large.
    @inline(__always)
    static func recordLast(hash: UInt64, base: Int, hashes: inout MoveStack<UInt64>, index: inout KeyHashIndex?) {
        hashes.append(hash)
        let last = hashes.count - 1
        let key = Int(truncatingIfNeeded: hash)
        if index != nil {
            if index?[key] == nil { index?[key] = last }
        } else if last - base >= indexThreshold {
            var built: KeyHashIndex = [:]
            built.reserveCapacity(2 * (last - base + 1))
            for position in base...last {
                let earlier = Int(truncatingIfNeeded: hashes.storage[position])
                if built[earlier] == nil { built[earlier] = position }
            }
            index = built
        }
    }
}

/// A large object's member positions by key hash. Keyed by `Int`, not by the `UInt64` hash itself: the first
/// use of a type as a dictionary key makes the Swift runtime check its `Hashable` conformance by scanning every
/// conformance record of the binary (about 0.5 M instructions here), and `Int` keys are checked anyway.
typealias KeyHashIndex = [Int: Int]
