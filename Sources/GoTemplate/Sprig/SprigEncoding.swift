/// sprig's `b64enc`, `b64dec`, `b32enc`, `b32dec`: Go's standard padded alphabets. A decoding error is not a
/// template error: sprig returns its text (`illegal base64 data at input byte 4`) as the result.
///
/// The functions work on the bytes of Go strings: decoded bytes that are not valid UTF-8 stay as they are.
enum SprigEncoding {
    static var functions: FunctionMap {
        [
            "b64enc": TemplateFunction(parameters: [.string], result: .string) { arguments, _ in
                .string(GoBaseEncoding.base64Encode(arguments[0].stringArgumentBytes))
            },
            "b64dec": TemplateFunction(parameters: [.string], result: .string) { arguments, _ in
                switch GoBaseEncoding.base64Decode(arguments[0].stringArgumentBytes) {
                case .success(let bytes): return .goString(bytes)
                case .failure(let error): return .string("illegal base64 data at input byte \(error.offset)")
                }
            },
            "b32enc": TemplateFunction(parameters: [.string], result: .string) { arguments, _ in
                .string(GoBaseEncoding.base32Encode(arguments[0].stringArgumentBytes))
            },
            "b32dec": TemplateFunction(parameters: [.string], result: .string) { arguments, _ in
                switch GoBaseEncoding.base32Decode(arguments[0].stringArgumentBytes) {
                case .success(let bytes): return .goString(bytes)
                case .failure(let error): return .string("illegal base32 data at input byte \(error.offset)")
                }
            },
        ]
    }
}

/// Go's `encoding/base64.StdEncoding` and `encoding/base32.StdEncoding`, with their exact error offsets.
enum GoBaseEncoding {
    /// Go's `CorruptInputError`: the offset of the first byte that cannot be decoded.
    struct CorruptInput: Error { let offset: Int }

    private static let base64Alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private static let base32Alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)
    private static let padding = UInt8(ascii: "=")
    private static let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")

    private static func decodeTable(_ alphabet: [UInt8]) -> [UInt8] {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(index) }
        return table
    }
    private static let base64Table = decodeTable(base64Alphabet)
    private static let base32Table = decodeTable(base32Alphabet)

    static func base64Encode(_ bytes: [UInt8]) -> String {
        var output = [UInt8]()
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            var group: UInt32 = 0
            for (offset, byte) in chunk.enumerated() { group |= UInt32(byte) << (16 - 8 * offset) }
            for position in 0..<4 {
                if position <= chunk.count {
                    output.append(base64Alphabet[Int((group >> (18 - 6 * position)) & 0x3F)])
                } else {
                    output.append(padding)
                }
            }
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// `base64.StdEncoding.DecodeString`: newlines are skipped, padding is required.
    static func base64Decode(_ source: [UInt8]) -> Result<[UInt8], CorruptInput> {
        var output = [UInt8]()
        var index = 0
        while index < source.count {
            var quantum = [UInt8](repeating: 0, count: 4)
            var length = 4
            var trailingError: Int?
            var slot = 0
            quantumLoop: while slot < 4 {
                if index == source.count {
                    if slot == 0 { return .success(output) }
                    return .failure(CorruptInput(offset: index - slot))
                }
                let byte = source[index]
                index += 1
                let decoded = base64Table[Int(byte)]
                if decoded != 0xFF {
                    quantum[slot] = decoded
                    slot += 1
                    continue
                }
                if byte == newline || byte == carriageReturn { continue }
                guard byte == padding else { return .failure(CorruptInput(offset: index - 1)) }
                switch slot {
                case 0, 1:
                    return .failure(CorruptInput(offset: index - 1))
                case 2:
                    while index < source.count, source[index] == newline || source[index] == carriageReturn { index += 1 }
                    if index == source.count { return .failure(CorruptInput(offset: source.count)) }
                    if source[index] != padding { return .failure(CorruptInput(offset: index - 1)) }
                    index += 1
                default:
                    break
                }
                while index < source.count, source[index] == newline || source[index] == carriageReturn { index += 1 }
                if index < source.count { trailingError = index }
                length = slot
                break quantumLoop
            }
            let group = UInt32(quantum[0]) << 18 | UInt32(quantum[1]) << 12 | UInt32(quantum[2]) << 6 | UInt32(quantum[3])
            let decodedBytes = [UInt8(truncatingIfNeeded: group >> 16), UInt8(truncatingIfNeeded: group >> 8), UInt8(truncatingIfNeeded: group)]
            output.append(contentsOf: decodedBytes.prefix(length - 1))
            if let trailingError { return .failure(CorruptInput(offset: trailingError)) }
        }
        return .success(output)
    }

    static func base32Encode(_ bytes: [UInt8]) -> String {
        var output = [UInt8]()
        output.reserveCapacity((bytes.count + 4) / 5 * 8)
        let charactersForLength = [0, 2, 4, 5, 7, 8]
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 5, bytes.count)]
            var group: UInt64 = 0
            for (offset, byte) in chunk.enumerated() { group |= UInt64(byte) << (32 - 8 * offset) }
            let characters = charactersForLength[chunk.count]
            for position in 0..<8 {
                output.append(position < characters ? base32Alphabet[Int((group >> (35 - 5 * position)) & 0x1F)] : padding)
            }
            index += 5
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// `base32.StdEncoding.DecodeString`: newlines are removed first, padding is required.
    static func base32Decode(_ original: [UInt8]) -> Result<[UInt8], CorruptInput> {
        let source = original.filter { $0 != newline && $0 != carriageReturn }
        var output = [UInt8]()
        var remaining = source[...]
        let total = source.count
        var ended = false
        while !remaining.isEmpty && !ended {
            var quantum = [UInt8](repeating: 0, count: 8)
            var length = 8
            var slot = 0
            while slot < 8 {
                guard let byte = remaining.first else { return .failure(CorruptInput(offset: total - remaining.count - slot)) }
                remaining = remaining.dropFirst()
                if byte == padding && slot >= 2 && remaining.count < 8 {
                    if remaining.count + slot < 7 { return .failure(CorruptInput(offset: total)) }
                    for k in 0..<(7 - slot) where remaining.count > k && remaining[remaining.startIndex + k] != padding {
                        return .failure(CorruptInput(offset: total - remaining.count + k - 1))
                    }
                    length = slot
                    ended = true
                    if length == 1 || length == 3 || length == 6 {
                        return .failure(CorruptInput(offset: total - remaining.count - 1))
                    }
                    break
                }
                quantum[slot] = base32Table[Int(byte)]
                if quantum[slot] == 0xFF { return .failure(CorruptInput(offset: total - remaining.count - 1)) }
                slot += 1
            }
            var group: UInt64 = 0
            for value in quantum { group = group << 5 | UInt64(value) }
            let decoded = (0..<5).map { UInt8(truncatingIfNeeded: group >> (32 - 8 * $0)) }
            let byteCount = [8: 5, 7: 4, 5: 3, 4: 2, 2: 1][length] ?? 0
            output.append(contentsOf: decoded.prefix(byteCount))
        }
        return .success(output)
    }
}
