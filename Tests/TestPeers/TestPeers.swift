import Foundation
import XCTest

/// What the tests need from outside the package: real peers (Go with sprig, pyspnego, openssl) and the shared
/// facts folder (`../shared`: the corpus, the conformance suite, the flexible-config projects).
///
/// A test whose peer or facts are missing skips with a hint, so a plain `swift test` works anywhere; under
/// `scripts/test.sh`, which installs every peer and sets `KRAKENLINT_REQUIRE_PEERS=1`, the same test fails
/// instead, so that the whole suite cannot pass with part of it quietly switched off.
public enum TestPeers {
    /// Whether a missing peer fails the test (`KRAKENLINT_REQUIRE_PEERS=1`) rather than skipping it.
    public static var required: Bool { ProcessInfo.processInfo.environment["KRAKENLINT_REQUIRE_PEERS"] == "1" }

    /// The error to throw for a missing peer: a skip with `message`, or a failure when peers are required.
    public static func missing(_ message: String) -> Error {
        required ? MissingPeerError(message: message) : XCTSkip(message)
    }

    /// The package's root folder.
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The shared facts folder: `$KRAKENLINT_SHARED` when set, else `shared` beside the package root. It may
    /// not exist; ``requireShared(_:for:)`` checks.
    public static var sharedDirectory: URL {
        if let path = ProcessInfo.processInfo.environment["KRAKENLINT_SHARED"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }

    /// `relativePath` inside the shared facts folder, or ``missing(_:)`` naming what needs it when it is absent.
    @discardableResult
    public static func requireShared(_ relativePath: String, for purpose: String) throws -> URL {
        let url = relativePath.isEmpty ? sharedDirectory : sharedDirectory.appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw missing("\(url.path) is absent (put the shared facts beside the package or set KRAKENLINT_SHARED); \(purpose) needs it")
        }
        return url
    }
}

/// A required peer or shared file that is not there.
public struct MissingPeerError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { "required test peer missing: \(message)" }
}
