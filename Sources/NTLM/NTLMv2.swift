import Crypto

/// The NTLMv2 computations of MS-NLMP 3.3.2, as go-ntlmssp performs them.
enum NTLMv2 {
    /// NTOWFv1: MD4 of the UTF-16LE password.
    static func ntHash(password: NTLMPassword) -> SecretBytes {
        SecretBytes(MD4.digest(UTF16LE.encode(password.clearText)))
    }

    /// NTOWFv2 (= ResponseKeyNT = ResponseKeyLM): HMAC-MD5 keyed with the NT hash over
    /// UTF-16LE(Upper(user) ‖ domain). Only the user is upper-cased, the Go way.
    static func responseKey(ntHash: SecretBytes, user: String, domain: String) -> SecretBytes {
        SecretBytes(hmacMD5(key: ntHash.bytes, UTF16LE.encode(GoUppercase.uppercased(user) + domain)))
    }

    /// The blob ("temp"): `01 01 Z(6) ‖ time ‖ clientChallenge ‖ Z(4) ‖ targetInfo ‖ Z(4)`.
    static func blob(time: [UInt8], clientChallenge: [UInt8], targetInfo: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = [0x01, 0x01, 0, 0, 0, 0, 0, 0]
        bytes += time
        bytes += clientChallenge
        bytes += [0, 0, 0, 0]
        bytes += targetInfo
        bytes += [0, 0, 0, 0]
        return bytes
    }

    /// NTProofStr: HMAC-MD5 keyed with the response key over serverChallenge ‖ blob.
    static func ntProof(responseKey: SecretBytes, serverChallenge: [UInt8], blob: [UInt8]) -> [UInt8] {
        hmacMD5(key: responseKey.bytes, serverChallenge + blob)
    }

    /// LMv2: HMAC-MD5(responseKey, serverChallenge ‖ clientChallenge) ‖ clientChallenge (24 bytes).
    static func lmv2Response(responseKey: SecretBytes, serverChallenge: [UInt8], clientChallenge: [UInt8]) -> [UInt8] {
        hmacMD5(key: responseKey.bytes, serverChallenge + clientChallenge) + clientChallenge
    }

    static func hmacMD5(key: [UInt8], _ message: [UInt8]) -> [UInt8] {
        Array(HMAC<Insecure.MD5>.authenticationCode(for: message, using: SymmetricKey(data: key)))
    }
}
