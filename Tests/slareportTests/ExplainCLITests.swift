import Foundation
import Testing

/// `slareport explain` end to end: on sample tickets of every kind, its figures are the report's — the same
/// run's per-ticket CSV row, column by column, and the breach list's lateness — and its days add up to the
/// CSV's business seconds; then the errors, the help and the JSON shape.
@Suite struct ExplainCLITests {
    static let policy = ["--policy", "SampleData/gitlab-team.policy.json"]
    static let zendeskLevel = ["--policy", "SampleData/zendesk-level.policy.json"]

    /// The report's per-ticket CSV of the sample (with `arguments`), as rows of named cells.
    static func reportRows(_ arguments: [String] = []) throws -> (lines: [String: String], rows: [[String: String]]) {
        let policy = arguments.contains("--policy") ? [] : Self.policy
        let run = try CLI.run(["report", "SampleData"] + policy + arguments + ["-f", "csv", "--quiet"])
        #expect(run.status == 0 || run.status == 1, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        let header = try #require(lines.first).split(separator: ",").map(String.init)
        var byTicket: [String: String] = [:]
        var rows: [[String: String]] = []
        for line in lines.dropFirst() {
            let cells = Self.cells(line)
            #expect(cells.count == header.count, "\(line)")
            let row = Dictionary(uniqueKeysWithValues: zip(header, cells))
            rows.append(row)
            byTicket[row["ticket"] ?? ""] = line
        }
        return (byTicket, rows)
    }

