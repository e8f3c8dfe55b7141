/// Records of native exports that only mean something together with other files, kept by the file that
/// read them until the join stage (``Join``) turns them into events: Zendesk tickets, audits, skips,
/// metrics and users (joined on the ticket id), tweets (joined into threads), GitLab issues and notes.
struct PendingRecords: Sendable {
    var zendesk = ZendeskState()
    var tweets: [TwitterAdapter.Tweet] = []
    var gitlab = GitLabAdapter.State()

    var isEmpty: Bool {
        zendesk.isEmpty && tweets.isEmpty && gitlab.issues.isEmpty && gitlab.notes.isEmpty
    }

    /// Every record number moved by `base` (the file's first record in the merged log).
    mutating func rebase(by base: UInt32) {
        guard base > 0 else { return }
        zendesk.rebase(by: base)
        for i in tweets.indices { tweets[i].record += base }
        gitlab.rebase(by: base)
    }

    /// Appends `other`'s records (a later file's) after these.
    mutating func absorb(_ other: PendingRecords) {
        zendesk.absorb(other.zendesk)
        tweets += other.tweets
        gitlab.issues += other.gitlab.issues
        gitlab.notes += other.gitlab.notes
    }
}
