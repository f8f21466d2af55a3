import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Misbehaving HTTP servers on 127.0.0.1, one listener per fault, each connection on its own thread:
/// what the prober must survive without hanging, leaking descriptors or growing.
final class FaultServers: @unchecked Sendable {
    enum Fault: String, CaseIterable {
        /// Answers the anonymous request with 401 NTLM, then resets the connection (RST) when NEGOTIATE arrives.
        case resetMidHandshake = "reset-mid-handshake"
        /// Sends a valid CHALLENGE, then never answers the AUTHENTICATE.
        case stallAfterChallenge = "stall-after-challenge"
        /// Sends the 401 one byte every 100 ms.
        case trickle
        /// Sends half of the 401's headers, then closes.
        case closeHalfWay = "close-half-way"
        /// Sends a status line, then headers without end.
        case endlessHeaders = "endless-headers"
    }

    /// A CHALLENGE KrakenD's client accepts (NTLMv2, no key exchange, target info with a domain and a server name), base64.
    static let challenge: String = {
        let hex = "4e544c4d53535000020000000c000c003800000033828aa20123456789abcdef00000000000000002400240044000000"
            + "060070170000000f53006500720076006500720002000c0044006f006d00610069006e0001000c005300650072007600"
            + "6500720000000000"
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            bytes.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        return Data(bytes).base64EncodedString()
    }()

    private(set) var ports: [Fault: Int] = [:]
    private var listeners: [Int32] = []
    private let lock = NSLock()
    private var open: Set<Int32> = []
    private var stopped = false

    init() throws {
        for fault in Fault.allCases {
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard descriptor >= 0 else { throw POSIXError(.EMFILE) }
            var yes: Int32 = 1
            setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = 0
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard bound == 0, listen(descriptor, 512) == 0 else { close(descriptor); throw POSIXError(.EADDRINUSE) }
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            _ = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
            }
            ports[fault] = Int(UInt16(bigEndian: address.sin_port))
            listeners.append(descriptor)
            let thread = Thread { [unowned self] in self.accept(on: descriptor, fault: fault) }
            thread.start()
        }
    }

    func url(_ fault: Fault) -> String { "http://127.0.0.1:\(ports[fault]!)" }

    /// Closes the listeners and every connection still open; the threads end on their next call.
    func stop() {
        lock.withLock {
            stopped = true
            for descriptor in listeners { shutdown(descriptor, Int32(SHUT_RDWR)); close(descriptor) }
            for descriptor in open { shutdown(descriptor, Int32(SHUT_RDWR)) }
        }
    }

    private func accept(on listener: Int32, fault: Fault) {
        while true {
            let connection = Glibc.accept(listener, nil, nil)
            if connection < 0 {
                if lock.withLock({ stopped }) { return }
                if errno == EINTR || errno == ECONNABORTED { continue }
                return
            }
            lock.withLock { _ = open.insert(connection) }
            let thread = Thread { [unowned self] in
                self.serve(connection, fault: fault)
                self.lock.withLock { _ = self.open.remove(connection) }
                close(connection)
            }
            thread.stackSize = 256 << 10
            thread.start()
        }
    }

    private func serve(_ connection: Int32, fault: Fault) {
        var noDelay: Int32 = 1
        setsockopt(connection, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
        let unauthorized = "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: NTLM\r\nContent-Length: 0\r\n\r\n"
        switch fault {
        case .resetMidHandshake:
            guard readRequest(connection) != nil, send(connection, unauthorized) else { return }
            guard readRequest(connection) != nil else { return }
            var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
            setsockopt(connection, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
        case .stallAfterChallenge:
            guard readRequest(connection) != nil, send(connection, unauthorized) else { return }
            guard readRequest(connection) != nil else { return }
            let challenge = "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: NTLM \(Self.challenge)\r\nContent-Length: 0\r\n\r\n"
            guard send(connection, challenge) else { return }
            _ = readRequest(connection)
            waitForClose(connection)
        case .trickle:
            guard readRequest(connection) != nil else { return }
            for byte in unauthorized.utf8 {
                guard send(connection, [byte]) else { return }
                usleep(100_000)
            }
            waitForClose(connection)
        case .closeHalfWay:
            guard readRequest(connection) != nil else { return }
            _ = send(connection, String(unauthorized.prefix(30)))
        case .endlessHeaders:
            guard readRequest(connection) != nil, send(connection, "HTTP/1.1 401 Unauthorized\r\n") else { return }
            let line = "X-Filler: " + String(repeating: "a", count: 1000) + "\r\n"
            while send(connection, line) {}
        }
    }

    /// Reads up to the end of a request's headers (the prober sends no bodies); nil when the peer closed.
    private func readRequest(_ connection: Int32) -> String? {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(connection, $0.baseAddress, 4096, 0) }
            if count <= 0 { return nil }
            let searchFrom = max(0, received.count - 3)
            received += buffer[0..<count]
            if received.count >= 4, (searchFrom...(received.count - 4)).contains(where: { received[$0..<($0 + 4)].elementsEqual([13, 10, 13, 10]) }) {
                return String(decoding: received, as: UTF8.self)
            }
            if received.count > 1 << 20 { return nil }
        }
    }

    /// Blocks until the peer closes (or the servers stop).
    private func waitForClose(_ connection: Int32) {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while buffer.withUnsafeMutableBytes({ recv(connection, $0.baseAddress, 4096, 0) }) > 0 {}
    }

    private func send(_ connection: Int32, _ text: String) -> Bool { send(connection, Array(text.utf8)) }

    private func send(_ connection: Int32, _ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count <= 0 { return false }
            sent += count
        }
        return true
    }
}

/// The process's open file descriptors and resident memory, from /proc.
enum ProcessUsage {
    static var openDescriptors: Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? -1
    }

    static var residentMegabytes: Double {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
              let pages = text.split(separator: " ").dropFirst().first.flatMap({ Double($0) }) else { return -1 }
        return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }
}
