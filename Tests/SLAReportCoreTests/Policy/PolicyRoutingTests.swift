import Testing

@testable import SLAReportCore

@Suite struct PolicyRoutingTests {
    let policy = Policy.builtIn

    @Test(arguments: [
        (RoutingFacts(source: "zendesk", via: "twitter"), "twitter"),
        (RoutingFacts(source: "zendesk", via: "Twitter"), "twitter"),  // the CSV `Via` display name
        (RoutingFacts(source: "zendesk", via: "facebook"), "facebook"),
        (RoutingFacts(source: "zendesk", via: "api", tags: ["blog", "Disqus"]), "disqus"),
        (RoutingFacts(source: "zendesk", via: "email", tags: ["hackerone"]), "hackerone"),
        (RoutingFacts(source: "zendesk", via: "email", tags: ["security"]), "security"),
        (RoutingFacts(source: "zendesk", via: "api", tags: ["forum"]), "forum"),
        (RoutingFacts(source: "zendesk", via: "api", tags: ["stackoverflow"]), "stack-overflow"),
        (RoutingFacts(source: "zendesk", via: "api", tags: ["stack_overflow"]), "stack-overflow"),
        (RoutingFacts(source: "zendesk", via: "api", tags: ["docker"]), "docker"),
        (RoutingFacts(source: "zendesk", via: "api", tags: ["mailing_list"]), "mailing-list"),
        (RoutingFacts(source: "zendesk", via: "api", tags: ["reddit"]), "reddit"),
        (RoutingFacts(source: "zendesk", via: "api", tags: ["quora"]), "quora"),
        (RoutingFacts(source: "zendesk", via: "api", tags: ["support_tracker"]), "support-tracker"),
        (RoutingFacts(source: "zendesk", via: "api", tags: ["issue_tracker"]), "issue-tracker"),
        (RoutingFacts(source: "hackerone"), "hackerone"),
        (RoutingFacts(source: "twitter"), "twitter"),
        (RoutingFacts(source: "discourse"), "forum"),
        (RoutingFacts(source: "StackExchange"), "stack-overflow"),
        (RoutingFacts(source: "gitlab", project: "gitlab-org/gitlab-ce"), "gitlab-issues"),
        (RoutingFacts(source: "zendesk", via: "email", priority: "Urgent"), "emergency"),
        (RoutingFacts(source: "zendesk", via: "web", priority: "high"), "email"),
        (RoutingFacts(source: "zendesk", via: "email"), "email"),
        (RoutingFacts(), "email"),
    ])
    func builtInRules(facts: RoutingFacts, channel: String) {
        #expect(policy.route(facts) == channel)
    }

    @Test func builtInOrderDecidesBetweenRules() {
        // `via` comes before tags, tags before sources, sources before priority.
        #expect(policy.route(RoutingFacts(via: "twitter", tags: ["disqus"])) == "twitter")
        #expect(policy.route(RoutingFacts(tags: ["security", "hackerone"])) == "hackerone")
        #expect(policy.route(RoutingFacts(source: "twitter", tags: ["forum"])) == "forum")
        #expect(policy.route(RoutingFacts(source: "hackerone", priority: "urgent")) == "hackerone")
        #expect(policy.route(RoutingFacts(via: "email", tags: ["docker"], priority: "urgent")) == "docker")
    }

    @Test func policyRulesComeBeforeBuiltInOnes() throws {
        let policy = try Policy.decode(
            Array(
                #"""
                { "channels": [ { "key": "email" }, { "key": "emergency" }, { "key": "security" }, { "key": "twitter" } ],
                  "routing": [
                    { "if": { "group": "Security" }, "channel": "security" },
                    { "if": { "priority": "urgent", "via": "email" }, "channel": "emergency" },
                    { "if": { "priority": "urgent" }, "channel": "email" }
                  ] }
                """#.utf8), source: "policy.json")
        // The group rule beats the built-in `via twitter` rule.
        #expect(policy.route(RoutingFacts(via: "twitter", group: "security")) == "security")
        // Both conditions must hold; otherwise the next rule is tried.
        #expect(policy.route(RoutingFacts(via: "Email", priority: "URGENT")) == "emergency")
        #expect(policy.route(RoutingFacts(via: "web", priority: "urgent")) == "email")
        // A condition on a fact the record lacks fails; the built-in rules still apply afterwards.
        #expect(policy.route(RoutingFacts(via: "twitter")) == "twitter")
        #expect(policy.route(RoutingFacts(source: "discourse")) == "forum")
    }

    @Test func withoutACatchAllNothingMayMatch() {
        let rule = RoutingRule(conditions: [("tag", "vip")], channel: "vip")
        #expect(rule.matches(RoutingFacts(tags: ["VIP"])))
        #expect(!rule.matches(RoutingFacts(tags: ["vips"])))
        #expect(!rule.matches(RoutingFacts()))
        #expect(!RoutingRule(conditions: [("colour", "red")], channel: "x").matches(RoutingFacts()))
        #expect(RoutingRule(conditions: [], channel: "x").matches(RoutingFacts()))
    }

    @Test func caseInsensitiveComparison() {
        #expect(equalsIgnoringCase("Twitter", "tWITTER"))
        #expect(!equalsIgnoringCase("twitter", "twitte"))
        #expect(!equalsIgnoringCase("a", "b"))
        #expect(equalsIgnoringCase("ÉQUIPE Support", "équipe support"))
        #expect(!equalsIgnoringCase("[", "{"))  // 0x5B vs 0x7B: not letters, not folded
    }
}
