@testable import GoTemplate
import X509
import XCTest

/// Keys and a certificate made by Go 1.19 (crypto/x509 and sprig 3.2.3's genSelfSignedCertWithKey), and the
/// error texts Go gives. Generated keys and certificates are random: the tests check that they parse, that
/// signatures verify, and that a key given to a `…WithKey` function comes back in Go's exact PEM form.
final class SprigCertificateTests: XCTestCase {
    private let functions = SprigCertificates.functions

    static let goECKey = """
-----BEGIN EC PRIVATE KEY-----
MHcCAQEEIMfjMJaQu67lrU7vxQwKG9EjaiHwM4u8e7BLVQnLEf6uoAoGCCqGSM49
AwEHoUQDQgAEA1kblW9dYMuj7H88m18NEkTNddP1Ks7BBEOcG0nf30zbt/UjkSJC
5JQfaabKIkfDKCEe0Xt0Z/ULsCOIbTj1Cw==
-----END EC PRIVATE KEY-----

"""
    static let goEd25519Key = """
-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEIPLwbfEhhV2bY5+fLFneZyFadcFBeQW97wbzPDtyzc6l
-----END PRIVATE KEY-----

"""
    static let goRSAKey = """
-----BEGIN RSA PRIVATE KEY-----
MIIEpAIBAAKCAQEA2rh9bsmhH/PRuzLPD9ytbhTNqQQVMUUOi++noYpncpCZ8jxs
3an1xaFRwfemXh+eubui4t3YHCKZhFos/iXfkhkDuP8l/8rPP8B6yG/D47riGdkF
+HaUmtHgKhhq53ksDZigH4ea912WNvWKAvkRZFmgj55zTRbfU1/pxabw1NxU9rFi
CcpkkrkZPoPBAXT+9bG5rat7jBx1ooSI9zltKrtDhATuUMIOQxIJevZg0uZeVDgR
lcfXt/QDxCffdGAvPr8d1B/k+2+3No0BszccOBipbBlAWvz8cI2++7d6wUmTzZak
Z3PhRt3a9D3DfYjJ/OHjy3LZQmaceWnt52UGtwIDAQABAoIBAGe6gTpOg4yszHW0
VgEWzmVblmGm3wobzxdMlDqHciIiM/Bu+c5ycW3F4QlVkuAmrNc3BrwDLB/DxPzA
63+opIwcMujEkNfr7jg058YxQzy4f8x0YWGBk16NVHuCUwjuLZdRH/d0D2lrR/dO
oaJhTv9BhmU2Z0ZTJ5zZ6vti/epkp66EPDXFbSHVwqiOoCmJVETzjJodipQWBd92
R2Gc+hViAm01m8ZUMO07D3pWVrNTyc0Yh3Xe1B3cr2l6LSAqWmTTLp+ffLuIWZKy
mcSe0rISsPmNsXzjbLg0i76gyTG0W0G+N7X66Ruf/aDpF4H4GrsgMGdYC/VQ7wll
0JS3tRECgYEA6n5bkG27G/bf0lhUDU6PLauQ9Laltr2W2QrzGR6Dc/PLR9QhWuY/
Edp5ebAtz6yvpqHXc+dKvUQPVGaDPyNjon7wb5zGDz+6XaEBnkNRBKyn+gLbQU4k
822cIPMT8O/Mgw9OIcJocxZ7+j/qbO1WAWDzZnFGiCvsLBBL1W9EufkCgYEA7sfN
VVHzRZ3kbNehSUPOsvwpkdftq9HznG57pPCvONbETFASrkakTPmXl5ja5JrMSK1o
dfYxkweu6AgozSMFzZX6OTOFH4yJezJ1GtBNe5HzvIenezpNVcVZSGnXlicR5mo1
fQizouo4/2k6H2T3y8UhppR51A/0sPMOYWQmci8CgYBmzAHj7NbLyYwRMDuYocnO
oZmoTbGTzMUmXNB5QJEr8cI5uNrueGVJtFbwa7WJhxBxoh1LaCexlPaLb2017pOt
FqzcoQOKh8txZDXLZYNM40u4JCxuEo3MUU7Sev1Q8C7dfYYo8orLeR3cdMyV9+1u
KUxKqnnbFDYykupLpL2iMQKBgQDZG/i6XDIrGX5p7MIswKe/nIIbps7mzJaJpPdt
qJ5ZuwVvMdtadMbNaqAIaiaVd57Jckqp/zliK7lAJrMamn6bSIPk4NBpODqFNwK9
Z6sb8UBCKsIAzKkmlLMyoXIxh8LB085gqrnTJs6+hSohA4g/0jVfpl8Dj6J4BfgM
W6iNZwKBgQDYn4zTpX4rwpTS+SZcTSXAkxHLYrfYb73JiaEu6lnQQoRIZTRm0uSz
4B4VAZZB4xGTk8ldGWmlr2cxSDz4njX/UEAL91Tq9Q9J0K2Dv6XF06rBs7SPfS7p
FZOFM09lb9ra2YQDQqYKGmSVwy/LwdefmFRH269NgLVnUTLQ/oP6aA==
-----END RSA PRIVATE KEY-----

"""
    static let goCertificateBase64 = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJoakNDQVMyZ0F3SUJBZ0lRVEJlcDFQQzNvaDhndUFqK1UrUG5QekFLQmdncWhrak9QUVFEQWpBV01SUXcKRWdZRFZRUURFd3RsZUdGdGNHeGxMbU52YlRBZUZ3MHlOakV5TURJeU16TTFNVEJhRncweU56RXlNREl5TXpNMQpNVEJhTUJZeEZEQVNCZ05WQkFNVEMyVjRZVzF3YkdVdVkyOXRNRmt3RXdZSEtvWkl6ajBDQVFZSUtvWkl6ajBECkFRY0RRZ0FFQTFrYmxXOWRZTXVqN0g4OG0xOE5Fa1ROZGRQMUtzN0JCRU9jRzBuZjMwemJ0L1Vqa1NKQzVKUWYKYWFiS0lrZkRLQ0VlMFh0MFovVUxzQ09JYlRqMUM2TmRNRnN3RGdZRFZSMFBBUUgvQkFRREFnV2dNQjBHQTFVZApKUVFXTUJRR0NDc0dBUVVGQndNQkJnZ3JCZ0VGQlFjREFqQU1CZ05WSFJNQkFmOEVBakFBTUJ3R0ExVWRFUVFWCk1CT0NDMlY0WVcxd2JHVXVZMjl0aHdRS0FBQUJNQW9HQ0NxR1NNNDlCQU1DQTBjQU1FUUNJQWgvODhkNWEzRk4KS0txMzQ3SGxwNVJLZmh6MzhvZkQvVlFMUzFuSmNqMGdBaUErYy9RR0V0cy9DMzZPUDFiQmJ0a0luWkV4T2JaaAprdVhiUHNERHlhMXdtZz09Ci0tLS0tRU5EIENFUlRJRklDQVRFLS0tLS0K"
    static let goKeyBase64 = "LS0tLS1CRUdJTiBFQyBQUklWQVRFIEtFWS0tLS0tCk1IY0NBUUVFSU1mak1KYVF1NjdsclU3dnhRd0tHOUVqYWlId000dThlN0JMVlFuTEVmNnVvQW9HQ0NxR1NNNDkKQXdFSG9VUURRZ0FFQTFrYmxXOWRZTXVqN0g4OG0xOE5Fa1ROZGRQMUtzN0JCRU9jRzBuZjMwemJ0L1Vqa1NKQwo1SlFmYWFiS0lrZkRLQ0VlMFh0MFovVUxzQ09JYlRqMUN3PT0KLS0tLS1FTkQgRUMgUFJJVkFURSBLRVktLS0tLQo="

