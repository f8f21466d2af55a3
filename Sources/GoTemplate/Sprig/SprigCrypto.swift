import Crypto
import _CryptoExtras
import Foundation

/// sprig's hashes, passwords and symmetric encryption: `sha1sum`, `sha256sum`, `adler32sum`, `bcrypt`,
/// `htpasswd`, `derivePassword`, `encryptAES`, `decryptAES`, `randBytes`, `uuidv4`.
enum SprigCrypto {
    static var functions: FunctionMap {
        [
            "sha1sum": TemplateFunction(parameters: [.string], result: .string) { arguments, _ in
                .string(hexadecimal(Insecure.SHA1.hash(data: arguments[0].stringArgumentBytes)))
            },
            "sha256sum": TemplateFunction(parameters: [.string], result: .string) { arguments, _ in
                .string(hexadecimal(SHA256.hash(data: arguments[0].stringArgumentBytes)))
            },
            "adler32sum": TemplateFunction(parameters: [.string], result: .string) { arguments, _ in
                .string(String(adler32(arguments[0].stringArgumentBytes)))
            },
            "bcrypt": TemplateFunction(parameters: [.string], result: .string, isDeterministic: false) { arguments, _ in
                .string(Bcrypt.hash(password: arguments[0].stringArgumentBytes))
            },
            "htpasswd": TemplateFunction(parameters: [.string, .string], result: .string, isDeterministic: false) { arguments, _ in
                let user = arguments[0].stringArgument
                if user.contains(":") { return .string("invalid username: " + user) }
                return .string(user + ":" + Bcrypt.hash(password: arguments[1].stringArgumentBytes))
            },
            "derivePassword": TemplateFunction(
                parameters: [.integer(.uint32), .string, .string, .string, .string], result: .string
            ) { arguments, _ in
                .string(try MasterPassword.derive(
                    counter: UInt32(truncatingIfNeeded: arguments[0].intArgument), template: arguments[1].stringArgument,
                    password: arguments[2].stringArgumentBytes, user: arguments[3].stringArgumentBytes,
                    site: arguments[4].stringArgumentBytes))
            },
            "randBytes": TemplateFunction(parameters: [.int], result: .string, isDeterministic: false) { arguments, context in
                let count = arguments[0].intArgument
                guard count >= 0 else { throw FunctionError("runtime error: makeslice: len out of range") }
                guard count <= context.maximumResultSize else {
                    throw FunctionError("randBytes: \(count) bytes exceed the result size limit of \(context.maximumResultSize)")
                }
                var generator = SystemRandomNumberGenerator()
                return .string(GoBaseEncoding.base64Encode((0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }))
            },
            "uuidv4": TemplateFunction(parameters: [], result: .string, isDeterministic: false) { _, _ in
                .string(UUID().uuidString.lowercased())
            },
            "encryptAES": TemplateFunction(parameters: [.string, .string], result: .string, isDeterministic: false) { arguments, _ in
                .string(try encryptAES(password: arguments[0].stringArgumentBytes, plaintext: arguments[1].stringArgumentBytes))
            },
            "decryptAES": TemplateFunction(parameters: [.string, .string], result: .string) { arguments, _ in
                .goString(try decryptAES(password: arguments[0].stringArgumentBytes, encoded: arguments[1].stringArgumentBytes))
            },
        ]
    }

    static func hexadecimal<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var output = [UInt8]()
        for byte in digest {
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Go's `hash/adler32.Checksum`.
    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        return b << 16 | a
    }

    /// The password, truncated or zero-padded to 32 bytes: an AES-256 key, as sprig makes it.
    private static func aesKey(_ password: [UInt8]) -> SymmetricKey {
        var key = Array(password.prefix(32))
        key += [UInt8](repeating: 0, count: 32 - key.count)
        return SymmetricKey(data: key)
    }

    /// AES-256-CBC with PKCS#7 padding and a random IV in front, base64-encoded.
    static func encryptAES(password: [UInt8], plaintext: [UInt8]) throws -> String {
        if plaintext.isEmpty { return "" }
        var content = plaintext
        let padding = 16 - content.count % 16
        content += [UInt8](repeating: UInt8(padding), count: padding)
        let iv = AES._CBC.IV()
        do {
            let ciphertext = try AES._CBC.encrypt(content, using: aesKey(password), iv: iv, noPadding: true)
            return GoBaseEncoding.base64Encode(Array(iv) + Array(ciphertext))
        } catch {
            throw FunctionError("\(error)")
        }
    }

    /// The inverse of ``encryptAES(password:plaintext:)``, failing with the messages of Go's panics on
    /// malformed input.
    static func decryptAES(password: [UInt8], encoded: [UInt8]) throws -> [UInt8] {
        if encoded.isEmpty { return [] }
        let crypt: [UInt8]
        switch GoBaseEncoding.base64Decode(encoded) {
        case .success(let bytes): crypt = bytes
        case .failure(let error): throw FunctionError("illegal base64 data at input byte \(error.offset)")
        }
        guard crypt.count >= 16 else {
            throw FunctionError("runtime error: slice bounds out of range [:16] with capacity \(crypt.count)")
        }
        let body = Array(crypt[16...])
        guard body.count % 16 == 0 else { throw FunctionError("crypto/cipher: input not full blocks") }
        guard !body.isEmpty else { throw FunctionError("runtime error: index out of range [-1]") }
        let decrypted: [UInt8]
        do {
            let iv = try AES._CBC.IV(ivBytes: crypt[..<16])
            decrypted = Array(try AES._CBC.decrypt(body, using: aesKey(password), iv: iv, noPadding: true))
        } catch {
            throw FunctionError("\(error)")
        }
        let end = decrypted.count - Int(decrypted[decrypted.count - 1])
        guard end >= 0 else { throw FunctionError("runtime error: slice bounds out of range [:\(end)]") }
        return Array(decrypted[..<end])
    }
}
