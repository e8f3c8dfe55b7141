// Temporary: the `policy` branch provides these. Deleted when that branch is merged.

/// What a native record says about where it belongs (stand-in for the policy branch's type).
public struct RoutingFacts: Sendable, Equatable {
    public var source: String
    public var via: String?
    public var tags: [String]
    public var group: String?
    public var priority: String?
    public var project: String?

    public init(
        source: String, via: String? = nil, tags: [String] = [], group: String? = nil, priority: String? = nil,
        project: String? = nil
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
    /// Stand-in for the policy branch's built-in policy.
    public static let builtIn = Policy(name: "built-in", schedules: [:], channels: [])

    /// Stand-in for the policy branch's router: the first rule whose every condition holds.
    public func route(_ facts: RoutingFacts) -> String? {
        func holds(_ field: String, _ value: String) -> Bool {
            let v = value.lowercased()
            switch field {
            case "source": return facts.source.lowercased() == v
            case "via": return facts.via?.lowercased() == v
            case "tag": return facts.tags.contains { $0.lowercased() == v }
            case "group": return facts.group?.lowercased() == v
            case "priority": return facts.priority?.lowercased() == v
            case "project": return facts.project?.lowercased() == v
            default: return false
            }
        }
        return routing.first { rule in rule.conditions.allSatisfy { holds($0.field, $0.value) } }?.channel
    }
}
