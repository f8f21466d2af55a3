import ConfigTree

/// Which fields of a configuration hold secrets, and how to find their values in a tree.
///
/// A field is named by the namespace it lives in and the path of steps inside that namespace's block.
/// Every value found through the catalog is collected per file so that reporters can mask it, and
/// `secret/plaintext` (or the field's own rule) reports the ones written in clear text.
public enum SecretCatalog {
    /// One step of a path inside a namespace block.
    public enum Step: Sendable, Hashable {
        /// The member with this key (every member with it, when a JSON object repeats the key).
        case key(String)
        /// Every element of an array.
        case eachElement
        /// Every member of an object, whatever its key (maps such as `auth/basic` `users`).
        case eachMember
    }

    /// What the value of a field is, which decides when it counts as a secret in clear text.
    public enum Kind: Sendable, Hashable {
        /// Any literal value is the secret itself.
        case literal
        /// The value should be a bcrypt hash (`auth/basic` users); anything else is a password in clear text.
        case bcryptHash
        /// An API key that is in clear text only when the namespace's `hash` is `plain` (the default).
        case apiKey
        /// A URL whose user-info part may carry a password (`amqp://user:password@host`).
        case urlPassword
    }

    public struct Field: Sendable, Hashable {
        public let namespace: String
        public let path: [Step]
        public let kind: Kind
        /// What the value is, for messages: "the OAuth2 client secret".
        public let label: String
        /// The environment variable a flexible-configuration fix suggests.
        public let variable: String
        /// The rule that reports this field in clear text, when it is not `secret/plaintext`.
        public let ownRule: String?

        public init(namespace: String, path: [Step], kind: Kind = .literal, label: String, variable: String, ownRule: String? = nil) {
            self.namespace = namespace
            self.path = path
            self.kind = kind
            self.label = label
            self.variable = variable
            self.ownRule = ownRule
        }

        /// A plain key path (`["exporters", "influxdb", "password"]`).
        public init(namespace: String, path: [String]) {
            let variable = path.joined(separator: "_").uppercased().map { $0.isLetter || $0.isNumber ? $0 : "_" }
            self.init(namespace: namespace, path: path.map(Step.key), label: "\"\(path.joined(separator: "."))\"", variable: String(variable))
        }

        /// The path as people write it in docs: `clusters[].password`, `users.*`.
        public var pathText: String {
            var text = ""
            for step in path {
                switch step {
                case .key(let key): text += (text.isEmpty ? "" : ".") + key
                case .eachElement: text += "[]"
                case .eachMember: text += (text.isEmpty ? "" : ".") + "*"
                }
            }
            return text
        }

        /// The last key of the path, for fixes (`password`, `client_secret`).
        public var lastKey: String {
            for step in path.reversed() { if case .key(let key) = step { return key } }
            return namespace
        }
    }

