/// A deterministic generator of synthetic support exports in the canonical formats (SPEC §2.1, §2.2), for
/// demos, tests, `SampleData/` and the benchmark of SPEC §6 (`slareport generate`).
///
/// It streams: the output is formatted by hand into a buffer that is handed to `write` in chunks of about
/// ``defaultChunkSize`` bytes, so a million tickets (about 5.8 million events, 370 MB) never sit in memory;
/// what is held is one `Int64` creation time per ticket. The library does no file I/O: the caller writes.
///
/// Same options, same bytes: the generator uses its own ``SplitMix64`` streams (one for creation times, one
/// per ticket) and its own `exp`/`log`, never the system's random source, locale or time zone.
///
/// Rows come ticket by ticket, in creation order, each ticket's events in time order. Ticket ids are
/// decimal numbers counting up from ``GeneratorOptions/firstTicket``.
public enum SyntheticExport {
    /// The channel keys the generator knows: the built-in policy's sixteen, in policy order.
    public static var channelKeys: [String] { SyntheticModel.channelKeys }

    /// The header row of the canonical events format.
    public static let eventsHeader = "ticket,channel,event,at,actor,value,via"
    /// The header row of the canonical tickets format.
    public static let ticketsHeader =
        "ticket,channel,created_at,first_reply_at,solved_at,priority,assignee,status,subject,url,requester"
    /// About how many bytes each call of `write` receives (the last one fewer).
    public static let defaultChunkSize = 1 << 20

    /// Generates the export described by `options` and hands its bytes to `write`, chunk after chunk.
    ///
    /// The buffer passed to `write` is only valid during the call. The output is UTF-8 CSV with `\n` line
    /// ends, a header row, and fields quoted only when they hold `,` or `"`.
    public static func generate(
        _ requested: GeneratorOptions, chunkSize: Int = defaultChunkSize, write: (UnsafeRawBufferPointer) -> Void
    ) {
        let options = requested.normalized
        let model = SyntheticModel(options)
        var writer = ChunkedByteWriter(chunkSize: chunkSize)
        switch options.format {
        case .events: writer.append(StaticString("ticket,channel,event,at,actor,value,via\n"))
        case .tickets:
            writer.append(
                StaticString(
                    "ticket,channel,created_at,first_reply_at,solved_at,priority,assignee,status,subject,url,requester\n"
                ))
        }
        let created = creationTimes(options)
        let end = options.cutAtEnd ? options.end.seconds : Int64.max
        var storyteller = SyntheticStoryteller(model: model)
        let rows = SyntheticRowWriter(model: model)
        for (index, t0) in created.enumerated() {
            var rng = SplitMix64(seed: options.seed, stream: 2, index: UInt64(index))
            let ticket = storyteller.tell(created: t0, rng: &rng)
            let id = options.firstTicket + index
            switch options.format {
            case .events: rows.writeEvents(storyteller.events, of: ticket, id: id, before: end, to: &writer)
            case .tickets: rows.writeTicket(storyteller.events, of: ticket, id: id, before: end, to: &writer)
            }
            if writer.isFull { writer.flush(write) }
        }
        writer.flush(write)
    }

    /// The whole export in memory (tests and small samples).
    public static func generate(_ options: GeneratorOptions) -> [UInt8] {
        var bytes: [UInt8] = []
        generate(options) { chunk in bytes.append(contentsOf: chunk) }
        return bytes
    }

    /// Creation instants of all tickets, sorted: more on weekdays than at weekends, more in European and
    /// American daytime than at night (UTC), never outside `[start, end)`.
    static func creationTimes(_ requested: GeneratorOptions) -> [Int64] {
        let options = requested.normalized
        let count = max(0, options.tickets)
        guard count > 0 else { return [] }
        var rng = SplitMix64(seed: options.seed, stream: 1, index: 0)
        let days = max(1, options.days)
        let start = options.start.seconds
        let end = options.end.seconds
        let weekdayWeight = [1.0, 1.0, 1.0, 0.97, 0.85, 0.32, 0.3]  // Monday … Sunday
        let hourWeight = [
            3.0, 2.5, 2, 2, 2, 3, 4, 6, 8, 9, 10, 10, 10, 10, 10, 10, 9.5, 9, 8, 7, 6, 5, 4.5, 3.5,
        ]
        var dayCumulative: [Double] = []
        var total = 0.0
        for k in 0..<days {
            let day = (start + Int64(k) * 86_400).floorDivided(by: 86_400)
            total += weekdayWeight[CivilDateTime.isoWeekday(fromDays: Int(day)) - 1]
            dayCumulative.append(total)
        }
        var hourCumulative: [Double] = []
        total = 0
        for w in hourWeight {
            total += w
            hourCumulative.append(total)
        }
        var times: [Int64] = []
        times.reserveCapacity(count)
        for _ in 0..<count {
            var t = start
            for _ in 0..<8 {
                let k = rng.pick(cumulative: dayCumulative)
                let midnight = (start + Int64(k) * 86_400).floorDivided(by: 86_400) * 86_400
                t = midnight + Int64(rng.pick(cumulative: hourCumulative)) * 3600 + Int64(rng.below(3600))
                if t >= start && t < end { break }
                t = start + Int64(rng.below(Int(end - start)))
            }
            times.append(t)
        }
        times.sort()
        return times
    }
}
