extension Join {
    /// Joins tweets into threads (see ``TwitterAdapter``): a tweet id seen again is a duplicate; a tweet
    /// belongs to the thread of its topmost ancestor present; the thread's first customer tweet creates the
    /// ticket, later customer tweets are `post`s, company tweets are replies by the company's handle.
    static func threads(_ tweets: [TwitterAdapter.Tweet], policy: Policy, into log: inout EventLog) {
        var byID: [String: Int] = [:]
        for (index, tweet) in tweets.enumerated() {
            if byID[tweet.id] != nil {
                log.ledger.settle(tweet.record, .duplicate)
            } else {
                byID[tweet.id] = index
            }
        }
        // The root of every tweet, following parents that are present (cycles stop where they close).
        var root = [Int](repeating: -1, count: tweets.count)
        for start in tweets.indices where byID[tweets[start].id] == start && root[start] < 0 {
            var path = [start]
            var seen: Set<Int> = [start]
            var top = start
            while let parent = tweets[top].parent, let p = byID[parent], !seen.contains(p) {
                if root[p] >= 0 {
                    top = root[p]
                    break
                }
                path.append(p)
                seen.insert(p)
                top = p
            }
            for i in path { root[i] = top }
        }
        var threads: [Int: [Int]] = [:]
        for i in tweets.indices where root[i] >= 0 { threads[root[i], default: []].append(i) }
        let channel = policy.route(RoutingFacts(source: "twitter", via: "twitter")) ?? "twitter"
        for key in threads.keys.sorted() {
            let members = (threads[key] ?? []).sorted {
                (tweets[$0].at, tweets[$0].id.count, tweets[$0].id) < (
                    tweets[$1].at, tweets[$1].id.count, tweets[$1].id
                )
            }
            guard let first = members.first(where: { tweets[$0].inbound }) else {
                for i in members { log.reject(record: tweets[i].record, reason: "thread without a customer tweet") }
                continue
            }
            let opening = tweets[first]
            let ticket = NativeTicket(id: "twitter:" + opening.id, channel: channel, symbols: &log.symbols)
            var started = false
            for i in members {
                let tweet = tweets[i]
                if i == first {
                    started = true
                    ticket.append(
                        .created, at: tweet.at, actor: tweet.author, value: NativeFields.subject(tweet.text),
                        record: tweet.record, to: &log)
                } else if !started {
                    log.reject(
                        record: tweet.record, reason: "company tweet before the customer's first tweet of its thread")
                } else if tweet.inbound {
                    ticket.append(.post, at: tweet.at, actor: tweet.author, record: tweet.record, to: &log)
                } else {
                    let handle = tweet.author.hasPrefix("@") ? tweet.author : "@" + tweet.author
                    ticket.append(.reply, at: tweet.at, actor: handle, via: handle, record: tweet.record, to: &log)
                    log.note(log.symbols.intern(handle), is: .handle, because: .companyTweet)
                }
            }
        }
    }
}
