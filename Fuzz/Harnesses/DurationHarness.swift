/// The duration parser on any text: no crash, and a duration it returns, printed, parses back to itself.
enum DurationHarness {
    static func run(_ data: UnsafeBufferPointer<UInt8>) {
        let text = String(decoding: data, as: UTF8.self)
        guard let duration = try? SLADuration.parse(text) else { return }
        let printed = duration.description
        let again = try? SLADuration.parse(printed)
        require(again == duration, "\(duration) prints as \"\(printed)\", which parses to \(String(describing: again))")
    }
}
