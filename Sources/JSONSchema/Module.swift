/// JSON Schema engine: drafts 07, 2019-09 and 2020-12 over the positioned tree.
public enum JSONSchemaModule {}
