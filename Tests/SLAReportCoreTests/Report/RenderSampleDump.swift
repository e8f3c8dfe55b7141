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
                "render-sample-junit.xml", "render-sample-metrics.txt",
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

extension RenderSampleDump {
    @Test func fileNamesDeduplicationAndBytes() {
        let model = ReportSamples.sample
        let files = Renderer.render(model, formats: [.csv, .json, .csv], namePrefix: "w47")
        #expect(files.map(\.name) == ["w47-tickets.csv", "w47.json"])
        #expect(files.first?.contents == Array(Renderer.csv(model).utf8))
        #expect(files.last?.contents == Array(Renderer.json(model).utf8))
        #expect(ReportFormat(rawValue: "md") == .md)
        #expect(
            ReportFormat.allCases.map { $0.fileName(prefix: "p") } == [
                "p.md", "p.html", "p.json", "p-tickets.csv", "p-junit.xml", "p-metrics.txt",
            ])
        #expect(ReportFormat.defaultForOut == [.md, .html, .json, .csv])
        #expect(Renderer.text(model, format: .md) == MarkdownRenderer.render(model))
    }
}
