/// The `krakend/*` rules: what KrakenD's runtime checks beyond the schema.
enum KrakenDRules {
    static let all: [any Rule.Type] = [
        UnsupportedVersionRule.self,
    ]
}
