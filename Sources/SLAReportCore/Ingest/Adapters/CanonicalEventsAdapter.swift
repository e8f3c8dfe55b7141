/// The canonical events format (SPEC §2.1): one row per event, columns `ticket, event, at` required and
/// `channel, actor, value, via` optional, as CSV with a header or as JSON objects (array, NDJSON, or
/// concatenated) with the same keys.
///
/// Per row (one record): a missing ticket, event or time, an unknown event, a time that does not parse
/// or is a "never" sentinel, a `status`/`priority` value outside the canonical lists, or an over-size
/// field rejects the record with a reason. Values are trimmed of spaces; the channel, event names and
/// status/priority values are lower-cased; ids written as floats (`3.0`) become whole (`3`) in the ticket,
/// actor and `assign` value columns.
public struct CanonicalEventsAdapter: InputAdapter {
    public init() {}

    public var name: String { "canonical-events" }
    public var expectation: String { "a CSV header or JSON keys with ticket, event, at" }

    static let columns = ["ticket", "channel", "event", "at", "actor", "value", "via"]
    static let required = ["ticket", "event", "at"]
    private enum Column {
        static let ticket = 0
        static let channel = 1
        static let event = 2
        static let at = 3
        static let actor = 4
        static let value = 5
        static let via = 6
    }

    /// Status values of the `status` event.
    static let statusWords: [StaticString] = ["new", "open", "pending", "hold", "solved", "closed"]
    /// Priority values of the `priority` event.
    static let priorityWords: [StaticString] = ["urgent", "high", "normal", "low"]
    /// ``statusWords`` as strings.
    static let statuses = statusWords.map(\.description)
    /// ``priorityWords`` as strings.
    static let priorities = priorityWords.map(\.description)

    public func detect(_ sniff: InputSniff) -> Bool { sniff.hasColumns(Self.required) }

    public func read(_ sniff: InputSniff, into log: inout EventLog, context: inout IngestContext)
        throws(IngestFileError)
    {
        var caches = Caches()
        let zone = context.options.inputTimeZone
        let file = context.file
        // Events are staged and appended a batch at a time: each column then grows once per batch instead of
        // being checked for every event (a record's fate and place are in the ledger at once either way).
        var staged: [TicketEvent] = []
        staged.reserveCapacity(Self.batch)
        defer { log.append(contentsOf: staged) }
        try CanonicalRows.read(
            sniff, columns: Self.columns, required: Self.required, log: &log, context: &context
        ) { row, log in
            let record = log.beginRecord(file: file, line: row.line)
            switch Self.event(
                from: row, zone: zone, record: record, symbols: &log.symbols, caches: &caches,
                keepsText: log.keepsUnusedText)
            {
            case .success(let event):
                staged.append(event)
                if staged.count == Self.batch {
                    log.append(contentsOf: staged)
                    staged.removeAll(keepingCapacity: true)
                }
            case .failure(let rejection): log.reject(record: record, reason: rejection.reason)
            }
        }
    }

    /// Events appended to the log at a time.
    static let batch = 256

    struct Caches {
        var ticket = SymbolCache()
        var channel = SymbolCache(lowercase: true)
        var actor = SymbolCache()
        var value = SymbolCache()
        var via = SymbolCache()
        var other = SymbolCache()
        var interner = ByteInterner()
        /// ``EventNames/shared``, held for ``eventKind(_:names:)``.
        let names = EventNames.shared
        /// ``ListedKeys/shared``, held for ``listedIndex(_:kind:keys:)``.
        let listedKeys = ListedKeys.shared
        /// The days of the `at` column.
        var days = Timestamp.DayCache(slots: 512)
        private var words: [(text: String, symbol: Symbol)] = []
        /// The symbols of the status and priority words, by their index in ``statuses`` and ``priorities``.
        private var statusSymbols = [Symbol](repeating: .none, count: CanonicalEventsAdapter.statuses.count)
        private var prioritySymbols = [Symbol](repeating: .none, count: CanonicalEventsAdapter.priorities.count)

