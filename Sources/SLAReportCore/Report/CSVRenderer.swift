/// Writes the per-ticket CSV (`PREFIX-tickets.csv`, SPEC §5): one row per ticket in the report, in the
/// model's order (creation, then id), under the header
/// `ticket,channel,priority,created,first_reply,frt_seconds,frt_business_seconds,target,deadline,outcome,assignee,flags`
/// and, appended after SPEC's columns so that scripts reading them by position keep working,
/// `requester_wait_seconds,requester_wait_outcome,agent_work_seconds,agent_work_outcome`: the total on the
/// clock of the ticket's own target of the metric (calendar seconds when its priority has none) and its
/// outcome (`achieved`, `breached`, `pending`; empty without a target); both empty when the channel sets no
/// such target, and for tickets left out of the response times.
///
/// Instants are RFC 3339 UTC, durations whole seconds, a missing value is an empty cell, `flags` are joined
/// with `;`. Every cell goes through ``Escape/csv(_:)`` (RFC 4180 quoting and the formula-injection guard).
/// Lines end with LF (what Unix tools and every spreadsheet read; RFC 4180's CRLF is not required by any of
/// them), including the last one.
public enum CSVRenderer {
    /// The header line's columns.
    public static let columns = [
        "ticket", "channel", "priority", "created", "first_reply", "frt_seconds", "frt_business_seconds", "target",
        "deadline", "outcome", "assignee", "flags", "requester_wait_seconds", "requester_wait_outcome",
        "agent_work_seconds", "agent_work_outcome",
    ]

    /// The whole CSV document.
    public static func render(_ model: ReportModel) -> String {
        renderBytes(model).string
    }

    /// The whole CSV document as UTF-8 bytes.
    static func renderBytes(_ model: ReportModel) -> ByteSink {
        var sink = ByteSink(reserving: 128 + model.tickets.count * 160)
        sink.write(columns.joined(separator: ","))
        sink.write(byte: 0x0A)
        for row in model.tickets {
            appendRow(row, to: &sink)
        }
        return sink
    }

    static func appendRow(_ row: TicketRow, to sink: inout ByteSink) {
        Escape.csv(row.ticket, to: &sink)
        sink.write(byte: 0x2C)
        Escape.csv(row.channel, to: &sink)
        sink.write(byte: 0x2C)
        if let priority = row.priority { Escape.csv(priority, to: &sink) }
        sink.write(byte: 0x2C)
        writeInstant(row.created, to: &sink)
        sink.write(byte: 0x2C)
        if let firstReply = row.firstReply { writeInstant(firstReply, to: &sink) }
        sink.write(byte: 0x2C)
        // Durations are never negative (an event before creation is rejected); a negative one would be
        // guarded like any cell.
        writeNumber(row.frtSeconds, to: &sink)
        sink.write(byte: 0x2C)
        writeNumber(row.frtBusinessSeconds, to: &sink)
        sink.write(byte: 0x2C)
        if let target = row.target { Escape.csv(target, to: &sink) }
        sink.write(byte: 0x2C)
        if let deadline = row.deadline { writeInstant(deadline, to: &sink) }
        sink.write(byte: 0x2C)
        if let outcome = row.outcome { Escape.csv(outcome, to: &sink) }
        sink.write(byte: 0x2C)
        if let assignee = row.assignee { Escape.csv(assignee, to: &sink) }
        sink.write(byte: 0x2C)
        switch row.flags.count {
        case 0: break
        case 1: Escape.csv(row.flags[0], to: &sink)
        default: Escape.csv(row.flags.joined(separator: ";"), to: &sink)
        }
        sink.write(byte: 0x2C)
        writeNumber(row.requesterWaitSeconds, to: &sink)
        sink.write(byte: 0x2C)
        if let outcome = row.requesterWaitOutcome { Escape.csv(outcome, to: &sink) }
        sink.write(byte: 0x2C)
        writeNumber(row.agentWorkSeconds, to: &sink)
        sink.write(byte: 0x2C)
        if let outcome = row.agentWorkOutcome { Escape.csv(outcome, to: &sink) }
        sink.write(byte: 0x0A)
    }

    /// Years 0–9999 are written directly (digits, `-`, `T`, `:`, `Z` need no guard); anything else (a
    /// negative year starts with `-`) goes through the cell escaping.
    static func writeInstant(_ instant: Instant, to sink: inout ByteSink) {
        if (-62_167_219_200..<253_402_300_800).contains(instant.seconds) {
            sink.write(rfc3339: instant)
        } else {
            Escape.csv(instant.rfc3339, to: &sink)
        }
    }

    static func writeNumber(_ value: Int64?, to sink: inout ByteSink) {
        guard let value else { return }
        if value < 0 { sink.write(byte: 0x27) }
        sink.write(int: value)
    }
}
