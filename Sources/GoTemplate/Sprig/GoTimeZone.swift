import Foundation

/// A Go `*time.Location`: UTC, a fixed offset, or a zone read from the system's TZif files as Go's
/// `time.LoadLocation` reads them (`/usr/share/zoneinfo`).
///
/// Go also applies a zone's POSIX rule to instants after its last listed transition; this reads only the
/// transitions, which Debian's files list up to 2037.
struct GoTimeZone: Sendable {
    struct ZoneType: Sendable, Equatable {
        var abbreviation: String
        var offset: Int
        var isDaylightSaving: Bool
    }

    /// What `Location.String` prints: `UTC`, `Europe/Madrid`.
    let name: String
    private let transitions: [Int64]
    private let transitionTypes: [Int]
    private let types: [ZoneType]

    static let utc = GoTimeZone(name: "UTC", transitions: [], transitionTypes: [], types: [ZoneType(abbreviation: "UTC", offset: 0, isDaylightSaving: false)])

    /// Go's `FixedZone(name, offset)`.
    static func fixed(name: String, offset: Int) -> GoTimeZone {
        GoTimeZone(name: name, transitions: [], transitionTypes: [], types: [ZoneType(abbreviation: name, offset: offset, isDaylightSaving: false)])
    }

    private init(name: String, transitions: [Int64], transitionTypes: [Int], types: [ZoneType]) {
        self.name = name
        self.transitions = transitions
        self.transitionTypes = transitionTypes
        self.types = types
    }

    /// Go's `time.LoadLocation`: `""` and `UTC` are UTC, `Local` is the caller's local zone, anything else a
    /// file under the zoneinfo directories; nil where Go fails.
    static func load(_ name: String, local: String) -> GoTimeZone? {
        if name == "" || name == "UTC" { return .utc }
        if name == "Local" { return localZone(local) }
        if name.contains("..") || name.hasPrefix("/") || name.hasPrefix("\\") { return nil }
        for directory in ["/usr/share/zoneinfo/", "/usr/share/lib/zoneinfo/", "/usr/lib/locale/TZ/"] {
            if let data = FileManager.default.contents(atPath: directory + name), let zone = parse(Array(data), name: name) {
                return zone
            }
        }
        return nil
    }

    /// The zone Go's `time.Local` stands for, as Go sets it from `TZ=identifier`: that zone under its own name,
    /// or UTC when it cannot be loaded.
    static func localZone(_ identifier: String) -> GoTimeZone {
        identifier.isEmpty || identifier == "UTC" ? .utc : load(identifier, local: "UTC") ?? .utc
    }

    /// The zone in effect at a Unix time (Go's `Location.lookup`).
    func lookup(_ unixSeconds: Int64) -> ZoneType {
        guard let first = transitions.first, unixSeconds >= first else { return types[firstZoneIndex] }
        var low = 0, high = transitions.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if unixSeconds < transitions[middle] { high = middle } else { low = middle }
        }
        return types[transitionTypes[low]]
    }

    /// Go's `lookupFirstZone`: the zone before the first transition.
    private var firstZoneIndex: Int {
        if !transitionTypes.contains(0) { return 0 }
        if let firstType = transitionTypes.first, types[firstType].isDaylightSaving {
            var index = firstType - 1
            while index >= 0 {
                if !types[index].isDaylightSaving { return index }
                index -= 1
            }
        }
        return types.firstIndex { !$0.isDaylightSaving } ?? 0
    }

    /// Reads a TZif file (version 1 data, or the 64-bit data of versions 2 and later).
    private static func parse(_ bytes: [UInt8], name: String) -> GoTimeZone? {
        func word(_ offset: Int) -> Int? {
            guard offset + 4 <= bytes.count else { return nil }
            return Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
        }
        guard bytes.count >= 44, bytes[0..<4].elementsEqual("TZif".utf8) else { return nil }
        var headerStart = 0
        var timeSize = 4
        func counts(_ start: Int) -> (isut: Int, isstd: Int, leap: Int, time: Int, type: Int, chars: Int)? {
            guard let a = word(start + 20), let b = word(start + 24), let c = word(start + 28), let d = word(start + 32),
                let e = word(start + 36), let f = word(start + 40)
            else { return nil }
            return (a, b, c, d, e, f)
        }
        guard var header = counts(0) else { return nil }
        if bytes[4] >= UInt8(ascii: "2") {
            let skip = 44 + header.time * 4 + header.time + header.type * 6 + header.chars + header.leap * 8 + header.isstd + header.isut
            guard let second = counts(skip) else { return nil }
            headerStart = skip
            header = second
            timeSize = 8
        }
        var offset = headerStart + 44
        guard offset + header.time * timeSize + header.time + header.type * 6 + header.chars <= bytes.count, header.type > 0 else {
            return nil
        }
        var transitions: [Int64] = []
        for index in 0..<header.time {
            var value: UInt64 = 0
            for byte in bytes[(offset + index * timeSize)..<(offset + (index + 1) * timeSize)] { value = value << 8 | UInt64(byte) }
            transitions.append(timeSize == 8 ? Int64(bitPattern: value) : Int64(Int32(truncatingIfNeeded: value)))
        }
        offset += header.time * timeSize
        let transitionTypes = bytes[offset..<(offset + header.time)].map(Int.init)
        guard transitionTypes.allSatisfy({ $0 < header.type }) else { return nil }
        offset += header.time
        let charactersStart = offset + header.type * 6
        let characters = Array(bytes[charactersStart..<(charactersStart + header.chars)])
        var types: [ZoneType] = []
        for index in 0..<header.type {
            let base = offset + index * 6
            guard let raw = word(base) else { return nil }
            let abbreviationStart = Int(bytes[base + 5])
            let abbreviation = abbreviationStart < characters.count
                ? String(decoding: characters[abbreviationStart...].prefix { $0 != 0 }, as: UTF8.self) : ""
            types.append(ZoneType(abbreviation: abbreviation, offset: Int(Int32(truncatingIfNeeded: raw)), isDaylightSaving: bytes[base + 4] != 0))
        }
        return GoTimeZone(name: name, transitions: transitions, transitionTypes: transitionTypes, types: types)
    }
}