        /// The symbol of ``statuses``[`index`] (`status`) or ``priorities``[`index`] (`priority`), interned
        /// once per file like ``word(_:in:)``.
        @inline(__always)
        mutating func listed(_ kind: EventKind, _ index: Int, in symbols: inout SymbolTable) -> Symbol {
            if kind == .status {
                if statusSymbols[index].isNone { statusSymbols[index] = word(statuses[index], in: &symbols) }
                return statusSymbols[index]
            }
            if prioritySymbols[index].isNone { prioritySymbols[index] = word(priorities[index], in: &symbols) }
            return prioritySymbols[index]
        }

        /// The symbol of a fixed word (`solved`, `high`), interned once per file.
        mutating func word(_ text: String, in symbols: inout SymbolTable) -> Symbol {
            if let found = words.first(where: { $0.text == text }) { return found.symbol }
            let symbol = symbols.intern(text)
            words.append((text, symbol))
            return symbol
        }
    }

    private static func event(
        from row: CanonicalRow, zone: ZoneClock, record: UInt32, symbols: inout SymbolTable, caches: inout Caches,
        keepsText: Bool
    ) -> Result<TicketEvent, Rejection> {
        if let problem = row.problem { return .failure(Rejection(problem)) }
        let ticketBytes = row.field(Column.ticket)
        guard !ticketBytes.isEmpty else { return .failure(Rejection("missing ticket")) }
        let eventBytes = row.field(Column.event)
        guard !eventBytes.isEmpty else { return .failure(Rejection("missing event")) }
        guard let kind = eventKind(eventBytes, names: caches.names) else {
            return .failure(Rejection("unknown event \(FieldBytes.quoted(eventBytes))"))
        }
        // The ticket's and the actor's index slots start loading now, together, while the time is parsed.
        let ticket = whole(ticketBytes)
        let actor = whole(row.field(Column.actor))
        let ticketAhead = caches.ticket.prefetch(ticket, in: symbols)
        let actorAhead = caches.actor.prefetch(actor, in: symbols)
        let at: Instant
        switch requiredTime(row.field(Column.at), column: "at", zone: zone, days: &caches.days) {
        case .success(let instant): at = instant
        case .failure(let rejection): return .failure(rejection)
        }
        var valueBytes = row.field(Column.value)
        var value = Symbol.none
        switch kind {
        case .status, .priority:
            guard let index = listedIndex(valueBytes, kind: kind, keys: caches.listedKeys) else {
                let allowed = kind == .status ? statuses : priorities
                let what = valueBytes.isEmpty ? "missing value" : "unknown value \(FieldBytes.quoted(valueBytes))"
                return .failure(Rejection("\(what) for \(kind.name) (expected \(allowed.joined(separator: ", ")))"))
            }
            value = caches.listed(kind, index, in: &symbols)
        case .assign:
            valueBytes = whole(valueBytes)
            value = caches.value.intern(valueBytes, in: &symbols, interner: &caches.interner)
        default:
            if keepsText || EventColumns.readsValue(kind) {
                value = caches.value.intern(valueBytes, in: &symbols, interner: &caches.interner)
            } else {
                value = Symbol(raw: EventColumns.fingerprint(valueBytes))
            }
        }
        return .success(
            TicketEvent(
                ticket: caches.ticket.intern(ticket, in: &symbols, interner: &caches.interner, lookahead: ticketAhead),
                kind: kind, at: at,
                actor: caches.actor.intern(actor, in: &symbols, interner: &caches.interner, lookahead: actorAhead),
                value: value,
                via: caches.via.intern(row.field(Column.via), in: &symbols, interner: &caches.interner),
                channel: caches.channel.intern(row.field(Column.channel), in: &symbols, interner: &caches.interner),
                record: record))
    }

    /// The event kind named by `bytes`, ignoring case.
    /// By length first, then the bytes as one case-folded key against the name's (no `String` and no loop per
    /// row: this runs for every event; ``ShortBytes/init(_:foldingCase:)``). The reader passes the names it
    /// holds (``Caches/names``), so that the static's one-time initialisation is not checked per row (and
    /// inline, so that the names are read where they are held instead of copied for a call).
    @inline(__always)
    static func eventKind(_ bytes: UnsafeBufferPointer<UInt8>, names: EventNames = .shared) -> EventKind? {
        guard bytes.count >= 4, bytes.count <= 8, let key = ShortBytes(bytes, foldingCase: true) else { return nil }
        switch bytes.count {
        case 4: return key == names.note ? .note : key == names.skip ? .skip : nil
        case 5: return key == names.reply ? .reply : nil
        case 6: return key == names.assign ? .assign : key == names.status ? .status : nil
        case 7: return key == names.created ? .created : key == names.comment ? .comment : nil
        default: return key == names.priority ? .priority : nil
        }
    }

