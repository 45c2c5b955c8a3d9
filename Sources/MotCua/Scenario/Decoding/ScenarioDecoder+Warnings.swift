// Warnings: what a valid scenario holds that is probably not meant. The scenario runs; the
// planner is told (a 2024 scenario copied to 2025 keeps its 2024 Tết surge, which then
// silently does nothing).
extension ScenarioDecoder {
    func warn(horizon: Horizon, offices: [Located<OfficeSpec>], procedures: [Located<ProcedureSpec>],
              targets: [Located<TargetSpec>], backlog: [BacklogSpec]) {
        warnDatedEntries(horizon)
        for procedure in procedures where procedure.spec.yearlyVolume == 0 {
            diagnostics.warn("\(procedure.path).yearlyVolume", "0: no dossier of this procedure arrives; "
                             + "give its volume or remove the procedure")
        }
        var routed = Set(procedures.flatMap { $0.spec.route.map(\.office) })
            .union(procedures.compactMap { $0.spec.filingAnywhere?.cityShare ?? 0 > 0 ? $0.spec.filingAnywhere?.cityDesk : nil })
        // A branch is reached through the routed per-unit office whose units it serves.
        routed.formUnion(offices.filter { routed.contains($0.spec.id) }.flatMap { $0.spec.instances.compactMap(\.branch) })
        for office in offices where !routed.contains(office.spec.id) {
            diagnostics.warn(office.path, "no procedure's route reaches office \"\(office.spec.id)\": "
                             + "it receives no work; route a procedure through it or remove it")
        }
        warnTargetsWithoutDossiers(offices: offices, procedures: procedures, targets: targets, backlog: backlog)
        warnDistrictLevelAfterAbolition(horizon, offices: offices)
        warnTwoLevelBeforeCreation(horizon, offices: offices, procedures: procedures)
    }

    /// The other way round (an outside review, 4 #10): a city of the two-level government (a
    /// per-unit office over a city's units, or filing anywhere) whose horizon starts before
    /// 1 July 2025 models days on which its units, their centres and filing anywhere did not
    /// exist. One warning, at the first such office or procedure.
    func warnTwoLevelBeforeCreation(_ horizon: Horizon, offices: [Located<OfficeSpec>], procedures: [Located<ProcedureSpec>]) {
        guard horizon.start < Self.districtsAbolished else { return }
        let perUnit = offices.first { $0.spec.instances.count >= SimulationModel.unitFiguresFrom }
        let anywhere = procedures.first { $0.spec.filingAnywhere != nil }
        guard let path = perUnit.map({ "\($0.path).instances" }) ?? anywhere.map({ "\($0.path).filingAnywhere" }) else { return }
        let what = perUnit.map { "\($0.spec.instances.count) units of the two-level government" } ?? "filing anywhere"
        diagnostics.warn(path, "\(what), but the horizon starts on \(horizon.start), before \(Self.districtsAbolished), the day "
                         + "the units, their public administration service centres and filing anywhere began (Resolution "
                         + "1685/NQ-UBTVQH15; Decree 118/2025/NĐ-CP): the days before it are modelled with a structure that "
                         + "did not exist; start the horizon on or after 2025-07-01, or model those days with a district scenario")
    }

    /// The day the district level ended (Resolution 1685/NQ-UBTVQH15; the two-level government
    /// and Decree 118/2025/NĐ-CP, docs/model.md §10, §13).
    static let districtsAbolished = CivilDate(year: 2025, month: 7, day: 1)!

