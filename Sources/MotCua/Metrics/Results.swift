import Foundation

/// The verdict on a target.
public enum Verdict: String, Sendable {
    /// The whole confidence interval meets the target.
    case pass
    /// The whole confidence interval misses it.
    case fail
    /// The interval straddles the threshold: more replications, or more margin, are needed.
    case atRisk = "at-risk"

    /// The worse of two verdicts: FAIL, then AT RISK, then PASS.
    public static func worst(_ a: Verdict, _ b: Verdict) -> Verdict {
        a == .fail || b == .fail ? .fail : a == .atRisk || b == .atRisk ? .atRisk : .pass
    }
}

/// One target with its measured value and verdict. A target over every field (`"*"`)
/// becomes one result per field.
public struct TargetResult: Sendable {
    public let id: String
    public let label: String
    public let labelVi: String?
    public let measure: TargetMeasure
    /// The field this row is about (name), when restricted.
    public let fieldName: String?
    public let fieldNameVi: String?
    public let comparator: Comparator
    public let threshold: Double
    public let estimate: Estimate
    /// The measure's denominator (``TargetMeasure/terms``) per replication, for "of N …".
    public let denominator: Estimate
    public let verdict: Verdict
    /// When the measured value is set by an input share rather than by the flow (the apology
    /// rate by `policies.apology.onTimeShare`, for instance): which input, its value and its
    /// source's kind, for the report to show next to the verdict. Nil otherwise.
    public let inputDriven: String?
    /// What ``inputDriven`` says: that the value repeats an input, or that the verdict rests on
    /// inputs marked as assumptions (docs/model.md §7.3).
    public var inputDrivenKind: InputDrivenKind = .repeatsInput
    /// ``inputDriven`` when the value restates an input (no staffing moves it), nil otherwise: a
    /// verdict that only rests on an assumption (``InputDrivenKind/restsOnAssumption``) still
    /// moves with staff, so the staffing search must not treat it as set by its input.
    public var repeatedInput: String? { inputDrivenKind == .repeatsInput ? inputDriven : nil }
    /// For an on-time or late target (``DeskGuard/guards(_:)``): the share of all received
    /// dossiers whose citizen could not file at a desk (``ExperimentSummary/gaveUpAtDeskShare``).
    public let gaveUpAtDesk: Double?
    /// For an on-time or late target: the guard's figures over the target's own dossiers (its
    /// field), which fail it alone when enough of its citizens could not file (``DeskGuard/Own``).
    public var ownDesk: DeskGuard.Own? = nil
    /// For an on-time or late target: the guard's judgement over the whole scenario
    /// (``ExperimentSummary/deskGuard``), with its interval.
    public var scenarioDesk: DeskGuard.Judgement? = nil

    /// What the desk guard does to this verdict (docs/model.md §7.6): FAIL when the interval of
    /// the scenario's share, or of this target's own (judged) share, is wholly above the
    /// allowance; AT RISK when the worse of them straddles it; PASS otherwise or when not guarded.
    public var deskGuardVerdict: Verdict {
        let scenario = scenarioDesk?.verdict ?? (gaveUpAtDesk.map(DeskGuard.trips) ?? false ? .fail : .pass)
        return Verdict.worst(scenario, ownDesk?.verdict ?? .pass)
    }

    /// Whether the desk guard failed the verdict: too many citizens could not file at the desk
    /// — over the whole scenario, or over this target's own dossiers — for the on-time rate,
    /// which leaves them out, to speak for the desk (docs/model.md §7.6).
    public var failedByDeskGuard: Bool { deskGuardVerdict == .fail }

    /// Whether the desk guard decided the verdict: it failed it, or its interval straddles the
    /// allowance and the target is AT RISK (not worse on its own value).
    public var heldByDeskGuard: Bool { deskGuardVerdict != .pass && verdict == deskGuardVerdict }

