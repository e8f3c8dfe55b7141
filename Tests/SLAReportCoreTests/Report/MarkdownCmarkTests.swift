import Foundation
import Testing

@testable import SLAReportCore

/// The Markdown report through a real GFM parser, `cmark-gfm -e table` (Debian's `cmark-gfm`; the test is
/// skipped where it is not installed, and CI installs it): every Markdown table becomes an HTML table whose
/// rows all have the header's number of cells, and no raw HTML from the data reaches the output.
@Suite struct MarkdownCmarkTests {
    static let cmark = ["/usr/bin/cmark-gfm", "/usr/local/bin/cmark-gfm"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    static func html(_ markdown: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: cmark ?? "/usr/bin/cmark-gfm")
        process.arguments = ["-e", "table"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        // Read while writing could deadlock on large outputs: write from another thread.
        let data = Data(markdown.utf8)
        // A parser that exits early must not kill the tests with SIGPIPE: the write fails instead.
        signal(SIGPIPE, SIG_IGN)
        let writer = Thread {
            try? input.fileHandleForWriting.write(contentsOf: data)
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let result = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: result, as: UTF8.self)
    }

    @Test(.enabled(if: cmark != nil, "cmark-gfm is not installed"))
    func tablesSurviveAGFMParser() throws {
        for model in [ReportSamples.sectioned, ReportSamples.tiny] {
            let markdown = MarkdownRenderer.render(model)
            let delimiterRows = markdown.split(separator: "\n").filter { line in
                line.hasPrefix("| ") && line.contains("-") && line.allSatisfy { "|-: ".contains($0) }
            }
            let html = try Self.html(markdown)
            let tables = html.components(separatedBy: "<table>").dropFirst()
            #expect(tables.count == delimiterRows.count)
            for table in tables {
                let body = table.components(separatedBy: "</table>").first ?? ""
                let headers =
                    body.components(separatedBy: "<th>").count + body.components(separatedBy: "<th ").count - 2
                let rows =
                    body.components(separatedBy: "<tbody>").last?.components(separatedBy: "<tr>").dropFirst() ?? []
                for row in rows {
                    #expect(row.components(separatedBy: "<td").count - 1 == headers, "\(row.prefix(200))")
                }
            }
            #expect(!html.contains("raw HTML omitted"))
            #expect(!html.lowercased().contains("<script"))
            #expect(!html.lowercased().contains("<img"))
            #expect(!html.lowercased().contains("href=\"javascript"))
            // Reference links resolve: the sample's https links become anchors.
            if model == ReportSamples.sectioned {
                #expect(html.contains("<a href=\"https://gitlab.zendesk.example/agent/tickets/1\">twitter:1001</a>"))
                #expect(html.contains("<a href=\"https://gitlab.zendesk.example/agent/tickets/500\">twitter:500</a>"))
                // The story is one paragraph, right after the title's list.
                #expect(html.contains("</ul>\n<p>Across the 3 channels with a target"))
            }
        }
    }
}
