extension Join {
    /// Joins GitLab notes to their issues and makes the events (see ``GitLabAdapter``): an issue seen again is a
    /// duplicate; a note joins its issue on `project_id` and `noteable_iid` (on `noteable_iid` alone when it
    /// has no project and only one issue has that iid), else it is rejected.
    static func gitlabIssues(_ state: GitLabAdapter.State, policy: Policy, into log: inout EventLog) {
        var issues = state.issues
        var byKey: [String: Int] = [:]
        var byIID: [String: [Int]] = [:]
        for (index, issue) in issues.enumerated() {
            let key = (issue.project ?? issue.path ?? "") + "#" + issue.iid
            if byKey[key] != nil {
                log.ledger.settle(issue.record, .duplicate)
                for note in issue.notes { log.ledger.settle(note.record, .duplicate) }
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
            let facts = RoutingFacts(source: "gitlab", project: issue.path ?? issue.project)
            let channel = policy.route(facts) ?? "gitlab-issues"
            let ticket = NativeTicket(id: "gitlab:\(project)#\(issue.iid)", channel: channel, symbols: &log.symbols)
            if log.routingFacts != nil { log.routingFacts?[ticket.ticket] = facts }
            ticket.append(
                .created, at: issue.created, actor: issue.author, value: issue.title, record: issue.record, to: &log)
            ticket.describe(url: issue.url, requester: issue.author, in: &log)
            var assigned = false
            var closedByNote = false
            let notes = issue.notes.sorted { ($0.at, $0.record) < ($1.at, $1.record) }
            for note in notes {
                if note.system {
                    if let assignee = GitLabAdapter.assignment(note.body) {
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
                    } else {
                        log.ledger.attach(note.record, to: ticket.ticket)
                    }
                } else if note.isInternal {
                    ticket.append(.note, at: note.at, actor: note.author, record: note.record, to: &log)
                } else {
                    ticket.append(.post, at: note.at, actor: note.author, record: note.record, to: &log)
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
}
