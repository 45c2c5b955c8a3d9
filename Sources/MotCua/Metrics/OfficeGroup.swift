import Foundation

/// The offices of one scenario entry taken together (the 16 ward desks as one row), for
/// reports a planner can read at a glance.
public struct OfficeGroup: Sendable {
    public let name: String
    public let nameVi: String?
    /// Offices in the group.
    public let count: Int
    /// Staff of one office (the first; wards may differ).
    public let staff: Int
    public let served: Int
    /// Mean wait over all served dossiers of the group.
    public let meanWait: Double
    /// The largest 90th-percentile wait among the group's offices (the worst ward).
    public let p90Wait: Double
    public let waitMax: Double
    public let busyMean: Double
    public let busyMax: Double
    public let busiestName: String
    public let busiestNameVi: String?
    public let queueAtEnd: Double
    public let abandoned: Int
    /// Entries served per replication, the group's offices together.
    public let servedPerReplication: Double
    /// Citizens who gave up waiting per replication, the group's offices together.
    public let abandonedPerReplication: Double
    /// The citizen's wait in line and the dossier's wait in the tray (``OfficeTally``).
    public let lineWait: Wait
    public let trayWait: Wait

    /// One kind of wait over the group's offices.
    public struct Wait: Sendable {
        /// Waits per replication, the offices together.
        public let count: Double
        /// Mean over all the group's waits of this kind (minutes; NaN when none).
        public let mean: Double
        /// The largest 90th percentile among the offices (the worst ward).
        public let p90: Double
        public let max: Double

        init(_ waits: [WaitResult]) {
            let counts = waits.map { $0.count.mean.isFinite ? $0.count.mean : 0 }
            count = counts.reduce(0, +)
            let weighted = zip(waits, counts).reduce(0.0) { $0 + ($1.0.mean.mean.isFinite ? $1.0.mean.mean * $1.1 : 0) }
            mean = count > 0 ? weighted / count : .nan
            p90 = waits.map(\.p90.mean).filter(\.isFinite).max() ?? .nan
            max = waits.map(\.max).max() ?? 0
        }
    }

    /// The groups of `summary`, in scenario order.
    public static func groups(_ summary: ExperimentSummary) -> [OfficeGroup] {
        var order: [Int] = []
        var members: [Int: [OfficeResult]] = [:]
        for office in summary.offices {
            if members[office.office.entry] == nil { order.append(office.office.entry) }
            members[office.office.entry, default: []].append(office)
        }
        return order.map { entry in
            let list = members[entry]!
            let served = list.reduce(0) { $0 + $1.served }
            let waitTotal = list.reduce(0.0) { $0 + ($1.meanWait.mean.isFinite ? $1.meanWait.mean * Double($1.served) : 0) }
            let busiest = list.max { $0.utilization.mean < $1.utilization.mean }!
            let name = list.count > 1 ? summary.officeEntries[entry].name : list[0].office.name
            let nameVi = list.count > 1 ? summary.officeEntries[entry].nameVi : list[0].office.nameVi
            return OfficeGroup(name: name, nameVi: nameVi, count: list.count, staff: list[0].office.staff, served: served,
                               meanWait: served > 0 ? waitTotal / Double(served) : .nan,
                               p90Wait: list.map(\.waitP90.mean).filter(\.isFinite).max() ?? .nan, waitMax: list.map(\.waitMax).max() ?? 0,
                               busyMean: list.reduce(0) { $0 + $1.utilization.mean } / Double(list.count),
                               busyMax: busiest.utilization.mean, busiestName: busiest.office.name, busiestNameVi: busiest.office.nameVi,
                               queueAtEnd: list.reduce(0) { $0 + $1.queueAtEnd.mean }, abandoned: list.reduce(0) { $0 + $1.abandoned },
                               servedPerReplication: list.reduce(0) { $0 + $1.servedPerReplication.mean },
                               abandonedPerReplication: list.reduce(0) { $0 + $1.abandonedPerReplication.mean },
                               lineWait: Wait(list.map(\.lineWait)), trayWait: Wait(list.map(\.trayWait)))
        }
    }
}
