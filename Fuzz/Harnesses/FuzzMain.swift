import Foundation

// libFuzzer entry points for slareport, compiled with the library's sources into one binary
// (`Fuzz/build.sh`). `FUZZ_TARGET` names the harness: ingest, csv, json, timestamp, policy, duration.
// Every harness asserts invariants with `require`, which traps: libFuzzer reports it as a crash and keeps
// the input.

/// The harness chosen once, before the first input (per-run setup stays out of the loop).
nonisolated(unsafe) var fuzzTarget: (UnsafeBufferPointer<UInt8>) -> Void = { _ in }

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>
) -> Int32 {
    let name = ProcessInfo.processInfo.environment["FUZZ_TARGET"] ?? ""
    switch name {
    case "ingest": fuzzTarget = IngestHarness.run
    case "csv": fuzzTarget = CSVHarness.run
    case "json": fuzzTarget = JSONHarness.run
    case "timestamp": fuzzTarget = TimestampHarness.run
    case "policy": fuzzTarget = PolicyHarness.run
    case "duration": fuzzTarget = DurationHarness.run
    default:
        FileHandle.standardError.write(
            Data("FUZZ_TARGET must be one of ingest, csv, json, timestamp, policy, duration\n".utf8))
        exit(2)
    }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    fuzzTarget(UnsafeBufferPointer(start: data, count: count))
    return 0
}

/// Traps with `message` when `condition` is false: an invariant broken is a finding.
@inline(__always)
func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("invariant broken: \(message())") }
}

/// The 1-based line of every byte offset of some bytes (CRLF, LF and a lone CR are one line break each),
/// counted once so that checking every position stays linear.
struct LineTable {
    private var lines: [Int32]

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        lines = [Int32](repeating: 1, count: bytes.count + 1)
        var line: Int32 = 1
        for i in 0..<bytes.count {
            lines[i] = line
            let b = bytes[i]
            if b == 0x0D || (b == 0x0A && !(i > 0 && bytes[i - 1] == 0x0D)) { line += 1 }
        }
        lines[bytes.count] = line
    }

    /// The line of byte `offset` (the byte after a CR of a CRLF is on the next line, as the readers count).
    func line(_ offset: Int) -> Int { Int(lines[min(max(offset, 0), lines.count - 1)]) }
}

/// Bytes served in chunks of `chunk` bytes (a file read in pieces, a pipe).
struct FuzzChunks: ByteSource {
    let bytes: [UInt8]
    let chunk: Int
    var size: Int? { bytes.count }

    func open(at offset: Int) -> Result<any ByteReader, InputReadError> {
        .success(Reader(bytes: bytes, offset: offset, chunk: chunk))
    }

    final class Reader: ByteReader {
        let bytes: [UInt8]
        var offset: Int
        let chunk: Int

        init(bytes: [UInt8], offset: Int, chunk: Int) {
            self.bytes = bytes
            self.offset = offset
            self.chunk = max(chunk, 1)
        }

        func read(into buffer: UnsafeMutableRawBufferPointer) -> Result<Int, InputReadError> {
            let n = min(buffer.count, bytes.count - offset, chunk)
            guard n > 0 else { return .success(0) }
            bytes.withUnsafeBytes { raw in
                if let from = raw.baseAddress { buffer.baseAddress?.copyMemory(from: from + offset, byteCount: n) }
            }
            offset += n
            return .success(n)
        }
    }
}