    /// A scenario with offices at district level whose horizon runs on 1 July 2025 or later: it
    /// runs (the rules are data), but from that day its structure is not the city's (red-team 2
    /// item 24). One warning, at the first district office.
    func warnDistrictLevelAfterAbolition(_ horizon: Horizon, offices: [Located<OfficeSpec>]) {
        let district = offices.filter { $0.spec.level == .district }
        let last = horizon.start.adding(days: horizon.days - 1)
        guard let first = district.first, last >= Self.districtsAbolished else { return }
        let names = district.map { "\"\($0.spec.id)\"" }.joined(separator: ", ")
        let span = horizon.start >= Self.districtsAbolished
            ? "the whole horizon (\(horizon.start) to \(last)) lies on or after"
            : "the horizon (\(horizon.start) to \(last)) reaches"
        diagnostics.warn("\(first.path).level", "district level (office\(district.count > 1 ? "s" : "") \(names)), but "
                         + "\(span) \(Self.districtsAbolished), the day the districts were abolished "
                         + "(Resolution 1685/NQ-UBTVQH15; two-level government, one-stop rules of Decree 118/2025/NĐ-CP): "
                         + "from that day this structure and its Decree 61 rules are not the city's; end the horizon "
                         + "by 2025-06-30, or model the later days with a ward-centre or city-unit scenario (motcua new)")
    }

    /// Surges, absences and staff changes dated outside the horizon: one warning per entry.
    /// Dates later in the horizon's last year are not: a shortened run of a yearly scenario
    /// (`--set horizon.days=30`) leaves them out on purpose.
    func warnDatedEntries(_ horizon: Horizon) {
        let last = horizon.start.adding(days: horizon.days - 1)
        let span = "the horizon (\(horizon.start) to \(last))"
        let beyond = { (date: CivilDate) in date > last && date.components.year > last.components.year }
        for entry in diagnostics.datedEntries {
            switch entry.kind {
            case .surge, .absence:
                guard entry.to < horizon.start || beyond(entry.from) else { continue }
                let what = if case .surge = entry.kind { "surge" } else { "absence" }
                diagnostics.warn(entry.path, "\(entry.from) to \(entry.to) is outside \(span): this \(what) "
                                 + "has no effect; move its dates into the horizon or remove it")
            case .ruleVersion:
                if beyond(entry.from) {
                    diagnostics.warn(entry.path, "\(entry.from) is after \(span): this rule version never applies")
                } else if entry.from < horizon.start {
                    diagnostics.warn(entry.path, "\(entry.from) is before \(span): this version applies to every dossier "
                                     + "received in the horizon and the rule before it only to the opening backlog; "
                                     + "if the date was copied from another year, move it")
                }
            case .staffChange(let staff):
                if beyond(entry.from) {
                    diagnostics.warn(entry.path, "\(entry.from) is after \(span): this staff change never applies")
                } else if entry.from < horizon.start {
                    diagnostics.warn(entry.path, "\(entry.from) is before \(span): the office has \(staff) staff "
                                     + "from the first day; if the date was copied from another year, move it")
                }
            }
        }
    }

    /// Targets whose field (with their level and office) has no procedure with dossiers: they
    /// measure nothing.
    func warnTargetsWithoutDossiers(offices: [Located<OfficeSpec>], procedures: [Located<ProcedureSpec>],
                                    targets: [Located<TargetSpec>], backlog: [BacklogSpec]) {
        let withBacklog = Set(backlog.filter { $0.count > 0 }.map(\.procedure))
        let active = procedures.map(\.spec).filter { $0.yearlyVolume > 0 || withBacklog.contains($0.id) }
        var levelOf: [String: AdministrativeLevel] = [:]
        for office in offices { levelOf[office.spec.id] = office.spec.level }
        for target in targets {
            let t = target.spec
            let field = t.field == "*" ? nil : t.field
            let measured = active.contains { p in
                (field == nil || p.field == field)
                    && (t.level == nil || levelOf[p.intake.office] == t.level)
                    && (t.office == nil || p.route.contains { $0.office == t.office })
            }
            guard !measured else { continue }
            var scope: [String] = []
            if let field { scope.append("in field \"\(field)\"") }
            if let level = t.level { scope.append("received at \(level.rawValue) level") }
            if let office = t.office { scope.append("routed through \"\(office)\"") }
            let which = scope.isEmpty ? "" : " " + scope.joined(separator: ", ")
            diagnostics.warn(field != nil ? "\(target.path).field" : target.path,
                             "no procedure\(which) has dossiers (a yearly volume above 0 or a backlog): "
                             + "the target measures nothing")
        }
    }
}
