/// The policy decoder on any bytes: no crash, an error naming the source, and a valid policy printed as
/// JSON decodes back to the same policy.
enum PolicyHarness {
    static func run(_ data: UnsafeBufferPointer<UInt8>) {
        let policy: Policy
        do {
            policy = try Policy.decode(Array(data), source: "fuzz.policy.json")
        } catch {
            if case .policy(let path, let problems) = error {
                require(path == "fuzz.policy.json" && !problems.isEmpty, "a policy error without problems")
            }
            return
        }
        let printed = policy.jsonText()
        do {
            let again = try Policy.decode(Array(printed.utf8), source: "fuzz.policy.json")
            require(again == policy, "the printed policy decodes to another policy:\n\(printed)")
        } catch {
            fatalError("invariant broken: the printed policy is invalid: \(error)\n\(printed)")
        }
    }
}
