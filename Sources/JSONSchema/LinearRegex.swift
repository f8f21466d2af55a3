/// A pattern from the plain part of ECMA-262 (unicode mode) run as a set-of-states automaton over
/// code points: literals, classes, `.`, the `\d \w \s` sets, groups, alternation, anchors, and
/// quantifiers on single characters, and `?` on groups. Anything else
/// (look-around, back-references, `\b`, `\p{}`, named groups, nested repetition) makes `init`
/// return nil and the pattern stays with the full engine.
///
/// Whether a match exists does not depend on the order a backtracking engine tries alternatives
/// in, so the answer equals ECMA-262's; the work is linear in the text length times the pattern size.
struct LinearRegex: Sendable {
    enum Instruction: Sendable {
        /// Consume one code point in `sets[index]`.
        case consume(Int)
        case split(Int, Int)
        case jump(Int)
        case atStart
        case atEnd
        case match
    }

    private let program: [Instruction]
    private let sets: [ScalarSet]
    /// The same program as bit operations, when it is small enough.
    private let small: BitParallelProgram?
    /// True when the program begins with `^`, so only position 0 can start a match.
    private let anchoredAtStart: Bool
    /// For the work a backtracking engine could spend on this pattern: the number of unbounded
    /// quantifiers, and the product of bounded choices (alternatives, bounded repetition counts).
    private let unboundedQuantifiers: Int
    private let boundedChoices: Double

    private static let maximumProgram = 2_000

    init?(_ source: String) {
        var parser = Parser(scalars: Array(source.unicodeScalars))
        guard let tree = parser.parseAlternation(), parser.index == parser.scalars.count else { return nil }
        var builder = Builder()
        guard builder.emit(tree) else { return nil }
        builder.program.append(.match)
        guard builder.program.count <= LinearRegex.maximumProgram else { return nil }
        program = builder.program
        sets = builder.sets
        small = BitParallelProgram(builder.program, sets: builder.sets)
        if case .atStart = builder.program[0] { anchoredAtStart = true } else { anchoredAtStart = false }
        unboundedQuantifiers = parser.unboundedQuantifiers
        boundedChoices = parser.boundedChoices
    }

    /// A generous estimate of the steps a backtracking engine could need on a text of `length`
    /// code units; the caller keeps the full engine (and its work limit) when this is large, so
    /// a text that would have hit the limit still does.
    func backtrackingEstimate(length: Int) -> Double {
        let positions = Double(length + 1)
        var estimate = Double(program.count) * positions * boundedChoices
        for _ in 0..<unboundedQuantifiers { estimate *= positions }
        return estimate
    }

    /// True when the pattern matches somewhere in `text`.
    func search(_ text: String) -> Bool {
        if let small { return small.search(text) }
        return searchStateLists(text)
    }

