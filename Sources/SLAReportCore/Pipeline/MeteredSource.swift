/// A ``ByteSource`` that counts every buffer its readers read into a ``ProgressMeter`` (once per buffer,
/// never per record): the progress of a long read, whichever stage or part reads the bytes.
struct MeteredSource: ByteSource {
    let inner: any ByteSource
    let meter: ProgressMeter

    var size: Int? { inner.size }

    func open(at offset: Int) -> Result<any ByteReader, InputReadError> {
        inner.open(at: offset).map { MeteredReader(inner: $0, meter: meter) }
    }

    /// Reads through `inner` and adds what was read to the meter.
    final class MeteredReader: ByteReader {
        let inner: any ByteReader
        let meter: ProgressMeter

        init(inner: any ByteReader, meter: ProgressMeter) {
            self.inner = inner
            self.meter = meter
        }

        func read(into buffer: UnsafeMutableRawBufferPointer) -> Result<Int, InputReadError> {
            let result = inner.read(into: buffer)
            if case .success(let n) = result, n > 0 { meter.add(bytes: n) }
            return result
        }
    }
}

extension InputSource {
    /// This input with its reads counted into `meter` (an input in memory is not read, so not counted).
    public func metered(by meter: ProgressMeter) -> InputSource {
        switch storage {
        case .memory: self
        case .external(let source): InputSource(MeteredSource(inner: source, meter: meter))
        }
    }
}
