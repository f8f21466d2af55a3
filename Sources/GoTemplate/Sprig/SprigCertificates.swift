import Crypto
import Foundation
import _CryptoExtras
import SwiftASN1
import X509

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// sprig's key and certificate functions: `genPrivateKey`, `buildCustomCert`, `genCA`, `genCAWithKey`,
/// `genSelfSignedCert`, `genSelfSignedCertWithKey`, `genSignedCert`, `genSignedCertWithKey`. Certificates follow
/// sprig's template (a random 128-bit serial, the common name as subject, key encipherment and digital
/// signature, server and client authentication, a CA's certificate signing) and come back as a
/// `sprig.certificate` with PEM `.Cert` and `.Key`.
enum SprigCertificates {
    static let certificateType = GoType.named("sprig.certificate")

    static var functions: FunctionMap {
        let list = GoType.slice(.interface)
        return [
            "genPrivateKey": TemplateFunction(parameters: [.string], result: .string, isDeterministic: false) { arguments, _ in
                .string(generatePrivateKey(arguments[0].stringArgument))
            },
            "buildCustomCert": TemplateFunction(parameters: [.string, .string], result: certificateType) { arguments, _ in
                try buildCustomCertificate(certificate: arguments[0].stringArgument, key: arguments[1].stringArgument)
            },
            "genCA": TemplateFunction(parameters: [.string, .int], result: certificateType, isDeterministic: false) { arguments, _ in
                try generate(name: arguments[0].stringArgument, ips: .nil, dnsNames: .nil, days: arguments[1].intArgument,
                             key: try rsaKey(), isAuthority: true, signer: nil)
            },
            "genCAWithKey": TemplateFunction(parameters: [.string, .int, .string], result: certificateType, isDeterministic: false) { arguments, _ in
                try generate(name: arguments[0].stringArgument, ips: .nil, dnsNames: .nil, days: arguments[1].intArgument,
                             key: try providedKey(arguments[2]), isAuthority: true, signer: nil)
            },
            "genSelfSignedCert": TemplateFunction(parameters: [.string, list, list, .int], result: certificateType, isDeterministic: false) {
                arguments, _ in
                try generate(name: arguments[0].stringArgument, ips: arguments[1], dnsNames: arguments[2], days: arguments[3].intArgument,
                             key: try rsaKey(), isAuthority: false, signer: nil)
            },
            "genSelfSignedCertWithKey": TemplateFunction(
                parameters: [.string, list, list, .int, .string], result: certificateType, isDeterministic: false
            ) { arguments, _ in
                try generate(name: arguments[0].stringArgument, ips: arguments[1], dnsNames: arguments[2], days: arguments[3].intArgument,
                             key: try providedKey(arguments[4]), isAuthority: false, signer: nil)
            },
            "genSignedCert": TemplateFunction(
                parameters: [.string, list, list, .int, certificateType], result: certificateType, isDeterministic: false
            ) { arguments, _ in
                let signer = try authority(arguments[4])
                return try generate(name: arguments[0].stringArgument, ips: arguments[1], dnsNames: arguments[2],
                                    days: arguments[3].intArgument, key: try rsaKey(), isAuthority: false, signer: signer)
            },
            "genSignedCertWithKey": TemplateFunction(
                parameters: [.string, list, list, .int, certificateType, .string], result: certificateType, isDeterministic: false
            ) { arguments, _ in
                let signer = try authority(arguments[4])
                return try generate(name: arguments[0].stringArgument, ips: arguments[1], dnsNames: arguments[2],
                                    days: arguments[3].intArgument, key: try providedKey(arguments[5]), isAuthority: false, signer: signer)
            },
        ]
    }

