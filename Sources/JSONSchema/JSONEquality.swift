import Foundation
import ConfigTree

/// JSON value equality as JSON Schema defines it for `const`, `enum` and `uniqueItems`.
///
/// Numbers compare by mathematical value (`1 == 1.0`), strings and object keys by Unicode code
/// points (not canonical equivalence), objects regardless of member order. Duplicate keys follow
/// the tree's rule: the last member with a key is the one that counts.
enum JSONEquality {
    static func equal(_ lhs: Node, _ rhs: Node) -> Bool {
        // One value at a time: switching on a tuple of both would copy both values first.
        switch lhs.value {
        case .null:
            if case .null = rhs.value { return true }
            return false
        case .bool(let left):
            if case .bool(let right) = rhs.value { return left == right }
            return false
        case .string(let left):
            if case .string(let right) = rhs.value { return sameScalars(left, right) }
            return false
        case .number(let left):
            if case .number(let right) = rhs.value { return numbersEqual(left, right) }
            return false
        case .array(let left):
            guard case .array(let right) = rhs.value, left.count == right.count else { return false }
            for index in left.indices where !equal(left[index], right[index]) { return false }
            return true
        case .object(let left):
            guard case .object(let right) = rhs.value else { return false }
            let leftMembers = EffectiveMembers.of(left)
            let rightMembers = EffectiveMembers.of(right)
            guard leftMembers.count == rightMembers.count else { return false }
            for member in leftMembers {
                guard let other = rightMembers.first(where: { sameScalars($0.key, member.key) }), equal(member.value, other.value) else { return false }
            }
            return true
        }
    }

    static func numbersEqual(_ lhs: Number, _ rhs: Number) -> Bool {
        if lhs.literal == rhs.literal { return true }
        if let left = ExactDecimal(lhs), let right = ExactDecimal(rhs) { return left == right }
        return lhs.special != nil && lhs.special == rhs.special && lhs.special != .nan
    }

    /// Code-point equality; Swift's `==` on strings would also equate canonically equivalent forms.
    @inline(__always)
    static func sameScalars(_ lhs: String, _ rhs: String) -> Bool {
        // Equal code points imply canonical equivalence, so `!=` is a safe (and fast) rejection.
        guard lhs.utf8.count == rhs.utf8.count else { return false }
        let fast = lhs.utf8.withContiguousStorageIfAvailable { left in
            rhs.utf8.withContiguousStorageIfAvailable { right in
                left.count == 0 || PropertyTable.sameBytes(left.baseAddress!, right.baseAddress!, count: left.count)
            }
        }
        if let known = fast ?? nil { return known }
        return lhs.utf8.elementsEqual(rhs.utf8)
    }

    /// A hash consistent with `equal`, for finding duplicates in large arrays.
    /// Whether one of `values` equals the instance value at `instance`. Strings, by far the most
    /// common case, are compared directly, without copying either value into `equal`.
    static func contains<Values: Collection<Node>>(_ values: Values, _ instance: UnsafePointer<Node>) -> Bool {
        if case .string(let text) = instance.pointee.value {
            for value in values {
                if case .string(let candidate) = value.value, sameScalars(candidate, text) { return true }
            }
            return false
        }
        for value in values where equal(value, instance.pointee) { return true }
        return false
    }

    /// A hash that agrees with `equal` (equal values, equal signatures), cheapest for strings.
    static func signature(_ node: Node) -> Int {
        if case .string(let text) = node.value { return PropertyTable.hash(text) }
        var hasher = Hasher()
        hash(node, into: &hasher)
        return hasher.finalize()
    }

    static func hash(_ node: Node, into hasher: inout Hasher) {
        switch node.value {
        case .null: hasher.combine(0)
        case .bool(let flag): hasher.combine(flag)
        case .string(let text): hasher.combine(ScalarKey(text))
        case .number(let number):
            if let exact = ExactDecimal(number) { hasher.combine(exact) } else { hasher.combine(number.special) }
        case .array(let elements):
            hasher.combine(elements.count)
            for element in elements { hash(element, into: &hasher) }
        case .object(let members):
            // Order-independent: combine member hashes commutatively.
            let effective = EffectiveMembers.of(members)
            var sum = 0
            for member in effective {
                var memberHasher = Hasher()
                memberHasher.combine(ScalarKey(member.key))
                hash(member.value, into: &memberHasher)
                sum &+= memberHasher.finalize()
            }
            hasher.combine(effective.count)
            hasher.combine(sum)
        }
    }
}

/// A string key hashed and compared by its Unicode code points (UTF-8 bytes).
struct ScalarKey: Hashable, Sendable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (lhs: ScalarKey, rhs: ScalarKey) -> Bool { JSONEquality.sameScalars(lhs.text, rhs.text) }

    /// A hash of the UTF-8 bytes: code-point-equal strings have equal bytes, so they hash alike.
    func hash(into hasher: inout Hasher) {
        hasher.combine(PropertyTable.hash(text))
    }
}

/// The members of an object that count: for a repeated key only the last one (the others are shadowed).
enum EffectiveMembers {
    static func of(_ members: [Member]) -> [Member] {
        guard members.count > 1, hasDuplicates(members) else { return members }
        var seen = Set<ScalarKey>()
        var kept: [Member] = []
        for member in members.reversed() where seen.insert(ScalarKey(member.key)).inserted {
            kept.append(member)
        }
        return kept.reversed()
    }

    /// The effective members of a borrowed member buffer, as an array (its own copy).
    static func of(_ members: UnsafeBufferPointer<Member>) -> [Member] {
        of(Array(members))
    }

    /// Whether any key repeats (compared by code points).
    static func hasDuplicates(_ members: [Member]) -> Bool {
        members.withUnsafeBufferPointer { hasDuplicates($0) }
    }

    /// Whether any key repeats (compared by code points).
    static func hasDuplicates(_ members: UnsafeBufferPointer<Member>) -> Bool {
        let count = members.count
        if count < 2 { return false }
        if count <= 64 {
            // Compare hashes pairwise in a stack buffer; only equal hashes need a real comparison.
            return withUnsafeTemporaryAllocation(of: Int.self, capacity: count) { hashes in
                for index in 0..<count {
                    let hash = PropertyTable.hash(members[index].key)
                    for earlier in 0..<index where hashes[earlier] == hash {
                        if JSONEquality.sameScalars(members[earlier].key, members[index].key) { return true }
                    }
                    hashes[index] = hash
                }
                return false
            }
        }
        // Sort key hashes; only equal neighbours need a real comparison.
        var hashes = members.indices.map { (PropertyTable.hash(members[$0].key), $0) }
        hashes.sort { $0.0 < $1.0 }
        for index in hashes.indices.dropFirst() where hashes[index].0 == hashes[index - 1].0 {
            var run = index - 1
            while run >= 0 && hashes[run].0 == hashes[index].0 {
                if JSONEquality.sameScalars(members[hashes[run].1].key, members[hashes[index].1].key) { return true }
                run -= 1
            }
        }
        return false
    }

    /// The last member with `key` (by code points), or nil.
    static func last(_ members: [Member], key: String) -> Member? {
        var index = members.count - 1
        while index >= 0 {
            if JSONEquality.sameScalars(members[index].key, key) { return members[index] }
            index -= 1
        }
        return nil
    }
}
