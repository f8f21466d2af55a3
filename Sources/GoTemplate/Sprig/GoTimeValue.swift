extension Value {
    /// A Go `time.Time` at a civil date and time, as a decoder of dated data (a TOML offset date-time) builds
    /// it: in `time.UTC` when `utcOffsetSeconds` is nil, else in Go's `time.FixedZone("", offset)`, whose
    /// `String` prints the offset twice (`2024-05-27 00:32:00 -0700 -0700`).
    public static func goTime(
        year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, nanosecond: Int, utcOffsetSeconds: Int?
    ) -> Value {
        let zone = utcOffsetSeconds.map { GoTimeZone.fixed(name: "", offset: $0) } ?? .utc
        let time = GoTime.date(
            year: Int64(year), month: month, day: day, hour: hour, minute: minute, second: second,
            nanosecond: Int64(nanosecond), zone: zone
        )
        return Value(.object(GoTimeObject(time: time)))
    }
}
