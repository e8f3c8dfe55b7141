import Testing

@testable import SLAReportCore

/// Night spans, spans ending at 24:00 and dated hours in the policy file (SPEC §3).
@Suite struct ScheduleDecodingTests {
    static func policy(schedule: String) -> String {
        #"{ "channels": [ { "key": "a" } ], "schedules": { "default": \#(schedule) } }"#
    }

    static func schedule(_ text: String) throws -> Schedule {
        let policy = try PolicyDecodingTests.decode(Self.policy(schedule: text))
        return try #require(policy.schedules["default"])
    }

    @Test func nightSpansBelongToTheDayTheyStartOn() throws {
        let schedule = try Self.schedule(
            #"""
            { "timezone": "Europe/Amsterdam",
              "hours": { "fri": ["22:00-02:00"], "sat": ["16:00-24:00"], "sun": "23:00-00:00",
                         "mon": ["00:00-24:00"], "tue": ["02:00-05:00", "21:30-01:15"] } }
            """#)
        #expect(schedule.hours[5] == [MinuteInterval(start: 1320, end: 1560)])
        #expect(schedule.hours[6] == [MinuteInterval(start: 960, end: 1440)])
        // An end of 00:00 is midnight: the same span as 23:00-24:00.
        #expect(schedule.hours[7] == [MinuteInterval(start: 1380, end: 1440)])
        #expect(schedule.hours[1] == [MinuteInterval(start: 0, end: 1440)])
        #expect(schedule.hours[2] == [MinuteInterval(start: 120, end: 300), MinuteInterval(start: 1290, end: 1515)])
        #expect(schedule.hours[5]?.first?.crossesMidnight == true)
        #expect(schedule.hours[6]?.first?.crossesMidnight == false)
        // Written back in the same form (an end at midnight as 24:00).
        #expect(MinuteInterval(start: 1320, end: 1560).text == "22:00-02:00")
        #expect(MinuteInterval(start: 1380, end: 1440).text == "23:00-24:00")
        #expect(MinuteInterval(start: 0, end: 1440).text == "00:00-24:00")
    }

    @Test func datesHaveTheirOwnHours() throws {
        let schedule = try Self.schedule(
            #"""
            { "hours": { "mon": ["09:00-17:00"], "fri": ["09:00-17:00"] },
              "dates": { "2016-12-24": ["09:00-13:00"], "2016-12-31": [], "2016-12-26": "10:00-12:00" },
              "holidays": ["2016-12-26"] }
            """#)
        #expect(
            schedule.dates == [
                "2016-12-24": [MinuteInterval(start: 540, end: 780)], "2016-12-31": [],
                "2016-12-26": [MinuteInterval(start: 600, end: 720)],
            ])
        // The date wins over the holiday list and over the weekday.
        #expect(
            schedule.spans(onDay: CivilDateTime.days(year: 2016, month: 12, day: 26)) == [
                MinuteInterval(start: 600, end: 720)
            ])
        #expect(
            schedule.spans(onDay: CivilDateTime.days(year: 2016, month: 12, day: 24)) == [
                MinuteInterval(start: 540, end: 780)
            ])
        #expect(
            schedule.spans(onDay: CivilDateTime.days(year: 2016, month: 12, day: 19)) == [
                MinuteInterval(start: 540, end: 1020)
            ])
        #expect(schedule.spans(onDay: CivilDateTime.days(year: 2016, month: 12, day: 31)).isEmpty)
    }

    @Test func datesRoundTripAndStayOutWhenAbsent() throws {
        let text = Self.policy(
            schedule: #"""
                { "timezone": "UTC", "hours": { "fri": ["22:00-02:00"] },
                  "dates": { "2016-12-31": [], "2016-12-24": ["09:00-13:00", "22:00-03:00"] } }
                """#)
        let policy = try PolicyDecodingTests.decode(text)
        let json = policy.jsonText()
        #expect(json.contains(#""fri": ["22:00-02:00"]"#))
        #expect(json.contains(#""dates": { "2016-12-24": ["09:00-13:00", "22:00-03:00"], "2016-12-31": [] }"#))
        #expect(try PolicyDecodingTests.decode(json) == policy)
        // A schedule without dates prints none (the built-in policy's output is unchanged).
        #expect(!Policy.builtIn.jsonText().contains("\"dates\""))
    }

    @Test(arguments: [
        (
            #"{ "hours": { "fri": ["22:00-02:00"], "sat": ["01:00-05:00"] } }"#,
            #"schedules.default.hours.sat[0]: "01:00-05:00" overlaps "22:00-02:00" starting on fri"#
        ),
        (
            #"{ "hours": { "sun": ["20:00-03:00"], "mon": ["02:00-04:00", "09:00-17:00"] } }"#,
            #"schedules.default.hours.mon[0]: "02:00-04:00" overlaps "20:00-03:00" starting on sun"#
        ),
        (
            #"{ "hours": { "mon": ["22:00-02:00", "23:00-23:30"] } }"#,
            #"schedules.default.hours.mon[1]: "23:00-23:30" overlaps "22:00-02:00""#
        ),
        (
            #"{ "hours": { "mon": ["09:00-17:00"] }, "dates": { "2016-02-30": [] } }"#,
            #"schedules.default.dates.2016-02-30: "2016-02-30" is not a date (expected YYYY-MM-DD)"#
        ),
        (
            #"{ "hours": { "mon": ["09:00-17:00"] }, "dates": { "2016-12-24": ["13:00-09:00x"] } }"#,
            #"schedules.default.dates.2016-12-24[0]: "13:00-09:00x" is not a range of hours (expected "HH:MM-HH:MM" with hours 00–24 and minutes 00–59)"#
        ),
        (
            #"{ "hours": { "mon": ["09:00-17:00"] }, "dates": { "2016-12-24": 9 } }"#,
            #"schedules.default.dates.2016-12-24: expected an array of ranges such as ["09:00-17:00"], found a number"#
        ),
        // 2016-12-24 is a Saturday; Friday 2016-12-23 works 22:00-02:00.
        (
            #"{ "hours": { "fri": ["22:00-02:00"] }, "dates": { "2016-12-24": ["01:00-03:00"] } }"#,
            #"schedules.default.dates.2016-12-24[0]: "01:00-03:00" overlaps "22:00-02:00" starting on fri"#
        ),
        (
            #"{ "hours": { "sun": ["03:00-05:00"] }, "dates": { "2016-12-24": ["20:00-04:00"] } }"#,
            #"schedules.default.dates.2016-12-24[0]: "20:00-04:00" runs into "03:00-05:00" starting on sun"#
        ),
        (
            #"{ "hours": { "fri": ["09:00-17:00"] }, "dates": { "2016-12-24": ["22:00-02:00"], "2016-12-25": ["01:00-02:00"] } }"#,
            #"schedules.default.dates.2016-12-25[0]: "01:00-02:00" overlaps "22:00-02:00" starting on 2016-12-24"#
        ),
        (
            #"{ "hours": { "fri": ["09:00-17:00"] }, "dated": {} }"#,
            #"schedules.default.dated: unknown key (did you mean "dates"?)"#
        ),
    ])
    func rejects(schedule: String, problem: String) {
        #expect(PolicyDecodingTests.problems(Self.policy(schedule: schedule)) == [problem])
    }

    @Test func touchingSpansAndCancelledNeighboursAreFine() throws {
        // Friday's night ends at 02:00 as Saturday's morning starts.
        _ = try Self.schedule(#"{ "hours": { "fri": ["22:00-02:00"], "sat": ["02:00-05:00"] } }"#)
        // Friday 2016-12-23 is a holiday, so its night does not run into Saturday's dated hours.
        _ = try Self.schedule(
            #"""
            { "hours": { "fri": ["22:00-02:00"] }, "holidays": ["2016-12-23"], "dates": { "2016-12-24": ["01:00-03:00"] } }
            """#)
        // Friday 2016-12-23 has its own (day) hours instead of the night.
        _ = try Self.schedule(
            #"""
            { "hours": { "fri": ["22:00-02:00"] },
              "dates": { "2016-12-23": ["09:00-13:00"], "2016-12-24": ["01:00-03:00"] } }
            """#)
    }
}
