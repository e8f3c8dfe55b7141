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
    if case .usage(let message) = error, message == "HELP" {
        Console.out(Usage.text + "\n")
        exit(0)
    }
    Console.err(error.description)
    if case .usage = error { Console.err("Run 'slareport --help' for usage.") }
    exit(error.exitCode)
}
