import ConfigTree
import GoTemplate

/// Turns a positioned JSON tree into the value Go's `encoding/json` decodes into `interface{}`: objects become
/// `map[string]interface{}` (a repeated key keeps its last value, as in Go), every number a `float64`, `null`
/// nil. Each value remembers its file, span and path (`.service.port`), so that a finding on rendered output
/// can name the settings line the value came from.
enum SettingsValue {
    static func value(of node: Node, in file: SourceFile, path: String) -> Value {
        value(of: node, in: file, origin: ValueOrigin(source: file.path, range: node.span.start..<node.span.end, path: path))
    }

    /// The value of `node`, whose origin is `origin`; the origins below it extend its path when asked for.
    private static func value(of node: Node, in file: SourceFile, origin: ValueOrigin) -> Value {
        switch node.value {
        case .object(let members):
            var map: [MapKey: Value] = [:]
            map.reserveCapacity(members.count)
            for member in members {
                let span = member.value.span
                let memberOrigin = ValueOrigin(source: file.path, range: span.start..<span.end, parent: origin, key: member.key)
                map[MapKey(member.key)] = value(of: member.value, in: file, origin: memberOrigin)
            }
            return Value(.map(map, valueType: .interface), origin: origin)
        case .array(let elements):
            var list: [Value] = []
            list.reserveCapacity(elements.count)
            for (index, element) in elements.enumerated() {
                let span = element.span
                let elementOrigin = ValueOrigin(source: file.path, range: span.start..<span.end, parent: origin, index: index)
                list.append(value(of: element, in: file, origin: elementOrigin))
            }
            return Value(.list(list, elementType: .interface), origin: origin)
        case .string(let text):
            return Value(.string(text), origin: origin)
        case .number(let number):
            return Value(.float(number.doubleValue, .float64), origin: origin)
        case .bool(let flag):
            return Value(.bool(flag), origin: origin)
        case .null:
            return Value(.nil, origin: origin)
        }
    }

    /// How a template reaches `key` below a value: `.key` for an identifier, `index` form otherwise.
    static func step(_ key: String) -> String { ValueOrigin.memberStep(key) }
}
