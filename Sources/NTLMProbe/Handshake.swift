import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL
import NTLM

/// The three legs go-ntlmssp's Negotiator sends for one target: an anonymous request, NEGOTIATE and
/// AUTHENTICATE, the last two on the same connection. The anonymous leg's connection is reused when its
/// response was read completely and kept alive; otherwise NEGOTIATE opens a second one, as v0.1.x does.
struct Handshake: Sendable {
    let url: ProbeURL
    let credentials: NTLMCredentials
    let settings: ProbeSettings
    let group: EventLoopGroup
    let tls: NIOSSLContext?

    func run(deadline: NIODeadline) async -> HandshakeVerdict {
        var connection: ProbeConnection
        switch await open(deadline: deadline) {
        case .success(let opened): connection = opened
        case .failure(let verdict): return verdict
        }
        defer { connection.close() }

        let anonymous: ExchangeResponse
        do {
            anonymous = try await connection.exchange(request(authorization: nil), deadline: deadline)
        } catch {
            return failed(error, leg: "the anonymous request")
        }
        guard anonymous.status == 401 else {
            return HandshakeVerdict(
                .noAuthRequired, "the request without credentials got status \(anonymous.status), not 401",
                status: anonymous.status)
        }
        guard let scheme = AuthenticateHeaders.chooseScheme(anonymous.authenticateValues) else {
            var verdict = HandshakeVerdict(.ntlmNotOffered, notOfferedDetail(anonymous.authenticateValues), status: 401)
            verdict.offeredSchemes = anonymous.authenticateValues
            return verdict
        }

        if !anonymous.reusable {
            connection.close()
            switch await open(deadline: deadline) {
            case .success(let opened): connection = opened
            case .failure(let verdict): return withScheme(verdict, scheme)
            }
        }

        let negotiate = makeNegotiateMessage(profile: settings.profile, credentials: credentials)
        let challengeResponse: ExchangeResponse
        do {
            challengeResponse = try await connection.exchange(
                request(authorization: scheme + " " + Data(negotiate).base64EncodedString()), deadline: deadline)
        } catch {
            return withScheme(failed(error, leg: "the NEGOTIATE message"), scheme)
        }
        var verdict = HandshakeVerdict(.protocolError, "", status: challengeResponse.status)
        verdict.scheme = scheme
        guard challengeResponse.status == 401 else {
            verdict.detail = "the server answered the NEGOTIATE with status \(challengeResponse.status) instead of a "
                + "401 challenge; KrakenD would pass that response on without ever checking the credentials"
            return verdict
        }
        guard let challenge = parsedChallenge(challengeResponse, scheme: scheme, into: &verdict) else {
            return verdict
        }

        let authenticate: [UInt8]
        do {
            authenticate = try makeAuthenticateMessage(
                challenge: challenge, credentials: credentials, profile: settings.profile)
        } catch {
            verdict.outcome = .refusedByClient
            verdict.detail = "KrakenD would refuse this server: \(error.reason)"
            return verdict
        }
        verdict.identity = logonIdentity(challenge: challenge, credentials: credentials, profile: settings.profile)

        let final: ExchangeResponse
        do {
            final = try await connection.exchange(
                request(authorization: scheme + " " + Data(authenticate).base64EncodedString()), deadline: deadline)
        } catch {
            let failure = failed(error, leg: "the AUTHENTICATE message")
            verdict.outcome = failure.outcome
            verdict.detail = failure.detail
            return verdict
        }
        verdict.status = final.status
        if final.status == 401 {
            verdict.outcome = .rejected
            verdict.detail = "the server answered the AUTHENTICATE for \(verdict.identity?.description ?? credentials.user) with 401"
        } else {
            verdict.outcome = .authenticated
            verdict.detail = "logged on as \(verdict.identity?.description ?? credentials.user); final status \(final.status)"
        }
        return verdict
    }

