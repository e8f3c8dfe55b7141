/// How a channel's tickets behave in the synthetic team.
struct SyntheticChannel: Sendable {
    /// What kind of work the channel is: it decides the shape of a ticket's story.
    enum Kind: Sendable {
        case emergency, regular, security, social, disqus, tracker, community
    }

    /// Which priority a new ticket is given.
    enum PriorityMode: Sendable {
        case none, mixed, urgent, high
    }

    /// How the requester is named.
    enum RequesterStyle: Sendable {
        case email, handle, username
    }

    /// How the number of a ticket's public link is written.
    enum URLNumber: Sendable {
        case none, decimal, base36
    }

    var key: ArenaRef
    var kind: Kind
    /// Relative share of new tickets.
    var weight: Double
    var priority: PriorityMode
    /// The `via` of replies (`zendesk`, or the place replies are posted from).
    var via: ArenaRef
    var requesterStyle: RequesterStyle
    /// Index range into ``SyntheticModel/subjects``.
    var subjects: Range<Int>
    /// Median first-reply delay in seconds, on the business clock when `business` is set.
    var replyMedian: Double
    var replySigma: Double
    var business: Bool
    /// Probability that the ticket gets a reply at all.
    var answered: Double
    /// Probability of a customer follow-up after the first reply.
    var followUp: Double
    /// Probability that a solved ticket is reopened by the customer.
    var reopen: Double
    var urlPrefix: ArenaRef
    var urlSuffix: ArenaRef
    var urlNumber: URLNumber
    var urlBase: Int
    var urlSpan: Int

    /// Worked in the "Twitter and Facebook" Play-mode view.
    var playMode: Bool { kind == .social }
    /// Replies are followed by `pending` (Zendesk conversation) rather than `solved` (reply posted elsewhere).
    var conversational: Bool { kind == .emergency || kind == .regular || kind == .security }
}

/// Rates of the behaviours a profile mixes in.
struct SyntheticKnobs: Sendable {
    /// Share of business-clock replies sent outside business hours instead (on-call, other time zones).
    var offHours = 0.12
    var followAgain = 0.25
    var agentCreated = 0.03
    var priorityChange = 0.06
    var note = 0.12
    var hold = 0.04
    var systemAssign = 0.3
    var escalate = 0.05
    var disqusReplyTicket = 0.3
    /// Play-mode rule breaches (benchmark only).
    var skip = 0.0
    var crossAssign = 0.0
    var unorderedTake = 0.0
    /// Seconds between two Play-mode takes.
    var takeGap: ClosedRange<Int64> = 30...240
    /// How many of the agents (the first ones) work the Play-mode view most of the time.
    var playModeAgents = 5
}

/// Everything the generator needs, built once per run from ``GeneratorOptions``: the arena of strings and
/// plain-value tables the hot loop reads.
struct SyntheticModel: Sendable {
    let arena: GeneratorArena
    let channels: [SyntheticChannel]
    /// Cumulative weights over ``channels`` (after the options' channel selection).
    let channelCumulative: [Double]
    let agents: [ArenaRef]
    let subjects: [ArenaRef]
    let firstNames: [ArenaRef]
    let lastNames: [ArenaRef]
    let domains: [ArenaRef]
    let skipReasons: [ArenaRef]
    let eventNames: [ArenaRef]
    let statusNames: [ArenaRef]
    let priorityNames: [ArenaRef]
    let system: ArenaRef
    let knobs: SyntheticKnobs
    /// The options' seed, for per-day decisions (days nobody works the Play-mode view).
    let seed: UInt64

    /// Channel keys in the built-in policy's order.
    static let channelKeys = [
        "emergency", "hackerone", "security", "email", "disqus", "twitter", "facebook", "issue-tracker",
        "support-tracker", "gitlab-issues", "mailing-list", "forum", "docker", "stack-overflow", "reddit", "quora",
    ]

