import ConfigTree
import Foundation
import JSONSchema
@testable import KrakenLint
import XCTest

/// The bundled schema against KrakenD's own verdicts: every file of `../shared/corpus/configs` is
/// validated with our engine and compared with `../shared/corpus/upstream-verdicts.tsv`, the same
/// comparison `scripts/corpus-agreement.py` makes with Python's jsonschema.
final class CorpusAgreementTests: XCTestCase {
    /// Files on which we knowingly disagree with upstream, with the reason. Mirrors the table in
    /// docs/schema-differences.md; keep both in step.
    static let documentedDifferences: [String: String] = [:]

    func testCorpusVerdictsAgreeWithUpstreamExceptDocumentedDifferences() throws {
        let shared = try Self.sharedDirectory()
        let configs = shared.appendingPathComponent("corpus/configs")
        let verdicts = try Self.upstreamVerdicts(shared.appendingPathComponent("corpus/upstream-verdicts.tsv"))
        let names = try FileManager.default.contentsOfDirectory(atPath: configs.path).sorted()
        XCTAssertFalse(names.isEmpty, "no corpus files in \(configs.path)")

        var rows: [(file: String, upstream: String, ours: String, result: String)] = []
        var undocumented: [String] = []
        for name in names {
            let ours = try Self.verdict(of: configs.appendingPathComponent(name))
            let agrees: Bool
            let upstreamText: String
            if let upstream = verdicts[name] {
                upstreamText = upstream.verdict == "invalid" ? "invalid at \(upstream.firstErrorPath)" : upstream.verdict
                switch upstream.verdict {
                case "valid": agrees = ours.kind == .valid
                case "parse-error": agrees = ours.kind == .parseError
                default: agrees = ours.kind != .parseError && ours.pointers.contains { Self.isSameOrAncestor($0, of: upstream.firstErrorPath) }
                }
            } else {
                upstreamText = "no verdict"
                agrees = false
            }
            let result = agrees ? "agree" : (Self.documentedDifferences[name] != nil ? "documented" : "DISAGREE")
            if result == "DISAGREE" { undocumented.append(name) }
            rows.append((name, upstreamText, ours.summary, result))
        }

        let width = rows.map(\.file.count).max() ?? 0
        var table = "corpus agreement (bundled schema, our engine)\n"
        for row in rows {
            table += row.file.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + row.result + "  upstream: " + row.upstream + "; ours: " + row.ours + "\n"
        }
        let agreed = rows.filter { $0.result == "agree" }.count
        table += "\(rows.count) files: \(agreed) agree, \(rows.count - agreed - undocumented.count) documented differences, \(undocumented.count) undocumented disagreements\n"
        print(table)
        XCTAssertEqual(undocumented, [], "undocumented disagreements with upstream; fix the schema or document them in docs/schema-differences.md and documentedDifferences")
    }

    func testEveryEmbeddedSchemaFileParses() {
        XCTAssertGreaterThan(EmbeddedSchemaDocuments.documents.count, 100)
        for failure in EmbeddedSchemaDocuments.failures {
            XCTFail("schemas/\(failure.path) does not parse: \(failure.message)")
        }
    }

    func testBundledSchemaCompiles() throws {
        _ = try KrakenDSchema.bundled.get()
    }

    func testLegacyTableHasEveryAliasAndPointsAtKnownNamespaces() {
        XCTAssertEqual(LegacyNamespaces.table.count, 34)
        XCTAssertEqual(LegacyNamespaces.currentName(for: "github_com/devopsfaith/krakend-cors"), "security/cors")
        XCTAssertEqual(LegacyNamespaces.currentName(for: "github.com/devopsfaith/krakend-lua/proxy/backend"), "modifier/lua-backend")
        XCTAssertNil(LegacyNamespaces.currentName(for: "github.com/devopsfaith/krakend-cors"), "the dot spelling is not an alias of krakend-cors")
        XCTAssertEqual(LegacyNamespaces.canonical("auth/ntlm"), "auth/ntlm")
        for (legacy, current) in LegacyNamespaces.table {
            XCTAssertFalse(NamespaceCatalog.levels(of: current).isEmpty, "\(legacy) maps to \(current), which no level accepts")
        }
    }

    func testCatalogListsTheNamespacesOfEveryLevel() {
        XCTAssertEqual(NamespaceCatalog.namespaces(at: .service).count, 34)
        XCTAssertEqual(NamespaceCatalog.namespaces(at: .endpoint).count, 31)
        XCTAssertEqual(NamespaceCatalog.namespaces(at: .backend).count, 41)
        XCTAssertEqual(NamespaceCatalog.namespaces(at: .workflow).count, 9)
        XCTAssertEqual(NamespaceCatalog.namespaces(at: .asyncAgent).map(\.name), ["async/amqp", "async/kafka"])
        XCTAssertEqual(NamespaceCatalog.levels(of: "auth/ntlm"), [.backend])
        let ntlm = NamespaceCatalog.info("auth/ntlm", at: .backend)
        XCTAssertEqual(ntlm?.isEnterpriseOnly, true)
        XCTAssertEqual(ntlm?.summary.isEmpty, false)
        XCTAssertEqual(NamespaceCatalog.info("plugin/middleware", at: .endpoint)?.isEnterpriseOnly, true)
        XCTAssertEqual(NamespaceCatalog.info("plugin/middleware", at: .backend)?.isEnterpriseOnly, false)
        XCTAssertEqual(NamespaceCatalog.info("security/cors", at: .service)?.isEnterpriseOnly, false)
    }

