import ConfigTree

/// Everything a user and the test suite need to know about a rule; `krakenlint explain`, the SARIF
/// driver and the README's rule list all come from here.
public struct RuleDescription: Sendable {
    /// Stable id, never renamed once released: `family/name`, e.g. `ntlm/plaintext-password`.
    public let id: String
    public let defaultSeverity: Severity
    /// One line, no trailing period.
    public let summary: String
    /// Why it matters, in a few sentences.
    public let explanation: String
    /// How to fix it in general (a diagnostic may carry a more specific fix).
    public let fix: String
    /// Configurations that must produce this rule's finding at every `↓` marker, and nowhere else.
    public var triggeringExamples: [RuleExample] { makeTriggeringExamples() }
    /// Configurations that must not produce this rule's finding.
    public var nonTriggeringExamples: [RuleExample] { makeNonTriggeringExamples() }

    /// The examples are built when asked for (by `explain`, `rules` and the tests), not with the
    /// description: every lint reads each rule's id, and building every rule's examples with it was
    /// about 1.6 M instructions of each process.
    private let makeTriggeringExamples: @Sendable () -> [RuleExample]
    private let makeNonTriggeringExamples: @Sendable () -> [RuleExample]

    public init(
        id: String, severity: Severity, summary: String, explanation: String, fix: String,
        triggering: @autoclosure @escaping @Sendable () -> [RuleExample],
        nonTriggering: @autoclosure @escaping @Sendable () -> [RuleExample]
    ) {
        self.id = id
        self.defaultSeverity = severity
        self.summary = summary
        self.explanation = explanation
        self.fix = fix
        self.makeTriggeringExamples = triggering
        self.makeNonTriggeringExamples = nonTriggering
    }

    /// A PascalCase name derived from the id, for formats that want one (SARIF `name`).
    public var name: String {
        id.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "_" })
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined()
    }

    /// The family before the first `/` (`ntlm`, `krakend`, `schema`), or the id itself.
    public var family: String { id.split(separator: "/").first.map(String.init) ?? id }
}

/// A configuration used as a rule's documentation and test.
///
/// Put `↓` right before each character where the rule's finding must start; the marker is removed
/// before the text is parsed. Examples are complete configuration files.
public struct RuleExample: Sendable {
    public static let marker: Character = "↓"

    public let text: String
    public let format: SourceFormat
    /// The edition to lint with (`--edition`); nil means no edition check.
    public let edition: Edition?
    /// Where the example is written, so a failing example points at its source.
    public let file: String
    public let line: UInt

    public init(_ text: String, format: SourceFormat = .json, edition: Edition? = nil, file: StaticString = #filePath, line: UInt = #line) {
        self.text = text
        self.format = format
        self.edition = edition
        self.file = "\(file)"
        self.line = line
    }

    /// The text without markers.
    public var source: String { text.filter { $0 != RuleExample.marker } }

    /// Byte offsets (in `source`) where markers stood.
    public var markedOffsets: [Int] {
        var offsets: [Int] = []
        var offset = 0
        for character in text {
            if character == RuleExample.marker {
                offsets.append(offset)
            } else {
                offset += character.utf8.count
            }
        }
        return offsets
    }
}

extension RuleDescription {
    /// What reporters may say about the rule.
    public var descriptor: RuleDescriptor {
        RuleDescriptor(id: id, name: name, summary: summary, explanation: explanation, fix: fix, defaultSeverity: defaultSeverity)
    }
}
