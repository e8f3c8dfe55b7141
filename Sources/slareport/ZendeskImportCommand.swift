import SLAReportCore

/// `slareport policy --from-zendesk SLA_POLICIES.json [SCHEDULES.json]`: prints the converted policy on
/// stdout and what could not be mapped on stderr (`file: warning: json.path: message`); exit 0, or 66 when a
/// file cannot be read and 78 when one is not Zendesk SLA policies or schedules.
enum ZendeskImportCommand {
    static func run(policies: String, schedules: String?) throws(SLAReportError) -> Int32 {
        let policyBytes = try FileSystem.readWhole(policies)
        let scheduleBytes = try schedules.map { (path) throws(SLAReportError) in try FileSystem.readWhole(path) }
        let result = try ZendeskPolicyImport.convert(
            policies: policyBytes, policiesPath: policies, schedules: scheduleBytes, schedulesPath: schedules)
        for note in result.notes {
            Console.err("\(note.file): warning: \(note.path.isEmpty ? "" : note.path + ": ")\(note.message)")
        }
        Console.out(result.policy.jsonText())
        return 0
    }
}
