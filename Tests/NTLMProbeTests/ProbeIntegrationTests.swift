import Foundation
import NTLM
import NTLMProbe
import Findings
import ConfigTree
import XCTest

/// The prober against real servers on 127.0.0.1 (pyspnego does the NTLM work), each verdict compared with
/// `curl --ntlm` where curl can speak to the server.
final class ProbeIntegrationTests: XCTestCase {
    nonisolated(unsafe) static var servers: LoopbackServers?
    nonisolated(unsafe) static var certificate: (cert: URL, key: URL)?
    nonisolated(unsafe) static var startError: Error?
    nonisolated(unsafe) static var certificateError: Error?

    static let listeners = [
        "ntlm", "negotiate-only", "basic-only", "no-auth", "silent", "malformed", "oversized", "key-exchange",
        "bare-challenge", "tls:ntlm@tls",
    ]

    override class func setUp() {
        super.setUp()
        // Without the openssl command only the TLS test is skipped; the plain-HTTP servers still start.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("probe-cert-\(UUID().uuidString)")
        do {
            certificate = try TestCertificate.make(in: directory)
        } catch {
            certificateError = error
        }
        do {
            servers = try LoopbackServers(
                listeners: certificate == nil ? listeners.filter { !$0.hasSuffix("@tls") } : listeners,
                certificate: certificate)
        } catch {
            startError = error
        }
    }

    override class func tearDown() {
        servers?.stop()
        if let certificate { try? FileManager.default.removeItem(at: certificate.cert.deletingLastPathComponent()) }
        super.tearDown()
    }

    private func running() throws -> LoopbackServers {
        if let error = Self.startError { throw error }
        return try XCTUnwrap(Self.servers)
    }

    private func settings(_ change: (inout ProbeSettings) -> Void = { _ in }) -> ProbeSettings {
        var settings = ProbeSettings()
        settings.connectTimeout = .seconds(5)
        settings.targetTimeout = .seconds(10)
        change(&settings)
        return settings
    }

    private func probe(
        _ base: String, path: String = "/", user: String = TestUsers.domainUser,
        password: String = TestUsers.domainPassword, settings: ProbeSettings? = nil, unsetVariables: [String] = []
    ) async throws -> ProbeResult {
        let url = try BackendHost.parse(base).get().url(path: path)
        let target = ProbeTarget(
            endpoint: "/test", backendIndex: 0, pointer: "/endpoints/0/backend/0", line: 1, hostEntry: base,
            urlPattern: path, url: url,
            credentials: ConfiguredCredentials(
                user: .text(SecretValue(user, span: Span(at: 0))), password: .text(SecretValue(password, span: Span(at: 0))),
                unsetVariables: unsetVariables),
            notProbedReason: nil)
        let prober = try Prober(settings: settings ?? self.settings())
        let results = await prober.run([target])
        return try XCTUnwrap(results.first)
    }

    /// Checks curl's verdict against the same server, when curl speaks NTLM.
    private func assertCurl(
        _ url: String, user: String = TestUsers.domainUser, password: String = TestUsers.domainPassword,
        extra: [String] = [], status: Int? = nil, exitCode: Int32? = nil, file: StaticString = #filePath,
        line: UInt = #line
    ) {
        guard ReferenceCurl.hasNTLM else { return }
        guard let result = ReferenceCurl.ntlm(url, user: user, password: password, extra: extra) else {
            return XCTFail("curl could not be run", file: file, line: line)
        }
        if let status { XCTAssertEqual(result.status, status, "curl status for \(url)", file: file, line: line) }
        if let exitCode { XCTAssertEqual(result.exitCode, exitCode, "curl exit code for \(url)", file: file, line: line) }
    }

    func testTheRightPasswordForADomainUserAuthenticates() async throws {
        let servers = try running()
        let result = try await probe(servers.url("ntlm"), path: "/users/1")
        XCTAssertEqual(result.outcome, .authenticated, result.detail)
        XCTAssertEqual(result.status, 200)
        XCTAssertEqual(result.scheme, "NTLM")
        XCTAssertEqual(result.server?.netbiosDomain, "WORKSTATION")
        XCTAssertTrue(result.isPlainHTTP)
        XCTAssertTrue(result.hints.contains { $0.contains("plain http") })
        XCTAssertTrue(servers.log.contains("authenticated TESTDOM\\alice"), servers.log)
        assertCurl(servers.url("ntlm") + "/users/1", status: 200)
    }

