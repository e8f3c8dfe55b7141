/// Every fatal problem, with all its wording in ``description`` and its exit code (sysexits).
public enum SLAReportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Bad command line (64).
    case usage(String)
    /// No usable record, or a rejection under `--strict`, or an unrecognised file (65).
    case data(String)
    /// An input cannot be opened (66).
    case noInput(path: String, reason: String)
    /// An output cannot be written (73).
    case cannotCreate(path: String, reason: String)
    /// The policy is invalid (78): `path: json.path: problem`.
    case policy(path: String, problems: [String])

    public var exitCode: Int32 {
        switch self {
        case .usage: 64
        case .data: 65
        case .noInput: 66
        case .cannotCreate: 73
        case .policy: 78
        }
    }

    public var description: String {
        switch self {
        case .usage(let message): "error: \(message)"
        case .data(let message): "error: \(message)"
        case .noInput(let path, let reason): "error: cannot open \(path): \(reason)"
        case .cannotCreate(let path, let reason): "error: cannot write \(path): \(reason)"
        case .policy(let path, let problems): problems.map { "\(path): \($0)" }.joined(separator: "\n")
        }
    }
}
