/// A report output format (`-f md,html,json,csv`).
public enum ReportFormat: String, CaseIterable, Sendable {
    case md, html, json, csv, junit, metrics

    /// What `--out` writes when `--format` is not given (SPEC §1): the four report formats; the CI formats
    /// `junit` and `metrics` are asked for by name.
    public static let defaultForOut: [ReportFormat] = [.md, .html, .json, .csv]

    /// The file name of this format inside `--out`: `PREFIX.md`, `PREFIX.html`, `PREFIX.json`,
    /// `PREFIX-tickets.csv`, `PREFIX-junit.xml`, `PREFIX-metrics.txt`.
    public func fileName(prefix: String) -> String {
        switch self {
        case .md: return prefix + ".md"
        case .html: return prefix + ".html"
        case .json: return prefix + ".json"
        case .csv: return prefix + "-tickets.csv"
        case .junit: return prefix + "-junit.xml"
        case .metrics: return prefix + "-metrics.txt"
        }
    }
}

/// The render stage: ``ReportModel`` → ``OutputFile``s. Pure and deterministic: the same model gives
/// byte-identical files on every machine, locale and time zone.
public enum Renderer {
    /// One file per requested format, in the order requested (a format asked for twice is written once).
    public static func render(_ model: ReportModel, formats: [ReportFormat], namePrefix: String) -> [OutputFile] {
        var seen = Set<ReportFormat>()
        let unique = formats.filter { seen.insert($0).inserted }
        // The formats are independent: rendered side by side, returned in the order asked for.
        return Parallel.map(unique.count) { i in
            let format = unique[i]
            let name = format.fileName(prefix: namePrefix)
            switch format {
            case .json: return OutputFile(name: name, contents: JSONRenderer.renderBytes(model).bytes)
            case .csv: return OutputFile(name: name, contents: CSVRenderer.renderBytes(model).bytes)
            case .md, .html, .junit, .metrics: return OutputFile(name: name, text: text(model, format: format))
            }
        }
    }

    /// Where a streamed file's bytes go, a buffer at a time: returns nil, or why they could not be written
    /// (later buffers are then not handed over).
    public typealias Drain = (UnsafeBufferPointer<UInt8>) -> String?

    /// Writes one format's file through `drain`: JSON and CSV are written from the columns through a 1 MiB
    /// buffered writer (never a whole document in memory); the other formats are small and handed over as
    /// one buffer. Returns nil, or the drain's first failure.
    public static func write(_ model: ReportModel, format: ReportFormat, to drain: @escaping Drain) -> String? {
        switch format {
        case .json, .csv:
            var sink = ByteSink(drain: drain)
            if format == .json {
                JSONRenderer.write(model, to: &sink)
            } else {
                CSVRenderer.write(model, to: &sink)
            }
            sink.finish()
            return sink.failure
        case .md, .html, .junit, .metrics:
            var text = text(model, format: format)
            return text.withUTF8 { drain($0) }
        }
    }

    /// The text of one format (what the CLI prints to stdout without `--out`).
    public static func text(_ model: ReportModel, format: ReportFormat) -> String {
        switch format {
        case .md: return markdown(model)
        case .html: return html(model)
        case .json: return json(model)
        case .csv: return csv(model)
        case .junit: return junit(model)
        case .metrics: return metrics(model)
        }
    }

    /// The Markdown report (``MarkdownRenderer``).
    public static func markdown(_ model: ReportModel) -> String { MarkdownRenderer.render(model) }

    /// The self-contained HTML report (``HTMLRenderer``).
    public static func html(_ model: ReportModel) -> String { HTMLRenderer.render(model) }

    /// The `slareport/1` JSON report (``JSONRenderer``).
    public static func json(_ model: ReportModel) -> String { JSONRenderer.render(model) }

    /// The per-ticket CSV (``CSVRenderer``).
    public static func csv(_ model: ReportModel) -> String { CSVRenderer.render(model) }

    /// The JUnit XML report for CI test views (``JUnitRenderer``).
    public static func junit(_ model: ReportModel) -> String { JUnitRenderer.render(model) }

    /// The OpenMetrics text for CI metrics views (``MetricsRenderer``).
    public static func metrics(_ model: ReportModel) -> String { MetricsRenderer.render(model) }
}
