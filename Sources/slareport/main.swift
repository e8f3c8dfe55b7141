import CMemoryTuning
import Foundation
import SLAReportCore

#if canImport(Glibc)
    import Glibc
#endif

/// The thin CLI: arguments → options, disk → `InputFile`s, library → reports, exit code.
signal(SIGPIPE, SIG_IGN)
// A file-size limit (`ulimit -f`) makes writes fail with EFBIG, reported as exit 73, instead of killing the run.
signal(SIGXFSZ, SIG_IGN)
// Every buffer of 1 MiB or more is its own mapping, given back to the system when it is freed. glibc's
// default moves that threshold up (to 32 MiB) after the first large free, after which the big columns are
// carved from the heap and their pages stay resident when freed: the run's peak memory then holds stages
// that are long over. Measured on the 1M-ticket benchmark: 422 → 372 MB for the report, 258 → 238 MB for
// `check` (README, Benchmark).
_ = slareport_map_large_allocations(1 << 20)
// Freed heap memory (the buffers under 1 MiB: the CSV's blocks, per-ticket scratch) stays resident up to
// 64 MiB instead of being trimmed and faulted in again on the next allocation. Measured on the 1M-ticket
// report: the per-ticket CSV 0.82× the time, the whole run 0.90× the CPU, the peak +4-8 MiB (README).
_ = slareport_keep_freed_heap(64 << 20)
let arguments = Array(CommandLine.arguments.dropFirst())

do {
    let command = try CommandLineOptions.parse(arguments)
    exit(try Runner.run(command))
} catch let error {
    Console.err(error.description)
    // One usage hint, naming the subcommand the arguments went to.
    if case .usage = error { Console.err(CommandLineOptions.invocation(arguments).usageHint) }
    exit(error.exitCode)
}
