// The procedures section: each procedure's route and the rules of its journey.
extension ScenarioDecoder {
    func decodeStep(_ value: JSONValue?, path: String, workingDay: Double, isIntake: Bool) -> StepSpec? {
        let keys: Set<String> = isIntake
            ? ["office", "service"] : ["office", "service", "lag", "pausesDeadline", "supplement"]
        guard let s = ObjectReader(value, path: path, diagnostics: diagnostics, keys: keys) else { return nil }
        let office = s.string("office")
        let service = decodeDistribution(s["service"], path: s.child("service"), workingDay: workingDay)
        let lag = decodeDistribution(s["lag"], path: s.child("lag"), workingDay: workingDay)
        if isIntake && !s.has("service") { s.missing("service", "the counter time of the desk check (a distribution)") }
        if !isIntake && !s.has("service") && !s.has("lag") {
            diagnostics.report(path, "a step needs a service (staff effort), a lag (waiting time), or both")
        }
        var supplement: SupplementSpec?
        if let r = s.object("supplement", required: false, keys: ["share", "repeatShare", "delay"]) {
            let share = r.share("share")
            let repeatShare = r.share("repeatShare", required: false, atMost: 0.95) ?? 0
            let delay = r.has("delay")
                ? decodeDistribution(r["delay"], path: r.child("delay"), workingDay: workingDay) : nil
            if !r.has("delay") { r.missing("delay", "a distribution of the time the citizen takes to supplement") }
            if s["service"] == nil {
                diagnostics.report(r.path,
                                   "a supplement is requested after the office's work; this step has no service")
            }
            if let share, let delay {
                supplement = SupplementSpec(share: share, repeatShare: repeatShare, delay: delay,
                                            source: r.sourceNote)
            }
        }
        guard let office else { return nil }
        var step = StepSpec(office: office, service: service, lag: lag)
        step.pausesDeadline = s.bool("pausesDeadline") ?? false
        step.supplement = supplement
        return step
    }

