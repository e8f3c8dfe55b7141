import Foundation
import Testing

@testable import SLAReportCore

/// The measuring is shared between the measure side (chunks from the front) and the rule side (chunks from
/// the back, once its checks are done): the report is the same however the tickets fell between them.
@Suite struct MeasureSplitTests {
    /// 600 tickets of the sample profile (every channel, business hours, status metrics), as generated and
    /// with the tickets in reverse order (then the report order is a sort, not the input's).
    static let inputs: [(name: String, text: String)] = {
        let bytes = SyntheticExport.generate(GeneratorOptions(tickets: 600, seed: 42, profile: .sample))
        let text = String(decoding: bytes, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        let header = lines.removeFirst()
        return [("generated", text), ("reversed", ([header] + lines.reversed()).joined(separator: "\n") + "\n")]
    }()

    /// The built-in policy, and the Zendesk-level sample's (requester wait, agent work and periodic update
    /// targets: status metrics measured on both sides and committed with the back's chunks).
    static let policies: [(name: String, policy: Policy)] = {
        var policies: [(String, Policy)] = [("built-in", .builtIn)]
        if let data = FileManager.default.contents(atPath: ZendeskLevelSampleTests.path.path),
            let policy = try? Policy.decode(Array(data), source: "zendesk-level.policy.json")
        {
            policies.append(("zendesk-level", policy))
        }
        return policies
    }()

    /// The rendered report and its ticket rows, for a split.
    func report(_ text: String, _ split: MeasureStage.Split, policy: Policy = .builtIn) throws -> (
        json: String, markdown: String, csv: String
    ) {
        var joined = Ingest.readAndJoin([InputFile(path: "events.csv", text: text)])
        var request = ReportRequest(policy: policy, toolVersion: "test")
        request.measureSplit = split
        let result = try Pipeline.run(&joined, request: request)
        return (
            JSONRenderer.render(result.model), MarkdownRenderer.render(result.model), CSVRenderer.render(result.model)
        )
    }

    @Test func theReportIsTheSameForEverySplit() throws {
        #expect(Self.policies.count == 2, "the Zendesk-level sample policy is read")
        for input in Self.inputs {
            for (name, policy) in Self.policies {
                let alone = try report(input.text, MeasureStage.Split(chunkSize: 16, backChunks: 0), policy: policy)
                #expect(alone.csv.split(separator: "\n").count > 500, "\(input.name): the tickets are in the report")
                if name == "zendesk-level" {
                    #expect(alone.json.contains("\"requester_wait\""), "\(input.name): status metrics are measured")
                }
                // 600 tickets in chunks of 16: 38 chunks; the back takes none, one, some, all but one, all, or
                // what it gets to.
                for back in [1, 5, 37, 38, 100, nil] as [Int?] {
                    let split = MeasureStage.Split(chunkSize: 16, backChunks: back)
                    let shared = try report(input.text, split, policy: policy)
                    let what = "\(input.name), \(name), back \(back.map(String.init) ?? "shared")"
                    #expect(shared.json == alone.json, "\(what): JSON")
                    #expect(shared.markdown == alone.markdown, "\(what): Markdown")
                    #expect(shared.csv == alone.csv, "\(what): CSV")
                }
            }
        }
    }
}
