import Foundation

/// One differential case: a template set, the template to execute, the data and environment, as the Go peer
/// (`Peer/peer.go`) reads it.
struct TemplateCase: Sendable {
    struct Source: Sendable {
        var name: String
        var text: String
    }

    var name: String
    var templates: [Source]
    /// The template to execute; the first one when absent.
    var execute: String?
    /// The data as JSON text (decoded by both sides as encoding/json does into `interface{}`); nil for no data.
    var dataJSON: String?
    /// The file of `Cases/Data/` the data came from, when it is shared by many cases.
    var dataReference: String?
    var environment: [String: String] = [:]
    /// Go's `missingkey` option (`default`, `zero`, `error`, `invalid`), nil for the default.
    var missingKey: String?
    /// The folder `include` reads from (absolute once loaded).
    var partials: String?
    /// For cases of features Debian's Go 1.19 lacks: the Go version that has them. The peer is not asked.
    var goVersion: String?
    /// What newer Go prints for such a case, as documented: an output or an error.
    var expected: Outcome?

    var executedName: String { execute ?? templates.first?.name ?? "" }

    /// The case as the peer reads it.
    var peerJSON: [String: Any] {
        var object: [String: Any] = [
            "name": name,
            "templates": templates.map { ["name": $0.name, "text": $0.text] },
            "env": environment,
        ]
        if let execute { object["execute"] = execute }
        if let dataJSON { object["dataJSON"] = dataJSON }
        var options: [String: Any] = [:]
        if let missingKey { options["missingkey"] = missingKey }
        if let partials { options["partials"] = partials }
        if !options.isEmpty { object["options"] = options }
        return object
    }
}

/// What rendering a case gave: the output bytes, or the error text (Go's `err.Error()`).
enum Outcome: Sendable, Equatable, CustomStringConvertible {
    case output([UInt8])
    case error(String)

    var description: String {
        switch self {
        case .output(let bytes): return "output " + Outcome.quoted(bytes)
        case .error(let message): return "error " + Outcome.quoted(Array(message.utf8))
        }
    }

    /// The bytes as a Go-like quoted string: printable UTF-8 as is, everything else escaped, so that two
    /// outcomes that differ in an invisible byte look different.
    static func quoted(_ bytes: [UInt8]) -> String {
        var text = "\""
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let width = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
            let end = min(index + width, bytes.count)
            guard let character = String(validating: bytes[index..<end], as: UTF8.self), let scalar = character.unicodeScalars.first
            else {
                text += String(format: "\\x%02x", lead)
                index += 1
                continue
            }
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\t": text += "\\t"
            case "\r": text += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f {
                    text += String(format: "\\x%02x", scalar.value)
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
            index = end
        }
        return text + "\""
    }
}

/// The case files under `Tests/GoTemplateTests/Cases/` (written by `scripts/gen-template-cases.py`).
enum CaseCorpus {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Cases")

    struct LoadError: Error, CustomStringConvertible {
        let description: String
    }

    /// Every case of every `*.json` file of the corpus, in file and case order. A `dataRef` names a file of
    /// `Cases/Data/` whose text is the case's data.
    static func load() throws -> [TemplateCase] {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".json") }.sorted()
        var cases: [TemplateCase] = []
        var sharedData: [String: String] = [:]
        for file in files {
            let data = try Data(contentsOf: directory.appendingPathComponent(file))
            guard let array = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
                throw LoadError(description: "\(file): not an array of case objects")
            }
            for object in array {
                cases.append(try decode(object, file: file, sharedData: &sharedData))
            }
        }
        return cases
    }

    private static func decode(_ object: [String: Any], file: String, sharedData: inout [String: String]) throws
        -> TemplateCase
    {
        guard let name = object["name"] as? String, let templates = object["templates"] as? [[String: String]] else {
            throw LoadError(description: "\(file): a case without name or templates")
        }
        var sources: [TemplateCase.Source] = []
        for template in templates {
            guard let templateName = template["name"], let text = template["text"] else {
                throw LoadError(description: "\(name): a template without name or text")
            }
            sources.append(.init(name: templateName, text: text))
        }
        var result = TemplateCase(name: name, templates: sources)
        result.execute = object["execute"] as? String
        if let text = object["dataJSON"] as? String {
            result.dataJSON = text
        } else if let reference = object["dataRef"] as? String {
            if sharedData[reference] == nil {
                let url = directory.appendingPathComponent("Data").appendingPathComponent(reference + ".json")
                sharedData[reference] = String(decoding: try Data(contentsOf: url), as: UTF8.self)
            }
            result.dataJSON = sharedData[reference]
            result.dataReference = reference
        } else if let data = object["data"] {
            let bytes = try JSONSerialization.data(withJSONObject: data, options: [.fragmentsAllowed, .sortedKeys])
            result.dataJSON = String(decoding: bytes, as: UTF8.self)
        }
        result.environment = object["env"] as? [String: String] ?? [:]
        if let options = object["options"] as? [String: String] {
            result.missingKey = options["missingkey"]
            result.partials = options["partials"].map { directory.appendingPathComponent($0).path }
        }
        result.goVersion = object["goVersion"] as? String
        if let expected = object["expected"] as? String {
            result.expected = .output(Array(expected.utf8))
        } else if let expected = object["expectedError"] as? String {
            result.expected = .error(expected)
        }
        return result
    }

    /// Go's outcomes as committed in `Cases/Snapshot/go-1.19.json`, by case name.
    static func snapshot() throws -> [String: Outcome] {
        let data = try Data(contentsOf: directory.appendingPathComponent("Snapshot/go-1.19.json"))
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: [String: String]] else {
            throw LoadError(description: "Snapshot/go-1.19.json: not an object of outcomes")
        }
        var outcomes: [String: Outcome] = [:]
        for (name, entry) in object {
            if let message = entry["error"] {
                outcomes[name] = .error(message)
            } else if let text = entry["output"] {
                outcomes[name] = .output(Array(text.utf8))
            } else if let encoded = entry["outputBase64"], let bytes = Data(base64Encoded: encoded) {
                outcomes[name] = .output(Array(bytes))
            } else {
                throw LoadError(description: "Snapshot/go-1.19.json: \(name) has no outcome")
            }
        }
        return outcomes
    }
}
