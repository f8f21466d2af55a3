import Foundation
import TestPeers
import XCTest

/// The package root, from this file's location.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// Users known to the loopback servers (`DOMAIN:USER:PASSWORD`, read by pyspnego through NTLM_USER_FILE).
enum TestUsers {
    static let domainUser = "TESTDOM\\alice"
    static let domainPassword = "S3cret!pw"
    static let upnUser = "carol@EXAMPLE.COM"
    static let upnPassword = "UpnPass1"
    /// An unusual password: tests grep every output for it.
    static let markerUser = "TESTDOM\\marker"
    static let markerPassword = "Zq9#unusual-Pa55word-7Xv"

    static let fileText = """
        TESTDOM:alice:\(domainPassword)
        :carol@EXAMPLE.COM:\(upnPassword)
        TESTDOM:marker:\(markerPassword)

        """
}

/// A process of `Servers/ntlm_server.py` serving several listeners on 127.0.0.1, stopped on `stop()`.
final class LoopbackServers {
    let ports: [String: Int]
    let directory: URL
    private let process: Process

    /// Skips the test when python3 with pyspnego is not installed.
    static func requirePython() throws {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import spnego"]
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        do {
            try probe.run()
            probe.waitUntilExit()
        } catch {
            throw TestPeers.missing("python3 is not available; the NTLM prober's real-server tests need python3 with pyspnego")
        }
        guard probe.terminationStatus == 0 else {
            throw TestPeers.missing("python3 cannot import spnego; install pyspnego (python3 -m pip install pyspnego) to run "
                + "the NTLM prober's real-server tests")
        }
    }

    /// Starts the listeners (`NAME[:KIND][@tls]` specs) and waits for their ports.
    init(listeners: [String], certificate: (cert: URL, key: URL)? = nil, lifetime: Int = 120) throws {
        try Self.requirePython()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("probe-servers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let users = directory.appendingPathComponent("users")
        try TestUsers.fileText.write(to: users, atomically: true, encoding: .utf8)

        let script = packageRoot.appendingPathComponent("Tests/NTLMProbeTests/Servers/ntlm_server.py")
        var arguments = [script.path, "--lifetime", String(lifetime)]
        for listener in listeners { arguments += ["--listen", listener] }
        if let certificate { arguments += ["--cert", certificate.cert.path, "--key", certificate.key.path] }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["NTLM_USER_FILE"] = users.path
        environment["LM_COMPAT_LEVEL"] = "5"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        let log = directory.appendingPathComponent("server.log")
        guard FileManager.default.createFile(atPath: log.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: log.path])
        }
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        self.process = process

        var ports: [String: Int] = [:]
        var buffer = ""
        let reader = output.fileHandleForReading
        let started = Date()
        while !buffer.contains("READY\n") {
            let chunk = reader.availableData
            guard !chunk.isEmpty else {
                process.waitUntilExit()
                let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                throw ServerStartError(message: "the test server exited before it was ready:\n\(text)")
            }
            buffer += String(decoding: chunk, as: UTF8.self)
            if Date().timeIntervalSince(started) > 30 {
                process.terminate()
                throw ServerStartError(message: "the test server did not report READY within 30 s")
            }
        }
        for line in buffer.split(separator: "\n") {
            let words = line.split(separator: " ")
            if words.count == 3, words[0] == "READY", let port = Int(words[2]) {
                ports[String(words[1])] = port
            }
        }
        self.ports = ports
    }

    func port(_ name: String) -> Int { ports[name] ?? 0 }

    func url(_ name: String, scheme: String = "http", host: String = "127.0.0.1") -> String {
        "\(scheme)://\(host):\(port(name))"
    }

    /// What the servers logged (handshake legs, rejections).
    var log: String {
        (try? String(contentsOf: directory.appendingPathComponent("server.log"), encoding: .utf8)) ?? ""
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }

    /// A port on 127.0.0.1 that nothing listens on (bound, then closed).
    static func closedPort() -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return 9 }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(descriptor, generic, length) == 0 && getsockname(descriptor, generic, &length) == 0
            }
        }
        return bound ? Int(UInt16(bigEndian: address.sin_port)) : 9
    }
}

struct ServerStartError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// A self-signed certificate for 127.0.0.1 and localhost, made with the openssl command for one test run.
enum TestCertificate {
    static func make(in directory: URL) throws -> (cert: URL, key: URL) {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let cert = directory.appendingPathComponent("cert.pem")
        let key = directory.appendingPathComponent("key.pem")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", key.path, "-out", cert.path, "-days", "2", "-subj", "/CN=localhost",
            "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            process.waitUntilExit()
        } catch {
            throw TestPeers.missing("the openssl command is not available to make a test certificate")
        }
        guard process.terminationStatus == 0 else {
            throw XCTSkip("openssl could not make a test certificate (exit \(process.terminationStatus))")
        }
        return (cert, key)
    }
}

/// `curl --ntlm` as a reference client, when the installed curl supports NTLM.
enum ReferenceCurl {
    struct Result {
        /// The final HTTP status, 0 when none arrived.
        let status: Int
        /// curl's exit code (7 refused, 28 timeout, 60 untrusted certificate, …).
        let exitCode: Int32
    }

    static var hasNTLM: Bool {
        guard let output = try? run(["-V"]) else { return false }
        return output.stdout.contains("NTLM")
    }

    static func ntlm(_ url: String, user: String, password: String, extra: [String] = []) -> Result? {
        let arguments = ["--ntlm", "-u", "\(user):\(password)", "-s", "-o", "/dev/null", "-w", "%{http_code}",
                         "--max-time", "10"] + extra + [url]
        guard let output = try? run(arguments) else { return nil }
        return Result(status: Int(output.stdout.trimmingCharacters(in: .whitespaces)) ?? 0, exitCode: output.status)
    }

    private static func run(_ arguments: [String]) throws -> (stdout: String, status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["curl"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: data, as: UTF8.self), process.terminationStatus)
    }
}
