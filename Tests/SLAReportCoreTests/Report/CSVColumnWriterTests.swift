import Testing

@testable import SLAReportCore

/// The CSV written straight from the measure stage's columns is byte for byte the CSV of the same rows as
/// values: hostile ids, channels and assignees, priorities, every outcome, flags and excluded tickets.
@Suite struct CSVColumnWriterTests {
    @Test func columnsAndRowsWriteTheSameBytes() throws {
        var b = LogBuilder()
        let hostile = ReportSamples.hostile + ["plain", "é-accent", "a\u{202E}b", "tab\there", "@handle"]
        for (i, text) in hostile.enumerated() {
            let ticket = i % 3 == 0 ? text : "T\(i)-\(text)"
            let channel = ["email", "twitter", "forum", "reddit", text][i % 5]
            let day = 14 + i % 10
            b.add(ticket, .created, "2016-11-\(day) 09:00", actor: "u\(i)", channel: channel)
            if i % 4 != 0 {
                b.add(ticket, .priority, "2016-11-\(day) 09:00", value: ["urgent", "high", "normal"][i % 3])
            }
            if i % 2 == 0 { b.add(ticket, .assign, "2016-11-\(day) 09:10", actor: text, value: text) }
            if i % 5 != 1 { b.add(ticket, .reply, "2016-11-\(day) \(10 + i % 9):00", actor: text, via: "tweetdeck") }
            if i % 6 == 0 { b.add(ticket, .skip, "2016-11-\(day) 09:05", actor: "ann", value: "busy") }
            if i % 3 == 1 { b.add(ticket, .status, "2016-11-\(day) 20:00", value: "solved") }
        }
        let result = try TestPolicies.run(b, asOf: "2016-11-30 00:00")
        let fromColumns = CSVRenderer.render(result.model)
        var asValues = result.model
        asValues.tickets = TicketRows(Array(result.model.tickets))
        #expect(asValues.tickets.withColumns { _ in true } == nil)
        #expect(result.model.tickets.withColumns { _ in true } == true)
        #expect(fromColumns == CSVRenderer.render(asValues))
        #expect(result.model.tickets.count == hostile.count)
        // Something of each kind was written: guards, quotes, flags, outcomes.
        #expect(fromColumns.contains("'=SUM(A1)"))
        #expect(fromColumns.contains("\"| pipes |\"") || fromColumns.contains("| pipes |"))
        #expect(fromColumns.contains("skipped"))
        #expect(fromColumns.contains("breached") && fromColumns.contains("achieved"))

        // Rendered in blocks side by side (blocks of 1, of a few, a last short block): the same bytes.
        for blockRows in [1, 2, 5, hostile.count - 1, hostile.count] {
            var sink = ByteSink()
            CSVRenderer.write(result.model, to: &sink, blockRows: blockRows)
            #expect(sink.string == fromColumns, "blocks of \(blockRows) rows")
        }
    }
}
