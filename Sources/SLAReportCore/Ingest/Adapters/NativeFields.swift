/// Field helpers shared by the native adapters: ids, texts, times, statuses and links from JSON values and
/// CSV fields, accepting what real exports write (ids as numbers, strings or floats `3.0`; nulls and absent
/// keys alike; "never" sentinel dates).
enum NativeFields {
    /// An id written as a number or a string, trimmed, with a float-written id made whole (`3.0` → `3`);
    /// nil when absent, null, a boolean, a container or empty.
    static func id(_ value: JSONValue?) -> String? {
        switch value {
        case .some(.string(let text)), .some(.number(let text)): return whole(text)
        default: return nil
        }
    }

    /// `text` trimmed, with a float-written id made whole; nil when empty.
    static func whole(_ text: String) -> String? {
        var copy = text
        let result = copy.withUTF8 { bytes -> String in
            let trimmed = FieldBytes.trimmed(bytes)
            return String(
                decoding: UnsafeBufferPointer(rebasing: trimmed[0..<FieldBytes.wholeIdLength(trimmed)]), as: UTF8.self)
        }
        return result.isEmpty ? nil : result
    }

    /// A string or number as trimmed text; nil when absent, null, a container or empty.
    static func text(_ value: JSONValue?) -> String? {
        switch value {
        case .some(.string(let text)), .some(.number(let text)):
            let trimmed = text.trimmingASCIISpaces()
            return trimmed.isEmpty ? nil : trimmed
        default: return nil
        }
    }

    /// A CSV field as text; nil when empty.
    static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
    }

    /// An optional time: a timestamp string, or Unix seconds as a JSON number. Absent, null, empty and
    /// "never" sentinels are nil; anything else that does not parse is a rejection naming `key`.
    static func time(_ value: JSONValue?, key: String, zone: ZoneClock) -> Result<Instant?, Rejection> {
        switch value {
        case .none, .some(.null): return .success(nil)
        case .some(.number(let text)):
            guard let instant = Timestamp.unixSeconds(text) else {
                return .failure(Rejection("bad timestamp \(text) in \(key)"))
            }
            return .success(instant)
        case .some(.string(let text)):
            if text.trimmingASCIISpaces().isEmpty { return .success(nil) }
            switch Timestamp.parse(text, zone: zone) {
            case .some(.instant(let instant)): return .success(instant)
            case .some(.never): return .success(nil)
            case .none: return .failure(Rejection("bad timestamp \(quoted(text)) in \(key)"))
            }
        default: return .failure(Rejection("\(key) is not a timestamp"))
        }
    }

    /// A required time: as ``time(_:key:zone:)``, and absent is a rejection too.
    static func requiredTime(_ value: JSONValue?, key: String, zone: ZoneClock) -> Result<Instant, Rejection> {
        switch time(value, key: key, zone: zone) {
        case .success(.some(let instant)): return .success(instant)
        case .success(.none): return .failure(Rejection("missing \(key)"))
        case .failure(let rejection): return .failure(rejection)
        }
    }

    /// A whole number of minutes (`12`, `"12"`, `12.0`); nil when absent, null, negative or not a number.
    static func minutes(_ value: JSONValue?) -> Int64? {
        guard let value, let number = value.double, number.isFinite, number >= 0, number < 1e9 else { return nil }
        return Int64(number.rounded(.down))
    }

    /// A whole count (`3`, `"3"`, `3.0`); nil when absent, null, negative or not a number.
    static func count(_ value: JSONValue?) -> Int? {
        guard let value, let number = value.double, number.isFinite, number >= 0, number < 1e9 else { return nil }
        return Int(number.rounded(.down))
    }

    /// A canonical status (`new`, `open`, `pending`, `hold`, `solved`, `closed`) from any capitalisation;
    /// `on-hold` is `hold`. Nil for anything else.
    static func status(_ text: String?) -> String? {
        guard let lowered = text?.trimmingASCIISpaces().lowercased(), !lowered.isEmpty else { return nil }
        if lowered == "on-hold" || lowered == "on hold" { return "hold" }
        return CanonicalEventsAdapter.statuses.contains(lowered) ? lowered : nil
    }

    /// A canonical priority (`urgent`, `high`, `normal`, `low`) from any capitalisation; nil otherwise.
    static func priority(_ text: String?) -> String? {
        guard let lowered = text?.trimmingASCIISpaces().lowercased() else { return nil }
        return CanonicalEventsAdapter.priorities.contains(lowered) ? lowered : nil
    }

    /// `text` when it is an `http(s)` URL; nil otherwise.
    static func httpURL(_ text: String?) -> String? {
        guard let text = text?.trimmingASCIISpaces() else { return nil }
        let lowered = text.lowercased()
        guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://"), text.count > 8 else { return nil }
        return text
    }

    /// Strings of a JSON array (numbers as written); empty when not an array.
    static func strings(_ value: JSONValue?) -> [String] {
        (value?.array ?? []).compactMap { text($0) }
    }

    /// `text` quoted for a message, shortened.
    static func quoted(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { FieldBytes.quoted($0) }
    }

    /// The first `limit` characters of `text` on one line (subjects made from message bodies).
    static func subject(_ text: String?, limit: Int = 120) -> String? {
        guard let text else { return nil }
        let line = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).first.map(String.init) ?? ""
        let trimmed = line.trimmingASCIISpaces()
        if trimmed.isEmpty { return nil }
        return trimmed.count > limit ? String(trimmed.prefix(limit)) + "…" : trimmed
    }
}

/// Appends the events of one native ticket: the ticket id and channel are fixed, texts are interned.
struct NativeTicket {
    let ticket: Symbol
    let channel: Symbol

    init(id: String, channel: String, symbols: inout SymbolTable) {
        ticket = symbols.intern(id)
        self.channel = symbols.intern(channel)
    }

    /// Appends one event of `record`.
    func append(
        _ kind: EventKind, at: Instant, actor: String? = nil, value: String? = nil, via: String? = nil,
        record: UInt32, to log: inout EventLog
    ) {
        let actorSymbol = actor.map { log.symbols.intern($0) } ?? .none
        let valueSymbol = value.map { log.value(of: kind, text: $0) } ?? .none
        let viaSymbol = via.map { log.symbols.intern($0) } ?? .none
        log.append(
            TicketEvent(
                ticket: ticket, kind: kind, at: at, actor: actorSymbol, value: valueSymbol, via: viaSymbol,
                channel: channel, record: record))
    }

    /// Records the ticket's link (only `http(s)`) and requester.
    func describe(url: String?, requester: String?, in log: inout EventLog) {
        let link = NativeFields.httpURL(url)
        guard link != nil || requester != nil else { return }
        var attributes = log.ticketAttributes[ticket] ?? TicketAttributes()
        if let link { attributes.url = link }
        if let requester { attributes.requester = requester }
        log.ticketAttributes[ticket] = attributes
    }
}
