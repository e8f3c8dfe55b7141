import Testing

@testable import SLAReportCore

/// Seconds since the epoch of a UTC wall time, computed with the calendar arithmetic, not the parser.
private func utc(_ y: Int, _ mo: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0, _ s: Int = 0) -> Timestamp.Value {
    .instant(Instant(seconds: CivilDateTime(year: y, month: mo, day: d, hour: h, minute: mi, second: s).utcSeconds))
}

private struct Form: Sendable, CustomTestStringConvertible {
    let text: String
    let expected: Timestamp.Value?
    var testDescription: String { "\"\(text)\"" }
}

private let utcForms: [Form] = [
    Form(text: "2016-11-21T09:14:03Z", expected: .instant(Instant(seconds: 1_479_719_643))),
    Form(text: "2016-11-21t09:14:03z", expected: utc(2016, 11, 21, 9, 14, 3)),
    Form(text: "  2016-11-21T09:14:03Z ", expected: utc(2016, 11, 21, 9, 14, 3)),
    Form(text: "2016-11-21T09:14:03.250+01:00", expected: utc(2016, 11, 21, 8, 14, 3)),
    Form(text: "2016-11-21T09:14:03.999999Z", expected: utc(2016, 11, 21, 9, 14, 3)),
    Form(text: "2016-11-21T09:14:03+0100", expected: utc(2016, 11, 21, 8, 14, 3)),
    Form(text: "2016-11-21 09:14:03 +0100", expected: utc(2016, 11, 21, 8, 14, 3)),
    Form(text: "2016-11-21 09:14:03 -0530", expected: utc(2016, 11, 21, 14, 44, 3)),
    Form(text: "2016-11-21T09:14:03+01", expected: utc(2016, 11, 21, 8, 14, 3)),
    Form(text: "2016-11-21T00:14:03+01:00", expected: utc(2016, 11, 20, 23, 14, 3)),
    Form(text: "2016-11-21 09:14:03 UTC", expected: utc(2016, 11, 21, 9, 14, 3)),
    Form(text: "2016-11-21 09:14 UTC", expected: utc(2016, 11, 21, 9, 14, 0)),
    Form(text: "2016-11-21 09:14:03 GMT", expected: utc(2016, 11, 21, 9, 14, 3)),
    Form(text: "2016-11-21T09:14:03", expected: utc(2016, 11, 21, 9, 14, 3)),
    Form(text: "2016-11-21 09:14", expected: utc(2016, 11, 21, 9, 14, 0)),
    Form(text: "2016-11-21", expected: utc(2016, 11, 21)),
    Form(text: "2016-12-31T23:59:60Z", expected: utc(2016, 12, 31, 23, 59, 59)),
    Form(text: "2016-02-29T12:00:00Z", expected: utc(2016, 2, 29, 12)),
    Form(text: "1969-12-31T23:59:59Z", expected: .instant(Instant(seconds: -1))),
    Form(text: "2011/09/25 22:35:44 -0700", expected: utc(2011, 9, 26, 5, 35, 44)),
    Form(text: "2011/09/25 22:35:44", expected: utc(2011, 9, 25, 22, 35, 44)),
    Form(text: "Tue Oct 31 22:10:47 +0000 2017", expected: utc(2017, 10, 31, 22, 10, 47)),
    Form(text: "Tue Oct 31 22:10:47 -0130 2017", expected: utc(2017, 10, 31, 23, 40, 47)),
    Form(text: "Wed Jan 01 00:30:00 +0100 2020", expected: utc(2019, 12, 31, 23, 30)),
    Form(text: "1479719643", expected: .instant(Instant(seconds: 1_479_719_643))),
    Form(text: "999999999", expected: .instant(Instant(seconds: 999_999_999))),
    // "never" sentinels
    Form(text: "1900-01-01 00:00:00", expected: .never),
    Form(text: "1900-01-01T00:00:00Z", expected: .never),
    Form(text: "1900-01-01", expected: .never),
    Form(text: "0000-00-00 00:00:00", expected: .never),
    Form(text: "0000-00-00", expected: .never),
    Form(text: "0001-01-01T00:00:00Z", expected: .never),
    Form(text: "1900-01-01 00:00:01", expected: utc(1900, 1, 1, 0, 0, 1)),
    // invalid
    Form(text: "2016-02-30T10:00:00Z", expected: nil),
    Form(text: "2015-02-29", expected: nil),
    Form(text: "1900-02-29", expected: nil),
    Form(text: "2016-13-01", expected: nil),
    Form(text: "2016-00-10", expected: nil),
    Form(text: "2016-11-21T25:00:00Z", expected: nil),
    Form(text: "2016-11-21T24:00:00Z", expected: nil),
    Form(text: "2016-11-21T10:60:00Z", expected: nil),
    Form(text: "2016-11-21T10:00:61Z", expected: nil),
    Form(text: "2016-11-21T10:00:00+25:00", expected: nil),
    Form(text: "2016-11-21T10:00:00Zjunk", expected: nil),
    Form(text: "2016-11-21T10:00:00.Z", expected: nil),
    Form(text: "2016-11-21T", expected: nil),
    Form(text: "2016-11-21T10", expected: nil),
    Form(text: "2016-1-21", expected: nil),
    Form(text: "2016-11/21", expected: nil),
    Form(text: "Tue Oct 32 22:10:47 +0000 2017", expected: nil),
    Form(text: "Tue Foo 31 22:10:47 +0000 2017", expected: nil),
    Form(text: "12345", expected: nil),
    Form(text: "123456789012", expected: nil),
    Form(text: "garbage", expected: nil),
    Form(text: "", expected: nil),
    Form(text: "0000-00-00 junk", expected: nil),
]

