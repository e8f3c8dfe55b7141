/// Writes the per-ticket CSV (`PREFIX-tickets.csv`, SPEC §5): one row per ticket in the report, in the
/// model's order (creation, then id), under the header
/// `ticket,channel,priority,created,first_reply,frt_seconds,frt_business_seconds,target,deadline,outcome,assignee,flags`
/// and, appended after SPEC's columns so that scripts reading them by position keep working,
/// `requester_wait_seconds,requester_wait_outcome,agent_work_seconds,agent_work_outcome`: the total on the
/// clock of the ticket's own target of the metric (calendar seconds when its priority has none) and its
/// outcome (`achieved`, `breached`, `pending`; empty without a target); both empty when the channel sets no
/// such target, and for tickets left out of the response times.
///
/// Instants are RFC 3339 UTC, durations whole seconds, a missing value is an empty cell, `flags` are joined
/// with `;`. Every cell goes through ``Escape/csv(_:)`` (RFC 4180 quoting and the formula-injection guard).
/// Lines end with LF (what Unix tools and every spreadsheet read; RFC 4180's CRLF is not required by any of
/// them), including the last one.
public enum CSVRenderer {
    /// The header line's columns.
    public static let columns = [
        "ticket", "channel", "priority", "created", "first_reply", "frt_seconds", "frt_business_seconds", "target",
        "deadline", "outcome", "assignee", "flags", "requester_wait_seconds", "requester_wait_outcome",
        "agent_work_seconds", "agent_work_outcome",
    ]

    /// The whole CSV document.
    public static func render(_ model: ReportModel) -> String {
        renderBytes(model).string
    }

    /// The whole CSV document as UTF-8 bytes.
    static func renderBytes(_ model: ReportModel) -> ByteSink {
        var sink = ByteSink(reserving: 128 + model.tickets.count * 160)
        write(model, to: &sink)
        return sink
    }

    /// Rows rendered per block when the rows are rendered side by side (see ``write(_:to:blockRows:)``): a
    /// block's buffer (about 130 bytes a row) stays under the size above which the allocator maps fresh
    /// pages for every buffer, so the blocks reuse the same memory.
    static let defaultBlockRows = 1 << 12

    /// Writes the document into `sink` (an in-memory buffer, or a buffered file writer: a million rows are
    /// never held at once).
    ///
    /// More rows straight from the columns than `blockRows` are rendered in blocks of that many on every
    /// core, each into a buffer of its own, and the buffers written in row order by the calling thread as
    /// they are ready (``Parallel/inOrder(_:lookahead:produce:consume:)``: no core waits while a block is
    /// written): the same bytes as one writer going down the rows, and at most two blocks per core held at
    /// once.
    static func write(_ model: ReportModel, to sink: inout ByteSink, blockRows: Int = defaultBlockRows) {
        sink.write(columns.joined(separator: ","))
        sink.write(byte: 0x0A)
        let fast: Void? = model.tickets.withColumns { columns in
            let count = columns.results.count
            guard count > blockRows, blockRows > 0 else {
                let writer = ColumnWriter(columns)
                var texts = writer.texts()
                for i in 0..<count { writer.appendRow(i, to: &sink, texts: &texts) }
                return
            }
            let blocks = (count + blockRows - 1) / blockRows
            Parallel.inOrder(
                blocks, lookahead: 2 * Parallel.cores(),
                produce: { k -> [UInt8] in
                    let start = k * blockRows
                    let writer = ColumnWriter(columns)
                    var texts = writer.texts()
                    var block = ByteSink(reserving: blockRows * 192)
                    for i in start..<min(start + blockRows, count) { writer.appendRow(i, to: &block, texts: &texts) }
                    return block.bytes
                },
                consume: { block in block.withUnsafeBufferPointer { sink.write(bytes: $0) } })
        }
        if fast == nil {
            for row in model.tickets { appendRow(row, to: &sink) }
        }
    }

    /// Writes rows straight from the measure stage's columns: symbols' stored bytes, instants and numbers
    /// digit by digit, and the cells that repeat (targets, flag sets, outcomes) escaped once; the same bytes
    /// as ``appendRow(_:to:)`` of the same ``TicketRow``.
    struct ColumnWriter {
        let c: TicketRows.Columns
        private let r: TicketResults

