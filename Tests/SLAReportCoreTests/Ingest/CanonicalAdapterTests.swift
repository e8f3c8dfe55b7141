import Testing

@testable import SLAReportCore

/// An event as text, for readable comparisons.
private struct Seen: Equatable, CustomStringConvertible {
    var ticket: String
    var kind: EventKind
    var at: String
    var actor = ""
    var value = ""
    var via = ""
    var channel = ""
    var line = 0

    var description: String { "\(ticket) \(kind.name) \(at) \(actor)|\(value)|\(via)|\(channel) @\(line)" }
}

private func seen(_ log: EventLog) -> [Seen] {
    log.events.map { e in
        Seen(
            ticket: log.symbols[e.ticket], kind: e.kind, at: e.at.rfc3339, actor: log.symbols[e.actor],
            value: log.symbols[e.value], via: log.symbols[e.via], channel: log.symbols[e.channel],
            line: log.location(of: e.record).line)
    }
}

/// Rejections as `line: reason`, in record order.
private func rejections(_ log: EventLog) -> [String] {
    log.rejections.keys.sorted().map { "\(log.location(of: $0).line): \(log.rejections[$0] ?? "")" }
}

private func ingest(_ files: [(String, String)], options: IngestOptions = IngestOptions()) -> JoinedInput {
    // The adapters' whole reading, texts no report stage reads included (as `slareport explain` reads).
    var options = options
    options.keepsUnusedText = true
    return Ingest.readAndJoin(files.map { InputFile(path: $0.0, text: $0.1) }, options: options)
}

