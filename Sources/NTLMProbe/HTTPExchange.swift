import NIOCore
import NIOHTTP1

/// A request waiting to be written, with the promise its response completes.
struct PendingExchange: Sendable {
    let head: HTTPRequestHead
    let promise: EventLoopPromise<ExchangeResponse>
}

/// What the prober keeps of a response: the status, the authentication headers, and whether the connection
/// can carry another request.
struct ExchangeResponse: Sendable {
    let status: Int
    let authenticateValues: [String]
    /// False when the server asked to close, or the body was larger than the limit and was not read to the end.
    let reusable: Bool
    let bodyTruncated: Bool
}

/// Why an exchange failed below HTTP.
enum TransportFailure: Error, Sendable {
    /// The per-target deadline passed while waiting.
    case timedOut
    /// The server closed the connection before the response was complete.
    case closedByServer
    /// Bytes that are not HTTP/1.1, or a header block over the limit.
    case malformedResponse(String)
    /// A TLS failure (handshake, certificate, unclean close).
    case tls(String)
    /// A socket-level failure after connecting (reset, broken pipe).
    case connection(String)
}

/// Writes one request at a time and collects its response, reading the body up to a limit without keeping it.
/// Runs on the channel's event loop only.
final class ExchangeHandler: ChannelDuplexHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundIn = PendingExchange
    typealias OutboundOut = HTTPClientRequestPart

    private let maxBodyBytes: Int
    private let usesTLS: Bool
    private var pending: EventLoopPromise<ExchangeResponse>?
    private var head: HTTPResponseHead?
    private var bodyBytes = 0

    init(maxBodyBytes: Int, usesTLS: Bool) {
        self.maxBodyBytes = maxBodyBytes
        self.usesTLS = usesTLS
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let exchange = unwrapOutboundIn(data)
        guard pending == nil else {
            exchange.promise.fail(TransportFailure.malformedResponse("a request was sent before the previous answer"))
            return
        }
        pending = exchange.promise
        head = nil
        bodyBytes = 0
        context.write(wrapOutboundOut(.head(exchange.head)), promise: nil)
        context.write(wrapOutboundOut(.end(nil)), promise: promise)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let responseHead):
            head = responseHead
        case .body(let buffer):
            bodyBytes += buffer.readableBytes
            if bodyBytes > maxBodyBytes {
                finish(truncated: true)
                context.close(promise: nil)
            }
        case .end:
            finish(truncated: false)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        fail(Self.classify(error, usesTLS: usesTLS))
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(.closedByServer)
        context.fireChannelInactive()
    }

    private func finish(truncated: Bool) {
        guard let promise = pending, let head else { return }
        pending = nil
        self.head = nil
        let values = head.headers["WWW-Authenticate"]
        promise.succeed(ExchangeResponse(
            status: Int(head.status.code), authenticateValues: values,
            reusable: !truncated && head.isKeepAlive, bodyTruncated: truncated))
    }

    private func fail(_ failure: TransportFailure) {
        guard let promise = pending else { return }
        pending = nil
        promise.fail(failure)
    }

    /// Sorts an error raised in the pipeline into the failure kinds the outcomes are built from.
    static func classify(_ error: Error, usesTLS: Bool) -> TransportFailure {
        if let failure = error as? TransportFailure { return failure }
        if TLSErrors.isTLSError(error) { return .tls(TLSErrors.describe(error)) }
        if let parserError = error as? HTTPParserError {
            switch parserError {
            case .headerOverflow:
                return .malformedResponse("the response headers are larger than the limit")
            default:
                return .malformedResponse("the response is not valid HTTP/1.1 (\(parserError))")
            }
        }
        if let io = error as? IOError {
            return .connection(io.description)
        }
        return .connection(String(describing: error))
    }
}
