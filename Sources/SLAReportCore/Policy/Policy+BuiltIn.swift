extension Policy {
    /// The built-in policy: the GitLab Support SLA of late 2016 (handbook "Service Level Agreements", SPEC §3).
    ///
    /// 1. `emergency`: 30 minutes.
    /// 2. `hackerone`, `security`, `email`: 1 business day; for Zendesk tickets with a priority, urgent 30
    ///    minutes, high 8 business hours, normal 12 business hours. The handbook's Zendesk priorities apply
    ///    to the whole category ("High 8 business hours (security disclosures and subscribers)"), so the
    ///    security channels carry the same `by_priority` as `email`; records without a priority (HackerOne's
    ///    own export) keep 1 business day.
    /// 3. `disqus`, `twitter`, `facebook`: 1 business day.
    /// 4. `issue-tracker`, `support-tracker`, `gitlab-issues`, `mailing-list`, `forum`, `docker`,
    ///    `stack-overflow`, `reddit`, `quora`: 14 days, not before 2 days.
    ///
    /// Business hours: Monday–Friday 09:00–17:00 UTC, no holidays. No goals. Twitter's main handle is
    /// `@GitLab` (the handbook's other accounts, `@GitLabSupport` and `@GitLabStatus`, are brand handles too),
    /// replies count as from Zendesk when the client is `zendesk`; the Play-mode view "Twitter and
    /// Facebook" holds `twitter` and `facebook`. Routing: ``builtInRouting``.
    public static let builtIn = Policy(
        name: "GitLab Support (late 2016)",
        timezone: "UTC",
        inputTimezone: "UTC",
        schedules: ["default": builtInDefaultSchedule],
        channels: builtInChannels,
        routing: builtInRouting,
        playMode: [PlayModeView(view: "Twitter and Facebook", channels: ["twitter", "facebook"])],
        handles: Handles(
            main: "@GitLab", others: ["@GitLabSupport", "@GitLabStatus"], channels: ["twitter"], clients: ["zendesk"]),
        agents: [],
        systemActors: builtInSystemActors,
        versions: [],
        source: "built-in")

    /// Monday–Friday 09:00–17:00 UTC, no holidays: the default schedule of the built-in policy and of any
    /// policy file that defines no `default` schedule.
    public static let builtInDefaultSchedule = Schedule(
        timezone: "UTC",
        hours: Dictionary(uniqueKeysWithValues: (1...5).map { ($0, [MinuteInterval(start: 9 * 60, end: 17 * 60)]) }),
        holidays: [])

    /// Actors that are automation: Zendesk's `-1` user, `system` and `zendesk`.
    public static let builtInSystemActors = ["-1", "system", "zendesk"]

    /// The routing rules every policy ends with, tried in this order:
    /// 1. Zendesk `via` `twitter` → `twitter`, `facebook` → `facebook`;
    /// 2. tags `disqus`, `hackerone`, `security`, `forum`, `stack_overflow`, `stackoverflow`, `docker`,
    ///    `mailing_list`, `reddit`, `quora`, `support_tracker`, `issue_tracker` → the channel of that name
    ///    (underscores become dashes);
    /// 3. source adapters `hackerone` → `hackerone`, `twitter` → `twitter`, `discourse` → `forum`,
    ///    `stackexchange` → `stack-overflow`, `gitlab` → `gitlab-issues`;
    /// 4. priority `urgent` → `emergency`;
    /// 5. everything else (email, the web form, …) → `email`.
    public static let builtInRouting: [RoutingRule] = {
        var rules: [RoutingRule] = []
        func rule(_ field: String, _ value: String, _ channel: String) {
            rules.append(RoutingRule(conditions: [(field, value)], channel: channel))
        }
        rule("via", "twitter", "twitter")
        rule("via", "facebook", "facebook")
        rule("tag", "disqus", "disqus")
        rule("tag", "hackerone", "hackerone")
        rule("tag", "security", "security")
        rule("tag", "forum", "forum")
        rule("tag", "stack_overflow", "stack-overflow")
        rule("tag", "stackoverflow", "stack-overflow")
        rule("tag", "docker", "docker")
        rule("tag", "mailing_list", "mailing-list")
        rule("tag", "reddit", "reddit")
        rule("tag", "quora", "quora")
        rule("tag", "support_tracker", "support-tracker")
        rule("tag", "issue_tracker", "issue-tracker")
        rule("source", "hackerone", "hackerone")
        rule("source", "twitter", "twitter")
        rule("source", "discourse", "forum")
        rule("source", "stackexchange", "stack-overflow")
        rule("source", "gitlab", "gitlab-issues")
        rule("priority", "urgent", "emergency")
        rules.append(RoutingRule(conditions: [], channel: "email"))
        return rules
    }()

    private static let builtInChannels: [ChannelPolicy] = {
        let businessDay = SLADuration(amount: 1, unit: .businessDays)
        let zendeskPriorities: [String: PriorityTargets] = [
            "urgent": PriorityTargets(firstReply: SLADuration(amount: 30, unit: .minutes)),
            "high": PriorityTargets(firstReply: SLADuration(amount: 8, unit: .businessHours)),
            "normal": PriorityTargets(firstReply: SLADuration(amount: 12, unit: .businessHours)),
        ]
        func category2(_ key: String, _ name: String) -> ChannelPolicy {
            ChannelPolicy(key: key, name: name, firstReply: businessDay, byPriority: zendeskPriorities)
        }
        func category3(_ key: String, _ name: String) -> ChannelPolicy {
            ChannelPolicy(key: key, name: name, firstReply: businessDay)
        }
        func category4(_ key: String, _ name: String) -> ChannelPolicy {
            ChannelPolicy(
                key: key, name: name, firstReply: SLADuration(amount: 14, unit: .days),
                notBefore: SLADuration(amount: 2, unit: .days))
        }
        return [
            ChannelPolicy(
                key: "emergency", name: "Emergency tickets", firstReply: SLADuration(amount: 30, unit: .minutes)),
            category2("hackerone", "HackerOne"),
            category2("security", "Security disclosures"),
            category2("email", "Regular tickets"),
            category3("disqus", "Disqus"),
            category3("twitter", "Twitter"),
            category3("facebook", "Facebook"),
            category4("issue-tracker", "Issue tracker follow-ups"),
            category4("support-tracker", "GitLab.com Support Tracker"),
            category4("gitlab-issues", "GitLab CE/EE/Omnibus issues"),
            category4("mailing-list", "Mailing list"),
            category4("forum", "GitLab Forum"),
            category4("docker", "Docker"),
            category4("stack-overflow", "Stack Overflow"),
            category4("reddit", "Reddit"),
            category4("quora", "Quora"),
        ]
    }()
}
