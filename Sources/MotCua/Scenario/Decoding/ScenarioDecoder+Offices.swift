// The offices section: staff, hours, ward instances, staff changes, sessions, patience.
extension ScenarioDecoder {
    func decodeStaffing(_ o: ObjectReader) -> ([StaffChangeSpec], [AbsenceSpec]) {
        var changes: [StaffChangeSpec] = []
        for (path, value) in o.array("staffChanges", required: false) ?? [] {
            let keys: Set<String> = ["from", "staff"]
            guard let c = ObjectReader(value, path: path, diagnostics: diagnostics, keys: keys) else { continue }
            let from = ScenarioLoader.date(c, "from"), staff = c.integer("staff", atLeast: 0, atMost: 100_000)
            if let from, let last = changes.last, from <= last.from {
                diagnostics.report(c.child("from"),
                                   "expected dates in increasing order; \(from) is not after \(last.from)")
            }
            if let from, let staff {
                diagnostics.dated(c.child("from"), .staffChange(staff: staff), from: from, to: from)
                changes.append(StaffChangeSpec(from: from, staff: staff))
            }
        }
        var absences: [AbsenceSpec] = []
        for (path, value) in o.array("absences", required: false) ?? [] {
            let keys: Set<String> = ["from", "to", "staff", "reason"]
            guard let a = ObjectReader(value, path: path, diagnostics: diagnostics, keys: keys) else { continue }
            let from = ScenarioLoader.date(a, "from"), to = ScenarioLoader.date(a, "to")
            let staff = a.integer("staff", atLeast: 1, atMost: 100_000), reason = a.string("reason", required: false)
            if let from, let to, to < from {
                diagnostics.report(a.child("to"), "expected a date on or after \(from), found \(to)")
            }
            if let from, let to, let staff, from <= to {
                diagnostics.dated(path, .absence, from: from, to: to)
                absences.append(AbsenceSpec(from: from, to: to, staff: staff, reason: reason))
            }
        }
        return (changes, absences)
    }