    func testNTLMBlockIsValidatedWherePlacedAndRejectedElsewhere() throws {
        let good = #"{"version": 3, "endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/", "extra_config": {"auth/ntlm": {"user": "u", "password": "p"}}}]}]}"#
        XCTAssertEqual(try Self.errors(in: good).map(\.instancePointer.description), [])
        let missingPassword = #"{"version": 3, "endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/", "extra_config": {"auth/ntlm": {"user": "u"}}}]}]}"#
        XCTAssertTrue(try Self.errors(in: missingPassword).contains { $0.instancePointer.description == "/endpoints/0/backend/0/extra_config/auth~1ntlm" })
        let atService = #"{"version": 3, "extra_config": {"auth/ntlm": {"user": "u", "password": "p"}}}"#
        XCTAssertTrue(try Self.errors(in: atService).contains { $0.instancePointer.description == "/extra_config" || $0.instancePointer.description == "/extra_config/auth~1ntlm" })
    }

    func testDurationPatternRejectsATrailingNewline() throws {
        XCTAssertEqual(try Self.errors(in: #"{"version": 3, "timeout": "2s"}"#).count, 0)
        XCTAssertGreaterThan(try Self.errors(in: #"{"version": 3, "timeout": "2s\n"}"#).count, 0)
        XCTAssertGreaterThan(try Self.errors(in: #"{"version": 3, "timeout": "1m30s"}"#).count, 0)
    }

    // MARK: - Helpers

    enum Kind { case valid, invalid, parseError }

    struct Verdict {
        var kind: Kind
        var pointers: [String]
        var summary: String
    }

    struct UpstreamVerdict {
        var verdict: String
        var firstErrorPath: String
    }

    /// `../shared` next to the package root, or `KRAKENLINT_SHARED`; skips the test when absent.
    static func sharedDirectory() throws -> URL {
        if let override = ProcessInfo.processInfo.environment["KRAKENLINT_SHARED"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        guard FileManager.default.fileExists(atPath: shared.appendingPathComponent("corpus/upstream-verdicts.tsv").path) else {
            throw XCTSkip("../shared/corpus not found next to the package (set KRAKENLINT_SHARED to its location)")
        }
        return shared
    }

    static func upstreamVerdicts(_ url: URL) throws -> [String: UpstreamVerdict] {
        let text = try String(contentsOf: url, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first else { return [:] }
        lines.removeFirst()
        let column = { (name: String) in header.firstIndex(of: name) }
        guard let file = column("file"), let verdict = column("verdict"), let path = column("first_error_path") else {
            throw XCTSkip("upstream-verdicts.tsv lacks the expected columns")
        }
        var result: [String: UpstreamVerdict] = [:]
        for fields in lines where fields.count > max(file, verdict, path) {
            result[fields[file]] = UpstreamVerdict(verdict: fields[verdict], firstErrorPath: fields[path].isEmpty ? "/" : fields[path])
        }
        return result
    }

    /// What `krakenlint lint` says of a file: parse error; valid (no `schema/*` finding); or invalid, with
    /// the pointers of every error and warning. A finding about one key (an unknown key, a legacy namespace
    /// name) counts at the object holding the key, which is where upstream's validator reports it.
    static func verdict(of url: URL) throws -> Verdict {
        let bytes = try [UInt8](Data(contentsOf: url))
        let format = SourceFormat(fileName: url.lastPathComponent) ?? .json
        let report = Linter().lint(SourceFile(path: url.lastPathComponent, format: format, bytes: bytes))
        guard report.root != nil else {
            return Verdict(kind: .parseError, pointers: [], summary: "parse-error")
        }
        let schemaFindings = report.diagnostics.filter { $0.ruleID.hasPrefix("schema/") }
        let findings = report.diagnostics.filter { $0.severity >= .warning }
        if schemaFindings.isEmpty && findings.isEmpty { return Verdict(kind: .valid, pointers: [], summary: "valid") }
        let pointers = findings.map { diagnostic -> String in
            let aboutOneKey = ["schema/additional-properties", "krakend/legacy-namespace"].contains(diagnostic.ruleID)
            let pointer = aboutOneKey ? (diagnostic.pointer.parent ?? diagnostic.pointer) : diagnostic.pointer
            return upstreamStylePointer(pointer)
        }
        let kind: Kind = schemaFindings.isEmpty ? .valid : .invalid
        return Verdict(kind: kind, pointers: pointers, summary: "\(kind == .valid ? "valid" : "invalid") (\(findings.count) findings) at " + Set(pointers).sorted().prefix(3).joined(separator: ", "))
    }

    /// The pointer written like upstream-verdicts.tsv writes it: tokens joined by "/", not escaped.
    static func upstreamStylePointer(_ pointer: JSONPointer) -> String {
        pointer.tokens.isEmpty ? "/" : pointer.tokens.map { "/" + $0 }.joined()
    }

    static func isSameOrAncestor(_ ours: String, of theirs: String) -> Bool {
        ours == "/" || ours == theirs || theirs.hasPrefix(ours + "/")
    }

    static func errors(in json: String) throws -> [ValidationError] {
        let loaded = ConfigLoader.load(SourceFile(path: "inline.json", format: .json, text: json))
        let root = try XCTUnwrap(loaded.root, "test input does not parse: \(loaded.issues.map(\.message))")
        return KrakenDSchema.validate(root)
    }
}