@Suite struct CanonicalEventsAdapterTests {
    @Test func readsRowsWithFreeColumnOrderAndCaseInsensitiveHeader() {
        let csv = """
            AT,Event,extra,Ticket,Channel,actor,value,VIA
            2016-11-21T09:00:00Z,created,x,T1,Email,alice,"Subject, with comma",
            2016-11-21T10:00:00Z,REPLY,y,T1,,agent1,,@GitLab
            2016-11-21T11:00:00Z,status,z,T1,email,agent1,Solved,

            """
        let result = ingest([("events.csv", csv)])
        #expect(result.failures.isEmpty)
        #expect(result.log.files == [InputFileInfo(path: "events.csv", format: "canonical-events")])
        #expect(result.log.recordCount == 3)
        #expect(result.log.rejections.isEmpty)
        #expect(
            seen(result.log) == [
                Seen(
                    ticket: "T1", kind: .created, at: "2016-11-21T09:00:00Z", actor: "alice",
                    value: "Subject, with comma", channel: "email", line: 2),
                Seen(ticket: "T1", kind: .reply, at: "2016-11-21T10:00:00Z", actor: "agent1", via: "@GitLab", line: 3),
                Seen(
                    ticket: "T1", kind: .status, at: "2016-11-21T11:00:00Z", actor: "agent1", value: "solved",
                    channel: "email", line: 4),
            ])
    }

    @Test func rejectsBadRowsWithReasonsAndLines() {
        let csv = """
            ticket,event,at,value
            ,created,2016-11-21T09:00:00Z,
            T1,,2016-11-21T09:00:00Z,
            T1,replied,2016-11-21T09:00:00Z,
            T1,created,,
            T1,created,2016-02-30T10:00:00Z,
            T1,created,1900-01-01 00:00:00,
            T1,status,2016-11-21T09:00:00Z,done
            T1,priority,2016-11-21T09:00:00Z,
            T1,created,2016-11-21T09:00:00Z,"multi
            line subject"
            T1,reply,2016-11-21T10:00:00Z,
            """
        let result = ingest([("e.csv", csv)])
        #expect(
            rejections(result.log) == [
                "2: missing ticket",
                "3: missing event",
                "4: unknown event \"replied\"",
                "5: missing at",
                "6: bad timestamp \"2016-02-30T10:00:00Z\" in column at",
                "7: no time in column at: \"1900-01-01 00:00:00\" means never",
                "8: unknown value \"done\" for status (expected new, open, pending, hold, solved, closed)",
                "9: missing value for priority (expected urgent, high, normal, low)",
            ])
        #expect(result.log.recordCount == 10)
        #expect(seen(result.log).map(\.line) == [10, 12])
        #expect(seen(result.log).first?.value == "multi\nline subject")
    }

    @Test func messyFileWithBOMCRLFIndexColumnAndFloatIds() {
        let text =
            "\u{FEFF},ticket,event,at,actor,value\r\n0,3.0,created,2016-11-21 09:00:00,12.0,Hi\r\n"
            + "1,3.0,assign,2016-11-21 09:05:00 UTC,7.00,12.0\r\n2,3.5,note,2016-11-21T09:06:00Z,,\r\n"
        let result = ingest([("messy.csv", text)])
        #expect(result.failures.isEmpty)
        #expect(
            seen(result.log) == [
                Seen(ticket: "3", kind: .created, at: "2016-11-21T09:00:00Z", actor: "12", value: "Hi", line: 2),
                Seen(ticket: "3", kind: .assign, at: "2016-11-21T09:05:00Z", actor: "7", value: "12", line: 3),
                Seen(ticket: "3.5", kind: .note, at: "2016-11-21T09:06:00Z", line: 4),
            ])
    }

    @Test func missingRequiredColumnIsAFileError() {
        let result = ingest(
            [
                ("good.csv", "ticket,event,at\nT1,created,2016-11-21T09:00:00Z\n"),
                ("bad.csv", "ticket,event,when\nT2,created,2016-11-21T09:00:00Z\n"),
            ], options: IngestOptions(forcedFormat: "canonical-events"))
        #expect(result.failures.count == 1)
        #expect(result.failures.first?.path == "bad.csv")
        #expect(result.failures.first?.kind == .unusable)
        #expect(
            result.failures.first?.message
                == "canonical-events: missing required column at (the header has ticket, event, when; required: ticket, event, at)"
        )
        #expect(result.log.files.map(\.path) == ["good.csv"])
        #expect(result.log.recordCount == 1)
        #expect(result.log.events.count == 1)
    }

    @Test func oversizeFieldAndMalformedQuotes() {
        let long = String(repeating: "v", count: 25)
        let csv =
            "ticket,event,at,value\nT1,created,2016-11-21T09:00:00Z,\(long)\nT\"1,created,2016-11-21T09:00:00Z,x\n"
        let result = ingest([("q.csv", csv)], options: IngestOptions(maxFieldBytes: 24))
        #expect(rejections(result.log) == ["2: field 4 is longer than 24 bytes"])
        #expect(seen(result.log).map(\.ticket) == ["T\"1"])
        #expect(
            result.diagnostics.map(\.description) == ["q.csv:3: warning: quote inside an unquoted field; kept as text"])
    }

    @Test func ndjsonEventsWithABadLine() {
        let text = """
            {"ticket": 1, "channel": "Twitter", "event": "created", "at": 1479719643, "actor": "bob"}
            {"ticket": "1", "event": "reply", "at": "2016-11-21T10:00:00Z", "via": "tweetdeck"

            {"ticket": "1", "event": "reply", "at": "2016-11-21T10:00:00Z", "via": "tweetdeck", "value": null}
            "not an object"
            {"ticket": "1", "event": "note", "at": "2016-11-21T11:00:00Z", "value": {"x": 1}}
            """
        let result = ingest([("e.ndjson", text)])
        #expect(result.log.files.first?.format == "canonical-events")
        #expect(result.log.recordCount == 5)
        #expect(
            rejections(result.log) == [
                "2: invalid JSON: line 4: expected ',' or '}' in an object, found '{'",
                "5: not a JSON object",
                "6: key value holds an object or array, not a value",
            ])
        #expect(
            seen(result.log) == [
                Seen(
                    ticket: "1", kind: .created, at: "2016-11-21T09:14:03Z", actor: "bob", channel: "twitter", line: 1),
                Seen(ticket: "1", kind: .reply, at: "2016-11-21T10:00:00Z", via: "tweetdeck", line: 4),
            ])
    }

    @Test func jsonArrayOfEvents() {
        let text = """
            [
              {"Ticket": "A", "Event": "created", "At": "2016-11-21 09:14:03 +0100"},
              {"ticket": "A", "event": "comment", "at": "2016-11-21T09:30:00Z", "actor": "cust"}
            ]
            """
        let result = ingest([("e.json", text)])
        #expect(
            seen(result.log) == [
                Seen(ticket: "A", kind: .created, at: "2016-11-21T08:14:03Z", line: 2),
                Seen(ticket: "A", kind: .comment, at: "2016-11-21T09:30:00Z", actor: "cust", line: 3),
            ])
    }

    @Test func inputTimeZoneAppliesToTimesWithoutOffset() throws {
        let zone = try #require(ZoneClock(identifier: "America/New_York"))
        let csv = "ticket,event,at\nT,created,2016-07-04 12:00:00\nT,reply,2016-07-04T12:00:00Z\n"
        let result = ingest([("tz.csv", csv)], options: IngestOptions(inputTimeZone: zone))
        #expect(seen(result.log).map(\.at) == ["2016-07-04T16:00:00Z", "2016-07-04T12:00:00Z"])
    }
}

