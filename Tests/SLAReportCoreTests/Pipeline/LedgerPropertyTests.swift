import Testing

@testable import SLAReportCore

/// The record ledger (SPEC §2.4) over random mixes of formats: every record read ends in exactly one bucket,
/// `read = used + duplicates + out of window + rejected` per file and in total, the count read is the count
/// of records each file holds (by the format's own unit: a row, a tweet, a post, an answer, a note …), and
/// no event that reaches a timeline belongs to a record that ends rejected or a duplicate.
@Suite struct LedgerPropertyTests {
    /// One generated input and the number of records it holds.
    struct Generated {
        var path: String
        var text: String
        var records: Int
    }

    /// Writes small exports of every format, with defects, from a seeded generator.
    struct Writer {
        var rng: TestRandom
        let file: Int

        mutating func int(_ range: Range<Int>) -> Int { Int.random(in: range, using: &rng) }
        mutating func chance(_ percent: Int) -> Bool { int(0..<100) < percent }

        /// `2016-11-DD HH:MM` in the window the tests use (Nov 7 – Nov 27), or a bad date now and then.
        mutating func at(day: Int? = nil, bad: Int = 0) -> String {
            if chance(bad) { return "2016-02-30T10:00:00Z" }
            let d = day ?? int(7..<28)
            return "2016-11-\(d < 10 ? "0" : "")\(d)T\(10 + int(0..<8)):\(10 + int(0..<50)):00Z"
        }

        mutating func unix(day: Int) -> Int { 1_477_958_400 + (day - 1) * 86_400 + int(3600..<60_000) }

        mutating func canonicalEvents() -> Generated {
            var rows = ["ticket,channel,event,at,actor,value,via"]
            for t in 0..<int(3..<9) {
                let id = "E\(file)-\(t)"
                let day = int(7..<26)
                if !chance(10) {
                    rows.append("\(id),\(["email", "twitter", "forum"][t % 3]),created,\(at(day: day)),cust\(t),Help,")
                }
                for _ in 0..<int(0..<4) {
                    let kind = ["reply", "comment", "note", "assign", "status", "escalate"][int(0..<6)]
                    let value = kind == "status" ? "solved" : kind == "assign" ? "agent\(int(0..<3))" : ""
                    rows.append(
                        "\(id),,\(kind),\(at(day: day + int(0..<3), bad: 10)),agent\(int(0..<3)),\(value),zendesk")
                }
                if chance(30), let last = rows.last { rows.append(last) }  // a duplicate row
                if chance(15) { rows.append("\(id),,reply,2016-11-01T08:00:00Z,agent1,,") }  // before creation
            }
            return Generated(
                path: "f\(file)-events.csv", text: rows.joined(separator: "\n") + "\n", records: rows.count - 1)
        }

        mutating func canonicalTickets() -> Generated {
            var rows = ["ticket,channel,created_at,first_reply_at,solved_at,priority,assignee,requester"]
            for t in 0..<int(2..<8) {
                let day = int(7..<26)
                let reply = chance(20) ? "2016-11-01T00:00:00Z" : chance(70) ? at(day: day + 1) : ""
                let priority = chance(10) ? "whenever" : "normal"
                rows.append("K\(file)-\(t),email,\(at(day: day, bad: 10)),\(reply),,\(priority),agent\(t % 2),cust\(t)")
            }
            return Generated(
                path: "f\(file)-tickets.csv", text: rows.joined(separator: "\n") + "\n", records: rows.count - 1)
        }

