/// Decodes the scenario document; cross-references are checked once everything is read.
struct ScenarioDecoder {
    let diagnostics: Diagnostics
    let directory: String
    let file: String

    /// Length of a working day in minutes, for distributions given in working days.
    static func minutesPerWorkingDay(_ calendar: CalendarSpec?) -> Double {
        guard let calendar else { return 480 }
        return calendar.alwaysOpen ? 1440 : Double(calendar.hours.totalMinutes)
    }

    /// The keys a scenario document may have at its top level.
    static let topLevelKeys: Set<String> = [
        "format", "name", "nameVi", "description", "seed", "horizon", "calendar", "fields", "offices", "procedures",
        "targets", "policies", "backlog", "load", "procedureTable", "units", "unitTable",
        "backTest",
    ]
    /// The top-level keys a whole scenario must have; a document with known keys but few of
    /// these is an overlay.
    static let requiredTopLevelKeys = ["name", "horizon", "calendar", "fields", "offices", "procedures"]

    func decode(_ document: JSONValue) -> Scenario? {
        guard let root = ObjectReader(document, path: "$", diagnostics: diagnostics,
                                      keys: ScenarioDecoder.topLevelKeys) else { return nil }
        if let format = root.string("format", required: false), format != "motcua-scenario/1" {
            diagnostics.report(root.child("format"), "expected \"motcua-scenario/1\", found \"\(format)\"")
        }
        let name = root.string("name")
        let nameVi = root.string("nameVi", required: false)
        let description = root.string("description", required: false, nonEmpty: false)
        let seed = root.integer("seed", required: false, atLeast: 0)
        let horizon = decodeHorizon(root)
        let calendar = decodeCalendar(root, horizon: horizon)
        let workingDay = ScenarioDecoder.minutesPerWorkingDay(calendar)
        let fields = decodeFields(root)
        let offices = decodeOffices(root, calendar: calendar, workingDay: workingDay, horizon: horizon)
        let procedures = decodeProcedures(root, workingDay: workingDay)
        let targets = decodeTargets(root)
        let policies = decodePolicies(root)
        let load = decodeLoad(root["load"], path: root.child("load")) ?? .flat
        let backlog = decodeBacklog(root, procedures: procedures.map(\.spec), receivedBy: horizon?.start.adding(days: -1))
        let backTest = decodeBackTest(root)
        crossCheck(fields: fields, offices: offices, procedures: procedures, targets: targets, workingDay: workingDay)
        guard let name, let horizon, let calendar, diagnostics.isEmpty else { return nil }
        warn(horizon: horizon, offices: offices, procedures: procedures, targets: targets, backlog: backlog)
        var scenario = Scenario(name: name, nameVi: nameVi, description: description, seed: UInt64(seed ?? 1),
                                horizon: horizon, calendar: calendar, fields: fields.map(\.spec),
                                offices: offices.map(\.spec), procedures: procedures.map(\.spec), targets: targets.map(\.spec),
                                policies: policies, backlog: backlog, load: load)
        scenario.backTest = backTest
        return scenario
    }

    struct Located<T> {
        let spec: T
        let path: String
    }

    func uniqueIDs<T>(_ items: [Located<T>], _ id: (T) -> String, what: String) {
        var seen: [String: String] = [:]
        for item in items {
            let key = id(item.spec)
            if let first = seen[key] {
                diagnostics.report("\(item.path).id", "duplicate \(what) id \"\(key)\" (first used at \(first))")
            } else {
                seen[key] = item.path
            }
        }
    }

    func decodeHorizon(_ root: ObjectReader) -> Horizon? {
        guard let h = root.object("horizon", keys: ["start", "days", "warmUpDays"]) else { return nil }
        let start = ScenarioLoader.date(h, "start")
        let days = h.integer("days", atLeast: 1, atMost: 36_600)
        let warmUp = h.integer("warmUpDays", required: false, atLeast: 0) ?? 0
        if let days, warmUp >= days {
            diagnostics.report(h.child("warmUpDays"),
                               "expected fewer warm-up days than the \(days) days of the horizon, found \(warmUp)")
        }
        guard let start, let days else { return nil }
        return Horizon(start: start, days: days, warmUpDays: warmUp)
    }

