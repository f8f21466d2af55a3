#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ConfigTree
import GoTemplate

/// What KrakenD renders without a word but a user almost never means: an `include` of a partial that does
/// not exist (KrakenD inserts nothing), `<no value>` in the output (a missing settings key or a null), and
/// fmt's error forms such as `%!d(string=x)`. Each is reported at the action responsible, once per place,
/// with the number of times it happened.
enum RenderWarnings {
    static func missingPartials(_ missing: [IncludeLog.MissingPartial], sources: [String: SourceFile]) -> [FlexibleConfigProblem] {
        var counts: [String: (first: IncludeLog.MissingPartial, count: Int)] = [:]
        var order: [String] = []
        for call in missing {
            let key = call.callSite.map { "\($0.source)@\($0.range.lowerBound)" } ?? "name:\(call.name)"
            if counts[key] == nil { order.append(key) }
            counts[key, default: (call, 0)].count += 1
        }
        return order.compactMap { key -> FlexibleConfigProblem? in
            guard let (call, count) = counts[key] else { return nil }
            let location = call.callSite.map {
                FlexibleConfigProblem.Location(path: $0.source, span: Span(start: $0.range.lowerBound, end: $0.range.upperBound))
            } ?? .init(path: call.path, span: Span(at: 0))
            return FlexibleConfigProblem(
                code: .missingPartial, severity: .warning,
                message: "include \"\(call.name)\" finds no file \(call.path); KrakenD inserts nothing here and reports nothing"
                    + times(count),
                location: location,
                hint: "partial names are case-sensitive and relative to the partials folder (FC_PARTIALS or --partials)"
            )
        }
    }

    /// `<no value>` and `%!…(` in the rendered bytes, each traced back to the action that printed it.
    static func suspiciousOutput(_ output: SourceFile, sourceMap: RenderedOutputMap?, sources: [String: SourceFile]) -> [FlexibleConfigProblem] {
        var found: [(code: FlexibleConfigProblem.Code, offset: Int, text: String)] = []
        let noValue = Array("<no value>".utf8)
        output.bytes.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            // Only `<` and `%` can start what is looked for: memchr finds each of them at memory speed, and each
            // is searched for again only once the scan has passed the last one found.
            func find(_ byte: UInt8, from start: Int) -> Int {
                guard start < bytes.count, let found = memchr(base + start, Int32(byte), bytes.count - start) else { return bytes.count }
                return UnsafeRawPointer(found) - UnsafeRawPointer(base)
            }
            var index = 0
            var nextLess = -1
            var nextPercent = -1
            while index + 1 < bytes.count {
                if nextLess < index { nextLess = find(UInt8(ascii: "<"), from: index) }
                if nextPercent < index { nextPercent = find(UInt8(ascii: "%"), from: index) }
                let next = min(nextLess, nextPercent)
                guard next + 1 < bytes.count else { break }
                index = next
                if bytes[index] == UInt8(ascii: "<"), bytes.count - index >= noValue.count,
                    noValue.indices.allSatisfy({ bytes[index + $0] == noValue[$0] })
                {
                    found.append((.noValue, index, "<no value>"))
                    index += noValue.count
                    continue
                }
                if bytes[index] == UInt8(ascii: "%"), bytes[index + 1] == UInt8(ascii: "!") {
                    let end = min(bytes.count, index + 40)
                    var close = end
                    if let parenthesis = bytes[index..<end].firstIndex(of: UInt8(ascii: ")")) { close = parenthesis + 1 }
                    found.append((.formatError, index, String(decoding: bytes[index..<close], as: UTF8.self)))
                    index += 2
                    continue
                }
                index += 1
            }
        }
        var pending: [Pending] = []
        var seen: [String: Int] = [:]
        for item in found {
            let location = SourceMapping.action(at: item.offset, in: sourceMap)
                ?? .init(path: output.path, span: Span(start: item.offset, end: item.offset + item.text.utf8.count))
            let key = "\(item.code.rawValue)|\(location.path)|\(location.span.start)"
            if let existing = seen[key] {
                pending[existing].occurrences += 1
                continue
            }
            seen[key] = pending.count
            pending.append(Pending(code: item.code, text: item.text, location: location, renderedOffset: item.offset))
        }
        return pending.map { $0.problem(output: output) }
    }

    /// One suspicious place, with how often the output shows it.
    private struct Pending {
        var code: FlexibleConfigProblem.Code
        var text: String
        var location: FlexibleConfigProblem.Location
        var renderedOffset: Int
        var occurrences = 1

        func problem(output: SourceFile) -> FlexibleConfigProblem {
            let message: String
            let hint: String
            if code == .noValue {
                message = "this action prints <no value> into the configuration: the key it reads is missing from the settings, "
                    + "or null" + RenderWarnings.times(occurrences)
                hint = "check the settings file name and key spelling (.service.port reads settings/service.json's \"port\"), "
                    + "or give a fallback with default"
            } else {
                message = "this action prints the formatting error \(text) into the configuration" + RenderWarnings.times(occurrences)
                hint = "the verb does not fit the value's type, or an argument is missing; Go's fmt writes its complaint into the output"
            }
            return FlexibleConfigProblem(
                code: code, severity: .warning, message: message, location: location,
                notes: [.init(message: "rendered here", location: .init(path: output.path, span: Span(start: renderedOffset, end: renderedOffset + text.utf8.count)))],
                hint: hint
            )
        }
    }

    static func times(_ count: Int) -> String { count > 1 ? " (\(count) times)" : "" }
}
