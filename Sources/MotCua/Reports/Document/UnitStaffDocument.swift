/// The report of `staff --per-unit` (``UnitStaffingSearch``): which units need more (or fewer)
/// staff of one office, grouped by former district or kind, with the worst units and what the
/// search cost — not a 168-row wall: only the units whose staff changes are listed one by one.
public enum UnitStaffDocument {
    /// How many units the headline names, and how many worst units the report lists.
    static let named = 10

    public static func document(_ search: UnitStaffingSearch, provenance: Provenance, language: Language) -> ReportDocument {
        let p = language.unitStaffWords
        let office = language.pick(search.officeName, search.officeNameVi)
        let target = language.pick(search.target.label, search.target.labelVi)
        func unitName(_ unit: UnitStaffingSearch.Unit) -> String { language.pick(unit.name, unit.nameVi) }
        func figureName(_ id: String) -> String {
            search.figures.first { $0.id == id }.map { language.pick($0.name, $0.nameVi) } ?? id
        }
        func signed(_ n: Int) -> String { n > 0 ? "+\(n)" : "\(n)" }
        let seconds = language.numbers.fixed(search.seconds, 1) + " s"

        let raised = search.units.filter { $0.change > 0 }
        let lowered = search.units.filter { $0.change < 0 }
        var headline: [String] = []
        // A search that did not converge says so first, before any staffing reads as the answer.
        if !search.settled { headline.append(UnitStaffExtraWords.unsettled(language)) }
        if raised.isEmpty {
            headline.append(p.noneNeedMore(search.units.count, office, target))
        } else {
            headline.append(p.needMore(raised.count, search.units.count, office, raised.reduce(0) { $0 + $1.change }, target))
            let most = raised.sorted { ($0.change, -($0.worstToday?.gap ?? 0)) > ($1.change, -($1.worstToday?.gap ?? 0)) }.prefix(named)
            headline.append(p.mostNeeded + ": " + most.map { "\(unitName($0)) (\($0.group)) \($0.today) → \($0.staff)" }.joined(separator: "; ")
                            + (raised.count > named ? "; …" : "") + ".")
        }
        let leftOut = search.figures.compactMap { figure -> String? in
            let units = search.units.filter { $0.setAside.contains(figure.id) }.count
            return units == 0 ? nil : p.inUnits(figureName(figure.id), units)
        }
        if !leftOut.isEmpty { headline.append(p.leftOut(leftOut.joined(separator: ", "))) }
        if !lowered.isEmpty { headline.append(p.slack(lowered.count, -lowered.reduce(0) { $0 + $1.change })) }
        if !search.unmet.isEmpty { headline.append(p.unmet(search.unmet.count)) }
        // Raised or not, a unit left undecided is named: its figure moved no further with staff.
        let undecided = search.units.filter { $0.undecided != nil }
        if let most = undecided.compactMap(\.undecided).map(\.suggested).max() {
            let names = undecided.prefix(named).map { u in unitName(u) + (u.worst.map { " (" + figureName($0.figure) + ")" } ?? "") }.joined(separator: "; ")
                + (undecided.count > named ? "; …" : "")
            // The suggestion comes with what it costs at this search's pace: at city scale a few
            // hundred replications of one staffing are hours (an outside review, 4 #9).
            let pace = search.seconds / Double(Swift.max(1, search.simulatedReplications))
            headline.append(UnitStaffExtraWords.undecided(undecided.count, replications: search.replications, suggested: most, names: names, language)
                            + " " + UnitStaffExtraWords.suggestionCost(Double(most) * pace, language))
        }
        // Officers added at units that still do not pass are not shown to reach the target.
        let raisedOpen = raised.filter { !$0.passes }
        if !raisedOpen.isEmpty {
            headline.append(UnitStaffExtraWords.raisedNotPassing(raisedOpen.count, added: raisedOpen.reduce(0) { $0 + $1.change },
                                                                 names: raisedOpen.prefix(named).map(unitName).joined(separator: "; ")
                                                                    + (raisedOpen.count > named ? "; …" : ""), language))
        }
        headline.append(UnitStaffExtraWords.cost(search.evaluations, distinct: search.distinctStaffings, simulated: search.simulatedReplications,
                                                 stored: search.storedReplications, seconds: seconds, language))
        var document = ReportDocument(kind: "staff-units", title: p.title + " — " + office + " — "
                                      + language.pick(provenance.scenarioName, provenance.scenarioNameVi),
                                      headline: headline, provenance: provenance, language: language)

        let groups = UnitFigures.groupedInOrder(search.units, by: \.group)
        let groupRows = groups.map { name, units -> [ReportCell] in
            let worst = units.filter { $0.worstToday != nil }.min { $0.worstToday!.gap < $1.worstToday!.gap }
            var row: [ReportCell] = [.text(name), .value(Double(units.count), .count),
                                     .value(Double(units.filter { $0.change > 0 }.count), .count),
                                     .value(Double(units.reduce(0) { $0 + Swift.max(0, $1.change) }), .count)]
            if search.reduces {
                row += [.value(Double(units.filter { $0.change < 0 }.count), .count),
                        .value(Double(units.reduce(0) { $0 - Swift.min(0, $1.change) }), .count)]
            }
            row += [.value(Double(units.filter { !$0.passes && $0.undecided == nil }.count), .count),
                    .value(Double(units.filter { $0.undecided != nil }.count), .count),
                    .text(worst.map { u in unitName(u) + " — " + figureName(u.worstToday!.figure) } ?? "—"),
                    worst?.worstToday.map { .value($0.estimate.mean, .share) } ?? .empty]
            return row
        }
        var groupColumns = [ReportColumn("group", p.group), ReportColumn("units", p.units), ReportColumn("need_more", p.needMoreColumn),
                            ReportColumn("added", p.added)]
        if search.reduces { groupColumns += [ReportColumn("with_slack", p.withSlack), ReportColumn("removed", p.removed)] }
        groupColumns += [ReportColumn("not_met", p.notMet), ReportColumn("undecided", UnitStaffExtraWords.undecidedColumn(language)),
                         ReportColumn("worst_today", p.worstToday),
                         ReportColumn("worst_today_on_time", p.onTime)]
        document.sections.append(ReportSection(id: "groups", title: p.byGroup, blocks: [
            .table(ReportTable(id: "groups", columns: groupColumns, rows: groupRows, notes: [p.groupNote])),
        ]))

        func reading(_ r: UnitStaffingSearch.Reading?) -> [ReportCell] {
            guard let r else { return [.empty, .empty] }
            return [.value(r.estimate.mean, .share), .verdict(r.verdict)]
        }
        // Units whose staff changes, then (in a table of their own) units left as they are that
        // do not pass: undecided or not met at the limit (an outside review, 4 #9: one table
        // titled "staff changes" listed both).
        let order: (UnitStaffingSearch.Unit, UnitStaffingSearch.Unit) -> Bool = { ($0.group, $0.change, $0.id) < ($1.group, $1.change, $1.id) }
        let changed = search.units.filter { $0.change != 0 }.sorted(by: order)
        let open = search.units.filter { $0.change == 0 && !$0.passes }.sorted(by: order)
        func rows(_ units: [UnitStaffingSearch.Unit]) -> [[ReportCell]] { units.map { u -> [ReportCell] in
            [.text(u.group), .text(unitName(u)), .text(u.kind), .value(Double(u.today), .count), .value(Double(u.staff), .count),
             .text(signed(u.change)), .text(u.worstToday.map { figureName($0.figure) } ?? "—")]
                + reading(u.worstToday) + reading(u.worst) + reading(u.oneFewer)
                + [.text(u.change <= 0 ? "—" : u.neededFor.map { figureName($0.figure) + " " + language.numbers.percent($0.estimate.mean) }
                    ?? UnitStaffExtraWords.byGuard(language))]
        } }
        let unitColumns = [
            ReportColumn("group", p.group), ReportColumn("unit", p.unit), ReportColumn("kind", p.kind),
            ReportColumn("today", p.today), ReportColumn("recommended", p.recommended), ReportColumn("change", p.change),
            ReportColumn("worst_figure", p.worstFigure),
            ReportColumn("today_on_time", p.atToday), ReportColumn("today_verdict", p.atToday),
            ReportColumn("recommended_on_time", p.atRecommended), ReportColumn("recommended_verdict", p.atRecommended),
            ReportColumn("one_fewer_on_time", p.withOneFewer), ReportColumn("one_fewer_verdict", p.withOneFewer),
            ReportColumn("raised_for", UnitStaffExtraWords.neededFor(language))]
        document.sections.append(ReportSection(id: "changes", title: p.changes + " (\(changed.count))", blocks: changed.isEmpty
            ? [.paragraph(p.noChange)]
            : [.table(ReportTable(id: "changes", columns: unitColumns,
                                  rows: rows(changed), notes: [p.changesNote, UnitStaffExtraWords.neededNote(language)]))]))
        if !open.isEmpty {
            document.sections.append(ReportSection(id: "not_passing", title: UnitStaffExtraWords.notPassingTitle(language) + " (\(open.count))",
                                                   blocks: [.table(ReportTable(id: "not_passing", columns: unitColumns, rows: rows(open),
                                                                               notes: [UnitStaffExtraWords.notPassingNote(language)]))]))
        }

        let worst = search.units.filter { $0.worstToday != nil }.sorted { $0.worstToday!.gap < $1.worstToday!.gap }.prefix(named)
        document.sections.append(ReportSection(id: "worst", title: p.worstUnits, blocks: [
            .table(ReportTable(id: "worst_units", columns: [
                ReportColumn("unit", p.unit), ReportColumn("group", p.group), ReportColumn("figure", p.figure),
                ReportColumn("on_time", p.onTime), ReportColumn("ci95", p.ci), ReportColumn("verdict", p.today),
                ReportColumn("staff", p.today), ReportColumn("recommended", p.recommended)],
                rows: worst.map { u in
                    let r = u.worstToday!
                    return [.text(unitName(u)), .text(u.group), .text(figureName(r.figure)), .value(r.estimate.mean, .share),
                            .interval(low: r.estimate.low, high: r.estimate.high, .share), .verdict(r.verdict),
                            .value(Double(u.today), .count), .value(Double(u.staff), .count)]
                }, notes: [p.worstNote])),
        ]))

        var checks: [ReportBlock] = []
        let aside = search.units.filter { !$0.setAside.isEmpty }
        if !aside.isEmpty {
            let names = Set(aside.flatMap(\.setAside)).sorted().map(figureName).joined(separator: ", ")
            checks.append(.paragraph(p.setAside(aside.count, names)))
        }
        let notMinimal = search.units.filter { $0.oneFewerFails == false }.map(unitName)
        let tried = search.units.contains { $0.oneFewerFails != nil }
        checks.append(.paragraph(!notMinimal.isEmpty ? p.notMinimal(notMinimal.joined(separator: ", ")) : tried ? p.minimal : p.nothingToCheck))
        if !search.settled { checks.append(.paragraph(p.unsettled)) }
        checks.append(.paragraph(p.replications(search.screening, search.replications, language.numbers.percent(search.confidence, 2))))
        checks.append(.table(ReportTable(id: "evaluations", columns: [
            ReportColumn("round", p.round), ReportColumn("note", p.note), ReportColumn("replications", p.replicationsColumn),
            ReportColumn("simulated", UnitStaffExtraWords.simulated(language)),
            ReportColumn("failing", p.failing), ReportColumn("total_staff", p.totalStaff)],
            rows: search.rounds.enumerated().map { i, r in
                [.value(Double(i + 1), .count), .text(p.purpose(r.purpose, r.number, r.moved)), .value(Double(r.replications), .count),
                 .value(Double(r.simulated), .count),
                 .value(Double(r.failing), .count), .value(Double(r.totalStaff), .count)]
            })))
        document.sections.append(ReportSection(id: "evaluations", title: p.rounds + " (\(search.rounds.count))", blocks: checks))
        return document
    }
}