    func decodeFields(_ root: ObjectReader) -> [Located<FieldSpec>] {
        var result: [Located<FieldSpec>] = []
        for (path, value) in root.array("fields", nonEmpty: true) ?? [] {
            let keys: Set<String> = ["id", "name", "nameVi"]
            guard let f = ObjectReader(value, path: path, diagnostics: diagnostics, keys: keys) else { continue }
            let id = f.string("id"), name = f.string("name"), nameVi = f.string("nameVi", required: false)
            if let id, id == "*" {
                diagnostics.report(f.child("id"), "\"*\" is reserved for \"every field\" in targets")
            }
            if let id, let name {
                result.append(Located(spec: FieldSpec(id: id, name: name, nameVi: nameVi), path: path))
            }
        }
        uniqueIDs(result, \.id, what: "field")
        return result
    }

    /// - Parameter receivedBy: the last day a backlog dossier can have been received (the day
    ///   before the horizon), whose deadline version applies to it.
    func decodeBacklog(_ root: ObjectReader, procedures: [ProcedureSpec], receivedBy: CivilDate?) -> [BacklogSpec] {
        var result: [BacklogSpec] = []
        for (path, value) in root.array("backlog", required: false) ?? [] {
            let keys: Set<String> = ["procedure", "count", "elapsedWorkingDays", "step"]
            guard let b = ObjectReader(value, path: path, diagnostics: diagnostics, keys: keys) else { continue }
            let id = b.string("procedure"), count = b.integer("count", atLeast: 0, atMost: 10_000_000)
            let elapsed = b.has("elapsedWorkingDays")
                ? decodeDistribution(b["elapsedWorkingDays"], path: b.child("elapsedWorkingDays"), workingDay: 1)
                : .deterministic(value: 0)
            let step = b.integer("step", required: false, atLeast: 1)
            guard let id else { continue }
            guard let procedure = procedures.first(where: { $0.id == id }) else {
                if diagnostics.checksOverlay { continue }  // a procedure of the base
                diagnostics.report(b.child("procedure"), "unknown procedure \"\(id)\"")
                continue
            }
            if let step, step > procedure.steps.count {
                let steps = procedure.steps.count
                diagnostics.report(b.child("step"),
                                   "procedure \"\(id)\" has \(steps) steps after the desk; "
                                   + "expected 1…\(max(steps, 1))")
                continue
            }
            if let elapsed, !elapsedFitsDeadline(elapsed, of: procedure, receivedBy: receivedBy, path: b.child("elapsedWorkingDays")) { continue }
            if let count, let elapsed {
                var spec = BacklogSpec(procedure: id, count: count, elapsedWorkingDays: elapsed, step: step)
                spec.source = b.sourceNote
                result.append(spec)
            }
        }
        return result
    }

    /// Whether the working days a backlog dossier has used lie within its deadline: a draw
    /// beyond it has no route position and no due date (`1e19` once trapped in the backlog
    /// code). Bounded distributions are checked by their largest value, unbounded ones by their
    /// mean (their draws are cut at the deadline, docs/model.md §9).
    func elapsedFitsDeadline(_ elapsed: Distribution, of procedure: ProcedureSpec, receivedBy: CivilDate?, path: String) -> Bool {
        let largest: (value: Double, key: String)
        switch elapsed {
        case .deterministic(let value): largest = (value, "value")
        case .uniform(_, let max), .triangular(_, _, let max): largest = (max, "max")
        case .empirical(let table): largest = (table.values.max() ?? 0, "values")
        default: largest = (elapsed.mean, "mean")
        }
        let workingDays = receivedBy.map(procedure.deadlineWorkingDays(receivedOn:)) ?? procedure.deadlineWorkingDays
        let deadline = Double(workingDays)
        guard largest.value.isFinite, largest.value <= deadline else {
            diagnostics.report("\(path).\(largest.key)",
                               "expected working days already used between 0 and the deadline of \"\(procedure.id)\" "
                               + "(\(workingDays) working days), found \(ObjectReader.format(largest.value))")
            return false
        }
        return true
    }

