import ConfigTree

/// A finding message written as UTF-8 bytes into one buffer and made a string once.
///
/// The rules that fire on every endpoint or backend of a large configuration (tens of thousands of findings)
/// write their messages with it. It reads as an interpolation, `"endpoint \(name: endpoint, facts) calls
/// \(count) backends"`, but the literal parts are copied from static storage, numbers are written as digits
/// and endpoint names are copied from the method and path: the standard interpolation made and appended an
/// intermediate string for each part (2,000 to 3,000 instructions a message).
struct AuditMessage: ExpressibleByStringInterpolation {
    private var bytes: [UInt8]

    init(stringLiteral literal: StaticString) {
        bytes = []
        append(literal)
    }

    init(stringInterpolation: Interpolation) { bytes = stringInterpolation.bytes }

    /// Appends fixed text.
    mutating func append(_ literal: StaticString) { bytes.appendStatic(literal) }

    /// The message.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    struct Interpolation: StringInterpolationProtocol {
        fileprivate var bytes: [UInt8]

        init(literalCapacity: Int, interpolationCount: Int) {
            bytes = []
            // Room for an endpoint name or a number in each interpolation, and a suffix, without growing.
            bytes.reserveCapacity(literalCapacity + 64 * interpolationCount + 64)
        }

        mutating func appendLiteral(_ literal: StaticString) { bytes.appendStatic(literal) }

        mutating func appendInterpolation(_ text: String) { bytes.appendUTF8(text) }

        /// `String(number)`.
        mutating func appendInterpolation(_ number: Int) { bytes.appendDecimal(number) }

        /// `String(number)`.
        mutating func appendInterpolation(_ number: Int64) { bytes.appendDecimal(number) }

        /// `facts.name(of: endpoint)`.
        mutating func appendInterpolation(name endpoint: EndpointView, _ facts: AuditFacts) {
            facts.appendName(of: endpoint, to: &bytes)
        }
    }
}
