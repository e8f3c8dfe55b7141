/// Writes the per-ticket CSV (`PREFIX-tickets.csv`, SPEC §5): one row per ticket in the report, in the
/// model's order (creation, then id), under the header
/// `ticket,channel,priority,created,first_reply,frt_seconds,frt_business_seconds,target,deadline,outcome,assignee,flags`.
///
/// Instants are RFC 3339 UTC, durations whole seconds, a missing value is an empty cell, `flags` are joined
/// with `;`. Every cell goes through ``Escape/csv(_:)`` (RFC 4180 quoting and the formula-injection guard).
/// Lines end with LF (what Unix tools and every spreadsheet read; RFC 4180's CRLF is not required by any of
/// them), including the last one.
public enum CSVRenderer {
    /// The header line's columns.
    public static let columns = [
        "ticket", "channel", "priority", "created", "first_reply", "frt_seconds", "frt_business_seconds", "target",
        "deadline", "outcome", "assignee", "flags",
    ]

    /// The whole CSV document.
    public static func render(_ model: ReportModel) -> String {
        var out = ""
        out.reserveCapacity(128 + model.tickets.count * 120)
        out += columns.joined(separator: ",")
        out += "\n"
        for row in model.tickets {
            appendRow(row, to: &out)
        }
        return out
    }

    static func appendRow(_ row: TicketRow, to out: inout String) {
        let cells: [String] = [
            row.ticket,
            row.channel,
            row.priority ?? "",
            row.created.rfc3339,
            row.firstReply?.rfc3339 ?? "",
            row.frtSeconds.map { String($0) } ?? "",
            row.frtBusinessSeconds.map { String($0) } ?? "",
            row.target ?? "",
            row.deadline?.rfc3339 ?? "",
            row.outcome ?? "",
            row.assignee ?? "",
            row.flags.joined(separator: ";"),
        ]
        for (index, cell) in cells.enumerated() {
            if index > 0 { out += "," }
            out += Escape.csv(cell)
        }
        out += "\n"
    }
}
