import Foundation
import SLAReportCore

#if canImport(Glibc)
    import Glibc
#endif

/// The thin CLI: arguments → options, disk → `InputFile`s, library → reports, exit code.
signal(SIGPIPE, SIG_IGN)
// A file-size limit (`ulimit -f`) makes writes fail with EFBIG, reported as exit 73, instead of killing the run.
signal(SIGXFSZ, SIG_IGN)
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
