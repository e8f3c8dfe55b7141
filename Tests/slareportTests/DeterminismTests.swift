import Foundation
import Testing

/// Same inputs, same bytes out: whatever the order of rows and files, the time zone or the locale.
@Suite struct DeterminismTests {
    func reports(_ dir: URL, _ inputs: [String], env: [String: String] = [:]) throws -> [String: Data] {
        let out = dir.appendingPathComponent("out-\(UUID().uuidString)")
        let run = try CLI.run(["report"] + inputs + ["--out", out.path, "--quiet"], environment: env, in: dir)
        #expect(run.status == 0 || run.status == 1)
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: out.path) {
            files[name] = try Data(contentsOf: out.appendingPathComponent(name))
        }
        return files
    }

    @Test func shuffledRowsReversedFilesAndOtherZonesGiveIdenticalBytes() throws {
        let dir = try CLI.temporaryDirectory()
        var rows: [String] = []
        for i in 0..<200 {
            let day = 14 + i % 14
            let hour = String(format: "%02d", i % 24)
            let channel = ["email", "twitter", "forum", "facebook", "hackerone"][i % 5]
            rows.append("T\(i),\(channel),created,2016-11-\(day)T\(hour):00:00Z,user\(i % 9),Subject \(i),")
            if i % 7 != 0 {
                rows.append("T\(i),,reply,2016-11-\(day + (i % 3))T\(hour):4\(i % 10):00Z,agent\(i % 6),,zendesk")
            }
            if i % 4 == 0 {
                rows.append("T\(i),,assign,2016-11-\(day)T\(hour):10:00Z,agent\(i % 6),agent\((i + 1) % 6),")
            }
            if i % 5 == 0 { rows.append("T\(i),,status,2016-11-28T10:00:00Z,agent1,solved,") }
        }
        let half = rows.count / 2
        try CLI.write(
            ([Fixtures.header] + rows[..<half]).joined(separator: "\n"), to: dir.appendingPathComponent("a.csv"))
        try CLI.write(
            ([Fixtures.header] + rows[half...]).joined(separator: "\n"), to: dir.appendingPathComponent("b.csv"))
        var generator = SeededRandom(2016)
        let shuffled = rows.shuffled(using: &generator)
        try CLI.write(
            ([Fixtures.header] + shuffled[..<half]).joined(separator: "\r\n"), to: dir.appendingPathComponent("c.csv"))
        try CLI.write(
            ([Fixtures.header] + shuffled[half...]).joined(separator: "\n"), to: dir.appendingPathComponent("d.csv"))

        let reference = try reports(dir, ["a.csv", "b.csv"])
        #expect(reference.count == 4)
        let reversed = try reports(dir, ["b.csv", "a.csv"])
        let other = try reports(
            dir, ["d.csv", "c.csv"], env: ["TZ": "America/New_York", "LANG": "de_DE.UTF-8", "LC_ALL": "de_DE.UTF-8"])
        for (name, bytes) in reference {
            #expect(reversed[name] == bytes, "\(name) differs when the file order is reversed (\(generator.note))")
            // Paths differ between the two runs (c/d vs a/b): compare everything but the per-file lines.
            let strip = { (data: Data?) -> String in
                String(decoding: data ?? Data(), as: UTF8.self).split(separator: "\n")
                    .filter { !$0.contains(".csv") }.joined(separator: "\n")
            }
            #expect(
                strip(other[name]) == strip(bytes),
                "\(name) differs with shuffled rows, CRLF, TZ and locale (\(generator.note))")
        }
    }
}
