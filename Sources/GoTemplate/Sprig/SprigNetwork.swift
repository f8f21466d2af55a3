#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// sprig's `getHostByName`: one of the host's addresses, picked at random. It resolves only when a template
/// calls it (lint never does), and fails as sprig panics when there is no address.
enum SprigNetwork {
    static var functions: FunctionMap {
        [
            "getHostByName": TemplateFunction(parameters: [.string], result: .string, isDeterministic: false) { arguments, _ in
                let addresses = lookupHost(arguments[0].stringArgument)
                guard let address = addresses.randomElement() else { throw FunctionError("invalid argument to Intn") }
                return .string(address)
            },
        ]
    }

    /// The host's IPv4 and IPv6 addresses as text, in resolver order, without repeats (Go's `net.LookupHost`).
    static func lookupHost(_ name: String) -> [String] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(name, nil, &hints, &list) == 0 else { return [] }
        defer { freeaddrinfo(list) }
        var addresses: [String] = []
        var entry = list
        while let current = entry {
            var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
            var text: String?
            if current.pointee.ai_family == AF_INET, let raw = current.pointee.ai_addr {
                raw.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { address in
                    var ip = address.pointee.sin_addr
                    if inet_ntop(AF_INET, &ip, &buffer, socklen_t(buffer.count)) != nil { text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) }
                }
            } else if current.pointee.ai_family == AF_INET6, let raw = current.pointee.ai_addr {
                raw.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { address in
                    var ip = address.pointee.sin6_addr
                    if inet_ntop(AF_INET6, &ip, &buffer, socklen_t(buffer.count)) != nil { text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) }
                }
            }
            if let text, !addresses.contains(text) { addresses.append(text) }
            entry = current.pointee.ai_next
        }
        return addresses
    }
}
