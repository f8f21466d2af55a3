@testable import NTLMProbe
import XCTest

final class AuthenticateHeadersTests: XCTestCase {
    func testNTLMIsPreferredOverNegotiateWhateverTheOrder() {
        XCTAssertEqual(AuthenticateHeaders.chooseScheme(["Negotiate", "NTLM"]), "NTLM")
        XCTAssertEqual(AuthenticateHeaders.chooseScheme(["NTLM", "Negotiate"]), "NTLM")
        XCTAssertEqual(AuthenticateHeaders.chooseScheme(["Basic realm=\"x\"", "Negotiate"]), "Negotiate")
    }

    func testMatchingIsCaseSensitiveAndNeedsTheWholeWord() {
        XCTAssertNil(AuthenticateHeaders.chooseScheme(["ntlm", "NEGOTIATE", "Basic realm=\"x\""]))
        XCTAssertNil(AuthenticateHeaders.chooseScheme(["NTLMv2", "Negotiated"]))
        XCTAssertEqual(AuthenticateHeaders.chooseScheme(["NTLM TlRMTVNTUAACAAAA"]), "NTLM")
    }

    func testACommaListInOneHeaderIsNotSplitLikeGoNtlmssp() {
        // go-ntlmssp reads each header value whole: "Negotiate, NTLM" is neither "Negotiate" nor "Negotiate ...".
        XCTAssertNil(AuthenticateHeaders.chooseScheme(["Negotiate, NTLM"]))
        XCTAssertEqual(AuthenticateHeaders.chooseScheme(["Negotiate, NTLM", "NTLM"]), "NTLM")
        XCTAssertTrue(AuthenticateHeaders.listsUsableSchemeInsideACommaList(["Basic realm=\"x\", NTLM"]))
        XCTAssertFalse(AuthenticateHeaders.listsUsableSchemeInsideACommaList(["Basic realm=\"x\""]))
    }

    func testTheTokenFollowsTheChosenScheme() {
        let values = ["Negotiate abc=", "NTLM TlRMTVNT  "]
        XCTAssertEqual(AuthenticateHeaders.token(in: values, scheme: "NTLM"), "TlRMTVNT")
        XCTAssertEqual(AuthenticateHeaders.token(in: values, scheme: "Negotiate"), "abc=")
        XCTAssertNil(AuthenticateHeaders.token(in: ["NTLM"], scheme: "NTLM"))
        XCTAssertNil(AuthenticateHeaders.token(in: ["Basic x"], scheme: "NTLM"))
    }
}
