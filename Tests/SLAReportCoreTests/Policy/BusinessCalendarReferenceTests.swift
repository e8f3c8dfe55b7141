import Foundation
import Testing

@testable import SLAReportCore

/// The business clocks against a reference model written here from the definitions alone: one flag per UTC
/// minute saying whether the clock runs in it, found by asking Foundation for the local wall time of that
/// minute and looking the spans of that local date (and of the day before, for spans past midnight) up in
/// plain dictionaries. Simple and slow; nothing of ``BusinessCalendar``'s day walking is reused.
///
/// Random schedules (seeded; set `SLAREPORT_SEED` to replay one) with night spans, spans ending at 24:00,
/// overlapping spans, holidays and dated hours, many of them on DST days, in zones with 1-hour, 30-minute
/// (Lord Howe) and no DST changes, over two 45-day windows around the 2016 changes.
@Suite struct BusinessCalendarReferenceTests {
    static let seed: UInt64 = ProcessInfo.processInfo.environment["SLAREPORT_SEED"].flatMap { UInt64($0) } ?? 20_161_118
    static let zones = [
        "UTC", "America/New_York", "Europe/Amsterdam", "Australia/Sydney", "America/St_Johns", "Asia/Kolkata",
        "Australia/Lord_Howe", "Asia/Jerusalem",
    ]
    /// 2016-03-01 and 2016-09-25, 00:00Z; 45 days each.
    static let windows: [Int64] = [1_456_790_400, 1_474_761_600]
    static let windowMinutes = 45 * 1440

    @Test func clocksAgreeWithTheMinuteModel() throws {
        var failures = 0
        for index in 0..<24 {
            let seed = Self.seed &+ UInt64(index)
            var random = TestRandom(seed: seed)
            let schedule = RandomSchedule.make(&random, zone: Self.zones[index % Self.zones.count])
            let calendar = BusinessCalendar(schedule: schedule)
            for windowStart in Self.windows {
                let model = try MinuteModel(schedule: schedule, start: windowStart, minutes: Self.windowMinutes)
                failures += check(calendar, model, &random, context: "seed \(seed) (\(schedule.timezone))")
                if failures > 20 { return }
            }
        }
    }

    /// Compares elapsed, advance and deadlines; returns the number of failures found.
    private func check(
        _ calendar: BusinessCalendar, _ model: MinuteModel, _ random: inout TestRandom, context: String
    ) -> Int {
        var failures = 0
        func expect(_ condition: Bool, _ message: @autoclosure () -> String) {
            guard !condition else { return }
            failures += 1
            if failures <= 5 { Issue.record("\(context): \(message())") }
        }
        for _ in 0..<120 {
            let a = model.randomInstant(&random)
            let b = model.randomInstant(&random, after: a, within: Int64(random.next() % (12 * 86_400)))
            for clock in [Clock.businessHours, .businessDays] {
                let expected = model.elapsed(from: a, to: b, clock: clock)
                let actual = calendar.elapsed(from: a, to: b, clock: clock)
                expect(actual == expected, "elapsed \(clock) \(a) → \(b): \(actual), reference \(expected)")
            }
        }
        for _ in 0..<120 {
            let a = model.randomInstant(&random)
            let seconds =
                random.next() % 2 == 0 ? Int64(1 + random.next() % 3) * 1800 : Int64(1 + random.next() % 150_000)
            for clock in [Clock.businessHours, .businessDays] {
                guard let expected = model.advance(from: a, bySeconds: seconds, clock: clock) else { continue }
                let actual = calendar.advance(from: a, bySeconds: seconds, clock: clock)
                expect(actual == expected, "advance \(clock) \(a) + \(seconds) s: \(actual), reference \(expected)")
            }
            let minutes = Int(seconds / 60) + 1
            if let expected = model.advance(from: a, bySeconds: Int64(minutes) * 60, clock: .businessHours) {
                let actual = calendar.deadline(from: a, adding: SLADuration(amount: minutes, unit: .businessMinutes))
                expect(
                    actual == expected, "deadline \(a) + \(minutes) business minutes: \(actual), reference \(expected)")
            }
        }
        for _ in 0..<60 {
            let a =
                random.next() % 4 == 0
                ? model.localMidnight(ofDayContaining: model.randomInstant(&random))
                : model.randomInstant(&random)
            let days = Int(1 + random.next() % 4)
            let actual = calendar.deadline(from: a, adding: SLADuration(amount: days, unit: .businessDays))
            guard let expected = model.businessDaysDeadline(from: a, days: days) else { continue }
            switch expected {
            case .exactly(let instant):
                expect(actual == instant, "\(days) business days from \(a): \(actual), reference \(instant)")
            case .onDay(let day):
                expect(
                    model.localDay(actual) == day || actual == model.midnight(day + 1),
                    "\(days) business days from \(a): \(actual) is not on local day \(day)")
            }
        }
        return failures
    }
}

