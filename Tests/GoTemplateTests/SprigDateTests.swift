@testable import GoTemplate
import XCTest

/// Expected values come from Go 1.19 with sprig 3.2.3, run with `TZ=UTC` (and `TZ=Europe/Madrid` where the
/// local zone is injected). They need the host's zoneinfo files, as Go does.
final class SprigDateTests: XCTestCase {
    private let dates = SprigDates.functions
    private let madrid = FunctionContext(localTimeZone: "Europe/Madrid")

    private func string(_ name: String, _ arguments: Value..., context: FunctionContext = FunctionContext()) throws -> String {
        let value = try dates[name]!.body(arguments, context)
        switch value.storage {
        case .string(let text): return text
        case .object(let object): return object.formatted
        default: return "<\(value.storage)>"
        }
    }

    private func date(_ layout: String, _ text: String, context: FunctionContext = FunctionContext()) throws -> Value {
        try dates["toDate"]!.body([.string(layout), .string(text)], context)
    }

    func testFormattingInZones() throws {
        let cases: [(String, Int64, String, String)] = [
            ("2006-01-02T15:04:05Z07:00", 1_700_000_000, "UTC", "2023-11-14T22:13:20Z"),
            ("Mon Jan _2 15:04:05 MST 2006", 1_700_000_000, "America/New_York", "Tue Nov 14 17:13:20 EST 2023"),
            ("Monday, 02-Jan-06 3:4:5 PM -0700 -07:00 -07 Z0700 Z07:00:00 -070000", 1_690_000_000, "Asia/Kolkata",
             "Saturday, 22-Jul-23 9:56:40 AM +0530 +05:30 +05 +0530 +05:30:00 +053000"),
            ("02 Jan 06 15:04 MST", 1_700_000_000, "bogus", "14 Nov 23 22:13 UTC"),
            ("2006", 1_700_000_000, "", "2023"),
            ("Jan 2 15:04:05 MST", 1_690_000_000, "Europe/Madrid", "Jul 22 06:26:40 CEST"),
            ("2006", -62_135_596_800, "UTC", "0001"),
            ("2006-01-02", 253_402_300_800, "UTC", "10000-01-01"),
            ("2006-01-02 15:04", -86401, "UTC", "1969-12-30 23:59"),
        ]
        for (layout, seconds, zone, expected) in cases {
            XCTAssertEqual(try string("dateInZone", .string(layout), .int(Int(seconds)), .string(zone)), expected, layout)
        }
        let fraction = try date("2006-01-02 15:04:05.999999999", "2023-03-05 07:08:09.120000000")
        XCTAssertEqual(
            try string("dateInZone", .string("2006-01-02 15:04:05.000 .999 ,000000 __2 002 January pm"), fraction, .string("Asia/Dubai")),
            "2023-03-05 11:08:09.120 .12 ,120000  64 064 March am")
        XCTAssertEqual(try string("date", .string("2006-01-02 15:04 MST"), .int(1_700_000_000)), "2023-11-14 22:13 UTC")
        XCTAssertEqual(try string("date", .string("2006-01-02 15:04 MST"), .int(1_700_000_000), context: madrid), "2023-11-14 23:13 CET")
        XCTAssertEqual(try string("htmlDate", .int(1_700_000_000)), "2023-11-14")
        XCTAssertEqual(try string("htmlDateInZone", .int(1_700_000_000), .string("Australia/Lord_Howe")), "2023-11-15")
    }

