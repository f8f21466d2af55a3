import NIOSSL

/// Recognises and words the errors NIOSSL raises.
enum TLSErrors {
    static func isTLSError(_ error: Error) -> Bool {
        error is NIOSSLError || error is BoringSSLError || error is NIOSSLExtraError
    }

    /// A short description: certificate problems in plain words, otherwise NIOSSL's own text.
    static func describe(_ error: Error) -> String {
        let text = String(describing: error)
        if text.contains("CERTIFICATE_VERIFY_FAILED") {
            return "the server's certificate is not trusted (\(text))"
        }
        if let extra = error as? NIOSSLExtraError, extra == .failedToValidateHostname {
            return "the server's certificate does not name this host (\(text))"
        }
        if let base = error as? NIOSSLError, case .uncleanShutdown = base {
            return "the server closed the connection during TLS without a proper shutdown"
        }
        return text
    }
}
