/// GitLab issues and their notes (SPEC §2.3), from the REST API.
///
/// Two shapes, joined once every file is read (any order):
/// - **issues** (`gitlab-issues`): issue objects with `iid`, `project_id`, `web_url`, `title`, `created_at`,
///   `closed_at`, `author.username`, `assignees[].username` (or `assignee`), and optionally
///   `notes[]` embedded — as the API's array, concatenated pages, or one issue per line;
/// - **notes** (`gitlab-notes`): note objects `{body, author.username, created_at, system, internal or
///   confidential, noteable_type, noteable_iid, project_id}` — the API's notes of one or many issues in
///   one file. Notes join their issue on `project_id` and `noteable_iid` (on `noteable_iid` alone when the
///   note has no `project_id` and only one issue has that iid); a note whose issue is not in the inputs is
///   rejected.
///
/// Each issue and each note file entry is one record (embedded notes belong to their issue's record).
/// Ticket id `gitlab:<project path>#<iid>`, the path taken from `web_url` (`group/project`), else
/// `gitlab:<project_id>#<iid>`; link = `web_url`. Events: `created` at `created_at` (actor = the author,
/// value = title); notes in time order: system notes `assigned to @x` / `reassigned to @x` are `assign x`,
/// `unassigned @x` alone is `assign` to nobody, `closed` is `status solved`, `reopened` is `status open`
/// (actor = the note's author); other system notes are left out; `internal`/`confidential` notes are
/// `note`s; notes by a policy agent are `reply`s, all others `comment`s. Without assignment notes, the
/// current first assignee is assigned at creation (no actor); without a `closed` note, `closed_at` is
/// `status solved`. The channel is routed with source `gitlab` and project = the path (or the project id),
/// else `gitlab-issues`; labels are not routing tags (they name topics, not channels).
public struct GitLabAdapter: InputAdapter {
    /// The shape an adapter value detects.
    public enum Kind: Sendable { case issues, notes }

    public let kind: Kind

    public init(_ kind: Kind) { self.kind = kind }

    public var name: String { kind == .issues ? "gitlab-issues" : "gitlab-notes" }
    public var expectation: String {
        kind == .issues
            ? "JSON issues with iid, project_id, created_at (GitLab API)"
            : "JSON notes with noteable_iid, body, system (GitLab API)"
    }

    public func detect(_ sniff: InputSniff) -> Bool {
        guard sniff.syntax == .json else { return false }
        let keys = Set(sniff.jsonKeys)
        switch kind {
        case .notes:
            return keys.contains("noteable_iid") || keys.contains("noteable_id") && keys.contains("system")
        case .issues:
            return keys.contains("iid") && keys.contains("created_at")
                && (keys.contains("project_id") || keys.contains("web_url"))
        }
    }

    struct Note: Sendable {
        var project: String?
        var iid: String
        var record: UInt32
        var at: Instant
        var author: String?
        var body: String
        var system: Bool
        var isInternal: Bool
    }

    struct Issue: Sendable {
        var project: String?
        var path: String?
        var iid: String
        var record: UInt32
        var created: Instant
        var closed: Instant?
        var author: String?
        var title: String?
        var assignee: String?
        var url: String?
        var notes: [Note]
    }

    struct State: IngestState {
        var issues: [Issue] = []
        var notes: [Note] = []
        var finished = false
    }

