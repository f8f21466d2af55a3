import ConfigTree

/// Reads the members of an object in place, the way KrakenD's decoder does: the last member with a key wins.
///
/// The model reads a few keys of each of tens of thousands of objects while the schema validation reads the
/// same tree on another core; looking them up in the members' buffer copies out only what a view keeps.
enum ObjectFields {
    /// The string value of the last member named `key`, or nil when there is none or it is not a string.
    @inline(__always)
    static func string(_ key: String, in members: UnsafeBufferPointer<Member>) -> String? {
        guard let index = Node.lastIndex(of: key, in: members), case .string(let text) = members[index].value.value else { return nil }
        return text
    }
}
