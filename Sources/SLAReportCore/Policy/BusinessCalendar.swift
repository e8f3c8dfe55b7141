/// The three clocks of SLA targets over one ``Schedule``: calendar time, business hours and business days.
///
/// PLACEHOLDER implementation: calendar-exact, business clocks treat every instant as working time.
/// The policy stage replaces this with the DST-aware schedule implementation.
public struct BusinessCalendar: Sendable {
    public let schedule: Schedule

    public init(schedule: Schedule) {
        self.schedule = schedule
    }

    /// Seconds on `clock` between `start` and `end` (0 when `end <= start`).
    public func elapsed(from start: Instant, to end: Instant, clock: Clock) -> Int64 {
        max(0, end.seconds - start.seconds)
    }

    /// The instant at which `duration` on its clock has run from `start` (the deadline of a target).
    public func deadline(from start: Instant, adding duration: SLADuration) -> Instant {
        start.adding(seconds: duration.seconds)
    }

    /// The instant at which `seconds` on `clock` have run from `start`.
    public func advance(from start: Instant, bySeconds seconds: Int64, clock: Clock) -> Instant {
        start.adding(seconds: seconds)
    }
}
