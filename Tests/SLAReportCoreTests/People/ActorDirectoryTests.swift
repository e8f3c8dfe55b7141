import Testing

@testable import SLAReportCore

/// The directory of people (SPEC §4, "Who is who"): evidence and its order, one normalisation, aliases.
@Suite struct ActorDirectoryTests {
    /// A log whose events are `(kind, actor, value, via)` on one canonical ticket, plus export evidence.
    static func directory(
        _ events: [(EventKind, String, String, String)], evidence: [(String, ActorEvidence.Role)] = [],
        policy: Policy = TestPolicies.calendar, format: String = "canonical-events"
    ) -> (ActorDirectory, EventLog) {
        var log = EventLog()
        let file = log.addFile(path: "e", format: format)
        let ticket = log.symbols.intern("T")
        for (kind, actor, value, via) in events {
            let record = log.beginRecord(file: file, line: log.recordCount + 2)
            log.append(
                TicketEvent(
                    ticket: ticket, kind: kind, at: Instant(seconds: 0), actor: log.symbols.intern(actor),
                    value: log.symbols.intern(value), via: log.symbols.intern(via), record: record))
        }
        for (name, role) in evidence { log.note(log.symbols.intern(name), is: role, because: .zendeskRole) }
        return (ActorDirectory.build(log, policy: policy), log)
    }

    static func symbol(_ log: EventLog, _ name: String) -> Symbol { log.symbols.lookup(name) ?? .none }

    @Test func spellingsOfOneNameAreOnePerson() {
        let (directory, log) = Self.directory([
            (.reply, "Ana Souza", "", ""), (.created, "ana.souza", "", ""), (.comment, "ANA-SOUZA", "", ""),
            (.created, "anasouza2", "", ""),
        ])
        let ana = Self.symbol(log, "Ana Souza")
        for spelling in ["ana.souza", "ANA-SOUZA"] {
            let s = Self.symbol(log, spelling)
            #expect(directory.same(ana, s), "\(spelling)")
            #expect(directory.isAgent(s), "\(spelling)")
            #expect(directory.name(of: s, in: log.symbols) == "Ana Souza")
        }
        let other = Self.symbol(log, "anasouza2")
        #expect(!directory.same(ana, other))
        #expect(!directory.isTeam(other))
        #expect(directory.roles(of: Self.symbol(log, "ana.souza")).contains(.requester))
    }

    @Test func systemBeatsHandleBeatsAgent() {
        var policy = TestPolicies.calendar
        policy.handles = Handles(main: "@GitLab", channels: [], clients: [])
        policy.agents = ["Dana"]
        let (directory, log) = Self.directory(
            [
                (.reply, "System", "", ""), (.reply, "gitlab", "", ""), (.reply, "@gitlabstatus", "", "@gitlabstatus"),
                (.reply, "dana", "", ""), (.assign, "system", "lee", ""),
            ],
            policy: policy)
        #expect(directory.isSystem(Self.symbol(log, "System")))
        #expect(!directory.isTeam(Self.symbol(log, "System")))
        // `gitlab` replies, but the policy's main handle says it is the brand account.
        #expect(directory.isHandle(Self.symbol(log, "gitlab")))
        #expect(directory.name(of: Self.symbol(log, "gitlab"), in: log.symbols) == "@GitLab")
        // A reply sent from its own handle is the handle's.
        #expect(directory.isHandle(Self.symbol(log, "@gitlabstatus")))
        #expect(!directory.isPerson(Self.symbol(log, "@gitlabstatus")))
        #expect(directory.isAgent(Self.symbol(log, "dana")))
        #expect(directory.name(of: Self.symbol(log, "dana"), in: log.symbols) == "Dana")
        // System actors assign; their assignees count as agents only on tickets that live in Zendesk (here
        // the canonical source), not the system actor itself.
        #expect(directory.isAgent(Self.symbol(log, "lee")))
        #expect(!directory.isAgent(Self.symbol(log, "system")))
        #expect(directory.isSystem(Self.symbol(log, "system")))
    }

    @Test func aliasesJoinAPersonsNamesAcrossSystems() {
        var policy = TestPolicies.calendar
        policy.agents = [PolicyAgent(name: "Ana Souza", aliases: ["ana_gitlab", "@ana"]), "Ben Okafor"]
        let (directory, log) = Self.directory(
            [
                (.reply, "Ana Souza", "", ""), (.reply, "Ana_GitLab", "", ""), (.created, "@ana", "", ""),
                (.comment, "ben.okafor", "", ""),
            ],
            policy: policy)
        let ana = Self.symbol(log, "Ana Souza")
        #expect(directory.same(ana, Self.symbol(log, "Ana_GitLab")))
        #expect(directory.same(ana, Self.symbol(log, "@ana")))
        #expect(directory.name(of: Self.symbol(log, "@ana"), in: log.symbols) == "Ana Souza")
        #expect(directory.isAgent(Self.symbol(log, "ben.okafor")))
        #expect(directory.entities.filter { $0.kind == .agent }.map(\.name) == ["Ana Souza", "Ben Okafor"])
    }

    @Test func exportEvidence() {
        let (directory, log) = Self.directory(
            [(.created, "jo", "", ""), (.created, "rae", "", ""), (.created, "GitLab Support", "", "")],
            evidence: [("jo", .agent), ("rae", .customer), ("GitLab Support", .handle)])
        #expect(directory.isAgent(Self.symbol(log, "jo")))
        #expect(directory.roles(of: Self.symbol(log, "rae")) == [.customer, .requester])
        #expect(directory.isHandle(Self.symbol(log, "GitLab Support")))
        #expect(directory.knowsTeam)
        #expect(!ActorDirectory().knowsTeam)
    }

    @Test func fullestSpellingNamesAnEntityTheDataAloneKnows() {
        let (directory, log) = Self.directory([
            (.reply, "chloe.martin", "", ""), (.reply, "Chloe Martin", "", ""), (.reply, "chloe_martin", "", ""),
        ])
        #expect(directory.name(of: Self.symbol(log, "chloe_martin"), in: log.symbols) == "Chloe Martin")
        #expect(directory.entities.map(\.name) == ["system", "Chloe Martin"])  // the policy's system actor first
    }
}
