/// Formats a synthetic ticket's events as canonical CSV rows, byte by byte.
struct SyntheticRowWriter {
    let model: SyntheticModel
    private let arena: GeneratorArena

    init(model: SyntheticModel) {
        self.model = model
        arena = model.arena
    }

    private func appendRequester(_ r: StoryRequester, to out: inout ChunkedByteWriter) {
        let first = arena[model.firstNames[r.first]]
        let last = arena[model.lastNames[r.last]]
        switch r.style {
        case .email:
            out.append(first)
            out.append(byte: 46)  // .
            out.append(last)
            out.append(byte: 64)  // @
            out.append(arena[model.domains[r.domain]])
        case .handle:
            out.append(byte: 64)
            out.append(first)
            out.append(last)
            out.append(decimal: r.number)
        case .username:
            out.append(first)
            out.append(byte: 95)  // _
            out.append(last)
            out.append(decimal: r.number)
        }
    }

    private func appendActor(_ actor: Int32, of ticket: StoryTicket, to out: inout ChunkedByteWriter) {
        switch actor {
        case StoryEvent.requester: appendRequester(ticket.requester, to: &out)
        case StoryEvent.system: out.append(arena[model.system])
        case 0...: appendAgent(actor, to: &out)
        default: break
        }
    }

    private func appendAgent(_ agent: Int32, to out: inout ChunkedByteWriter) {
        guard agent >= 0 && Int(agent) < model.agents.count else { return }
        out.append(arena[model.agents[Int(agent)]])
    }

    private func appendSubject(_ subject: Int32, to out: inout ChunkedByteWriter) {
        guard subject >= 0 && Int(subject) < model.subjects.count else { return }
        out.append(arena[model.subjects[Int(subject)]])
    }

    /// One `ticket,channel,event,at,actor,value,via` row per event before `end`.
    func writeEvents(
        _ events: [StoryEvent], of ticket: StoryTicket, id: Int, before end: Int64, to out: inout ChunkedByteWriter
    ) {
        let channel = model.channels[ticket.channel]
        let key = arena[channel.key]
        let via = arena[channel.via]
        for e in events where e.at < end {
            out.append(decimal: id)
            out.append(byte: 44)
            out.append(key)
            out.append(byte: 44)
            out.append(arena[model.eventNames[Int(e.kind.rawValue)]])
            out.append(byte: 44)
            out.append(timestamp: e.at)
            out.append(byte: 44)
            appendActor(e.actor, of: ticket, to: &out)
            out.append(byte: 44)
            switch e.kind {
            case .created: appendSubject(e.value, to: &out)
            case .assign: appendAgent(e.value, to: &out)
            case .status: out.append(arena[model.statusNames[Int(e.value)]])
            case .priority: out.append(arena[model.priorityNames[Int(e.value)]])
            case .skip: out.append(arena[model.skipReasons[Int(e.value)]])
            case .reply, .comment, .note, .post: break
            }
            out.append(byte: 44)
            if e.via { out.append(via) }
            out.append(byte: 10)
        }
    }

    /// The `ticket,channel,created_at,first_reply_at,solved_at,priority,assignee,status,subject,url,requester`
    /// row of the ticket as an export taken at `end` shows it.
    func writeTicket(
        _ events: [StoryEvent], of ticket: StoryTicket, id: Int, before end: Int64, to out: inout ChunkedByteWriter
    ) {
        let channel = model.channels[ticket.channel]
        var firstReply: Int64?
        var lastStatus: Int32 = -1
        var lastStatusAt: Int64 = 0
        var priority: Int32 = -1
        var assignee: Int32 = -1
        for e in events where e.at < end {
            switch e.kind {
            case .reply:
                // An agent's message at the creation of their own ticket is not a reply.
                let outbound = ticket.createdByAgent >= 0 && e.at == ticket.created
                if firstReply == nil && !outbound { firstReply = e.at }
            case .status:
                lastStatus = e.value
                lastStatusAt = e.at
            case .priority: priority = e.value
            case .assign: assignee = e.value
            case .created, .comment, .note, .skip, .post: break
            }
        }
        out.append(decimal: id)
        out.append(byte: 44)
        out.append(arena[channel.key])
        out.append(byte: 44)
        out.append(timestamp: ticket.created)
        out.append(byte: 44)
        if let firstReply { out.append(timestamp: firstReply) }
        out.append(byte: 44)
        let solved = lastStatus == SyntheticStatus.solved.rawValue || lastStatus == SyntheticStatus.closed.rawValue
        if solved { out.append(timestamp: lastStatusAt) }
        out.append(byte: 44)
        if priority >= 0 { out.append(arena[model.priorityNames[Int(priority)]]) }
        out.append(byte: 44)
        appendAgent(assignee, to: &out)
        out.append(byte: 44)
        let status: SyntheticStatus =
            lastStatus >= 0 ? SyntheticStatus(rawValue: lastStatus) ?? .open : (assignee >= 0 ? .open : .new)
        out.append(arena[model.statusNames[Int(status.rawValue)]])
        out.append(byte: 44)
        appendSubject(ticket.subject, to: &out)
        out.append(byte: 44)
        switch channel.urlNumber {
        case .none: break
        case .decimal:
            out.append(arena[channel.urlPrefix])
            out.append(decimal: ticket.urlNumber)
            out.append(arena[channel.urlSuffix])
        case .base36:
            out.append(arena[channel.urlPrefix])
            out.append(base36: ticket.urlNumber)
            out.append(arena[channel.urlSuffix])
        }
        out.append(byte: 44)
        if ticket.createdByAgent >= 0 {
            appendAgent(ticket.createdByAgent, to: &out)
        } else {
            appendRequester(ticket.requester, to: &out)
        }
        out.append(byte: 10)
    }
}