    /// RFC 4180 cells of one line (the report's CSV has one line per row).
    static func cells(_ line: String) -> [String] {
        var cells: [String] = []
        var cell = ""
        var quoted = false
        var chars = Array(line)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" {
                        cell.append("\"")
                        chars = chars.dropFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    cell.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                cells.append(cell)
                cell = ""
            } else {
                cell.append(c)
            }
        }
        cells.append(cell)
        return cells
    }

    /// Sample tickets of every kind the issue names, picked from the report's own rows by what they are (the
    /// first of each, in the CSV's order), so the choice follows the data, not a list written by hand.
    static func picks(_ rows: [[String: String]]) -> [(what: String, ticket: String)] {
        let kinds: [(String, ([String: String]) -> Bool)] = [
            (
                "business hours, breached",
                {
                    ($0["target"] ?? "").contains("business hour") && $0["outcome"] == "breached"
                        && $0["first_reply"] != ""
                }
            ),
            (
                "business hours, achieved",
                { ($0["target"] ?? "").contains("business hour") && $0["outcome"] == "achieved" }
            ),
            ("business days, achieved", { $0["target"] == "1 business day" && $0["outcome"] == "achieved" }),
            (
                "business days, breached",
                { $0["target"] == "1 business day" && $0["outcome"] == "breached" && $0["first_reply"] != "" }
            ),
            ("by priority: high", { $0["priority"] == "high" && $0["target"] == "8 business hours" }),
            ("by priority: urgent", { $0["priority"] == "urgent" }),
            ("early", { $0["outcome"] == "early" }),
            ("unanswered, open overdue", { $0["outcome"] == "breached" && $0["first_reply"] == "" }),
            ("unanswered, pending", { $0["outcome"] == "pending" }),
            ("calendar target", { $0["target"] == "14 days" && $0["outcome"] == "achieved" }),
            ("30 minutes", { $0["target"] == "30 minutes" }),
            ("Disqus reply ticket", { ($0["flags"] ?? "").contains("disqus_reply_ticket") }),
        ]
        var picks = kinds.compactMap { kind in rows.first(where: kind.1).map { (kind.0, $0["ticket"] ?? "") } }
        for prefix in ["zendesk:", "hackerone:", "twitter:", "discourse:", "stackexchange:", "gitlab:"] {
            if let row = rows.first(where: { ($0["ticket"] ?? "").hasPrefix(prefix) }) {
                picks.append((prefix + " (native)", row["ticket"] ?? ""))
            }
        }
        return picks
    }

    static func json(_ run: CLIRun) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: run.stdoutBytes) as? [String: Any])
    }

    /// A JSON value as the CSV writes it (instants RFC 3339, numbers plain, null empty, flags `;`-joined).
    static func csvText(_ value: Any?) -> String {
        switch value {
        case let s as String: s
        case let n as NSNumber: n.stringValue
        case let a as [Any]: a.map { csvText($0) }.joined(separator: ";")
        default: ""
        }
    }

    @Test(arguments: [[String](), ["--week", "2016-W47"], zendeskLevel])
    func explainAgreesWithTheReportOnEverySampleTicket(window: [String]) throws {
        let (lines, rows) = try Self.reportRows(window)
        let arguments = (window.contains("--policy") ? [] : Self.policy) + window
        let report = try #require(
            try JSONSerialization.jsonObject(
                with: try CLI.run(["report", "SampleData"] + arguments + ["-f", "json", "--quiet"]).stdoutBytes)
                as? [String: Any])
        var lateness: [String: Int] = [:]
        for breach in report["breaches"] as? [[String: Any]] ?? [] {
            if let ticket = breach["ticket"] as? String { lateness[ticket] = breach["late_by_seconds"] as? Int }
        }
        // Under another policy, a few kinds and then what that policy adds.
        var picks = window.contains("--policy") ? Array(Self.picks(rows).prefix(4)) : Self.picks(rows)
        // Under the Zendesk-level policy: requester wait and agent work of every outcome.
        for column in ["requester_wait_outcome", "agent_work_outcome"] {
            for outcome in ["achieved", "breached", "pending"] {
                if let row = rows.first(where: { $0[column] == outcome }) {
                    picks.append(("\(column) \(outcome)", row["ticket"] ?? ""))
                }
            }
        }
        if window.contains("--policy") { #expect(picks.filter { $0.what.contains("_outcome") }.count == 6) }
        // The whole sample holds every kind (twelve plus six native sources); its last week most of them.
        #expect(picks.count >= (window.isEmpty ? 18 : 10), "\(picks.map(\.what))")
        for (index, (what, ticket)) in picks.enumerated() {
            let label = "\(what): \(ticket)"
            let run = try CLI.run(["explain", ticket, "SampleData"] + arguments + ["-f", "json", "--quiet"])
            #expect(run.status == 0, "\(label): \(run.stderr)")
            let x = try Self.json(run)
            let csvRow = try #require(rows.first { $0["ticket"] == ticket })
            // The explained row is the report's row, column by column.
            let row = try #require(x["row"] as? [String: Any], "\(label)")
            for (column, value) in csvRow { #expect(Self.csvText(row[column]) == value, "\(label): \(column)") }
            // The story's figures are the row's.
            let clock = try #require((x["clocks"] as? [[String: Any]])?.first, "\(label)")
            #expect(clock["metric"] as? String == "first_reply")
            #expect(Self.csvText(clock["calendar_seconds"]) == csvRow["frt_seconds"], "\(label): frt")
            let excluded = (csvRow["flags"] ?? "").contains("disqus_reply_ticket")
            if !excluded {
                #expect(Self.csvText(clock["deadline"]) == csvRow["deadline"], "\(label): deadline")
                #expect(Self.csvText(clock["outcome"]) == csvRow["outcome"], "\(label): outcome")
                #expect(Self.csvText(clock["target"]) == csvRow["target"], "\(label): target")
            }
            let vendor = (csvRow["flags"] ?? "").contains("vendor_metric")
            if !vendor { #expect(Self.csvText(clock["clock_seconds"]) == csvRow["frt_business_seconds"], "\(label)") }
            #expect(Self.csvText((x["target"] as? [String: Any])?["priority"]) == csvRow["priority"], "\(label)")
            // The days add up to the business figure (up to the reply).
            let days = clock["days"] as? [[String: Any]] ?? []
            let counted = days.reduce(0) { $0 + ($1["counted_seconds"] as? Int ?? 0) }
            if let seconds = Int(csvRow["frt_business_seconds"] ?? ""), !vendor {
                #expect(counted == seconds, "\(label): the days add up")
            }
            if clock["clock"] as? String == "calendar" {
                #expect(days.isEmpty, "\(label)")
            } else {
                #expect(!days.isEmpty, "\(label)")
            }
            // By how much: the breach list's lateness.
            if let late = lateness[ticket] {
                let margin = try #require(clock["margin"] as? [String: Any], "\(label)")
                #expect(["late_by", "overdue_by"].contains(margin["kind"] as? String), "\(label)")
                #expect(margin["calendar_seconds"] as? Int == late, "\(label): late by")
            }
            // Requester wait and agent work: the CSV's seconds (on the clock of the ticket's own target) and
            // outcome; on a business clock the days add up to them.
            let clocks = x["clocks"] as? [[String: Any]] ?? []
            for metric in ["requester_wait", "agent_work"] {
                let story = clocks.first { $0["metric"] as? String == metric }
                guard let seconds = csvRow["\(metric)_seconds"], !seconds.isEmpty else {
                    #expect(story == nil || excluded, "\(label): no \(metric) in the row, none in the story")
                    continue
                }
                let told = try #require(story, "\(label): \(metric)")
                let onClock = Self.csvText(told["clock_seconds"])
                #expect(
                    (onClock.isEmpty ? Self.csvText(told["calendar_seconds"]) : onClock) == seconds,
                    "\(label): \(metric) seconds")
                #expect(Self.csvText(told["outcome"]) == csvRow["\(metric)_outcome"], "\(label): \(metric) outcome")
                if told["clock"] as? String != "calendar" {
                    let days = told["days"] as? [[String: Any]] ?? []
                    let counted = days.reduce(0) { $0 + ($1["counted_seconds"] as? Int ?? 0) }
                    #expect(counted == Int(seconds), "\(label): \(metric) days add up")
                }
            }
            // The text tells the same: the report's CSV line itself, and the exact seconds (every other ticket:
            // the text is rendered from the same explanation as the JSON).
            guard index % 2 == 0 else { continue }
            let text = try CLI.run(["explain", ticket, "SampleData"] + arguments + ["--quiet"])
            #expect(text.status == 0 && text.stderr.isEmpty, "\(label): \(text.stderr)")
            #expect(text.stdout.contains("\n  " + (lines[ticket] ?? "?") + "\n"), "\(label): the CSV line")
            if let frt = csvRow["frt_seconds"], !frt.isEmpty { #expect(text.stdout.contains("(\(frt) s)"), "\(label)") }
            #expect(text.stdout.contains("outcome   first reply"), "\(label)")
        }
    }

    @Test func aTicketOutsideTheWindowIsExplainedWithTheWindowNamed() throws {
        let run = try CLI.run(["explain", "51202", "SampleData", "--week", "2016-W47"] + Self.policy + ["--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let outside =
            "created 2016-10-31 02:36 UTC, before the window 2016-11-21 00:00 UTC – 2016-11-28 00:00 UTC: not in this report"
        // The text wraps the sentence at 120 columns.
        #expect(run.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains(outside))
        #expect(run.stdout.contains("Report row: none (not in the report)"))
        let json = try Self.json(
            try CLI.run(["explain", "51202", "SampleData", "--week", "2016-W47", "-f", "json", "-q"]))
        let window = try #require(json["window"] as? [String: Any])
        #expect(window["in_report"] as? Bool == false)
        #expect(window["outside"] as? String == outside)
        #expect(json["row"] is NSNull)
    }

    @Test func aMissingTicketIs65WithTheNearestIds() throws {
        let typo = try CLI.run(["explain", "5002", "SampleData", "-q"])
        #expect(typo.status == 65)
        #expect(typo.stdout.isEmpty)
        #expect(
            typo.stderr.hasPrefix("error: no ticket '5002' in the inputs (3445 tickets; did you mean 'zendesk:5002'?)"))
        let caseOnly = try CLI.run(["explain", "ZENDESK:5002", "SampleData", "-q"])
        #expect(caseOnly.stderr.contains("did you mean 'zendesk:5002'?"))
        let nothing = try CLI.run(["explain", "no-such-ticket-at-all", "SampleData", "-q"])
        #expect(nothing.status == 65)
        #expect(!nothing.stderr.contains("did you mean"))
        let rejected = try CLI.run(["explain", "BAD-2", "SampleData", "-q"])
        #expect(rejected.status == 65)
        #expect(
            rejected.stderr.contains(
                "error: ticket 'BAD-2' has no usable record: its 2 records were rejected\n"
                    + "  SampleData/bad-rows.csv:8: no created event for ticket BAD-2\n"))
    }

    @Test func usageErrorsAndHelpComeFromTheOptionTable() throws {
        let help = try CLI.run(["explain", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.hasPrefix("slareport explain — "))
        for option in [
            "--week YYYY-Www", "--as-of WHEN", "-p, --policy FILE", "--channel NAME", "-f, --format text|json",
        ] {
            #expect(help.stdout.contains(option), "\(option)")
        }
        #expect(!help.stdout.contains("--fail-under") && !help.stdout.contains("--out"))
        let none = try CLI.run(["explain"])
        #expect(none.status == 64)
        #expect(none.stderr.contains("Usage: slareport explain TICKET [OPTIONS] INPUT..."))
        let noInput = try CLI.run(["explain", "E2"])
        #expect(noInput.status == 64)
        #expect(noInput.stderr.contains("no input given"))
        let format = try CLI.run(["explain", "E2", "SampleData", "-f", "jsno"])
        #expect(format.status == 64)
        #expect(format.stderr.contains("did you mean 'json'?"))
        let channel = try CLI.run(["explain", "E2", "SampleData", "--channel", "twiter"])
        #expect(channel.status == 64)
        #expect(channel.stderr.contains("did you mean 'twitter'?"))
        #expect(try CLI.run(["explain", "E2", "SampleData", "--fail-under", "90"]).status == 64)
    }

    /// Same inputs, same story: the files in another order, another time zone and locale give the same bytes
    /// (the people's evidence, the routing facts and the findings do not depend on reading order).
    @Test func theStoryDoesNotDependOnInputOrderZoneOrLocale() throws {
        let files = [
            "SampleData/native/zendesk", "SampleData/native/gitlab", "SampleData/native/discourse",
            "SampleData/support-2016-11-events.csv", "SampleData/twitter-rules-2016-11.csv",
        ]
        for ticket in ["zendesk:5002", "TW-7", "gitlab:gitlab-com/support-forum#310", "discourse:3200"] {
            for format in ["text", "json"] {
                let forward = try CLI.run(["explain", ticket] + files + Self.policy + ["-f", format, "-q"])
                let backward = try CLI.run(
                    ["explain", ticket] + files.reversed() + Self.policy + ["-f", format, "-q"],
                    environment: ["TZ": "Asia/Kathmandu", "LANG": "de_DE.UTF-8", "LC_ALL": "de_DE.UTF-8"])
                #expect(forward.status == 0, "\(ticket): \(forward.stderr)")
                #expect(forward.stdoutBytes == backward.stdoutBytes, "\(ticket) \(format)")
            }
        }
    }

    /// The README's example is what `explain` prints for that command, byte for byte.
    @Test func theREADMEExampleIsTheRealOutput() throws {
        let readme = try String(contentsOf: CLI.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let marker = "```\n$ slareport explain "
        let start = try #require(readme.range(of: marker), "the README shows an explain example")
        let rest = readme[start.upperBound...]
        let commandLine = try #require(rest.split(separator: "\n", maxSplits: 1).first)
        let body = rest.dropFirst(commandLine.count + 1)
        let end = try #require(body.range(of: "```\n"))
        let arguments = ["explain"] + commandLine.split(separator: " ").map(String.init)
        let run = try CLI.run(arguments)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == String(body[..<end.lowerBound]), "the README's explain example is stale: \(arguments)")
    }

    /// The documented shape of `slareport-explain/1`: every key, in order, on a ticket with next replies.
    @Test func theJSONShapeIsStable() throws {
        let run = try CLI.run([
            "explain", "51215", "SampleData", "--policy", "SampleData/gitlab-2017.policy.json", "-f", "json", "-q",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let text = run.stdout
        let x = try Self.json(run)
        func keys(_ object: Any?) -> [String] {
            // JSONSerialization does not keep the order: the top-level keys' order is read from the text.
            guard let object = object as? [String: Any] else { return [] }
            func position(_ key: String) -> String.Index {
                text.range(of: "\n  \"\(key)\": ")?.lowerBound ?? text.endIndex
            }
            return object.keys.sorted { position($0) < position($1) }
        }
        #expect(
            keys(x) == [
                "schema", "tool", "ticket", "source", "record", "created", "subject", "url", "window", "policy",
                "channel",
                "target", "people", "events", "clocks", "resolution", "row", "flags", "findings", "left_out", "notes",
            ])
        #expect(x["schema"] as? String == "slareport-explain/1")
        let clocks = try #require(x["clocks"] as? [[String: Any]])
        #expect(clocks.map { $0["metric"] as? String ?? "" } == ["first_reply", "next_reply", "next_reply"])
        #expect(clocks.map { $0["number"] as? Int } == [nil, 1, 2])
        #expect(
            Set(clocks[1].keys) == [
                "metric", "number", "started", "started_by", "stopped", "stopped_by", "target", "clock", "schedule",
                "timezone", "deadline", "deadline_rule", "not_before", "calendar_seconds", "clock_seconds", "outcome",
                "open_overdue", "margin", "days", "days_left_out", "notes",
            ])
        let day = try #require((clocks[0]["days"] as? [[String: Any]])?.first)
        #expect(
            Set(day.keys) == [
                "date", "weekday", "kind", "working_day", "hours", "counted_seconds", "total_seconds", "length_seconds",
                "utc_offset", "offset_changes", "marks",
            ])
        let events = try #require(x["events"] as? [[String: Any]])
        #expect(
            Set(events[0].keys) == [
                "at", "event", "actor", "role", "value", "via", "record", "counted", "clock", "meaning",
            ])
        #expect(events.compactMap { $0["counted"] as? String }.contains("next_reply_started"))
        let people = try #require(x["people"] as? [[String: Any]])
        #expect(Set(people[0].keys) == ["actor", "name", "role", "requester", "reasons"])
        #expect(
            Set((x["target"] as? [String: Any] ?? [:]).keys) == [
                "first_reply", "channel_first_reply", "next_reply", "channel_next_reply", "not_before", "priority",
                "priority_event", "by_priority", "by_priority_keys", "schedule", "reasons",
            ])
        #expect(
            Set((x["channel"] as? [String: Any] ?? [:]).keys) == ["key", "name", "chosen_by", "record", "routing"])
    }
}
