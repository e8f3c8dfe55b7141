/// Counts the closed ledger into the data-quality section (SPEC §2.4): `read = used + duplicates +
/// out of window + rejected` per file and in total, the rejected records with their `path:line` and reason,
/// the readers' warnings, and the files that could not be read.
enum QualityStage {
    static func count(
        files: [InputFileInfo], ledger: RecordLedger, diagnostics: [Diagnostic], failures: [IngestFailure]
    ) -> DataQuality {
        var perFile = [QualityCounts](repeating: QualityCounts(), count: files.count)
        var rejected: [RejectedRecord] = []
        // Counted run by run into a local tally, through the fate column's storage (millions of records).
        ledger.fate.withUnsafeBufferPointer { fates in
            for (fileIndex, records) in ledger.locations.fileRuns {
                let file = Int(fileIndex)
                guard file < perFile.count else { continue }
                var counts = perFile[file]
                counts.read += records.count
                for record in records where record < fates.count {
                    switch fates[record] {
                    case .used, .pending: counts.used += 1
                    case .duplicate: counts.duplicates += 1
                    case .outOfWindow: counts.outOfWindow += 1
                    case .rejected:
                        counts.rejected += 1
                        rejected.append(
                            RejectedRecord(
                                path: files[file].path, line: Int(ledger.locations.line(record)),
                                reason: ledger.reason(UInt32(record)) ?? "rejected"))
                    }
                }
                perFile[file] = counts
            }
        }
        var quality = zip(files, perFile).map { FileQuality(path: $0.path, format: $0.format, counts: $1) }
        quality.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        var totals = QualityCounts()
        for f in quality {
            totals.read += f.counts.read
            totals.used += f.counts.used
            totals.duplicates += f.counts.duplicates
            totals.outOfWindow += f.counts.outOfWindow
            totals.rejected += f.counts.rejected
        }
        rejected.sort(by: precedes)
        if rejected.count > DataQuality.rejectedListLimit {
            rejected.removeLast(rejected.count - DataQuality.rejectedListLimit)
        }
        var warnings = diagnostics.map {
            RejectedRecord(path: $0.location?.path ?? "", line: $0.location?.line ?? 0, reason: $0.message)
        }
        warnings.sort(by: precedes)
        let warningCount = warnings.count
        if warnings.count > DataQuality.rejectedListLimit {
            warnings.removeLast(warnings.count - DataQuality.rejectedListLimit)
        }
        return DataQuality(
            files: quality, totals: totals, rejected: rejected, unrecognised: failures.map(\.rejectedRecord),
            warnings: warnings, warningCount: warningCount)
    }

    /// Path, then line, then reason: the order of both lists.
    private static func precedes(_ a: RejectedRecord, _ b: RejectedRecord) -> Bool {
        if a.path != b.path { return a.path.utf8.lexicographicallyPrecedes(b.path.utf8) }
        if a.line != b.line { return a.line < b.line }
        return a.reason.utf8.lexicographicallyPrecedes(b.reason.utf8)
    }
}
