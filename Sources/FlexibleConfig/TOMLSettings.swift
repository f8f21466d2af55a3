import ConfigTree
import GoTemplate
import TOMLKit

/// A TOML settings file of an Enterprise project, with the Go types a TOML decoder of the koanf family
/// (go-toml v2 into `map[string]interface{}`) gives: integers `int64`, floats `float64`, offset date-times
/// `time.Time`, local dates and times go-toml's own types, tables maps, arrays `[]interface{}`.
///
/// The parser (toml++) keeps no positions for values, so every value's origin is the file's first byte (its
/// key path is kept); a syntax error is reported at the line and column toml++ gives.
enum TOMLSettings {
    static func read(_ file: SourceFile, path: String) -> (value: Value?, problems: [FlexibleConfigProblem]) {
        let text = String(decoding: file.bytes, as: UTF8.self)
        guard Array(text.utf8) == file.bytes else {
            let offset = firstInvalidUTF8Offset(file.bytes)
            return (nil, [problem("the settings file \(file.path) is not valid UTF-8, which TOML requires", file, Span(at: offset))])
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let start = offset(of: error.source.begin, in: file)
            return (nil, [problem("the settings file \(file.path) is not valid TOML: \(error.description)", file, Span(start: start, end: start))])
        } catch {
            return (nil, [problem("the settings file \(file.path) is not valid TOML: \(error)", file, Span(at: 0))])
        }
        let noPosition = 0..<0
        return (convert(table, origin: ValueOrigin(source: file.path, range: noPosition, path: path), file: file), [])
    }

    private static func convert(_ node: TOMLValueConvertible, origin: ValueOrigin, file: SourceFile) -> Value {
        let noPosition = 0..<0
        switch node.type {
        case .table:
            var members: [MapKey: Value] = [:]
            if let table = node.table {
                for (key, child) in table {
                    members[MapKey(key)] = convert(child, origin: ValueOrigin(source: file.path, range: noPosition, parent: origin, key: key), file: file)
                }
            }
            return Value(.map(members, valueType: .interface), origin: origin)
        case .array:
            var elements: [Value] = []
            if let array = node.array {
                for (index, child) in array.enumerated() {
                    elements.append(convert(child, origin: ValueOrigin(source: file.path, range: noPosition, parent: origin, index: index), file: file))
                }
            }
            return Value(.list(elements, elementType: .interface), origin: origin)
        case .string:
            return Value(.string(node.string ?? ""), origin: origin)
        case .int:
            return Value(.int(Int64(node.int ?? 0), .int64), origin: origin)
        case .double:
            return Value(.float(node.double ?? 0, .float64), origin: origin)
        case .bool:
            return Value(.bool(node.bool ?? false), origin: origin)
        case .date:
            let date = node.date ?? TOMLDate(year: 0, month: 0, day: 0)
            return Value(.object(TOMLLocalDateTime(kind: .date, year: date.year, month: date.month, day: date.day)), origin: origin)
        case .time:
            let time = node.time ?? TOMLTime(hour: 0, minute: 0, second: 0, nanoSecond: 0)
            return Value(.object(TOMLLocalDateTime(
                kind: .time, hour: time.hour, minute: time.minute, second: time.second, nanosecond: time.nanoSecond
            )), origin: origin)
        case .dateTime:
            guard let stamp = node.dateTime else { return Value(.nil, origin: origin) }
            guard let offset = stamp.offset else {
                return Value(.object(TOMLLocalDateTime(
                    kind: .dateTime, year: stamp.date.year, month: stamp.date.month, day: stamp.date.day,
                    hour: stamp.time.hour, minute: stamp.time.minute, second: stamp.time.second, nanosecond: stamp.time.nanoSecond
                )), origin: origin)
            }
            // toml++ keeps `Z` and `+00:00` alike as a zero offset; go-toml gives UTC for both only in the `Z`
            // case, which is what a zero offset is read as here.
            let time = Value.goTime(
                year: stamp.date.year, month: stamp.date.month, day: stamp.date.day, hour: stamp.time.hour,
                minute: stamp.time.minute, second: stamp.time.second, nanosecond: stamp.time.nanoSecond,
                utcOffsetSeconds: offset.offset == 0 ? nil : offset.offset * 60
            )
            return time.withOrigin(origin)
        }
    }

    /// The byte offset of toml++'s 1-based line and column (counted in characters) in `file`.
    private static func offset(of position: TOMLSourcePosition, in file: SourceFile) -> Int {
        guard let line = file.byteRange(ofLine: max(position.line, 1)) else { return file.bytes.count }
        var offset = line.lowerBound
        var remaining = max(position.column, 1) - 1
        while remaining > 0, offset < line.upperBound {
            offset += 1
            while offset < line.upperBound, file.bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            remaining -= 1
        }
        return offset
    }

    private static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int {
        var offset = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput, .error: return offset
            }
        }
    }

    private static func problem(_ message: String, _ file: SourceFile, _ span: Span) -> FlexibleConfigProblem {
        FlexibleConfigProblem(code: .settings, message: message, location: .init(path: file.path, span: span))
    }
}
