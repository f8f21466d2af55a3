import Foundation
import GoTemplate
import TestPeers
import XCTest

/// Our engine against Go itself: every case of `Cases/` and a few thousand grammar-generated programs are
/// rendered by the Go peer (Go's text/template + sprig 3.2.3, `Peer/peer.go`) and by ``TemplateSet`` with
/// ``Sprig``, and the bytes (or the error texts) must be equal.
///
/// The Go peer needs Debian's `golang-go` and `golang-github-masterminds-sprig-dev` (`.ci/run` installs them).
/// Without them the live tests skip (they fail under `KRAKENLINT_REQUIRE_PEERS=1`, as `scripts/test.sh` sets it);
/// the corpus is always compared with Go's committed outputs too
/// (`Cases/Snapshot/go-1.19.json`, written by `scripts/gen-template-cases.py --snapshot`).
///
/// Environment: `GO_TEMPLATE_PROGRAMS` (generated programs, default 3000), `GO_TEMPLATE_SEED` (default 1),
/// `GO_TEMPLATE_REPORT` (a folder for the full list of differences, and for the program being rendered, so
/// that a crash can be replayed: the peer reads `current-program.json` as it is);
/// `scripts/template-differential.sh` sets them for long campaigns.
final class GoDifferentialTests: XCTestCase {
    private static let sprig = Sprig.genericFunctionMap()

    func testCorpusHasAtLeastAThousandUniquelyNamedCases() throws {
        let cases = try CaseCorpus.load()
        XCTAssertGreaterThanOrEqual(cases.count, 1000)
        XCTAssertEqual(Set(cases.map(\.name)).count, cases.count, "case names must be unique")
    }

    func testCasesAgreeWithGo() throws {
        let peer: GoPeer
        do {
            peer = try GoPeer.build()
        } catch let unavailable as GoPeer.Unavailable {
            throw TestPeers.missing("Go peer unavailable, live comparison skipped: \(unavailable)")
        }
        let cases = try CaseCorpus.load().filter { $0.goVersion == nil }
        let go = try peer.render(cases)
        let differences = compare(cases, expected: go)
        reportAgainstKnown(differences, of: cases, title: "corpus against the Go peer")

        let snapshot = try CaseCorpus.snapshot()
        let stale = cases.filter { snapshot[$0.name] != go[$0.name] }.map(\.name)
        XCTAssert(stale.isEmpty, "Cases/Snapshot/go-1.19.json differs from the live Go peer for \(stale.count) cases "
            + "(first: \(stale.prefix(5).joined(separator: ", "))); run scripts/gen-template-cases.py --snapshot")
    }

    /// Go's committed outputs, compared whether or not Go is installed (with Go, `testCasesAgreeWithGo` also
    /// checks that the snapshot is what the live peer prints).
    func testCasesAgreeWithCommittedGoOutputs() throws {
        let cases = try CaseCorpus.load().filter { $0.goVersion == nil }
        let snapshot = try CaseCorpus.snapshot()
        let missing = cases.filter { snapshot[$0.name] == nil }.map(\.name)
        XCTAssert(missing.isEmpty, "no committed Go output for \(missing.count) cases (first: \(missing.prefix(5)))")
        reportAgainstKnown(compare(cases, expected: snapshot), of: cases, title: "corpus against Go's committed outputs")
    }

    /// Range over an integer (Go 1.22) and `{{else with}}` (Go 1.23) are newer than Debian's Go 1.19; KrakenD
    /// ships with a Go that has both, so these cases hold the documented outputs.
    func testNewerGoFeaturesFollowTheDocumentedBehaviour() throws {
        let cases = try CaseCorpus.load().filter { $0.goVersion != nil }
        XCTAssertFalse(cases.isEmpty)
        var expected: [String: Outcome] = [:]
        for testCase in cases { expected[testCase.name] = testCase.expected }
        report(compare(cases, expected: expected), of: cases.count, title: "newer-Go cases against their documented outputs")
    }