/// Random schedules: weekly spans on a 15-minute grid (some past midnight, some ending at 24:00, some
/// overlapping), holidays and dated days, both preferring the DST days of the windows.
enum RandomSchedule {
    /// The 2016 change days of the zones tested (local dates), and a few ordinary ones.
    static let interestingDates = [
        "2016-03-12", "2016-03-13", "2016-03-14", "2016-03-26", "2016-03-27", "2016-03-28", "2016-04-02",
        "2016-04-03", "2016-03-25", "2016-10-01", "2016-10-02", "2016-10-29", "2016-10-30", "2016-11-05",
        "2016-11-06", "2016-11-07", "2016-03-01", "2016-11-09",
    ]

    static func make(_ random: inout TestRandom, zone: String) -> Schedule {
        var hours: [Int: [MinuteInterval]] = [:]
        for weekday in 1...7 where random.below(100) < 60 {
            hours[weekday] = (0..<(1 + random.below(3))).map { _ in span(&random) }
        }
        if hours.isEmpty { hours[1 + random.below(7)] = [span(&random)] }
        var holidays: [String] = []
        for _ in 0..<random.below(5) { holidays.append(date(&random)) }
        var dates: [String: [MinuteInterval]] = [:]
        for _ in 0..<random.below(6) {
            dates[date(&random)] = (0..<random.below(3)).map { _ in span(&random) }
        }
        return Schedule(timezone: zone, hours: hours, holidays: holidays, dates: dates)
    }

    static func span(_ random: inout TestRandom) -> MinuteInterval {
        switch random.below(10) {
        case 0: return MinuteInterval(start: 0, end: 1440)
        case 1:
            let start = random.below(96) * 15
            return MinuteInterval(start: start, end: 1440)
        default:
            let start = random.below(96) * 15
            let length = (1 + random.below(64)) * 15
            return MinuteInterval(start: start, end: start + length)
        }
    }

    static func date(_ random: inout TestRandom) -> String {
        if random.below(3) > 0 { return interestingDates[random.below(interestingDates.count)] }
        let month = [3, 4, 10, 11][random.below(4)]
        return "2016-" + (month < 10 ? "0" : "") + "\(month)-" + String(format: "%02d", 1 + random.below(28))
    }
}

/// The reference: per UTC minute of a window, whether each business clock runs.
struct MinuteModel {
    let start: Int64
    let zone: TimeZone
    let hoursOn: [Bool]
    let daysOn: [Bool]
    /// Seconds on each clock before minute `i` (one more entry than minutes).
    let hoursBefore: [Int64]
    let daysBefore: [Int64]
    let workingDays: Set<Int>
    /// The last local day whose working status ``workingDays`` knows.
    let lastKnownDay: Int

    enum BusinessDaysDeadline {
        case exactly(Instant)
        /// Some time on this local day (a DST change makes the same wall time ambiguous or missing).
        case onDay(Int)
    }

