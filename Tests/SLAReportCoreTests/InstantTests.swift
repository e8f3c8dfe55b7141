import Testing

@testable import SLAReportCore

@Suite struct InstantTests {
    @Test func civilRoundTrip() {
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            let (y, m, d) = CivilDateTime.civil(fromDays: days)
            #expect(CivilDateTime.days(year: y, month: m, day: d) == days)
            #expect(CivilDateTime.isValidDate(year: y, month: m, day: d))
        }
    }

    @Test func knownDates() {
        #expect(Instant(seconds: 0).rfc3339 == "1970-01-01T00:00:00Z")
        #expect(Instant(seconds: 1_479_719_643).rfc3339 == "2016-11-21T09:14:03Z")
        #expect(Instant(seconds: -1).rfc3339 == "1969-12-31T23:59:59Z")
        #expect(CivilDateTime.isoWeekday(fromDays: CivilDateTime.days(year: 2016, month: 11, day: 21)) == 1)
        #expect(!CivilDateTime.isValidDate(year: 2016, month: 2, day: 30))
        #expect(CivilDateTime.isValidDate(year: 2016, month: 2, day: 29))
        #expect(!CivilDateTime.isValidDate(year: 1900, month: 2, day: 29))
    }

    @Test func percentRoundsHalfUp() {
        #expect(Percent(100, of: 112)?.description == "89.29")
        #expect(Percent(37, of: 40)?.description == "92.5")
        #expect(Percent(3, of: 3)?.description == "100")
        #expect(Percent(1, of: 8)?.description == "12.5")
        #expect(Percent(1, of: 0) == nil)
    }
}
