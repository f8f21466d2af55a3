import Foundation
import XCTest

/// What a test throws when a real peer (pyspnego, openssl) is not installed: a skip with the install hint,
/// or, under `scripts/test.sh` (which installs every peer and sets `KRAKENLINT_REQUIRE_PEERS=1`), a failure,
/// so that the whole suite cannot pass with the peer tests quietly switched off.
func missingPeer(_ message: String) -> Error {
    if ProcessInfo.processInfo.environment["KRAKENLINT_REQUIRE_PEERS"] == "1" {
        return MissingPeerError(message: message)
    }
    return XCTSkip(message)
}

struct MissingPeerError: Error, CustomStringConvertible {
    let message: String
    var description: String { "required test peer missing: \(message)" }
}