    func testGeneratedProgramsAgreeWithGo() throws {
        let peer: GoPeer
        do {
            peer = try GoPeer.build()
        } catch let unavailable as GoPeer.Unavailable {
            throw TestPeers.missing("Go peer unavailable, generated programs not compared: \(unavailable)")
        }
        let environment = ProcessInfo.processInfo.environment
        let count = environment["GO_TEMPLATE_PROGRAMS"].flatMap { Int($0) } ?? 3000
        let seed = environment["GO_TEMPLATE_SEED"].flatMap { UInt64($0) } ?? 1
        let reportFolder = environment["GO_TEMPLATE_REPORT"].map { URL(fileURLWithPath: $0) }
        if let reportFolder { try FileManager.default.createDirectory(at: reportFolder, withIntermediateDirectories: true) }

        var generator = ProgramGenerator(seed: seed)
        var tally = AgreementTally()
        var differences: [Difference] = []
        var goErrors: [String: (count: Int, example: String)] = [:]
        var goCrashed: [TemplateCase] = []
        var produced = 0
        while produced < count {
            let batch = (produced..<min(count, produced + 2000)).map { generator.next(index: $0) }
            produced += batch.count
            let go = try renderSplittingOnCrash(batch, with: peer, crashed: &goCrashed)
            for program in batch {
                guard let theirs = go[program.name] else { continue }
                if let reportFolder {
                    let data = try JSONSerialization.data(withJSONObject: [program.peerJSON], options: [.prettyPrinted])
                    try data.write(to: reportFolder.appendingPathComponent("current-program.json"))
                }
                let ours = OurEngine.render(program, sprig: Self.sprig)
                tally.count(ours: ours, go: theirs)
                if case .error(let message) = theirs {
                    goErrors[AgreementTally.kind(ofGoError: message), default: (0, message)].count += 1
                }
                if ours != theirs { differences.append(Difference(testCase: program, ours: ours, go: theirs)) }
            }
            if produced % 10_000 == 0 { print("… \(tally)") }
        }
        let crashes = goCrashed.isEmpty ? "" : "; Go itself crashed on \(goCrashed.count) (not compared): "
            + goCrashed.map(\.name).joined(separator: ", ")
        let summary = "generated programs (seed \(seed)): \(tally)\(crashes)"
        print(summary)
        if let reportFolder {
            let text = summary + "\n\n" + differences.map(\.detailed).joined(separator: "\n\n") + "\n"
            try Data(text.utf8).write(to: reportFolder.appendingPathComponent("differences.txt"))
            let kinds = goErrors.sorted { $0.value.count > $1.value.count }
                .map { "\($0.value.count)\t\($0.key)\t(\($0.value.example))" }.joined(separator: "\n")
            try Data((kinds + "\n").utf8).write(to: reportFolder.appendingPathComponent("go-errors.txt"))
            try? FileManager.default.removeItem(at: reportFolder.appendingPathComponent("current-program.json"))
        }
        // About a third of the programs run to the end in Go (the rest stop at a parse or execution error, which
        // is compared too); far fewer would mean the grammar has drifted.
        XCTAssertGreaterThan(tally.goOutputs * 4, tally.programs, "fewer than a quarter of the generated programs render in Go")
        XCTAssert(differences.isEmpty, summary + "\n\n" + differences.prefix(100).map(\.detailed).joined(separator: "\n\n")
            + (differences.count > 100 ? "\n\n… and \(differences.count - 100) more" : ""))
    }

    /// The peer's outcomes for a batch. A program on which Go itself dies (a fatal stack overflow cannot be
    /// recovered in Go) makes the whole batch fail, so a failed batch is split until that program is alone;
    /// it is then listed in `crashed` and left out of the comparison.
    private func renderSplittingOnCrash(_ batch: [TemplateCase], with peer: GoPeer, crashed: inout [TemplateCase]) throws
        -> [String: Outcome]
    {
        do {
            return try peer.render(batch)
        } catch let failure as GoPeer.Unavailable {
            guard batch.count > 1 else {
                if let program = batch.first { crashed.append(program) }
                print("the Go peer crashed on \(batch.first?.name ?? "?"): \(failure.description.prefix(200))")
                return [:]
            }
            let middle = batch.count / 2
            var outcomes = try renderSplittingOnCrash(Array(batch[..<middle]), with: peer, crashed: &crashed)
            outcomes.merge(try renderSplittingOnCrash(Array(batch[middle...]), with: peer, crashed: &crashed)) { first, _ in first }
            return outcomes
        }
    }

    /// The functions the peer and this test replace with stubs are the ones whose results depend on the clock,
    /// randomness or the network, which the engine must mark as such.
    func testStubbedFunctionsAreMarkedNonDeterministic() {
        let stubbed = OurEngine.stubs(sprig: Self.sprig).keys.sorted()
        let markedDeterministic = stubbed.filter { Self.sprig[$0]?.isDeterministic ?? false }
        let missing = stubbed.filter { Self.sprig[$0] == nil }
        XCTAssertEqual(markedDeterministic, [], "stubbed functions that sprig's map marks deterministic")
        XCTAssertEqual(missing, [], "stubbed functions that sprig's map lacks")
    }

    // MARK: - Comparison

    private struct Difference {
        let testCase: TemplateCase
        let ours: Outcome
        let go: Outcome

