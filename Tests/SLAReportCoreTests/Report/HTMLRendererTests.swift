import Testing

@testable import SLAReportCore

@Suite struct HTMLRendererTests {
    static let html = HTMLRenderer.render(ReportSamples.sample)

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
            "desc", "g", "rect", "line", "text", "circle", "path",
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
        #expect(hrefs.count == 2)
        #expect(hrefs.allSatisfy { $0.lowercased().hasPrefix("http://") || $0.lowercased().hasPrefix("https://") })
        #expect(
            html.contains(
                "<a href=\"https://gitlab.zendesk.example/agent/tickets/1\" rel=\"noopener noreferrer\">twitter:1001</a>"
            ))
        #expect(html.contains("<a href=\"https://disqus.example/t/2?a=1&amp;b=(2)|x\" rel=\"noopener noreferrer\">"))
        #expect(html.components(separatedBy: "<a ").count - 1 == 2)
    }

    @Test func chartsAreLabelled() {
        let html = Self.html
        for id in ["chart-attainment", "chart-frt", "chart-daily"] {
            #expect(html.contains("aria-labelledby=\"\(id)-title \(id)-desc\""))
            #expect(html.contains("<title id=\"\(id)-title\">"))
        }
        #expect(html.contains(">89.29% · goal 90%</text>"))
        #expect(html.contains(">no target</text>"))
        for bucket in ChannelSummary.frtBuckets { #expect(html.contains(">\(Escape.html(bucket.label))</text>")) }
    }

    @Test func sameSectionsAsMarkdown() {
        let html = Self.html
        let headings = [
            "Summary", "Channel rules", "Recorded skips (27)", "Response times and volume", "Next reply and resolution",
            "First-reply breaches", "Twitter (22)", "Agents", "Data quality", "Rejected records",
            "Unrecognised files (skipped)", "How these numbers are computed",
        ]
        let positions = headings.map { html.range(of: ">\($0)</h")?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        let found = positions.compactMap { $0 }
        #expect(found == found.sorted())
        #expect(html.contains("… and 2 more (every breach is listed in the JSON report)."))
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
        let html = HTMLRenderer.render(model)
        #expect(html.contains(">no tickets in the window</text>"))
        #expect(html.contains("<p>No first-reply breaches.</p>"))
        #expect(html.hasSuffix("</html>\n"))
    }
}
