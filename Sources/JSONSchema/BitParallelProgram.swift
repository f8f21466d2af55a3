/// A `LinearRegex` program of at most 64 instructions run with its states as bits of one word:
/// each step is a mask for the code point (a table lookup for ASCII) and the union of precomputed
/// closures, with no allocation and no per-state bookkeeping.
struct BitParallelProgram: Sendable {
    /// Per ASCII code point, the consuming states that accept it.
    private let asciiAccepts: [UInt64]
    /// The consuming states, and their sets for code points above ASCII.
    private let consuming: UInt64
    private let sets: [ScalarSet?]
    /// States reachable without consuming from `pc` (at index `2 * pc + (atEnd ? 1 : 0)`), away from the start.
    private let closures: [UInt64]
    /// The same from state 0, at the start of the text (index 0 or 1 by `atEnd`).
    private let startClosures: [UInt64]
    private let matchState: UInt64
    private let anchoredAtStart: Bool
    /// For a pattern anchored at the start that cannot match the empty prefix: the ASCII bytes a
    /// non-empty text may begin with (bit `b` of word `b / 64`). A text starting with another ASCII
    /// byte is rejected at once, as `^[@$_#]` rejects most property names.
    private let firstBytes: (UInt64, UInt64)?

    init?(_ program: [LinearRegex.Instruction], sets: [ScalarSet]) {
        guard program.count <= 64 else { return nil }
        var accepts = [UInt64](repeating: 0, count: 128)
        var consuming: UInt64 = 0
        var stateSets = [ScalarSet?](repeating: nil, count: program.count)
        var matchState: UInt64 = 0
        for (pc, instruction) in program.enumerated() {
            switch instruction {
            case .consume(let index):
                consuming |= 1 << UInt64(pc)
                stateSets[pc] = sets[index]
                for value in 0..<UInt32(128) where sets[index].contains(value) { accepts[Int(value)] |= 1 << UInt64(pc) }
            case .match:
                matchState |= 1 << UInt64(pc)
            default:
                break
            }
        }
        var closures = [UInt64](repeating: 0, count: 2 * (program.count + 1))
        for pc in 0..<program.count {
            closures[2 * pc] = BitParallelProgram.closure(program, from: pc, atStart: false, atEnd: false)
            closures[2 * pc + 1] = BitParallelProgram.closure(program, from: pc, atStart: false, atEnd: true)
        }
        startClosures = [
            BitParallelProgram.closure(program, from: 0, atStart: true, atEnd: false),
            BitParallelProgram.closure(program, from: 0, atStart: true, atEnd: true),
        ]
        self.asciiAccepts = accepts
        self.consuming = consuming
        self.sets = stateSets
        self.closures = closures
        self.matchState = matchState
        if case .atStart = program[0] { anchoredAtStart = true } else { anchoredAtStart = false }
        let start = startClosures[0]
        if anchoredAtStart && start & matchState == 0 {
            var allowed: (UInt64, UInt64) = (0, 0)
            for byte in 0..<128 where start & accepts[byte] != 0 {
                if byte < 64 { allowed.0 |= 1 << UInt64(byte) } else { allowed.1 |= 1 << UInt64(byte - 64) }
            }
            firstBytes = allowed
        } else {
            firstBytes = nil
        }
    }

    /// The consuming and match states reachable from `start` without consuming a code point.
    private static func closure(_ program: [LinearRegex.Instruction], from start: Int, atStart: Bool, atEnd: Bool) -> UInt64 {
        var visited: UInt64 = 0
        var result: UInt64 = 0
        var pending = [start]
        while let pc = pending.popLast() {
            guard visited & (1 << UInt64(pc)) == 0 else { continue }
            visited |= 1 << UInt64(pc)
            switch program[pc] {
            case .consume, .match: result |= 1 << UInt64(pc)
            case .split(let first, let second): pending.append(contentsOf: [second, first])
            case .jump(let target): pending.append(target)
            case .atStart: if atStart { pending.append(pc + 1) }
            case .atEnd: if atEnd { pending.append(pc + 1) }
            }
        }
        return result
    }

    /// True when the pattern matches somewhere in `text`.
    func search(_ text: String) -> Bool {
        if let firstBytes, let lead = text.utf8.first, lead < 0x80 {
            let allowed = lead < 64 ? firstBytes.0 & (1 << UInt64(lead)) : firstBytes.1 & (1 << UInt64(lead - 64))
            if allowed == 0 { return false }
        }
        if let found = text.utf8.withContiguousStorageIfAvailable({ search(utf8: $0) }) { return found }
        return Array(text.utf8).withUnsafeBufferPointer { search(utf8: $0) }
    }

    /// The search over UTF-8 bytes (always well formed: they come from a `String`), decoding code
    /// points as it goes.
    private func search(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        var position = 0
        var states = startClosures[count == 0 ? 1 : 0]
        return closures.withUnsafeBufferPointer { closures in
            asciiAccepts.withUnsafeBufferPointer { accepts in
                while true {
                    if states & matchState != 0 { return true }
                    guard position < count else { return false }
                    let lead = bytes[position]
                    var moving: UInt64
                    if lead < 0x80 {
                        position += 1
                        moving = states & accepts[Int(lead)]
                    } else {
                        let length = lead >= 0xF0 ? 4 : (lead >= 0xE0 ? 3 : 2)
                        guard position + length <= count else { return false }
                        var value = UInt32(lead) & (0x7F >> UInt32(length))
                        for offset in 1..<length { value = value << 6 | UInt32(bytes[position + offset] & 0x3F) }
                        position += length
                        moving = 0
                        var candidates = states & consuming
                        while candidates != 0 {
                            let pc = candidates.trailingZeroBitCount
                            candidates &= candidates - 1
                            if sets[pc]?.contains(value) == true { moving |= 1 << UInt64(pc) }
                        }
                    }
                    let endBit = position >= count ? 1 : 0
                    var next: UInt64 = 0
                    while moving != 0 {
                        let pc = moving.trailingZeroBitCount
                        moving &= moving - 1
                        next |= closures[2 * (pc + 1) + endBit]
                    }
                    // A match may also start at the next position, unless the pattern is anchored at the start.
                    if !anchoredAtStart { next |= closures[endBit] }
                    else if next == 0 { return false }
                    states = next
                }
            }
        }
    }
}
