import Testing

@testable import SLAReportCore

/// Checks, from the generated rows alone, that the sample profile shows every behaviour the sample data is
/// meant to demonstrate.
@Suite struct SampleProfileTests {
    static let options = GeneratorOptions(tickets: 3000, seed: 201_611, profile: .sample)
    static let events = generatedEvents(SyntheticExport.generate(options))
    static let tickets = byTicket(events)

    /// Monday–Friday 09:00–17:00 UTC, the built-in policy's hours, computed independently of the generator.
    static func isBusinessTime(_ t: Int64) -> Bool {
        let day = Int(t / 86_400)
        let weekday = (day + 3) % 7  // 1970-01-01 was a Thursday: 0 = Monday
        let hour = t % 86_400 / 3600
        return weekday < 5 && hour >= 9 && hour < 17
    }

    @Test func windowAndCut() {
        let start = CivilDateTime(year: 2016, month: 10, day: 31).utcSeconds
        let end = CivilDateTime(year: 2016, month: 11, day: 28).utcSeconds
        #expect(Self.options.start.seconds == start && Self.options.end.seconds == end)
        #expect(Self.tickets.count == 3000)
        #expect(Self.events.allSatisfy { $0.at >= start && $0.at < end }, "the export is cut at the window's end")
        #expect(Self.tickets.first?.ticket == "51201")
    }

    @Test func coversEveryChannelAndWeekendsAndAfterHours() {
        let created = Self.events.filter { $0.event == "created" }
        #expect(Set(created.map(\.channel)) == Set(SyntheticExport.channelKeys))
        let weekend = created.filter { ((Int($0.at / 86_400) + 3) % 7) >= 5 }
        #expect(weekend.count > 100)
        let afterHours = created.filter { !Self.isBusinessTime($0.at) && ((Int($0.at / 86_400) + 3) % 7) < 5 }
        #expect(afterHours.count > 100)
        let agents = Set(Self.events.filter { $0.event == "reply" }.map(\.actor))
        #expect(agents.count == 12)
        #expect(agents.contains("amara.okafor") && agents.contains("lukas.meyer"))
        // Most replies of the Zendesk channels are sent in business hours, but not all.
        let zendeskReplies = Self.events.filter { $0.event == "reply" && $0.via == "zendesk" }
        let inHours = zendeskReplies.filter { Self.isBusinessTime($0.at) }.count
        #expect(inHours * 10 > zendeskReplies.count * 7 && inHours < zendeskReplies.count)
    }

    @Test func prioritiesAndAChangeBeforeTheFirstReply() {
        let values = Set(Self.events.filter { $0.event == "priority" && $0.channel == "email" }.map(\.value))
        #expect(values == ["urgent", "high", "normal", "low"])
        let changed = Self.tickets.filter { t in
            let priorities = t.events.filter { $0.event == "priority" }
            guard priorities.count >= 2, let reply = t.events.first(where: { $0.event == "reply" }) else {
                return false
            }
            return priorities[1].at < reply.at && priorities[1].value != priorities[0].value
        }
        #expect(changed.count >= 5)
    }

    @Test func earlyRepliesOnCategory4() {
        var early: Set<String> = []
        var onTime = 0
        for t in Self.tickets where category4Channels.contains(t.events[0].channel) {
            guard let reply = t.events.first(where: { $0.event == "reply" }) else { continue }
            let frt = reply.at - t.events[0].at
            if frt < 2 * 86_400 { early.insert(t.events[0].channel) } else if frt <= 14 * 86_400 { onTime += 1 }
        }
        #expect(early.count >= 3, "early replies on several category-4 channels: \(early.sorted())")
        #expect(early.contains("forum") || early.contains("stack-overflow"))
        #expect(onTime > 200, "most category-4 replies come after two days")
    }

    @Test func nextRepliesReopensAndOpenTicketsAtTheEnd() {
        var nextReplies = 0
        var reopens = 0
        var unansweredAtEnd = 0
        for t in Self.tickets {
            let evs = t.events
            if let first = evs.firstIndex(where: { $0.event == "reply" && $0.at > evs[0].at }),
                let comment = evs[first...].firstIndex(where: { $0.event == "comment" }),
                evs[comment...].contains(where: { $0.event == "reply" })
            {
                nextReplies += 1
            }
            let statuses = evs.filter { $0.event == "status" }.map(\.value)
            if zip(statuses, statuses.dropFirst()).contains(where: { $0 == "solved" && $1 == "open" }) { reopens += 1 }
            if !evs.contains(where: { $0.event == "reply" }) && evs[0].at > Self.options.end.seconds - 2 * 86_400 {
                unansweredAtEnd += 1
            }
        }
        #expect(nextReplies > 100)
        #expect(reopens > 20)
        #expect(unansweredAtEnd > 20, "tickets of the last days are still open at the export")
    }

    @Test func agentCreatedTicketsSystemActorsAndTwitterVia() {
        let agents = Set(Self.events.filter { $0.event == "reply" }.map(\.actor))
        let agentCreated = Self.tickets.filter { t in
            let created = t.events[0]
            return agents.contains(created.actor)
                && t.events.contains { $0.event == "reply" && $0.actor == created.actor && $0.at == created.at }
        }
        #expect(agentCreated.count >= 10)
        #expect(agentCreated.allSatisfy { $0.events.first?.channel == "email" })
        let disqusByAgents = Self.tickets.filter {
            $0.events[0].channel == "disqus" && agents.contains($0.events[0].actor)
        }
        #expect(disqusByAgents.count >= 5, "tickets the Disqus integration made for our own replies")
        #expect(Self.events.contains { $0.event == "assign" && $0.actor == "zendesk" && !$0.value.isEmpty })
        #expect(!Self.events.contains { $0.event == "reply" && $0.actor == "zendesk" })
        let twitterReplies = Self.events.filter { $0.event == "reply" && $0.channel == "twitter" }
        #expect(twitterReplies.count > 100)
        #expect(twitterReplies.allSatisfy { $0.via == "zendesk" })
    }

    /// Play mode: every take assigns the ticket to the agent taking it, then they reply; tickets are taken
    /// in creation order, nobody skips. (The sample carries no Play-mode rule breaches.)
    @Test func playModeTakesAreOrderlySelfAssignments() {
        let view = Self.tickets.filter { ["twitter", "facebook"].contains($0.events[0].channel) }
        #expect(view.count > 300)
        var lastTake = Int64.min
        for t in view {
            #expect(!t.events.contains { $0.event == "skip" })
            let assigns = t.events.filter { $0.event == "assign" }
            #expect(assigns.count <= 1)
            guard let take = assigns.first else { continue }
            #expect(take.actor == take.value)
            #expect(take.at > lastTake, "ticket \(t.ticket) taken out of order")
            lastTake = take.at
            if let reply = t.events.first(where: { $0.event == "reply" }) {
                #expect(reply.at >= take.at && reply.actor == take.actor)
            }
        }
    }
}