    public func read(_ sniff: InputSniff, into log: inout EventLog, context: inout IngestContext)
        throws(IngestFileError)
    {
        let zone = context.options.inputTimeZone
        let file = context.file
        var state = State()
        let kind = self.kind
        NativeJSONPages.read(sniff, context: context) { item in
            let record = log.beginRecord(file: file, line: item.line)
            switch item.result {
            case .failure(let error):
                log.reject(record: record, reason: NativeJSONPages.problem(error, line: item.line))
            case .success(let value):
                guard let object = value.object else {
                    log.reject(record: record, reason: "not a JSON object")
                    return
                }
                let result: Rejection?
                if kind == .notes || object["noteable_iid"] != nil || object["noteable_id"] != nil {
                    switch Self.note(object, record: record, zone: zone) {
                    case .success(let note):
                        state.notes.append(note)
                        result = nil
                    case .failure(let rejection): result = rejection
                    }
                } else {
                    switch Self.issue(object, record: record, zone: zone) {
                    case .success(let issue):
                        state.issues.append(issue)
                        result = nil
                    case .failure(let rejection): result = rejection
                    }
                }
                if let result { log.reject(record: record, reason: result.reason) }
            }
        }
        context.withState(State.self) { shared in
            shared.issues += state.issues
            shared.notes += state.notes
        }
    }

    static func note(_ object: JSONObject, record: UInt32, zone: ZoneClock, iid: String? = nil) -> Result<
        Note, Rejection
    > {
        if let type = NativeFields.text(object["noteable_type"]), type != "Issue" {
            return .failure(Rejection("a note on a \(type), not an issue"))
        }
        guard let iid = iid ?? NativeFields.id(object["noteable_iid"]) else {
            return .failure(Rejection("note without noteable_iid"))
        }
        switch NativeFields.requiredTime(object["created_at"], key: "created_at", zone: zone) {
        case .failure(let rejection): return .failure(rejection)
        case .success(let at):
            let isInternal = object["internal"]?.bool == true || object["confidential"]?.bool == true
            return .success(
                Note(
                    project: NativeFields.id(object["project_id"]), iid: iid, record: record, at: at,
                    author: NativeFields.text(object["author"]?["username"]),
                    body: NativeFields.text(object["body"]) ?? "", system: object["system"]?.bool == true,
                    isInternal: isInternal))
        }
    }

    static func issue(_ object: JSONObject, record: UInt32, zone: ZoneClock) -> Result<Issue, Rejection> {
        guard let iid = NativeFields.id(object["iid"]) else { return .failure(Rejection("issue without iid")) }
        do throws(Rejection) {
            let created = try NativeFields.requiredTime(object["created_at"], key: "created_at", zone: zone).get()
            let closed = try NativeFields.time(object["closed_at"], key: "closed_at", zone: zone).get()
            var notes: [Note] = []
            for element in object["notes"]?.array ?? [] {
                guard let note = element.object else { continue }
                notes.append(try Self.note(note, record: record, zone: zone, iid: iid).get())
            }
            let url = NativeFields.httpURL(NativeFields.text(object["web_url"]))
            let assignees = (object["assignees"]?.array ?? []).compactMap { NativeFields.text($0["username"]) }
            return .success(
                Issue(
                    project: NativeFields.id(object["project_id"]), path: url.flatMap(projectPath), iid: iid,
                    record: record, created: created, closed: closed,
                    author: NativeFields.text(object["author"]?["username"]), title: NativeFields.text(object["title"]),
                    assignee: assignees.first ?? NativeFields.text(object["assignee"]?["username"]),
                    url: url, notes: notes))
        } catch {
            return .failure(error)
        }
    }

    /// `group/sub/project` from `https://host/group/sub/project/issues/12` or `…/project/-/issues/12`.
    static func projectPath(_ url: String) -> String? {
        guard let scheme = url.range(of: "://") else { return nil }
        let rest = url[scheme.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return nil }
        let path = rest[rest.index(after: slash)...]
        guard let issues = path.range(of: "/issues/") else { return nil }
        var project = String(path[..<issues.lowerBound])
        if project.hasSuffix("/-") { project.removeLast(2) }
        return project.isEmpty ? nil : project
    }

    public func finish(into log: inout EventLog, context: inout IngestContext) {
        let policy = context.options.policy
        context.withState(State.self) { state in
            guard !state.finished else { return }
            state.finished = true
            Self.join(state, policy: policy, into: &log)
        }
    }

