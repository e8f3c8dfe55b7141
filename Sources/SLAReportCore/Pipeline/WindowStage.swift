/// The window a report is about, resolved against the inputs: the as-of instant and the record that set it,
/// and `[since, until)`.
public struct ResolvedWindow: Sendable, Equatable {
    public var since: Instant?
    public var until: Instant?
    public var asOf: Instant
    /// The record whose timestamp set the default as-of (`events.csv:5123`); nil when `--as-of` was given.
    public var asOfSource: SourceLocation?
    /// Set when the default as-of is an outlier, far beyond the rest of the data (a mistyped year).
    public var outlier: String?
}

/// The window stage: decides the as-of and the window bounds before anything is measured.
///
/// - **as-of**: `--as-of`, or else the newest timestamp of any record not rejected (so a report on an export
///   is reproducible), named by that record's `path:line`.
/// - **outlier**: that newest instant is an outlier when it lies more than ``outlierGapSeconds`` (30 days)
///   *and* more than the whole span of the rest of the data beyond the newest timestamp of every other
///   record — one mistyped year in an export of weeks or months. The report warns and names both records.
/// - **bounds**: `--since`/`--until` resolved (spans back from as-of); `--since` later than `--until` is a
///   usage error (exit 64): the window would be empty by construction.
public enum WindowStage {
    /// The least gap between the newest record and the rest that can make it an outlier.
    public static let outlierGapSeconds: Int64 = 30 * 86_400

    public static func resolve(_ log: EventLog, request: ReportRequest) throws(SLAReportError) -> ResolvedWindow {
        var asOf = request.asOf ?? Instant(seconds: 0)
        var source: SourceLocation?
        var outlier: String?
        if request.asOf == nil {
            var newest: (at: Int64, record: UInt32)?
            var runnerUp: (at: Int64, record: UInt32)?
            var oldest = Int64.max
            // An event of a record the ledger does not hold is left out; the fates are only read when a record
            // was rejected at all.
            let recordCount = log.ledger.count
            let fate = log.ledger.hasRejections ? log.ledger.fate : []
            let times = log.events.at
            let records = log.events.record
            for i in records.indices {
                let record = records[i]
                guard Int(record) < recordCount, fate.isEmpty || fate[Int(record)] != .rejected else { continue }
                let at = times[i]
                // Older than the runner-up (so than the newest) and not the oldest: changes nothing below. Most
                // events are, and this is the pass's one test for them.
                if let second = runnerUp, at < second.at, at >= oldest { continue }
                let event = (at: Instant(seconds: at), record: record)
                if at < oldest { oldest = at }
                if let best = newest {
                    if at > best.at || (at == best.at && event.record < best.record) {
                        if event.record != best.record { runnerUp = best }
                        newest = (at, event.record)
                    } else if event.record != best.record, at > (runnerUp?.at ?? Int64.min) {
                        runnerUp = (at, event.record)
                    }
                } else {
                    newest = (at, event.record)
                }
            }
            if let newest {
                asOf = Instant(seconds: newest.at)
                source = log.location(of: newest.record)
                if let runnerUp {
                    let gap = newest.at - runnerUp.at
                    let span = runnerUp.at - oldest
                    if gap > outlierGapSeconds && gap > span {
                        let rest = log.location(of: runnerUp.record)
                        outlier =
                            "the as-of \(DurationFormat.instant(asOf)) comes from \(source?.description ?? "?"), "
                            + "\(WindowStage.span(gap)) after the rest of the data (newest otherwise "
                            + "\(DurationFormat.instant(Instant(seconds: runnerUp.at))), \(rest)): a mistyped date? "
                            + "Pass --as-of to judge the report at another instant"
                    }
                }
            }
        }
        let since = request.since?.resolve(asOf: asOf)
        let until = request.until?.resolve(asOf: asOf)
        if let since, let until, since > until {
            throw .usage(
                "--since \(DurationFormat.instant(since)) is after --until \(DurationFormat.instant(until)): "
                    + "the window [since, until) would be empty")
        }
        return ResolvedWindow(since: since, until: until, asOf: asOf, asOfSource: source, outlier: outlier)
    }

    /// A long span in words: `about 45 years` from two years on, else `1d 4h`.
    static func span(_ seconds: Int64) -> String {
        let year: Int64 = 31_556_952
        return seconds >= 2 * year ? "about \(seconds / year) years" : DurationFormat.human(seconds)
    }
}
