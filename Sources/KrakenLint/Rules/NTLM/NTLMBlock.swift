import ConfigTree

/// An `auth/ntlm` namespace block as the NTLM rules read it.
struct NTLMBlock {
    static let namespace = "auth/ntlm"
    /// The only keys KrakenD reads in the block.
    static let fieldNames = ["user", "password"]

    let view: NamespaceView

    init?(_ namespace: NamespaceView) {
        guard namespace.name == NTLMBlock.namespace else { return nil }
        view = namespace
    }

    /// The block in a backend's own `extra_config`, if any.
    init?(backend: BackendView) {
        guard let namespace = backend.extraConfig?.namespace(NTLMBlock.namespace) else { return nil }
        view = namespace
    }

    var user: Node? { view.node["user"] }
    var password: Node? { view.node["password"] }

    func pointer(_ key: String) -> JSONPointer { view.pointer.appending(key) }

    /// The value of `key` when it is a string written in the file (not a flexible-config template).
    func literal(_ key: String) -> String? {
        guard let text = view.node[key]?.string, !FlexibleConfigTemplate.isTemplate(text) else { return nil }
        return text
    }

    /// False when the user name contains the literal password (someone typed one into the other):
    /// then the name must not be printed either.
    var userIsPrintable: Bool {
        guard let user = user?.string, let password = password.flatMap(SecretCatalog.hiddenText(of:)) else { return true }
        return NTLMBlock.canShow(user, besides: password)
    }

    /// False when `text` contains `password` (spaces around the password ignored).
    static func canShow(_ text: String, besides password: String) -> Bool {
        let core = trimmed(password)
        return core.isEmpty || !text.contains(core)
    }

    /// True when `text` is empty or only whitespace.
    static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
    }

    /// `text` without leading and trailing whitespace.
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
