import Testing

@testable import SLAReportCore

@Suite struct GitLabAdapterTests {
    static let expected = [
        "gitlab:gitlab-org/gitlab-ce#12|created|2016-11-14T10:00:00Z|reporter1|Pipeline hangs||gitlab-issues",
        "gitlab:gitlab-org/gitlab-ce#12|assign|2016-11-14T11:00:00Z|lead-lee|dev-dan||gitlab-issues",
        "gitlab:gitlab-org/gitlab-ce#12|reply|2016-11-14T12:00:00Z|dev-dan|||gitlab-issues",
        "gitlab:gitlab-org/gitlab-ce#12|comment|2016-11-14T13:00:00Z|reporter1|||gitlab-issues",
        "gitlab:gitlab-org/gitlab-ce#12|status|2016-11-18T10:00:00Z||solved||gitlab-issues",
        "gitlab:gitlab-org/gitlab-ce#13|created|2016-11-21T09:00:00Z|reporter2|Docs typo||gitlab-issues",
        "gitlab:gitlab-org/gitlab-ce#13|reply|2016-11-21T15:00:00Z|dev-dan|||gitlab-issues",
        "gitlab:gitlab-org/gitlab-ce#13|note|2016-11-21T15:05:00Z|dev-dan|||gitlab-issues",
        "gitlab:gitlab-org/gitlab-ce#13|status|2016-11-21T16:00:00Z|dev-dan|solved||gitlab-issues",
    ].sorted()

    @Test func issuesWithEmbeddedAndSeparateNotesInEitherOrder() throws {
        let policy = NativeTestSupport.policy(agents: ["dev-dan"])
        for names in [["gitlab/issues.json", "gitlab/notes.json"], ["gitlab/notes.json", "gitlab/issues.json"]] {
            let result = NativeTestSupport.ingest(try names.map(NativeTestSupport.fixture), policy: policy)
            #expect(Set(result.log.files.map(\.format)) == ["gitlab-issues", "gitlab-notes"])
            #expect(NativeTestSupport.lines(result.log) == Self.expected)
            #expect(
                NativeTestSupport.rejections(result.log) == [
                    "gitlab/notes.json:5: note on issue #99 of project 13083, which no issues file includes"
                ])
        }
    }

    @Test func projectRoutingAndURLs() throws {
        let rule = RoutingRule(conditions: [("project", "GitLab-Org/GitLab-CE")], channel: "issue-tracker")
        let result = NativeTestSupport.ingest(
            [try NativeTestSupport.fixture("gitlab/issues.json")], policy: NativeTestSupport.policy(routing: [rule]))
        #expect(NativeTestSupport.lines(result.log).allSatisfy { $0.hasSuffix("|issue-tracker") })
        let issue = try #require(result.log.symbols.lookup("gitlab:gitlab-org/gitlab-ce#13"))
        #expect(result.log.ticketAttributes[issue]?.url == "https://gitlab.com/gitlab-org/gitlab-ce/-/issues/13")
    }

    @Test func systemNotesAboutAssignment() {
        #expect(GitLabAdapter.assignment("assigned to @alice") == "alice")
        #expect(GitLabAdapter.assignment("assigned to @bob and unassigned @alice") == "bob")
        #expect(GitLabAdapter.assignment("reassigned to @carol.") == "carol")
        #expect(GitLabAdapter.assignment("unassigned @alice") == "")
        #expect(GitLabAdapter.assignment("changed milestone to %1") == nil)
        #expect(GitLabAdapter.projectPath("https://gitlab.example.com/a/b/c/issues/1") == "a/b/c")
    }
}