    /// The CHALLENGE from the answer to NEGOTIATE, or nil with `verdict` set to the reason it is unusable.
    private func parsedChallenge(
        _ response: ExchangeResponse, scheme: String, into verdict: inout HandshakeVerdict
    ) -> ChallengeMessage? {
        guard let token = AuthenticateHeaders.token(in: response.authenticateValues, scheme: scheme) else {
            verdict.outcome = .protocolError
            verdict.detail = "the 401 after NEGOTIATE carries no \(scheme) challenge token; "
                + "go-ntlmssp gives up and KrakenD gets the first 401"
            return nil
        }
        guard token.utf8.count <= settings.maxChallengeTokenBytes else {
            verdict.outcome = .protocolError
            verdict.detail = "the challenge token is \(token.utf8.count) bytes, more than the limit of "
                + "\(settings.maxChallengeTokenBytes)"
            return nil
        }
        guard let bytes = Data(base64Encoded: String(token)) else {
            verdict.outcome = .protocolError
            verdict.detail = "the \(scheme) challenge token is not valid base64"
            return nil
        }
        let challenge: ChallengeMessage
        do {
            challenge = try ChallengeMessage.parse(Array(bytes))
        } catch {
            verdict.outcome = .protocolError
            verdict.detail = "the server's CHALLENGE is malformed: \(error)"
                + (scheme == "Negotiate" ? " (a Kerberos or SPNEGO token is not an NTLM challenge)" : "")
            return nil
        }
        verdict.server = challenge.serverInfo
        if let refusal = challenge.clientRefusal() {
            verdict.outcome = .refusedByClient
            verdict.detail = "KrakenD would refuse this server: \(refusal.reason)"
            return nil
        }
        guard response.reusable else {
            verdict.outcome = .protocolError
            verdict.detail = response.bodyTruncated
                ? "the challenge response body is larger than \(settings.maxBodyBytes) bytes, so the connection "
                    + "cannot carry the AUTHENTICATE"
                : "the server closes the connection after its challenge (Connection: close); NTLM needs the "
                    + "AUTHENTICATE on the same connection, so this handshake cannot succeed"
            return nil
        }
        return challenge
    }

    /// A new connection, or the verdict that ends the handshake when none can be opened.
    private enum Opened {
        case success(ProbeConnection)
        case failure(HandshakeVerdict)
    }

    private func open(deadline: NIODeadline) async -> Opened {
        do {
            return .success(try await ProbeConnection.open(
                to: url, group: group, tls: tls, settings: settings, deadline: deadline))
        } catch {
            switch error {
            case .timedOut:
                return .failure(HandshakeVerdict(.timeout, "no connection to \(url.authority) within the time allowed"))
            case .unreachable(let reason):
                return .failure(HandshakeVerdict(.unreachable, reason))
            case .tls(let reason):
                return .failure(HandshakeVerdict(.tlsError, reason))
            }
        }
    }

    private func failed(_ error: Error, leg: String) -> HandshakeVerdict {
        switch ExchangeHandler.classify(error, usesTLS: url.scheme == .https) {
        case .timedOut:
            return HandshakeVerdict(.timeout, "no complete answer to \(leg) within the time allowed")
        case .closedByServer:
            return HandshakeVerdict(.protocolError, "the server closed the connection without answering \(leg)")
        case .malformedResponse(let reason):
            return HandshakeVerdict(.protocolError, "the answer to \(leg) is unusable: \(reason)")
        case .tls(let reason):
            return HandshakeVerdict(.tlsError, reason)
        case .connection(let reason):
            return HandshakeVerdict(.unreachable, "the connection failed during \(leg): \(reason)")
        }
    }

    private func withScheme(_ verdict: HandshakeVerdict, _ scheme: String) -> HandshakeVerdict {
        var copy = verdict
        copy.scheme = scheme
        return copy
    }

    private func notOfferedDetail(_ values: [String]) -> String {
        guard !values.isEmpty else { return "the 401 has no WWW-Authenticate header, so NTLM is not offered" }
        let shown = values.map { Self.schemeName(of: $0) }
        return "the 401 offers \(shown.joined(separator: ", ")) but not NTLM or Negotiate "
            + "(go-ntlmssp matches those names exactly, case-sensitive)"
    }

    /// The scheme word of a `WWW-Authenticate` value, quoted, with its parameters left out.
    static func schemeName(of value: String) -> String {
        let word = value.prefix { $0 != " " && $0 != "," }
        return "\"\(word.prefix(40))\""
    }

    private func request(authorization: String?) -> HTTPRequestHead {
        var head = HTTPRequestHead(version: .http1_1, method: HTTPMethod(rawValue: settings.method), uri: url.requestTarget)
        head.headers.add(name: "Host", value: url.authority)
        head.headers.add(name: "User-Agent", value: settings.userAgent)
        if ["POST", "PUT", "PATCH"].contains(settings.method) {
            head.headers.add(name: "Content-Length", value: "0")
        }
        if let authorization {
            head.headers.add(name: "Authorization", value: authorization)
        }
        return head
    }
}
