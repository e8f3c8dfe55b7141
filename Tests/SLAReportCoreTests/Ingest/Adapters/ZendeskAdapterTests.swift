import Testing

@testable import SLAReportCore

@Suite struct ZendeskAdapterTests {
    static let files = [
        "zendesk/tickets_time_page.json", "zendesk/tickets_cursor_page.json", "zendesk/audits.json",
        "zendesk/skips.json", "zendesk/users.json", "zendesk/ticket_metrics.json",
    ]

    static let expected = [
        "zendesk:101|created|2016-11-14T09:00:00Z|Ann Customer|Cannot push to my repository||email",
        "zendesk:101|priority|2016-11-14T09:00:00Z||high||email",
        "zendesk:101|assign|2016-11-14T09:30:00Z||Alice Agent||email",
        "zendesk:101|reply|2016-11-14T10:30:00Z|Alice Agent|||email",
        "zendesk:101|status|2016-11-14T12:00:00Z||solved||email",
        "zendesk:102|created|2016-11-15T10:00:00Z|Bob Customer|@GitLab my pipeline is stuck||twitter",
        "zendesk:102|comment|2016-11-15T10:00:00Z|Bob Customer|||twitter",
        "zendesk:102|status|2016-11-15T10:00:00Z|Bob Customer|new||twitter",
        "zendesk:102|skip|2016-11-15T10:10:00Z|Sam Agent|Not my area||",
        "zendesk:102|assign|2016-11-15T10:20:00Z|Alice Agent|Alice Agent||twitter",
        "zendesk:102|reply|2016-11-15T10:20:00Z|Alice Agent||zendesk|twitter",
        "zendesk:102|note|2016-11-15T10:40:00Z|Alice Agent|||twitter",
        "zendesk:102|status|2016-11-15T11:00:00Z|system|pending||twitter",
        "zendesk:102|priority|2016-11-15T11:05:00Z|Alice Agent|high||twitter",
        "zendesk:104|created|2016-11-16T14:00:00Z|504|Invoice question||email",
        "zendesk:104|priority|2016-11-16T14:00:00Z||normal||email",
        "zendesk:104|reply|2016-11-16T14:30:00Z||||email",
    ].sorted()