    /// The reason the desk guard decided the verdict (``heldByDeskGuard``), in `language`; nil
    /// when it did not. The scenario's share is named first when it is as bad as the own one, as
    /// it holds every guarded target.
    public func deskGuardReason(_ language: Language) -> String? {
        guard let deciding = decidingDeskGuard else { return nil }
        let f = language.numbers
        let shown = deciding.judgement.shown(f)
        guard let own = deciding.own else { return language.deskGuardReason(shown, atRisk: deciding.judgement.verdict == .atRisk) }
        return language.deskGuardOwnReason(shown, f.meanCount(own.gaveUp), f.meanCount(own.received),
                                           field: fieldName.map { language.pick($0, fieldNameVi) }, atRisk: own.verdict == .atRisk)
    }

    /// The guard's judgement that decides the verdict (``heldByDeskGuard``): the scenario's when
    /// it is as bad as the own field's (`own` nil) — when both are AT RISK, the one with the
    /// higher share —, else the own field's; nil when the guard does not decide it.
    public var decidingDeskGuard: (judgement: DeskGuard.Judgement, own: DeskGuard.Own?)? {
        guard heldByDeskGuard else { return nil }
        // A result made without the judgement (a test's) has the scenario's mean alone.
        let scenario = scenarioDesk ?? gaveUpAtDesk.map { DeskGuard.Judgement(share: Estimate([$0]), verdict: DeskGuard.trips($0) ? .fail : .pass) }
        let own = ownDesk.flatMap { $0.verdict == deskGuardVerdict ? $0 : nil }
        if let scenario, scenario.verdict == deskGuardVerdict,
           !(deskGuardVerdict == .atRisk && (own.map { $0.share > scenario.share.mean } ?? false)) {
            return (scenario, nil)
        }
        return own.map { ($0.judgement, $0) }
    }
    /// ``inputDriven`` with the words the product adds in Vietnamese ("giả định" for
    /// "assumption"), for `--lang vi`.
    public var inputDrivenVi: String? = nil
}

/// A target of the plan that the simulation cannot compute, with the reason.
public struct TargetNotComputable: Sendable {
    public let id: String
    public let label: String
    public let labelVi: String?
    public let comparator: Comparator
    public let threshold: Double
    /// Why no simulation can give it (a survey figure, a decision rather than a flow…).
    public let reason: String
    /// The reason in Vietnamese, when the scenario gives one (`reasonVi`).
    public var reasonVi: String? = nil
}

/// On-time figures of a group of procedures (a field, a level, everything).
public struct RateResult: Sendable {
    public let id: String
    public let name: String
    public let nameVi: String?
    /// Totals over all replications (say so wherever one is shown; reports show ``mean(_:)``).
    public let tally: ProcedureTally
    /// The counts of each replication (one simulated period each), in replication order.
    public let perReplication: [ProcedureTally]
    /// On-time rate per replication, estimated.
    public let onTimeRate: Estimate

    /// The count `counter` per replication (per simulated year when the horizon is a year):
    /// its mean with a 95% interval.
    public func mean(_ counter: KeyPath<ProcedureTally, Int>) -> Estimate {
        Estimate(perReplication.map { Double($0[keyPath: counter]) }).clamped(to: 0...Double.infinity)
    }
}

/// One kind of wait at one office over replications (see ``OfficeTally`` for the two kinds).
public struct WaitResult: Sendable {
    /// Waits recorded per replication.
    public let count: Estimate
    /// Mean wait (minutes), estimated over the replications that recorded any.
    public let mean: Estimate
    /// The 90th percentile (minutes), estimated over the replications that recorded any.
    public let p90: Estimate
    /// The longest wait of any replication (minutes; 0 when none).
    public let max: Double

    init(_ tallies: [WaitTally]) {
        count = Estimate(tallies.map { Double($0.count) }).clamped(to: 0...Double.infinity)
        mean = Estimate(tallies.map { $0.count > 0 ? $0.mean : .nan })
        p90 = Estimate(tallies.map { $0.p90 ?? .nan })
        max = tallies.map(\.max).max() ?? 0
    }
}

/// The worst day of a desk for citizens in person (docs/model.md §7.4).
public struct WorstWalkInDay: Sendable, Equatable {
    /// Index of the day in the horizon (0 is its first day).
    public let day: Int
    /// Citizens who queued in person that day, mean per replication.
    public let inPerson: Double
    /// Of them, the share who gave up (totals over replications).
    public let gaveUpShare: Double

