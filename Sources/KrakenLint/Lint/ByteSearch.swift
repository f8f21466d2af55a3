/// Byte searches in a string's UTF-8, read in place.
///
/// `String.utf8.contains(_:)` steps through the view's iterator, about 25 instructions a byte; the rules and
/// the secret catalog ask it of every host and path of a large configuration.
enum ByteSearch {
    /// Whether `text` contains `byte` in its UTF-8.
    static func contains(_ byte: UInt8, in text: String) -> Bool {
        EndpointPaths.withBytes(of: text) { bytes in bytes.contains(byte) }
    }

    /// Whether `text` contains a lower-case ASCII letter.
    static func containsLowercaseASCII(_ text: String) -> Bool {
        EndpointPaths.withBytes(of: text) { bytes in bytes.contains { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") } }
    }
}