    /// The general simulation, with explicit state lists.
    func searchStateLists(_ text: String) -> Bool {
        let count = program.count
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: count * 4) { storage in
            storage.initialize(repeating: -1)
            // Two state lists and the generation each program counter was last added in.
            var current = UnsafeMutableBufferPointer(rebasing: storage[0..<count])
            var next = UnsafeMutableBufferPointer(rebasing: storage[count..<(2 * count)])
            let marks = UnsafeMutableBufferPointer(rebasing: storage[(2 * count)..<(3 * count)])
            let stack = UnsafeMutableBufferPointer(rebasing: storage[(3 * count)..<(4 * count)])
            var currentCount = 0
            var generation = 0
            var iterator = text.unicodeScalars.makeIterator()
            var upcoming = iterator.next()
            var atStart = true
            while true {
                // Start a new attempt at this position, then close over the empty moves.
                if addClosure(0, into: current, count: &currentCount, marks: marks, stack: stack, generation: generation, atStart: atStart, atEnd: upcoming == nil) {
                    return true
                }
                guard let scalar = upcoming else { return false }
                upcoming = iterator.next()
                generation += 1
                var nextCount = 0
                for slot in 0..<currentCount {
                    guard case .consume(let set) = program[current[slot]], sets[set].contains(scalar.value) else { continue }
                    if addClosure(current[slot] + 1, into: next, count: &nextCount, marks: marks, stack: stack, generation: generation, atStart: false, atEnd: upcoming == nil) {
                        return true
                    }
                }
                swap(&current, &next)
                currentCount = nextCount
                atStart = false
                // A pattern that starts with `^` cannot start matching anywhere else.
                if anchoredAtStart && currentCount == 0 { return false }
            }
        }
    }

    /// Adds `start` and every state reachable from it without consuming, keeping the consuming ones.
    /// Returns true when the match state is reachable. A state is pushed at most once per generation,
    /// so neither the list nor the stack can hold more than the program's size.
    private func addClosure(_ start: Int, into list: UnsafeMutableBufferPointer<Int>, count: inout Int, marks: UnsafeMutableBufferPointer<Int>, stack: UnsafeMutableBufferPointer<Int>, generation: Int, atStart: Bool, atEnd: Bool) -> Bool {
        var depth = 0
        func push(_ pc: Int) {
            guard marks[pc] != generation else { return }
            marks[pc] = generation
            stack[depth] = pc
            depth += 1
        }
        push(start)
        while depth > 0 {
            depth -= 1
            let pc = stack[depth]
            switch program[pc] {
            case .consume:
                list[count] = pc
                count += 1
            case .split(let first, let second):
                push(second)
                push(first)
            case .jump(let target):
                push(target)
            case .atStart:
                if atStart { push(pc + 1) }
            case .atEnd:
                if atEnd { push(pc + 1) }
            case .match:
                return true
            }
        }
        return false
    }
}

extension LinearRegex {
    /// The parsed pattern.
    indirect enum Tree {
        case characters(ScalarSet)
        case start
        case end
        case sequence([Tree])
        case alternatives([Tree])
        case repetition(Tree, minimum: Int, maximum: Int?)
    }

    /// Recursive descent over the subset; every `nil` means "not in the subset".
    struct Parser {
        let scalars: [Unicode.Scalar]
        var index = 0
        var unboundedQuantifiers = 0
        var boundedChoices = 1.0
        private var groupDepth = 0
        private static let maximumGroupDepth = 32
        private static let maximumCount = 1_000

        init(scalars: [Unicode.Scalar]) {
            self.scalars = scalars
        }

        private var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

        mutating func parseAlternation() -> Tree? {
            var branches: [Tree] = []
            while true {
                guard let branch = parseSequence() else { return nil }
                branches.append(branch)
                guard peek == "|" else { break }
                index += 1
            }
            if branches.count == 1 { return branches[0] }
            boundedChoices = min(boundedChoices * Double(branches.count), 1e18)
            return .alternatives(branches)
        }

        private mutating func parseSequence() -> Tree? {
            var parts: [Tree] = []
            while let scalar = peek, scalar != "|", scalar != ")" {
                guard let part = parseQuantified() else { return nil }
                parts.append(part)
            }
            return .sequence(parts)
        }

        private mutating func parseQuantified() -> Tree? {
            guard let atom = parseAtom() else { return nil }
            guard let scalar = peek else { return atom }
            var minimum = 0
            var maximum: Int?
            switch scalar {
            case "*":
                index += 1
            case "+":
                minimum = 1
                index += 1
            case "?":
                maximum = 1
                index += 1
            case "{":
                guard let (low, high) = parseCount() else { return nil }
                minimum = low
                maximum = high
            default:
                return atom
            }
            if index < scalars.count, scalars[index] == "?" { index += 1 }
            switch atom {
            case .characters:
                break
            case .sequence, .alternatives:
                // A group may only be optional: repeating a group is where backtracking engines
                // explode, and their work limit must keep deciding those cases.
                guard minimum == 0, maximum == 1 else { return nil }
            case .start, .end, .repetition:
                return nil
            }
            if let maximum {
                boundedChoices = min(boundedChoices * Double(maximum + 1), 1e18)
            } else {
                unboundedQuantifiers += 1
            }
            return .repetition(atom, minimum: minimum, maximum: maximum)
        }

