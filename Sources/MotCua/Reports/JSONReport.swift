/// The machine interface of a run (`--json FILE`), documented in `docs/output-format.md`.
public enum JSONReport {
    /// Format identifier written in every report.
    public static let format = "motcua-report/1"

    /// The report of `summary` as a JSON document.
    public static func document(_ summary: ExperimentSummary) -> JSONValue {
        let h = summary.horizon
        let scenario: JSONValue = .object([
            ("name", .string(summary.scenarioName)),
            ("seed", .integer(summary.seed)),
            ("replications", .number(Double(summary.replications))),
            ("horizon", .object([
                ("start", .string(h.start.description)),
                ("end", .string(h.start.adding(days: h.days - 1).description)),
                ("days", .number(Double(h.days))),
                ("warmUpDays", .number(Double(h.warmUpDays))),
            ] + (summary.shortHorizon.isEmpty ? [] : [("shortHorizon", .array(summary.shortHorizon.map { note in
                // Fields whose deadline rates cannot show lateness over the counted days (review 4 #12).
                .object([("field", .string(note.fieldName)), ("deadlineDays", .number(Double(note.deadlineDays))),
                         ("countedDays", .number(Double(note.countedDays))), ("note", .string(note.text(.en)))])
            }))]))),
        ])
        let targets: JSONValue = .array(summary.targets.map { t in
            var members: [(key: String, value: JSONValue)] = [
                ("id", .string(t.id)),
                ("label", .string(t.label)),
                ("labelVi", t.labelVi.map(JSONValue.string) ?? .null),
                ("measure", .string(t.measure.rawValue)),
                ("field", t.fieldName.map(JSONValue.string) ?? .null),
                ("comparator", .string(t.comparator.rawValue)),
                ("threshold", .number(t.threshold)),
            ]
            members += estimateMembers(t.estimate)
            members.append(("verdict", .string(t.verdict.rawValue)))
            members.append(("inputDriven", t.inputDriven.map(JSONValue.string) ?? .null))
            members.append(("inputDrivenKind", t.inputDriven == nil ? .null : .string(t.inputDrivenKind.rawValue)))
            members.append(("gaveUpAtDesk", t.gaveUpAtDesk.map(JSONValue.number) ?? .null))
            members.append(("verdictReason", t.deskGuardReason(.en).map(JSONValue.string) ?? .null))
            members.append(("denominator", .object([("counter", .string(Phrases.counterName(t.measure.terms.whole))),
                                                    ("perReplication", estimate(t.denominator))])))
            return .object(members)
        })
        let measures: JSONValue = .object([
            ("overall", rate(summary.overall)),
            ("fields", .array(summary.fields.map(rate))),
            ("levels", .array(summary.levels.map(rate))),
            ("procedures", .array(summary.procedures.map(rate))),
            ("officeOnTime", .array(summary.officeRates.map(rate))),
            ("offices", .array(summary.offices.map { office($0, start: summary.horizon.start) })),
            ("decision766", .array(summary.decision766.map { c in
                .object([("id", .string(c.id)), ("name", .string(c.name)), ("nameVi", .string(c.nameVi)),
                         ("points", c.notComputed == nil ? .number((c.points * 100).rounded() / 100) : .null), ("maximum", .number(c.maximum)),
                         ("leavesOut", .string(c.leavesOut)), ("leavesOutVi", .string(c.leavesOutVi)),
                         ("notComputed", c.notComputed.map { .string($0.en) } ?? .null)])
            })),
            ("decision766NotComputed", .array(ScoreComponent.notComputed.map { part in
                .object([("id", .string(part.id)), ("name", .string(part.name)), ("nameVi", .string(part.nameVi)),
                         ("maximum", .number(part.maximum)), ("why", .string(part.why)), ("whyVi", .string(part.whyVi))])
            })),
            ("daily", .array(summary.daily.enumerated().map { index, d in
                // With a warm-up, `warmUp` marks its days, whose arrivals the other figures leave out.
                .object([("date", .string(d.date.description)), ("received", .number(d.received)),
                         ("finished", .number(d.finished)), ("inProgress", .number(d.inProgress)),
                         ("overdue", .number(d.overdue)), ("atDesk", .number(d.atDesk))]
                        + (summary.balanceIncludesWarmUp ? [("warmUp", .bool(summary.isWarmUpDay(index)))] : [])
                        // Last, so the day chains to the one before (docs/model.md §7.7).
                        + [("refused", .number(d.refused)), ("withdrawn", .number(d.withdrawn))])
            })),
            ("breakdown", BreakdownReport.json(summary)),
        ])
        // Every simulated dossier; with a warm-up, `warmUpIncluded` says so and `counted` holds
        // the balance of the dossiers every other figure counts.
        var conservationMembers = balanceMembers(summary.conservation, summary.balanceMean)
        if summary.balanceIncludesWarmUp {
            conservationMembers.append(("warmUpIncluded", .bool(true)))
            conservationMembers.append(("counted", .object(balanceMembers(summary.countedConservation, summary.countedBalanceMean))))
        }
        let conservation: JSONValue = .object(conservationMembers)
        var members: [(key: String, value: JSONValue)] = [
            ("format", .string(format)),
            ("scenario", scenario),
            ("targets", targets),
            ("targetsNotComputable", .array(summary.targetsNotComputable.map { t in
                .object([("id", .string(t.id)), ("label", .string(t.label)), ("labelVi", t.labelVi.map(JSONValue.string) ?? .null),
                         ("comparator", .string(t.comparator.rawValue)), ("threshold", .number(t.threshold)),
                         ("verdict", .string("not-computable")), ("reason", .string(t.reason))])
            })),
            ("measures", measures),
            ("conservation", conservation),
            ("deskGuard", deskGuard(summary)),
        ]
        // Only where the scenario has them, so that the reports of other scenarios are unchanged.
        if !summary.backTest.isEmpty { members.append(("backTest", BackTestReport.json(summary.backTest))) }
        if let units = UnitReport.json(summary.unitFigures, targets: summary.targets) { members.append(("units", units)) }
        return .object(members)
    }

