import Foundation
import Testing

@testable import SLAReportCore

@Suite struct HTMLRendererTests {
    static let html = HTMLRenderer.render(ReportSamples.sectioned)

    @Test func selfContainedWithCSP() {
        let html = Self.html
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        #expect(
            html.contains(
                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;; "
                    + "style-src &#39;unsafe-inline&#39;; img-src data:\">"))
        #expect(html.contains("prefers-color-scheme: dark"))
        #expect(html.contains("@media print"))
        let lower = html.lowercased()
        for forbidden in ["<script", "<link", "<iframe", "<img", "<object", "<embed", "@import", "url("] {
            #expect(!lower.contains(forbidden), "found \(forbidden)")
        }
        // Only the elements the renderer writes appear: data never opens a tag.
        let allowed: Set<String> = [
            "!doctype", "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p", "strong",
            "section", "div", "table", "thead", "tbody", "tr", "th", "td", "a", "ul", "li", "dl", "dt", "dd", "svg",
            "desc", "g", "rect", "line", "text", "circle", "path", "figure", "figcaption",
        ]
        let tags = lower.components(separatedBy: "<").dropFirst().map { part in
            String(part.prefix { $0 != " " && $0 != ">" && $0 != "/" && $0 != "\n" })
        }
        let opened = Set(tags.filter { !$0.isEmpty })
        #expect(opened.isSubset(of: allowed), "unexpected tags \(opened.subtracting(allowed).sorted())")
    }

    @Test func hostileStringsAreEscaped() {
        let html = Self.html
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&quot; onmouseover=&quot;x"))
        #expect(!html.contains("onmouseover=\""))
        #expect(!html.contains("onerror=alert(1)>"))
        for hostile in ReportSamples.hostile where hostile.contains(where: { "<>\"'&".contains($0) }) {
            #expect(!html.contains(hostile), "unescaped \(hostile)")
        }
    }

    @Test func onlyHTTPLinks() {
        let html = Self.html
        #expect(!html.lowercased().contains("href=\"javascript:"))
        #expect(!html.lowercased().contains("href=\"data:"))
        let hrefs = html.components(separatedBy: "href=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(hrefs.count == 3)
        #expect(hrefs.allSatisfy { $0.lowercased().hasPrefix("http://") || $0.lowercased().hasPrefix("https://") })
        #expect(
            html.contains(
                "<a href=\"https://gitlab.zendesk.example/agent/tickets/1\" rel=\"noopener noreferrer\">twitter:1001</a>"
            ))
        #expect(html.contains("<a href=\"https://disqus.example/t/2?a=1&amp;b=(2)|x\" rel=\"noopener noreferrer\">"))
        #expect(
            html.contains(
                "<a href=\"https://gitlab.zendesk.example/agent/tickets/500\" rel=\"noopener noreferrer\">twitter:500</a>"
            ))
        #expect(html.components(separatedBy: "<a ").count - 1 == 3)
    }

    @Test func chartsAreLabelled() {
        let html = Self.html
        let captions = [
            "chart-attainment": "First-reply attainment per channel",
            "chart-frt": "First replies against each channel&#39;s own target",
            "chart-history": "Weekly history: attainment and volume", "chart-volume": "Daily volume and attainment",
        ]
        for (id, caption) in captions.sorted(by: { $0.key < $1.key }) {
            #expect(html.contains("<figure class=\"chart\" id=\"\(id)\"><figcaption>\(caption)</figcaption><svg "))
            #expect(html.contains("aria-labelledby=\"\(id)-title \(id)-desc\""))
            #expect(html.contains("<title id=\"\(id)-title\">\(caption)</title>"))
        }
        #expect(html.components(separatedBy: "<svg ").count - 1 == 4)
        #expect(!html.contains("min-width: 600px"))
        // Values and marks are text, not colour alone.
        #expect(html.contains(">89.2% of 112 · goal 90% ✗</text>"))
        #expect(html.contains(">no target</text>"))
        #expect(html.contains(">early 4 · within target 20 · late 1 · pending 5</text>"))
        // Axis labels with units.
        #expect(html.contains(">Attainment: % of judged tickets replied to within target</text>"))
        #expect(html.contains(">Tickets per day</text>"))
        #expect(html.contains(">Day created (policy time zone; Mondays marked)</text>"))
        #expect(html.contains(">ISO week created (policy time zone), and its tickets</text>"))
    }

    /// A channel below its gate is drawn the same whichever gate set it (its own goal or `--fail-under`), and
    /// so is one that meets it; the goal is a mark on its row, the threshold a dashed line, both in the legend.
    @Test func sameColoursWhicheverGateSetThem() {
        func bar(goal: Double?, failUnder: Double?, attainment: Int) -> String {
            var model = ReportSamples.sectioned
            model.channels = [model.channels[1]]
            model.channels[0].firstReply.goal = goal.map { Percent(value: $0) }
            model.channels[0].firstReply.attainment = Percent(hundredths: attainment)
            model.failUnder = failUnder.map { Percent(value: $0) }
            model = ReportSamples.withDerivedSections(model)
            let html = HTMLRenderer.render(model)
            let chart = html.components(separatedBy: "id=\"chart-attainment\"").last ?? ""
            let rect = chart.components(separatedBy: "<rect class=\"").dropFirst().first ?? ""
            return String(rect.prefix { $0 != "\"" })
        }
        #expect(bar(goal: 90, failUnder: nil, attainment: 8000) == "bar-bad")
        #expect(bar(goal: nil, failUnder: 90, attainment: 8000) == "bar-bad")
        #expect(bar(goal: 70, failUnder: nil, attainment: 8000) == "bar-good")
        #expect(bar(goal: nil, failUnder: 70, attainment: 8000) == "bar-good")
        #expect(bar(goal: nil, failUnder: nil, attainment: 8000) == "bar")

        let html = Self.html
        let attainment =
            html.components(separatedBy: "id=\"chart-attainment\"").last?
            .components(separatedBy: "</figure>").first ?? ""
        // --fail-under 85: one dashed segment per channel row, and the legend names it.
        #expect(attainment.components(separatedBy: "<line class=\"threshold\"").count - 1 == 4 + 1)
        #expect(attainment.contains(">threshold 85%</text>"))
        // Twitter's goal of 90 %: one mark on its row, plus the legend's.
        #expect(attainment.components(separatedBy: "<line class=\"goal\"").count - 1 == 1 + 1)
        #expect(attainment.contains(">goal</text>"))
        let history =
            html.components(separatedBy: "id=\"chart-history\"").last?
            .components(separatedBy: "</figure>").first ?? ""
        #expect(history.contains("<line class=\"threshold\""))
    }

    @Test func summaryKeepsFourColumnsOnPhonesAndExactValuesInTooltips() {
        let html = Self.html
        let summary =
            html.components(separatedBy: "<section id=\"summary\">").last?
            .components(separatedBy: "</thead>").first ?? ""
        let always = ["Channel", "Judged", "Attainment", "p50 FRT"]
        for title in always { #expect(summary.contains("scope=\"col\">\(title)</th>"), "\(title)") }
        for title in [
            "Tickets", "Goal", "Breached", "Open overdue", "Pending", "Early", "p90 FRT", "Mean FRT", "Trend",
        ] {
            #expect(summary.contains("opt\" scope=\"col\">\(title)</th>"), "\(title)")
        }
        #expect(summary.contains("<th scope=\"col\">Target</th>") == false)
        #expect(HTMLRenderer.styleSheet.description.contains("@media (max-width: 640px)"))
        #expect(HTMLRenderer.styleSheet.description.contains(".opt { display: none; }"))
        #expect(HTMLRenderer.styleSheet.description.contains("thead th { position: sticky; top: 0;"))
        // Durations carry their exact seconds, attainment its two decimals and counts.
        #expect(html.contains("<td class=\"num\" title=\"3600 seconds\">1h</td>"))
        #expect(html.contains("<td class=\"num bad\" title=\"89.29%: 100 of 112 judged in time\">89.2% ✗</td>"))
        #expect(html.contains("title=\"left out: 8 judged in the previous window (fewer than 10)\">few</td>"))
        #expect(
            html.contains(
                "<td class=\"num opt bad\" title=\"3.21 points against 92.5% in the previous window\">▼ 3.2</td>")
                == false)
        #expect(
            html.contains(
                "<td class=\"num opt bad\" title=\"3.2 points against 92.5% in the previous window\">▼ 3.2</td>"))
    }

    /// The palette's text colours against every background they sit on, in the light and the dark scheme:
    /// at least 4.5:1 (WCAG AA for normal text).
    @Test func paletteContrastInLightAndDark() throws {
        let css = HTMLRenderer.styleSheet.description
        func palette(after marker: String) throws -> [String: String] {
            let start = try #require(css.range(of: marker))
            let block = css[start.upperBound...].prefix { $0 != "}" }
            var colours: [String: String] = [:]
            for part in block.split(separator: ";") {
                let pair = part.split(separator: ":").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                if pair.count == 2, pair[0].hasPrefix("--"), pair[1].hasPrefix("#") { colours[pair[0]] = pair[1] }
            }
            return colours
        }
        let light = try palette(after: ":root { color-scheme: light dark;")
        let dark = try palette(after: "@media (prefers-color-scheme: dark) {\n  :root {")
        let print = try palette(after: "@media print {\n  :root {")
        for (name, scheme) in [("light", light), ("dark", dark), ("print", print)] {
            #expect(scheme.count >= 12, "\(name): \(scheme.keys.sorted())")
            for text in ["--fg", "--muted", "--good", "--bad", "--link"] {
                for background in ["--bg", "--head", "--stripe", "--story"] {
                    let ratio = try Self.contrast(#require(scheme[text]), #require(scheme[background]))
                    #expect(ratio >= 4.5, "\(name): \(text) on \(background) is \(ratio)")
                }
            }
        }
        // The count labels inside the band segments: #111111 on each band colour.
        for band in ["#d2b8ff", "#8ddb9a", "#ffc46b", "#ff8f87", "#d0d7de"] {
            #expect(Self.contrast("#111111", band) >= 4.5, "\(band)")
        }
        #expect(Self.contrast("#ffffff", "#000000") > 20.9)
        #expect(abs(Self.contrast("#777777", "#ffffff") - 4.48) < 0.01)
    }

    /// The WCAG contrast ratio of two `#rrggbb` colours.
    static func contrast(_ a: String, _ b: String) -> Double {
        func luminance(_ hex: String) -> Double {
            let value = Int(hex.dropFirst(), radix: 16) ?? 0
            let channels = [(value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF].map { c -> Double in
                let v = Double(c) / 255
                return v <= 0.03928 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
            }
            return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
        }
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    @Test func sameSectionsAsMarkdown() {
        let html = Self.html
        let headings = [
            "In short", "Summary", "First replies", "Attainment per priority", "At risk", "Weekly history",
            "Volume per day", "Channel rules", "Recorded skips (27)", "Next reply and resolution",
            "First-reply breaches", "Twitter (22)", "Agents", "Data quality", "Rejected records",
            "Files not read (skipped)", "How these numbers are computed",
        ]
        let positions = headings.map { html.range(of: ">\($0)</h")?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil }, "\(zip(headings, positions).filter { $0.1 == nil }.map(\.0))")
        let found = positions.compactMap { $0 }
        #expect(found == found.sorted())
        #expect(html.contains("… and 2 more (every breach is listed in the JSON report)."))
        #expect(html.contains("<p class=\"story\">Across the 3 channels with a target, 87.0% of 147 judged tickets"))
    }

    @Test func ticksAndScales() {
        #expect(SVGChart.niceScale(0) == (1, 1))
        #expect(SVGChart.niceScale(7) == (2, 8))
        #expect(SVGChart.niceScale(159) == (50, 200))
        #expect(SVGChart.niceScale(1000) == (200, 1000))
        #expect(SVGChart.niceScale(1001) == (500, 1500))
        // 28 days from Monday 2016-10-31: the four Mondays.
        let days = (0..<28).map { Aggregator.dateString(CivilDateTime.days(year: 2016, month: 10, day: 31) + $0) }
        #expect(SVGChart.tickIndices(days, perWeek: false) == [0, 7, 14, 21])
        // A year of days: at most six labels, all on Mondays.
        let year = (0..<385).map { Aggregator.dateString(CivilDateTime.days(year: 2016, month: 1, day: 1) + $0) }
        let ticks = SVGChart.tickIndices(year, perWeek: false)
        #expect(ticks.count <= 6 && ticks.count >= 4)
        #expect(
            ticks.allSatisfy {
                year[$0] == Aggregator.dateString(CivilDateTime.days(year: 2016, month: 1, day: 4) + ($0 - 3))
            })
        // Weeks: the first week of each month, thinned.
        let weeks = (0..<60).map { Aggregator.dateString(CivilDateTime.days(year: 2016, month: 1, day: 4) + 7 * $0) }
        let weekTicks = SVGChart.tickIndices(weeks, perWeek: true)
        #expect(weekTicks.count <= 6)
        #expect(weekTicks.allSatisfy { Int(weeks[$0].suffix(2)) ?? 99 <= 7 })
    }

    @Test func weeklyVolumeChart() {
        var model = ReportSamples.sectioned
        model.volume = VolumeSeries(unit: .week, points: model.weeks.map(\.asPoint))
        let html = HTMLRenderer.render(model)
        #expect(html.contains("<figcaption>Weekly volume and attainment</figcaption>"))
        #expect(html.contains(">Tickets per week</text>"))
        #expect(html.contains("<title>week of 2016-11-07: 150 tickets, 142 judged, attainment 84.51%</title>"))
        #expect(html.contains(">Volume per week</h2>"))
    }

    @Test func svgNumbersByHand() {
        #expect(SVGChart.n(12) == "12")
        #expect(SVGChart.n(12.25) == "12.3")
        #expect(SVGChart.n(-3.21) == "-3.2")
        #expect(SVGChart.n(0.04) == "0")
        #expect(SVGChart.n(.nan) == "0")
    }

    @Test func emptyModelStillRenders() {
        var model = ReportSamples.tiny
        model.channels = []
        model.breaches = []
        model.agents = []
        model.daily = []
        model.volume = .empty
        model.weeks = []
        model.atRisk = []
        let html = HTMLRenderer.render(model)
        #expect(html.contains(">no tickets in the window</text>"))
        #expect(html.contains("<p>No first-reply breaches.</p>"))
        #expect(html.hasSuffix("</html>\n"))
    }
}
