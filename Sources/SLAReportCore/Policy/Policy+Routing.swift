/// What a native record says about where it belongs, for ``Policy/route(_:)``.
public struct RoutingFacts: Sendable, Equatable {
    /// The adapter that read the record: `zendesk`, `hackerone`, `twitter`, `discourse`, `stackexchange`,
    /// `gitlab`.
    public var source: String?
    /// Zendesk `via.channel`, or the CSV `Via` display name.
    public var via: String?
    public var tags: [String]
    public var group: String?
    public var priority: String?
    public var project: String?

    public init(
        source: String? = nil, via: String? = nil, tags: [String] = [], group: String? = nil,
        priority: String? = nil, project: String? = nil
    ) {
        self.source = source
        self.via = via
        self.tags = tags
        self.group = group
        self.priority = priority
        self.project = project
    }
}

extension Policy {
    /// The channel key of a native record: the first rule whose every condition holds, trying the policy's
    /// own `routing` first and then ``builtInRouting`` (which ends with a catch-all to `email`, so a result
    /// is always found; nil only for rules built by hand without one).
    ///
    /// Values compare case-insensitively; `tag` holds when any of the record's tags matches; a condition on
    /// a fact the record does not have fails; a rule without conditions matches everything.
    public func route(_ facts: RoutingFacts) -> String? {
        guard let rule = routingRule(for: facts) else { return nil }
        return rule.builtIn ? Policy.builtInRouting[rule.index].channel : routing[rule.index].channel
    }

    /// The rule ``route(_:)`` takes for `facts`: its index in the policy's `routing` or, when `builtIn`, in
    /// ``builtInRouting``; nil when none matches.
    public func routingRule(for facts: RoutingFacts) -> (builtIn: Bool, index: Int)? {
        for (index, rule) in routing.enumerated() where rule.matches(facts) { return (false, index) }
        for (index, rule) in Policy.builtInRouting.enumerated() where rule.matches(facts) { return (true, index) }
        return nil
    }
}

extension RoutingRule {
    /// Whether every condition holds for `facts`.
    public func matches(_ facts: RoutingFacts) -> Bool {
        for condition in conditions {
            let holds: Bool
            switch condition.field {
            case "via": holds = facts.via.map { equalsIgnoringCase($0, condition.value) } ?? false
            case "tag": holds = facts.tags.contains { equalsIgnoringCase($0, condition.value) }
            case "group": holds = facts.group.map { equalsIgnoringCase($0, condition.value) } ?? false
            case "priority": holds = facts.priority.map { equalsIgnoringCase($0, condition.value) } ?? false
            case "source": holds = facts.source.map { equalsIgnoringCase($0, condition.value) } ?? false
            case "project": holds = facts.project.map { equalsIgnoringCase($0, condition.value) } ?? false
            default: holds = false
            }
            if !holds { return false }
        }
        return true
    }
}

/// Case-insensitive equality without allocating for ASCII text (the usual case); other text is compared
/// lower-cased.
func equalsIgnoringCase(_ a: String, _ b: String) -> Bool {
    var left = a.utf8.makeIterator()
    var right = b.utf8.makeIterator()
    while true {
        switch (left.next(), right.next()) {
        case (nil, nil): return true
        case (let x?, let y?):
            if x >= 0x80 || y >= 0x80 { return a.lowercased() == b.lowercased() }
            let foldedX = x >= 0x41 && x <= 0x5A ? x + 32 : x
            let foldedY = y >= 0x41 && y <= 0x5A ? y + 32 : y
            if foldedX != foldedY { return false }
        default: return false
        }
    }
}