    /// sprig's `generatePrivateKey`: RSA 4096 (also for `""`), ECDSA P-256 or Ed25519, as PEM; an unknown type
    /// gives `Unknown type …` as the result. DSA is not supported.
    static func generatePrivateKey(_ type: String) -> String {
        do {
            switch type {
            case "", "rsa": return SprigPrivateKey.rsa(try _RSA.Signing.PrivateKey(keySize: .bits4096)).pem
            case "ecdsa": return SprigPrivateKey.p256(P256.Signing.PrivateKey()).pem
            case "ed25519": return SprigPrivateKey.ed25519(Curve25519.Signing.PrivateKey()).pem
            case "dsa": return "failed to generate dsa params: DSA keys are not supported"
            default: return "Unknown type " + type
            }
        } catch {
            return "failed to generate private key: \(error)"
        }
    }

    private static func rsaKey() throws -> SprigPrivateKey {
        do {
            return .rsa(try _RSA.Signing.PrivateKey(keySize: .bits2048))
        } catch {
            throw FunctionError("error generating rsa key: \(error)")
        }
    }

    private static func providedKey(_ argument: Value) throws -> SprigPrivateKey {
        do {
            return try SprigPrivateKey.parse(pem: argument.stringArgument)
        } catch let error as FunctionError {
            throw FunctionError("parsing private key: \(error.message)")
        }
    }

    /// The CA of `genSignedCert`: its parsed certificate and key.
    private static func authority(_ argument: Value) throws -> (Certificate, SprigPrivateKey) {
        guard case .object(let object as CertificateObject) = argument.storage else {
            throw FunctionError("unable to decode certificate")
        }
        guard let (_, bytes) = SprigPrivateKey.decodePEM(object.certificate) else { throw FunctionError("unable to decode certificate") }
        let certificate: Certificate
        do {
            certificate = try Certificate(derEncoded: bytes)
        } catch {
            throw FunctionError("error parsing certificate: decodedSignerCert.Bytes: \(error)")
        }
        do {
            return (certificate, try SprigPrivateKey.parse(pem: object.key))
        } catch let error as FunctionError {
            throw FunctionError("error parsing private key: \(error.message)")
        }
    }

    /// sprig's `buildCustomCertificate`: checks a base64 PEM certificate and key and returns them decoded.
    private static func buildCustomCertificate(certificate: String, key: String) throws -> Value {
        guard case .success(let certificateBytes) = GoBaseEncoding.base64Decode(Array(certificate.utf8)) else {
            throw FunctionError("unable to decode base64 certificate")
        }
        guard case .success(let keyBytes) = GoBaseEncoding.base64Decode(Array(key.utf8)) else {
            throw FunctionError("unable to decode base64 private key")
        }
        let certificateText = String(decoding: certificateBytes, as: UTF8.self)
        let keyText = String(decoding: keyBytes, as: UTF8.self)
        guard let (_, der) = SprigPrivateKey.decodePEM(certificateText) else { throw FunctionError("unable to decode certificate") }
        do {
            _ = try Certificate(derEncoded: der)
        } catch {
            throw FunctionError("error parsing certificate: decodedCert.Bytes: \(error)")
        }
        do {
            _ = try SprigPrivateKey.parse(pem: keyText)
        } catch let error as FunctionError {
            throw FunctionError("error parsing private key: \(error.message)")
        }
        return Value(.object(CertificateObject(certificate: certificateText, key: keyText)))
    }

