import Testing

@testable import SLAReportCore

@Suite struct TwitterAdapterTests {
    @Test func threadsBecomeTicketsAndResavedQuirksAreRead() throws {
        let result = NativeTestSupport.ingest([try NativeTestSupport.fixture("twitter/twcs.csv")])
        #expect(result.log.files.map(\.format) == ["twitter-twcs"])
        #expect(
            NativeTestSupport.lines(result.log)
                == [
                    "twitter:1|created|2016-11-15T09:00:00Z|115712|@GitLab my CI is broken||twitter",
                    "twitter:1|reply|2016-11-15T09:30:00Z|@GitLab||@GitLab|twitter",
                    "twitter:1|comment|2016-11-15T09:45:00Z|115712|||twitter",
                    "twitter:1|reply|2016-11-15T10:00:00Z|@GitLabSupport||@GitLabSupport|twitter",
                    "twitter:1|reply|2016-11-15T10:05:00Z|@GitLab||@GitLab|twitter",
                    // Tweet 10's parent 99 is missing: its thread starts at tweet 10 (written `10.0`).
                    "twitter:10|created|2016-11-16T12:00:00Z|200001|@GitLab question about runners||twitter",
                    "twitter:10|reply|2016-11-16T13:00:00Z|@GitLab||@GitLab|twitter",
                    // A company tweet opened this thread: the ticket is the first customer tweet's.
                    "twitter:23|created|2016-11-17T08:30:00Z|300003|@GitLab still down?||twitter",
                    "twitter:23|reply|2016-11-17T08:40:00Z|@GitLab||@GitLab|twitter",
                ].sorted())
        #expect(
            NativeTestSupport.rejections(result.log) == [
                "twitter/twcs.csv:10: empty inbound (expected true or false)",
                "twitter/twcs.csv:11: inbound \"maybe\" is neither true nor false",
                "twitter/twcs.csv:9: company tweet before the customer's first tweet of its thread",
            ])
        #expect(result.log.recordCount == 12)
    }

    @Test func repliesInAnotherFileJoinTheirThreadAndRepeatsAreDuplicates() {
        let header = "tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n"
        let customer = header + "1,7,true,Tue Nov 15 09:00:00 +0000 2016,help,,\n"
        let company =
            header + "2,GitLab,false,Tue Nov 15 09:10:00 +0000 2016,hi,,1\n"
            + "2,GitLab,false,Tue Nov 15 09:10:00 +0000 2016,hi,,1\n"
        let result = NativeTestSupport.ingest([
            InputFile(path: "b.csv", text: company), InputFile(path: "a.csv", text: customer),
        ])
        #expect(
            NativeTestSupport.lines(result.log) == [
                "twitter:1|created|2016-11-15T09:00:00Z|7|help||twitter",
                "twitter:1|reply|2016-11-15T09:10:00Z|@GitLab||@GitLab|twitter",
            ])
        #expect(NativeTestSupport.duplicates(result.log).count == 1)
        #expect(result.log.rejections.isEmpty)
    }
}
