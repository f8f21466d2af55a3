import ConfigTree
import Foundation
import GoTemplate

/// The two functions KrakenD adds to sprig's: `marshal` and `include`.
///
/// `include` reads files, so it reports what it read to an ``IncludeLog``: the partials that fed the output
/// (for the source map) and the names that did not exist (KrakenD inserts "" and says nothing).
enum KrakenDFunctions {
    /// `partialFolders` are searched in order (KrakenD CE has one, Enterprise may list several).
    static func functions(partialFolders: [(opened: String, shown: String)], log: IncludeLog, limits: LoadLimits) -> FunctionMap {
        [
            "marshal": TemplateFunction(parameters: [.interface], result: .string) { arguments, _ in
                // Go's json.Marshal; KrakenD ignores the error and returns "". The result keeps the argument's
                // origin, so a finding in marshalled text points at the settings value it came from.
                guard let text = try? GoJSON.marshal(arguments[0]) else { return .string("") }
                return Value(.string(text), origin: arguments[0].origin)
            },
            "include": TemplateFunction(parameters: [.string], result: .string) { arguments, context in
                guard let name = arguments[0].goStringText else { return .string("") }
                // KrakenD reads the file on every call; a render reads each name once and reuses its text, which
                // differs only if the file changes while the render runs.
                let included = log.included(name) {
                    for folder in partialFolders {
                        if let file = try? SourceReader.read(path: GoPath.join(folder.opened, name), limits: limits) {
                            let shown = GoPath.join(folder.shown, name)
                            // Go strings hold any bytes, and so does the value: bytes that are not valid UTF-8
                            // reach the rendered output as they are, where its reader reports them.
                            return .found(
                                SourceFile(path: shown, format: file.format, bytes: file.bytes),
                                Value.goString(file.bytes, origin: ValueOrigin(source: shown, range: 0..<file.bytes.count))
                            )
                        }
                    }
                    return .missing(path: GoPath.join(partialFolders.first?.shown ?? "", name))
                }
                switch included {
                case .found(_, let value):
                    return value
                case .missing(let path):
                    log.recordMissing(name: name, path: path, callSite: context.callSite)
                    return .string("")
                }
            },
        ]
    }
}

/// What `include` did during one render; safe to use from the function bodies.
final class IncludeLog: @unchecked Sendable {
    private let lock = NSLock()
    private var readFiles: [String: SourceFile] = [:]
    private var byName: [String: Included] = [:]
    private var missingNames: [MissingPartial] = []

    /// An `include` whose file did not exist.
    struct MissingPartial {
        var name: String
        var path: String
        var callSite: CallSite?
    }

    /// What `include` found for one name: the partial and the value it returns, or the path that does not exist.
    enum Included {
        case found(SourceFile, Value)
        case missing(path: String)
    }

    /// The partial `name` refers to, looked up by `lookUp` on the first call for the name and remembered for
    /// the rest of the render; a found partial is recorded as read.
    func included(_ name: String, lookUp: () -> Included) -> Included {
        lock.lock()
        if let known = byName[name] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let result = lookUp()
        lock.lock()
        defer { lock.unlock() }
        byName[name] = result
        if case .found(let file, _) = result { readFiles[file.path] = file }
        return result
    }

    func recordMissing(name: String, path: String, callSite: CallSite?) {
        lock.lock()
        defer { lock.unlock() }
        missingNames.append(MissingPartial(name: name, path: path, callSite: callSite))
    }

    /// Every partial read, by the path shown to the user.
    var partials: [String: SourceFile] {
        lock.lock()
        defer { lock.unlock() }
        return readFiles
    }

    /// Every name asked for that did not exist, in call order.
    var missing: [MissingPartial] {
        lock.lock()
        defer { lock.unlock() }
        return missingNames
    }
}
