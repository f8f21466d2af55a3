// Audit benchmark, in process: read, parse, lint and render the text report of one configuration, with the
// audit off (lint), alongside (lint --audit) and alone (audit), in interleaved rounds. The whole-process
// figures come from scripts/bench-audit.sh; this one needs only the modules lint uses, not the prober's.
//
// Usage: AuditBenchmark FILE [rounds]
import ConfigTree
import Dispatch
import Findings
import Foundation
import KrakenLint
import Reporting

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: AuditBenchmark FILE [rounds]\n".utf8))
    exit(2)
}
let path = arguments[1]
let rounds = arguments.count > 2 ? Int(arguments[2]) ?? 10 : 10
let modes: [(String, AuditMode)] = [("lint", .off), ("lint --audit", .alongside), ("audit", .only)]
var times: [String: [Double]] = [:]
var findings: [String: Int] = [:]
var bytes: [String: Int] = [:]

for round in 0...rounds {
    for (name, mode) in modes {
        let start = DispatchTime.now().uptimeNanoseconds
        let file = try SourceReader.read(path: path, limits: .default)
        let report = Linter(options: LintOptions(audit: mode)).lint(file)
        let text = TextReporter().render(Run(reports: [report], toolVersion: "bench"))
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        if round > 0 { times[name, default: []].append(seconds) }
        findings[name] = report.diagnostics.count
        bytes[name] = text.utf8.count
    }
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
print("file: \(path), \(rounds) rounds after one warm-up, interleaved")
for (name, _) in modes {
    let values = times[name] ?? []
    print(String(format: "%-14@ min %.3f s  median %.3f s  %6d findings  %9d bytes of text", name as NSString, values.min() ?? 0, median(values), findings[name] ?? 0, bytes[name] ?? 0))
}
if let lint = times["lint"], let both = times["lint --audit"], let alone = times["audit"] {
    print(String(format: "lint --audit / lint: median %.3fx, min %.3fx", median(both) / median(lint), (both.min() ?? 0) / (lint.min() ?? 1)))
    print(String(format: "audit / lint:        median %.3fx, min %.3fx", median(alone) / median(lint), (alone.min() ?? 0) / (lint.min() ?? 1)))
}