/// America/New_York: DST began 2016-03-13 02:00 EST (→ 03:00 EDT) and ended 2016-11-06 02:00 EDT (→ 01:00 EST).
private let newYorkForms: [Form] = [
    Form(text: "2016-03-13 01:30:00", expected: utc(2016, 3, 13, 6, 30)),
    Form(text: "2016-03-13 03:30:00", expected: utc(2016, 3, 13, 7, 30)),
    Form(text: "2016-11-06 00:30:00", expected: utc(2016, 11, 6, 4, 30)),
    Form(text: "2016-11-06 01:30:00", expected: utc(2016, 11, 6, 5, 30)),  // ambiguous: the earlier (EDT)
    Form(text: "2016-11-06 03:00:00", expected: utc(2016, 11, 6, 8)),
    Form(text: "2016-11-21", expected: utc(2016, 11, 21, 5)),
    Form(text: "2016-07-04", expected: utc(2016, 7, 4, 4)),
    Form(text: "2016-07-04T12:00:00Z", expected: utc(2016, 7, 4, 12)),
    Form(text: "2016-07-04T12:00:00+02:00", expected: utc(2016, 7, 4, 10)),
    Form(text: "2016-07-04 12:00 UTC", expected: utc(2016, 7, 4, 12)),
    Form(text: "1900-01-01 00:00:00", expected: .never),
]

@Suite struct TimestampTests {
    @Test(arguments: utcForms) fileprivate func utcInput(_ form: Form) {
        #expect(Timestamp.parse(form.text, zone: .utc) == form.expected)
    }

    @Test(arguments: newYorkForms) fileprivate func newYorkInput(_ form: Form) throws {
        let zone = try #require(ZoneClock(identifier: "America/New_York"))
        #expect(Timestamp.parse(form.text, zone: zone) == form.expected)
    }

    @Test func unixSecondsFromJSONNumbers() {
        #expect(Timestamp.unixSeconds("1479719643") == Instant(seconds: 1_479_719_643))
        #expect(Timestamp.unixSeconds("1479719643.9") == Instant(seconds: 1_479_719_643))
        #expect(Timestamp.unixSeconds("1.479719643e9") == Instant(seconds: 1_479_719_643))
        #expect(Timestamp.unixSeconds("-1.5") == Instant(seconds: -2))
        #expect(Timestamp.unixSeconds("0") == Instant(seconds: 0))
        #expect(Timestamp.unixSeconds("abc") == nil)
        #expect(Timestamp.unixSeconds("1e300") == nil)
    }

    @Test func parsesFromBytes() {
        let bytes = Array("2016-11-21T09:14:03Z".utf8)
        let value = bytes.withUnsafeBufferPointer { Timestamp.parse($0, zone: .utc) }
        #expect(value?.instant == Instant(seconds: 1_479_719_643))
        #expect(Timestamp.Value.never.instant == nil)
    }
}
