import Foundation
import Testing

/// `--progress` shows the bytes read of the total on stderr for the report and for `check`; without it (and
/// stderr not a terminal, as here) nothing of the kind is written, and the outputs are the same either way.
@Suite struct ProgressCLITests {
    /// A canonical-events file of a few hundred kilobytes (enough for several reads of the 1 MiB window to be
    /// counted as a whole).
    func input() throws -> (directory: URL, path: String, bytes: Int) {
        let directory = try CLI.temporaryDirectory()
        var text = "ticket,channel,event,at,actor\n"
        for i in 0..<6_000 {
            text += "T\(i),email,created,2016-11-14T09:00:00Z,c\(i)\n"
            text += "T\(i),email,reply,2016-11-14T10:\(String(i % 50 + 10)):00Z,agent\n"
        }
        let url = directory.appendingPathComponent("events.csv")
        try Data(text.utf8).write(to: url)
        return (directory, url.path, text.utf8.count)
    }

    @Test func progressIsShownForTheReportAndCheckWhenAskedFor() throws {
        let (_, path, bytes) = try input()
        let total = "\((bytes + 50_000) / 100_000 / 10).\((bytes + 50_000) / 100_000 % 10) MB"
        for command in [["report", "--since", "2016-11-01", "--until", "2016-12-01"], ["check"]] {
            let with = try CLI.run(command + ["--progress", path])
            let without = try CLI.run(command + [path])
            #expect(with.status == 0 && without.status == 0, "\(with.stderr)")
            #expect(with.stderr.contains("slareport: reading \(total) of \(total) (100%)"), "\(with.stderr)")
            #expect(with.stderr.contains("\r"), "the line rewrites itself")
            #expect(!without.stderr.contains("slareport: reading"), "\(without.stderr)")
            #expect(with.stdout == without.stdout, "progress changes nothing but stderr")
        }
    }

    /// Standard input has no size before it is read: the line says how much was read and how fast, never a
    /// percentage of a total it does not know.
    @Test func aStreamShowsBytesReadWithoutAPercentage() throws {
        let (_, path, bytes) = try input()
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let read = "\((bytes + 50_000) / 100_000 / 10).\((bytes + 50_000) / 100_000 % 10) MB"
        let run = try CLI.run(["check", "--progress", "-"], stdin: data)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("size not known"), "\(run.stderr)")
        #expect(run.stderr.contains("slareport: reading \(read)"), "\(run.stderr)")
        #expect(!run.stderr.contains("%)"), "\(run.stderr)")
    }
}
