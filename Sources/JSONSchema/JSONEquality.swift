import Foundation
import ConfigTree

/// JSON value equality as JSON Schema defines it for `const`, `enum` and `uniqueItems`.
///
/// Numbers compare by mathematical value (`1 == 1.0`), strings and object keys by Unicode code
/// points (not canonical equivalence), objects regardless of member order. Duplicate keys follow
/// the tree's rule: the last member with a key is the one that counts.
enum JSONEquality {
    static func equal(_ lhs: Node, _ rhs: Node) -> Bool {
        switch (lhs.value, rhs.value) {
        case (.null, .null):
            return true
        case (.bool(let left), .bool(let right)):
            return left == right
        case (.string(let left), .string(let right)):
            return sameScalars(left, right)
        case (.number(let left), .number(let right)):
            return numbersEqual(left, right)
        case (.array(let left), .array(let right)):
            guard left.count == right.count else { return false }
            for (a, b) in zip(left, right) where !equal(a, b) { return false }
            return true
        case (.object(let left), .object(let right)):
            let leftMembers = EffectiveMembers.of(left)
            let rightMembers = EffectiveMembers.of(right)
            guard leftMembers.count == rightMembers.count else { return false }
            for member in leftMembers {
                guard let other = rightMembers.first(where: { sameScalars($0.key, member.key) }), equal(member.value, other.value) else { return false }
            }
            return true
        default:
            return false
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
                left.count == 0 || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0
            }
        }
        if let known = fast ?? nil { return known }
        return lhs.utf8.elementsEqual(rhs.utf8)
    }

    /// A hash consistent with `equal`, for finding duplicates in large arrays.
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

    /// String's own hash: code-point-equal strings are canonically equal, so they hash alike.
    func hash(into hasher: inout Hasher) {
        hasher.combine(text)
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

    /// Whether any key repeats (compared by code points).
    static func hasDuplicates(_ members: [Member]) -> Bool {
        if members.count <= 12 {
            for index in members.indices {
                for later in members.index(after: index)..<members.endIndex where JSONEquality.sameScalars(members[index].key, members[later].key) {
                    return true
                }
            }
            return false
        }
        var seen = Set<ScalarKey>()
        seen.reserveCapacity(members.count)
        for member in members where !seen.insert(ScalarKey(member.key)).inserted { return true }
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
