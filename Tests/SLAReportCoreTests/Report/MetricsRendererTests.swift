import Foundation
import Testing

@testable import SLAReportCore

/// The OpenMetrics report, written by hand for the tiny model and checked line by line for the sample.
/// (prometheus_client's parser reads it in `slareportTests/ConsumerTests`.)
@Suite struct MetricsRendererTests {
    @Test func tinyReportByHand() {
        let expected = """
            # TYPE slareport_attainment_percent gauge
            # UNIT slareport_attainment_percent percent
            # HELP slareport_attainment_percent First-reply attainment: achieved / judged tickets, in percent.
            slareport_attainment_percent{channel="t"} 50
            # TYPE slareport_tickets gauge
            # HELP slareport_tickets Tickets created in the report window.
            slareport_tickets{channel="t"} 3
            slareport_tickets{channel="x"} 2
            # TYPE slareport_judged gauge
            # HELP slareport_judged Tickets whose first reply was judged: achieved + breached + early.
            slareport_judged{channel="t"} 2
            # TYPE slareport_breached gauge
            # HELP slareport_breached Tickets whose first reply breached its target (late, or unanswered past the deadline).
            slareport_breached{channel="t"} 1
            # TYPE slareport_frt_seconds summary
            # UNIT slareport_frt_seconds seconds
            # HELP slareport_frt_seconds First-reply time in calendar seconds (nearest-rank quantiles; 1 is the maximum).
            slareport_frt_seconds{channel="t",quantile="0.5"} 4320
            slareport_frt_seconds{channel="t",quantile="0.9"} 90000
            slareport_frt_seconds{channel="t",quantile="0.95"} 90000
            slareport_frt_seconds{channel="t",quantile="1.0"} 90000
            slareport_frt_seconds_count{channel="t"} 2
            slareport_frt_seconds{channel="x",quantile="0.5"} 60
            slareport_frt_seconds{channel="x",quantile="0.9"} 60
            slareport_frt_seconds{channel="x",quantile="0.95"} 60
            slareport_frt_seconds{channel="x",quantile="1.0"} 60
            slareport_frt_seconds_count{channel="x"} 1
            # TYPE slareport_frt_business_seconds summary
            # UNIT slareport_frt_business_seconds seconds
            # HELP slareport_frt_business_seconds First-reply time on the business clock of the channel's default target (nearest-rank quantiles).
            slareport_frt_business_seconds{channel="t",quantile="0.5"} 4320
            slareport_frt_business_seconds{channel="t",quantile="0.9"} 28800
            slareport_frt_business_seconds{channel="t",quantile="0.95"} 28800
            slareport_frt_business_seconds{channel="t",quantile="1.0"} 28800
            slareport_frt_business_seconds_count{channel="t"} 2
            # EOF

            """
        #expect(MetricsRenderer.render(ReportSamples.tiny) == expected)
    }

    /// Every line is metadata of a known family, or a sample `name{labels} value`, and the last is `# EOF`.
    @Test func sampleLinesAreWellFormedAndLabelsEscaped() throws {
        let text = MetricsRenderer.render(ReportSamples.sample)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.suffix(2) == ["# EOF", ""])
        let sample = try Regex(
            #"^(slareport_[a-z_]+)\{channel="((?:[^"\\]|\\.)*)"(,quantile="(0\.5|0\.9|0\.95|1\.0)")?\} ([0-9]+(\.[0-9]+)?)$"#
        )
        var channels: [String] = []
        for line in lines.dropLast(2) {
            if line.hasPrefix("# ") {
                #expect(
                    line.hasPrefix("# TYPE slareport_") || line.hasPrefix("# UNIT slareport_")
                        || line.hasPrefix("# HELP slareport_"), "\(line)")
                continue
            }
            let match = try #require(try sample.wholeMatch(in: String(line)), "\(line)")
            if match.output[1].substring == "slareport_tickets", let label = match.output[2].substring {
                channels.append(String(label))
            }
        }
        // The hostile channel key: its quote and backslash escaped, its line breaks gone.
        let hostile = ReportSamples.hostile[0]
        #expect(channels == ["emergency", "twitter", "forum", Escape.openMetricsLabel(hostile)])
        #expect(text.contains(#"slareport_attainment_percent{channel="twitter"} 89.29"#))
        #expect(!text.contains(#"slareport_attainment_percent{channel="<script>"#))
    }
}
