/// The dossier balance of the counted dossiers alone (red-team 2 item 19).
///
/// With a warm-up (docs/model.md §9 item 23) the run's ``Conservation`` counts every simulated
/// dossier, warm-up arrivals included, while the tables count only the dossiers received after
/// the warm-up and the opening backlog. Reports show this balance beside the run's, so that the
/// balance and the tables speak of the same dossiers.
extension Conservation {
    /// The balance of the dossiers `tally` counts: its backlog and received dossiers, finished
    /// (on time or late), refused, withdrawn, or in progress at the end (due or overdue).
    public init(counted tally: ProcedureTally) {
        self.init()
        backlog = tally.backlog
        received = tally.received
        finished = tally.finishedOnTime + tally.finishedLate
        refused = tally.refused
        withdrawn = tally.withdrawn
        inProgress = tally.inProgressNotDue + tally.inProgressOverdue
    }
}

extension ExperimentSummary {
    /// Whether the run's balance (``conservation``) counts dossiers the tables leave out: the
    /// arrivals of the warm-up days.
    public var balanceIncludesWarmUp: Bool { horizon.warmUpDays > 0 }

    /// The balance of the counted dossiers (after the warm-up, and the opening backlog) of each
    /// replication, in replication order.
    public var countedConservationPerReplication: [Conservation] {
        overall.perReplication.map(Conservation.init(counted:))
    }

    /// The counted dossiers' balance, summed over replications.
    public var countedConservation: Conservation {
        Conservation(counted: overall.tally)
    }

    /// The counted dossiers' balance `counter` per replication: its mean with a 95% interval.
    public func countedBalanceMean(_ counter: KeyPath<Conservation, Int>) -> Estimate {
        Estimate(countedConservationPerReplication.map { Double($0[keyPath: counter]) }).clamped(to: 0...Double.infinity)
    }

    /// Whether day `index` of the horizon (0 = its first day) is a warm-up day, whose arrivals
    /// the tables leave out.
    public func isWarmUpDay(_ index: Int) -> Bool { index < horizon.warmUpDays }
}
