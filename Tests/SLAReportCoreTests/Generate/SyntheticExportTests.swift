import Testing

@testable import SLAReportCore

/// A generated events row, by column name.
struct GeneratedEvent {
    var ticket: String
    var channel: String
    var event: String
    var at: Int64
    var actor: String
    var value: String
    var via: String
}

/// `YYYY-MM-DDTHH:MM:SSZ` → seconds, or nil unless the text is exactly that shape and a real date.
func parseGeneratedTimestamp(_ text: String) -> Int64? {
    let b = Array(text.utf8)
    guard b.count == 20, b[4] == 45, b[7] == 45, b[10] == 84, b[13] == 58, b[16] == 58, b[19] == 90 else {
        return nil
    }
    func number(_ range: Range<Int>) -> Int? {
        var v = 0
        for i in range {
            guard (48...57).contains(b[i]) else { return nil }
            v = v * 10 + Int(b[i] - 48)
        }
        return v
    }
    guard let y = number(0..<4), let mo = number(5..<7), let d = number(8..<10), let h = number(11..<13),
        let mi = number(14..<16), let s = number(17..<19), h < 24, mi < 60, s < 60,
        CivilDateTime.isValidDate(year: y, month: mo, day: d)
    else { return nil }
    return CivilDateTime(year: y, month: mo, day: d, hour: h, minute: mi, second: s).utcSeconds
}

/// Parses generated events output; records an issue and returns [] when it is not valid canonical CSV.
func generatedEvents(_ bytes: [UInt8]) -> [GeneratedEvent] {
    guard let rows = GeneratedCSV.parse(bytes), let header = rows.first else {
        Issue.record("output is not well-formed CSV")
        return []
    }
    #expect(header == ["ticket", "channel", "event", "at", "actor", "value", "via"])
    var events: [GeneratedEvent] = []
    for (n, row) in rows.dropFirst().enumerated() {
        guard row.count == 7, let at = parseGeneratedTimestamp(row[3]) else {
            Issue.record("row \(n + 2) is malformed: \(row)")
            return []
        }
        events.append(
            GeneratedEvent(
                ticket: row[0], channel: row[1], event: row[2], at: at, actor: row[4], value: row[5], via: row[6]))
    }
    return events
}

/// Events grouped by ticket, in file order (the generator writes ticket after ticket).
func byTicket(_ events: [GeneratedEvent]) -> [(ticket: String, events: [GeneratedEvent])] {
    var result: [(ticket: String, events: [GeneratedEvent])] = []
    for e in events {
        if let last = result.last, last.ticket == e.ticket {
            result[result.count - 1].events.append(e)
        } else {
            result.append((e.ticket, [e]))
        }
    }
    return result
}

let category4Channels: Set<String> = [
    "issue-tracker", "support-tracker", "gitlab-issues", "mailing-list", "forum", "docker", "stack-overflow",
    "reddit", "quora",
]

@Suite struct SyntheticExportTests {
    @Test func sameSeedSameBytesDifferentSeedDifferentBytes() {
        for profile in GeneratorOptions.Profile.allCases {
            for format in GeneratorOptions.Format.allCases {
                let a = SyntheticExport.generate(
                    GeneratorOptions(tickets: 500, seed: 7, format: format, profile: profile))
                let b = SyntheticExport.generate(
                    GeneratorOptions(tickets: 500, seed: 7, format: format, profile: profile))
                let c = SyntheticExport.generate(
                    GeneratorOptions(tickets: 500, seed: 8, format: format, profile: profile))
                #expect(a == b, "\(profile) \(format)")
                #expect(a != c, "\(profile) \(format)")
                #expect(a.count > 10_000)
            }
        }
    }

