extension ReportWindow {
    /// The window as the reports name it: `2016-11-14 00:00 UTC – 2016-11-21 00:00 UTC`, `since …`,
    /// `until …` or `all data` (instants as ``DurationFormat/instant(_:)`` prints them).
    public var text: String {
        let since = self.since.map(DurationFormat.instant)
        let until = self.until.map(DurationFormat.instant)
        switch (since, until) {
        case (let since?, let until?): return "\(since) – \(until)"
        case (let since?, nil): return "since \(since)"
        case (nil, let until?): return "until \(until)"
        case (nil, nil): return "all data"
        }
    }
}