@Suite struct CanonicalTicketsAdapterTests {
    @Test func rowExpandsIntoEvents() {
        let csv = """
            ticket,channel,created_at,first_reply_at,solved_at,priority,assignee,status,subject,url,requester
            101,Email,2016-11-21T09:00:00Z,2016-11-21T10:00:00Z,2016-11-22T09:00:00Z,High,agent1,solved,Help,https://x/101,carol
            102,twitter,2016-11-21T09:00:00Z,,1900-01-01 00:00:00,,,open,,,
            103,email,2016-11-21T09:00:00Z,2016-13-01,,,,,,,
            104,email,2016-11-21T09:00:00Z,,,whenever,,,,,
            105,email,,,,,,,,,
            """
        let result = ingest([("t.csv", csv)])
        #expect(result.log.files.first?.format == "canonical-tickets")
        #expect(result.log.recordCount == 5)
        #expect(
            seen(result.log) == [
                Seen(
                    ticket: "101", kind: .created, at: "2016-11-21T09:00:00Z", actor: "carol", value: "Help",
                    channel: "email", line: 2),
                Seen(
                    ticket: "101", kind: .assign, at: "2016-11-21T09:00:00Z", value: "agent1", channel: "email", line: 2
                ),
                Seen(
                    ticket: "101", kind: .priority, at: "2016-11-21T09:00:00Z", value: "high", channel: "email", line: 2
                ),
                Seen(
                    ticket: "101", kind: .reply, at: "2016-11-21T10:00:00Z", actor: "agent1", channel: "email", line: 2),
                Seen(
                    ticket: "101", kind: .status, at: "2016-11-22T09:00:00Z", value: "solved", channel: "email", line: 2
                ),
                Seen(ticket: "102", kind: .created, at: "2016-11-21T09:00:00Z", channel: "twitter", line: 3),
            ])
        #expect(
            rejections(result.log) == [
                "4: bad timestamp \"2016-13-01\" in column first_reply_at",
                "5: unknown priority \"whenever\" (expected urgent, high, normal, low)",
                "6: missing created_at",
            ])
        let ticket = result.log.symbols.lookup("101")
        #expect(
            ticket.flatMap { result.log.ticketAttributes[$0] }
                == TicketAttributes(url: "https://x/101", requester: "carol"))
        // Every event of a row points at that row's record.
        #expect(Set(result.log.events.prefix(5).map(\.record)).count == 1)
    }

    @Test func jsonTickets() {
        let text =
            "[{\"ticket\": 7.0, \"channel\": \"HackerOne\", \"created_at\": \"2016-11-21T09:00:00Z\", \"solved_at\": null}]"
        let result = ingest([("t.json", text)])
        #expect(
            seen(result.log) == [
                Seen(ticket: "7", kind: .created, at: "2016-11-21T09:00:00Z", channel: "hackerone", line: 1)
            ])
    }
}

@Suite struct FormatDetectionTests {
    private func detected(_ text: String) -> String? {
        let sniff = InputSniff(InputFile(path: "f", text: text))
        return try? FormatDetector.detect(sniff, registry: .standard).get().name
    }