    func testAllThreeLegsTravelOnOneKeptAliveConnection() async throws {
        let servers = try running()
        let result = try await probe(servers.url("ntlm"), user: TestUsers.upnUser, password: TestUsers.upnPassword)
        XCTAssertEqual(result.outcome, .authenticated, result.detail)
        // The server logs the client port of each leg; the UPN user's logon names the port of its handshake.
        let lines = servers.log.split(separator: "\n").map(String.init)
        let logon = try XCTUnwrap(lines.last { $0.hasPrefix("authenticated carol@EXAMPLE.COM") })
        let port = try XCTUnwrap(logon.split(separator: " ").last)
        let legs = lines.filter { $0.hasSuffix("from port \(port)") && $0.hasPrefix("ntlm ") }
        XCTAssertEqual(legs.count, 3, "anonymous, NEGOTIATE and AUTHENTICATE on port \(port):\n\(servers.log)")
        XCTAssertTrue(legs.first?.contains("anonymous") == true, "\(legs)")
        XCTAssertTrue(legs.dropFirst().first?.contains("NTLM type=1 length=40") == true, "go-ntlmssp's 40-byte NEGOTIATE: \(legs)")
        XCTAssertTrue(legs.last?.contains("NTLM type=3") == true, "\(legs)")
    }

    func testAWrongPasswordIsRejected() async throws {
        let servers = try running()
        let result = try await probe(servers.url("ntlm"), password: "not-the-password")
        XCTAssertEqual(result.outcome, .rejected, result.detail)
        XCTAssertEqual(result.status, 401)
        XCTAssertNotNil(result.server)
        XCTAssertTrue(result.hints.contains { $0.contains(NTLMClientProfile.legacy.rawValue) }, "\(result.hints)")
        assertCurl(servers.url("ntlm"), password: "not-the-password", status: 401)
    }

    func testAUserPrincipalNameAuthenticates() async throws {
        let servers = try running()
        let result = try await probe(servers.url("ntlm"), user: TestUsers.upnUser, password: TestUsers.upnPassword)
        XCTAssertEqual(result.outcome, .authenticated, result.detail)
        assertCurl(servers.url("ntlm"), user: TestUsers.upnUser, password: TestUsers.upnPassword, status: 200)
    }

    func testABareUserIsRejectedWithAHintAboutTheServersDomain() async throws {
        let servers = try running()
        let result = try await probe(servers.url("ntlm"), user: "alice")
        XCTAssertEqual(result.outcome, .rejected, result.detail)
        let serverDomain = try XCTUnwrap(result.server?.targetName)
        XCTAssertTrue(result.hints.contains { $0.contains("no DOMAIN\\ part") && $0.contains(serverDomain) }, "\(result.hints)")
        assertCurl(servers.url("ntlm"), user: "alice", status: 401)
    }

    func testTheLegacyProfileLogsOnWithTheServersDomainAndIsRejected() async throws {
        let servers = try running()
        let result = try await probe(servers.url("ntlm"), settings: settings { $0.profile = .legacy })
        XCTAssertEqual(result.outcome, .rejected, result.detail)
        XCTAssertEqual(result.profile, .legacy)
        XCTAssertTrue(result.detail.contains(try XCTUnwrap(result.server?.targetName)), result.detail)
    }

    func testANegotiateOnlyServerAcceptsRawNTLMUnderNegotiate() async throws {
        let servers = try running()
        let result = try await probe(servers.url("negotiate-only"))
        XCTAssertEqual(result.outcome, .authenticated, result.detail)
        XCTAssertEqual(result.scheme, "Negotiate")
        // curl --ntlm insists on the NTLM scheme, which this server does not offer.
        assertCurl(servers.url("negotiate-only"), status: 401)
    }

    func testABasicOnlyServerDoesNotOfferNTLM() async throws {
        let servers = try running()
        let result = try await probe(servers.url("basic-only"))
        XCTAssertEqual(result.outcome, .ntlmNotOffered, result.detail)
        XCTAssertEqual(result.offeredSchemes, ["Basic realm=\"probe\""])
        XCTAssertTrue(result.hints.contains { $0.contains("Basic") })
        assertCurl(servers.url("basic-only"), status: 401)
    }

    func testAServerWithoutAuthenticationNeedsNone() async throws {
        let servers = try running()
        let result = try await probe(servers.url("no-auth"))
        XCTAssertEqual(result.outcome, .noAuthRequired, result.detail)
        XCTAssertEqual(result.status, 200)
        assertCurl(servers.url("no-auth"), status: 200)
    }

