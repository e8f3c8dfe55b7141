/// A Fenwick (binary indexed) tree of 0/1 marks over ticket ranks: which ranks are currently in a set.
///
/// `count(in:)` and `add` are O(log n); ``element(number:)`` finds the k-th marked rank in O(log n) by
/// binary lifting, so the oldest members of a rank range come out in order without scanning it.
struct PassedOverIndex: Sendable {
    private var tree: [Int32]
    private let highBit: Int

    init(size: Int) {
        tree = Array(repeating: 0, count: size + 1)
        var bit = 1
        while bit * 2 <= size { bit *= 2 }
        highBit = size == 0 ? 0 : bit
    }

    var size: Int { tree.count - 1 }

    /// Adds `delta` at `rank` (0-based).
    mutating func add(_ rank: Int, _ delta: Int32) {
        var i = rank + 1
        while i < tree.count {
            tree[i] &+= delta
            i += i & -i
        }
    }

    /// How many marks lie in ranks `0 ..< end`.
    func prefix(_ end: Int) -> Int {
        var i = min(end, size)
        var sum = 0
        while i > 0 {
            sum += Int(tree[i])
            i -= i & -i
        }
        return sum
    }

    /// How many marks lie in `range`.
    func count(in range: Range<Int>) -> Int { prefix(range.upperBound) - prefix(range.lowerBound) }

    /// The rank of the `k`-th mark (1-based `k`), or `nil` when fewer than `k` marks exist.
    func element(number k: Int) -> Int? {
        guard k >= 1 else { return nil }
        var position = 0
        var remaining = k
        var step = highBit
        while step > 0 {
            let next = position + step
            if next < tree.count, Int(tree[next]) < remaining {
                position = next
                remaining -= Int(tree[next])
            }
            step /= 2
        }
        return position < size ? position : nil
    }
}
