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

    /// Whether the UTF-8 of `text` starts with `prefix`.
    static func hasPrefix(_ prefix: [UInt8], in text: String) -> Bool {
        EndpointPaths.withBytes(of: text) { bytes in
            bytes.count >= prefix.count && prefix.withUnsafeBufferPointer { prefix in bytes.starts(with: prefix) }
        }
    }

    /// Whether `text` is ASCII, and contains one of `needles` (ASCII) once its letters are lower-cased.
    /// Nil when `text` is not ASCII (Unicode case mapping and equivalence are then left to `String`).
    static func asciiLowercasedContains(_ needles: [[UInt8]], in text: String) -> Bool? {
        EndpointPaths.withBytes(of: text) { bytes -> Bool? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            let lower = bytes.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 | 0x20 : $0 }
            return needles.contains { needle in
                guard lower.count >= needle.count else { return false }
                return (0...(lower.count - needle.count)).contains { start in lower[start..<(start + needle.count)].elementsEqual(needle) }
            }
        }
    }
}
