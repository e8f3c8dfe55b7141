/// Zendesk's `via`: the API's `via.channel` (`email`, `web`, `twitter`, …), the legacy export's and CSV
/// export's display names (`Mail`, `Web Form`, `Twitter DM`, `Facebook Post`, …) and numeric via ids (`4`),
/// all brought to the API channel name that routing rules compare (case-insensitively).
///
/// Display names and ids map as follows; anything else is lower-cased with spaces as `_`:
/// - `mail`, `email`, `e-mail`, id 4 → `email`; `web form`, `web_form`, `web widget`, `feedback tab`,
///   `dropbox`, ids 0, 17 → `web`; `web service`, `web_service`, `api`, id 5 → `api`;
/// - `twitter`, `twitter dm`, `twitter direct message`, `twitter favorite`, ids 23, 26, 30 → `twitter`;
/// - `facebook`, `facebook post`, `facebook message`, ids 38, 41 → `facebook`;
/// - `chat`, id 29 → `chat`; `voicemail`, `phone call (inbound)`, `phone call (outbound)`, `phone`, ids 33–35
///   → `voice`; `text message`, `sms`, id 37 → `sms`; `rule`, `trigger`, `automation`, id 8 → `rule`;
///   `topic`, `forum`, id 24 → `forum`; `closed ticket`, id 27 → `closed_ticket`.
enum ZendeskVia {
    private static let names: [String: String] = [
        "mail": "email", "email": "email", "e-mail": "email",
        "web form": "web", "web_form": "web", "web": "web", "web widget": "web", "feedback tab": "web",
        "dropbox": "web",
        "web service": "api", "web_service": "api", "api": "api",
        "twitter": "twitter", "twitter dm": "twitter", "twitter_dm": "twitter", "twitter direct message": "twitter",
        "twitter favorite": "twitter", "twitter_favorite": "twitter",
        "facebook": "facebook", "facebook post": "facebook", "facebook_post": "facebook",
        "facebook message": "facebook", "facebook_message": "facebook",
        "chat": "chat", "voice": "voice", "voicemail": "voice", "phone": "voice",
        "phone call (inbound)": "voice", "phone call (outbound)": "voice",
        "text message": "sms", "sms": "sms", "rule": "rule", "trigger": "rule", "automation": "rule",
        "topic": "forum", "forum": "forum", "closed ticket": "closed_ticket",
    ]
    private static let ids: [String: String] = [
        "0": "web", "4": "email", "5": "api", "8": "rule", "17": "web", "23": "twitter", "24": "forum",
        "26": "twitter", "27": "closed_ticket", "29": "chat", "30": "twitter", "33": "voice", "34": "voice",
        "35": "voice", "37": "sms", "38": "facebook", "41": "facebook",
    ]

    /// The channel of a `via` value: an object `{channel, source}`, a display name or an id.
    static func channel(_ value: JSONValue?) -> String? {
        switch value {
        case .some(.object(let object)): return channel(NativeFields.id(object["channel"]))
        case .some(.string(let text)), .some(.number(let text)): return channel(NativeFields.whole(text))
        default: return nil
        }
    }

    /// The channel of a display name, API name or id.
    static func channel(_ text: String?) -> String? {
        guard let lowered = text?.trimmingASCIISpaces().lowercased(), !lowered.isEmpty else { return nil }
        if let id = ids[lowered] { return id }
        if let name = names[lowered] { return name }
        return lowered.split(separator: " ").joined(separator: "_")
    }

    /// The channel of a numeric via id (`4` → `email`), nil for an id not listed above.
    static func channel(forID id: String) -> String? {
        ids[id.trimmingASCIISpaces()]
    }

    /// The channel when no routing rule matches: `twitter` and `facebook` keep theirs, all else is `email`
    /// (the regular tickets' channel).
    static func fallbackChannel(via: String?) -> String {
        switch via {
        case "twitter": "twitter"
        case "facebook": "facebook"
        default: "email"
        }
    }

    /// The agent-interface link of a ticket: the API `url` `https://{sub}.zendesk.com/api/v2/tickets/{id}.json`
    /// becomes `https://{sub}.zendesk.com/agent/tickets/{id}`; another `http(s)` URL is kept; nil otherwise.
    static func agentURL(_ url: String?, id: String) -> String? {
        guard let url = NativeFields.httpURL(url) else { return nil }
        guard let range = url.range(of: "/api/v2/tickets/") else { return url }
        return String(url[..<range.lowerBound]) + "/agent/tickets/" + id
    }
}