        /// The escaped texts that rows repeat, one after another in ``bytes``; a cell is a span of it (one
        /// array of arrays per kind of text retained and released the cell's array on every row). Kept
        /// apart from the writer and passed in: a mutating row method copied the whole writer, 2 KB with its
        /// columns, twice for every row.
        struct Texts {
            fileprivate var bytes: [UInt8] = []
            /// Per target index + 1: the target's text.
            fileprivate var targets: [Range<Int>] = []
            fileprivate var outcomes: [Range<Int>] = []
            /// Per flag combination (the 7 rule bits, then early, reply_time_unknown, vendor_metric): the
            /// joined names; made when first met.
            fileprivate var flagTexts = [Range<Int>?](repeating: nil, count: 1 << 10)
            /// Per entity of the directory: its name; made when first met.
            fileprivate var entityNames: [Range<Int>?] = []

            /// Adds `text`, escaped.
            fileprivate mutating func add(_ text: String) -> Range<Int> {
                var sink = ByteSink()
                Escape.csv(text, to: &sink)
                let start = bytes.count
                bytes.append(contentsOf: sink.bytes)
                return start..<bytes.count
            }
        }

        init(_ columns: TicketRows.Columns) {
            c = columns
            r = columns.results
        }

        /// The texts to start from: the targets and outcomes.
        func texts() -> Texts {
            var texts = Texts()
            texts.entityNames = [Range<Int>?](repeating: nil, count: c.directory.entities.count)
            texts.targets = [texts.add("")] + r.targets.map { texts.add($0.description) }
            texts.outcomes = (0...4).map { texts.add(TicketResults.outcome(UInt8($0))?.rawValue ?? "") }
            return texts
        }

        /// Writes the span `span` of `bytes`. It takes the bytes alone: a method of ``Texts`` called on the
        /// `inout` texts may copy them, and retain their arrays, for every cell.
        @inline(__always)
        private static func write(_ bytes: [UInt8], _ span: Range<Int>, to sink: inout ByteSink) {
            bytes.withUnsafeBufferPointer { sink.write(bytes: UnsafeBufferPointer(rebasing: $0[span])) }
        }

        private func symbol(_ raw: UInt32, to sink: inout ByteSink) {
            guard raw != 0 else { return }
            Escape.csv(bytes: c.symbols.bytes(Symbol(raw: raw)), to: &sink)
        }

        func appendRow(_ i: Int, to sink: inout ByteSink, texts: inout Texts) {
            let excluded = c.excluded[i]
            symbol(r.ticket[i], to: &sink)
            sink.write(byte: 0x2C)
            symbol(r.channel[i], to: &sink)
            sink.write(byte: 0x2C)
            symbol(r.priority[i], to: &sink)
            sink.write(byte: 0x2C)
            let created = r.created[i]
            writeInstant(Instant(seconds: created), to: &sink)
            sink.write(byte: 0x2C)
            let frt = r.frt[i]
            if frt != TicketResults.none { writeInstant(Instant(seconds: created + frt), to: &sink) }
            sink.write(byte: 0x2C)
            writeNumber(r.optional(frt), to: &sink)
            sink.write(byte: 0x2C)
            writeNumber(r.optional(r.frtTargetBusiness[i]), to: &sink)
            sink.write(byte: 0x2C)
            if !excluded { Self.write(texts.bytes, texts.targets[Int(r.target[i])], to: &sink) }
            sink.write(byte: 0x2C)
            if !excluded, r.deadline[i] != TicketResults.none {
                writeInstant(Instant(seconds: r.deadline[i]), to: &sink)
            }
            sink.write(byte: 0x2C)
            if !excluded { Self.write(texts.bytes, texts.outcomes[Int(min(r.outcome[i], 4))], to: &sink) }
            sink.write(byte: 0x2C)
            let assignee = Symbol(raw: r.assignee[i])
            if !assignee.isNone {
                if let entity = c.directory.entity(of: assignee), entity < texts.entityNames.count {
                    if texts.entityNames[entity] == nil {
                        texts.entityNames[entity] = texts.add(c.directory.entities[entity].name)
                    }
                    if let name = texts.entityNames[entity] { Self.write(texts.bytes, name, to: &sink) }
                } else {
                    symbol(assignee.raw, to: &sink)
                }
            }
            sink.write(byte: 0x2C)
            let t = Int(r.timeline[i])
            var bits = Int(t < c.ruleFlags.count ? c.ruleFlags[t] & 0x7F : 0)
            if r.outcome[i] == TicketResults.early { bits |= 1 << 7 }
            if r.replyTimeUnknown(i) { bits |= 1 << 8 }
            if r.fromVendorMetric(i) { bits |= 1 << 9 }
            if bits != 0 {
                if texts.flagTexts[bits] == nil {
                    var names = ChannelRules.Flag.names(ofBits: UInt8(bits & 0x7F))
                    if bits & (1 << 7) != 0 { names.append("early") }
                    if bits & (1 << 8) != 0 { names.append("reply_time_unknown") }
                    if bits & (1 << 9) != 0 { names.append("vendor_metric") }
                    texts.flagTexts[bits] = texts.add(names.joined(separator: ";"))
                }
                if let flags = texts.flagTexts[bits] { Self.write(texts.bytes, flags, to: &sink) }
            }
            sink.write(byte: 0x2C)
            if !excluded, !c.statusMetrics.isEmpty, let metrics = c.statusMetrics.metrics(ofRow: i) {
                writeNumber(metrics.requesterWait?.ticketSeconds, to: &sink)
                sink.write(byte: 0x2C)
                if let outcome = metrics.requesterWait?.result?.outcome { Escape.csv(outcome.rawValue, to: &sink) }
                sink.write(byte: 0x2C)
                writeNumber(metrics.agentWork?.ticketSeconds, to: &sink)
                sink.write(byte: 0x2C)
                if let outcome = metrics.agentWork?.result?.outcome { Escape.csv(outcome.rawValue, to: &sink) }
            } else {
                sink.write(",,," as StaticString)
            }
            sink.write(byte: 0x0A)
        }
    }

