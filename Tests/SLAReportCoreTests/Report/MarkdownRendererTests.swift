import Testing

@testable import SLAReportCore

@Suite struct MarkdownRendererTests {
    /// The tiny model's summary table, padded by hand (✅/❌ are two columns wide, `—` one).
    static let tinySummary = """
        | Channel | Tickets | Replied | Judged | Attainment        | Breached | Open overdue | Pending | Early | p50 FRT | p90 FRT | Target         | Trend |
        | ------- | ------: | ------: | -----: | ----------------- | -------: | -----------: | ------: | ----: | ------: | ------: | -------------- | ----- |
        | T       |       3 |       2 |      2 | 50% ❌ (goal 90%) |        1 |            0 |       1 |     0 |  1h 12m |   1d 1h | 1 business day | —     |
        | X       |       2 |       1 |      — | —                 |        — |            — |       — |     — |      1m |      1m | none           | —     |

        """

    @Test func tinySummaryTable() {
        let md = MarkdownRenderer.render(ReportSamples.tiny)
        #expect(md.contains("## Summary\n\n" + Self.tinySummary + "\n✅ at or above goal"))
        #expect(
            md.hasPrefix("# SLA report: all data\n\n- **As of:** 2016-11-21 00:00 UTC (newest record: in/e.csv:9)\n"))
        #expect(md.contains("\n## Warnings\n\n- ⚠️ X: 2 tickets, nobody\n\n## Summary\n"))
        #expect(md.contains("\n### Reader warnings (nothing rejected)\n\n"))
        #expect(md.contains("| in/e.csv:6 | text after a closing quote |"))
        #expect(md.contains("- **Policy:** P \"q\" (built-in); versions from 2017-01-01\n"))
    }

    @Test func trendAndGoalMarks() {
        let md = MarkdownRenderer.render(ReportSamples.sample)
        #expect(md.contains("| 30 minutes     | ▲ 2.5 pts  |\n"))
        #expect(md.contains("| 1 business day | ▼ 3.21 pts |\n"))
        #expect(md.contains("| 89.29% ❌ (goal 90%) |"))
        var model = ReportSamples.sample
        model.channels[1].failsGate = false
        model.channels[1].firstReply.attainment = Percent(value: 95)
        #expect(MarkdownRenderer.render(model).contains("|     115 |    112 | 95% ✅ (goal 90%) |"))
    }

    @Test func sectionsInOrder() {
        let md = MarkdownRenderer.render(ReportSamples.sample)
        let headings = [
            "## Summary", "## Channel rules", "### Recorded skips (27)", "### Passed-over takes (1)",
            "### Cross-assignments (1)", "### Replies from the wrong handle (1)",
            "### Replies from outside Zendesk (1)",
            "### Duplicate responses (1)", "### Disqus reply tickets to solve (2)", "### Early replies (1)",
            "## Next reply and resolution", "## First-reply breaches", "### Emergency tickets (1)", "### Twitter (22)",
            "## Agents", "## Data quality", "### Rejected records", "### Unrecognised files (skipped)",
            "## How these numbers are computed",
        ]
        let positions = headings.map { md.range(of: "\n" + $0 + "\n")?.lowerBound }
        #expect(
            positions.allSatisfy { $0 != nil }, "missing: \(zip(headings, positions).filter { $0.1 == nil }.map(\.0))")
        let found = positions.compactMap { $0 }
        #expect(found == found.sorted())
        #expect(md.contains("- Recorded skips: **27**\n- Passed-over takes: **1**\n"))
        #expect(md.contains("- Disqus reply tickets to solve: **2**\n- Early replies: **1**\n"))
    }

    @Test func listsAreCapped() {
        let md = MarkdownRenderer.render(ReportSamples.sample)
        #expect(md.contains("twitter:124"))
        #expect(!md.contains("twitter:125"))
        #expect(md.contains("\n… and 2 more.\n"))
        #expect(md.contains("twitter:1019"))
        #expect(!md.contains("twitter:1020"))
        #expect(md.contains("\n… and 2 more (every breach is listed in the JSON report).\n"))
    }

    /// Every row of every table has as many unescaped `|` as its header, whatever the cells hold.
    @Test func hostileCellsKeepTheColumnCount() {
        let md = MarkdownRenderer.render(ReportSamples.sample)
        var tables: [[Substring]] = []
        var current: [Substring] = []
        for line in md.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("|") {
                current.append(line)
            } else if !current.isEmpty {
                tables.append(current)
                current = []
            }
        }
        #expect(tables.count >= 15)
        for table in tables {
            let counts = table.map(Self.unescapedPipes)
            #expect(Set(counts).count == 1, "uneven table starting \(table[0])")
            #expect(table.allSatisfy { $0.hasSuffix("|") })
        }
    }

    @Test func noMarkupFromData() {
        let md = MarkdownRenderer.render(ReportSamples.sample)
        // No raw HTML: every `<` is escaped.
        var previous: Character = " "
        for character in md {
            if character == "<" { #expect(previous == "\\") }
            previous = character
        }
        #expect(!md.contains("](javascript") && !md.contains("](data:") && !md.contains("](JaVaScRiPt"))
        #expect(md.contains("[twitter:1001](https://gitlab.zendesk.example/agent/tickets/1)"))
        #expect(md.contains("[disqus:2](https://disqus.example/t/2?a=1&b=%282%29%7Cx)"))
        #expect(md.contains("| disqus:1 |"))
        // Newlines in data never end a row.
        #expect(md.contains("line1 line2 line3 line4 end"))
        #expect(!md.contains("line1\n"))
    }

    static func unescapedPipes(_ line: Substring) -> Int {
        var count = 0
        var backslashes = 0
        for character in line {
            if character == "|" && backslashes % 2 == 0 { count += 1 }
            backslashes = character == "\\" ? backslashes + 1 : 0
        }
        return count
    }
}
