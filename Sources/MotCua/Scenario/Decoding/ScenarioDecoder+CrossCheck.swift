// The checks between sections, once everything is read.
extension ScenarioDecoder {
    /// References between sections: fields, offices, staff able to serve each step, deadlines
    /// that processing could meet at all.
    func crossCheck(fields: [Located<FieldSpec>], offices: [Located<OfficeSpec>],
                    procedures: [Located<ProcedureSpec>], targets: [Located<TargetSpec>], workingDay: Double) {
        if diagnostics.checksOverlay { return }  // the references may be to the base
        let fieldIDs = Set(fields.map(\.spec.id))
        var officeByID: [String: OfficeSpec] = [:]
        for office in offices { officeByID[office.spec.id] = office.spec }
        let instanceIDs = Set(offices.flatMap { $0.spec.instances.map(\.id) })
        for procedure in procedures {
            let p = procedure.spec
            if !fieldIDs.contains(p.field) {
                diagnostics.report("\(procedure.path).field", "unknown field \"\(p.field)\"; "
                                   + "expected one of: \(fieldIDs.sorted().joined(separator: ", "))")
            }
            let steps = p.route.enumerated().map { ($0.offset == 0 ? "intake" : "steps[\($0.offset - 1)]", $0.element) }
            var fastest = 0.0
            for (name, step) in steps {
                let path = "\(procedure.path).\(name).office"
                guard let office = officeByID[step.office] else {
                    if diagnostics.officesWithProblems.contains(step.office) { continue }
                    let hint = instanceIDs.contains(step.office)
                        ? " (that is one ward instance; name its office entry so each dossier goes to its own ward)"
                        : ""
                    diagnostics.report(path, "unknown office \"\(step.office)\"\(hint); "
                                       + "expected one of: \(officeByID.keys.sorted().joined(separator: ", "))")
                    continue
                }
                if step.service != nil {
                    let staffCounts = office.instances.isEmpty
                        ? [office.staff]
                        : office.instances.map { $0.branch.flatMap { officeByID[$0]?.staff } ?? $0.staff ?? office.staff }
                    if staffCounts.contains(0) {
                        diagnostics.report(path, "office \"\(office.id)\" has no staff (in at least one instance) "
                                           + "to serve this step")
                    }
                }
                if name == "intake" && office.kind != .desk {
                    diagnostics.report(path, "the intake must be at a one-stop desk (kind \"desk\"); "
                                       + "\"\(office.id)\" is a \(office.kind.rawValue)")
                }
                if !step.pausesDeadline { fastest += (step.service?.minimum ?? 0) + (step.lag?.minimum ?? 0) }
            }
            if let anywhere = p.filingAnywhere { checkFilingAnywhere(anywhere, of: p, at: procedure.path, offices: officeByID) }
            // Even with no queue at all, work of more working days than the deadline allows
            // (the deadline days plus the day of receipt) is late by construction.
            // Every dated version of the deadline is checked: the shortest decides.
            let shortest = ([p.deadlineWorkingDays] + p.deadlineVersions.map(\.workingDays)).min() ?? p.deadlineWorkingDays
            let allowed = Double(shortest + 1) * workingDay
            if fastest > allowed {
                let days = (fastest / workingDay * 10).rounded() / 10
                let versionIndex = p.deadlineVersions.firstIndex { $0.workingDays == shortest && shortest < p.deadlineWorkingDays }
                diagnostics.report(versionIndex.map { "\(procedure.path).versions[\($0)].deadline.workingDays" } ?? "\(procedure.path).deadline.workingDays",
                                   "the fastest possible processing (minimum service and lag times of all steps) "
                                   + "takes \(days) working days, longer than the deadline of "
                                   + "\(shortest) working days: every dossier would be late")
            }
        }
        for target in targets {
            let t = target.spec
            if let field = t.field, field != "*", !fieldIDs.contains(field) {
                diagnostics.report("\(target.path).field", "unknown field \"\(field)\"; "
                                   + "expected \"*\" or one of: \(fieldIDs.sorted().joined(separator: ", "))")
            }
            if let office = t.office, officeByID[office] == nil {
                if !diagnostics.officesWithProblems.contains(office) { diagnostics.report("\(target.path).office", "unknown office \"\(office)\"") }
            } else if let office = t.office,
                      !procedures.contains(where: { p in p.spec.route.contains { $0.office == office } }) {
                diagnostics.report("\(target.path).office", "no procedure is routed through office \"\(office)\", "
                                   + "so the target measures nothing")
            }
        }
        for field in fields where !procedures.contains(where: { $0.spec.field == field.spec.id }) {
            diagnostics.report("\(field.path).id",
                               "no procedure belongs to field \"\(field.spec.id)\"; remove it or add its procedures")
        }
    }
}

extension ScenarioDecoder {
    /// Filing anywhere needs units to file at: an intake desk with instances, and a city desk
    /// without them (a dossier filed there is still decided by its own unit).
    func checkFilingAnywhere(_ anywhere: FilingAnywhereSpec, of p: ProcedureSpec, at path: String,
                             offices: [String: OfficeSpec]) {
        if let intake = offices[p.intake.office], intake.instances.count < 2, anywhere.neighbourShare > 0 {
            diagnostics.report("\(path).filingAnywhere.neighbourShare",
                               "filing at a neighbouring unit needs an intake desk with at least two instances; "
                               + "\"\(intake.id)\" has \(intake.instances.count)")
        }
        guard anywhere.cityShare > 0, let id = anywhere.cityDesk else { return }
        guard let desk = offices[id] else {
            diagnostics.report("\(path).filingAnywhere.cityDesk", "unknown office \"\(id)\"; "
                               + "expected one of: \(offices.keys.sorted().joined(separator: ", "))")
            return
        }
        if desk.kind != .desk || !desk.instances.isEmpty {
            diagnostics.report("\(path).filingAnywhere.cityDesk",
                               "expected a one-stop desk without instances (a city branch); \"\(id)\" is a "
                               + "\(desk.kind.rawValue)\(desk.instances.isEmpty ? "" : " with instances")")
        }
    }
}