    func testToDate() throws {
        let cases: [(String, String, String)] = [
            ("2006-01-02", "2017-12-31", "2017-12-31 00:00:00 +0000 UTC"),
            ("2006-01-02", "bogus", "0001-01-01 00:00:00 +0000 UTC"),
            ("2006-01-02T15:04:05Z07:00", "2019-10-12T07:20:50.52+02:00", "2019-10-12 07:20:50.52 +0200 +0200"),
            ("2006-01-02 15:04 MST", "2019-10-12 07:20 PDT", "2019-10-12 07:20:00 +0000 PDT"),
            ("2006-01-02 15:04 MST", "2019-10-12 07:20 UTC", "2019-10-12 07:20:00 +0000 UTC"),
            ("Jan 2, 2006 at 3:04pm (MST)", "Feb 3, 2013 at 7:54pm (PST)", "2013-02-03 19:54:00 +0000 PST"),
            ("2006-002", "2020-060", "2020-02-29 00:00:00 +0000 UTC"),
        ]
        for (layout, text, expected) in cases {
            XCTAssertEqual(try string("toDate", .string(layout), .string(text)), expected, text)
        }
        XCTAssertEqual(try string("toDate", .string("2006-01-02"), .string("2017-12-31"), context: madrid), "2017-12-31 00:00:00 +0100 CET")
        XCTAssertEqual(
            try string("toDate", .string("2006-01-02T15:04:05Z07:00"), .string("2019-10-12T07:20:50.52+02:00"), context: madrid),
            "2019-10-12 07:20:50.52 +0200 CEST")
        XCTAssertEqual(try string("unixEpoch", try date("2006-01-02", "2017-12-31")), "1514678400")
        XCTAssertEqual(try string("unixEpoch", try date("2006-01-02", "2017-12-31", context: madrid)), "1514674800")
    }

