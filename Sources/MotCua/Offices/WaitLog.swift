/// Every counted wait of a run, office by office, kept when a test sets
/// ``RunContext/waitLog``: the exact values the offices' tallies summarise, so that a test can
/// check a mean, maximum or percentile against them. Runs never set it.
final class WaitLog: @unchecked Sendable {
    /// One counted wait.
    struct Entry: Equatable {
        let office: Int32
        let inPerson: Bool
        let minutes: Double
        /// The office's open time (``OfficeSchedule/openTime(at:)``) when the dossier joined the
        /// queue and when its work started: the desk order's tests read who waited how many
        /// open minutes while whom was served.
        var arrivedOpen = 0.0
        var startedOpen = 0.0
    }

    /// In the order the offices started serving them (touched only on the run's executor).
    private(set) var entries: [Entry] = []

    init() {}

    func record(office: Int32, inPerson: Bool, wait: Double, arrivedOpen: Double, startedOpen: Double) {
        entries.append(Entry(office: office, inPerson: inPerson, minutes: wait, arrivedOpen: arrivedOpen, startedOpen: startedOpen))
    }
}
