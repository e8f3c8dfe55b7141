/// A deliberately simple CSV reader for checking generated output in tests: RFC 4180 quoting (fields in
/// double quotes, `""` for a quote, newlines allowed inside quotes), `\n` or `\r\n` row ends. Returns nil
/// for anything malformed (a quote inside an unquoted field, text after a closing quote, an unterminated
/// quote), so a test can assert that the generator never writes such a thing.
enum GeneratedCSV {
    static func parse(_ bytes: [UInt8]) -> [[String]]? {
        var rows: [[String]] = []
        var row: [String] = []
        var field: [UInt8] = []
        var i = 0
        var quoted = false
        var fieldStarted = false
        func endField() {
            row.append(String(decoding: field, as: UTF8.self))
            field.removeAll()
            fieldStarted = false
        }
        while i < bytes.count {
            let b = bytes[i]
            if quoted {
                if b == 34 {
                    if i + 1 < bytes.count && bytes[i + 1] == 34 {
                        field.append(34)
                        i += 2
                        continue
                    }
                    quoted = false
                    // A closing quote must end the field.
                    if i + 1 < bytes.count && ![44, 10, 13].contains(bytes[i + 1]) { return nil }
                } else {
                    field.append(b)
                }
                i += 1
                continue
            }
            switch b {
            case 34:
                if fieldStarted || !field.isEmpty { return nil }
                quoted = true
                fieldStarted = true
            case 44:
                endField()
            case 13:
                guard i + 1 < bytes.count, bytes[i + 1] == 10 else { return nil }
            case 10:
                endField()
                rows.append(row)
                row = []
            default:
                field.append(b)
            }
            i += 1
        }
        if quoted { return nil }
        if !row.isEmpty || !field.isEmpty {
            endField()
            rows.append(row)
        }
        return rows
    }
}
