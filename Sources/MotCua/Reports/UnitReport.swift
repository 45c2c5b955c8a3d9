/// The units at city scale (``UnitFigures``) in every output of `run` and `merge`: one row per
/// group of units (former district, or kind) and, for each on-time and online target, the
/// units that do worst — not a row per unit, except in the data outputs (CSV, workbook,
/// JSON), which list every unit. Empty for smaller scenarios.
enum UnitReport {
    /// A group of units with its totals.
    struct GroupRow {
        let name: String
        let units: [UnitFigures.Unit]
        /// Dossiers of its residents per replication, and of them online.
        let received: Double
        let online: Double
        /// The group's on-time rate, its units weighted by their dossiers, as the portal would count them.
        let onTimeRate: Double
        let lowest: UnitFigures.Unit?
        var onlineShare: Double { received > 0 ? online / received : .nan }
    }

    /// The units that do worst for one target.
    struct WorstRow {
        let target: TargetResult
        let units: [(unit: UnitFigures.Unit, value: Double)]
        /// How many of them miss the target's threshold.
        let below: Int

        func label(_ language: Language) -> String {
            var label = language.pick(target.label, target.labelVi)
            if let field = target.fieldName { label = "\(language.pick(field, target.fieldNameVi)) — " + label }
            return label
        }
    }

    /// The worst units shown per target.
    static let worstCount = 3

    static func groupRows(_ figures: UnitFigures) -> [GroupRow] {
        figures.groups.map { group in
            let received = group.units.reduce(0) { $0 + $1.received }
            let online = group.units.reduce(0) { $0 + $1.online }
            let weighted = group.units.filter { !$0.overallRate.isNaN }
            let weight = weighted.reduce(0) { $0 + $1.received }
            let rate = weight > 0 ? weighted.reduce(0) { $0 + $1.overallRate * $1.received } / weight : .nan
            return GroupRow(name: group.name, units: group.units, received: received, online: online, onTimeRate: rate,
                            lowest: weighted.min { $0.overallRate < $1.overallRate })
        }
    }

    static func worstRows(_ figures: UnitFigures, targets: [TargetResult]) -> [WorstRow] {
        targets.compactMap { target in
            let units: [(UnitFigures.Unit, Double)]
            switch target.measure {
            case .onTimeRate:
                guard let field = target.fieldName.flatMap({ n in figures.fields.firstIndex { $0.name == n } }) else { return nil }
                units = figures.worst(field: field, count: worstCount).map { ($0, $0.onTimeRate[field]) }
            case .onlineRate:
                units = figures.units.filter { $0.received > 0 }.map { ($0, $0.online / $0.received) }
                    .sorted { $0.1 < $1.1 }.prefix(worstCount).map { $0 }
            default: return nil
            }
            guard !units.isEmpty else { return nil }
            return WorstRow(target: target, units: units, below: units.filter { !target.comparator.holds($0.1, target.threshold) }.count)
        }
    }

    static func name(_ unit: UnitFigures.Unit, _ language: Language) -> String { language.pick(unit.name, unit.nameVi) }

    static func groupName(_ row: GroupRow, _ language: Language) -> String {
        row.name.isEmpty ? (language == .vi ? "(không nhóm)" : "(no group)") : row.name
    }

    static func title(_ figures: UnitFigures, _ language: Language) -> String {
        language == .vi ? "Đơn vị cấp xã (\(figures.units.count)) theo nhóm — hồ sơ của người dân mỗi đơn vị, mọi lĩnh vực"
                        : "Units (\(figures.units.count)) by group — the dossiers of each unit's residents, all fields"
    }

    static func worstTitle(_ language: Language) -> String {
        language == .vi ? "Đơn vị thấp nhất theo từng chỉ tiêu (\(worstCount) đơn vị)" : "Worst units by target (\(worstCount) units each)"
    }

    static func belowNote(_ below: Int, _ language: Language) -> String {
        below > 0 ? (language == .vi ? " (\(below) dưới ngưỡng)" : " (\(below) below the threshold)") : ""
    }

    // MARK: Text

    static func lines(_ figures: UnitFigures?, targets: [TargetResult], language: Language) -> [String] {
        guard let figures else { return [] }
        let vi = language == .vi
        let f = ReportNumbers(language: language)
        var lines = ["", title(figures, language)]
        lines.append("  " + Format.pad(vi ? "Nhóm" : "Group", 26) + Format.right(vi ? "Số đơn vị" : "Units", 9)
                     + Format.right(vi ? "Tiếp nhận" : "Received", 12) + Format.right(vi ? "Đúng hạn" : "On time", 10)
                     + Format.right(vi ? "Trực tuyến" : "Online", 11) + "   " + (vi ? "Đơn vị thấp nhất (đúng hạn)" : "Lowest unit (on time)"))
        for group in groupRows(figures) {
            let label = Format.wrapped(groupName(group, language), 26, indent: "    ")
            lines.append("  " + label.first + Format.right(String(group.units.count), 9) + Format.right(f.meanCount(group.received), 12)
                         + Format.right(f.percent(group.onTimeRate), 10)
                         + Format.right(group.received > 0 ? f.percent(group.onlineShare, 1) : "—", 11)
                         + "   " + (group.lowest.map { "\(name($0, language)) \(f.percent($0.overallRate))" } ?? "—"))
            lines += label.more
        }
        let worst = worstRows(figures, targets: targets).map { row in
            "  " + row.label(language) + ": " + row.units.map { "\(name($0.unit, language)) \(f.percent($0.value))" }.joined(separator: ", ")
                + belowNote(row.below, language)
        }
        if !worst.isEmpty { lines += ["", worstTitle(language)] + worst }
        // What the units' figures rest on (review 4 #2), under the table and the worst units.
        if let sources = figures.sourcesLine(language) { lines += Format.wrap(sources, 98).map { "  " + $0 } }
        return lines
    }
}
