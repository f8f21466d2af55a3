import ConfigTree
import GoTemplate

/// Settings files in the line formats Enterprise accepts besides JSON and YAML: dotenv (`KEY=VALUE`),
/// Java properties (`key=value` or `key: value`) and INI (`[section]` then `key=value`). Every value is a
/// string with the span of its text; INI sections become nested objects.
enum KeyValueSettings {
    enum Syntax { case dotenv, properties, ini }

    static func read(_ file: SourceFile, syntax: Syntax, path: String) -> (value: Value, problems: [FlexibleConfigProblem]) {
        var root: [MapKey: Value] = [:]
        var section: (name: String, members: [MapKey: Value])?
        var problems: [FlexibleConfigProblem] = []
        let bytes = file.bytes
        var lineStart = 0
        while lineStart <= bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            var start = lineStart
            var end = lineEnd
            trim(bytes, &start, &end)
            defer { lineStart = lineEnd + 1 }
            guard start < end else { continue }
            let first = bytes[start]
            if first == UInt8(ascii: "#") || (syntax != .dotenv && (first == UInt8(ascii: "!") || first == UInt8(ascii: ";"))) { continue }
            if syntax == .ini, first == UInt8(ascii: "["), bytes[end - 1] == UInt8(ascii: "]") {
                if let section { root[MapKey(section.name)] = Value(.map(section.members, valueType: .interface)) }
                let name = String(decoding: bytes[(start + 1)..<(end - 1)], as: UTF8.self)
                section = (name, [:])
                continue
            }
            guard let separator = (start..<end).first(where: { isSeparator(bytes[$0], syntax) }) else {
                problems.append(FlexibleConfigProblem(
                    code: .settings, message: "this line of \(file.path) is not a key and a value separated by \(syntax == .properties ? "= or :" : "=")",
                    location: .init(path: file.path, span: Span(start: start, end: end))
                ))
                continue
            }
            var keyStart = start
            var keyEnd = separator
            trim(bytes, &keyStart, &keyEnd)
            if syntax == .dotenv, keyEnd - keyStart > 7, String(decoding: bytes[keyStart..<(keyStart + 7)], as: UTF8.self) == "export " {
                keyStart += 7
            }
            var valueStart = separator + 1
            var valueEnd = end
            trim(bytes, &valueStart, &valueEnd)
            if valueEnd - valueStart >= 2, let quote = Optional(bytes[valueStart]),
               quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'"), bytes[valueEnd - 1] == quote {
                valueStart += 1
                valueEnd -= 1
            }
            let key = String(decoding: bytes[keyStart..<keyEnd], as: UTF8.self)
            let keyPath = section.map { "\(path)\(SettingsValue.step($0.name))" } ?? path
            let value = Value(
                .string(String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self)),
                origin: ValueOrigin(source: file.path, range: valueStart..<valueEnd, path: keyPath + SettingsValue.step(key))
            )
            if section != nil { section?.members[MapKey(key)] = value } else { root[MapKey(key)] = value }
        }
        if let section { root[MapKey(section.name)] = Value(.map(section.members, valueType: .interface)) }
        return (Value(.map(root, valueType: .interface), origin: ValueOrigin(source: file.path, range: 0..<bytes.count, path: path)), problems)
    }

    private static func isSeparator(_ byte: UInt8, _ syntax: Syntax) -> Bool {
        byte == UInt8(ascii: "=") || (syntax == .properties && byte == UInt8(ascii: ":"))
    }

    private static func trim(_ bytes: [UInt8], _ start: inout Int, _ end: inout Int) {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
    }
}
