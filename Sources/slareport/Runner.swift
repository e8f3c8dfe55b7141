import Foundation
import SLAReportCore

/// Carries out a parsed command.
enum Runner {
    static func run(_ command: Command) throws(SLAReportError) -> Int32 {
        switch command {
        case .help(let text):
            Console.out(text)
            return 0
        case .version:
            Console.out("slareport \(SLAReportVersion.current)\n")
            return 0
        case .policy(let options):
            if let policies = options.fromZendesk.first {
                return try ZendeskImportCommand.run(
                    policies: policies, schedules: options.fromZendesk.dropFirst().first)
            }
            let policy = try loadPolicy(options.path)
            Console.out(policy.jsonText())
            return 0
        case .generate(let options):
            return try generate(options)
        case .report(let options, let checkOnly):
            return try report(options, checkOnly: checkOnly)
        case .explain(let options):
            return try ExplainCommand.run(options)
        }
    }

    /// `slareport check`: ingest, join and the ledger only (``Pipeline/check(_:request:)``), then the same
    /// checks and messages as the report before it renders, and the data-quality summary.
    static func check(
        _ joined: inout JoinedInput, request: ReportRequest, options: ReportOptions, policy: Policy
    ) throws(SLAReportError) -> Int32 {
        let result = try Pipeline.check(&joined, request: request)
        try checkSelectedChannels(request, policy: policy, dataChannels: result.dataChannels)
        try reportQuality(result.dataQuality, nothingUsable: result.nothingUsable, options: options)
        if !options.quiet {
            for warning in result.warnings { Console.err("slareport: warning: \(warning.message)") }
        }
        Console.out(CheckSummary.text(result.dataQuality))
        return 0
    }

    /// `--channel` names a channel of the policy or the data (usage error otherwise, with a hint).
    static func checkSelectedChannels(
        _ request: ReportRequest, policy: Policy, dataChannels: [String]
    ) throws(SLAReportError) {
        guard let selected = request.channels else { return }
        let known = Aggregator.channelOrder(policy: policy, dataChannels: Set(dataChannels), selected: nil)
        let present = Set(known)
        for name in selected where !present.contains(name) {
            throw .usage(
                "--channel: no channel '\(name)' in the policy or the data" + Suggestion.hint(name, among: known))
        }
    }

    /// The rejected records on stderr (the first 20, 50 with `--strict`), and the data errors: `--strict` with
    /// a rejected record, no usable record at all (exit 65).
    static func reportQuality(
        _ quality: DataQuality, nothingUsable: Bool, options: ReportOptions
    ) throws(SLAReportError) {
        if !options.quiet || options.strict {
            let shown = quality.rejected.prefix(options.strict ? 50 : 20)
            for r in shown { Console.err("\(r.path):\(r.line): warning: \(r.reason)") }
            if quality.totals.rejected > shown.count {
                Console.err(
                    "slareport: warning: \(quality.totals.rejected - shown.count) more rejected records "
                        + "(listed in the report's data-quality section)")
            }
        }
        if options.strict, quality.totals.rejected > 0 {
            throw .data("--strict: \(quality.totals.rejected) rejected record(s)")
        }
        if nothingUsable {
            throw .data(
                "no usable record in the inputs (\(quality.totals.read) read, \(quality.totals.rejected) rejected)")
        }
    }

    static func loadPolicy(_ path: String?) throws(SLAReportError) -> Policy {
        guard let path else { return Policy.builtIn }
        return try Policy.decode(try FileSystem.readWhole(path), source: path)
    }

    static func report(_ options: ReportOptions, checkOnly: Bool) throws(SLAReportError) -> Int32 {
        let policy = try loadPolicy(options.policyPath)
        let request = try self.request(options, policy: policy)
        var joined = try readInputs(options, policy: policy)
        if checkOnly { return try check(&joined, request: request, options: options, policy: policy) }
        let result = try Pipeline.run(&joined, request: request)
        try checkSelectedChannels(request, policy: policy, dataChannels: result.dataChannels)
        try reportQuality(result.model.dataQuality, nothingUsable: result.nothingUsable, options: options)
        if !options.quiet {
            // A gate that judged nothing is said once, by the gate's own message below.
            for warning in result.model.warnings where warning.kind != .nothingJudged {
                Console.err("slareport: warning: \(warning.message)")
            }
        }

        if let outDir = options.outDir {
            try writeReportSet(result.model, to: outDir, options: options)
        } else {
            // Streamed to stdout a buffer at a time, like the files of a report set.
            let format = options.formats.first ?? .md
            _ = Renderer.write(result.model, format: format) { buffer in
                Console.outBytes(UnsafeRawBufferPointer(buffer))
                return nil
            }
        }
        if result.gateFailed {
            if !options.quiet {
                // A gated window that judged nothing says so (naming the newest ticket); else the failing channels.
                Console.err(
                    result.gate.nothingJudged
                        ? "slareport: SLA gate failed: \(result.gate.message ?? "")" : gateMessage(result.model))
            }
            return 1
        }
        return 0
    }