    func testMustToDateErrors() {
        let cases: [(String, String, String)] = [
            ("2006-01-02", "2017-13-01", #"parsing time "2017-13-01": month out of range"#),
            ("2006-01-02", "2017-02-30", #"parsing time "2017-02-30": day out of range"#),
            ("2006-01-02", "17-02-03", #"parsing time "17-02-03" as "2006-01-02": cannot parse "2-03" as "2006""#),
            ("2006-01-02", "2017-02-03x", #"parsing time "2017-02-03x": extra text: "x""#),
            ("15:04", "25:00", #"parsing time "25:00": hour out of range"#),
            ("Jan 2006", "Foo 2006", #"parsing time "Foo 2006" as "Jan 2006": cannot parse "Foo 2006" as "Jan""#),
            ("3PM", "3XM", #"parsing time "3XM" as "3PM": cannot parse "" as "PM""#),
        ]
        for (layout, text, message) in cases {
            XCTAssertEqual(sprigErrorMessage { try callSprig(dates, "mustToDate", .string(layout), .string(text)) }, message, text)
        }
    }

    func testDateModify() throws {
        let base = try date("2006-01-02", "2017-12-31")
        XCTAssertEqual(try string("dateModify", .string("1h30m"), base), "2017-12-31 01:30:00 +0000 UTC")
        XCTAssertEqual(try string("date_modify", .string("bogus"), base), "2017-12-31 00:00:00 +0000 UTC")
        XCTAssertEqual(try string("dateModify", .string("-1.5h"), base), "2017-12-30 22:30:00 +0000 UTC")
        let madridBase = try date("2006-01-02", "2017-12-31", context: madrid)
        XCTAssertEqual(try string("dateModify", .string("1h30m"), madridBase), "2017-12-31 01:30:00 +0100 CET")
        let errors = [
            ("1q", #"time: unknown unit "q" in duration "1q""#), ("1", #"time: missing unit in duration "1""#),
            ("", #"time: invalid duration """#), (".h", #"time: invalid duration ".h""#),
        ]
        for (text, message) in errors {
            XCTAssertEqual(sprigErrorMessage { try callSprig(dates, "mustDateModify", .string(text), base) }, message, text)
        }
    }

    func testDurations() throws {
        let durations: [(Value, String)] = [
            (.string("95"), "1m35s"), (.int(95), "0s"), (.string("-3725"), "-1h2m5s"), (.string("1e3"), "0s"),
            (.string("100000"), "27h46m40s"), (.string("0"), "0s"),
        ]
        for (argument, expected) in durations {
            XCTAssertEqual(try string("duration", argument), expected, "\(argument.storage)")
        }
        let rounded: [(Value, String)] = [
            (.string("2h10m5s"), "2h"), (.string("-800h"), "1mo"), (.string("9000h"), "1y"), (.string("1s"), "0s"),
            (.string("1.5s"), "1s"), (.string(""), "0s"), (.int(3), "0s"),
        ]
        for (argument, expected) in rounded {
            XCTAssertEqual(try string("durationRound", argument), expected, "\(argument.storage)")
        }
        XCTAssertEqual(GoDuration.format(1_500_000), "1.5ms")
        XCTAssertEqual(GoDuration.format(1_200), "1.2µs")
        XCTAssertEqual(GoDuration.format(3_723_500_000_000), "1h2m3.5s")
        XCTAssertEqual(GoDuration.format(-7), "-7ns")
    }

    func testTimeMembers() throws {
        guard case .object(let time) = try date("2006-01-02 15:04:05", "2023-03-05 07:08:09").storage else { return XCTFail() }
        let names = ["Year", "Month", "Day", "Hour", "Minute", "Second", "YearDay", "Weekday", "UnixNano", "IsZero", "Location", "UTC"]
        let rendered = try names.map { name -> String in
            guard let value = try time.member(name) else { return "<none>" }
            switch value.storage {
            case .int(let integer, _): return String(integer)
            case .bool(let flag): return String(flag)
            case .object(let object): return object.formatted
            default: return "<\(value.storage)>"
            }
        }
        XCTAssertEqual(
            rendered.joined(separator: " "),
            "2023 March 5 7 8 9 64 Sunday 1678000089000000000 false UTC 2023-03-05 07:08:09 +0000 UTC")
        guard case .object(let zero) = try date("x", "y").storage else { return XCTFail() }
        guard case .bool(true) = try zero.member("IsZero")?.storage else { return XCTFail("zero time") }
    }

    func testTimeMethodsWithArgumentsAndJSON() throws {
        guard case .object(let time) = try date("2006-01-02 15:04:05.000", "2023-03-05 07:08:09.120").storage else { return XCTFail() }
        func call(_ name: String, _ arguments: Value...) throws -> String {
            let value = try XCTUnwrap(time.method(name)).body(arguments, FunctionContext())
            switch value.storage {
            case .string(let text): return text
            case .bool(let flag): return String(flag)
            case .object(let object): return object.formatted
            default: return "<\(value.storage)>"
            }
        }
        XCTAssertEqual(try call("Format", .string("Jan 2")), "Mar 5")
        XCTAssertEqual(try call("Add", .int(3_600_000_000_000)), "2023-03-05 08:08:09.12 +0000 UTC")
        XCTAssertEqual(try call("AddDate", .int(1), .int(2), .int(30)), "2024-06-04 07:08:09.12 +0000 UTC")
        let now = try dates["now"]!.body([], FunctionContext())
        XCTAssertEqual(try call("Before", now), "true")
        XCTAssertEqual(try call("After", now), "false")
        XCTAssertEqual(try call("Equal", Value(.object(time))), "true")
        XCTAssertNil(time.method("Bogus"))
        guard case .string(let json) = time.jsonValue?.storage else { return XCTFail("time JSON") }
        XCTAssertEqual(json, "2023-03-05T07:08:09.12Z")
        guard case .object(let offsetTime) = try date("2006-01-02T15:04:05Z07:00", "2019-10-12T07:20:50+02:00").storage,
            case .string(let offsetJSON) = offsetTime.jsonValue?.storage
        else { return XCTFail("time JSON") }
        XCTAssertEqual(offsetJSON, "2019-10-12T07:20:50+02:00")
    }

    func testNowAndAgoAreMarkedAndShaped() throws {
        XCTAssertFalse(dates["now"]!.isDeterministic)
        XCTAssertFalse(dates["ago"]!.isDeterministic)
        XCTAssertFalse(dates["date"]!.isDeterministic)
        let now = try dates["now"]!.body([], FunctionContext())
        guard case .object(let object) = now.storage else { return XCTFail() }
        XCTAssertEqual(object.goType.description, "time.Time")
        XCTAssertTrue(object.formatted.hasSuffix(" +0000 UTC"), object.formatted)
        XCTAssertEqual(try string("ago", now), "0s")
    }
}
