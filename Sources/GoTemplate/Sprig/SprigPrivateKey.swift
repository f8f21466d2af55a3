import Crypto
import _CryptoExtras
import X509

/// A private key as sprig's key and certificate functions handle it, written in the PEM forms Go's
/// `pemBlockForKey` chooses (`RSA PRIVATE KEY` PKCS#1, `EC PRIVATE KEY` SEC1, `PRIVATE KEY` PKCS#8 for
/// Ed25519) and read as its `parsePrivateKeyPEM` reads them. DSA keys are not supported.
enum SprigPrivateKey {
    case rsa(_RSA.Signing.PrivateKey)
    case p256(P256.Signing.PrivateKey)
    case p384(P384.Signing.PrivateKey)
    case p521(P521.Signing.PrivateKey)
    case ed25519(Curve25519.Signing.PrivateKey)

    /// The key for signing certificates.
    var certificateKey: Certificate.PrivateKey {
        switch self {
        case .rsa(let key): return Certificate.PrivateKey(key)
        case .p256(let key): return Certificate.PrivateKey(key)
        case .p384(let key): return Certificate.PrivateKey(key)
        case .p521(let key): return Certificate.PrivateKey(key)
        case .ed25519(let key): return Certificate.PrivateKey(key)
        }
    }

    /// Go's `pem.EncodeToMemory(pemBlockForKey(key))`.
    var pem: String {
        switch self {
        case .rsa(let key): return Self.pem(type: "RSA PRIVATE KEY", Array(key.derRepresentation))
        case .p256(let key):
            return Self.pem(type: "EC PRIVATE KEY", Self.sec1(Array(key.rawRepresentation), curve: [0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07], publicKey: Array(key.publicKey.x963Representation)))
        case .p384(let key):
            return Self.pem(type: "EC PRIVATE KEY", Self.sec1(Array(key.rawRepresentation), curve: [0x2B, 0x81, 0x04, 0x00, 0x22], publicKey: Array(key.publicKey.x963Representation)))
        case .p521(let key):
            return Self.pem(type: "EC PRIVATE KEY", Self.sec1(Array(key.rawRepresentation), curve: [0x2B, 0x81, 0x04, 0x00, 0x23], publicKey: Array(key.publicKey.x963Representation)))
        case .ed25519(let key):
            return Self.pem(type: "PRIVATE KEY", Self.ed25519Prefix + Array(key.rawRepresentation))
        }
    }

    /// The PKCS#8 encoding of an Ed25519 key, up to its 32-byte seed.
    private static let ed25519Prefix: [UInt8] = [0x30, 0x2E, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20]

    /// Go's `x509.MarshalECPrivateKey`: version 1, the scalar, the named curve and the uncompressed public point.
    private static func sec1(_ scalar: [UInt8], curve: [UInt8], publicKey: [UInt8]) -> [UInt8] {
        DERWriter.element(0x30, DERWriter.element(0x02, [1]) + DERWriter.element(0x04, scalar) + DERWriter.element(0xA0, DERWriter.element(0x06, curve))
            + DERWriter.element(0xA1, DERWriter.element(0x03, [0] + publicKey)))
    }

    /// Go's `pem.Encode`: the base64 body in lines of 64 characters.
    static func pem(type: String, _ bytes: [UInt8]) -> String {
        let body = Array(GoBaseEncoding.base64Encode(bytes).utf8)
        var output = "-----BEGIN \(type)-----\n"
        var index = 0
        while index < body.count {
            output += String(decoding: body[index..<min(index + 64, body.count)], as: UTF8.self) + "\n"
            index += 64
        }
        return output + "-----END \(type)-----\n"
    }

    /// Go's `pem.Decode` of the first block: its type and bytes, or nil when the text has none.
    static func decodePEM(_ text: String) -> (type: String, bytes: [UInt8])? {
        guard let begin = text.range(of: "-----BEGIN "), let typeEnd = text[begin.upperBound...].range(of: "-----") else { return nil }
        let type = String(text[begin.upperBound..<typeEnd.lowerBound])
        guard let end = text[typeEnd.upperBound...].range(of: "-----END \(type)-----") else { return nil }
        let body = text[typeEnd.upperBound..<end.lowerBound].filter { !$0.isWhitespace }
        guard case .success(let bytes) = GoBaseEncoding.base64Decode(Array(body.utf8)) else { return nil }
        return (type, bytes)
    }

    /// sprig's `parsePrivateKeyPEM`, failing with its messages.
    static func parse(pem text: String) throws -> SprigPrivateKey {
        guard let (type, bytes) = decodePEM(text) else { throw FunctionError("no PEM data in input") }
        if type == "PRIVATE KEY" {
            if bytes.count == 48, Array(bytes.prefix(16)) == ed25519Prefix,
                let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: bytes.suffix(32))
            {
                return .ed25519(key)
            }
            if let key = ellipticKey(bytes) { return key }
            if let key = try? _RSA.Signing.PrivateKey(unsafeDERRepresentation: bytes) { return .rsa(key) }
            throw FunctionError("decoding PEM as PKCS#8: x509: failed to parse private key")
        }
        guard type.hasSuffix(" PRIVATE KEY") else { throw FunctionError("no private key data in PEM block of type \(type)") }
        switch type.dropLast(12) {
        case "RSA":
            guard let key = try? _RSA.Signing.PrivateKey(unsafeDERRepresentation: bytes) else {
                throw FunctionError("parsing RSA private key from PEM: x509: failed to parse private key")
            }
            return .rsa(key)
        case "EC":
            guard let key = ellipticKey(bytes) else {
                throw FunctionError("parsing EC private key from PEM: x509: failed to parse EC private key")
            }
            return key
        case "DSA":
            throw FunctionError("DSA keys are not supported")
        default:
            throw FunctionError("invalid private key type \(type)")
        }
    }

    private static func ellipticKey(_ bytes: [UInt8]) -> SprigPrivateKey? {
        if let key = try? P256.Signing.PrivateKey(derRepresentation: bytes) { return .p256(key) }
        if let key = try? P384.Signing.PrivateKey(derRepresentation: bytes) { return .p384(key) }
        if let key = try? P521.Signing.PrivateKey(derRepresentation: bytes) { return .p521(key) }
        return nil
    }
}

/// Just enough DER to write the key structures Go writes.
enum DERWriter {
    static func element(_ tag: UInt8, _ content: [UInt8]) -> [UInt8] {
        var length: [UInt8]
        if content.count < 0x80 {
            length = [UInt8(content.count)]
        } else {
            var bytes: [UInt8] = []
            var count = content.count
            while count > 0 {
                bytes.insert(UInt8(count & 0xFF), at: 0)
                count >>= 8
            }
            length = [0x80 | UInt8(bytes.count)] + bytes
        }
        return [tag] + length + content
    }
}
