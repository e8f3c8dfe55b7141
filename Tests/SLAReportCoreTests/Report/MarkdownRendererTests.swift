import Testing

@testable import SLAReportCore

@Suite struct MarkdownRendererTests {
    /// The tiny model's summary table, padded by hand (✅/❌ are two columns wide, `—` one).
    static let tinySummary = """
        | Channel | Tickets | Judged | Attainment | Goal | Breached | p50 FRT |   Mean | Target         | Trend |
        | ------- | ------: | -----: | ---------: | ---: | -------: | ------: | -----: | -------------- | ----: |
        | T       |       3 |      2 |   50.0% ❌ |  90% |        1 |  1h 12m | 13h 6m | 1 business day |     — |
        | X       |       2 |      — |          — |    — |        — |      1m |     1m | none           |     — |

        """

    @Test func tinySummaryTable() {
        let md = MarkdownRenderer.render(ReportSamples.tiny)
        #expect(md.contains("## Summary\n\n" + Self.tinySummary + "\n❌ below its goal or the `--fail-under` threshold"))
        #expect(
            md.hasPrefix("# SLA report: all data\n\n- **As of:** 2016-11-21 00:00 UTC (newest record: in/e.csv:9)\n"))
        #expect(md.contains("\n## Warnings\n\n- ⚠️ X: 2 tickets, nobody\n\n"))
        #expect(md.contains("\n### Reader warnings (nothing rejected)\n\n"))
        #expect(md.contains("| in/e.csv:6 | text after a closing quote |"))
        #expect(md.contains("- **Policy:** P \"q\" (built-in); versions from 2017-01-01\n"))
        // Only the mark that appears is explained.
        #expect(!md.contains("✅"))
    }

    @Test func storyComesFirst() {
        let md = MarkdownRenderer.render(ReportSamples.sectioned)
        // Worked out from the sample: forum 20 of 25 and emergency 8 of 10 are below --fail-under 85 (2 and 1
        // short: ceil(0.85 × 25) − 20, ceil(0.85 × 10) − 8), Twitter 100 of 112 below its goal of 90
        // (ceil(100.8) − 100); ties on tickets short go to the larger shortfall in points.
        let story = """
            Across the 3 channels with a target, 87.0% of 147 judged tickets got their first reply in time (128 achieved). GitLab
            Forum is below the threshold: 80.0% of 25 judged within 14 days, threshold 85% (2 tickets short). Emergency tickets is
            below the threshold: 80.0% of 10 judged within 30 minutes, threshold 85% (1 ticket short). Twitter missed its goal: 89.2%
            of 112 judged within 1 business day, goal 90% (1 ticket short). Biggest changes against the previous window: Twitter
            down 3.2 points (92.5% → 89.2%). The trend is left out for 1 channel where a window judged fewer than 10 tickets. 3
            tickets are unanswered past their deadline; 23 more are due within the next business day.
            """
        #expect(md.contains("- **Tool:** slareport 0.1.0\n\n" + story + "\n\n## Summary\n"))
    }

    @Test func trendAndGoalMarks() {
        let md = MarkdownRenderer.render(ReportSamples.sectioned)
        #expect(md.contains("| 30 minutes     |   few |\n"))
        #expect(md.contains("| 1 business day | ▼ 3.2 |\n"))
        #expect(md.contains("|   89.2% ❌ |  90% |"))
        #expect(md.contains("|   80.0% ❌ |  85% |"))  // emergency: no goal, below --fail-under 85
        let summary = md.components(separatedBy: "## Summary\n\n").last?.components(separatedBy: "\n## ").first ?? ""
        #expect(!summary.contains("✅"))
        var model = ReportSamples.sectioned
        model.channels[1].failsGate = false
        model.channels[1].firstReply.attainment = Percent(value: 95)
        let passing = MarkdownRenderer.render(model)
        #expect(passing.contains("|    112 |   95.0% ✅ |  90% |"))
        #expect(passing.contains("\n✅ at or above its goal · ❌ below its goal or the `--fail-under` threshold · "))
    }

    @Test func sectionsInOrder() {
        let md = MarkdownRenderer.render(ReportSamples.sectioned)
        let headings = [
            "## Summary", "## First replies", "## Attainment per priority", "### Twitter", "## At risk",
            "## Weekly history", "## Volume per day", "## Channel rules", "### Recorded skips (27)",
            "### Passed-over takes (1)", "### Cross-assignments (1)", "### Replies from the wrong handle (1)",
            "### Replies from outside Zendesk (1)",
            "### Duplicate responses (1)", "### Disqus reply tickets to solve (2)", "### Early replies (1)",
            "## Next reply and resolution", "## First-reply breaches", "### Emergency tickets (1)", "### Twitter (22)",
            "## Agents", "## Data quality", "### Rejected records", "### Files not read (skipped)",
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

    @Test func sectionsOnlyWhereThereIsSomethingToShow() {
        var model = ReportSamples.sectioned
        model.showsHistory = false
        model.atRisk = []
        for i in model.channels.indices {
            model.channels[i].byPriority = []
            model.channels[i].nextReply = nil
        }
        model.channels[2].resolution.solved = 0
        let md = MarkdownRenderer.render(model)
        #expect(!md.contains("## Weekly history"))
        #expect(!md.contains("## Attainment per priority"))
        #expect(!md.contains("## Next reply and resolution"))
        #expect(md.contains("## At risk\n\nNo pending ticket is due within the next business day.\n"))
        // Resolution only, for the channels that solved something (emergency and twitter).
        let resolution = md.components(separatedBy: "## Resolution\n\n").last?.components(separatedBy: "\n\n").first
        #expect(resolution?.split(separator: "\n").count == 4)
        #expect(resolution?.hasPrefix("| Channel           | Solved |") == true)
    }

    @Test func atRiskListIsCappedAndLinked() {
        let md = MarkdownRenderer.render(ReportSamples.sectioned)
        let section = md.components(separatedBy: "## At risk\n\n").last?.components(separatedBy: "\n## ").first ?? ""
        #expect(section.contains("twitter:519"))
        #expect(!section.contains("twitter:520"))
        #expect(section.contains("\n… and 3 more (the per-ticket CSV has every pending ticket).\n"))
        #expect(
            section.contains(
                "| twitter:503                   | Twitter | —        | 2016-11-21 01:30 UTC |       30m |"))
        // Only the https link becomes a reference; javascript: stays text.
        #expect(section.contains("[twitter:500][1]"))
        #expect(section.contains("\n[1]: https://gitlab.zendesk.example/agent/tickets/500\n"))
        #expect(section.contains("| twitter:502                   |"))
        #expect(!section.contains("javascript"))
    }

    /// Long channel names are shortened so that every line of the summary fits 120 terminal columns; the full
    /// names stay in the other tables.
    @Test func summaryFitsOneHundredTwentyColumns() {
        var model = ReportSamples.sectioned
        model.channels[1].name = "Twitter and Facebook worked in Play mode by the whole team across time zones"
        model.channels[1].firstReply.calendar.mean = 1_000_000
        let md = MarkdownRenderer.render(model)
        let summary = md.components(separatedBy: "## Summary\n\n").last?.components(separatedBy: "\n\n").first ?? ""
        let lines = summary.split(separator: "\n")
        #expect(lines.count == 6)
        for line in lines {
            #expect(MarkdownRenderer.displayWidth(String(line)) <= MarkdownRenderer.summaryWidth, "\(line)")
        }
        #expect(summary.contains("| Twitter and Facebook… |     120 |"))
        #expect(md.contains("| Twitter and Facebook worked in Play mode by the whole team across time zones |"))
    }

    @Test func listsAreCapped() {
        let md = MarkdownRenderer.render(ReportSamples.sectioned)
        #expect(md.contains("twitter:124"))
        #expect(!md.contains("twitter:125"))
        #expect(md.contains("\n… and 2 more.\n"))
        #expect(md.contains("twitter:1019"))
        #expect(!md.contains("twitter:1020"))
        #expect(md.contains("\n… and 2 more (every breach is listed in the JSON report).\n"))
    }

    /// Every row of every table has as many unescaped `|` as its header, whatever the cells hold.
    @Test func hostileCellsKeepTheColumnCount() {
        let md = MarkdownRenderer.render(ReportSamples.sectioned)
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
        let md = MarkdownRenderer.render(ReportSamples.sectioned)
        // No raw HTML: every `<` is escaped.
        var previous: Character = " "
        for character in md {
            if character == "<" { #expect(previous == "\\") }
            previous = character
        }
        #expect(!md.contains("](javascript") && !md.contains("](data:") && !md.contains("](JaVaScRiPt"))
        #expect(!md.lowercased().contains("]: javascript") && !md.lowercased().contains("]: data:"))
        // Links are references: a short label in the cell, the URL below the table.
        let breachLink = md.components(separatedBy: "[twitter:1001][").dropFirst().first?.prefix { $0 != "]" }
        let label = String(breachLink ?? "?")
        #expect(md.contains("\n[\(label)]: https://gitlab.zendesk.example/agent/tickets/1\n"))
        let disqusLink = md.components(separatedBy: "[disqus:2][").dropFirst().first?.prefix { $0 != "]" }
        #expect(md.contains("\n[\(String(disqusLink ?? "?"))]: https://disqus.example/t/2?a=1&b=%282%29%7Cx\n"))
        #expect(md.contains("| disqus:1      | disqus  |"))
        // Newlines in data never end a row.
        #expect(md.contains("line1 line2 line3 line4 end"))
        #expect(!md.contains("line1\n"))
    }

    /// Paragraphs are wrapped at 120 columns, and never so that a continuation line starts a block: a seeded
    /// mix of words, list markers, numbers and headings.
    @Test func wrappedParagraphsStayParagraphs() {
        let seed: UInt64 = 0x5EED_1111
        var random = SplitMix64(seed: seed)
        let words = [
            "ticket", "-", "+", "*", ">", "#", "1.", "2)", "12.5%", "=", "|", "`x`", "[a]", "<b>", "\\#", "99", "—",
            "judged", "within", "Twitter", "(3", "a-b", "GitLab.com", "::", "_x_", "~~", "!",
        ]
        for _ in 0..<200 {
            var text = ""
            for _ in 0..<Int(random.next() % 80 + 1) {
                let word = words[Int(random.next() % UInt64(words.count))]
                text += (text.isEmpty ? "Lead " : " ") + word
            }
            let lines = MarkdownRenderer.wrapped(text).split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.joined(separator: " ") == text, "seed \(seed)")
            for line in lines.dropFirst() {
                #expect(MarkdownRenderer.canStartLine(line), "seed \(seed): line starts a block: \(line)")
            }
            // A line runs past 120 columns only where no word after the limit may start a line.
            for line in lines where MarkdownRenderer.displayWidth(String(line)) > MarkdownRenderer.summaryWidth {
                var width = 0
                for (index, word) in line.split(separator: " ").enumerated() {
                    width += (index == 0 ? 0 : 1) + MarkdownRenderer.displayWidth(String(word))
                    if index > 0 && width > MarkdownRenderer.summaryWidth {
                        #expect(!MarkdownRenderer.canStartLine(word), "seed \(seed): could have broken before \(word)")
                    }
                }
            }
        }
        #expect(!MarkdownRenderer.canStartLine("- x"))
        #expect(!MarkdownRenderer.canStartLine("1."))
        #expect(!MarkdownRenderer.canStartLine("10)"))
        #expect(MarkdownRenderer.canStartLine("10%"))
        #expect(MarkdownRenderer.canStartLine("judged"))
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