    func decodePolicies(_ root: ObjectReader) -> PolicySpec {
        var policy = PolicySpec.standard
        guard let p = root.object("policies", required: false,
                                  keys: ["apology", "versions", "deskOrder", "electronicWaitLimitHours"]) else { return policy }
        if let order = p.choice("deskOrder", DeskOrder.allCases.map(\.rawValue), required: false) {
            policy.deskOrder = DeskOrder(rawValue: order) ?? .arrival
        }
        decodeElectronicWaitLimit(p, into: &policy)
        if let a = p.object("apology", required: false, keys: ["onTimeShare", "lateShare", "extensionWorkingDays"]) {
            policy = decodeApology(a, over: policy)
        }
        policy.versions = decodePolicyVersions(p, base: policy)
        return policy
    }

    /// `policies.electronicWaitLimitHours`: required with `"citizens-first-bounded"`, a finite
    /// number of hours ≥ 0 whenever given; read only by that order (so that `--set
    /// policies.deskOrder=arrival` on a bounded scenario needs no other change).
    private func decodeElectronicWaitLimit(_ p: ObjectReader, into policy: inout PolicySpec) {
        let bounded = policy.deskOrder == .citizensFirstBounded
        let key = "electronicWaitLimitHours"
        guard let hours = p.number(key, required: false, atLeast: 0) else {
            if bounded && !p.has(key) {
                p.missing(key, "the open working hours an online or postal dossier may wait at the desk before it is "
                          + "taken ahead of the next citizen (required with \"deskOrder\": \"citizens-first-bounded\")")
            }
            return
        }
        guard hours.isFinite else {
            diagnostics.report(p.child(key),
                               "expected a finite number of open working hours ≥ 0, found \(ObjectReader.format(hours))")
            return
        }
        if bounded { policy.electronicWaitLimitHours = hours }
    }

    func decodeTargets(_ root: ObjectReader) -> [Located<TargetSpec>] {
        var result: [Located<TargetSpec>] = []
        for (path, value) in root.array("targets", required: false) ?? [] {
            guard let t = ObjectReader(value, path: path, diagnostics: diagnostics, keys: [
                "id", "label", "labelVi", "measure", "field", "office", "level", "comparator", "threshold", "status", "reason", "reasonVi",
            ]) else { continue }
            let id = t.string("id"), label = t.string("label"), labelVi = t.string("labelVi", required: false)
            // A target of the plan the simulation cannot compute is carried with its reason
            // (docs/model.md §7.5): it needs no measure.
            let status = t.choice("status", ["computed", "not computable"], required: false)
            let notComputable = status == "not computable"
            let reason = t.string("reason", required: notComputable)
            let reasonVi = t.string("reasonVi", required: false)
            for key in ["reason", "reasonVi"] where !notComputable && t.has(key) {
                diagnostics.report(t.child(key), "a reason is given only with \"status\": \"not computable\"")
            }
            let measures = TargetMeasure.allCases.map(\.rawValue)
            let measure = notComputable ? TargetMeasure.onTimeRate : t.choice("measure", measures).flatMap(TargetMeasure.init(rawValue:))
            if notComputable && t.has("measure") {
                diagnostics.report(t.child("measure"), "a target that is not computable has no measure; give its reason")
            }
            let level = t.choice("level", AdministrativeLevel.allCases.map(\.rawValue), required: false)
                .flatMap(AdministrativeLevel.init(rawValue:))
            let field = t.string("field", required: false), office = t.string("office", required: false)
            let comparator = t.choice("comparator", [">=", ">", "<=", "<"]).flatMap(Comparator.init(rawValue:))
            let threshold = t.share("threshold")
            if let id, let label, let measure, let comparator, let threshold {
                var target = TargetSpec(id: id, label: label, labelVi: labelVi, measure: measure, field: field,
                                        office: office, comparator: comparator, threshold: threshold)
                target.level = level
                target.notComputable = notComputable ? reason : nil
                target.notComputableVi = notComputable ? reasonVi : nil
                target.source = t.sourceNote
                result.append(Located(spec: target, path: path))
            }
        }
        uniqueIDs(result, \.id, what: "target")
        return result
    }
}
