import Crypto
import _CryptoExtras

/// sprig's `derivePassword`: the Master Password algorithm (scrypt of the master password with the user's name,
/// HMAC-SHA256 of the site and counter, characters picked from a template of the requested kind).
enum MasterPassword {
    private static let seed = Array("com.lyndir.masterpassword".utf8)

    private static let templates: [String: [String]] = [
        "maximum": ["anoxxxxxxxxxxxxxxxxx", "axxxxxxxxxxxxxxxxxno"],
        "long": [
            "CvcvnoCvcvCvcv", "CvcvCvcvnoCvcv", "CvcvCvcvCvcvno", "CvccnoCvcvCvcv", "CvccCvcvnoCvcv",
            "CvccCvcvCvcvno", "CvcvnoCvccCvcv", "CvcvCvccnoCvcv", "CvcvCvccCvcvno", "CvcvnoCvcvCvcc",
            "CvcvCvcvnoCvcc", "CvcvCvcvCvccno", "CvccnoCvccCvcv", "CvccCvccnoCvcv", "CvccCvccCvcvno",
            "CvcvnoCvccCvcc", "CvcvCvccnoCvcc", "CvcvCvccCvccno", "CvccnoCvcvCvcc", "CvccCvcvnoCvcc",
            "CvccCvcvCvccno",
        ],
        "medium": ["CvcnoCvc", "CvcCvcno"],
        "short": ["Cvcn"],
        "basic": ["aaanaaan", "aannaaan", "aaannaaa"],
        "pin": ["nnnn"],
    ]

    private static let characterClasses: [Character: [UInt8]] = [
        "V": Array("AEIOU".utf8),
        "C": Array("BCDFGHJKLMNPQRSTVWXYZ".utf8),
        "v": Array("aeiou".utf8),
        "c": Array("bcdfghjklmnpqrstvwxyz".utf8),
        "A": Array("AEIOUBCDFGHJKLMNPQRSTVWXYZ".utf8),
        "a": Array("AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz".utf8),
        "n": Array("0123456789".utf8),
        "o": Array("@&%?,=[]_:-+*$#!'^~;()/.".utf8),
        "x": Array("AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()".utf8),
    ]

    /// The password, user and site are the bytes of Go strings, valid UTF-8 or not.
    static func derive(counter: UInt32, template kind: String, password: [UInt8], user: [UInt8], site: [UInt8]) throws -> String {
        guard let candidates = templates[kind] else { return "cannot find password template \(kind)" }
        let salt = seed + bigEndian(UInt32(truncatingIfNeeded: user.count)) + user
        let key: SymmetricKey
        do {
            key = try KDF.Scrypt.deriveKey(
                from: password, salt: salt, outputByteCount: 64, rounds: 32768, blockSize: 8, parallelism: 2)
        } catch {
            return "failed to derive password: \(error)"
        }
        let message = seed + bigEndian(UInt32(truncatingIfNeeded: site.count)) + site + bigEndian(counter)
        let digest = Array(HMAC<SHA256>.authenticationCode(for: message, using: key))
        let template = candidates[Int(digest[0]) % candidates.count]
        var output = [UInt8]()
        for (index, kind) in template.enumerated() {
            guard let characters = characterClasses[kind] else { continue }
            output.append(characters[Int(digest[index + 1]) % characters.count])
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}