    init(schedule: Schedule, start: Int64, minutes: Int) throws {
        self.start = start
        zone = try #require(TimeZone(identifier: schedule.timezone))
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = try #require(TimeZone(identifier: "UTC"))
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = gregorian.timeZone
        formatter.dateFormat = "yyyy-MM-dd"
        var spansByDay: [Int: [MinuteInterval]] = [:]
        /// The spans that start on local day `day`: dated hours, else none on a holiday, else the weekday's.
        func spans(_ day: Int) -> [MinuteInterval] {
            if let known = spansByDay[day] { return known }
            let date = Date(timeIntervalSince1970: TimeInterval(day) * 86_400)
            let text = formatter.string(from: date)
            let weekday = gregorian.component(.weekday, from: date)  // 1 = Sunday
            let iso = weekday == 1 ? 7 : weekday - 1
            let result = schedule.dates[text] ?? (schedule.holidays.contains(text) ? [] : schedule.hours[iso] ?? [])
            spansByDay[day] = result
            return result
        }
        var hoursOn: [Bool] = []
        var daysOn: [Bool] = []
        var working = Set<Int>()
        // The offset only changes at the zone's transitions; ask Foundation again at each one.
        var offset = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(start))))
        var nextChange = zone.nextDaylightSavingTimeTransition(after: Date(timeIntervalSince1970: TimeInterval(start)))
        var current: (day: Int, own: [MinuteInterval], before: [MinuteInterval]) = (Int.min, [], [])
        for minute in 0..<minutes {
            let utc = start + Int64(minute) * 60
            if let change = nextChange, TimeInterval(utc) >= change.timeIntervalSince1970 {
                offset = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(utc))))
                nextChange = zone.nextDaylightSavingTimeTransition(after: change)
            }
            let wall = utc + offset
            let day = Int((wall - (wall % 86_400 + 86_400) % 86_400) / 86_400)
            let ofDay = Int((wall - Int64(day) * 86_400) / 60)
            if day != current.day { current = (day, spans(day), spans(day - 1)) }
            let own = current.own.contains { ofDay >= $0.start && ofDay < $0.end }
            let fromBefore = current.before.contains { ofDay + 1440 >= $0.start && ofDay + 1440 < $0.end }
            hoursOn.append(own || fromBefore)
            daysOn.append(!current.own.isEmpty)
        }
        let lastKnownDay = Int(start / 86_400) + minutes / 1440 + 40
        for day in (Int(start / 86_400) - 2)...lastKnownDay where !spans(day).isEmpty {
            working.insert(day)
        }
        self.lastKnownDay = lastKnownDay
        self.hoursOn = hoursOn
        self.daysOn = daysOn
        workingDays = working
        func prefix(_ flags: [Bool]) -> [Int64] {
            var sums: [Int64] = [0]
            for flag in flags { sums.append((sums.last ?? 0) + (flag ? 60 : 0)) }
            return sums
        }
        hoursBefore = prefix(hoursOn)
        daysBefore = prefix(daysOn)
    }

    var end: Int64 { start + Int64(hoursOn.count) * 60 }

    func randomInstant(_ random: inout TestRandom) -> Instant {
        // Half on whole minutes, half anywhere; keep two days of room at the end.
        let room = UInt64(hoursOn.count - 3 * 1440) * 60
        let seconds = Int64(random.next() % room)
        return Instant(seconds: start + (random.below(2) == 0 ? seconds - seconds % 60 : seconds))
    }

    func randomInstant(_ random: inout TestRandom, after a: Instant, within span: Int64) -> Instant {
        Instant(seconds: min(a.seconds + span, end - 1))
    }

    /// Clock seconds in `[start, t)`.
    private func cumulative(_ t: Int64, clock: Clock) -> Int64 {
        let (flags, before) = clock == .businessDays ? (daysOn, daysBefore) : (hoursOn, hoursBefore)
        let minute = Int((t - start) / 60)
        guard minute < flags.count else { return before[flags.count] }
        return before[minute] + (flags[minute] ? (t - start) % 60 : 0)
    }

    func elapsed(from a: Instant, to b: Instant, clock: Clock) -> Int64 {
        b > a ? cumulative(b.seconds, clock: clock) - cumulative(a.seconds, clock: clock) : 0
    }

    /// The earliest instant at which `seconds` have run from `a`; nil beyond the window. The clock reaches
    /// its target inside the first minute after which it shows at least the target.
    func advance(from a: Instant, bySeconds seconds: Int64, clock: Clock) -> Instant? {
        let before = clock == .businessDays ? daysBefore : hoursBefore
        let target = cumulative(a.seconds, clock: clock) + seconds
        guard let total = before.last, total >= target else { return nil }
        var (low, high) = (0, before.count - 1)  // the first minute m with before[m + 1] >= target
        while low < high {
            let mid = (low + high) / 2
            if before[mid + 1] >= target { high = mid } else { low = mid + 1 }
        }
        return Instant(seconds: start + Int64(low) * 60 + target - before[low])
    }

    func offset(_ t: Int64) -> Int64 { Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(t)))) }

    func localDay(_ t: Instant) -> Int {
        let wall = t.seconds + offset(t.seconds)
        return Int((wall - (wall % 86_400 + 86_400) % 86_400) / 86_400)
    }

    /// The earliest instant at which the local clock shows 00:00 of `day`.
    func midnight(_ day: Int) -> Instant {
        let wall = Int64(day) * 86_400
        let candidates = Set([offset(wall - 86_400), offset(wall), offset(wall + 86_400)]).map { wall - $0 }
        return Instant(seconds: candidates.filter { offset($0) == wall - $0 }.min() ?? wall - offset(wall))
    }

    func localMidnight(ofDayContaining t: Instant) -> Instant { midnight(localDay(t)) }

    /// SPEC §3: from inside a working day, the same wall time on the N-th next working day; from a local
    /// midnight or a non-working day, the midnight that ends the N-th working day counting from the first.
    func businessDaysDeadline(from a: Instant, days: Int) -> BusinessDaysDeadline? {
        func nextWorking(after day: Int) -> Int? {
            guard day < lastKnownDay else { return nil }
            return (day + 1...lastKnownDay).first { workingDays.contains($0) }
        }
        let startDay = localDay(a)
        if workingDays.contains(startDay), a != midnight(startDay) {
            var day = startDay
            for _ in 0..<days {
                guard let next = nextWorking(after: day) else { return nil }
                day = next
            }
            let wallOfDay = a.seconds + offset(a.seconds) - Int64(startDay) * 86_400
            let changes = offset(midnight(day).seconds) != offset(midnight(day + 1).seconds - 1)
            if changes { return .onDay(day) }
            return .exactly(Instant(seconds: Int64(day) * 86_400 + wallOfDay - offset(midnight(day).seconds)))
        }
        guard var day = workingDays.contains(startDay) ? startDay : nextWorking(after: startDay) else { return nil }
        for _ in 1..<days {
            guard let next = nextWorking(after: day) else { return nil }
            day = next
        }
        return .exactly(midnight(day + 1))
    }
}