    /// The worst day of the per-replication counts by day of arrival (`inPerson[r][d]`,
    /// `gaveUp[r][d]`), the earliest of equal shares; nil when no day reaches the minimum.
    static func find(inPerson: [[Int32]], gaveUp: [[Int32]]) -> WorstWalkInDay? {
        let replications = Double(Swift.max(inPerson.count, 1))
        let days = inPerson.map(\.count).min() ?? 0
        var worst: WorstWalkInDay?
        for day in 0..<days {
            let arrived = inPerson.reduce(0) { $0 + Int($1[day]) }
            let left = gaveUp.reduce(0) { $0 + ($1.count > day ? Int($1[day]) : 0) }
            guard Double(arrived) / replications >= OfficeResult.worstDayMinimumInPerson else { continue }
            let share = Double(left) / Double(arrived)
            if share > (worst?.gaveUpShare ?? -1) {
                worst = WorstWalkInDay(day: day, inPerson: Double(arrived) / replications, gaveUpShare: share)
            }
        }
        return worst
    }
}

/// Figures of one office over replications.
public struct OfficeResult: Sendable {
    public let office: OfficeModel
    /// Mean wait of both kinds together (minutes); reports show ``lineWait`` and ``trayWait``.
    public let meanWait: Estimate
    /// The 90th percentile of both kinds of wait together (minutes), estimated per replication.
    public let waitP90: Estimate
    public let utilization: Estimate
    public let waitMax: Double
    /// Entries served, total over replications (``servedPerReplication`` is the mean).
    public let served: Int
    /// Entries served per replication.
    public let servedPerReplication: Estimate
    /// The citizen's wait in line (in person at the desk).
    public let lineWait: WaitResult
    /// The dossier's wait in the office's tray (online, postal, forwarded, awaiting a session).
    public let trayWait: WaitResult
    public let queueAtEnd: Estimate
    /// Citizens who gave up waiting, total over replications (``abandonedPerReplication`` is the mean).
    public let abandoned: Int
    /// Citizens who gave up waiting, per replication.
    public let abandonedPerReplication: Estimate
    /// Growth of the queue over the second half of the horizon, in dossiers per day (least
    /// squares; mean over replications). Clearly positive with staff near 100% busy means the
    /// office cannot keep up: its backlog grows without bound.
    public let queueGrowthPerDay: Double
    /// Of the citizens who queued in person or gave up, the share who gave up (mean counts per
    /// replication), nil when none queued.
    public var gaveUpShare: Double? {
        let seen = servedPerReplication.mean + abandonedPerReplication.mean
        return seen > 0 && abandoned > 0 ? abandonedPerReplication.mean / seen : nil
    }
    /// The office cannot keep up with its load: staff near 100% busy and a queue that grows —
    /// day after day, or as citizens who give up waiting, more than the desk guard's allowance
    /// (``DeskGuard/allowance``; a desk whose citizens leave at closing never shows a queue
    /// growing overnight).
    /// Also listed: an office saturated all along (``isSaturated``), whose queue may have stopped
    /// growing in the second half only because it was already long (red-team 2 item 25).
    public var isUnstable: Bool {
        utilization.mean > 0.95 && (queueGrowthPerDay > 0.5 || gaveUpShare.map(DeskGuard.trips) ?? false) || isSaturated
            || losesWalkIns
    }
    /// The day on which the largest share of the citizens who queued in person gave up, among the
    /// days with at least ``worstDayMinimumInPerson`` of them (mean per replication); nil when no
    /// day had that many, or at an office where nobody gives up.
    public var worstWalkInDay: WorstWalkInDay? = nil
    /// The fourth rule (review 3 #7): on some day at least ``worstDayGaveUpShare`` of the
    /// citizens in person gave up — a desk that turns its walk-ins away while its busy share and
    /// its wait in line (of those served) look healthy.
    public var losesWalkIns: Bool { (worstWalkInDay?.gaveUpShare ?? 0) >= Self.worstDayGaveUpShare }
    /// The share of a day's citizens in person who gave up from which a desk is listed.
    public static let worstDayGaveUpShare = 0.5
    /// The citizens in person a day (mean per replication) from which a day can list a desk: a
    /// quiet ward desk losing 3 of 4 citizens one afternoon is not a desk turning people away.
    public static let worstDayMinimumInPerson = 20.0
    /// Staff at least ``saturatedUtilization`` busy and dossiers still waiting at the end: the
    /// office had no idle time to clear its queue, whatever the queue's trend.
    public var isSaturated: Bool {
        utilization.mean >= Self.saturatedUtilization && queueAtEnd.mean >= 1
    }
    /// The busy share from which an office with a queue left at the end is saturated (at 99% busy
    /// even a single server's mean queue is about 98 in queueing theory, ρ²/(1 − ρ)).
    public static let saturatedUtilization = 0.99
    /// Mean wait (minutes) of dossiers arriving in each hour of the day, nan where none arrived.
    public let meanWaitByHour: [Double]
    /// Dossiers arriving in each hour of the day (totals over replications).
    public let arrivalsByHour: [Int]
}

