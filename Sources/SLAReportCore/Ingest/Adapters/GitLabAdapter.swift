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
/// **Each issue and each note is one record** (a note embedded in its issue too, at its own line). Ticket id
/// `gitlab:<project path>#<iid>`, the path taken from `web_url` (`group/project`), else
/// `gitlab:<project_id>#<iid>`; link = `web_url`. Events (made in the join stage): `created` at `created_at`
/// (actor = the author, value = title); notes in time order: system notes `assigned to @x` /
/// `reassigned to @x` are `assign x`, `unassigned @x` alone is `assign` to nobody, `closed` is `status
/// solved`, `reopened` is `status open` (actor = the note's author); other system notes say nothing about
/// response times and count with their issue; `internal`/`confidential` notes are `note`s; other notes are
/// `post`s, which the join makes replies (by somebody on the team) or comments (the author's own, and
/// everybody else's). Without assignment notes, the
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

    struct State: Sendable {
        var issues: [Issue] = []
        var notes: [Note] = []

        mutating func rebase(by base: UInt32) {
            for i in issues.indices {
                issues[i].record += base
                for j in issues[i].notes.indices { issues[i].notes[j].record += base }
            }
            for i in notes.indices { notes[i].record += base }
        }
    }

    public func read(_ sniff: InputSniff, into log: inout EventLog, context: inout IngestContext)
        throws(IngestFileError)
    {
        let zone = context.options.inputTimeZone
        let file = context.file
        var state = State()
        let kind = self.kind
        NativeJSONPages.read(sniff, context: context, nested: ["notes"]) { item in
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
                    let parsed = Self.issue(object, record: record, zone: zone)
                    var issue = try? parsed.get()
                    for (index, element) in (object["notes"]?.array ?? []).enumerated() {
                        let noteRecord = log.beginRecord(file: file, line: item.line(of: "notes", at: index))
                        guard let iid = issue?.iid else {
                            log.reject(
                                record: noteRecord, reason: "a note of an issue that is rejected (line \(item.line))")
                            continue
                        }
                        guard let note = element.object else {
                            log.reject(record: noteRecord, reason: "a note is not a JSON object")
                            continue
                        }
                        switch Self.note(note, record: noteRecord, zone: zone, iid: iid) {
                        case .success(let parsed): issue?.notes.append(parsed)
                        case .failure(let rejection): log.reject(record: noteRecord, reason: rejection.reason)
                        }
                    }
                    switch parsed {
                    case .success:
                        if let issue { state.issues.append(issue) }
                        result = nil
                    case .failure(let rejection): result = rejection
                    }
                }
                if let result { log.reject(record: record, reason: result.reason) }
            }
        }
        context.pending.gitlab.issues += state.issues
        context.pending.gitlab.notes += state.notes
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
            let url = NativeFields.httpURL(NativeFields.text(object["web_url"]))
            let assignees = (object["assignees"]?.array ?? []).compactMap { NativeFields.text($0["username"]) }
            return .success(
                Issue(
                    project: NativeFields.id(object["project_id"]), path: url.flatMap(projectPath), iid: iid,
                    record: record, created: created, closed: closed,
                    author: NativeFields.text(object["author"]?["username"]), title: NativeFields.text(object["title"]),
                    assignee: assignees.first ?? NativeFields.text(object["assignee"]?["username"]),
                    url: url, notes: []))
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