    /// The report request of `options`: the window bounds read in the policy's time zones, the channels, the
    /// gate and `--as-of`.
    static func request(_ options: ReportOptions, policy: Policy) throws(SLAReportError) -> ReportRequest {
        let zone = ZoneClock(identifier: policy.timezone) ?? .utc
        let inputZone = ZoneClock(identifier: policy.inputTimezone) ?? .utc
        var request = ReportRequest(policy: policy)
        request.channels = options.channels.isEmpty ? nil : options.channels
        request.failUnder = options.failUnder
        func bound(_ when: When?, _ option: String) throws(SLAReportError) -> ReportRequest.Bound? {
            guard let when else { return nil }
            switch when {
            case .now: return .instant(Instant(seconds: Int64(Date().timeIntervalSince1970)))
            case .back(let seconds): return .beforeAsOf(seconds: seconds)
            case .date(let y, let m, let d): return .instant(zone.startOfDay(year: y, month: m, day: d))
            case .instant(let text):
                guard case .instant(let instant)? = Timestamp.parse(text, zone: inputZone) else {
                    throw .usage("\(option): '\(text)' is not a valid date-time")
                }
                return .instant(instant)
            }
        }
        request.since = try bound(options.since, "--since")
        request.until = try bound(options.until, "--until")
        if let week = options.week {
            let monday = ISOWeek.mondayOfWeekOne(week.year) + (week.week - 1) * 7
            let start = CivilDateTime.civil(fromDays: monday)
            let end = CivilDateTime.civil(fromDays: monday + 7)
            request.since = .instant(zone.startOfDay(year: start.year, month: start.month, day: start.day))
            request.until = .instant(zone.startOfDay(year: end.year, month: end.month, day: end.day))
        }
        if let month = options.month {
            let next = month.month == 12 ? (month.year + 1, 1) : (month.year, month.month + 1)
            request.since = .instant(zone.startOfDay(year: month.year, month: month.month, day: 1))
            request.until = .instant(zone.startOfDay(year: next.0, month: next.1, day: 1))
        }
        if let asOf = options.asOf {
            guard case .instant(let instant)? = try bound(asOf, "--as-of") else {
                throw .usage("--as-of takes a date, an RFC 3339 date-time or 'now', not a span")
            }
            request.asOf = instant
        }
        return request
    }

    /// Reads and joins the inputs of `options` (SPEC §2): their diagnostics on stderr unless `--quiet`, files
    /// that cannot be read reported by ``reportUnreadable(_:inputCount:options:)``.
    static func readInputs(
        _ options: ReportOptions, policy: Policy, keepsRoutingFacts: Bool = false, keepsUnusedText: Bool = false
    ) throws(SLAReportError) -> JoinedInput {
        let inputZone = ZoneClock(identifier: policy.inputTimezone) ?? .utc
        // Standard input can be read once: a second `-` would read nothing (or race the first).
        if options.inputs.filter({ $0 == "-" }).count > 1 {
            throw .usage("standard input ('-') can be named only once")
        }
        let expansion = try FileSystem.expand(options.inputs)
        let paths = expansion.paths
        guard !paths.isEmpty else {
            for skipped in expansion.skipped { Console.err("\(skipped.path): warning: \(skipped.reason)") }
            throw .data("no input files found in \(options.inputs.joined(separator: ", "))")
        }
        var files: [InputFile] = []
        var totalBytes = 0
        var sizesKnown = true
        for path in paths {
            let source = try FileSystem.source(for: path)
            totalBytes += source.size ?? 0
            sizesKnown = sizesKnown && source.size != nil
            files.append(InputFile(path: path, source: source))
        }
        let progress = options.progress ?? (isatty(2) != 0 && totalBytes > 50_000_000)
        // Bytes read of the total, the rate and the time left, at most ten times a second (``ProgressMeter``).
        var meter: ProgressMeter?
        if progress {
            Console.err(
                "slareport: reading \(files.count) file(s)"
                    + (sizesKnown ? ", \(totalBytes / 1_000_000) MB" : " (a stream among them: size not known)"))
            let shown = ProgressMeter(total: sizesKnown ? totalBytes : nil) { text in Console.errRaw(text) }
            files = files.map { InputFile(path: $0.path, source: $0.source.metered(by: shown)) }
            meter = shown
        }

        var ingestOptions = IngestOptions(inputTimeZone: inputZone, forcedFormat: options.inputFormat, policy: policy)
        ingestOptions.keepsRoutingFacts = keepsRoutingFacts
        ingestOptions.keepsUnusedText = keepsUnusedText
        // Read and joined in one go: the joined log is the only owner of the events, so that grouping
        // permutes them in place instead of copying them.
        var joined = Ingest.readAndJoin(files, options: ingestOptions)
        files.removeAll()
        meter?.finish()
        if !options.quiet {
            for skipped in expansion.skipped { Console.err("\(skipped.path): warning: \(skipped.reason)") }
            for diagnostic in joined.diagnostics { Console.err(diagnostic.description) }
        }
        try reportUnreadable(joined.failures, inputCount: paths.count, options: options)
        // Entries of directories that could not be read are listed with the files that could not be (the
        // data-quality section), and are never fatal: only an input named on the command line is (66).
        joined.failures += expansion.skipped.map {
            IngestFailure(path: $0.path, kind: .unreadable, tried: [], message: $0.reason)
        }
        if progress { Console.err("slareport: \(joined.log.recordCount) records read; measuring") }
        return joined
    }