    private func certificate(_ value: Value) throws -> (cert: String, key: String) {
        guard case .object(let object) = value.storage else { throw FunctionError("not an object: \(value.storage)") }
        XCTAssertEqual(object.goType.description, "sprig.certificate")
        let cert = stringResult(try XCTUnwrap(try object.member("Cert")))
        let key = stringResult(try XCTUnwrap(try object.member("Key")))
        return (cert, key)
    }

    func testGoKeysComeBackInGoPEMForm() throws {
        for key in [Self.goECKey, Self.goEd25519Key, Self.goRSAKey] {
            let made = try certificate(
                try callSprig(functions, "genSelfSignedCertWithKey", .string("example.com"), .list([.string("10.0.0.1")]),
                              .list([.string("example.com")]), .int(365), .string(key)))
            XCTAssertEqual(made.key, key)
            let parsed = try Certificate(pemEncoded: made.cert)
            XCTAssertTrue(parsed.publicKey.isValidSignature(parsed.signature, for: parsed))
            XCTAssertEqual(parsed.subject.description, "CN=example.com")
            let names = try XCTUnwrap(try parsed.extensions.subjectAlternativeNames)
            XCTAssertEqual(Array(names).count, 2)
            XCTAssertEqual(try parsed.extensions.basicConstraints, .notCertificateAuthority)
        }
    }

