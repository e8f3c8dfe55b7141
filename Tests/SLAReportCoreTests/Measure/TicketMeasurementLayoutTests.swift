import Testing

@testable import SLAReportCore

/// A million measurements are alive at once on a large export: their size is part of the memory budget.
@Suite struct TicketMeasurementLayoutTests {
    @Test func measurementHasNoWastedPadding() {
        // 8 (created) + 6 × 16 (optional 8-byte values, each with a 4- or 1-byte member in its padding)
        // + 16 (optional target) + 8 (next replies) + 8 (reopens) = 136.
        #expect(MemoryLayout<TicketMeasurement>.stride <= 136)
    }
}