    func testARefusedPortIsUnreachable() async throws {
        _ = try running()
        let url = "http://127.0.0.1:\(LoopbackServers.closedPort())"
        let result = try await probe(url)
        XCTAssertEqual(result.outcome, .unreachable, result.detail)
        XCTAssertTrue(result.detail.contains("refused"), result.detail)
        assertCurl(url, exitCode: 7)
    }

    func testAnUnknownHostNameIsUnreachable() async throws {
        let result = try await probe("http://probe-test-host.invalid:8080")
        XCTAssertEqual(result.outcome, .unreachable, result.detail)
        XCTAssertTrue(result.detail.contains("cannot resolve the host name \"probe-test-host.invalid\""), result.detail)
    }

    func testAServerThatNeverAnswersTimesOut() async throws {
        let servers = try running()
        let result = try await probe(servers.url("silent"), settings: settings { $0.targetTimeout = .seconds(1) })
        XCTAssertEqual(result.outcome, .timeout, result.detail)
        // The deadline is honoured: not before it passed (no upper bound asserted; a hang would stall the test run).
        XCTAssertGreaterThanOrEqual(result.elapsedMilliseconds, 900)
        assertCurl(servers.url("silent"), extra: ["--max-time", "1"], exitCode: 28)
    }

    func testAMalformedChallengeIsAProtocolError() async throws {
        let servers = try running()
        let result = try await probe(servers.url("malformed"))
        XCTAssertEqual(result.outcome, .protocolError, result.detail)
        XCTAssertTrue(result.detail.contains("malformed"), result.detail)
        XCTAssertNil(result.server)
        // curl gives up on the challenge too and ends with the 401.
        assertCurl(servers.url("malformed"), status: 401)
    }

    func testAnOversizedChallengeIsAProtocolError() async throws {
        let servers = try running()
        let result = try await probe(servers.url("oversized"))
        XCTAssertEqual(result.outcome, .protocolError, result.detail)
        XCTAssertTrue(result.detail.contains("larger than the limit"), result.detail)
        // curl refuses the header too (exit 27: out of memory for the header).
        assertCurl(servers.url("oversized"), exitCode: 27)
    }

    func testAChallengeAskingForKeyExchangeIsRefusedByTheClient() async throws {
        let servers = try running()
        let result = try await probe(servers.url("key-exchange"))
        XCTAssertEqual(result.outcome, .refusedByClient, result.detail)
        XCTAssertTrue(result.detail.contains("KEY_EXCH"), result.detail)
        XCTAssertEqual(result.server?.targetName, "SRV")
        // curl answers the challenge anyway; this server then ends with a 401, never a logon.
        assertCurl(servers.url("key-exchange"), status: 401)
    }

    func testABareChallengeHeaderIsAProtocolError() async throws {
        let servers = try running()
        let result = try await probe(servers.url("bare-challenge"))
        XCTAssertEqual(result.outcome, .protocolError, result.detail)
        XCTAssertTrue(result.detail.contains("no NTLM challenge token"), result.detail)
        assertCurl(servers.url("bare-challenge"), status: 401)
    }

    func testTLSFailsVerificationThenPassesWithTheCAFileOrInsecure() async throws {
        let servers = try running()
        if let error = Self.certificateError { throw error }
        let certificate = try XCTUnwrap(Self.certificate)
        let url = servers.url("tls", scheme: "https")

        let untrusted = try await probe(url)
        XCTAssertEqual(untrusted.outcome, .tlsError, untrusted.detail)
        XCTAssertTrue(untrusted.detail.contains("not trusted"), untrusted.detail)
        assertCurl(url, exitCode: 60)

        let trusted = try await probe(url, settings: settings { $0.caFilePath = certificate.cert.path })
        XCTAssertEqual(trusted.outcome, .authenticated, trusted.detail)
        XCTAssertFalse(trusted.tlsUnverified)
        XCTAssertFalse(trusted.isPlainHTTP)
        assertCurl(url, extra: ["--cacert", certificate.cert.path], status: 200)

        let byName = try await probe(
            servers.url("tls", scheme: "https", host: "localhost"),
            settings: settings { $0.caFilePath = certificate.cert.path })
        XCTAssertEqual(byName.outcome, .authenticated, byName.detail)

        let insecure = try await probe(url, settings: settings { $0.insecure = true })
        XCTAssertEqual(insecure.outcome, .authenticated, insecure.detail)
        XCTAssertTrue(insecure.tlsUnverified)
        XCTAssertTrue(insecure.hints.contains { $0.contains("--insecure") }, "\(insecure.hints)")
        assertCurl(url, extra: ["-k"], status: 200)

        let rejected = try await probe(url, password: "wrong", settings: settings { $0.insecure = true })
        XCTAssertEqual(rejected.outcome, .rejected, rejected.detail)
        XCTAssertTrue(rejected.hints.contains { $0.contains("Extended Protection") }, "\(rejected.hints)")
    }