    @Test func chunksConcatenateToTheWholeOutput() {
        let options = GeneratorOptions(tickets: 2000, seed: 3)
        var chunks: [[UInt8]] = []
        SyntheticExport.generate(options, chunkSize: 4096) { chunks.append(Array($0)) }
        #expect(chunks.count > 10)
        #expect(chunks.dropLast().allSatisfy { $0.count >= 4096 })
        #expect(chunks.flatMap { $0 } == SyntheticExport.generate(options))
    }

    @Test func zeroTicketsWritesOnlyTheHeader() {
        let events = SyntheticExport.generate(GeneratorOptions(tickets: 0))
        #expect(String(decoding: events, as: UTF8.self) == "ticket,channel,event,at,actor,value,via\n")
        let tickets = SyntheticExport.generate(GeneratorOptions(tickets: -3, format: .tickets))
        #expect(String(decoding: tickets, as: UTF8.self) == SyntheticExport.ticketsHeader + "\n")
    }

    @Test func extremeOptionsAreClampedNotFatal() {
        var options = GeneratorOptions(tickets: 20, seed: .max)
        options.days = .max
        options.start = Instant(seconds: .max)
        options.firstTicket = -5
        let events = generatedEvents(SyntheticExport.generate(options))
        #expect(byTicket(events).count == 20)
        #expect(events.allSatisfy { $0.at <= CivilDateTime(year: 9999, month: 12, day: 31, hour: 23).utcSeconds })
        options.start = Instant(seconds: .min)
        options.days = .min
        #expect(byTicket(generatedEvents(SyntheticExport.generate(options))).count == 20)
        #expect(options.end.seconds - options.normalized.start.seconds == 86_400)
    }