        var summary: String { "\(testCase.name)\n  ours: \(ours)\n  go:   \(go)" }

        /// The summary with the program and its data, enough to reproduce a generated case.
        var detailed: String {
            var lines = [summary]
            for source in testCase.templates {
                lines.append("  template \(source.name): \(Outcome.quoted(Array(source.text.utf8)))")
            }
            if let reference = testCase.dataReference {
                lines.append("  data: Cases/Data/\(reference).json")
            } else if let data = testCase.dataJSON {
                lines.append("  data: \(data)")
            }
            if let missingKey = testCase.missingKey { lines.append("  missingkey: \(missingKey)") }
            return lines.joined(separator: "\n")
        }
    }

    private func compare(_ cases: [TemplateCase], expected: [String: Outcome]) -> [Difference] {
        cases.compactMap { testCase in
            let ours = OurEngine.render(testCase, sprig: Self.sprig)
            guard let theirs = expected[testCase.name] else {
                return Difference(testCase: testCase, ours: ours, go: .error("(no expected outcome)"))
            }
            return ours == theirs ? nil : Difference(testCase: testCase, ours: ours, go: theirs)
        }
    }

    /// Fails with every difference, one per case, after a count.
    /// Fails on every difference that ``KnownDifferences`` does not list, and on every listed case that agrees now.
    private func reportAgainstKnown(_ differences: [Difference], of cases: [TemplateCase], title: String) {
        let unexpected = differences.filter { KnownDifferences.cases[$0.testCase.name] == nil }
        report(unexpected, of: cases.count, title: title + " (known differences aside)")
        let differing = Set(differences.map(\.testCase.name))
        let present = Set(cases.map(\.name))
        for (name, cause) in KnownDifferences.cases.sorted(by: { $0.key < $1.key }) where present.contains(name) && !differing.contains(name) {
            XCTFail("\(name) agrees with Go now (it was listed for \(cause)): drop it from KnownDifferences")
        }
        let byCause = Dictionary(grouping: differences.compactMap { KnownDifferences.cases[$0.testCase.name] }, by: \.self)
        for (cause, listed) in byCause.sorted(by: { $0.key < $1.key }) {
            print("\(title): \(listed.count) known difference(s): \(cause)")
        }
    }

    private func report(_ differences: [Difference], of total: Int, title: String) {
        print("\(title): \(total - differences.count) of \(total) agree")
        guard !differences.isEmpty else { return }
        let listing = differences.map(\.detailed).joined(separator: "\n")
        XCTFail("\(title): \(differences.count) of \(total) cases differ\n\(listing)")
    }
}

/// How often the two sides agreed, by kind of outcome.
private struct AgreementTally: CustomStringConvertible {
    var programs = 0
    var agreedOutputs = 0
    var agreedErrors = 0
    var differentOutputs = 0
    var differentErrors = 0
    var onlyOursFailed = 0
    var onlyGoFailed = 0

    /// Programs that Go rendered without an error.
    var goOutputs: Int { agreedOutputs + differentOutputs + onlyOursFailed }

    mutating func count(ours: Outcome, go: Outcome) {
        programs += 1
        switch (ours, go) {
        case (.output(let a), .output(let b)): if a == b { agreedOutputs += 1 } else { differentOutputs += 1 }
        case (.error(let a), .error(let b)): if a == b { agreedErrors += 1 } else { differentErrors += 1 }
        case (.error, .output): onlyOursFailed += 1
        case (.output, .error): onlyGoFailed += 1
        }
    }

    /// A Go error without its place, with quoted text and numbers blanked: the kind of failure, to count
    /// what the generated programs exercise (`can't evaluate field # in type interface {}`).
    static func kind(ofGoError message: String) -> String {
        var text = Substring(message)
        if let range = text.range(of: ">: ", options: .backwards), text.contains("executing") {
            text = text[range.upperBound...]
        } else if let colon = text.firstIndex(of: ":"), let next = text[text.index(after: colon)...].range(of: ": ") {
            text = text[next.upperBound...]
        }
        var kind = ""
        var inQuote = false
        for character in text {
            if character == "\"" {
                inQuote.toggle()
                if inQuote { kind += "\"…\"" }
            } else if !inQuote {
                kind.append(character.isNumber ? "#" : character)
            }
        }
        return kind
    }

    var description: String {
        let agreed = agreedOutputs + agreedErrors
        return "\(programs) programs, \(agreed) agree (\(agreedOutputs) same output, \(agreedErrors) same error), "
            + "\(programs - agreed) differ (\(differentOutputs) other output, \(differentErrors) other error text, "
            + "\(onlyOursFailed) only ours failed, \(onlyGoFailed) only Go failed)"
    }
}
