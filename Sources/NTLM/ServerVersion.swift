/// The VERSION structure a server may put at bytes 48–55 of its CHALLENGE (MS-NLMP 2.2.2.10).
public struct ServerVersion: Sendable, Hashable, CustomStringConvertible {
    public let major: UInt8
    public let minor: UInt8
    public let build: UInt16
    /// The NTLM revision, 15 on current Windows.
    public let ntlmRevision: UInt8

    public init(major: UInt8, minor: UInt8, build: UInt16, ntlmRevision: UInt8) {
        self.major = major
        self.minor = minor
        self.build = build
        self.ntlmRevision = ntlmRevision
    }

    /// `10.0.17763`.
    public var description: String { "\(major).\(minor).\(build)" }
}
