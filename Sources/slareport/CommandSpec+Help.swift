/// A subcommand's `--help`, generated from its declaration: usage line, about paragraphs, the options by
/// section (in declaration order), the notes and the examples.
extension CommandSpec {
    /// Width the help is wrapped to, and the column option help starts at.
    static var helpWidth: Int { 100 }
    static var helpColumn: Int { 24 }

    var helpText: String {
        var lines = ["slareport \(name) — \(summary)", "", "USAGE", "  \(usageLine)"]
        for paragraph in about {
            lines.append("")
            lines += HelpLayout.wrap(paragraph, width: Self.helpWidth, indent: "")
        }
        lines += optionLines
        for note in notes {
            lines += ["", note.heading]
            lines += note.lines.map { "  " + $0 }
        }
        if !examples.isEmpty {
            lines += ["", "EXAMPLES"]
            lines += HelpLayout.examples(examples.map { ("slareport " + $0.command, $0.comment) })
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The options grouped by section, sections in the order they first appear, `-h, --help` last.
    var optionLines: [String] {
        var sections: [String] = []
        for option in options where !sections.contains(option.section) { sections.append(option.section) }
        var lines: [String] = []
        for section in sections {
            lines += ["", section]
            for option in options where option.section == section {
                lines += HelpLayout.entry(option.label, option.help, width: Self.helpWidth, column: Self.helpColumn)
            }
        }
        if sections.isEmpty { lines += ["", "OPTIONS"] }
        lines += HelpLayout.entry("-h, --help", "show this help", width: Self.helpWidth, column: Self.helpColumn)
        return lines
    }
}

/// Word wrapping and two-column layout of help text (plain ASCII spaces; no terminal width probing, so the
/// help is the same everywhere).
enum HelpLayout {
    /// `text` wrapped at spaces to `width` columns, each line prefixed by `indent`.
    static func wrap(_ text: String, width: Int, indent: String) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if !line.isEmpty, indent.count + line.count + 1 + word.count > width {
                lines.append(indent + line)
                line = ""
            }
            line += line.isEmpty ? String(word) : " " + word
        }
        if !line.isEmpty { lines.append(indent + line) }
        return lines
    }

    /// An option entry: the label at column 2, the help from `column` (on the next line when the label
    /// reaches it), wrapped.
    static func entry(_ label: String, _ help: String, width: Int, column: Int) -> [String] {
        let pad = String(repeating: " ", count: column)
        var body = wrap(help, width: width, indent: pad)
        let head = "  " + label
        if head.count + 2 <= column, let first = body.first {
            body[0] = head + String(repeating: " ", count: column - head.count) + first.dropFirst(column)
            return body
        }
        return [head] + body
    }

    /// Each example as a `# comment` line and the command under it, ready to copy.
    static func examples(_ examples: [(command: String, comment: String)]) -> [String] {
        examples.flatMap { example in
            (example.comment.isEmpty ? [] : ["  # " + example.comment]) + ["  " + example.command]
        }
    }

    /// `left` padded to `column`, then `right` (at least two spaces between them).
    static func column(_ left: String, _ right: String, at column: Int) -> String {
        guard !right.isEmpty else { return left }
        let gap = max(2, column - left.count)
        return left + String(repeating: " ", count: gap) + right
    }
}
