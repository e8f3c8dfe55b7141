/// Did-you-mean hints: the candidate closest to a mistyped word, offered only when it is similar enough to be
/// a typo of it (`--sinse` → `--since`, `twiter` → `twitter`, `jsno` → `json`; never `pdf` → `md`).
enum Suggestion {
    /// The smallest similarity a hint needs: `1 − distance / length of the longer word`, dashes left out.
    /// `pdf`/`md` is 0.33, `htm`/`html` 0.75, `sinse`/`since` 0.8.
    static let threshold = 0.6

    /// ` (did you mean 'x'?)`, or the empty string when nothing is close enough.
    static func hint(_ word: String, among candidates: [String]) -> String {
        best(for: word, among: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// The most similar candidate at or above ``threshold``; ties go to the first in alphabetical order.
    static func best(for word: String, among candidates: [String]) -> String? {
        var chosen: (candidate: String, score: Double)?
        for candidate in candidates {
            let score = similarity(word, candidate)
            guard score >= threshold, score < 1 || word != candidate else { continue }
            if let current = chosen,
                score < current.score
                    || (score == current.score
                        && !candidate.utf8.lexicographicallyPrecedes(
                            current.candidate.utf8))
            {
                continue
            }
            chosen = (candidate, score)
        }
        return chosen?.candidate
    }

    /// `1 − distance / max(length)` of the two words lower-cased, leading dashes left out (so that `-x` is
    /// not "similar" to `-h` for sharing a dash); 0 when either is empty.
    static func similarity(_ a: String, _ b: String) -> Double {
        let x = Array(a.lowercased().drop { $0 == "-" }.utf8)
        let y = Array(b.lowercased().drop { $0 == "-" }.utf8)
        let longer = max(x.count, y.count)
        guard !x.isEmpty, !y.isEmpty else { return 0 }
        return 1 - Double(distance(x, y)) / Double(longer)
    }

    /// Optimal-string-alignment distance: insertions, deletions, substitutions and transpositions of two
    /// neighbours (`jsno` → `json` is 1) each cost 1.
    static func distance(_ x: [UInt8], _ y: [UInt8]) -> Int {
        guard !x.isEmpty else { return y.count }
        guard !y.isEmpty else { return x.count }
        var before = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { d = min(d, before[j - 2] + 1) }
                current[j] = d
            }
            (before, previous, current) = (previous, current, before)
        }
        return previous[y.count]
    }
}
