import ConfigTree
import CMemoryHints

/// Validation passes instance values by pointer into the tree: passing a `Node` by value from an array
/// would copy it, retaining its contents, at every step down the tree. The validator holds the instance
/// for the whole run and nothing changes it, so the storage of every object and array in it stays where it
/// is until the run ends: the pointers are read from the tree without taking a reference to that storage
/// (`membersInTree`), and none is kept after the run. Taking a reference for each object or array visited,
/// as `withUnsafeBufferPointer`'s closure does around its body, was an atomic retain and release per value:
/// 7% of the instructions of validating the draft-07 meta-schema, and a wait on the cache line in a large tree.
extension UnsafeBufferPointer {
    /// The address of element `index` (which must be in bounds).
    @inline(__always)
    func address(of index: Int) -> UnsafePointer<Element> {
        precondition(index >= 0 && index < count, "element index out of bounds")
        return UnsafePointer(baseAddress.unsafelyUnwrapped + index)
    }
}

extension UnsafeBufferPointer where Element == Member {
    /// Calls `body` with the address of member `index`'s value, without copying the value. The offset of
    /// the stored property is worked out at compile time (a `static let` cost a lazy-initialisation check
    /// per call); it is nil only if `Member.value` stopped being a stored property.
    @inline(__always)
    func withValue<Result>(at index: Int, _ body: (UnsafePointer<Node>) -> Result) -> Result {
        guard let offset = MemoryLayout<Member>.offset(of: \Member.value) else { return withUnsafePointer(to: self[index].value, body) }
        let member = UnsafeRawPointer(address(of: index))
        return body((member + offset).assumingMemoryBound(to: Node.self))
    }
}

extension UnsafePointer where Pointee == Node {
    /// Asks the processor to start loading the storage of the object or array at this address (its header,
    /// which `lending` reads first, and its first members or elements), for a value about to be visited;
    /// nothing for any other value. Reads the node but not the storage, and takes no reference: the array's
    /// one word is its storage's address.
    @inline(__always)
    func prefetchStorage() {
        // The addresses are taken before the hints are given: an array still in use across a call the compiler
        // cannot see into would be retained for it, and the retain would wait for the very line being fetched.
        let storage: UnsafeRawPointer
        let lines: Int
        switch pointee.value {
        case .object(let members):
            storage = unsafeBitCast(members, to: UnsafeRawPointer.self)
            lines = 2
        case .array(let elements):
            storage = unsafeBitCast(elements, to: UnsafeRawPointer.self)
            lines = 1
        default:
            return
        }
        krakenlint_prefetch(storage)
        if lines > 1 { krakenlint_prefetch(storage + 64) }
    }

    /// The object's members where the tree stores them (nil for any other value), without a reference to their
    /// storage: valid as long as the tree, which a validation neither changes nor outlives.
    @inline(__always)
    var membersInTree: UnsafeBufferPointer<Member>? {
        guard case .object(let members) = pointee.value else { return nil }
        return members.withUnsafeBufferPointer { $0 }
    }

    /// The array's elements where the tree stores them (nil for any other value), like `membersInTree`.
    @inline(__always)
    var elementsInTree: UnsafeBufferPointer<Node>? {
        guard case .array(let elements) = pointee.value else { return nil }
        return elements.withUnsafeBufferPointer { $0 }
    }
}

extension Evaluation {
    /// Runs `body` (the application of schemas to `value`) with the members or elements of `value`
    /// lent for its whole duration, so every schema applied to the value in place reads them without
    /// reading the node again. The lent buffer is recorded with the value it belongs to and the previous one
    /// restored when `body` returns, so it is never read after the call that lends it has ended.
    ///
    /// In a large tree it first asks for the storage of every child object and array to be loaded: the walk
    /// is depth first, so without the hint each child's storage is a cache miss met only when the walk reaches
    /// it, one after another; with it, the misses of all siblings overlap.
    @inline(__always)
    func lending<Result>(_ value: UnsafePointer<Node>, _ body: () -> Result) -> Result {
        if let buffer = value.membersInTree {
            if prefetchesChildren { for index in buffer.indices { buffer.withValue(at: index) { $0.prefetchStorage() } } }
            let saved = (lentObject, lentMembers)
            lentObject = value
            lentMembers = buffer
            defer { (lentObject, lentMembers) = saved }
            return body()
        }
        if let buffer = value.elementsInTree {
            if prefetchesChildren { for index in buffer.indices { buffer.address(of: index).prefetchStorage() } }
            let saved = (lentArray, lentElements)
            lentArray = value
            lentElements = buffer
            defer { (lentArray, lentElements) = saved }
            return body()
        }
        return body()
    }

    /// Calls `body` with the members of `value` (nil when it is not an object): the lent ones when
    /// `value` is the object being lent, else read from the tree.
    @inline(__always)
    func withMembers<Result>(of value: UnsafePointer<Node>, _ body: (UnsafeBufferPointer<Member>?) -> Result) -> Result {
        body(value == lentObject ? lentMembers : value.membersInTree)
    }

    /// Calls `body` with the elements of `value` (nil when it is not an array), like `withMembers`.
    @inline(__always)
    func withElements<Result>(of value: UnsafePointer<Node>, _ body: (UnsafeBufferPointer<Node>?) -> Result) -> Result {
        body(value == lentArray ? lentElements : value.elementsInTree)
    }
}