    /// sprig's `getBaseCertTemplate` and `getCertAndKey`.
    private static func generate(
        name: String, ips: Value, dnsNames: Value, days: Int, key: SprigPrivateKey, isAuthority: Bool,
        signer: (Certificate, SprigPrivateKey)?
    ) throws -> Value {
        var alternativeNames: [GeneralName] = []
        for item in elements(of: ips) {
            guard let text = item.goStringText else {
                throw FunctionError("error parsing ip: \(GoFormat.formatValue(item)) is not a string")
            }
            guard let address = ipAddressBytes(text) else { throw FunctionError("error parsing ip: \(text)") }
            alternativeNames.append(.ipAddress(ASN1OctetString(contentBytes: address[...])))
        }
        var dnsEntries: [GeneralName] = []
        for item in elements(of: dnsNames) {
            guard let text = item.goStringText else {
                throw FunctionError("error processing alternate dns name: \(GoFormat.formatValue(item)) is not a string")
            }
            dnsEntries.append(.dnsName(text))
        }
        // Go writes DNS names before IP addresses.
        alternativeNames = dnsEntries + alternativeNames
        var serial = [UInt8](repeating: 0, count: 16)
        var generator = SystemRandomNumberGenerator()
        for index in serial.indices { serial[index] = UInt8.random(in: 0...255, using: &generator) }
        let now = Date()
        let notBefore = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        let notAfter = notBefore.addingTimeInterval(Double(days) * 86_400)
        do {
            let subject = try DistinguishedName { CommonName(name) }
            let publicKey = key.certificateKey.publicKey
            var extensions: [Certificate.Extension] = [
                try Certificate.Extension(
                    KeyUsage(digitalSignature: true, keyEncipherment: true, keyCertSign: isAuthority), critical: true),
                try Certificate.Extension(ExtendedKeyUsage([.serverAuth, .clientAuth]), critical: false),
                try Certificate.Extension(
                    isAuthority ? BasicConstraints.isCertificateAuthority(maxPathLength: nil) : .notCertificateAuthority,
                    critical: true),
            ]
            if isAuthority {
                extensions.append(try Certificate.Extension(SubjectKeyIdentifier(hash: publicKey), critical: false))
            }
            if let (authority, _) = signer, let identifier = try? authority.extensions.subjectKeyIdentifier {
                extensions.append(
                    try Certificate.Extension(AuthorityKeyIdentifier(keyIdentifier: identifier.keyIdentifier), critical: false))
            }
            if !alternativeNames.isEmpty {
                extensions.append(try Certificate.Extension(SubjectAlternativeNames(alternativeNames), critical: false))
            }
            let certificate = try Certificate(
                version: .v3, serialNumber: Certificate.SerialNumber(bytes: serial), publicKey: publicKey,
                notValidBefore: notBefore, notValidAfter: notAfter, issuer: signer?.0.subject ?? subject, subject: subject,
                extensions: try Certificate.Extensions(extensions), issuerPrivateKey: (signer?.1 ?? key).certificateKey)
            var serializer = DER.Serializer()
            try serializer.serialize(certificate)
            return Value(.object(CertificateObject(
                certificate: SprigPrivateKey.pem(type: "CERTIFICATE", serializer.serializedBytes), key: key.pem)))
        } catch let error as FunctionError {
            throw error
        } catch {
            throw FunctionError("error creating certificate: \(error)")
        }
    }

    private static func elements(of value: Value) -> [Value] {
        if case .list(let items, _) = value.storage { return items }
        return []
    }

    /// Go's `net.ParseIP` as x509 writes it: four bytes for IPv4 (also IPv4-mapped IPv6), sixteen otherwise.
    static func ipAddressBytes(_ text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { Array($0) }
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, text, &v6) == 1 else { return nil }
        let bytes = withUnsafeBytes(of: &v6) { Array($0) }
        if bytes.prefix(10).allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF { return Array(bytes.suffix(4)) }
        return bytes
    }
}

/// sprig's `certificate` struct: `.Cert` and `.Key`, PEM text.
struct CertificateObject: GoObject {
    let certificate: String
    let key: String

    var goType: GoType { SprigCertificates.certificateType }
    var goKind: String { "struct" }
    var formatted: String { "{\(certificate) \(key)}" }
    var jsonValue: Value? { .map(["Cert": .string(certificate), "Key": .string(key)]) }

    func member(_ name: String) throws -> Value? {
        switch name {
        case "Cert": return .string(certificate)
        case "Key": return .string(key)
        default: return nil
        }
    }
}