    func decodeProcedures(_ root: ObjectReader, workingDay: Double) -> [Located<ProcedureSpec>] {
        var result: [Located<ProcedureSpec>] = []
        for (path, value) in root.array("procedures", nonEmpty: true) ?? [] {
            guard let p = ObjectReader(value, path: path, diagnostics: diagnostics, keys: [
                "id", "name", "nameVi", "field", "yearlyVolume", "deadline", "online", "refusal", "intake", "steps",
                "priorityShare", "incomplete", "digitization", "fee", "result", "withdrawal", "load", "postal", "nationalCode",
                "versions", "reuse", "filingAnywhere",
            ]) else { continue }
            let nationalCode = p.string("nationalCode", required: false)
            if let nationalCode, !ProcedureResolver.isNationalCode(nationalCode) {
                diagnostics.report(p.child("nationalCode"), "expected a national procedure code (mã TTHC) such as "
                                   + "\"1.001612\", found \"\(ObjectReader.printable(nationalCode))\"")
            }
            let id = p.string("id"), name = p.string("name"), nameVi = p.string("nameVi", required: false)
            let field = p.string("field")
            let volume = p.number("yearlyVolume", atLeast: 0, atMost: 1e9)
            var deadline: Int?
            if let d = p.object("deadline", keys: ["workingDays"]) {
                deadline = d.integer("workingDays", atLeast: 0, atMost: 3650)
            }
            let online = p.share("online", required: false) ?? 0
            let refusal = p.share("refusal", required: false) ?? 0
            let postal = p.share("postal", required: false) ?? 0
            if online + postal > 1 {
                diagnostics.report(p.child("postal"),
                                   "online + postal shares must not exceed 1 (found \(online + postal))")
            }
            let intake = p.has("intake")
                ? decodeStep(p["intake"], path: p.child("intake"), workingDay: workingDay, isIntake: true) : nil
            if !p.has("intake") { p.missing("intake", "an object {\"office\", \"service\"}") }
            var steps: [StepSpec] = []
            for (spath, svalue) in p.array("steps", required: false) ?? [] {
                if let step = decodeStep(svalue, path: spath, workingDay: workingDay, isIntake: false) {
                    steps.append(step)
                }
            }
            func distribution(_ r: ObjectReader, _ key: String, _ what: String) -> Distribution? {
                guard r.has(key) else { r.missing(key, what); return nil }
                return decodeDistribution(r[key], path: r.child(key), workingDay: workingDay)
            }
            let priority = p.share("priorityShare", required: false) ?? 0
            var incomplete: IncompleteSpec?
            if let r = p.object("incomplete", required: false, keys: ["share", "returnDelay", "returnShare"]) {
                let share = r.share("share"), back = r.share("returnShare", required: false) ?? 1
                let delay = distribution(r, "returnDelay", "a distribution of the time until the citizen comes back")
                if let share, let delay {
                    incomplete = IncompleteSpec(share: share, returnDelay: delay, returnShare: back)
                }
            }
            var digitization: DigitizationSpec?
            if let r = p.object("digitization", required: false, keys: ["share", "service"]) {
                let share = r.share("share")
                let service = distribution(r, "service", "a distribution of the extra desk time")
                if let share, let service { digitization = DigitizationSpec(share: share, service: service) }
            }
            var fee: FeeSpec?
            if let r = p.object("fee", required: false, keys: ["ePaymentShare", "cashService"]) {
                let share = r.share("ePaymentShare")
                let cash = distribution(r, "cashService", "a distribution of the desk time of a cash payment")
                if let share, let cash { fee = FeeSpec(ePaymentShare: share, cashService: cash) }
            }
            var resultSpec: ResultSpec?
            let resultKeys: Set<String> = ["electronicShare", "postalShare", "service", "pickupDelay"]
            if let r = p.object("result", required: false, keys: resultKeys) {
                let electronic = r.share("electronicShare", required: false) ?? 0
                let postal = r.share("postalShare", required: false) ?? 0
                if electronic + postal > 1 {
                    diagnostics.report(r.path, "electronicShare + postalShare must not exceed 1")
                }
                let service = distribution(r, "service", "a distribution of the counter time to hand over the result")
                let delay = distribution(r, "pickupDelay",
                                         "a distribution of the time until the citizen collects the result")
                if let service, let delay {
                    resultSpec = ResultSpec(electronicShare: electronic, postalShare: postal, service: service,
                                            pickupDelay: delay)
                }
            }
            var withdrawal: WithdrawalSpec?
            if let r = p.object("withdrawal", required: false, keys: ["share", "after"]) {
                let share = r.share("share")
                let after = distribution(r, "after", "a distribution of the time after acceptance")
                if let share, let after { withdrawal = WithdrawalSpec(share: share, after: after) }
            }
            let versions = decodeDeadlineVersions(p)
            var reuse: ReuseSpec?
            if let r = p.object("reuse", required: false, keys: ["share", "scanningShare"]), let share = r.share("share") {
                reuse = ReuseSpec(share: share, scanningShare: r.share("scanningShare", required: false) ?? 0.5)
            }
            var filingAnywhere: FilingAnywhereSpec?
            if let r = p.object("filingAnywhere", required: false, keys: ["neighbourShare", "cityShare", "cityDesk"]) {
                let neighbour = r.share("neighbourShare", required: false) ?? 0
                let city = r.share("cityShare", required: false) ?? 0
                let desk = r.string("cityDesk", required: city > 0)
                if neighbour + city > 1 {
                    diagnostics.report(r.path, "neighbourShare + cityShare must not exceed 1 (found \(neighbour + city))")
                }
                filingAnywhere = FilingAnywhereSpec(neighbourShare: neighbour, cityShare: city, cityDesk: desk)
            }
            if let id, let name, let field, let volume, let deadline, let intake {
                var spec = ProcedureSpec(id: id, name: name, nameVi: nameVi, field: field, yearlyVolume: volume,
                                         deadlineWorkingDays: deadline, onlineShare: online, refusalShare: refusal,
                                         intake: intake, steps: steps)
                spec.priorityShare = priority
                spec.postalShare = postal
                spec.incomplete = incomplete
                spec.digitization = digitization
                spec.fee = fee
                spec.result = resultSpec
                spec.withdrawal = withdrawal
                spec.nationalCode = nationalCode
                spec.load = p.has("load") ? decodeLoad(p["load"], path: p.child("load")) : nil
                spec.filingAnywhere = filingAnywhere
                spec.deadlineVersions = versions
                spec.reuse = reuse
                result.append(Located(spec: spec, path: path))
            }
        }
        uniqueIDs(result, \.id, what: "procedure")
        return result
    }
}
