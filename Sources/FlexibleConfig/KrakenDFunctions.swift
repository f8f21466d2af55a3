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
                guard case .string(let name) = arguments[0].storage else { return .string("") }
                var found: (file: SourceFile, shown: String)?
                for folder in partialFolders {
                    if let file = try? SourceReader.read(path: GoPath.join(folder.opened, name), limits: limits) {
                        found = (file, GoPath.join(folder.shown, name))
                        break
                    }
                }
                guard let (file, shown) = found else {
                    log.recordMissing(
                        name: name, path: GoPath.join(partialFolders.first?.shown ?? "", name), callSite: context.callSite
                    )
                    return .string("")
                }
                let partial = SourceFile(path: shown, format: file.format, bytes: file.bytes)
                log.recordRead(partial)
                // Go strings hold any bytes; a Swift string repairs invalid UTF-8, which the rendered file's
                // reader then reports as an encoding error at the same place.
                let text = String(decoding: file.bytes, as: UTF8.self)
                return Value(.string(text), origin: ValueOrigin(source: shown, range: 0..<file.bytes.count))
            },
        ]
    }
}

/// What `include` did during one render; safe to use from the function bodies.
final class IncludeLog: @unchecked Sendable {
    private let lock = NSLock()
    private var readFiles: [String: SourceFile] = [:]
    private var missingNames: [MissingPartial] = []

    /// An `include` whose file did not exist.
    struct MissingPartial {
        var name: String
        var path: String
        var callSite: CallSite?
    }

    func recordRead(_ file: SourceFile) {
        lock.lock()
        defer { lock.unlock() }
        readFiles[file.path] = file
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
