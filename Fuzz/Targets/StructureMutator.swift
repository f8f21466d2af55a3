// Structure-aware mutations for the lint and schema targets: read the input as a tree, change one thing a person
// (or an attacker) would change in a configuration, and write it back as JSON or block YAML. Inputs that do not
// parse go to libFuzzer's own byte mutations.
import ConfigTree

@_silgen_name("LLVMFuzzerMutate")
func libFuzzerMutate(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int) -> Int

/// A small deterministic generator (SplitMix64), seeded by libFuzzer so a mutation can be replayed.
struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ bound: Int) -> Int { bound <= 0 ? 0 : Int(next() % UInt64(bound)) }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

enum StructureMutator {
    /// Keys worth trying: KrakenD's own, NTLM's, JSON Schema keywords, and the shapes of broken ones.
    static let keys = [
        "version", "endpoints", "endpoint", "backend", "host", "url_pattern", "method", "extra_config", "timeout",
        "cache_ttl", "output_encoding", "input_headers", "input_query_strings", "port", "name", "plugin", "tls",
        "auth/ntlm", "user", "password", "domain", "auth/client-credentials", "client_id", "client_secret",
        "auth/validator", "qos/ratelimit/router", "max_rate", "security/cors", "telemetry/logging", "sd", "is_collection",
        "$schema", "$id", "$ref", "$defs", "$anchor", "$dynamicRef", "$dynamicAnchor", "$recursiveRef", "allOf", "anyOf",
        "oneOf", "not", "if", "then", "else", "properties", "patternProperties", "additionalProperties",
        "unevaluatedProperties", "unevaluatedItems", "items", "prefixItems", "contains", "minContains", "required",
        "dependentSchemas", "dependentRequired", "propertyNames", "enum", "const", "type", "pattern", "format",
        "minimum", "maximum", "multipleOf", "minLength", "maxLength", "minItems", "uniqueItems", "definitions",
        "@krakenlint", "", " ", "endpoint ", "Endpoint", "auth/ntlm\u{0}", "\u{202E}drowssap", "versi\u{00F3}n",
    ]

    static let oddStrings = [
        "", " ", "\u{202E}gnp.exe", "\u{200B}", "\u{FEFF}x", "e\u{301}\u{301}\u{301}", "\u{1F600}", "\u{10FFFF}",
        "\u{2028}\u{2029}", "\u{0}", "\u{7F}", "a\\b", "{{ env \"NTLM_PASSWORD\" }}", "${PASSWORD}", "********",
        "DOMAIN\\user", "user@domain", "http://h", "https://h:99999", "//h", "GET", "get", "/a/{b}/{b}", "/{",
        "^(a+)+$", "(?<n>a)\\k<n>", "[\\p{L}]", "((((((((((a))))))))))*", "\\", "a{2,1}", "\u{D7FF}\u{E000}",
        String(repeating: "a", count: 300), String(repeating: "/{x}", count: 40),
    ]

    static let hugeNumbers = [
        "0", "-0", "1e999999", "-1e999999", "1E-400", "123456789012345678901234567890", "9223372036854775808",
        "-9223372036854775809", "18446744073709551616", "0.1", "1.0", "4.9e-324", "1.7976931348623157e309", "3",
        "2", "-1", "1e2", "100000000000000000000000000000000000000000e-40",
    ]

    /// Mutates `data` in place (at most `maxSize` bytes) and returns its new size.
    static func mutate(_ data: UnsafeMutablePointer<UInt8>, size: Int, maxSize: Int, seed: UInt32) -> Int {
        var random = SplitMix(state: UInt64(seed) &* 0x2545_F491_4F6C_DD1D)
        if random.below(4) == 0 { return libFuzzerMutate(data, size, maxSize) }
        let bytes = Array(UnsafeBufferPointer(start: data, count: size))
        let format = SourceReader.sniffFormat(bytes)
        let file = SourceFile(path: "m", format: format, bytes: bytes)
        let loaded = format == .json ? ConfigLoader.loadJSONValue(file) : ConfigLoader.load(file)
        guard var root = loaded.root else { return libFuzzerMutate(data, size, maxSize) }
        for _ in 0...random.below(3) { root = mutateSomewhere(root, &random, depth: 0) }
        // Sometimes switch syntax, so YAML seeds feed the JSON path and the other way round.
        let asYAML = random.below(8) == 0 ? format == .json : format == .yaml
        var text = asYAML ? YAMLText.write(root) : (JSONText.write(root) ?? "{}")
        // Escapes a Swift string cannot hold: a lone surrogate, an escaped NUL.
        if !asYAML, random.below(16) == 0 { text = text.replacingFirst("\"\u{E000}\"", with: random.pick(["\"\\ud800\"", "\"\\udc00x\"", "\"\\u0000\""])) }
        let out = Array(text.utf8)
        guard out.count <= maxSize else { return libFuzzerMutate(data, size, maxSize) }
        out.withUnsafeBufferPointer { data.update(from: $0.baseAddress!, count: out.count) }
        return out.count
    }

