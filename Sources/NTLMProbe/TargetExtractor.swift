import ConfigTree

/// Finds every backend with `auth/ntlm` anywhere in a configuration (endpoints, workflows at any depth,
/// async agents) and turns each of its hosts into a `ProbeTarget`.
public enum TargetExtractor {
    /// The targets of `root` (the tree of `file`), in file order, after `selection`'s filters.
    public static func targets(in root: Node, of file: SourceFile, selection: TargetSelection = TargetSelection()) -> [ProbeTarget] {
        var walker = Walker(file: file, rootHosts: hostEntries(root["host"]), selection: selection)
        walker.visitRoot(root)
        return walker.targets
    }

    /// The host list of a `host` value: an array of strings, or a single string (KrakenD wraps it in a list).
    static func hostEntries(_ node: Node?) -> [String] {
        guard let node else { return [] }
        if let single = node.string { return [single] }
        return node.elements?.compactMap(\.string) ?? []
    }

    private struct Walker {
        let file: SourceFile
        let rootHosts: [String]
        let selection: TargetSelection
        var targets: [ProbeTarget] = []

        init(file: SourceFile, rootHosts: [String], selection: TargetSelection) {
            self.file = file
            self.rootHosts = rootHosts
            self.selection = selection
        }

        mutating func visitRoot(_ root: Node) {
            for member in root.members ?? [] {
                let pointer = JSONPointer.root.appending(member.key)
                switch member.key {
                case "endpoints":
                    for (index, endpoint) in (member.value.elements ?? []).enumerated() {
                        let label = endpoint["endpoint"]?.string ?? "endpoints[\(index)]"
                        visit(endpoint, pointer: pointer.appending(index), label: label)
                    }
                case "async_agent":
                    for (index, agent) in (member.value.elements ?? []).enumerated() {
                        let label = "async_agent " + (agent["name"]?.string ?? String(index))
                        visit(agent, pointer: pointer.appending(index), label: label)
                    }
                default:
                    visit(member.value, pointer: pointer, label: member.key)
                }
            }
        }

        mutating func visit(_ node: Node, pointer: JSONPointer, label: String) {
            if let members = node.members {
                for member in members {
                    let childPointer = pointer.appending(member.key)
                    if member.key == "backend", let backends = member.value.elements {
                        for (index, backend) in backends.enumerated() {
                            let backendPointer = childPointer.appending(index)
                            addTargets(of: backend, index: index, pointer: backendPointer, label: label)
                            visit(backend, pointer: backendPointer, label: label)
                        }
                    } else {
                        visit(member.value, pointer: childPointer, label: label)
                    }
                }
            } else if let elements = node.elements {
                for (index, element) in elements.enumerated() {
                    visit(element, pointer: pointer.appending(index), label: label)
                }
            }
        }

        mutating func addTargets(of backend: Node, index: Int, pointer: JSONPointer, label: String) {
            guard let member = backend["extra_config"]?.members?.last(where: { $0.key == "auth/ntlm" }),
                  selection.includes(endpoint: label) else {
                return
            }
            let block = member.value
            let credentials = ConfiguredCredentials(
                user: field(block["user"]), password: field(block["password"]), passwordSpan: block["password"]?.span)
            let pattern = backend["url_pattern"]?.string ?? ""
            var hosts = TargetExtractor.hostEntries(backend["host"])
            if hosts.isEmpty { hosts = rootHosts }
            let base = ProbeTarget(
                endpoint: label, backendIndex: index, pointer: pointer.description, line: file.line(ofOffset: block.span.start),
                hostEntry: "", urlPattern: pattern, url: nil, credentials: credentials, notProbedReason: nil,
                blockSpan: member.keySpan)

            if block.members == nil {
                var target = base
                target.hostEntry = hosts.map(BackendHost.masked).joined(separator: ", ")
                target.notProbedReason = "auth/ntlm is a \(block.typeName); expected an object with user and password"
                targets.append(target)
                return
            }
            if let discovery = backend["sd"]?.string, discovery != "static" {
                var target = base
                target.hostEntry = hosts.map(BackendHost.masked).joined(separator: ", ")
                target.notProbedReason =
                    "service discovery \"\(discovery)\" finds the hosts at run time; only static hosts are probed"
                if selection.hosts.isEmpty || hosts.contains(where: { selection.includes(hostEntry: $0, parsed: nil) }) {
                    targets.append(target)
                }
                return
            }
            guard !hosts.isEmpty else {
                var target = base
                target.notProbedReason = "the backend has no host and the configuration has no root host list"
                if selection.hosts.isEmpty { targets.append(target) }
                return
            }
            let sanitizing = backend["disable_host_sanitize"]?.bool != true
            for entry in hosts {
                var target = base
                target.hostEntry = BackendHost.masked(entry)
                switch BackendHost.parse(entry) {
                case .failure(let problem):
                    guard selection.includes(hostEntry: entry, parsed: nil) else { continue }
                    target.notProbedReason = problem.message
                case .success(let host):
                    guard selection.includes(hostEntry: entry, parsed: host) else { continue }
                    if sanitizing && !host.basePath.isEmpty {
                        target.notProbedReason =
                            "host \"\(entry)\" has a path; KrakenD rejects it unless disable_host_sanitize is true"
                    } else {
                        target.url = host.url(path: selection.fill(pattern))
                    }
                }
                targets.append(target)
            }
        }

        func field(_ node: Node?) -> CredentialField {
            guard let node else { return .missing }
            guard let text = node.string else { return .notString(node.typeName) }
            return .text(SecretText(text))
        }
    }
}
