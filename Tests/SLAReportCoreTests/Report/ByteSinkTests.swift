import Testing

@testable import SLAReportCore

/// The buffered writer gives the same bytes as the in-memory sink, whatever its buffer size, and keeps the
/// first failure of its drain.
@Suite struct ByteSinkTests {
    /// Collects what a drain is given (a stand-in for a file).
    final class Collected: @unchecked Sendable {
        // `@unchecked Sendable`: used by one test on one thread only.
        var bytes: [UInt8] = []
        var calls = 0
    }

    @Test(arguments: [256, 1000, 1 << 16])
    func bufferedWriterWritesTheSameDocuments(bufferSize: Int) {
        let model = ReportSamples.sample
        for (whole, write) in [
            (JSONRenderer.renderBytes(model).bytes, JSONRenderer.write as (ReportModel, inout ByteSink) -> Void),
            (CSVRenderer.renderBytes(model).bytes, { CSVRenderer.write($0, to: &$1) }),
        ] {
            let collected = Collected()
            var sink = ByteSink(bufferSize: bufferSize) { chunk in
                collected.bytes.append(contentsOf: chunk)
                collected.calls += 1
                return nil
            }
            write(model, &sink)
            sink.finish()
            #expect(sink.failure == nil)
            #expect(collected.bytes == whole)
            #expect(sink.total == whole.count)
            #expect(collected.calls >= whole.count / bufferSize)
        }
    }

    /// `Renderer.write` (what a report set streams into its temporary files) gives every format's bytes as
    /// `Renderer.render` does, and passes a drain's failure on.
    @Test func rendererWriteStreamsEveryFormatAsRendered() {
        let model = ReportSamples.sample
        for format in ReportFormat.allCases {
            let whole = Renderer.render(model, formats: [format], namePrefix: "r")[0].contents
            let collected = Collected()
            let failure = Renderer.write(model, format: format) { chunk in
                collected.bytes.append(contentsOf: chunk)
                collected.calls += 1
                return nil
            }
            #expect(failure == nil)
            #expect(collected.bytes == whole, "\(format)")
            let failed = Renderer.write(model, format: format) { _ in "No space left on device" }
            #expect(failed == "No space left on device", "\(format)")
        }
    }

    @Test func theFirstFailureIsKeptAndLaterBytesDropped() {
        let collected = Collected()
        var sink = ByteSink(bufferSize: 256) { chunk in
            collected.calls += 1
            if collected.calls >= 2 { return collected.calls == 2 ? "No space left on device" : "later" }
            collected.bytes.append(contentsOf: chunk)
            return nil
        }
        for i in 0..<1000 { sink.write(int: i) }
        sink.finish()
        #expect(sink.failure == "No space left on device")
        #expect(collected.bytes.count == 256)
    }

    @Test func integersAndInstants() {
        var sink = ByteSink()
        sink.write(int: 0)
        sink.write(byte: 0x20)
        sink.write(int: -9_223_372_036_854_775_807)
        sink.write(byte: 0x20)
        sink.write(int: UInt64.max)
        sink.write(byte: 0x20)
        sink.write(rfc3339: Instant(seconds: 1_479_719_643))
        #expect(sink.string == "0 -9223372036854775807 18446744073709551615 2016-11-21T09:14:03Z")
    }
}