    /// Writes the report files into `outDir`, all new or (on any failure, SIGINT or SIGTERM) all old
    /// (``ReportSetWriter``). One format at a time is written; JSON and CSV are streamed from the columns into
    /// their temporary files through a buffered writer, never whole in memory.
    static func writeReportSet(_ model: ReportModel, to outDir: String, options: ReportOptions) throws(SLAReportError) {
        let formats = options.formats.isEmpty ? ReportFormat.defaultForOut : options.formats
        var seen = Set<ReportFormat>()
        try checkOutputDirectory(outDir)
        try FileSystem.createDirectory(outDir)
        OutputCleanup.shared.install()
        var writer = ReportSetWriter(directory: outDir)
        for format in formats where seen.insert(format).inserted {
            try writer.stage(name: format.fileName(prefix: options.name)) { drain in
                Renderer.write(model, format: format, to: drain)
            }
        }
        try writer.commit()
        if !options.quiet {
            for (_, target) in writer.committed { Console.err("slareport: wrote \(target)") }
        }
    }

    /// Files that could not be read at all (SPEC §2.4): fatal (exit 65) under `--strict` or when no input
    /// remains; otherwise a warning each, the file is skipped, and the run keeps the report's exit code.
    static func reportUnreadable(
        _ failures: [IngestFailure], inputCount: Int, options: ReportOptions
    ) throws(SLAReportError) {
        guard !failures.isEmpty else { return }
        let fatal = options.strict || failures.count == inputCount
        if fatal || !options.quiet {
            for failure in failures {
                Console.err("\(failure.path): \(fatal ? "error" : "warning"): \(failure.message)")
            }
        }
        // What each format looks like, once: in full when nothing could be read, as a pointer otherwise.
        // An empty file needs no catalogue: there was nothing to compare.
        if failures.contains(where: { $0.kind == .unrecognised }) {
            if fatal {
                Console.err("  expected one of these formats (or force one with --input-format NAME):")
                for line in FormatRegistry.standard.expectations { Console.err("    \(line)") }
            } else if !options.quiet {
                Console.err(
                    "  skipped; `slareport check --help` lists the formats, --input-format NAME forces one, "
                        + "--strict makes this fatal")
            }
        }
        guard fatal else { return }
        if options.strict, failures.count < inputCount {
            throw .data("--strict: \(failures.count) of \(inputCount) inputs could not be read")
        }
        throw .data(inputCount == 1 ? "nothing to report: the input could not be read" : "no input could be read")
    }

