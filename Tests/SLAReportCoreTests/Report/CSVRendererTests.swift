import Testing

@testable import SLAReportCore

@Suite struct CSVRendererTests {
    /// SPEC §5's twelve columns, then the four of requester wait and agent work (appended, so that scripts
    /// reading the first twelve by position keep working).
    static let header =
        "ticket,channel,priority,created,first_reply,frt_seconds,frt_business_seconds,target,deadline,outcome,assignee,flags,"
        + "requester_wait_seconds,requester_wait_outcome,agent_work_seconds,agent_work_outcome\n"

    @Test func headerOnlyWithoutTickets() {
        #expect(CSVRenderer.render(ReportSamples.tiny) == Self.header)
    }

    @Test func rowsWrittenByHand() {
        var model = ReportSamples.tiny
        model.tickets = [
            TicketRow(
                ticket: "=SUM(A1)", channel: "twitter", priority: "high", created: ReportSamples.at(0),
                firstReply: ReportSamples.at(3600), frtSeconds: 3600, frtBusinessSeconds: nil,
                target: "8 business hours", deadline: ReportSamples.at(17 * 3600), outcome: "achieved",
                assignee: "a,\"b\"\nc", flags: ["skipped", "early"], requesterWaitSeconds: 7200,
                requesterWaitOutcome: "achieved", agentWorkSeconds: 3600, agentWorkOutcome: "breached"),
            TicketRow(
                ticket: "-2", channel: "@x", priority: nil, created: ReportSamples.at(60), firstReply: nil,
                frtSeconds: nil, frtBusinessSeconds: nil, target: nil, deadline: nil, outcome: nil, assignee: "+1",
                flags: []),
        ]
        let expected =
            Self.header
            + "'=SUM(A1),twitter,high,2016-11-14T00:00:00Z,2016-11-14T01:00:00Z,3600,,8 business hours,"
            + "2016-11-14T17:00:00Z,achieved,\"a,\"\"b\"\" c\",skipped;early,7200,achieved,3600,breached\n"
            + "'-2,'@x,,2016-11-14T00:01:00Z,,,,,,,'+1,,,,,\n"
        #expect(CSVRenderer.render(model) == expected)
    }

    @Test func hostileSampleParsesBackWithSixteenColumnsAndGuards() throws {
        let model = ReportSamples.sample
        let records = Self.parse(CSVRenderer.render(model))
        #expect(records.count == model.tickets.count + 1)
        #expect(records.allSatisfy { $0.count == 16 })
        for (row, record) in zip(model.tickets, records.dropFirst()) {
            let ticket = try #require(record.first)
            // Cells are plain text first (no control characters), then guarded.
            let plain = Escape.plainText(row.ticket)
            if let first = plain.unicodeScalars.first, "=+-@".unicodeScalars.contains(first) {
                #expect(ticket == "'" + plain)
            } else {
                #expect(ticket == plain)
            }
            #expect(!ticket.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        }
        // No cell of the file starts a formula.
        for record in records {
            for cell in record {
                guard let first = cell.unicodeScalars.first else { continue }
                #expect(!"=+-@\t\r".unicodeScalars.contains(first), "unguarded cell \(cell)")
            }
        }
    }

    /// A strict RFC 4180 reader for the test (LF or CRLF records, quoted fields with doubled quotes).
    static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var inQuotes = false
        var afterQuote = false
        for scalar in text.unicodeScalars {
            if inQuotes {
                if scalar == "\"" {
                    inQuotes = false
                    afterQuote = true
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"":
                if afterQuote { field += "\"" }
                inQuotes = true
                afterQuote = false
            case ",":
                record.append(field)
                field = ""
                afterQuote = false
            case "\n":
                record.append(field)
                records.append(record)
                record = []
                field = ""
                afterQuote = false
            default:
                field.unicodeScalars.append(scalar)
                afterQuote = false
            }
        }
        return records
    }
}

extension CSVRendererTests {
    @Test func byteWritersMatchTheStringForms() {
        for seconds: Int64 in [0, -1, 1_479_719_643, 253_402_300_799, -62_167_219_200, 951_782_400] {
            var sink = ByteSink()
            sink.write(rfc3339: Instant(seconds: seconds))
            #expect(sink.string == Instant(seconds: seconds).rfc3339)
        }
        for value: Int64 in [0, 7, -7, 10, 1_000_000, Int64.max, Int64.min] {
            var sink = ByteSink()
            sink.write(int: value)
            #expect(sink.string == String(value))
        }
    }

    @Test func farInstantsAreGuarded() {
        var model = ReportSamples.tiny
        model.tickets = [
            TicketRow(
                ticket: "a", channel: "b", priority: nil, created: Instant(seconds: -70_000_000_000), firstReply: nil,
                frtSeconds: -5, frtBusinessSeconds: nil, target: nil, deadline: nil, outcome: nil, assignee: nil,
                flags: [])
        ]
        let lines = CSVRenderer.render(model).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.last?.hasPrefix("a,b,,'-") == true)
        #expect(lines.last?.contains(",'-5,") == true)
    }
}
