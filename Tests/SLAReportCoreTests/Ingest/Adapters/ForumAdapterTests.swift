import Testing

@testable import SLAReportCore

/// Discourse and Stack Exchange: community channels where the policy's `agents` decide who replies.
@Suite struct ForumAdapterTests {
    @Test func discourseTopics() throws {
        let policy = NativeTestSupport.policy(agents: ["@agent_amy"])
        let result = NativeTestSupport.ingest([try NativeTestSupport.fixture("discourse/topics.json")], policy: policy)
        #expect(result.log.files.map(\.format) == ["discourse"])
        #expect(
            NativeTestSupport.lines(result.log)
                == [
                    "discourse:501|created|2016-11-15T10:00:00Z|newbie|Runner keeps failing||forum",
                    "discourse:501|comment|2016-11-15T11:00:00Z|helper|||forum",
                    "discourse:501|reply|2016-11-17T12:00:00Z|gitlab-staff|||forum",
                    "discourse:501|note|2016-11-17T12:30:00Z|gitlab-staff|||forum",
                    "discourse:501|status|2016-11-17T13:00:00Z|gitlab-staff|solved||forum",
                    "discourse:502|created|2016-11-20T09:00:00Z|asker|How to mirror a repo?||forum",
                    "discourse:502|reply|2016-11-23T09:00:00Z|Agent_Amy|||forum",
                ].sorted())
        #expect(result.log.rejections.isEmpty)
        let topic = try #require(result.log.symbols.lookup("discourse:502"))
        #expect(result.log.ticketAttributes[topic]?.url == "https://forum.gitlab.com/t/how-to-mirror/502")
        let withoutAgents = NativeTestSupport.ingest([try NativeTestSupport.fixture("discourse/topics.json")])
        #expect(
            NativeTestSupport.lines(withoutAgents.log).contains(
                "discourse:502|comment|2016-11-23T09:00:00Z|Agent_Amy|||forum"))
    }

    @Test func stackExchangeQuestions() throws {
        let policy = NativeTestSupport.policy(agents: ["GitLab Dev"])
        let result = NativeTestSupport.ingest(
            [try NativeTestSupport.fixture("stackexchange/questions.json")], policy: policy)
        #expect(result.log.files.map(\.format) == ["stackexchange"])
        #expect(
            NativeTestSupport.lines(result.log)
                == [
                    "stackexchange:40600001|created|2016-11-15T08:53:20Z|Jo & Co|GitLab CI cache doesn't work||stack-overflow",
                    "stackexchange:40600001|comment|2016-11-15T09:53:20Z|helpful|||stack-overflow",
                    "stackexchange:40600001|reply|2016-11-15T11:40:00Z|GitLab Dev|||stack-overflow",
                    "stackexchange:40600001|comment|2016-11-15T12:40:00Z|Jo & Co|||stack-overflow",
                ].sorted())
        #expect(
            NativeTestSupport.rejections(result.log) == [
                "stackexchange/questions.json:8: bad timestamp \"bad\" in creation_date"
            ])
        let question = try #require(result.log.symbols.lookup("stackexchange:40600001"))
        #expect(
            result.log.ticketAttributes[question]?.url == "https://stackoverflow.com/questions/40600001/gitlab-ci-cache"
        )
        // Agents also match by user id.
        let byID = NativeTestSupport.ingest(
            [try NativeTestSupport.fixture("stackexchange/questions.json")],
            policy: NativeTestSupport.policy(agents: ["3003"]))
        #expect(NativeTestSupport.lines(byID.log).filter { $0.contains("|reply|") }.count == 1)
    }

    @Test func entitiesAreDecoded() {
        #expect(
            StackExchangeAdapter.decodeEntities("a &amp; b &lt;c&gt; &#39;d&#x27; &bogus; &")
                == "a & b <c> 'd' &bogus; &")
    }
}