    /// Every credential field of the KrakenD v3 format (from the v2.13 configuration reference).
    public static let fields: [Field] = [
        Field(namespace: "auth/ntlm", path: [.key("password")], label: "the NTLM password", variable: "NTLM_PASSWORD", ownRule: "ntlm/plaintext-password"),
        Field(namespace: "auth/client-credentials", path: [.key("client_secret")], label: "the OAuth2 client secret", variable: "OAUTH_CLIENT_SECRET"),
        Field(namespace: "auth/gcp", path: [.key("credentials_json"), .key("private_key")], label: "the private key of the Google service account", variable: "GCP_PRIVATE_KEY"),
        Field(namespace: "auth/api-keys", path: [.key("keys"), .eachElement, .key("key")], kind: .apiKey, label: "an API key", variable: "API_KEY"),
        Field(namespace: "auth/basic", path: [.key("users"), .eachMember], kind: .bcryptHash, label: "the password of a basic-auth user", variable: "BASIC_AUTH_HASH"),
        Field(namespace: "auth/revoker", path: [.key("revoke_server_api_key")], label: "the revoke server API key", variable: "REVOKE_SERVER_API_KEY"),
        Field(namespace: "auth/signer", path: [.key("cypher_key")], label: "the key that decrypts the signing JWK", variable: "JWK_CYPHER_KEY"),
        Field(namespace: "auth/validator", path: [.key("cypher_key")], label: "the key that decrypts the validation JWK", variable: "JWK_CYPHER_KEY"),
        Field(namespace: "redis", path: [.key("connection_pools"), .eachElement, .key("password")], label: "a Redis password", variable: "REDIS_PASSWORD"),
        Field(namespace: "redis", path: [.key("clusters"), .eachElement, .key("password")], label: "a Redis cluster password", variable: "REDIS_PASSWORD"),
        Field(namespace: "telemetry/influx", path: [.key("password")], label: "the InfluxDB password", variable: "INFLUX_PASSWORD"),
        Field(namespace: "telemetry/opencensus", path: [.key("exporters"), .key("influxdb"), .key("password")], label: "the InfluxDB password", variable: "INFLUX_PASSWORD"),
        Field(namespace: "telemetry/opencensus", path: [.key("exporters"), .key("xray"), .key("secret_access_key")], label: "the AWS secret access key", variable: "AWS_SECRET_ACCESS_KEY"),
        Field(namespace: "telemetry/newrelic", path: [.key("license")], label: "the New Relic license key", variable: "NEW_RELIC_LICENSE_KEY"),
        Field(namespace: "telemetry/opentelemetry-security", path: [.key("otlp"), .eachElement, .key("headers"), .eachMember], label: "an OTLP exporter authentication header", variable: "OTLP_AUTH_HEADER"),
        Field(namespace: "ai/llm", path: [.key("anthropic"), .key("v1"), .key("credentials")], label: "the Anthropic API key", variable: "ANTHROPIC_API_KEY"),
        Field(namespace: "ai/llm", path: [.key("openai"), .key("v1"), .key("credentials")], label: "the OpenAI API key", variable: "OPENAI_API_KEY"),
        Field(namespace: "ai/llm", path: [.key("mistral"), .key("v1"), .key("credentials")], label: "the Mistral API key", variable: "MISTRAL_API_KEY"),
        Field(namespace: "ai/llm", path: [.key("gemini"), .key("v1beta"), .key("credentials")], label: "the Gemini API key", variable: "GEMINI_API_KEY"),
        Field(namespace: "ai/llm", path: [.key("bedrock"), .key("v1"), .key("credentials")], label: "the Bedrock credentials", variable: "BEDROCK_CREDENTIALS"),
        Field(namespace: "async/kafka", path: [.key("cluster"), .key("sasl"), .key("password")], label: "the Kafka SASL password", variable: "KAFKA_SASL_PASSWORD"),
        Field(namespace: "backend/pubsub/publisher/kafka", path: [.key("writer"), .key("cluster"), .key("sasl"), .key("password")], label: "the Kafka SASL password", variable: "KAFKA_SASL_PASSWORD"),
        Field(namespace: "backend/pubsub/subscriber/kafka", path: [.key("reader"), .key("cluster"), .key("sasl"), .key("password")], label: "the Kafka SASL password", variable: "KAFKA_SASL_PASSWORD"),
        Field(namespace: "async/amqp", path: [.key("host")], kind: .urlPassword, label: "the AMQP password in the host URL", variable: "AMQP_URL"),
    ]

    /// One value of a catalogued field found in a configuration.
    public struct Occurrence: Sendable {
        public let field: Field
        public let node: Node
        public let pointer: JSONPointer
        /// The key holding the value (for `eachMember` steps, the member's key, such as the user of `auth/basic`).
        public let key: String
    }

    /// The fields grouped by namespace, so that a namespace without secrets costs one lookup.
    static let fieldsByNamespace: [String: [Field]] = Dictionary(grouping: fields, by: \.namespace)

    /// Most namespaces have no catalogued field and are turned away before their name is hashed.
    static let namespaceFilter = NameFilter(fieldsByNamespace.keys)

    /// Every value of a catalogued field inside one namespace block.
    public static func occurrences(in namespace: NamespaceView) -> [Occurrence] {
        guard namespaceFilter.mayContain(namespace.name), let candidates = fieldsByNamespace[namespace.name] else { return [] }
        return candidates.flatMap { occurrences(of: $0, from: namespace.node, at: namespace.pointer) }
    }

