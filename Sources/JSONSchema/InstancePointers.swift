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
