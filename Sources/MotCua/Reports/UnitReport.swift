/// The units block of the text report at city scale (``UnitFigures``): one line per group of
/// units (former district, or kind) and, for each on-time and online target, the units that
/// do worst — not a line per unit. Empty for smaller scenarios.
enum UnitReport {
    static func lines(_ figures: UnitFigures?, targets: [TargetResult], language: Language) -> [String] {
        guard let figures else { return [] }
        let vi = language == .vi
        let f = ReportNumbers(language: language)
        func name(_ unit: UnitFigures.Unit) -> String { language.pick(unit.name, unit.nameVi) }
        var lines = ["", vi ? "Đơn vị cấp xã (\(figures.units.count)) theo nhóm — hồ sơ của người dân mỗi đơn vị, mọi lĩnh vực"
                              : "Units (\(figures.units.count)) by group — the dossiers of each unit's residents, all fields"]
        lines.append("  " + Format.pad(vi ? "Nhóm" : "Group", 26) + Format.right(vi ? "Số đơn vị" : "Units", 9)
                     + Format.right(vi ? "Tiếp nhận" : "Received", 12) + Format.right(vi ? "Đúng hạn" : "On time", 10)
                     + Format.right(vi ? "Trực tuyến" : "Online", 11) + "   " + (vi ? "Đơn vị thấp nhất (đúng hạn)" : "Lowest unit (on time)"))
        for group in figures.groups {
            let received = group.units.reduce(0) { $0 + $1.received }
            let online = group.units.reduce(0) { $0 + $1.online }
            // The group's rate weights its units by their dossiers, as the portal would count them.
            let weighted = group.units.filter { !$0.overallRate.isNaN }
            let weight = weighted.reduce(0) { $0 + $1.received }
            let rate = weight > 0 ? weighted.reduce(0) { $0 + $1.overallRate * $1.received } / weight : .nan
            let lowest = weighted.min { $0.overallRate < $1.overallRate }
            let label = Format.wrapped(group.name.isEmpty ? (vi ? "(không nhóm)" : "(no group)") : group.name, 26, indent: "    ")
            lines.append("  " + label.first + Format.right(String(group.units.count), 9) + Format.right(f.meanCount(received), 12)
                         + Format.right(f.percent(rate), 10) + Format.right(received > 0 ? f.percent(online / received, 1) : "—", 11)
                         + "   " + (lowest.map { "\(name($0)) \(f.percent($0.overallRate))" } ?? "—"))
            lines += label.more
        }
        var worst: [String] = []
        for target in targets {
            let units: [(UnitFigures.Unit, Double)]
            switch target.measure {
            case .onTimeRate:
                guard let field = target.fieldName.flatMap({ n in figures.fields.firstIndex { $0.name == n } }) else { continue }
                units = figures.worst(field: field, count: 3).map { ($0, $0.onTimeRate[field]) }
            case .onlineRate:
                units = figures.units.filter { $0.received > 0 }.map { ($0, $0.online / $0.received) }
                    .sorted { $0.1 < $1.1 }.prefix(3).map { $0 }
            default: continue
            }
            guard !units.isEmpty else { continue }
            var label = language.pick(target.label, target.labelVi)
            if let field = target.fieldName { label = "\(language.pick(field, target.fieldNameVi)) — " + label }
            let below = units.filter { !target.comparator.holds($0.1, target.threshold) }.count
            worst.append("  " + label + ": " + units.map { "\(name($0.0)) \(f.percent($0.1))" }.joined(separator: ", ")
                         + (below > 0 ? (vi ? " (\(below) dưới ngưỡng)" : " (\(below) below the threshold)") : ""))
        }
        if !worst.isEmpty {
            lines += ["", vi ? "Đơn vị thấp nhất theo từng chỉ tiêu (3 đơn vị)" : "Worst units by target (3 units each)"] + worst
        }
        return lines
    }
}
