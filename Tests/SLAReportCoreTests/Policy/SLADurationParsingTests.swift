import Testing

@testable import SLAReportCore

@Suite struct SLADurationParsingTests {
    @Test(arguments: [
        ("30 minutes", 30, SLADuration.Unit.minutes),
        ("1 minute", 1, .minutes),
        ("2 hours", 2, .hours),
        ("1 hour", 1, .hours),
        ("14 days", 14, .days),
        ("1 day", 1, .days),
        ("0 minutes", 0, .minutes),
        ("45 business minutes", 45, .businessMinutes),
        ("8 business hours", 8, .businessHours),
        ("1 business hour", 1, .businessHours),
        ("1 business day", 1, .businessDays),
        ("3 business days", 3, .businessDays),
        ("1 Business Day", 1, .businessDays),
        ("12 BUSINESS HOURS", 12, .businessHours),
        ("  8   business   hours  ", 8, .businessHours),
        ("2\tbusiness\tdays", 2, .businessDays),
    ])
    func parses(text: String, amount: Int, unit: SLADuration.Unit) throws {
        let duration = try SLADuration.parse(text)
        #expect(duration == SLADuration(amount: amount, unit: unit))
        #expect(SLADuration(text) == duration)
    }

    @Test func descriptionParsesBack() throws {
        let units: [SLADuration.Unit] = [.minutes, .hours, .days, .businessMinutes, .businessHours, .businessDays]
        for unit in units {
            for amount in [1, 2, 30] {
                let duration = SLADuration(amount: amount, unit: unit)
                #expect(try SLADuration.parse(duration.description) == duration)
            }
        }
        #expect(SLADuration(amount: 1, unit: .businessDays).description == "1 business day")
        #expect(SLADuration(amount: 12, unit: .businessHours).description == "12 business hours")
    }

    @Test(arguments: [
        ("1 bussiness day", #""1 bussiness day" is not a duration (did you mean "business"?)"#),
        ("2 buisness hours", #""2 buisness hours" is not a duration (did you mean "business"?)"#),
        ("3 hourz", #""3 hourz" is not a duration (did you mean "hours"?)"#),
        ("1 dya", #""1 dya" is not a duration (did you mean "day"?)"#),
        ("8 business hoursss", #""8 business hoursss" is not a duration (did you mean "hours"?)"#),
        ("30 mins", #""30 mins" is not a duration (did you mean "minutes"?)"#),
        ("4 hrs", #""4 hrs" is not a duration (did you mean "hours"?)"#),
        ("1 business", #""1 business" is not a duration (expected a unit after "business": minutes, hours or days)"#),
        ("5", #""5" is not a duration (expected a unit after the number: minutes, hours or days)"#),
        ("business day", #""business day" is not a duration (expected a whole number first, e.g. "1 business day")"#),
        ("1.5 hours", #""1.5 hours" is not a duration (expected a whole number first, e.g. "1 business day")"#),
        ("-1 days", #""-1 days" is not a duration (the amount must not be negative)"#),
        ("2000000 minutes", #""2000000 minutes" is not a duration (the amount must be at most 1000000)"#),
        (
            "2 weeks",
            #""2 weeks" is not a duration (expected "N minutes|hours|days" or "N business minutes|hours|days")"#
        ),
        ("", #""" is not a duration (expected "N minutes|hours|days" or "N business minutes|hours|days")"#),
        (
            "1 business day please",
            #""1 business day please" is not a duration (expected "N minutes|hours|days" or "N business minutes|hours|days")"#
        ),
    ])
    func rejects(text: String, message: String) {
        #expect(throws: SLADuration.ParseError.self) { try SLADuration.parse(text) }
        do {
            _ = try SLADuration.parse(text)
        } catch {
            #expect(error.description == message)
        }
        #expect(SLADuration(text) == nil)
    }

    @Test func editDistance() {
        #expect(EditDistance.distance("bussiness", "business") == 1)
        #expect(EditDistance.distance("dya", "day") == 1)
        #expect(EditDistance.distance("kitten", "sitting") == 3)
        #expect(EditDistance.distance("", "abc") == 3)
        #expect(EditDistance.closest(to: "firstReply", among: ["first_reply", "next_reply"]) == "first_reply")
        #expect(EditDistance.closest(to: "zzzzzz", among: ["first_reply", "next_reply"]) == nil)
    }
}