    func decodeOffices(_ root: ObjectReader, calendar: CalendarSpec?, workingDay: Double,
                       horizon: Horizon?) -> [Located<OfficeSpec>] {
        var result: [Located<OfficeSpec>] = []
        for (path, value) in root.array("offices", nonEmpty: true) ?? [] {
            guard let o = ObjectReader(value, path: path, diagnostics: diagnostics, keys: [
                "id", "kind", "level", "name", "nameVi", "staff", "hours", "saturdayHours", "instances",
                "staffChanges", "absences", "sessions", "patience",
            ]) else { continue }
            let id = o.string("id")
            let kind = o.choice("kind", OfficeKind.allCases.map(\.rawValue)).flatMap(OfficeKind.init(rawValue:))
            let level = o.choice("level", AdministrativeLevel.allCases.map(\.rawValue))
                .flatMap(AdministrativeLevel.init(rawValue:))
            let name = o.string("name"), nameVi = o.string("nameVi", required: false)
            let staff = o.integer("staff", atLeast: 0, atMost: 100_000)
            let hours = decodeHours(o["hours"], path: o.child("hours"), allowEmpty: false)
            let saturday = decodeHours(o["saturdayHours"], path: o.child("saturdayHours"), allowEmpty: true)
            if calendar?.alwaysOpen == true, o.has("hours") || o.has("saturdayHours") {
                diagnostics.report(o.child("hours"), "office hours do not apply to an always-open calendar")
            }
            var instances: [InstanceSpec] = []
            for (ipath, ivalue) in o.array("instances", required: false, nonEmpty: true) ?? [] {
                let instanceKeys: Set<String> = ["id", "name", "nameVi", "kind", "group", "staff", "weight", "hours",
                                                 "saturdayHours", "branch", "populationAssumed"]
                guard let i = ObjectReader(ivalue, path: ipath, diagnostics: diagnostics, keys: instanceKeys) else {
                    continue
                }
                let iid = i.string("id"), iname = i.string("name"), inameVi = i.string("nameVi", required: false)
                let istaff = i.integer("staff", required: false, atLeast: 0, atMost: 100_000)
                let weight = i.number("weight", required: false, atLeast: 0, atMost: 1e9) ?? 1
                let ikind = i.choice("kind", UnitList.kinds, required: false)
                let igroup = i.string("group", required: false)
                let ihours = decodeHours(i["hours"], path: i.child("hours"), allowEmpty: false)
                let isaturday = decodeHours(i["saturdayHours"], path: i.child("saturdayHours"), allowEmpty: true)
                if calendar?.alwaysOpen == true, i.has("hours") || i.has("saturdayHours") {
                    diagnostics.report(i.child("hours"), "office hours do not apply to an always-open calendar")
                }
                if let iid, let iname {
                    var instance = InstanceSpec(id: iid, name: iname, nameVi: inameVi, staff: istaff, weight: weight)
                    instance.kind = ikind ?? UnitList.defaultKind
                    instance.group = igroup
                    instance.hours = ihours
                    instance.saturdayHours = isaturday
                    instance.branch = i.string("branch", required: false)
                    instance.populationAssumed = i.bool("populationAssumed") ?? false
                    instances.append(instance)
                }
            }
            if !instances.isEmpty, instances.allSatisfy({ $0.weight == 0 }) {
                diagnostics.report(o.child("instances"), "every instance has weight 0; at least one must receive load")
            }
            let (changes, absences) = decodeStaffing(o)
            var sessions: [ClockTime] = []
            for (spath, svalue) in o.array("sessions", required: false, nonEmpty: true) ?? [] {
                guard case .string(let text) = svalue, let time = ClockTime(text), time.minutes < 1440 else {
                    diagnostics.report(spath, "expected a time HH:MM, found \(ObjectReader.describe(svalue))")
                    continue
                }
                if let last = sessions.last, time <= last {
                    diagnostics.report(spath, "expected session times in increasing order")
                }
                sessions.append(time)
            }
            let patience = decodeDistribution(o["patience"], path: o.child("patience"), workingDay: workingDay)
            if o.has("patience"), let kind, kind != .desk {
                diagnostics.report(o.child("patience"), "only citizens queueing at a desk give up; "
                                   + "\"\(kind.rawValue)\" has no citizens waiting")
            }
            if let id, let kind, let level, let name, let staff {
                var office = OfficeSpec(id: id, kind: kind, level: level, name: name, nameVi: nameVi, staff: staff,
                                        hours: hours, saturdayHours: saturday, instances: instances)
                office.staffChanges = changes
                office.absences = absences
                office.sessions = sessions
                office.patience = patience
                result.append(Located(spec: office, path: path))
            } else if let id {
                diagnostics.officesWithProblems.insert(id)
            }
        }
        uniqueIDs(result, \.id, what: "office")
        // Instance ids are unique within their entry; entries for the same wards repeat them.
        for office in result {
            var seen: [String: Int] = [:]
            for (n, instance) in office.spec.instances.enumerated() {
                if let first = seen[instance.id] {
                    diagnostics.report("\(office.path).instances[\(n)].id",
                                       "duplicate instance id \"\(instance.id)\" (first used at instances[\(first)])")
                }
                seen[instance.id] = n
            }
        }
        checkBranches(result)
        let grouped = result.filter { !$0.spec.instances.isEmpty }
        if let first = grouped.first, !diagnostics.checksOverlay {
            for other in grouped.dropFirst() where other.spec.instances.count != first.spec.instances.count {
                diagnostics.report("\(other.path).instances", "has \(other.spec.instances.count) instances but "
                                   + "\(first.spec.id) has \(first.spec.instances.count); "
                                   + "instances stand for the wards, "
                                   + "so every office with instances must list the same wards in the same order")
            }
        }
        return result
    }

    /// A unit served by a branch must name an office without instances (the branch is one
    /// office shared by the units it serves).
    func checkBranches(_ offices: [Located<OfficeSpec>]) {
        let branches = offices.filter { $0.spec.instances.isEmpty }.map(\.spec.id)
        let known = Set(branches)
        for office in offices {
            for (n, instance) in office.spec.instances.enumerated() {
                guard let branch = instance.branch, !known.contains(branch) else { continue }
                let guess = ObjectReader.closest(to: branch, among: known).map { " (did you mean \"\($0)\"?)" } ?? ""
                diagnostics.report("\(office.path).instances[\(n)].branch",
                                   "unit \"\(instance.id)\" names the branch \"\(ObjectReader.printable(branch))\", "
                                   + "which is not an office without instances\(guess); expected one of: "
                                   + branches.joined(separator: ", "))
            }
        }
    }
}
