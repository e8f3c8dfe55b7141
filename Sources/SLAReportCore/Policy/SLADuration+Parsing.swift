extension SLADuration {
    /// Why a text is not a duration; ``description`` is the whole message, e.g.
    /// `"1 bussiness day" is not a duration (did you mean "business"?)`.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        /// The text as given.
        public var text: String
        /// What is wrong, or the suggestion: `did you mean "business"?`.
        public var hint: String

        public var description: String { "\(PolicyJSON.quoted(text)) is not a duration (\(hint))" }
    }

    /// The largest amount accepted (a million units), far beyond any SLA and safe from overflow.
    public static let maximumAmount = 1_000_000

    /// Parses `N minutes|hours|days` (calendar time) or `N business minutes|hours|days`.
    ///
    /// Singular forms (`1 hour`), any letter case and extra spaces or tabs are accepted; `N` is a whole
    /// number from 0 to ``maximumAmount``. A misspelt unit word gets a suggestion found by edit distance
    /// (`"1 bussiness day"` → did you mean "business"?), as do common abbreviations (`mins`, `hrs`).
    public static func parse(_ text: String) throws(ParseError) -> SLADuration {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
            .map { $0.lowercased() }
        func fail(_ hint: String) -> ParseError { ParseError(text: text, hint: hint) }
        let expected = "expected \"N minutes|hours|days\" or \"N business minutes|hours|days\""
        guard let first = words.first else { throw fail(expected) }
        guard let amount = wholeNumber(first) else {
            if first.first == "-" { throw fail("the amount must not be negative") }
            throw fail("expected a whole number first, e.g. \"1 business day\"")
        }
        guard amount <= maximumAmount else { throw fail("the amount must be at most \(maximumAmount)") }
        var rest = words.dropFirst()
        var business = false
        if let word = rest.first, rest.count == 2 {
            guard word == "business" else {
                throw fail(suggestion(for: word, among: ["business"]) ?? expected)
            }
            business = true
            rest = rest.dropFirst()
        }
        guard rest.count == 1, let unitWord = rest.first else {
            if rest.isEmpty {
                throw fail("expected a unit after the number: minutes, hours or days")
            }
            throw fail(expected)
        }
        let unit: Unit
        switch unitWord {
        case "minute", "minutes": unit = business ? .businessMinutes : .minutes
        case "hour", "hours": unit = business ? .businessHours : .hours
        case "day", "days": unit = business ? .businessDays : .days
        case "business": throw fail("expected a unit after \"business\": minutes, hours or days")
        default:
            let units = ["minutes", "hours", "days", "minute", "hour", "day", "business"]
            throw fail(suggestion(for: unitWord, among: units) ?? expected)
        }
        return SLADuration(amount: amount, unit: unit)
    }

    /// Parses like ``parse(_:)``; nil when `text` is not a duration.
    public init?(_ text: String) {
        guard let parsed = try? SLADuration.parse(text) else { return nil }
        self = parsed
    }

    private static func wholeNumber(_ word: String) -> Int? {
        guard !word.isEmpty, word.utf8.count <= 9, word.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            return nil
        }
        return Int(word)
    }

    private static let abbreviations: [String: String] = [
        "m": "minutes", "min": "minutes", "mins": "minutes", "h": "hours", "hr": "hours", "hrs": "hours",
        "d": "days", "biz": "business", "bus": "business", "bd": "business days", "bh": "business hours",
    ]

    private static func suggestion(for word: String, among candidates: [String]) -> String? {
        if let expansion = abbreviations[word] { return "did you mean \(PolicyJSON.quoted(expansion))?" }
        guard let best = EditDistance.closest(to: word, among: candidates) else { return nil }
        return "did you mean \(PolicyJSON.quoted(best))?"
    }
}

/// Optimal-string-alignment edit distance (insertions, deletions, substitutions, adjacent swaps), used for
/// "did you mean" suggestions.
enum EditDistance {
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars)
        let y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous2 = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[y.count]
    }

    /// The candidate nearest to `word` (ties: the earlier candidate) when it is close enough to be a typo:
    /// at most 1 edit for words of 3–4 letters, 2 up to 8, 3 beyond, none for shorter words; failing that, the
    /// first candidate that `word` (3 letters or more) begins. Case, `_` and `-` are ignored first, so
    /// `firstReply` and `first` suggest `first_reply`.
    static func closest(to word: String, among candidates: [String]) -> String? {
        func fold(_ s: String) -> String { s.lowercased().filter { $0 != "_" && $0 != "-" } }
        let folded = fold(word)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let d = distance(folded, fold(candidate))
            if d < (best?.distance ?? Int.max) { best = (candidate, d) }
        }
        let allowed = folded.count <= 2 ? 0 : folded.count <= 4 ? 1 : folded.count <= 8 ? 2 : 3
        if let best, best.distance <= allowed { return best.candidate }
        guard folded.count >= 3 else { return nil }
        return candidates.first { fold($0).hasPrefix(folded) }
    }
}
