extension ZendeskPolicyConverter {
    /// At most this many routing rules per SLA policy (a filter's alternatives multiply).
    static let maximumRules = 64

    /// The routing rules of one SLA policy's filter, tried in order for its channel.
    ///
    /// A Zendesk filter holds when every `all` condition holds and, if `any` is not empty, at least one
    /// `any` condition. Conditions that map:
    /// - `via_id` `is` N → `via` (Zendesk's via ids: 4 `email`, 0 `web`, 5 `api`, 29 `chat`, …);
    /// - `current_tags` `includes` "a b" → `tag` a, or `tag` b (one rule each);
    /// - `group_id` `is` N → `group` N;
    /// - `priority` `is`, `is_not`, `less_than`, `greater_than` → `priority` for each priority it allows.
    ///
    /// Each combination of the alternatives becomes one rule (`all` conditions together, times each `any`
    /// condition). Every other condition (`ticket_type_id`, `brand_id`, `organization_id`, `is_not` on
    /// via, group or tags, …) is a note. An unmappable `any` condition is left out (the rules then match
    /// fewer tickets than Zendesk does); an unmappable `all` condition, or one that needs two tags at once,
    /// leaves the policy without rules, because dropping it would route other policies' tickets here.
    mutating func routingRules(
        _ filter: [(key: String, value: PolicyJSON)], at path: String, channel: String, unmapped: inout [String]
    ) -> [RoutingRule] {
        let all = conditions(Self.member(filter, "all"), at: Self.child(path, "all"))
        let any = conditions(Self.member(filter, "any"), at: Self.child(path, "any"))
        var candidates: [[(field: String, value: String)]] = [[]]
        var expressible = true
        for condition in all {
            switch alternatives(condition.json) {
            case .failure(let reason):
                note(
                    policiesPath, condition.path, field: reason.field,
                    "\(reason.text); no routing rule for channel \(PolicyJSON.quoted(channel))")
                unmapped.append(reason.summary)
                expressible = false
            case .success(let options):
                var next: [[(field: String, value: String)]] = []
                for candidate in candidates {
                    for option in options {
                        switch Self.merge(candidate, option) {
                        case .merged(let rule): next.append(rule)
                        case .contradiction: break
                        case .inexpressible(let tags):
                            if expressible {
                                note(
                                    policiesPath, condition.path, field: "current_tags",
                                    "needs the tags \(tags) together, which one routing rule cannot say; no routing "
                                        + "rule for channel \(PolicyJSON.quoted(channel))")
                                unmapped.append("tags \(tags) together")
                            }
                            expressible = false
                        }
                    }
                }
                candidates = next
            }
        }
        guard expressible else { return [] }
        if candidates.isEmpty {
            note(
                policiesPath, Self.child(path, "all"), field: nil,
                "the conditions contradict each other, so the filter never matches; no routing rule for channel "
                    + PolicyJSON.quoted(channel))
            return []
        }
        if !any.isEmpty {
            var next: [[(field: String, value: String)]] = []
            for condition in any {
                switch alternatives(condition.json) {
                case .failure(let reason):
                    note(
                        policiesPath, condition.path, field: reason.field,
                        "\(reason.text); left out of the alternatives for channel \(PolicyJSON.quoted(channel))")
                    unmapped.append(reason.summary + " (one of the alternatives)")
                case .success(let options):
                    for candidate in candidates {
                        for option in options {
                            if case .merged(let rule) = Self.merge(candidate, option) { next.append(rule) }
                        }
                    }
                }
            }
            if next.isEmpty, !candidates.isEmpty {
                note(
                    policiesPath, Self.child(path, "any"), field: nil,
                    "none of the alternatives can be expressed; no routing rule for channel "
                        + PolicyJSON.quoted(channel))
            }
            candidates = next
        }
        var rules: [RoutingRule] = []
        for candidate in candidates {
            let rule = RoutingRule(conditions: candidate, channel: channel)
            if !rules.contains(rule) { rules.append(rule) }
        }
        if rules.count > Self.maximumRules {
            note(
                policiesPath, path, field: nil,
                "the filter expands to \(rules.count) routing rules, more than \(Self.maximumRules); none kept for "
                    + "channel \(PolicyJSON.quoted(channel))")
            unmapped.append("a filter of \(rules.count) alternatives")
            return []
        }
        return rules
    }

