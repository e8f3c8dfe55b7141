/// Which byte separates the fields of a CSV file: `,`, `;` or a tab, whichever occurs most often outside
/// quotes in the header row (SPEC §2.3); a comma on a tie or when there is none.
public enum CSVSeparator {
    public static func detect(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var i = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3 }
        while i < bytes.count && (bytes[i] == Byte.lf || bytes[i] == Byte.cr) { i += 1 }
        var counts = (comma: 0, semicolon: 0, tab: 0)
        var quoted = false
        while i < bytes.count {
            let b = bytes[i]
            i += 1
            if b == Byte.quote {
                quoted.toggle()
                continue
            }
            if quoted { continue }
            if b == Byte.lf || b == Byte.cr { break }
            if b == Byte.comma { counts.comma += 1 }
            if b == Byte.semicolon { counts.semicolon += 1 }
            if b == Byte.tab { counts.tab += 1 }
        }
        if counts.semicolon > counts.comma && counts.semicolon >= counts.tab { return Byte.semicolon }
        if counts.tab > counts.comma && counts.tab > counts.semicolon { return Byte.tab }
        return Byte.comma
    }
}
