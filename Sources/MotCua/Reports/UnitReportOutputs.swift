/// The units at city scale in the page, the CSV files, the workbook and the JSON (the text is
/// in ``UnitReport``): the page shows the groups and the worst units by target; the data
/// outputs add every unit, with its on-time rate per field.
extension UnitReport {
    // MARK: HTML

    /// The page's section (nil below city scale).
    static func section(_ figures: UnitFigures?, targets: [TargetResult], language: Language) -> ReportSection? {
        guard let figures else { return nil }
        let vi = language == .vi
        func t(_ en: String, _ viText: String) -> String { vi ? viText : en }
        let groupColumns = [ReportColumn("group", t("group", "nhóm")), ReportColumn("units", t("units", "số đơn vị")),
                            ReportColumn("received", t("received", "tiếp nhận")), ReportColumn("on_time_rate", t("on time", "đúng hạn")),
                            ReportColumn("online_share", t("online", "trực tuyến")),
                            ReportColumn("lowest_unit", t("lowest unit (on time)", "đơn vị thấp nhất (đúng hạn)"))]
        let f = language.numbers
        let groups = groupRows(figures).map { group -> [ReportCell] in
            [.text(groupName(group, language)), .value(Double(group.units.count), .count), .value(group.received, .count),
             .value(group.onTimeRate, .share), .value(group.onlineShare, .share),
             .text(group.lowest.map { "\(name($0, language)) \(f.percent($0.overallRate))" } ?? "—")]
        }
        var blocks: [ReportBlock] = [.table(ReportTable(id: "unit-groups", columns: groupColumns, rows: groups, notes: [
            t("Received: the dossiers of each unit's residents per replication, all fields; on time: the group's units weighted by their dossiers.",
              "Tiếp nhận: hồ sơ của người dân mỗi đơn vị, trung bình mỗi lần chạy, mọi lĩnh vực; đúng hạn: các đơn vị của nhóm tính theo số hồ sơ."),
        ], displayOnly: true))]
        let worst = worstRows(figures, targets: targets)
        if !worst.isEmpty {
            let columns = [ReportColumn("target", language.words.target)]
                + (1...worstCount).map { ReportColumn("unit_\($0)", t("unit \($0)", "đơn vị \($0)")) }
                + [ReportColumn("below", t("below the threshold", "dưới ngưỡng"))]
            let rows = worst.map { row -> [ReportCell] in
                [.text(row.label(language))]
                    + (0..<worstCount).map { k in k < row.units.count ? .text("\(name(row.units[k].unit, language)) \(f.percent(row.units[k].value))") : .empty }
                    + [.value(Double(row.below), .count)]
            }
            blocks += [.paragraph(worstTitle(language)),
                       .table(ReportTable(id: "unit-worst", columns: columns, rows: rows, displayOnly: true))]
        }
        // What the units' figures rest on (review 4 #2).
        if let sources = figures.sourcesLine(language) { blocks.append(.paragraph(sources)) }
        return ReportSection(id: "units", title: title(figures, language), blocks: blocks)
    }

    // MARK: CSV and workbook

    /// `unit-groups.csv`, `unit-worst.csv` (one row per target and rank) and `units.csv` (every
    /// unit, with its on-time rate per field); none below city scale.
    static func tables(_ figures: UnitFigures?, targets: [TargetResult]) -> [Table] {
        guard let figures else { return [] }
        func text(_ s: String?) -> TableCell { (s ?? "").isEmpty ? .empty : .text(s ?? "") }
        let groups = Table(title: "unit-groups", headers: ["group", "units", "received_mean", "online_mean", "on_time_rate", "online_share",
                                                           "lowest_unit", "lowest_unit_on_time_rate"],
                           rows: groupRows(figures).map { g in
                               [text(g.name), .count(g.units.count), .number(g.received), .number(g.online), .percent(g.onTimeRate),
                                .percent(g.onlineShare), text(g.lowest?.id), g.lowest.map { .percent($0.overallRate) } ?? .empty]
                           })
        let worst = Table(title: "unit-worst", headers: ["target", "measure", "field", "threshold", "rank", "unit", "name", "name_vi",
                                                         "value", "below_threshold"],
                          rows: worstRows(figures, targets: targets).flatMap { row in
                              row.units.enumerated().map { k, entry -> [TableCell] in
                                  [text(row.target.id), text(row.target.measure.rawValue), text(row.target.fieldName), .percent(row.target.threshold),
                                   .count(k + 1), text(entry.unit.id), text(entry.unit.name), text(entry.unit.nameVi), .percent(entry.value),
                                   text(row.target.comparator.holds(entry.value, row.target.threshold) ? "no" : "yes")]
                              }
                          })
        let units = Table(title: "units", headers: ["unit", "name", "name_vi", "group", "received_mean", "online_mean", "on_time_rate"]
                                                   + figures.fields.map { "on_time_rate_" + $0.id.replacingOccurrences(of: "-", with: "_") },
                          rows: figures.units.map { u in
                              [text(u.id), text(u.name), text(u.nameVi), text(u.group), .number(u.received), .number(u.online),
                               .percent(u.overallRate)] + u.onTimeRate.map { TableCell.percent($0) }
                          })
        return [groups, worst, units]
    }

    // MARK: JSON

    /// The JSON report's `units` (nil below city scale).
    static func json(_ figures: UnitFigures?, targets: [TargetResult]) -> JSONValue? {
        guard let figures else { return nil }
        func number(_ x: Double) -> JSONValue { x.isFinite ? .number(x) : .null }
        func unitRef(_ unit: UnitFigures.Unit, _ value: Double) -> JSONValue {
            .object([("id", .string(unit.id)), ("name", .string(unit.name)), ("nameVi", unit.nameVi.map(JSONValue.string) ?? .null),
                     ("value", number(value))])
        }
        return .object([
            ("groups", .array(groupRows(figures).map { g in
                .object([("name", .string(g.name)), ("units", .number(Double(g.units.count))),
                         ("receivedPerReplication", number(g.received)), ("onlinePerReplication", number(g.online)),
                         ("onTimeRate", number(g.onTimeRate)), ("onlineShare", number(g.onlineShare)),
                         ("lowestUnit", g.lowest.map { unitRef($0, $0.overallRate) } ?? .null)])
            })),
            ("worstByTarget", .array(worstRows(figures, targets: targets).map { row in
                .object([("target", .string(row.target.id)), ("measure", .string(row.target.measure.rawValue)),
                         ("field", row.target.fieldName.map(JSONValue.string) ?? .null), ("threshold", .number(row.target.threshold)),
                         ("units", .array(row.units.map { unitRef($0.unit, $0.value) })), ("belowThreshold", .number(Double(row.below)))])
            })),
            ("units", .array(figures.units.map { u in
                .object([("id", .string(u.id)), ("name", .string(u.name)), ("nameVi", u.nameVi.map(JSONValue.string) ?? .null),
                         ("group", .string(u.group)), ("receivedPerReplication", number(u.received)),
                         ("onlinePerReplication", number(u.online)), ("onTimeRate", number(u.overallRate)),
                         ("onTimeRateByField", .object(zip(figures.fields, u.onTimeRate).map { ($0.id, number($1)) }))])
            })),
        ])
    }
}
