import ConfigTree

/// How KrakenD's decoder (mapstructure with weakly typed input) reads values the schema would reject,
/// so rules judge a configuration the way the runtime does.
public enum WeakTyping {
    /// The boolean KrakenD decodes from `node`: a bool as is, a number as "not zero", a string as Go's
    /// `strconv.ParseBool` reads it (an empty string is false). Nil when the value cannot be decoded.
    public static func bool(_ node: Node?) -> Bool? {
        guard let node else { return nil }
        switch node.value {
        case .bool(let flag):
            return flag
        case .number(let number):
            return number.doubleValue != 0
        case .string(let text):
            switch text {
            case "1", "t", "T", "TRUE", "true", "True": return true
            case "", "0", "f", "F", "FALSE", "false", "False": return false
            default: return nil
            }
        case .null:
            return false
        default:
            return nil
        }
    }

    /// True only when `node` decodes to `true`.
    public static func isTrue(_ node: Node?) -> Bool { bool(node) == true }

    /// The string entries of a `host` value: the strings of a list, or a single string, which KrakenD
    /// wraps into a one-element list. Entries of other types are left out (the schema reports them).
    public static func hostEntries(of owner: Node, at pointer: JSONPointer) -> [HostEntry] {
        guard case .object(let members) = owner.value else { return [] }
        return members.withUnsafeBufferPointer { hostEntries(in: $0, at: pointer) }
    }

    /// `hostEntries(of:at:)` of an object given by its members, read in place (the model's way: the schema
    /// validation reads the same tree on another core meanwhile).
    static func hostEntries(in owner: UnsafeBufferPointer<Member>, at pointer: JSONPointer) -> [HostEntry] {
        guard let hostIndex = Node.lastIndex(of: "host", in: owner) else { return [] }
        let host = owner[hostIndex].value
        switch host.value {
        case .string(let text):
            return [HostEntry(value: text, span: host.span, ownerPointer: pointer, index: nil)]
        case .array(let items):
            var entries: [HostEntry] = []
            entries.reserveCapacity(items.count)
            items.withUnsafeBufferPointer { items in
                for index in items.indices {
                    guard case .string(let text) = items[index].value else { continue }
                    entries.append(HostEntry(value: text, span: items[index].span, ownerPointer: pointer, index: index))
                }
            }
            return entries
        default:
            return []
        }
    }
}