    private static func join(_ state: State, policy: Policy, into log: inout EventLog) {
        let agents = NativeAgents(policy.agents)
        var issues = state.issues
        var byKey: [String: Int] = [:]
        var byIID: [String: [Int]] = [:]
        for (index, issue) in issues.enumerated() {
            let key = (issue.project ?? issue.path ?? "") + "#" + issue.iid
            if byKey[key] != nil {
                log.supersededRecords.insert(issue.record)
                continue
            }
            byKey[key] = index
            byIID[issue.iid, default: []].append(index)
        }
        for note in state.notes {
            let target: Int?
            if let project = note.project {
                target = byKey[project + "#" + note.iid]
            } else if let candidates = byIID[note.iid], candidates.count == 1 {
                target = candidates.first
            } else {
                target = nil
            }
            guard let target else {
                log.reject(
                    record: note.record,
                    reason:
                        "note on issue #\(note.iid) of project \(note.project ?? "?"), which no issues file includes")
                continue
            }
            issues[target].notes.append(note)
        }
        for index in byKey.values.sorted() {
            let issue = issues[index]
            let project = issue.path ?? issue.project ?? "?"
            let channel =
                policy.route(RoutingFacts(source: "gitlab", project: issue.path ?? issue.project)) ?? "gitlab-issues"
            let ticket = NativeTicket(id: "gitlab:\(project)#\(issue.iid)", channel: channel, symbols: &log.symbols)
            ticket.append(
                .created, at: issue.created, actor: issue.author, value: issue.title, record: issue.record, to: &log)
            ticket.describe(url: issue.url, requester: issue.author, in: &log)
            var assigned = false
            var closedByNote = false
            let notes = issue.notes.sorted { ($0.at, $0.record) < ($1.at, $1.record) }
            for note in notes {
                if note.system {
                    if let assignee = assignment(note.body) {
                        assigned = true
                        ticket.append(
                            .assign, at: note.at, actor: note.author, value: assignee, record: note.record, to: &log)
                    } else if note.body.lowercased().hasPrefix("closed") {
                        closedByNote = true
                        ticket.append(
                            .status, at: note.at, actor: note.author, value: "solved", record: note.record, to: &log)
                    } else if note.body.lowercased().hasPrefix("reopened") {
                        ticket.append(
                            .status, at: note.at, actor: note.author, value: "open", record: note.record, to: &log)
                    }
                } else if note.isInternal {
                    ticket.append(.note, at: note.at, actor: note.author, record: note.record, to: &log)
                } else {
                    let kind: EventKind = agents.contains(note.author) ? .reply : .comment
                    ticket.append(kind, at: note.at, actor: note.author, record: note.record, to: &log)
                }
            }
            if !assigned, let assignee = issue.assignee {
                ticket.append(.assign, at: issue.created, value: assignee, record: issue.record, to: &log)
            }
            if !closedByNote, let closed = issue.closed {
                ticket.append(.status, at: closed, value: "solved", record: issue.record, to: &log)
            }
        }
    }

    /// The new assignee of a system note about assignment: `assigned to @a` (first of several),
    /// `reassigned to @a`, or "" for `unassigned @a` alone; nil for other notes.
    static func assignment(_ body: String) -> String? {
        let lowered = body.lowercased()
        for marker in ["reassigned to @", "assigned to @"] {
            // Offsets in the lower-cased copy; `limitedBy` keeps a text whose case mapping changes its
            // length from trapping.
            if let range = lowered.range(of: marker),
                let start = body.index(
                    body.startIndex, offsetBy: lowered.distance(from: lowered.startIndex, to: range.upperBound),
                    limitedBy: body.endIndex)
            {
                let name = body[start...].prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }
                let trimmed = name.hasSuffix(".") ? String(name.dropLast()) : String(name)
                return trimmed.isEmpty ? nil : trimmed
            }
        }
        return lowered.hasPrefix("unassigned @") ? "" : nil
    }
}
