import Testing

@testable import SLAReportCore

@Suite struct HackerOneAdapterTests {
    @Test func apiReports() throws {
        let result = NativeTestSupport.ingest([try NativeTestSupport.fixture("hackerone/reports.json")])
        #expect(result.log.files.map(\.format) == ["hackerone"])
        #expect(
            NativeTestSupport.lines(result.log)
                == [
                    "hackerone:180001|created|2016-11-14T08:00:00Z|hacker1|XSS in wiki||hackerone",
                    "hackerone:180001|reply|2016-11-14T11:00:00Z|sec-alice|||hackerone",
                    "hackerone:180001|status|2016-11-20T10:00:00Z||solved||hackerone",
                    "hackerone:180002|created|2016-11-25T20:00:00Z|1338|Open redirect||hackerone",
                ].sorted())
        #expect(NativeTestSupport.rejections(result.log) == ["hackerone/reports.json:16: not a report (type user)"])
        let ticket = try #require(result.log.symbols.lookup("hackerone:180001"))
        #expect(result.log.ticketAttributes[ticket]?.url == "https://hackerone.com/reports/180001")
    }

    @Test func csvExport() throws {
        let result = NativeTestSupport.ingest([try NativeTestSupport.fixture("hackerone/reports.csv")])
        #expect(result.log.files.map(\.format) == ["hackerone-csv"])
        #expect(
            NativeTestSupport.lines(result.log)
                == [
                    "hackerone:180010|created|2016-11-21T09:00:00Z|reporter2|CSRF on profile||hackerone",
                    "hackerone:180010|reply|2016-11-21T13:00:00Z|sec-bob|||hackerone",
                    "hackerone:180010|status|2016-11-24T09:00:00Z||solved||hackerone",
                    "hackerone:180011|created|2016-11-26T09:00:00Z|reporter3|Info leak||hackerone",
                ].sorted())
        #expect(
            NativeTestSupport.rejections(result.log) == [
                "hackerone/reports.csv:4: bad timestamp \"yesterday\" in column reported_at"
            ])
    }
}