    init(_ options: GeneratorOptions) {
        var b = GeneratorArena.Builder()
        let t = SyntheticTables.self
        var subjects: [ArenaRef] = []
        func pool(_ list: [String]) -> Range<Int> {
            let start = subjects.count
            for s in list { subjects.append(b.field(s)) }
            return start..<subjects.count
        }
        let regular = pool(t.regularSubjects)
        let security = pool(t.securitySubjects)
        let emergency = pool(t.emergencySubjects)
        let social = pool(t.socialSubjects)
        let facebook = pool(t.facebookSubjects)
        let disqus = pool(t.disqusSubjects)
        let tracker = pool(t.trackerSubjects)
        let community = pool(t.communitySubjects)
        let empty = ArenaRef.empty
        let hour = 3600.0
        let day = 86_400.0

        func channel(
            _ key: String, _ kind: SyntheticChannel.Kind, weight: Double, via: String,
            style: SyntheticChannel.RequesterStyle,
            subjects: Range<Int>, median: Double, sigma: Double = 0.9, business: Bool = true,
            answered: Double = 0.97, followUp: Double = 0.1, reopen: Double = 0.01,
            priority: SyntheticChannel.PriorityMode = .none,
            url: (String, String, SyntheticChannel.URLNumber, Int, Int) = ("", "", .none, 0, 0)
        ) -> SyntheticChannel {
            SyntheticChannel(
                key: b.field(key), kind: kind, weight: weight, priority: priority, via: b.field(via),
                requesterStyle: style, subjects: subjects, replyMedian: median, replySigma: sigma,
                business: business, answered: answered, followUp: followUp, reopen: reopen,
                urlPrefix: url.0.isEmpty ? empty : b.field(url.0), urlSuffix: url.1.isEmpty ? empty : b.field(url.1),
                urlNumber: url.2, urlBase: url.3, urlSpan: url.4)
        }
        let all: [SyntheticChannel] = [
            channel(
                "emergency", .emergency, weight: 0.8, via: "zendesk", style: .email, subjects: emergency,
                median: 12 * 60, sigma: 0.7, business: false, answered: 1, followUp: 0.5, reopen: 0.02,
                priority: .urgent),
            channel(
                "hackerone", .security, weight: 1.4, via: "hackerone", style: .username, subjects: security,
                median: 4 * hour, followUp: 0.4, url: ("https://hackerone.com/reports/", "", .decimal, 180_000, 20_000)),
            channel(
                "security", .security, weight: 1.2, via: "zendesk", style: .email, subjects: security,
                median: 4 * hour, followUp: 0.4, priority: .high),
            channel(
                "email", .regular, weight: 38, via: "zendesk", style: .email, subjects: regular, median: 3.5 * hour,
                followUp: 0.32, reopen: 0.03, priority: .mixed),
            channel(
                "disqus", .disqus, weight: 4, via: "disqus", style: .username, subjects: disqus, median: 4 * hour,
                sigma: 1.0, answered: 0.9,
                url: ("https://about.gitlab.com/blog/#comment-", "", .decimal, 2_990_000_000, 60_000_000)),
            channel(
                "twitter", .social, weight: 18, via: "zendesk", style: .handle, subjects: social, median: 1.2 * hour,
                sigma: 0.8, answered: 0.97),
            channel(
                "facebook", .social, weight: 4, via: "zendesk", style: .username, subjects: facebook,
                median: 1.5 * hour, sigma: 0.8, answered: 0.97),
            channel(
                "issue-tracker", .tracker, weight: 3, via: "gitlab", style: .username, subjects: tracker,
                median: 3 * day, business: false, answered: 0.9,
                url: ("https://gitlab.com/gitlab-org/gitlab-ee/issues/", "", .decimal, 1_200, 600)),
            channel(
                "support-tracker", .tracker, weight: 5, via: "gitlab", style: .username, subjects: tracker,
                median: 3 * day, business: false, answered: 0.9,
                url: ("https://gitlab.com/gitlab-com/support-forum/issues/", "", .decimal, 1_300, 500)),
            channel(
                "gitlab-issues", .tracker, weight: 3, via: "gitlab", style: .username, subjects: tracker,
                median: 3 * day, business: false, answered: 0.9,
                url: ("https://gitlab.com/gitlab-org/gitlab-ce/issues/", "", .decimal, 24_000, 2_000)),
            channel(
                "mailing-list", .community, weight: 2.5, via: "google-groups", style: .email, subjects: community,
                median: 3 * day, business: false, answered: 0.85,
                url: ("https://groups.google.com/forum/#!topic/gitlabhq/", "", .base36, 1_000_000_000, 900_000_000)),
            channel(
                "forum", .community, weight: 7, via: "discourse", style: .username, subjects: community,
                median: 3 * day, business: false, answered: 0.85,
                url: ("https://forum.gitlab.com/t/", "", .decimal, 4_000, 1_500)),
            channel(
                "docker", .community, weight: 1, via: "docker-hub", style: .username, subjects: community,
                median: 3 * day, business: false, answered: 0.85,
                url: ("https://hub.docker.com/r/gitlab/gitlab-ce/#comment-", "", .decimal, 10_000, 5_000)),
            channel(
                "stack-overflow", .community, weight: 5, via: "stackoverflow", style: .username,
                subjects: community, median: 3 * day, business: false, answered: 0.85,
                url: ("https://stackoverflow.com/questions/", "", .decimal, 40_400_000, 500_000)),
            channel(
                "reddit", .community, weight: 2.5, via: "reddit", style: .username, subjects: community,
                median: 3 * day, business: false, answered: 0.85,
                url: ("https://www.reddit.com/r/gitlab/comments/", "/", .base36, 310_000_000, 3_000_000)),
            channel(
                "quora", .community, weight: 1, via: "quora", style: .username, subjects: community,
                median: 3 * day, business: false, answered: 0.85,
                url: ("https://www.quora.com/topic/GitLab#question-", "", .decimal, 26_000_000, 2_000_000)),
        ]
        channels = all
        let selected = Set(options.channels).intersection(SyntheticModel.channelKeys)
        var cumulative: [Double] = []
        var total = 0.0
        for (key, c) in zip(SyntheticModel.channelKeys, all) {
            if selected.isEmpty || selected.contains(key) { total += c.weight }
            cumulative.append(total)
        }
        channelCumulative = cumulative
        self.subjects = subjects

        let agentCount = options.profile == .benchmark ? 40 : 12
        agents = (0..<agentCount).map { i in
            b.field(t.firstNames[i % t.firstNames.count] + "." + t.lastNames[i % t.lastNames.count])
        }
        firstNames = t.firstNames.map { b.field($0) }
        lastNames = t.lastNames.map { b.field($0) }
        domains = t.domains.map { b.field($0) }
        skipReasons = t.skipReasons.map { b.field($0) }
        eventNames = EventKind.canonical.map { b.field($0.name) }
        statusNames = SyntheticStatus.allCases.map { b.field($0.name) }
        priorityNames = SyntheticPriority.allCases.map { b.field($0.name) }
        system = b.field("zendesk")
        arena = GeneratorArena(b)

        var knobs = SyntheticKnobs()
        if options.profile == .benchmark {
            knobs.skip = 0.05
            knobs.crossAssign = 0.04
            knobs.unorderedTake = 0.03
            knobs.takeGap = 1...8
            knobs.playModeAgents = 12
        }
        self.knobs = knobs
        seed = options.seed
    }
}

/// Ticket status values of the canonical format.
enum SyntheticStatus: Int32, CaseIterable, Sendable {
    case new, open, pending, hold, solved, closed

    var name: String {
        switch self {
        case .new: "new"
        case .open: "open"
        case .pending: "pending"
        case .hold: "hold"
        case .solved: "solved"
        case .closed: "closed"
        }
    }
}

/// Ticket priority values of the canonical format.
enum SyntheticPriority: Int32, CaseIterable, Sendable {
    case urgent, high, normal, low

    var name: String {
        switch self {
        case .urgent: "urgent"
        case .high: "high"
        case .normal: "normal"
        case .low: "low"
        }
    }
}
