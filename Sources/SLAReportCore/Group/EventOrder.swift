/// The order of one ticket's events (the timeline order): `at`, then ``EventKind`` order (`created` first),
/// then the *text* of the actor, of the value and of `via`, then the channel's text, then the record — so
/// that the order never depends on the order of files or rows. Values no stage reads (a subject, a reply's
/// text: see ``EventColumns``) are ordered by their fingerprint instead of their text, the same whether the
/// log holds the fingerprint or the text.
///
/// Texts are compared byte by byte (UTF-8 order, locale-free) only when two events tie on time and kind.
struct EventOrder {
    let symbols: SymbolTable

    /// Whether event `i` goes before event `j` of `columns`.
    @inline(__always)
    func precedes(_ c: borrowing EventColumns, _ i: Int, _ j: Int) -> Bool {
        let (a, b) = (c.at[i], c.at[j])
        if a != b { return a < b }
        let (ka, kb) = (c.kind[i], c.kind[j])
        if ka != kb { return ka < kb }
        return tieBreak(c, i, j, kind: ka) < 0
    }

    /// Three-way comparison of two events of the same time and kind.
    func tieBreak(_ c: borrowing EventColumns, _ i: Int, _ j: Int, kind: UInt8) -> Int {
        if c.actor[i] != c.actor[j] { return text(c.actor[i], c.actor[j]) }
        let (va, vb) = (c.value[i], c.value[j])
        if va != vb {
            let readsValue = EventKind(rawValue: kind).map(EventColumns.readsValue) ?? true
            if readsValue && va & EventColumns.fingerprintBit == 0 && vb & EventColumns.fingerprintBit == 0 {
                return text(va, vb)
            }
            let (fa, fb) = (fingerprint(va), fingerprint(vb))
            if fa != fb { return fa < fb ? -1 : 1 }
        }
        if c.via[i] != c.via[j] { return text(c.via[i], c.via[j]) }
        if c.channel[i] != c.channel[j] { return text(c.channel[i], c.channel[j]) }
        let (ra, rb) = (c.record[i], c.record[j])
        return ra == rb ? 0 : (ra < rb ? -1 : 1)
    }

    /// The fingerprint of a value (stored, or made from its text).
    @inline(__always)
    private func fingerprint(_ v: UInt32) -> UInt32 {
        if v == 0 || v & EventColumns.fingerprintBit != 0 { return v }
        return EventColumns.fingerprint(symbols.bytes(Symbol(raw: v)))
    }

    @inline(__always)
    private func text(_ a: UInt32, _ b: UInt32) -> Int {
        SymbolTable.compare(symbols.bytes(Symbol(raw: a)), symbols.bytes(Symbol(raw: b)))
    }

    /// Whether events `i` and `j` are one event (SPEC §2.1: the same ticket, event, time, actor, value and
    /// via; the channel is not compared).
    @inline(__always)
    static func same(_ c: borrowing EventColumns, _ i: Int, _ j: Int) -> Bool {
        c.at[i] == c.at[j] && c.kind[i] == c.kind[j] && c.actor[i] == c.actor[j] && c.value[i] == c.value[j]
            && c.via[i] == c.via[j]
    }
}
