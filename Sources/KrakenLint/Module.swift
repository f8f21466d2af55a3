/// KrakenD knowledge: schema, views, rules, linter.
public enum KrakenLintModule { static var schemaFileCount: Int { EmbeddedSchemas.files.count } }