    /// Walks to a random place below `node` and changes it.
    static func mutateSomewhere(_ node: Node, _ random: inout SplitMix, depth: Int) -> Node {
        var node = node
        switch node.value {
        case .object(var members) where !members.isEmpty && random.below(3) != 0 && depth < 64:
            let index = random.below(members.count)
            members[index].value = mutateSomewhere(members[index].value, &random, depth: depth + 1)
            if random.below(6) == 0 { members[index].key = random.pick(keys) }
            node.value = .object(members)
            return node
        case .array(var elements) where !elements.isEmpty && random.below(3) != 0 && depth < 64:
            let index = random.below(elements.count)
            elements[index] = mutateSomewhere(elements[index], &random, depth: depth + 1)
            node.value = .array(elements)
            return node
        default:
            return mutateHere(node, &random)
        }
    }

    static func mutateHere(_ node: Node, _ random: inout SplitMix) -> Node {
        let span = node.span
        func scalar() -> Node {
            switch random.below(6) {
            case 0: return Node(.string(random.pick(oddStrings)), span: span)
            case 1: return Node(.number(Number(json: random.pick(hugeNumbers))), span: span)
            case 2: return Node(.bool(random.below(2) == 0), span: span)
            case 3: return Node(.null, span: span)
            case 4: return Node(.string("\u{E000}"), span: span)
            default: return Node(.object([Member(key: random.pick(keys), keySpan: span, value: Node(.number(Number(json: "3")), span: span))]), span: span)
            }
        }
        switch (random.below(8), node.value) {
        case (0, .object(var members)) where !members.isEmpty:
            // A duplicate key: the same member again, with another value.
            let copy = members[random.below(members.count)]
            members.insert(Member(key: copy.key, keySpan: copy.keySpan, value: scalar()), at: random.below(members.count + 1))
            return Node(.object(members), span: span)
        case (1, .object(var members)) where !members.isEmpty:
            members.remove(at: random.below(members.count))
            return Node(.object(members), span: span)
        case (2, .object(var members)):
            members.append(Member(key: random.pick(keys), keySpan: span, value: scalar()))
            return Node(.object(members), span: span)
        case (3, .array(var elements)) where !elements.isEmpty:
            // Repeat an element (duplicate endpoints, hosts, enum values).
            elements.append(elements[random.below(elements.count)])
            return Node(.array(elements), span: span)
        case (4, _):
            // Nesting: wrap the value in arrays or objects, sometimes deeply.
            var wrapped = node
            for _ in 0..<(random.below(4) == 0 ? 200 + random.below(1200) : 1 + random.below(4)) {
                wrapped = random.below(2) == 0
                    ? Node(.array([wrapped]), span: span)
                    : Node(.object([Member(key: random.pick(keys), keySpan: span, value: wrapped)]), span: span)
            }
            return wrapped
        case (5, .object(let members)):
            // The same members in an array: the type changes, the content stays.
            return Node(.array(members.map(\.value)), span: span)
        case (6, .array(let elements)):
            return Node(.object(elements.enumerated().map { Member(key: random.below(2) == 0 ? "\($0.offset)" : random.pick(keys), keySpan: span, value: $0.element) }), span: span)
        default:
            return scalar()
        }
    }
}

/// A tree written as block YAML, every key and string double-quoted (JSON escapes are YAML escapes).
enum YAMLText {
    static func write(_ root: Node) -> String {
        var out = ""
        write(root, indent: 0, into: &out, inline: false)
        return out
    }

    private static func write(_ node: Node, indent: Int, into out: inout String, inline: Bool) {
        let pad = String(repeating: " ", count: indent)
        switch node.value {
        case .object(let members) where !members.isEmpty:
            if inline { out += "\n" }
            for member in members {
                out += pad
                JSONText.quote(member.key, into: &out)
                out += ":"
                write(member.value, indent: indent + 2, into: &out, inline: true)
            }
        case .array(let elements) where !elements.isEmpty:
            if inline { out += "\n" }
            for element in elements {
                out += pad + "-"
                write(element, indent: indent + 2, into: &out, inline: true)
            }
        default:
            out += (inline ? " " : "") + (JSONText.write(node) ?? ".nan") + "\n"
        }
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
