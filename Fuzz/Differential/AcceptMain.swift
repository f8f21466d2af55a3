// The verdict side of the differential runs (scripts/differential.py): reads inputs framed as a 4-byte
// little-endian length and the bytes, from standard input until its end, and prints one line per input:
// `1` when the reader accepts it, `0 CODE MESSAGE` when it refuses it (the first error's LoadIssue code and message).
// `accept-check json` reads each input as any JSON value; `accept-check yaml` as a YAML configuration.
import ConfigTree
import Foundation

@main
enum AcceptCheck {
    static func main() {
        let yaml = CommandLine.arguments.dropFirst().first == "yaml"
        let input = FileHandle.standardInput.readDataToEndOfFile()
        var bytes = [UInt8](input)[...]
        var out = ""
        while bytes.count >= 4 {
            let length = bytes.prefix(4).enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
            bytes = bytes.dropFirst(4)
            let item = Array(bytes.prefix(length))
            bytes = bytes.dropFirst(length)
            let file = SourceFile(path: yaml ? "d.yaml" : "d.json", format: yaml ? .yaml : .json, bytes: item)
            let result = yaml ? ConfigLoader.load(file) : ConfigLoader.loadJSONValue(file)
            if result.root != nil {
                out += "1\n"
            } else {
                let issue = result.issues.first { $0.severity == .error }
                let message = (issue?.message ?? "").replacingOccurrences(of: "\n", with: " ")
                out += "0 \(issue?.code.rawValue ?? "?") \(message)\n"
            }
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}
