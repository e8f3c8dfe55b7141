/// A value with an empty state, left behind when the value is moved out of a variable (``moveOut(_:)``).
protocol EmptyConstructible { init() }

extension Array: EmptyConstructible {}
extension SymbolTable: EmptyConstructible {}
extension SymbolCodeColumn: EmptyConstructible {}
extension EventColumns: EmptyConstructible {}
extension RecordLedger: EmptyConstructible {}

/// The value of `variable`, leaving an empty one in its place. The value returned is then the only owner of
/// its storage, so that changing it copies nothing — the way to hand a log's columns to a piece of parallel
/// work through a `Mutex` and take them back (``EventLog/absorb(_:sameFile:lineShift:parallelFrom:)``).
func moveOut<T: EmptyConstructible>(_ variable: inout T) -> T {
    var out = T()
    swap(&out, &variable)
    return out
}
