import ConfigTree

/// Reads the members of an object in place, the way KrakenD's decoder does: the last member with a key wins.
///
/// The model reads a few keys of each of tens of thousands of objects while the schema validation reads the
/// same tree on another core; looking them up in the members' buffer copies out only what a view keeps.
enum ObjectFields {
    /// The position of the last member named `key`, or nil.
    @inline(__always)
    static func lastIndex(of key: String, in members: UnsafeBufferPointer<Member>) -> Int? {
        let length = key.utf8.count
        var index = members.endIndex
        while index > members.startIndex {
            index -= 1
            if Node.isKey(members[index].key, key, length: length) { return index }
        }
        return nil
    }

    /// The string value of the last member named `key`, or nil when there is none or it is not a string.
    @inline(__always)
    static func string(_ key: String, in members: UnsafeBufferPointer<Member>) -> String? {
        guard let index = lastIndex(of: key, in: members), case .string(let text) = members[index].value.value else { return nil }
        return text
    }
}