    /// Why a condition cannot be mapped: the message, the field and a short form for the channel's note.
    struct Unmappable: Error {
        var text: String
        var field: String?
        var summary: String
    }

    /// The condition objects of `all` or `any`, with their paths (anything else is a note).
    mutating func conditions(_ json: PolicyJSON?, at path: String) -> [(json: PolicyJSON, path: String)] {
        switch json {
        case nil, .null?: return []
        case .array(let elements)?:
            return elements.enumerated().map { ($0.element, Self.child(path, index: $0.offset)) }
        default:
            note(policiesPath, path, field: nil, "not an array of conditions; ignored")
            return []
        }
    }

    static let priorityOrder = ["low", "normal", "high", "urgent"]

    /// The slareport conditions one of which a Zendesk condition requires.
    func alternatives(_ json: PolicyJSON) -> Result<[(field: String, value: String)], Unmappable> {
        guard case .object(let members) = json else {
            return .failure(Unmappable(text: "not a condition object", field: nil, summary: "a malformed condition"))
        }
        let field = Self.member(members, "field").flatMap(Self.text) ?? ""
        let op = (Self.member(members, "operator").flatMap(Self.text) ?? "").lowercased()
        let value = Self.member(members, "value").flatMap(Self.text)?.trimmingCharacters(in: .whitespaces) ?? ""
        let shown = "\(field) \(op) \(PolicyJSON.quoted(value))"
        func unmappable(_ why: String) -> Result<[(field: String, value: String)], Unmappable> {
            .failure(Unmappable(text: "\(shown) cannot be mapped (\(why))", field: field, summary: shown))
        }
        switch field {
        case "via_id", "via":
            guard op == "is" else { return unmappable("only via_id \"is\" maps, onto via") }
            guard let via = ZendeskVia.channel(forID: value) ?? (field == "via" ? ZendeskVia.channel(value) : nil)
            else { return unmappable("an unknown via id") }
            return .success([("via", via)])
        case "current_tags", "tags":
            guard op == "includes" || op == "is" else { return unmappable("only tags \"includes\" maps, onto tag") }
            let tags = value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).map(String.init)
            guard !tags.isEmpty else { return unmappable("no tag given") }
            return .success(tags.map { ("tag", $0) })
        case "group_id", "group":
            guard op == "is" else { return unmappable("only group_id \"is\" maps, onto group") }
            guard !value.isEmpty else { return unmappable("no group given") }
            return .success([("group", value)])
        case "priority":
            guard let rank = Self.priorityOrder.firstIndex(of: value.lowercased()) else {
                return unmappable("not a priority")
            }
            let allowed: [String]
            switch op {
            case "is": allowed = [Self.priorityOrder[rank]]
            case "is_not": allowed = Self.priorityOrder.filter { $0 != Self.priorityOrder[rank] }
            case "less_than": allowed = Array(Self.priorityOrder[..<rank])
            case "greater_than": allowed = Array(Self.priorityOrder[(rank + 1)...])
            default: return unmappable("an unknown operator")
            }
            return .success(allowed.map { ("priority", $0) })
        default:
            return unmappable("slareport routes on via, tags, group and priority")
        }
    }

    enum Merge {
        case merged([(field: String, value: String)])
        /// Two values of a field that holds one: the combination never matches.
        case contradiction
        /// Two different tags required together: one rule cannot hold both.
        case inexpressible(String)
    }

    static func merge(_ rule: [(field: String, value: String)], _ condition: (field: String, value: String)) -> Merge {
        guard let existing = rule.first(where: { $0.field == condition.field }) else {
            return .merged(rule + [condition])
        }
        if equalsIgnoringCase(existing.value, condition.value) { return .merged(rule) }
        if condition.field == "tag" {
            return .inexpressible(PolicyJSON.quoted(existing.value) + " and " + PolicyJSON.quoted(condition.value))
        }
        return .contradiction
    }
}