/// One part of the national scoring of Decision 766/QĐ-TTg (docs/model.md §8), as far as a
/// simulation can compute it honestly, with what it leaves out.
public struct ScoreComponent: Sendable {
    public let id: String
    public let name: String
    public let nameVi: String
    /// Points obtained and the maximum.
    public let points: Double
    public let maximum: Double
    /// What the number does not include.
    public let leavesOut: String
    public let leavesOutVi: String
    /// Why the part is not computed, when its denominator is 0 (a scenario without fee-paying
    /// procedures has no e-payment share to score): ``points`` is then 0 and not a score.
    public var notComputed: (en: String, vi: String)? = nil

    static func compute(_ t: ProcedureTally) -> [ScoreComponent] {
        func ratio(_ a: Int, _ b: Int) -> Double { b > 0 ? Double(a) / Double(b) : 0 }
        let results = t.resultsElectronic + t.resultsPostal + t.resultsAtDesk
        // Each part's denominator, and its noun for "not computed: no … in this scenario".
        let denominators: [String: (count: Int, en: String, vi: String)] = [
            "progress": (t.processed, "dossiers finished or in progress", "hồ sơ đã hoặc đang giải quyết"),
            "online-service": (t.received, "dossiers received", "hồ sơ tiếp nhận"),
            "online-payment": (t.feePaying, "fee-paying dossiers", "hồ sơ có thu phí"),
            "electronic-results": (results, "results returned by a modelled channel", "kết quả được trả theo kênh có mô phỏng"),
            "digitized-components": (t.accepted, "accepted dossiers", "hồ sơ được tiếp nhận"),
            "data-reuse": (t.reuseEligible, "dossiers of procedures with a re-use rule", "hồ sơ của thủ tục có quy tắc tái sử dụng"),
        ]
        return parts(t, ratio, results).map { part in
            var part = part
            if let d = denominators[part.id], d.count == 0 {
                part.notComputed = (Language.en.decision766ZeroDenominator(d.en), Language.vi.decision766ZeroDenominator(d.vi))
            }
            return part
        }
    }