        /// `{n}`, `{n,}` or `{n,m}` with the brace not yet consumed.
        private mutating func parseCount() -> (Int, Int?)? {
            index += 1
            guard let low = parseNumber() else { return nil }
            var high: Int? = low
            if peek == "," {
                index += 1
                high = peek == "}" ? nil : parseNumber()
                if high == nil && peek != "}" { return nil }
            }
            guard peek == "}" else { return nil }
            index += 1
            if let high, high < low { return nil }
            return (low, high)
        }

        private mutating func parseNumber() -> Int? {
            var value = 0
            var digits = 0
            while let scalar = peek, scalar.isASCIIDigit {
                value = value * 10 + Int(scalar.value - 0x30)
                digits += 1
                index += 1
                if value > Parser.maximumCount { return nil }
            }
            return digits > 0 ? value : nil
        }

        private mutating func parseAtom() -> Tree? {
            guard let scalar = peek else { return nil }
            index += 1
            switch scalar {
            case "^": return .start
            case "$": return .end
            case ".": return .characters(ScalarSet(ScalarSet.lineTerminatorRanges, negated: true))
            case "(":
                if peek == "?" {
                    guard index + 1 < scalars.count, scalars[index + 1] == ":" else { return nil }
                    index += 2
                }
                groupDepth += 1
                guard groupDepth <= Parser.maximumGroupDepth, let inner = parseAlternation(), peek == ")" else { return nil }
                groupDepth -= 1
                index += 1
                return inner
            case "[":
                return parseClass().map { .characters($0) }
            case "\\":
                guard let escaped = parseEscape(inClass: false) else { return nil }
                return .characters(ScalarSet(escaped.ranges, negated: escaped.negated))
            case "*", "+", "?", "{", "}", "]", ")", "|":
                return nil
            default:
                return .characters(ScalarSet([CodePointRange(single: scalar.value)]))
            }
        }

        /// What an escape stands for: ranges (complemented when `negated`), and whether it is a single code point.
        private struct Escape {
            var ranges: [CodePointRange]
            var negated = false
            var single: UInt32?
        }

        /// An escape with the backslash consumed.
        private mutating func parseEscape(inClass: Bool) -> Escape? {
            guard let scalar = peek else { return nil }
            index += 1
            func single(_ value: UInt32) -> Escape { Escape(ranges: [CodePointRange(single: value)], single: value) }
            switch scalar {
            case "d": return Escape(ranges: ScalarSet.digitRanges)
            case "D": return Escape(ranges: ScalarSet.digitRanges, negated: true)
            case "w": return Escape(ranges: ScalarSet.wordRanges)
            case "W": return Escape(ranges: ScalarSet.wordRanges, negated: true)
            case "s": return Escape(ranges: ScalarSet.spaceRanges)
            case "S": return Escape(ranges: ScalarSet.spaceRanges, negated: true)
            case "t": return single(0x09)
            case "n": return single(0x0A)
            case "v": return single(0x0B)
            case "f": return single(0x0C)
            case "r": return single(0x0D)
            case "b": return inClass ? single(0x08) : nil
            case "0":
                if let next = peek, next.isASCIIDigit { return nil }
                return single(0)
            case "x":
                guard let value = parseHex(digits: 2) else { return nil }
                return single(value)
            case "u":
                if peek == "{" {
                    index += 1
                    var value: UInt32 = 0
                    var digits = 0
                    while let digit = peek, let nibble = Parser.hexValue(digit) {
                        value = value * 16 + nibble
                        digits += 1
                        index += 1
                        if value > ScalarSet.maximum { return nil }
                    }
                    guard digits > 0, peek == "}", Unicode.Scalar(value) != nil else { return nil }
                    index += 1
                    return single(value)
                }
                guard let value = parseHex(digits: 4), Unicode.Scalar(value) != nil else { return nil }
                return single(value)
            default:
                // Escaped ASCII punctuation stands for itself; everything else stays with the full engine.
                guard scalar.value >= 0x21, scalar.value < 0x7F, !scalar.isASCIILetter, !scalar.isASCIIDigit else { return nil }
                return single(scalar.value)
            }
        }

        private mutating func parseHex(digits: Int) -> UInt32? {
            guard index + digits <= scalars.count else { return nil }
            var value: UInt32 = 0
            for offset in 0..<digits {
                guard let nibble = Parser.hexValue(scalars[index + offset]) else { return nil }
                value = value * 16 + nibble
            }
            index += digits
            return value
        }

