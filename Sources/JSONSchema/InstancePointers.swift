import ConfigTree

/// Validation passes instance values by pointer into the tree (which outlives the run and is never
/// mutated): passing a `Node` by value from an array would copy it, retaining its contents, at
/// every step down the tree.
extension UnsafeBufferPointer {
    /// The address of element `index` (which must be in bounds).
    @inline(__always)
    func address(of index: Int) -> UnsafePointer<Element> {
        precondition(index >= 0 && index < count, "element index out of bounds")
        return UnsafePointer(baseAddress.unsafelyUnwrapped + index)
    }
}

extension UnsafeBufferPointer where Element == Member {
    /// Where a member's value sits inside it (nil only if `Member.value` stopped being a stored property).
    private static let valueOffset = MemoryLayout<Member>.offset(of: \Member.value)

    /// Calls `body` with the address of member `index`'s value, without copying the value.
    @inline(__always)
    func withValue<Result>(at index: Int, _ body: (UnsafePointer<Node>) -> Result) -> Result {
        guard let offset = Self.valueOffset else { return withUnsafePointer(to: self[index].value, body) }
        let member = UnsafeRawPointer(address(of: index))
        return body((member + offset).assumingMemoryBound(to: Node.self))
    }
}

extension UnsafePointer where Pointee == Node {
    /// The object's members, lent from the tree without reference counting (nil for other values). The
    /// buffer stays valid as long as the tree, which outlives the validation and is not mutated by it;
    /// copying the array out of the node instead would retain and release its storage, an atomic write
    /// to memory every thread validating the same tree shares.
    @inline(__always)
    var borrowedMembers: UnsafeBufferPointer<Member>? {
        guard case .object(let members) = pointee.value else { return nil }
        return members.withUnsafeBufferPointer { $0 }
    }

    /// The array's elements, lent from the tree like `borrowedMembers`.
    @inline(__always)
    var borrowedElements: UnsafeBufferPointer<Node>? {
        guard case .array(let elements) = pointee.value else { return nil }
        return elements.withUnsafeBufferPointer { $0 }
    }
}