    private static func parts(_ t: ProcedureTally, _ ratio: (Int, Int) -> Double, _ results: Int) -> [ScoreComponent] {
        [
            ScoreComponent(id: "progress", name: "On-time progress", nameVi: "Tiến độ giải quyết", points: 20 * ratio(t.onTime, t.processed), maximum: 20,
                           leavesOut: "taken as proportional to the on-time rate (assumption); ignores dossiers of procedures not simulated",
                           leavesOutVi: "giả định điểm tỷ lệ thuận với tỷ lệ đúng hạn; không tính thủ tục không mô phỏng"),
            ScoreComponent(id: "online-service", name: "Online service", nameVi: "Cung cấp dịch vụ công trực tuyến", points: 12 * Swift.min(1, ratio(t.online, t.received) / 0.5), maximum: 12,
                           leavesOut: "all online submissions counted as full-process; full marks at ≥50% online",
                           leavesOutVi: "coi mọi hồ sơ trực tuyến là toàn trình; đạt điểm tối đa khi ≥50%"),
            ScoreComponent(id: "online-payment", name: "Online payment", nameVi: "Thanh toán trực tuyến", points: 10 * ratio(t.ePaid, t.feePaying), maximum: 10,
                           leavesOut: "proportional to the e-payment share of fee-paying dossiers (assumption)",
                           leavesOutVi: "giả định tỷ lệ thuận với tỷ lệ hồ sơ có phí được thanh toán trực tuyến"),
            ScoreComponent(id: "electronic-results", name: "Results issued electronically", nameVi: "Cấp kết quả điện tử", points: 6 * ratio(t.resultsElectronic, results), maximum: 6,
                           leavesOut: "only procedures whose result return is modelled",
                           leavesOutVi: "chỉ tính thủ tục có mô phỏng việc trả kết quả"),
            ScoreComponent(id: "digitized-components", name: "Components digitized", nameVi: "Số hóa thành phần hồ sơ", points: 4 * Swift.min(1, ratio(t.digitized, t.accepted) / 0.8), maximum: 4,
                           leavesOut: "digitization at reception only; full marks at ≥80%",
                           leavesOutVi: "chỉ tính số hóa khi tiếp nhận; đạt tối đa khi ≥80%"),
            ScoreComponent(id: "data-reuse", name: "Re-use of digitized data", nameVi: "Tái sử dụng dữ liệu số hóa", points: 2 * Swift.min(1, ratio(t.reused, t.reuseEligible) / 0.8), maximum: 2,
                           leavesOut: "re-used ÷ accepted dossiers of procedures with a re-use rule (an input share, docs/model.md §6.5); full marks at ≥80%",
                           leavesOutVi: "số hồ sơ tái sử dụng ÷ hồ sơ tiếp nhận của thủ tục có quy tắc tái sử dụng (tham số đầu vào); đạt tối đa khi ≥80%"),
        ]
    }

    /// The parts of the 100 points no simulation of the dossier flow can give, with why
    /// (docs/model.md §8): listed in every report beside the computed parts.
    public static let notComputed: [(id: String, name: String, nameVi: String, maximum: Double, why: String, whyVi: String)] = [
        ("transparency", "Transparency (publication of procedures and results)", "Công khai, minh bạch", 18,
         "scores what the unit publishes on the portal, not how dossiers flow",
         "chấm việc công khai trên Cổng, không phụ thuộc dòng hồ sơ"),
        ("satisfaction", "Satisfaction", "Mức độ hài lòng", 18,
         "citizens' ratings and complaints about dossiers are survey and feedback data; the model has neither",
         "là đánh giá, phản ánh của người dân; mô hình không có dữ liệu này"),
        ("other-digitization", "Other digitization parts", "Các phần số hóa khác", 10,
         "the rest of the 22 digitization points (beyond results, components and re-use) were not identified in the notes available",
         "phần còn lại của 22 điểm số hóa chưa xác định được từ tài liệu hiện có"),
    ]
}

/// One day's flow, averaged over replications.
public struct DailyFigures: Sendable {
    public let date: CivilDate
    public let received: Double
    public let finished: Double
    /// Dossiers in progress at the end of the day.
    public let inProgress: Double
    /// Of those, overdue by the rule of the report's overdue count (docs/model.md §7.1).
    public let overdue: Double
    /// Of those, still at a desk.
    public let atDesk: Double
    /// Refused at the desk check that day.
    public let refused: Double
    /// Withdrawn that day (docs/model.md §7.7): the day's row chains to the one before.
    public let withdrawn: Double
}

extension OfficeResult {
    /// Least-squares slope of the second half of a daily series.
    static func slope(_ series: [Int32]) -> Double {
        let half = Array(series.suffix(series.count / 2))
        guard half.count >= 2 else { return 0 }
        let n = Double(half.count)
        let meanX = (n - 1) / 2
        let meanY = half.reduce(0.0) { $0 + Double($1) } / n
        var sxy = 0.0, sxx = 0.0
        for (i, y) in half.enumerated() {
            sxy += (Double(i) - meanX) * (Double(y) - meanY)
            sxx += (Double(i) - meanX) * (Double(i) - meanX)
        }
        return sxx > 0 ? sxy / sxx : 0
    }
}