        private static func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
            switch scalar.value {
            case 0x30...0x39: return scalar.value - 0x30
            case 0x41...0x46: return scalar.value - 0x41 + 10
            case 0x61...0x66: return scalar.value - 0x61 + 10
            default: return nil
            }
        }

        /// A class with `[` consumed. A `-` is accepted first, last, or between two single code points.
        private mutating func parseClass() -> ScalarSet? {
            var negated = false
            if peek == "^" {
                negated = true
                index += 1
            }
            var ranges: [CodePointRange] = []
            var complemented: [[CodePointRange]] = []
            var first = true
            while let scalar = peek, scalar != "]" {
                let low: Escape
                index += 1
                if scalar == "\\" {
                    guard let escaped = parseEscape(inClass: true) else { return nil }
                    low = escaped
                } else {
                    low = Escape(ranges: [CodePointRange(single: scalar.value)], single: scalar.value)
                }
                if peek == "-", index + 1 < scalars.count, scalars[index + 1] != "]" {
                    // A range: both ends must be single code points.
                    guard let lowValue = low.single, !(first && scalar == "-") else { return nil }
                    index += 1
                    guard let highScalar = peek else { return nil }
                    index += 1
                    var highValue = highScalar.value
                    if highScalar == "\\" {
                        guard let escaped = parseEscape(inClass: true), let value = escaped.single else { return nil }
                        highValue = value
                    } else if highScalar == "-" || highScalar == "[" {
                        return nil
                    }
                    guard lowValue <= highValue else { return nil }
                    // `[a-b-c]`: what follows a range must not be another dash.
                    if peek == "-", index + 1 < scalars.count, scalars[index + 1] != "]" { return nil }
                    ranges.append(CodePointRange(lowValue, highValue))
                } else if low.negated {
                    complemented.append(low.ranges)
                } else {
                    ranges.append(contentsOf: low.ranges)
                }
                first = false
            }
            guard peek == "]" else { return nil }
            index += 1
            // Fold complemented escapes (`[\D]`) into plain ranges over the whole code space.
            for excluded in complemented { ranges.append(contentsOf: ScalarSet.complement(excluded)) }
            return ScalarSet(ranges, negated: negated)
        }
    }

    /// Thompson construction into a flat program.
    struct Builder {
        var program: [Instruction] = []
        var sets: [ScalarSet] = []

        /// Emits `tree`; false when the program would grow too large.
        mutating func emit(_ tree: Tree) -> Bool {
            guard program.count <= LinearRegex.maximumProgram else { return false }
            switch tree {
            case .characters(let set):
                sets.append(set)
                program.append(.consume(sets.count - 1))
            case .start:
                program.append(.atStart)
            case .end:
                program.append(.atEnd)
            case .sequence(let parts):
                for part in parts where !emit(part) { return false }
            case .alternatives(let branches):
                var exits: [Int] = []
                for (position, branch) in branches.enumerated() {
                    if position == branches.count - 1 {
                        guard emit(branch) else { return false }
                    } else {
                        let split = program.count
                        program.append(.split(split + 1, -1))
                        guard emit(branch) else { return false }
                        exits.append(program.count)
                        program.append(.jump(-1))
                        program[split] = .split(split + 1, program.count)
                    }
                }
                for exit in exits { program[exit] = .jump(program.count) }
            case .repetition(let body, let minimum, let maximum):
                for _ in 0..<minimum where !emit(body) { return false }
                if let maximum {
                    var skips: [Int] = []
                    for _ in minimum..<max(minimum, maximum) {
                        skips.append(program.count)
                        program.append(.split(program.count + 1, -1))
                        guard emit(body) else { return false }
                    }
                    for skip in skips { program[skip] = .split(skip + 1, program.count) }
                } else {
                    let loop = program.count
                    program.append(.split(loop + 1, -1))
                    guard emit(body) else { return false }
                    program.append(.jump(loop))
                    program[loop] = .split(loop + 1, program.count)
                }
            }
            return true
        }
    }
}