    /// The case-folded keys of the event names ``eventKind(_:)`` reads.
    struct EventNames {
        let note = key("note")
        let skip = key("skip")
        let reply = key("reply")
        let assign = key("assign")
        let status = key("status")
        let created = key("created")
        let comment = key("comment")
        let priority = key("priority")
        static let shared = EventNames()

        /// The case-folded key of a name of at most 16 bytes (these are 4 to 8; ``ListedKeys``' words 3 to 7).
        static func key(_ name: StaticString) -> ShortBytes {
            name.withUTF8Buffer { ShortBytes($0, foldingCase: true) } ?? .none
        }
    }

    /// The index of `bytes` in ``statusWords`` (`status`) or ``priorityWords`` (`priority`), ignoring case:
    /// the bytes as one case-folded key against the words' (``ListedKeys``; the words are lower-case letters,
    /// so equal folded keys mean equal letters ignoring case, as for ``eventKind(_:names:)``). This runs for
    /// every status event; the same answers as ``FieldBytes/index(ofIgnoringCase:in:)``, tested. The reader
    /// passes the keys it holds (``Caches/listedKeys``).
    @inline(__always)
    static func listedIndex(_ bytes: UnsafeBufferPointer<UInt8>, kind: EventKind, keys: ListedKeys = .shared) -> Int? {
        guard let key = ShortBytes(bytes, foldingCase: true) else { return nil }
        return kind == .status ? keys.status.firstIndex(of: key) : keys.priority.firstIndex(of: key)
    }

    /// The case-folded keys of ``statusWords`` and ``priorityWords``, in their order.
    struct ListedKeys {
        let status = statusWords.map(EventNames.key)
        let priority = priorityWords.map(EventNames.key)
        static let shared = ListedKeys()
    }

    /// `bytes` with a float-written id made whole.
    static func whole(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[0..<FieldBytes.wholeIdLength(bytes)])
    }

    /// A required time: missing, unparsable and "never" are rejections.
    static func requiredTime(_ bytes: UnsafeBufferPointer<UInt8>, column: String, zone: ZoneClock) -> Result<
        Instant, Rejection
    > {
        var days = Timestamp.DayCache()
        return requiredTime(bytes, column: column, zone: zone, days: &days)
    }

    /// ``requiredTime(_:column:zone:)`` with the column's last day kept in `days`.
    @inline(__always)
    static func requiredTime(
        _ bytes: UnsafeBufferPointer<UInt8>, column: String, zone: ZoneClock, days: inout Timestamp.DayCache
    ) -> Result<Instant, Rejection> {
        guard !bytes.isEmpty else { return .failure(Rejection("missing \(column)")) }
        switch Timestamp.parse(bytes, zone: zone, days: &days) {
        case .some(.instant(let instant)): return .success(instant)
        case .some(.never):
            return .failure(Rejection("no time in column \(column): \(FieldBytes.quoted(bytes)) means never"))
        case .none: return .failure(Rejection("bad timestamp \(FieldBytes.quoted(bytes)) in column \(column)"))
        }
    }

    /// An optional time: empty and "never" are absent (nil), unparsable is a rejection.
    static func optionalTime(_ bytes: UnsafeBufferPointer<UInt8>, column: String, zone: ZoneClock) -> Result<
        Instant?, Rejection
    > {
        guard !bytes.isEmpty else { return .success(nil) }
        switch Timestamp.parse(bytes, zone: zone) {
        case .some(.instant(let instant)): return .success(instant)
        case .some(.never): return .success(nil)
        case .none: return .failure(Rejection("bad timestamp \(FieldBytes.quoted(bytes)) in column \(column)"))
        }
    }
}

/// Why a record is rejected.
struct Rejection: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}
