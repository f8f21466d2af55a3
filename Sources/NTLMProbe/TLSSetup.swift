import Foundation
import NIOSSL

/// The TLS client context of a run: ALPN offers only `http/1.1` (NTLM breaks over HTTP/2), the system trust
/// store plus `--ca-file`, or no verification with `--insecure`. The `--ca-file` is read when the prober is
/// made, so a bad file is a usage error; the context itself (which loads the system trust store) is built on
/// first use, so runs without `https` targets never pay for it.
final class TLSSetup: @unchecked Sendable {
    private let configuration: TLSConfiguration
    private let lock = NSLock()
    private var built: Result<NIOSSLContext, ProbeSetupError>?

    init(settings: ProbeSettings) throws(ProbeSetupError) {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.applicationProtocols = ["http/1.1"]
        if settings.insecure {
            configuration.certificateVerification = .none
        }
        if let path = settings.caFilePath {
            let certificates: [NIOSSLCertificate]
            do {
                certificates = try NIOSSLCertificate.fromPEMFile(path)
            } catch {
                throw ProbeSetupError("--ca-file \(path): cannot read PEM certificates (\(error))")
            }
            guard !certificates.isEmpty else {
                throw ProbeSetupError("--ca-file \(path): no PEM certificate found in the file")
            }
            configuration.additionalTrustRoots = [.certificates(certificates)]
        }
        self.configuration = configuration
    }

    /// The shared context, built once.
    func context() throws(ProbeSetupError) -> NIOSSLContext {
        let result = lock.withLock {
            if let built { return built }
            let made: Result<NIOSSLContext, ProbeSetupError>
            do {
                made = .success(try NIOSSLContext(configuration: configuration))
            } catch {
                made = .failure(ProbeSetupError("cannot set up TLS: \(error)"))
            }
            built = made
            return made
        }
        return try result.get()
    }
}

/// A problem with the probe's own settings (for example an unreadable `--ca-file`): a usage error, not a
/// target outcome.
public struct ProbeSetupError: Error, Sendable, CustomStringConvertible {
    public let message: String
    init(_ message: String) { self.message = message }
    public var description: String { message }
}