    /// `--out` must name a directory, or a path where one can be made.
    static func checkOutputDirectory(_ path: String) throws(SLAReportError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw .cannotCreate(path: path, reason: "--out names an existing file, not a directory")
        }
    }

    static func outputPath(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// `slareport: SLA gate failed for 2 channels:` and one line per failing channel with its first-reply
    /// attainment and the threshold it is below (`  email: 85.71% of 120 judged, below the goal 90%`), then one
    /// per requester wait, agent work or periodic update below its goal (`  email requester wait: 75% of 40
    /// judged, below the goal 80%`).
    static func gateMessage(_ model: ReportModel) -> String {
        let channels = model.channels.filter { $0.failsGate || $0.statusMetrics.contains(where: \.failsGate) }
        let metricLines = { (channel: ChannelSummary) -> [String] in
            channel.statusMetrics.filter(\.failsGate).map { metric in
                let figure = metric.attainment.map { "\($0)%" } ?? "nothing judged"
                let goal = metric.goal.map { ", below the goal \($0)%" } ?? ""
                return "  \(channel.key) \(metric.metric.label): \(figure) of \(metric.judged) judged\(goal)"
            }
        }
        let failing = channels.flatMap { channel -> [String] in
            guard channel.failsGate else { return metricLines(channel) }
            let reply = channel.firstReply
            var thresholds: [String] = []
            if let goal = reply.goal, let attainment = reply.attainment, attainment < goal {
                thresholds.append("the goal \(goal)%")
            }
            if let threshold = model.failUnder, let attainment = reply.attainment, attainment < threshold {
                thresholds.append("--fail-under \(threshold)%")
            }
            let figure = reply.attainment.map { "\($0)%" } ?? "nothing judged"
            let judged = (reply.achieved ?? 0) + (reply.breached ?? 0) + (reply.early ?? 0)
            let detail = thresholds.isEmpty ? "" : ", below " + thresholds.joined(separator: " and ")
            return ["  \(channel.key): \(figure) of \(judged) judged\(detail)"] + metricLines(channel)
        }
        let count = channels.count == 1 ? "1 channel" : "\(channels.count) channels"
        return (["slareport: SLA gate failed for \(count):"] + failing).joined(separator: "\n")
    }

    static func generate(_ options: GenerateOptions) throws(SLAReportError) -> Int32 {
        var g = GeneratorOptions(
            tickets: options.tickets ?? 0, seed: options.seed,
            format: GeneratorOptions.Format(rawValue: options.format) ?? .events,
            profile: GeneratorOptions.Profile(rawValue: options.profile) ?? .benchmark)
        if case .date(let y, let m, let d)? = options.start {
            g.start = Instant(seconds: CivilDateTime(year: y, month: m, day: d).utcSeconds)
        }
        if let days = options.days { g.days = days }
        if !options.channels.isEmpty { g.channels = options.channels }
        if let first = options.firstTicket { g.firstTicket = first }
        if !g.invalidChannels.isEmpty {
            throw .usage(
                "--channel: unknown channel '\(g.invalidChannels[0])' (one of \(SyntheticExport.channelKeys.joined(separator: ", ")))"
                    + Suggestion.hint(g.invalidChannels[0], among: SyntheticExport.channelKeys))
        }
        guard let path = options.out, path != "-" else {
            SyntheticExport.generate(g) { Console.outBytes($0) }
            return 0
        }
        // Written to a temporary beside it and renamed; SIGINT/SIGTERM remove the temporary (``OutputCleanup``),
        // so an interrupted run leaves the old file or none, never a part.
        let temporary = path + ".tmp-\(getpid())"
        OutputCleanup.shared.install()
        OutputCleanup.shared.register(temporary)
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
            let handle = FileHandle(forWritingAtPath: temporary)
        else {
            OutputCleanup.shared.forgetAll()
            throw .cannotCreate(path: path, reason: "cannot create the file")
        }
        var failed = false
        SyntheticExport.generate(g) { chunk in
            if failed { return }
            do { try handle.write(contentsOf: Data(chunk)) } catch { failed = true }
        }
        try? handle.close()
        let renamed = try OutputCleanup.shared.whileCommitting { () throws(SLAReportError) -> Bool in
            let done = !failed && rename(temporary, path) == 0
            if !done { unlink(temporary) }
            OutputCleanup.shared.forgetAll()
            return done
        }
        guard renamed else { throw .cannotCreate(path: path, reason: "write failed") }
        return 0
    }
}

/// The plain-text data-quality summary of `slareport check`: one aligned row per file, then the totals and
/// the first rejected records. Paths and reasons come from the inputs: each goes through
/// ``Escape/terminal(_:)``.
enum CheckSummary {
    static func text(_ quality: DataQuality) -> String {
        var rows = [["file", "format", "read", "used", "duplicates", "out of window", "rejected"]]
        func counts(_ c: QualityCounts) -> [String] {
            [c.read, c.used, c.duplicates, c.outOfWindow, c.rejected].map(String.init)
        }
        for f in quality.files { rows.append([Escape.terminal(f.path), f.format] + counts(f.counts)) }
        rows.append(["total", ""] + counts(quality.totals))
        var widths = [Int](repeating: 0, count: rows[0].count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        var lines = rows.map { row in
            row.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                return i < 2 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }
        for u in quality.unrecognised {
            lines.append("not read: \(Escape.terminal(u.path)): \(Escape.terminal(u.reason))")
        }
        if quality.totals.rejected > 0 {
            lines.append("")
            lines.append("rejected (first \(min(10, quality.rejected.count)) of \(quality.totals.rejected)):")
            for r in quality.rejected.prefix(10) {
                lines.append("  \(Escape.terminal(r.path)):\(r.line): \(Escape.terminal(r.reason))")
            }
        }
        return lines.map { $0.replacingOccurrences(of: " +$", with: "", options: .regularExpression) }
            .joined(separator: "\n") + "\n"
    }
}
