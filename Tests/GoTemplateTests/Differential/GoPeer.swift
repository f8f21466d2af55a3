import Foundation

/// The Go peer (`Tests/GoTemplateTests/Peer/peer.go`): Go's text/template with sprig, built by
/// `scripts/go-template-peer.sh` and run on batches of cases.
struct GoPeer: Sendable {
    /// Why the peer cannot be used (Go or sprig missing), or a failure to build or run it.
    struct Unavailable: Error, CustomStringConvertible {
        let description: String
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    let executable: URL

    /// Builds the peer when its source is newer than the binary (about a second with a warm Go cache) and
    /// returns it; throws ``Unavailable`` with the build script's message when Go or sprig is absent.
    static func build() throws -> GoPeer {
        let script = packageRoot.appendingPathComponent("scripts/go-template-peer.sh").path
        let result = try run(URL(fileURLWithPath: "/bin/sh"), arguments: [script], input: Data())
        guard result.status == 0 else {
            throw Unavailable(description: String(decoding: result.error, as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let path = String(decoding: result.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return GoPeer(executable: URL(fileURLWithPath: path, relativeTo: packageRoot))
    }

    /// Renders every case with Go and returns the outcomes by case name. Cases are sent as one batch.
    func render(_ cases: [TemplateCase]) throws -> [String: Outcome] {
        let input = try JSONSerialization.data(withJSONObject: cases.map(\.peerJSON))
        let result = try GoPeer.run(executable, arguments: [], input: input)
        guard result.status == 0 else {
            throw Unavailable(description: "the Go peer failed (status \(result.status)): "
                + String(decoding: result.error, as: UTF8.self))
        }
        var outcomes: [String: Outcome] = [:]
        for line in result.output.split(separator: UInt8(ascii: "\n")) {
            guard let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                let name = object["name"] as? String
            else { throw Unavailable(description: "the Go peer wrote an unreadable line") }
            if let message = object["error"] as? String {
                outcomes[name] = .error(message)
            } else if let encoded = object["output"] as? String, let bytes = Data(base64Encoded: encoded) {
                outcomes[name] = .output(Array(bytes))
            } else {
                throw Unavailable(description: "the Go peer gave no outcome for \(name)")
            }
        }
        return outcomes
    }

    /// Runs a program with `input` as its standard input; standard output and error go through temporary
    /// files, so that neither can fill a pipe while the other is being read.
    private static func run(_ executable: URL, arguments: [String], input: Data) throws
        -> (status: Int32, output: Data, error: Data)
    {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("go-template-peer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let inputFile = directory.appendingPathComponent("in"), outputFile = directory.appendingPathComponent("out")
        let errorFile = directory.appendingPathComponent("err")
        try input.write(to: inputFile)
        try Data().write(to: outputFile)
        try Data().write(to: errorFile)

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        let standardInput = try FileHandle(forReadingFrom: inputFile)
        let standardOutput = try FileHandle(forWritingTo: outputFile)
        let standardError = try FileHandle(forWritingTo: errorFile)
        defer {
            try? standardInput.close()
            try? standardOutput.close()
            try? standardError.close()
        }
        process.standardInput = standardInput
        process.standardOutput = standardOutput
        process.standardError = standardError
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, try Data(contentsOf: outputFile), try Data(contentsOf: errorFile))
    }
}