    static func occurrences(of field: Field, from start: Node, at pointer: JSONPointer) -> [Occurrence] {
        var current: [(node: Node, pointer: JSONPointer, key: String)] = [(start, pointer, field.namespace)]
        for step in field.path {
            var next: [(node: Node, pointer: JSONPointer, key: String)] = []
            for item in current {
                switch step {
                case .key(let key):
                    for member in item.node.members ?? [] where member.key == key {
                        next.append((member.value, item.pointer.appending(key), key))
                    }
                case .eachElement:
                    for (index, element) in (item.node.elements ?? []).enumerated() {
                        next.append((element, item.pointer.appending(index), item.key))
                    }
                case .eachMember:
                    for member in item.node.members ?? [] {
                        next.append((member.value, item.pointer.appending(member.key), member.key))
                    }
                }
            }
            current = next
        }
        return current.map { Occurrence(field: field, node: $0.node, pointer: $0.pointer, key: $0.key) }
    }

    /// The text to hide for a secret value: a non-empty string that is not a template, or a number's literal
    /// (a YAML `password: 1234`). Booleans and null carry nothing to hide.
    public static func hiddenText(of node: Node) -> String? {
        switch node.value {
        case .string(let text): return text.isEmpty || FlexibleConfigTemplate.isTemplate(text) ? nil : text
        case .number(let number): return number.literal
        default: return nil
        }
    }

    /// What `looksLikePasswordKey` looks for, in UTF-8.
    static let passwordKeyParts = ["pass", "pwd", "secret"].map { Array($0.utf8) }

    /// Keys of an `auth/ntlm` block other than `password` that evidently hold a password (`pass`, `pwd`,
    /// `Password`...): KrakenD ignores them, but their values are still secrets to keep out of the output.
    public static func looksLikePasswordKey(_ key: String) -> Bool {
        // An ASCII key (the usual one) is searched byte by byte; any other goes through `String`.
        if let found = ByteSearch.asciiLowercasedContains(passwordKeyParts, in: key) { return found }
        let lower = key.lowercased()
        return lower.contains("pass") || lower.contains("pwd") || lower.contains("secret")
    }

    /// The values of every secret field in `service`, at any level, and the passwords inside host URLs.
    public static func secrets(in service: ServiceView) -> [SecretValue] {
        var found: [SecretValue] = []
        func add(_ node: Node, kind: Kind) {
            if kind == .urlPassword {
                if let url = node.string, let password = URLCredentials.password(in: url) { found.append(SecretValue(String(password), span: node.span)) }
            } else if let text = hiddenText(of: node) {
                found.append(SecretValue(text, span: node.span))
            }
        }
        // The views are walked by index, not by copies of their arrays: the rule groups read the same views on
        // other cores, and each copied reference is a retain and release on a shared, contended counter.
        func scan(_ extraConfig: ExtraConfigView?) {
            guard let extraConfig else { return }
            for index in extraConfig.namespaces.indices {
                let namespace = extraConfig.namespaces[index]
                guard namespaceFilter.mayContain(namespace.name) else { continue }
                for occurrence in occurrences(in: namespace) { add(occurrence.node, kind: occurrence.field.kind) }
                if namespace.name == "auth/ntlm", case .object(let members) = namespace.node.value {
                    for member in members where member.key != "password" && looksLikePasswordKey(member.key) {
                        add(member.value, kind: .literal)
                    }
                }
            }
        }
        func scan(_ hosts: [HostEntry]) {
            for index in hosts.indices {
                if let password = URLCredentials.password(in: hosts[index].value) { found.append(SecretValue(String(password), span: hosts[index].span)) }
            }
        }
        func scan(_ endpoint: EndpointView) {
            scan(endpoint.extraConfig)
            for index in endpoint.backends.indices { scan(endpoint.backends[index]) }
        }
        func scan(_ backend: BackendView) {
            scan(backend.hosts)
            scan(backend.extraConfig)
            if let workflow = backend.workflow { scan(workflow) }
        }
        scan(service.hosts)
        scan(service.extraConfig)
        for index in service.endpoints.indices { scan(service.endpoints[index]) }
        for agent in service.asyncAgents {
            scan(agent.extraConfig)
            agent.backends.forEach(scan)
        }
        return found
    }
}