    /// The desk guard (docs/model.md §7.6): the share of citizens who could not file at the desk,
    /// the allowance above which the on-time and late verdicts fail, and its basis.
    static func deskGuard(_ summary: ExperimentSummary) -> JSONValue {
        .object([
            ("share", summary.gaveUpAtDeskShare.map(JSONValue.number) ?? .null),
            // Judged as a target is: its interval at the targets' level (null with one
            // replication: there is none), and what it does to the on-time and late verdicts.
            ("shareInterval", summary.deskGuard.flatMap { $0.hasInterval ? .array([.number($0.share.low), .number($0.share.high)]) : nil } ?? .null),
            ("confidence", .number(summary.confidence)),
            ("verdict", summary.deskGuard.map { .string($0.verdict.rawValue) } ?? .null),
            ("gaveUpPerReplication", estimate(summary.overall.mean(\.gaveUpAtDesk))),
            ("receivedPerReplication", estimate(summary.overall.mean(\.received))),
            ("inPersonPerReplication", estimate(summary.overall.mean(\.receivedInPerson))),
            ("allowance", .number(DeskGuard.allowance)),
            ("basis", .string(DeskGuard.basis)),
            ("failedTargets", .array(summary.targets.filter(\.failedByDeskGuard).map { .string($0.id) })),
            ("atRiskTargets", .array(summary.targets.filter { $0.heldByDeskGuard && $0.verdict == .atRisk }.map { .string($0.id) })),
        ])
    }

    /// A balance's totals over the replications, whether it holds, and its means per replication.
    static func balanceMembers(_ c: Conservation, _ mean: (KeyPath<Conservation, Int>) -> Estimate) -> [(key: String, value: JSONValue)] {
        [
            ("backlog", .number(Double(c.backlog))),
            ("received", .number(Double(c.received))),
            ("finished", .number(Double(c.finished))),
            ("refused", .number(Double(c.refused))),
            ("withdrawn", .number(Double(c.withdrawn))),
            ("inProgress", .number(Double(c.inProgress))),
            ("balanced", .bool(c.isBalanced)),
            ("perReplication", .object(conservationCounters.map { name, counter in (name, estimate(mean(counter))) })),
        ]
    }

    static var conservationCounters: [(String, KeyPath<Conservation, Int>)] {
        [
            ("backlog", \.backlog), ("received", \.received), ("finished", \.finished), ("refused", \.refused),
            ("withdrawn", \.withdrawn), ("inProgress", \.inProgress),
        ]
    }

    static func estimateMembers(_ e: Estimate) -> [(key: String, value: JSONValue)] {
        [("mean", .number(e.mean)), ("ci95", .array([.number(e.low), .number(e.high)]))]
    }

    static func estimate(_ e: Estimate) -> JSONValue { .object(estimateMembers(e)) }