    func testHTTPSOnlyRefusesPlainHTTPTargetsAndFailsTheRun() async throws {
        let servers = try running()
        let result = try await probe(servers.url("ntlm"), settings: settings { $0.httpsOnly = true })
        XCTAssertEqual(result.outcome, .notProbed)
        XCTAssertTrue(result.isFailure)
        XCTAssertEqual(result.detail, "plain http target refused by --https-only")
    }

    func testAnEmptyPasswordFromAnUnsetVariableIsReportedAndNotSent() async throws {
        let servers = try running()
        // Port 1 on loopback has no listener: had the probe connected, the outcome would be unreachable.
        let unset = try await probe("http://127.0.0.1:1", password: "", unsetVariables: ["PROBE_TEST_PASSWORD"])
        XCTAssertEqual(unset.outcome, .credentialsUnavailable)
        XCTAssertEqual(
            unset.detail,
            "auth/ntlm password is empty after rendering: the template reads PROBE_TEST_PASSWORD, which is not set "
                + "in this environment (KrakenD renders an unset variable as an empty string)")

        // With every variable set, an empty password is what KrakenD sends, and the server says no.
        let sent = try await probe(servers.url("ntlm"), password: "")
        XCTAssertEqual(sent.outcome, .rejected, sent.detail)
    }

    func testOtherMethodsAreSentWhenAsked() async throws {
        let servers = try running()
        let result = try await probe(servers.url("ntlm"), settings: settings { $0.method = "POST" })
        XCTAssertEqual(result.outcome, .authenticated, result.detail)
    }

    func testManyTargetsRunConcurrentlyAndKeepTheirOrder() async throws {
        let servers = try running()
        var targets: [ProbeTarget] = []
        for index in 0..<12 {
            let password = index % 4 == 3 ? "wrong" : TestUsers.domainPassword
            let url = try BackendHost.parse(servers.url("ntlm")).get().url(path: "/n/\(index)")
            targets.append(ProbeTarget(
                endpoint: "/n", backendIndex: index, pointer: "/endpoints/0/backend/\(index)", line: 1,
                hostEntry: servers.url("ntlm"), urlPattern: "/n/\(index)", url: url,
                credentials: ConfiguredCredentials(
                    user: .text(SecretValue(TestUsers.domainUser, span: Span(at: 0))), password: .text(SecretValue(password, span: Span(at: 0)))),
                notProbedReason: nil))
        }
        let results = await (try Prober(settings: settings { $0.concurrency = 6 })).run(targets)
        XCTAssertEqual(results.map(\.target.backendIndex), Array(0..<12))
        XCTAssertEqual(results.filter { $0.outcome == .authenticated }.count, 9)
        XCTAssertEqual(results.filter { $0.outcome == .rejected }.map(\.target.backendIndex), [3, 7, 11])
    }

    func testTheTotalDeadlineStopsTheRun() async throws {
        let servers = try running()
        let target = ProbeTarget(
            endpoint: "/s", backendIndex: 0, pointer: "/", line: 1, hostEntry: "", urlPattern: "/",
            url: try BackendHost.parse(servers.url("silent")).get().url(path: "/"),
            credentials: ConfiguredCredentials(user: .text(SecretValue("u", span: Span(at: 0))), password: .text(SecretValue("p", span: Span(at: 0)))),
            notProbedReason: nil)
        let prober = try Prober(settings: settings {
            $0.targetTimeout = .seconds(30)
            $0.totalDeadline = .milliseconds(700)
            $0.concurrency = 1
        })
        let results = await prober.run([target, target, target])
        XCTAssertEqual(results.map(\.outcome), [.timeout, .timeout, .timeout])
        XCTAssertTrue(results[0].detail.contains("total deadline"), results[0].detail)
        XCTAssertTrue(results[2].detail.contains("before this target started"), results[2].detail)
    }
}
