import Testing

@testable import SLAReportCore

@Suite struct NativeDetectionTests {
    static let formats: [(String, String)] = [
        ("zendesk/tickets_time_page.json", "zendesk-incremental"),
        ("zendesk/tickets_cursor_page.json", "zendesk-incremental"),
        ("zendesk/legacy_export.json", "zendesk-legacy-export"),
        ("zendesk/audits.json", "zendesk-audits"),
        ("zendesk/skips.json", "zendesk-skips"),
        ("zendesk/ticket_metrics.json", "zendesk-ticket-metrics"),
        ("zendesk/users.json", "zendesk-users"),
        ("zendesk/export.csv", "zendesk-csv"),
        ("hackerone/reports.json", "hackerone"),
        ("hackerone/reports.csv", "hackerone-csv"),
        ("twitter/twcs.csv", "twitter-twcs"),
        ("discourse/topics.json", "discourse"),
        ("stackexchange/questions.json", "stackexchange"),
        ("gitlab/issues.json", "gitlab-issues"),
        ("gitlab/notes.json", "gitlab-notes"),
    ]

    @Test(arguments: formats) func everyFixtureIsDetected(file: String, format: String) throws {
        let sniff = InputSniff(try NativeTestSupport.fixture(file))
        switch FormatDetector.detect(sniff, registry: .standard) {
        case .success(let adapter): #expect(adapter.name == format)
        case .failure(let failure): Issue.record("\(file) not detected: \(failure)")
        }
    }

    @Test func bareObjectsAreDetectedByTheirKeys() {
        let cases: [(String, String)] = [
            (#"{"ticket_id": 1, "user_id": 2, "reason": "x", "created_at": "2016-11-14T00:00:00Z"}"#, "zendesk-skips"),
            (
                #"{"ticket_id": 1, "author_id": 2, "events": [], "created_at": "2016-11-14T00:00:00Z"}"#,
                "zendesk-audits"
            ),
            (#"{"ticket_id": 1, "reply_time_in_minutes": {"calendar": 5}}"#, "zendesk-ticket-metrics"),
            (#"[{"id": 1, "created_at": "2016-11-14T00:00:00Z", "status": "open"}]"#, "zendesk-incremental"),
            (#"{"id": 1, "name": "A", "role": "agent"}"#, "zendesk-users"),
            (#"{"id": "1", "type": "report", "attributes": {}}"#, "hackerone"),
            (#"{"question_id": 1, "creation_date": 1479200000}"#, "stackexchange"),
            (#"{"id": 1, "post_stream": {"posts": []}}"#, "discourse"),
            ("ticket,event,at\n1,created,2016-11-14T00:00:00Z\n", "canonical-events"),
        ]
        for (text, format) in cases {
            let sniff = InputSniff(InputFile(path: "x", text: text))
            let name = try? FormatDetector.detect(sniff, registry: .standard).get().name
            #expect(name == format, "\(text)")
        }
    }

    @Test func anUnknownFileIsAClearError() {
        for text in [#"{"kind": "Listing", "data": {}}"#, "name,age\nann,3\n"] {
            let result = NativeTestSupport.ingest([InputFile(path: "mystery", text: text)])
            #expect(result.failures.count == 1)
            let failure = result.failures.first
            #expect(failure?.kind == .unrecognised)
            #expect(failure?.path == "mystery")
            let message = failure?.message ?? ""
            #expect(message.hasPrefix("unrecognised input format: found "))
            for expected in [
                "zendesk-incremental", "zendesk-csv", "twitter-twcs", "hackerone-csv", "discourse", "stackexchange",
                "gitlab-issues", "gitlab-notes",
            ] {
                #expect(message.contains(expected), "\(expected)")
            }
            let expectations = FormatRegistry.standard.expectations
            #expect(expectations.contains { $0.hasPrefix("zendesk-incremental: JSON with tickets") })
            #expect(expectations.contains { $0.hasPrefix("zendesk-csv: a CSV header with Id") })
        }
    }

    @Test func routingRulesAreTriedInOrderBeforeTheBuiltInOnes() throws {
        let files = ["zendesk/tickets_time_page.json", "zendesk/tickets_cursor_page.json"]
        let policy = NativeTestSupport.policy(routing: [
            RoutingRule(conditions: [("source", "zendesk"), ("priority", "HIGH")], channel: "security"),
            RoutingRule(conditions: [("source", "zendesk")], channel: "disqus"),
            RoutingRule(conditions: [("via", "twitter")], channel: "never-reached"),
        ])
        let log = NativeTestSupport.ingest(try files.map(NativeTestSupport.fixture), policy: policy).log
        func channels(_ ticket: String) -> Set<String> {
            Set(
                NativeTestSupport.lines(log, ticket: ticket).map {
                    $0.split(separator: "|", omittingEmptySubsequences: false).last.map(String.init) ?? ""
                })
        }
        #expect(channels("zendesk:101") == ["security"])
        #expect(channels("zendesk:102") == ["disqus"])
        #expect(channels("zendesk:104") == ["disqus"])
        // Without rules of its own, the built-in ones apply: via twitter → twitter, else email.
        let builtIn = NativeTestSupport.ingest(try files.map(NativeTestSupport.fixture)).log
        #expect(NativeTestSupport.lines(builtIn, ticket: "zendesk:102").allSatisfy { $0.hasSuffix("|twitter") })
        #expect(NativeTestSupport.lines(builtIn, ticket: "zendesk:104").allSatisfy { $0.hasSuffix("|email") })
    }

    @Test func idsNeverCollideAcrossSystems() {
        let zendesk = #"{"tickets": [{"id": 56, "created_at": "2016-11-14T00:00:00Z", "status": "open"}]}"#
        let hackerone =
            #"{"data": [{"id": 56, "type": "report", "attributes": {"created_at": "2016-11-14T00:00:00Z"}}]}"#
        let log = NativeTestSupport.ingest([
            InputFile(path: "z.json", text: zendesk), InputFile(path: "h.json", text: hackerone),
        ]).log
        #expect(log.symbols.lookup("zendesk:56") != nil)
        #expect(log.symbols.lookup("hackerone:56") != nil)
        #expect(Set(log.events.map(\.ticket)).count == 2)
    }
}