    static func appendRow(_ row: TicketRow, to sink: inout ByteSink) {
        Escape.csv(row.ticket, to: &sink)
        sink.write(byte: 0x2C)
        Escape.csv(row.channel, to: &sink)
        sink.write(byte: 0x2C)
        if let priority = row.priority { Escape.csv(priority, to: &sink) }
        sink.write(byte: 0x2C)
        writeInstant(row.created, to: &sink)
        sink.write(byte: 0x2C)
        if let firstReply = row.firstReply { writeInstant(firstReply, to: &sink) }
        sink.write(byte: 0x2C)
        // Durations are never negative (an event before creation is rejected); a negative one would be
        // guarded like any cell.
        writeNumber(row.frtSeconds, to: &sink)
        sink.write(byte: 0x2C)
        writeNumber(row.frtBusinessSeconds, to: &sink)
        sink.write(byte: 0x2C)
        if let target = row.target { Escape.csv(target, to: &sink) }
        sink.write(byte: 0x2C)
        if let deadline = row.deadline { writeInstant(deadline, to: &sink) }
        sink.write(byte: 0x2C)
        if let outcome = row.outcome { Escape.csv(outcome, to: &sink) }
        sink.write(byte: 0x2C)
        if let assignee = row.assignee { Escape.csv(assignee, to: &sink) }
        sink.write(byte: 0x2C)
        switch row.flags.count {
        case 0: break
        case 1: Escape.csv(row.flags[0], to: &sink)
        default: Escape.csv(row.flags.joined(separator: ";"), to: &sink)
        }
        sink.write(byte: 0x2C)
        writeNumber(row.requesterWaitSeconds, to: &sink)
        sink.write(byte: 0x2C)
        if let outcome = row.requesterWaitOutcome { Escape.csv(outcome, to: &sink) }
        sink.write(byte: 0x2C)
        writeNumber(row.agentWorkSeconds, to: &sink)
        sink.write(byte: 0x2C)
        if let outcome = row.agentWorkOutcome { Escape.csv(outcome, to: &sink) }
        sink.write(byte: 0x0A)
    }

    /// Years 0–9999 are written directly (digits, `-`, `T`, `:`, `Z` need no guard); anything else (a
    /// negative year starts with `-`) goes through the cell escaping.
    static func writeInstant(_ instant: Instant, to sink: inout ByteSink) {
        if (-62_167_219_200..<253_402_300_800).contains(instant.seconds) {
            sink.write(rfc3339: instant)
        } else {
            Escape.csv(instant.rfc3339, to: &sink)
        }
    }

    static func writeNumber(_ value: Int64?, to sink: inout ByteSink) {
        guard let value else { return }
        if value < 0 { sink.write(byte: 0x27) }
        sink.write(int: value)
    }
}
