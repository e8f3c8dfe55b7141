/// What the user asked for: the policy, the window, the channels and the gate.
public struct ReportRequest: Sendable {
    /// A window bound as given: an instant, or a span back from as-of (`--since 7d`).
    public enum Bound: Sendable, Equatable {
        case instant(Instant)
        case beforeAsOf(seconds: Int64)

        func resolve(asOf: Instant) -> Instant {
            switch self {
            case .instant(let instant): instant
            case .beforeAsOf(let seconds): asOf.adding(seconds: -seconds)
            }
        }
    }

    public var policy: Policy
    public var since: Bound?
    public var until: Bound?
    /// Nil: the newest timestamp found in the inputs.
    public var asOf: Instant?
    /// `--channel`; nil = all.
    public var channels: [String]?
    /// `--fail-under`.
    public var failUnder: Double?
    public var toolVersion: String
    /// How the measure stage shares its work between the two sides (the report is the same for every split;
    /// the tests fix one).
    var measureSplit = MeasureStage.Split.shared

    public init(
        policy: Policy, since: Bound? = nil, until: Bound? = nil, asOf: Instant? = nil, channels: [String]? = nil,
        failUnder: Double? = nil, toolVersion: String = SLAReportVersion.current
    ) {
        self.policy = policy
        self.since = since
        self.until = until
        self.asOf = asOf
        self.channels = channels
        self.failUnder = failUnder
        self.toolVersion = toolVersion
    }
}

/// The tool's version, as `--version` prints it and the JSON report names it.
public enum SLAReportVersion {
    public static let current = "0.1.0"
}
