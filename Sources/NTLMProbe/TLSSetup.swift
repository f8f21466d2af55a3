import NIOSSL

/// The one TLS client context a run uses: ALPN offers only `http/1.1` (NTLM breaks over HTTP/2), the system
/// trust store plus `--ca-file`, or no verification with `--insecure`.
enum TLSSetup {
    static func makeContext(settings: ProbeSettings) throws(ProbeSetupError) -> NIOSSLContext {
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
        do {
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw ProbeSetupError("cannot set up TLS: \(error)")
        }
    }
}

/// A problem with the probe's own settings (for example an unreadable `--ca-file`): a usage error, not a
/// target outcome.
public struct ProbeSetupError: Error, Sendable, CustomStringConvertible {
    public let message: String
    init(_ message: String) { self.message = message }
    public var description: String { message }
}