    func testCertificateAuthorityAndSignedCertificate() throws {
        let authority = try callSprig(functions, "genCAWithKey", .string("my-ca"), .int(30), .string(Self.goECKey))
        let ca = try certificate(authority)
        let caCertificate = try Certificate(pemEncoded: ca.cert)
        XCTAssertTrue(caCertificate.publicKey.isValidSignature(caCertificate.signature, for: caCertificate))
        XCTAssertEqual(try caCertificate.extensions.basicConstraints, .isCertificateAuthority(maxPathLength: nil))
        XCTAssertEqual(try caCertificate.extensions.keyUsage?.keyCertSign, true)
        let lifetime = caCertificate.notValidAfter.timeIntervalSince(caCertificate.notValidBefore)
        XCTAssertEqual(lifetime, 30 * 86_400)

        let signed = try certificate(
            try callSprig(functions, "genSignedCertWithKey", .string("leaf"), .nil, .list([.string("leaf.example")]), .int(1),
                          authority, .string(Self.goEd25519Key)))
        XCTAssertEqual(signed.key, Self.goEd25519Key)
        let leaf = try Certificate(pemEncoded: signed.cert)
        XCTAssertEqual(leaf.issuer, caCertificate.subject)
        XCTAssertTrue(caCertificate.publicKey.isValidSignature(leaf.signature, for: leaf))
        XCTAssertEqual(
            try leaf.extensions.authorityKeyIdentifier?.keyIdentifier,
            try caCertificate.extensions.subjectKeyIdentifier?.keyIdentifier)
    }

    func testGeneratedRSACertificates() throws {
        let ca = try callSprig(functions, "genCA", .string("ca"), .int(10))
        let caCertificate = try Certificate(pemEncoded: try certificate(ca).cert)
        let leaf = try certificate(
            try callSprig(functions, "genSignedCert", .string("svc"), .list([.string("::ffff:1.2.3.4")]), .nil, .int(5), ca))
        let leafCertificate = try Certificate(pemEncoded: leaf.cert)
        XCTAssertTrue(caCertificate.publicKey.isValidSignature(leafCertificate.signature, for: leafCertificate))
        XCTAssertTrue(leaf.key.hasPrefix("-----BEGIN RSA PRIVATE KEY-----\n"))
        guard case .rsa(let key) = try SprigPrivateKey.parse(pem: leaf.key) else { return XCTFail("not RSA") }
        XCTAssertEqual(key.keySizeInBits, 2048)
        XCTAssertFalse(functions["genCA"]!.isDeterministic)
    }

    func testGeneratedPrivateKeys() throws {
        let ecdsa = stringResult(try callSprig(functions, "genPrivateKey", .string("ecdsa")))
        XCTAssertTrue(ecdsa.hasPrefix("-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEI"), ecdsa)
        guard case .p256 = try SprigPrivateKey.parse(pem: ecdsa) else { return XCTFail("not P-256") }
        let ed25519 = stringResult(try callSprig(functions, "genPrivateKey", .string("ed25519")))
        XCTAssertTrue(ed25519.hasPrefix("-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEI"), ed25519)
        guard case .ed25519 = try SprigPrivateKey.parse(pem: ed25519) else { return XCTFail("not Ed25519") }
        XCTAssertEqual(stringResult(try callSprig(functions, "genPrivateKey", .string("foo"))), "Unknown type foo")
        XCTAssertFalse(functions["genPrivateKey"]!.isDeterministic)
    }

    func testBuildCustomCertOfGoCertificate() throws {
        let built = try certificate(
            try callSprig(functions, "buildCustomCert", .string(Self.goCertificateBase64), .string(Self.goKeyBase64)))
        XCTAssertEqual(built.key, Self.goECKey)
        XCTAssertTrue(built.cert.hasPrefix("-----BEGIN CERTIFICATE-----\n"))
        XCTAssertEqual(
            sprigErrorMessage { try callSprig(functions, "buildCustomCert", .string("!!"), .string("")) },
            "unable to decode base64 certificate")
        XCTAssertEqual(
            sprigErrorMessage { try callSprig(functions, "buildCustomCert", .string("YWJj"), .string("YWJj")) },
            "unable to decode certificate")
    }

    func testErrorsCarrySprigTexts() {
        let cases: [(String, [Value], String)] = [
            ("genSelfSignedCert", [.string("x"), .list([.string("1.2.3")]), .nil, .int(1)], "error parsing ip: 1.2.3"),
            ("genSelfSignedCert", [.string("x"), .list([.int(5)]), .nil, .int(1)], "error parsing ip: 5 is not a string"),
            ("genSelfSignedCert", [.string("x"), .nil, .list([.int(5)]), .int(1)],
             "error processing alternate dns name: 5 is not a string"),
            ("genCAWithKey", [.string("x"), .int(1), .string("junk")], "parsing private key: no PEM data in input"),
            ("genCAWithKey", [.string("x"), .int(1), .string("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")],
             "parsing private key: no private key data in PEM block of type CERTIFICATE"),
            ("genCAWithKey", [.string("x"), .int(1), .string("-----BEGIN FOO PRIVATE KEY-----\nAAAA\n-----END FOO PRIVATE KEY-----\n")],
             "parsing private key: invalid private key type FOO PRIVATE KEY"),
        ]
        for (name, arguments, message) in cases {
            XCTAssertEqual(sprigErrorMessage { try functions[name]!.body(arguments, FunctionContext()) }, message, name)
        }
    }
}
