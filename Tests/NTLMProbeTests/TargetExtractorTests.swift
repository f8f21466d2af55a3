import ConfigTree
import NTLMProbe
import XCTest

final class TargetExtractorTests: XCTestCase {
    private func targets(_ json: String, selection: TargetSelection = TargetSelection()) throws -> [ProbeTarget] {
        let source = SourceFile(path: "test.json", format: .json, text: json)
        let loaded = ConfigLoader.load(source)
        let root = try XCTUnwrap(loaded.root, "\(loaded.issues)")
        return TargetExtractor.targets(in: root, of: source, selection: selection)
    }

    private let ntlm = #""extra_config": {"auth/ntlm": {"user": "CORP\\svc", "password": "pw"}}"#

    func testEachHostOfEachNTLMBackendIsATargetWithTheFilledURL() throws {
        let found = try targets("""
            {"version": 3, "endpoints": [
              {"endpoint": "/users/{id}", "backend": [
                {"url_pattern": "/api/users/{id}", "host": ["https://a.example:8443", "b.example"], \(ntlm)},
                {"url_pattern": "/plain", "host": ["http://c.example"]}
              ]}]}
            """, selection: TargetSelection(parameters: ["id": "42"]))
        XCTAssertEqual(found.map(\.url?.description), ["https://a.example:8443/api/users/42", "http://b.example/api/users/42"])
        XCTAssertEqual(found.map(\.endpoint), ["/users/{id}", "/users/{id}"])
        XCTAssertEqual(found.map(\.pointer), ["/endpoints/0/backend/0", "/endpoints/0/backend/0"])
        XCTAssertEqual(found.first?.credentials.displayUser, "CORP\\svc")
        XCTAssertEqual(found.first?.line, 3)
    }

    func testPlaceholdersWithoutAParamGetTheDefaultAndValuesAreEscaped() throws {
        let found = try targets("""
            {"endpoints": [{"endpoint": "/a/{x}/{y}", "backend": [
              {"url_pattern": "/b/{x}/{y}", "host": ["h"], \(ntlm)}]}]}
            """, selection: TargetSelection(parameters: ["y": "a b/c"]))
        XCTAssertEqual(found.first?.url?.requestTarget, "/b/1/a%20b%2Fc")
    }

    func testBackendsWithoutHostUseTheRootHostList() throws {
        let found = try targets("""
            {"host": ["http://root1", "http://root2:81"], "endpoints": [{"endpoint": "/a", "backend": [
              {"url_pattern": "/b", \(ntlm)}]}]}
            """)
        XCTAssertEqual(found.map(\.url?.description), ["http://root1/b", "http://root2:81/b"])
    }

    func testWorkflowBackendsAtAnyDepthAndAsyncAgentsAreFound() throws {
        let found = try targets("""
            {"host": ["http://root"], "endpoints": [{"endpoint": "/wf", "backend": [
              {"url_pattern": "/outer", "extra_config": {"workflow": {"endpoint": "/inner", "backend": [
                {"url_pattern": "/inner-b", \(ntlm)},
                {"url_pattern": "/deeper", "extra_config": {"workflow": {"endpoint": "/x", "backend": [
                  {"url_pattern": "/deepest", \(ntlm)}]}}}]}}}]}],
             "async_agent": [{"name": "orders", "backend": [{"url_pattern": "/agent", "host": ["http://agent"], \(ntlm)}]}]}
            """)
        XCTAssertEqual(found.map(\.url?.description), ["http://root/inner-b", "http://root/deepest", "http://agent/agent"])
        XCTAssertEqual(found.map(\.endpoint), ["/wf", "/wf", "async_agent orders"])
        XCTAssertEqual(found[1].pointer,
            "/endpoints/0/backend/0/extra_config/workflow/backend/1/extra_config/workflow/backend/0")
    }

