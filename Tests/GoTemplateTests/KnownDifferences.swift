/// Corpus cases where our engine does not yet give Go's bytes, by name, each with its cause. The differential
/// test fails on any other difference, and also when a listed case starts to agree, so this list stays exactly
/// the set of open differences. It is empty: every corpus case agrees with Go.
///
/// The last cause closed was strings that are not valid UTF-8: a ``Value`` keeps such a Go string as
/// `Value.Storage.byteString` (bytes), which `"\xff"` literals, `b64dec`, `b32dec`, `decryptAES`, `substr`,
/// `trunc`, `abbrev`, `slice`, `print`/`printf`, `cat`, `squote`, `join`, `html`, `js` and `include` produce,
/// and which the output, `len`, `index`, `eq`/`lt`, fmt's verbs, `quote`, the JSON encoders, the hashes and
/// base encodings read byte for byte. Other sprig functions read such a string as Go's range over its runes
/// does (each invalid byte as U+FFFD), which is Go's result for those built on runes (`upper`, `title`…) but
/// not for those that keep bytes (`trim`, `replace`, `split`…); see docs/flexible-config.md.
enum KnownDifferences {
    static let cases: [String: String] = [:]
}
