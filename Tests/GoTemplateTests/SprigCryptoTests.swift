@testable import GoTemplate
import XCTest

/// Expected values come from Go 1.19 with sprig 3.2.3 and golang.org/x/crypto.
final class SprigCryptoTests: XCTestCase {
    private let crypto = SprigCrypto.functions

    private func string(_ name: String, _ arguments: Value...) throws -> String {
        stringResult(try crypto[name]!.body(arguments, FunctionContext()))
    }

    func testDigests() throws {
        XCTAssertEqual(try string("sha1sum", .string("")), "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        XCTAssertEqual(try string("sha1sum", .string("hello")), "aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d")
        XCTAssertEqual(try string("sha256sum", .string("hello")), "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824")
        XCTAssertEqual(try string("adler32sum", .string("hello")), "103547413")
        XCTAssertEqual(try string("adler32sum", .string("")), "1")
        XCTAssertEqual(try string("adler32sum", .string("Wikipedia")), "300286872")
    }

    func testBcryptReproducesGoHashesFromTheirSalt() {
        for (password, expected) in [
            ("s3cret pässwörd", "$2a$10$udYv0yDuhERxZf.N59zl9uKjKe498dXBVJ5Q2zRzBYQLen317arVW"),
            ("", "$2a$04$mhNGV23004ORiR34GhIydOF2mWUOjVWdcTl7lRe3SXwCW4njW/dD2"),
        ] {
            let parts = expected.split(separator: "$")
            let cost = Int(parts[1])!
            let salt = Bcrypt.decode(String(parts[2].prefix(22)))
            XCTAssertEqual(Bcrypt.hash(password: Array(password.utf8), cost: cost, salt: salt), expected)
        }
    }

    func testHtpasswdShape() throws {
        let line = try string("htpasswd", .string("admin"), .string("pw"))
        XCTAssertTrue(line.hasPrefix("admin:$2a$10$"), line)
        XCTAssertEqual(line.count, "admin:".count + 60)
        XCTAssertEqual(try string("htpasswd", .string("a:b"), .string("x")), "invalid username: a:b")
        XCTAssertFalse(crypto["htpasswd"]!.isDeterministic)
        XCTAssertFalse(crypto["bcrypt"]!.isDeterministic)
    }

    func testDerivePassword() throws {
        let cases: [(Int64, String, String, String, String, String)] = [
            (1, "long", "password", "user", "example.com", "ZedaFaxcZaso9*"),
            (3, "maximum", "pässword", "usér", "site.org", "f5=*f(sAuLj7kavh1zoX"),
            (1, "bogus", "p", "u", "s", "cannot find password template bogus"),
            (4_294_967_295, "basic", "x", "", "", "aQE8GJW1"),
        ]
        for (counter, kind, password, user, site, expected) in cases {
            let result = try string(
                "derivePassword", Value(.int(counter, .uint32)), .string(kind), .string(password), .string(user), .string(site))
            XCTAssertEqual(result, expected, "\(kind) \(password)")
        }
    }

    func testDecryptAESOfGoCiphertexts() throws {
        XCTAssertEqual(try string("decryptAES", .string("my key"), .string("6DO8jxOHocdnl9CbPz+HL7T4Y2KWACUm6s6ODDNC3PQ=")), "hello AES")
        XCTAssertEqual(
            try string("decryptAES", .string(""), .string("CV6zkS6m4yQ8kFwYAX137IuWQ7Yrh6tBUwM7boSc4ZnuwOno2o/Gs7RTj5jxDldF")),
            "sixteen bytes!!!")
        XCTAssertEqual(try string("decryptAES", .string("secretkey"), .string("")), "")
    }

    func testDecryptAESFailuresCarryGoPanicTexts() {
        let cases = [
            ("abc", "illegal base64 data at input byte 0"),
            ("YWJj", "runtime error: slice bounds out of range [:16] with capacity 3"),
            ("MDEyMzQ1Njc4OWFiY2RlZg==", "runtime error: index out of range [-1]"),
            ("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWYx", "crypto/cipher: input not full blocks"),
            ("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=", "runtime error: slice bounds out of range [:-233]"),
        ]
        for (input, message) in cases {
            XCTAssertEqual(sprigErrorMessage { try callSprig(crypto, "decryptAES", .string("k"), .string(input)) }, message)
        }
    }

    func testEncryptAESRoundTripsAndUsesAFreshIV() throws {
        let key = "0123456789abcdef0123456789abcdefXYZ"
        let first = try string("encryptAES", .string(key), .string("hello world, this is long"))
        let second = try string("encryptAES", .string(key), .string("hello world, this is long"))
        XCTAssertNotEqual(first, second)
        XCTAssertEqual(try string("decryptAES", .string(key), .string(first)), "hello world, this is long")
        XCTAssertEqual(Array(first.utf8).count, 64)
        XCTAssertEqual(try string("encryptAES", .string("key"), .string("")), "")
    }

    func testRandBytesAndUUID() throws {
        let encoded = try string("randBytes", .int(20))
        guard case .success(let bytes) = GoBaseEncoding.base64Decode(Array(encoded.utf8)) else { return XCTFail(encoded) }
        XCTAssertEqual(bytes.count, 20)
        XCTAssertEqual(try string("randBytes", .int(0)), "")
        XCTAssertEqual(sprigErrorMessage { try callSprig(crypto, "randBytes", .int(-1)) }, "runtime error: makeslice: len out of range")
        let uuid = try string("uuidv4")
        XCTAssertNotNil(uuid.wholeMatch(of: /[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/), uuid)
        XCTAssertFalse(crypto["uuidv4"]!.isDeterministic)
    }
}
