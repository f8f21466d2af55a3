import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// One HTTP/1.1 connection to a target, TLS when the URL is `https`, carrying one request at a time.
struct ProbeConnection: Sendable {
    let channel: Channel

    /// Why a connection could not be opened.
    enum OpenFailure: Error, Sendable {
        case timedOut
        case unreachable(String)
        case tls(String)
    }

    static func open(
        to url: ProbeURL, group: EventLoopGroup, tls: NIOSSLContext?, settings: ProbeSettings, deadline: NIODeadline
    ) async throws(OpenFailure) -> ProbeConnection {
        let remaining = deadline - .now()
        let connectTimeout = min(TimeAmount(settings.connectTimeout), remaining)
        guard connectTimeout > .zero else { throw .timedOut }
        let limits = decoderLimits(settings)
        let maxBody = settings.maxBodyBytes
        let serverName = url.isIPAddress ? nil : url.host
        let tlsContext = url.scheme == .https ? tls : nil
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(connectTimeout)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    if let tlsContext {
                        try pipeline.addHandler(NIOSSLClientHandler(context: tlsContext, serverHostname: serverName))
                    }
                    try pipeline.addHTTPClientHandlers(decoderLimitConfiguration: limits)
                    try pipeline.addHandler(ExchangeHandler(maxBodyBytes: maxBody, usesTLS: tlsContext != nil))
                }
            }
        do {
            let channel = try await bootstrap.connect(host: url.host, port: url.port).get()
            return ProbeConnection(channel: channel)
        } catch {
            throw classify(error, host: url.host, port: url.port)
        }
    }

    /// Sends a body-less request and waits for its response, until `deadline`.
    func exchange(_ head: HTTPRequestHead, deadline: NIODeadline) async throws -> ExchangeResponse {
        let promise = channel.eventLoop.makePromise(of: ExchangeResponse.self)
        let channel = self.channel
        // A promise completed twice keeps its first result, so the timer and the handler may both complete it.
        let timer = channel.eventLoop.scheduleTask(deadline: deadline) {
            promise.fail(TransportFailure.timedOut)
            channel.close(promise: nil)
        }
        defer { timer.cancel() }
        channel.writeAndFlush(PendingExchange(head: head, promise: promise)).whenFailure { error in
            promise.fail(ExchangeHandler.classify(error, usesTLS: false))
        }
        return try await promise.futureResult.get()
    }

    func close() {
        channel.close(promise: nil)
    }

    private static func decoderLimits(_ settings: ProbeSettings) -> NIOHTTPDecoderLimitConfiguration {
        var limits = NIOHTTPDecoderLimitConfiguration()
        limits.maxHeaderFieldSize = settings.maxHeaderBytes
        limits.maxHeaderListSize = settings.maxHeaderBytes
        limits.maxHeaderFieldCount = 256
        return limits
    }

    private static func classify(_ error: Error, host: String, port: Int) -> OpenFailure {
        if let channelError = error as? ChannelError, case .connectTimeout = channelError {
            return .timedOut
        }
        if TLSErrors.isTLSError(error) {
            return .tls(TLSErrors.describe(error))
        }
        if let connectionError = error as? NIOConnectionError {
            if connectionError.connectionErrors.isEmpty,
                connectionError.dnsAError != nil || connectionError.dnsAAAAError != nil
            {
                return .unreachable("cannot resolve the host name \"\(host)\"")
            }
            if connectionError.connectionErrors.contains(where: { isTimeout($0.error) }) {
                return .timedOut
            }
            let reasons = Set(connectionError.connectionErrors.map { describeSocketError($0.error) })
            if reasons.isEmpty {
                return .unreachable("cannot resolve the host name \"\(host)\" to any address")
            }
            return .unreachable("cannot connect to \(host):\(port): " + reasons.sorted().joined(separator: "; "))
        }
        if isTimeout(error) { return .timedOut }
        return .unreachable("cannot connect to \(host):\(port): \(describeSocketError(error))")
    }

    private static func isTimeout(_ error: Error) -> Bool {
        if let channelError = error as? ChannelError, case .connectTimeout = channelError { return true }
        return false
    }

    private static func describeSocketError(_ error: Error) -> String {
        if let io = error as? IOError {
            switch io.errnoCode {
            case ECONNREFUSED: return "connection refused"
            case ECONNRESET: return "connection reset"
            case EHOSTUNREACH, ENETUNREACH: return "no route to host"
            default: return io.description
            }
        }
        return String(describing: error)
    }
}

extension TimeAmount {
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        let nanoseconds = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if nanoseconds.overflow {
            self = .nanoseconds(Int64.max)
        } else {
            let sum = nanoseconds.partialValue.addingReportingOverflow(attoseconds / 1_000_000_000)
            self = .nanoseconds(sum.overflow ? Int64.max : sum.partialValue)
        }
    }
}
