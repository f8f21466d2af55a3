import ConfigTree
import Findings
import KrakenDModel

/// Finds every backend with `auth/ntlm` (endpoints, workflows at any depth, async agents) and turns each
/// of its hosts into a `ProbeTarget`. It reads the configuration through the same typed views the lint
/// rules use (`ServiceModel`), so lint and probe see the same backends and hosts: `host` as a string or a
/// list, the root hosts when a backend has none, `disable_host_sanitize` read with KrakenD's weak typing.
public enum TargetExtractor {
    /// The targets of `root` (the tree of `file`), in file order, after `selection`'s filters.
    public static func targets(in root: Node, of file: SourceFile, selection: TargetSelection = TargetSelection()) -> [ProbeTarget] {
        targets(in: ServiceModel().service(root), of: file, selection: selection)
    }

    /// The targets of a configuration's model.
    public static func targets(in service: ServiceView, of file: SourceFile, selection: TargetSelection = TargetSelection()) -> [ProbeTarget] {
        var walker = Walker(file: file, rootHosts: service.hosts.map(\.value), selection: selection)
        for (index, endpoint) in service.endpoints.enumerated() {
            walker.visit(endpoint.backends, label: endpoint.path ?? "endpoints[\(index)]")
        }
        for agent in service.asyncAgents {
            walker.visit(agent.backends, label: "async_agent " + (agent.node["name"]?.string ?? String(agent.index)))
        }
        // File order, whatever the order of the lists in the file (async agents before endpoints...).
        return walker.targets.enumerated()
            .sorted { ($0.element.blockSpan.start, $0.offset) < ($1.element.blockSpan.start, $1.offset) }
            .map(\.element)
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

        /// The backends of an endpoint or agent, then those of the workflows they declare, depth first.
        mutating func visit(_ backends: [BackendView], label: String, depth: Int = 0) {
            guard depth < 64 else { return }
            for backend in backends {
                addTargets(of: backend, label: label)
                if let workflow = backend.workflow { visit(workflow.backends, label: label, depth: depth + 1) }
            }
        }

        mutating func addTargets(of view: BackendView, label: String) {
            guard let namespace = view.extraConfig?.namespace("auth/ntlm"), selection.includes(endpoint: label) else {
                return
            }
            let backend = view.node, block = namespace.node, index = view.index, pointer = view.pointer
            let credentials = ConfiguredCredentials(user: field(block["user"]), password: field(block["password"]))
            let pattern = backend["url_pattern"]?.string ?? ""
            var hosts = view.hosts.map(\.value)
            if hosts.isEmpty { hosts = rootHosts }
            let base = ProbeTarget(
                endpoint: label, backendIndex: index, pointer: pointer.description, line: file.line(ofOffset: block.span.start),
                hostEntry: "", urlPattern: pattern, url: nil, credentials: credentials, notProbedReason: nil,
                blockSpan: namespace.keySpan)

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
            let sanitizing = view.sanitizesHosts
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
            return .text(SecretValue(text, span: node.span))
        }
    }
}