        mutating func twcs() -> Generated {
            var rows = ["tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id"]
            var next = file * 1000 + 1
            for _ in 0..<int(2..<6) {
                let day = int(7..<26)
                let root = next
                if chance(15) {  // a thread opened by the company
                    rows.append("\(root),GitLab,False,Mon Nov \(day) 09:00:00 +0000 2016,hello,,")
                } else {
                    rows.append(
                        "\(root),\(100 + root),\(["True", "TRUE", "true"][int(0..<3)]),Mon Nov \(day) 09:00:00 +0000 2016,help,,"
                    )
                }
                next += 1
                for k in 0..<int(0..<4) {
                    let inbound = k % 2 == 1 ? "True" : (chance(10) ? "" : "False")
                    let author = inbound == "True" ? "\(100 + root)" : "GitLab"
                    rows.append("\(next),\(author),\(inbound),Mon Nov \(day) 1\(k):30:00 +0000 2016,x,,\(next - 1)")
                    next += 1
                }
                if chance(20), let last = rows.last { rows.append(last) }  // the same tweet twice
            }
            return Generated(
                path: "f\(file)-twcs.csv", text: rows.joined(separator: "\n") + "\n", records: rows.count - 1)
        }

        mutating func discourse() -> Generated {
            var lines: [String] = []
            var records = 0
            for t in 0..<int(2..<6) {
                if t > 0 && chance(10) {  // (a file must open with something recognisable)
                    lines.append("{not json")
                    records += 1
                    continue
                }
                let day = int(8..<26)
                var posts: [String] = []
                let count = int(1..<6)
                let skipFirst = chance(15)
                for n in 1...count where !(n == 1 && skipFirst) {
                    var created = at(day: n == 1 ? day : day + int(0..<3), bad: 5)
                    if n > 1 && chance(15) { created = "2016-11-01T00:00:00Z" }  // moved in from elsewhere
                    let staff = n > 1 && chance(40)
                    var post =
                        #"{"post_number": \#(n), "username": "u\#(int(0..<4))", "staff": \#(staff), "created_at": "\#(created)""#
                    if chance(10) { post += #", "post_type": 3, "action_code": "pinned.enabled""# }
                    if chance(10) { post += #", "deleted_at": "2016-11-28T00:00:00Z""# }
                    posts.append(post + "}")
                }
                lines.append(
                    #"{"id": \#(file * 100 + t), "title": "T", "post_stream": {"posts": [\#(posts.joined(separator: ", "))]}}"#
                )
                records += max(posts.count, 1)
            }
            return Generated(
                path: "f\(file)-topics.ndjson", text: lines.joined(separator: "\n") + "\n", records: records)
        }

        mutating func stackExchange() -> Generated {
            var items: [String] = []
            var records = 0
            for q in 0..<int(1..<5) {
                let day = int(7..<26)
                var answers: [String] = []
                for _ in 0..<int(0..<3) {
                    var comments: [String] = []
                    for _ in 0..<int(0..<2) {
                        comments.append(
                            #"{"creation_date": \#(unix(day: day + 1)), "owner": {"user_id": 5, "display_name": "c"}}"#)
                        records += 1
                    }
                    let date = chance(10) ? "\"bad\"" : "\(unix(day: day + 1))"
                    answers.append(
                        #"{"creation_date": \#(date), "owner": {"user_id": 6, "display_name": "agent1"}, "comments": [\#(comments.joined(separator: ","))]}"#
                    )
                    records += 1
                }
                items.append(
                    #"{"question_id": \#(file * 100 + q), "title": "Q", "creation_date": \#(unix(day: day)), "owner": {"user_id": 1, "display_name": "asker"}, "answers": [\#(answers.joined(separator: ",\n"))], "comments": []}"#
                )
                records += 1
            }
            let text = #"{"items": [\#n\#(items.joined(separator: ",\n"))\#n], "has_more": false, "quota_max": 300}"#
            return Generated(path: "f\(file)-questions.json", text: text + "\n", records: records)
        }

        mutating func gitlab() -> [Generated] {
            var issues: [String] = []
            var issueRecords = 0
            var notes: [String] = []
            for i in 0..<int(1..<5) {
                let day = int(7..<26)
                var embedded: [String] = []
                for k in 0..<int(0..<3) {
                    let body = k == 0 && chance(40) ? "assigned to @agent1" : "a note"
                    embedded.append(
                        #"{"body": "\#(body)", "author": {"username": "agent\#(k)"}, "created_at": "\#(at(day: day + 1))", "system": \#(body != "a note")}"#
                    )
                }
                issues.append(
                    #"{"iid": \#(i + 1), "project_id": \#(file), "web_url": "https://gitlab.com/g/p\#(file)/issues/\#(i + 1)", "title": "I", "created_at": "\#(at(day: day, bad: 5))", "author": {"username": "reporter"}, "notes": [\#(embedded.joined(separator: ","))]}"#
                )
                issueRecords += 1 + embedded.count
                notes.append(
                    #"{"noteable_iid": \#(chance(20) ? 99 : i + 1), "project_id": \#(file), "noteable_type": "Issue", "body": "hi", "author": {"username": "agent2"}, "created_at": "\#(at(day: day + 2))", "system": false}"#
                )
            }
            return [
                Generated(
                    path: "f\(file)-issues.json", text: "[\n" + issues.joined(separator: ",\n") + "\n]\n",
                    records: issueRecords),
                Generated(
                    path: "f\(file)-notes.json", text: "[\n" + notes.joined(separator: ",\n") + "\n]\n",
                    records: notes.count),
            ]
        }

        mutating func hackerOne() -> Generated {
            var reports: [String] = []
            for r in 0..<int(1..<5) {
                let day = int(7..<26)
                let type = chance(10) ? "activity" : "report"
                let reply = chance(70) ? #""\#(at(day: day + 1))""# : "null"
                reports.append(
                    #"{"id": "\#(file * 100 + r)", "type": "\#(type)", "attributes": {"title": "R", "created_at": "\#(at(day: day, bad: 10))", "first_program_activity_at": \#(reply)}, "relationships": {"reporter": {"data": {"id": "1", "attributes": {"username": "researcher"}}}}}"#
                )
            }
            return Generated(
                path: "f\(file)-reports.json", text: #"{"data": [\#n"# + reports.joined(separator: ",\n") + "\n]}\n",
                records: reports.count)
        }

        mutating func zendesk() -> [Generated] {
            var tickets: [String] = []
            var audits: [String] = []
            for t in 0..<int(1..<5) {
                let id = file * 100 + t
                let day = int(7..<26)
                let status = chance(10) ? "deleted" : "open"
                tickets.append(
                    #"{"id": \#(id), "created_at": "\#(at(day: day))", "updated_at": "\#(at(day: day + 1))", "status": "\#(status)", "requester_id": 9\#(t), "assignee_id": 77, "via": {"channel": "email"}}"#
                )
                if chance(30), let last = tickets.last { tickets.append(last) }  // the same version again
                for _ in 0..<int(0..<3) {
                    audits.append(
                        #"{"ticket_id": \#(chance(10) ? 9999 : id), "created_at": "\#(at(day: day + int(0..<2)))", "author_id": 77, "events": [{"type": "Comment", "public": true, "author_id": \#(chance(50) ? 77 : 90 + t)}]}"#
                    )
                }
            }
            let users = [
                #"{"id": 77, "name": "Agent Seven", "role": "agent"}"#,
                #"{"id": 90, "name": "Cust", "role": "end-user"}"#,
            ]
            return [
                Generated(
                    path: "f\(file)-zendesk-tickets.json",
                    text: #"{"tickets": [\#n"# + tickets.joined(separator: ",\n") + "\n], \"end_of_stream\": true}\n",
                    records: tickets.count),
                Generated(
                    path: "f\(file)-zendesk-audits.json",
                    text: #"{"audits": [\#n"# + audits.joined(separator: ",\n") + "\n]}\n", records: audits.count),
                Generated(
                    path: "f\(file)-zendesk-users.json",
                    text: #"{"users": [\#n"# + users.joined(separator: ",\n") + "\n]}\n", records: users.count),
            ]
        }

        mutating func any() -> [Generated] {
            switch int(0..<9) {
            case 0: [canonicalEvents()]
            case 1: [canonicalTickets()]
            case 2: [twcs()]
            case 3: [discourse()]
            case 4: [stackExchange()]
            case 5: gitlab()
            case 6: [hackerOne()]
            case 7: zendesk()
            default: [canonicalEvents()]
            }
        }
    }

    @Test(arguments: Array(UInt64(1)...UInt64(24)))
    func everyRecordEndsInExactlyOneBucket(seed: UInt64) throws {
        var rng = TestRandom(seed: seed)
        var generated: [Generated] = []
        for file in 0..<Int.random(in: 2..<7, using: &rng) {
            var writer = Writer(rng: TestRandom(seed: rng.next()), file: file)
            generated += writer.any()
        }
        let files = generated.map { InputFile(path: $0.path, text: $0.text) }
        var joined = Ingest.readAndJoin(files)
        #expect(joined.failures.isEmpty, "seed \(seed): \(joined.failures)")
        // What reaches a timeline, for the check below (grouping on a copy numbers records the same way).
        var copy = joined.log
        let survivors = Grouping.group(&copy).timelines.store.records
        let windows: [(String?, String?, String?)] = [
            (nil, nil, nil), ("2016-11-14", "2016-11-21", nil), ("2016-11-10", nil, "2016-11-24"),
        ]
        let (since, until, asOf) = windows[Int(seed % 3)]
        let request = ReportRequest(
            policy: .builtIn, since: since.map { .instant(LogBuilder.instant($0)) },
            until: until.map { .instant(LogBuilder.instant($0)) }, asOf: asOf.map(LogBuilder.instant),
            channels: seed % 4 == 3 ? ["email", "twitter"] : nil, toolVersion: "test")
        let result = try Pipeline.run(&joined, request: request)
        let quality = result.model.dataQuality
        var totals = QualityCounts()
        for g in generated {
            let file = try #require(quality.files.first { $0.path == g.path }, "seed \(seed): \(g.path) missing")
            let c = file.counts
            #expect(c.read == g.records, "seed \(seed): \(g.path) read \(c.read) of \(g.records) records")
            #expect(c.read == c.used + c.duplicates + c.outOfWindow + c.rejected, "seed \(seed): \(g.path) \(c)")
            totals.read += c.read
            totals.used += c.used
            totals.duplicates += c.duplicates
            totals.outOfWindow += c.outOfWindow
            totals.rejected += c.rejected
        }
        #expect(quality.totals == totals, "seed \(seed)")
        let ledger = joined.log.ledger
        #expect(ledger.count == totals.read, "seed \(seed)")
        #expect(!ledger.fate.contains(.pending), "seed \(seed): a record was left pending")
        for fate in RecordFate.allCases where fate != .pending {
            let n = ledger.fate.filter { $0 == fate }.count
            let expected: Int
            switch fate {
            case .used: expected = totals.used
            case .duplicate: expected = totals.duplicates
            case .outOfWindow: expected = totals.outOfWindow
            case .rejected: expected = totals.rejected
            case .pending: expected = 0
            }
            #expect(n == expected, "seed \(seed): \(fate) \(n) vs \(expected)")
        }
        // Every rejected record has a reason and a line in its file.
        #expect(ledger.reasons.count == totals.rejected, "seed \(seed)")
        for r in quality.rejected { #expect(r.line >= 1 && !r.reason.isEmpty, "seed \(seed): \(r)") }
        // A record whose event reached a timeline is used or out of window: never rejected, never a duplicate.
        for record in survivors {
            let fate = ledger.fate[Int(record)]
            #expect(
                fate == .used || fate == .outOfWindow, "seed \(seed): \(joined.log.location(of: record)) is \(fate)")
        }
    }
}
