import ConfigTree
import Foundation

/// The value of a secret field (an NTLM password, a client secret...) and where it sits in the file.
///
/// It cannot be printed: `description`, `debugDescription` and reflection show a mask. Reporters use it
/// only to mask source lines and to scrub text that might contain the value; the prober reads the
/// credentials of `auth/ntlm` blocks through it too. The NTLM module's own wrappers (`NTLMPassword`,
/// `SecretBytes`), which cannot depend on this module, print the same mask.
public struct SecretValue: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    private let value: String
    /// Span of the value in its file (the string token, quotes included for JSON).
    public let span: Span

    public init(_ value: String, span: Span) {
        self.value = value
        self.span = span
    }

    public static let mask = "********"

    /// `text` with every occurrence of the secret replaced by the mask. Values shorter than 3
    /// characters are not scrubbed from free text (they would mangle unrelated words) but their
    /// spans are still masked in snippets.
    public func redact(_ text: String) -> String {
        guard value.unicodeScalars.count >= 3, text.contains(value) else { return text }
        return text.replacingOccurrences(of: value, with: SecretValue.mask)
    }

    /// Where `redact` finds the secret in `text`: the ranges it replaces, in order, found with the same search
    /// in one pass over the text.
    public func occurrences(in text: String) -> [Range<String.Index>] {
        guard value.unicodeScalars.count >= 3 else { return [] }
        var found: [Range<String.Index>] = []
        var searchStart = text.startIndex
        while searchStart < text.endIndex, let range = text.range(of: value, range: searchStart..<text.endIndex) {
            found.append(range)
            searchStart = range.isEmpty ? text.index(after: range.lowerBound) : range.upperBound
        }
        return found
    }

    /// True when the secret is empty (an empty password has nothing to hide).
    public var isEmpty: Bool { value.isEmpty }

    /// Compare the secret with another string without exposing it.
    public func matches(_ other: String) -> Bool { value == other }

    /// The clear text, for the code that must use the secret (the prober renders and sends the password);
    /// never for output.
    public func reveal() -> String { value }

    public var description: String { SecretValue.mask }
    public var debugDescription: String { "SecretValue(\(SecretValue.mask))" }
    public var customMirror: Mirror { Mirror(self, children: ["span": span]) }
}
