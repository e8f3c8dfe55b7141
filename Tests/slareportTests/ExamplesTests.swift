import Foundation
import Testing

@testable import slareport

/// The CI examples (`examples/gitlab-ci.yml`, `examples/github-workflow.yml`) hold slareport commands that
/// work: each is parsed by the real option table and run on `SampleData/` (as `exports/`), and every
/// `public/…` path the CI publishes is a file or folder those commands wrote.
@Suite struct ExamplesTests {
    static let files = ["examples/gitlab-ci.yml", "examples/github-workflow.yml"]

    /// The command lines whose first word is `slareport` (or a path ending in it), YAML list dashes and
    /// `run:` keys taken off.
    static func commands(in text: String) -> [String] {
        text.split(separator: "\n").compactMap { raw in
            var line = raw.trimmingCharacters(in: .whitespaces)
            for prefix in ["- ", "run: "] where line.hasPrefix(prefix) {
                line = String(line.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
            }
            guard line.hasPrefix("#") == false, let first = line.split(separator: " ").first,
                first.split(separator: "/").last == "slareport"
            else { return nil }
            return line
        }
    }

    /// Words of a shell command line: spaces split, single and double quotes group.
    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var word = ""
        var quote: Character?
        var started = false
        for c in line {
            if let q = quote {
                if c == q { quote = nil } else { word.append(c) }
            } else if c == "'" || c == "\"" {
                quote = c
                started = true
            } else if c == " " {
                if started || !word.isEmpty { words.append(word) }
                word = ""
                started = false
            } else {
                word.append(c)
            }
        }
        if started || !word.isEmpty { words.append(word) }
        return words
    }

    @Test(arguments: files)
    func commandsParseAndRunOnTheSampleData(file: String) throws {
        let text = try String(contentsOf: CLI.packageRoot.appendingPathComponent(file), encoding: .utf8)
        let commands = Self.commands(in: text)
        #expect(commands.count >= 2, "\(file): no slareport commands found")
        #expect(commands.contains { $0.contains("--fail-under") && $0.contains("junit") && $0.contains("metrics") })
        let dir = try CLI.temporaryDirectory()
        try FileManager.default.createSymbolicLink(
            at: dir.appendingPathComponent("exports"),
            withDestinationURL: CLI.packageRoot.appendingPathComponent("SampleData"))
        for command in commands {
            let arguments = Array(Self.words(command).dropFirst())
            // The real option table accepts it…
            #expect(throws: Never.self, "\(command)") { _ = try CommandLineOptions.parse(arguments) }
            // …and it runs: 0, or 1 for a failed gate (reports still written).
            let run = try CLI.run(arguments + ["--quiet"], in: dir)
            #expect(run.status == 0 || run.status == 1, "\(command): exit \(run.status)\n\(run.stderr)")
        }
        // Every path under public/ that the CI publishes exists now.
        let published = try Regex(#"public/[A-Za-z0-9._/-]*"#)
        let paths = Set(text.matches(of: published).map { String(text[$0.range]) })
        #expect(paths.contains { $0.hasSuffix("-junit.xml") } && paths.contains { $0.hasSuffix("-metrics.txt") })
        for path in paths {
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(path).path), "\(file): \(path)")
        }
    }

    /// The README links both files, and the CI commands it shows are the examples' own (so they run too).
    @Test func theREADMEShowsBothExamples() throws {
        let readme = try String(contentsOf: CLI.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        for file in Self.files { #expect(readme.contains("](\(file))")) }
        let examples = try Self.files.flatMap {
            Self.commands(in: try String(contentsOf: CLI.packageRoot.appendingPathComponent($0), encoding: .utf8))
        }
        let shown = Self.commands(in: readme).filter { $0.contains("--out public") }
        #expect(shown.count >= 2)
        for command in shown where command.contains("--format md,html,json,csv,junit,metrics") {
            #expect(examples.contains(command), "README shows a CI command the examples do not run: \(command)")
        }
    }

    /// PyYAML reads the same commands, and the CI wiring (artifacts always kept, JUnit and metrics
    /// reports, the schedule) is where GitLab and GitHub look for it.
    @Test(.enabled(if: Consumers.enabled, "no Python venv with PyYAML (.ci/run makes it)"))
    func yamlStructureAsCIReadsIt() throws {
        let paths = Self.files.map { CLI.packageRoot.appendingPathComponent($0).path }
        let result = try Consumers.check("check_ci_examples.py", paths)
        #expect(result.status == 0, "\(result.output)")
        let lines = result.output.split(separator: "\n").prefix(2)
        for (file, line) in zip(Self.files, lines) {
            let text = try String(contentsOf: CLI.packageRoot.appendingPathComponent(file), encoding: .utf8)
            let fromYAML = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String]
            #expect(fromYAML == Self.commands(in: text), "\(file)")
        }
    }
}