    @Test func incrementalPagesAuditsSkipsUsersAndMetricsJoin() throws {
        let result = NativeTestSupport.ingest(try Self.files.map(NativeTestSupport.fixture))
        #expect(result.failures.isEmpty)
        #expect(NativeTestSupport.lines(result.log) == Self.expected)
        #expect(
            result.log.files.map(\.format) == [
                "zendesk-incremental", "zendesk-incremental", "zendesk-audits", "zendesk-skips", "zendesk-users",
                "zendesk-ticket-metrics",
            ])
        // The deleted ticket is rejected; the older version of 101 is superseded (a duplicate).
        #expect(NativeTestSupport.rejections(result.log) == ["zendesk/tickets_time_page.json:38: deleted in Zendesk"])
        #expect(
            NativeTestSupport.duplicates(result.log) == [
                "zendesk/tickets_time_page.json:3"
            ])
        let ticket = try #require(result.log.symbols.lookup("zendesk:101"))
        #expect(result.log.ticketAttributes[ticket]?.url == "https://acme.zendesk.com/agent/tickets/101")
        #expect(result.log.ticketAttributes[ticket]?.requester == "Ann Customer")
    }

    @Test func fileOrderDoesNotMatter() throws {
        let reversed = NativeTestSupport.ingest(try Self.files.reversed().map(NativeTestSupport.fixture))
        #expect(NativeTestSupport.lines(reversed.log) == Self.expected)
        let shuffled = [
            "zendesk/skips.json", "zendesk/audits.json", "zendesk/users.json",
            "zendesk/tickets_cursor_page.json", "zendesk/ticket_metrics.json", "zendesk/tickets_time_page.json",
        ]
        let other = NativeTestSupport.ingest(try shuffled.map(NativeTestSupport.fixture))
        #expect(NativeTestSupport.lines(other.log) == Self.expected)
        #expect(other.log.rejections.count == 1)
        #expect(NativeTestSupport.duplicates(other.log).count == 1)
    }

    @Test func withoutUsersTheRequesterIsTheCustomerAndIdsNameActors() throws {
        let files = ["zendesk/audits.json", "zendesk/tickets_time_page.json"]
        let log = NativeTestSupport.ingest(try files.map(NativeTestSupport.fixture)).log
        let lines = NativeTestSupport.lines(log, ticket: "zendesk:102")
        #expect(lines.contains("zendesk:102|comment|2016-11-15T10:00:00Z|502|||twitter"))
        #expect(lines.contains("zendesk:102|reply|2016-11-15T10:20:00Z|601||zendesk|twitter"))
        #expect(lines.contains("zendesk:102|assign|2016-11-15T10:20:00Z|601|601||twitter"))
    }

    @Test func auditsAloneCreateTheTicketFromTheirCreateEvents() throws {
        let log = NativeTestSupport.ingest([try NativeTestSupport.fixture("zendesk/audits.json")]).log
        let lines = NativeTestSupport.lines(log, ticket: "zendesk:102")
        #expect(lines.first == "zendesk:102|assign|2016-11-15T10:20:00Z|601|601||twitter")
        #expect(lines.contains("zendesk:102|created|2016-11-15T10:00:00Z|502|@GitLab my pipeline is stuck||twitter"))
        #expect(log.rejections.isEmpty)
    }

    @Test func legacyExportUsesFlatKeysAndFirstReplyMinutes() throws {
        let log = NativeTestSupport.ingest([try NativeTestSupport.fixture("zendesk/legacy_export.json")]).log
        #expect(log.files.map(\.format) == ["zendesk-legacy-export"])
        #expect(
            NativeTestSupport.lines(log)
                == [
                    "zendesk:201|created|2016-11-21T09:00:00Z|Carol|SSO broken||email",
                    "zendesk:201|priority|2016-11-21T09:00:00Z||normal||email",
                    "zendesk:201|assign|2016-11-21T09:05:00Z||Alice Agent||email",
                    "zendesk:201|reply|2016-11-21T09:45:00Z|Alice Agent|||email",
                    "zendesk:201|status|2016-11-22T09:00:00Z||solved||email",
                    "zendesk:202|created|2016-11-21T10:00:00Z|Dave|Tweet about outage||twitter",
                ].sorted())
        let ticket = try #require(log.symbols.lookup("zendesk:201"))
        #expect(log.ticketAttributes[ticket]?.url == "https://acme.zendesk.com/agent/tickets/201")
    }

    @Test func csvExportReadsDisplayNamesSentinelsAndTheAccountZone() throws {
        let zone = try #require(ZoneClock(identifier: "America/Los_Angeles"))
        let result = NativeTestSupport.ingest([try NativeTestSupport.fixture("zendesk/export.csv")], zone: zone)
        #expect(result.log.files.map(\.format) == ["zendesk-csv"])
        #expect(
            NativeTestSupport.lines(result.log)
                == [
                    "zendesk:301|created|2016-11-22T18:00:00Z|Erin|License renewal||email",
                    "zendesk:301|priority|2016-11-22T18:00:00Z||low||email",
                    "zendesk:301|assign|2016-11-22T18:15:00Z||Alice Agent||email",
                    "zendesk:301|reply|2016-11-22T20:00:00Z|Alice Agent|||email",
                    "zendesk:301|status|2016-11-22T22:00:00Z||solved||email",
                    "zendesk:302|created|2016-11-23T16:00:00Z|Frank|Facebook message||facebook",
                ].sorted())
        #expect(
            NativeTestSupport.rejections(result.log) == [
                "zendesk/export.csv:4: bad timestamp \"2016-11-31 08:00:00\" in column Created at"
            ])
    }

    @Test func singleObjectsAndNDJSONAreAccepted() {
        let ndjson = """
            {"id": 5, "created_at": "2016-11-20T08:00:00Z", "status": "open", "requester_id": 9, "via": {"channel": "facebook"}}
            {"id": 5, "created_at": "2016-11-20T08:00:00Z", "updated_at": "2016-11-20T09:00:00Z", "status": "open", "requester_id": 9, "via": {"channel": "facebook"}}
            not json
            """
        let result = NativeTestSupport.ingest([InputFile(path: "t.ndjson", text: ndjson)])
        #expect(NativeTestSupport.lines(result.log) == ["zendesk:5|created|2016-11-20T08:00:00Z|9|||facebook"])
        #expect(NativeTestSupport.duplicates(result.log) == ["t.ndjson:1"])
        #expect(result.log.rejections.count == 1)
        #expect(NativeTestSupport.rejections(result.log).first?.hasPrefix("t.ndjson:3: invalid JSON") == true)
    }

    @Test func viaDisplayNamesMapToAPIChannels() {
        #expect(ZendeskVia.channel("Mail") == "email")
        #expect(ZendeskVia.channel("Web Form") == "web")
        #expect(ZendeskVia.channel("Facebook Post") == "facebook")
        #expect(ZendeskVia.channel("TWITTER DM") == "twitter")
        #expect(ZendeskVia.channel("4") == "email")
        #expect(ZendeskVia.channel("Internal Communication") == "internal_communication")
        #expect(ZendeskVia.channel(nil as String?) == nil)
        #expect(ZendeskVia.agentURL("javascript:alert(1)", id: "1") == nil)
        #expect(
            ZendeskVia.agentURL("https://x.zendesk.com/api/v2/tickets/7.json", id: "7")
                == "https://x.zendesk.com/agent/tickets/7")
    }
}