    /// The counters of `counts`, by name, in the report's order: the totals and their means per
    /// replication are read through the same list, so a name cannot point at another counter.
    static var countCounters: [(String, KeyPath<ProcedureTally, Int>)] {
        [
            ("received", \.received), ("backlog", \.backlog), ("refused", \.refused), ("withdrawn", \.withdrawn),
            ("accepted", \.accepted), ("finishedOnTime", \.finishedOnTime), ("finishedLate", \.finishedLate),
            ("inProgressNotDue", \.inProgressNotDue), ("inProgressOverdue", \.inProgressOverdue),
            ("backlogOnTime", \.backlogOnTime), ("backlogLate", \.backlogLate),
            ("incomplete", \.incomplete), ("supplementRequests", \.supplementRequests),
            ("lateByRepeatedSupplements", \.lateByRepeatedSupplements), ("apologiesSent", \.apologiesSent),
            ("lateApologisedOnTime", \.lateApologisedOnTime), ("lateApologisedLate", \.lateApologisedLate),
            ("lateNotApologised", \.lateNotApologised), ("newDateMet", \.newDateMet),
            ("newDateMissed", \.newDateMissed), ("newDatePending", \.newDatePending), ("online", \.online), ("postal", \.postal),
            ("digitized", \.digitized), ("feePaying", \.feePaying), ("ePaid", \.ePaid),
            ("resultsElectronic", \.resultsElectronic), ("resultsPostal", \.resultsPostal), ("resultsAtDesk", \.resultsAtDesk),
            ("reuseEligible", \.reuseEligible), ("reused", \.reused), ("backlogFinished", \.backlogFinished),
            ("gaveUpAtDesk", \.gaveUpAtDesk),
            ("awaitingDeskCheck", \.awaitingDeskCheck), ("awaitingDeskCheckOverdue", \.awaitingDeskCheckOverdue),
            ("awaitingDeskCheckMinutes", \.awaitingDeskCheckMinutes),
        ]
    }

    static func rate(_ r: RateResult) -> JSONValue {
        let t = r.tally
        let counters = countCounters
        return .object([
            ("id", .string(r.id)),
            ("name", .string(r.name)),
            ("nameVi", r.nameVi.map(JSONValue.string) ?? .null),
            ("onTimeRate", estimate(r.onTimeRate)),
            ("counts", .object(counters.map { ($0.0, .number(Double(t[keyPath: $0.1]))) })),
            ("perReplication", .object(counters.map { ($0.0, estimate(r.mean($0.1))) })),
        ])
    }

    /// One kind of wait: waits per replication, mean and 90th percentile (minutes) with their
    /// intervals, and the longest of any replication (null when there was none).
    static func wait(_ w: WaitResult) -> JSONValue {
        .object([
            ("perReplication", estimate(w.count)),
            ("meanMinutes", estimate(w.mean)),
            ("p90Minutes", estimate(w.p90)),
            ("maxMinutes", w.count.mean > 0 ? .number(w.max) : .null),
        ])
    }

    static func office(_ o: OfficeResult, start: CivilDate) -> JSONValue {
        .object([
            ("id", .string(o.office.id)),
            ("name", .string(o.office.name)),
            ("nameVi", o.office.nameVi.map(JSONValue.string) ?? .null),
            ("kind", .string(o.office.kind.rawValue)),
            ("level", .string(o.office.level.rawValue)),
            ("staff", .number(Double(o.office.staff))),
            ("served", .number(Double(o.served))),
            ("servedPerReplication", estimate(o.servedPerReplication)),
            ("meanWaitMinutes", estimate(o.meanWait)),
            ("p90WaitMinutes", estimate(o.waitP90)),
            ("meanWaitByHourMinutes", .array(o.meanWaitByHour.map(JSONValue.number))),
            ("maxWaitMinutes", .number(o.waitMax)),
            ("lineWait", wait(o.lineWait)),
            ("trayWait", wait(o.trayWait)),
            ("utilization", estimate(o.utilization)),
            ("queueAtEnd", estimate(o.queueAtEnd)),
            ("abandoned", .number(Double(o.abandoned))),
            ("abandonedPerReplication", estimate(o.abandonedPerReplication)),
            ("queueGrowthPerDay", .number((o.queueGrowthPerDay * 1000).rounded() / 1000)),
            ("unstable", .bool(o.isUnstable)),
            ("worstWalkInDay", o.worstWalkInDay.map { worst in .object([
                ("date", .string(start.adding(days: worst.day).description)),
                ("inPersonPerReplication", .number(worst.inPerson)),
                ("gaveUpShare", .number(worst.gaveUpShare)),
                ("listed", .bool(o.losesWalkIns)),
            ]) } ?? .null),
        ])
    }
}