    @Test func everyEventRowIsValidCanonicalCSV() {
        let statuses: Set = ["new", "open", "pending", "hold", "solved", "closed"]
        let priorities: Set = ["urgent", "high", "normal", "low"]
        let kinds = Set(EventKind.allCases.map(\.name))
        for profile in GeneratorOptions.Profile.allCases {
            let options = GeneratorOptions(tickets: 3000, seed: 11, profile: profile)
            let events = generatedEvents(SyntheticExport.generate(options))
            #expect(events.count > 3000 * 4)
            let tickets = byTicket(events)
            #expect(tickets.count == 3000)
            #expect(Set(tickets.map(\.ticket)).count == 3000, "a ticket's rows are contiguous")
            for (ticket, rows) in tickets {
                #expect(Int(ticket) != nil)
                #expect(rows.first?.event == "created")
                #expect(rows.filter { $0.event == "created" }.count == 1)
                #expect(zip(rows, rows.dropFirst()).allSatisfy { $0.at <= $1.at }, "events of \(ticket) in order")
                #expect(Set(rows.map(\.channel)).count == 1)
            }
            for e in events {
                #expect(kinds.contains(e.event))
                #expect(SyntheticExport.channelKeys.contains(e.channel))
                if e.event == "status" { #expect(statuses.contains(e.value)) }
                if e.event == "priority" { #expect(priorities.contains(e.value)) }
                if e.event == "reply" { #expect(!e.via.isEmpty && !e.actor.isEmpty) }
                if e.event != "reply" { #expect(e.via.isEmpty) }
            }
            let created = events.filter { $0.event == "created" }.map(\.at)
            #expect(created.allSatisfy { $0 >= options.start.seconds && $0 < options.end.seconds })
            #expect(zip(created, created.dropFirst()).allSatisfy { $0 <= $1 }, "tickets in creation order")
        }
    }

    @Test func subjectsExerciseCSVQuoting() {
        let bytes = SyntheticExport.generate(GeneratorOptions(tickets: 300, seed: 5))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("\"\""), "an escaped quote")
        let events = generatedEvents(bytes)
        #expect(events.contains { $0.event == "created" && $0.value.contains(",") })
        #expect(events.contains { $0.event == "created" && $0.value.contains("\"") })
    }

    @Test func benchmarkProfileShape() {
        let events = generatedEvents(SyntheticExport.generate(GeneratorOptions(tickets: 20_000, seed: 1)))
        let perTicket = Double(events.count) / 20_000
        #expect(perTicket > 5.5 && perTicket < 6.2, "events per ticket: \(perTicket)")
        var counts: [String: Int] = [:]
        for e in events where e.event == "created" { counts[e.channel, default: 0] += 1 }
        #expect(Set(counts.keys) == Set(SyntheticExport.channelKeys))
        let email = counts["email", default: 0]
        let twitter = counts["twitter", default: 0]
        #expect(counts.values.allSatisfy { $0 <= email }, "email is the heaviest channel")
        #expect(counts.filter { $0.key != "email" }.values.allSatisfy { $0 <= twitter }, "twitter next")
        let agents = Set(events.filter { $0.event == "reply" }.map(\.actor))
        #expect(agents.count == 40)
        #expect(events.contains { $0.event == "skip" })
        let cross = events.filter { $0.event == "assign" && $0.actor != $0.value && $0.actor != "zendesk" }
        #expect(cross.count > 0 && cross.count < events.count / 50, "a few cross-assignments")
        #expect(
            events.filter { $0.event == "priority" }.allSatisfy {
                ["email", "emergency", "security"].contains($0.channel)
            })
        let first = events.map(\.at).min() ?? 0
        #expect(first >= CivilDateTime(year: 2016, month: 1, day: 4).utcSeconds)
        #expect(first < CivilDateTime(year: 2016, month: 1, day: 5).utcSeconds)
    }

    @Test func ticketsFormatAgreesWithEvents() {
        var options = GeneratorOptions(tickets: 1500, seed: 21, profile: .sample)
        let events = byTicket(generatedEvents(SyntheticExport.generate(options)))
        options.format = .tickets
        guard let rows = GeneratedCSV.parse(SyntheticExport.generate(options)), let header = rows.first else {
            Issue.record("tickets output is not well-formed CSV")
            return
        }
        #expect(header.joined(separator: ",") == SyntheticExport.ticketsHeader)
        let tickets = Array(rows.dropFirst())
        #expect(tickets.count == events.count)
        for (row, story) in zip(tickets, events) {
            guard row.count == 11 else {
                Issue.record("row of \(row.first ?? "?") has \(row.count) fields")
                continue
            }
            #expect(row[0] == story.ticket)
            #expect(row[1] == story.events[0].channel)
            #expect(parseGeneratedTimestamp(row[2]) == story.events[0].at)
            let created = story.events[0]
            let replies = story.events.filter {
                $0.event == "reply" && !($0.actor == created.actor && $0.at == created.at)
            }
            #expect((row[3].isEmpty ? nil : parseGeneratedTimestamp(row[3])) == replies.first?.at)
            let lastStatus = story.events.last { $0.event == "status" }
            #expect(row[7] == lastStatus?.value ?? (story.events.contains { $0.event == "assign" } ? "open" : "new"))
            #expect(row[4].isEmpty == (lastStatus?.value != "solved"))
            #expect(row[8] == created.value)
            let url = row[9]
            #expect(url.isEmpty || url.hasPrefix("https://"))
            #expect(url.isEmpty != category4Channels.union(["hackerone", "disqus"]).contains(row[1]))
        }
    }

    @Test func channelSelectionAndFirstTicket() {
        var options = GeneratorOptions(tickets: 400, seed: 2, format: .tickets, profile: .sample)
        options.channels = ["reddit", "quora", "mailing-list", "docker", "no-such-channel"]
        options.firstTicket = 70_001
        #expect(options.invalidChannels == ["no-such-channel"])
        guard let rows = GeneratedCSV.parse(SyntheticExport.generate(options)) else {
            Issue.record("not CSV")
            return
        }
        let body = rows.dropFirst()
        #expect(body.count == 400)
        #expect(Set(body.map { $0[1] }) == ["reddit", "quora", "mailing-list", "docker"])
        #expect(body.first?[0] == "70001")
        #expect(body.last?[0] == "70400")
    }
}