    func testServiceDiscoveryOtherThanStaticIsListedAsNotProbed() throws {
        let found = try targets("""
            {"endpoints": [{"endpoint": "/a", "backend": [
              {"url_pattern": "/b", "sd": "dns", "host": ["_api._tcp.example"], \(ntlm)},
              {"url_pattern": "/c", "sd": "static", "host": ["h"], \(ntlm)}]}]}
            """)
        XCTAssertEqual(found.count, 2)
        XCTAssertNil(found[0].url)
        XCTAssertTrue(found[0].notProbedReason?.contains("service discovery \"dns\"") == true)
        XCTAssertEqual(found[1].url?.description, "http://h/c")
    }

    func testUnusableHostsAndMissingHostsAreListedWithAReason() throws {
        let found = try targets("""
            {"endpoints": [{"endpoint": "/a", "backend": [
              {"url_pattern": "/b", "host": ["amqp://rabbit", "http://h/base"], \(ntlm)},
              {"url_pattern": "/c", "host": ["http://h/base"], "disable_host_sanitize": true, \(ntlm)},
              {"url_pattern": "/d", \(ntlm)}]}]}
            """)
        XCTAssertEqual(found.count, 4)
        XCTAssertTrue(found[0].notProbedReason?.contains("scheme") == true)
        XCTAssertTrue(found[1].notProbedReason?.contains("disable_host_sanitize") == true)
        XCTAssertEqual(found[2].url?.description, "http://h/base/c")
        XCTAssertTrue(found[3].notProbedReason?.contains("no host") == true)
    }

    func testEndpointAndHostFiltersKeepOnlyMatchingTargets() throws {
        let json = """
            {"endpoints": [
              {"endpoint": "/a", "backend": [{"url_pattern": "/1", "host": ["http://x:81", "http://y"], \(ntlm)}]},
              {"endpoint": "/b", "backend": [{"url_pattern": "/2", "host": ["http://x:81"], \(ntlm)}]}]}
            """
        XCTAssertEqual(try targets(json, selection: TargetSelection(endpoints: ["/b"])).map(\.displayURL), ["http://x:81/2"])
        XCTAssertEqual(try targets(json, selection: TargetSelection(hosts: ["y"])).map(\.displayURL), ["http://y/1"])
        XCTAssertEqual(try targets(json, selection: TargetSelection(hosts: ["x:81"])).count, 2)
        XCTAssertEqual(try targets(json, selection: TargetSelection(hosts: ["http://x:81"])).count, 2)
        XCTAssertEqual(try targets(json, selection: TargetSelection(endpoints: ["/none"])).count, 0)
    }

    func testUserInformationInAHostIsNeitherProbedNorShown() throws {
        let found = try targets("""
            {"endpoints": [{"endpoint": "/a", "backend": [
              {"url_pattern": "/b", "host": ["http://admin:hunter2-host@h"], \(ntlm)}]}]}
            """)
        XCTAssertEqual(found.count, 1)
        XCTAssertNil(found[0].url)
        XCTAssertFalse(found[0].displayURL.contains("hunter2"), found[0].displayURL)
        XCTAssertFalse(found[0].notProbedReason?.contains("hunter2") ?? true, found[0].notProbedReason ?? "")
    }

    func testNonStringCredentialsAreKeptForTheResolverToReport() throws {
        let found = try targets("""
            {"endpoints": [{"endpoint": "/a", "backend": [
              {"url_pattern": "/b", "host": ["h"], "extra_config": {"auth/ntlm": {"user": 7}}}]}]}
            """)
        let result = CredentialResolver.resolve(try XCTUnwrap(found.first).credentials)
        guard case .failure(let problem) = result else { return XCTFail("resolved \(result)") }
        XCTAssertEqual(problem.message, "auth/ntlm user is a number; expected a string")
    }

    func testConfigsWithoutNTLMHaveNoTargets() throws {
        XCTAssertTrue(try targets(#"{"endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/b"}]}]}"#).isEmpty)
    }
}
