import Foundation
import Testing

@testable import SLAReportCore

/// Writes the sample model's reports to `$SLAREPORT_RENDER_SAMPLE_DIR` when that is set (for looking at
/// them in a browser or through cmark-gfm); otherwise only checks that every format renders.
@Suite struct RenderSampleDump {
    @Test func renderEveryFormat() throws {
        let files = Renderer.render(ReportSamples.sample, formats: ReportFormat.allCases, namePrefix: "render-sample")
        #expect(
            files.map(\.name) == [
                "render-sample.md", "render-sample.html", "render-sample.json", "render-sample-tickets.csv",
            ])
        #expect(files.allSatisfy { !$0.contents.isEmpty })
        guard let dir = ProcessInfo.processInfo.environment["SLAREPORT_RENDER_SAMPLE_DIR"] else { return }
        for file in files {
            try Data(file.contents).write(to: URL(fileURLWithPath: dir).appendingPathComponent(file.name))
        }
        let tiny = Renderer.render(ReportSamples.tiny, formats: ReportFormat.allCases, namePrefix: "render-tiny")
        for file in tiny {
            try Data(file.contents).write(to: URL(fileURLWithPath: dir).appendingPathComponent(file.name))
        }
    }
}