    @Test func detectsCanonicalFormats() {
        #expect(detected("ticket,event,at\n") == "canonical-events")
        #expect(detected("\u{FEFF}\"Ticket\" , EVENT,at,channel\r\n") == "canonical-events")
        #expect(detected("ticket,channel,created_at\n") == "canonical-tickets")
        #expect(detected("{\"ticket\":1,\"event\":\"created\",\"at\":0}\n") == "canonical-events")
        #expect(detected("  [ {\"ticket\":1,\"channel\":\"x\",\"created_at\":\"2016-11-21\"} ]") == "canonical-tickets")
        #expect(detected("ticket,event\n") == nil)
        #expect(detected("") == nil)
    }

    @Test func unrecognisedFileNamesFileFormatsAndExpectation() {
        let result = ingest([
            ("a.csv", "id,name\n1,x\n"),
            ("b.json", "{\"foo\": 1}"),
            ("c.csv", " \n"),
            ("d.csv", "ticket,event,at\nT,created,2016-11-21T09:00:00Z\n"),
        ])
        #expect(result.failures.map(\.path) == ["a.csv", "b.json", "c.csv"])
        #expect(
            result.failures.prefix(2).allSatisfy {
                $0.kind == .unrecognised && $0.tried == FormatRegistry.standard.names
            })
        // An empty file is said to be empty: there is nothing to compare with the formats.
        #expect(result.failures[2].kind == .empty)
        #expect(FormatRegistry.standard.names.prefix(2) == ["canonical-events", "canonical-tickets"])
        #expect(
            result.failures.first?.description
                == "a.csv: unrecognised input format: found a CSV header with columns id, name; tried "
                + FormatRegistry.standard.names.joined(separator: ", "))
        #expect(
            FormatRegistry.standard.expectations.prefix(2) == [
                "canonical-events: a CSV header or JSON keys with ticket, event, at",
                "canonical-tickets: a CSV header or JSON keys with ticket, channel, created_at",
            ])
        #expect(result.failures[1].message.contains("JSON whose first object has keys foo"))
        #expect(result.failures[2].message == "empty file (no header, no records)")
        #expect(result.failures[0].error == .data(result.failures[0].description))
        #expect(result.failures[0].error.exitCode == 65)
        #expect(
            result.failures[0].rejectedRecord
                == RejectedRecord(path: "a.csv", line: 0, reason: result.failures[0].message))
        #expect(result.log.files.map(\.path) == ["d.csv"])
    }

    @Test func forcedFormat() {
        let result = ingest(
            [("t.csv", "ticket,event,at,channel,created_at\nT,created,2016-11-21T09:00:00Z,x,2016-11-20T09:00:00Z\n")],
            options: IngestOptions(forcedFormat: "Canonical-Tickets"))
        #expect(result.log.files.first?.format == "canonical-tickets")
        #expect(seen(result.log).first?.at == "2016-11-20T09:00:00Z")
        let unknown = ingest([("t.csv", "ticket,event,at\n")], options: IngestOptions(forcedFormat: "nope"))
        #expect(unknown.failures.first?.kind == .unknownFormat)
        #expect(
            unknown.failures.first?.message
                == "unknown input format \"nope\" (known formats: "
                + FormatRegistry.standard.names.joined(separator: ", ") + ")")
    }

    @Test func registryTakesExtraAdapters() {
        struct Fake: InputAdapter {
            var name: String { "fake" }
            var expectation: String { "a CSV header with magic" }
            func detect(_ sniff: InputSniff) -> Bool { sniff.hasColumns(["magic"]) }
            func read(_ sniff: InputSniff, into log: inout EventLog, context: inout IngestContext)
                throws(IngestFileError)
            {
                // Reading is pure per file: the file number is always the file's own (0).
                context.warn("fake read file \(context.file) of \(context.path)", line: 0)
                let record = log.beginRecord(file: context.file, line: 2)
                log.reject(record: record, reason: "fake")
            }
        }
        var registry = FormatRegistry.standard
        registry.adapters.append(Fake())
        let result = ingest([("1.csv", "Magic\n"), ("2.csv", "magic,x\n")], options: IngestOptions(registry: registry))
        #expect(result.log.files.map(\.format) == ["fake", "fake"])
        #expect(rejections(result.log) == ["2: fake", "2: fake"])
        #expect(result.log.location(of: 1).path == "2.csv")
        #expect(result.diagnostics.map(\.message) == ["fake read file 0 of 1.csv", "fake read file 0 of 2.csv"])
    }
}
