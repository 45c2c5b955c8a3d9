// Review 4 #15: compare with units (a city) shows the units the variant changes and the units
// whose figures move most, each unit's on-time rate per field, base beside variant, paired.

extension CompareDocument {
    /// A field's name (or "all fields") for a unit figure.
    static func unitFieldName(_ figure: UnitChange.Figure, _ comparison: Comparison, words w: DocumentWords) -> String {
        guard let field = figure.field, field < comparison.summaries[0].fields.count else { return w("all fields", "tất cả lĩnh vực") }
        let rate = comparison.summaries[0].fields[field]
        return w.language.pick(rate.name, rate.nameVi)
    }

    /// The headline's line per variant that changes units: "units it changes: Tân Sơn ward —
    /// Certification 89.1% → 99.98% (+10.9 points, +9.0 … +12.8), …" (the fields that move most).
    static func unitHeadline(_ comparison: Comparison, variant v: Int, words w: DocumentWords) -> String? {
        guard v - 1 < comparison.units.count else { return nil }
        let f = w.language.numbers
        let changed = comparison.units[v - 1].filter(\.changed)
        guard !changed.isEmpty else { return nil }
        let parts = changed.prefix(3).map { unit -> String in
            // A tenth of a point or more: unmoved fields would crowd the line.
            let moves = unit.figures.filter { $0.field != nil && $0.difference.mean.isFinite && abs($0.difference.mean) >= 0.001 }
                .sorted { abs($0.difference.mean) > abs($1.difference.mean) }.prefix(3)
            let figures = moves.map { figure in
                unitFieldName(figure, comparison, words: w) + " " + f.percent(figure.base, 2) + " → " + f.percent(figure.variant, 2)
                    + " (" + pointsText(figure.difference, words: w) + ")"
            }
            return w.language.pick(unit.name, unit.nameVi) + (figures.isEmpty ? "" : " — " + figures.joined(separator: ", "))
        }
        let more = changed.count > 3 ? w(" and \(changed.count - 3) more", " và \(changed.count - 3) đơn vị khác") : ""
        return w("units it changes: ", "đơn vị thay đổi: ") + parts.joined(separator: "; ") + more
    }

    /// With units: per variant, the units it changes and those whose figures move most, a row per
    /// unit and field (all fields first) — the base's and the variant's on-time rates and the
    /// paired difference; nil without per-unit figures.
    static func unitSection(_ comparison: Comparison, words w: DocumentWords) -> ReportSection? {
        guard comparison.units.contains(where: { !$0.isEmpty }) else { return nil }
        let level = w.level(comparison.outcomes.first?.confidence ?? 0.95)
        var rows: [[ReportCell]] = []
        for units in comparison.units {
            for unit in units {
                let why = unit.changed ? w("changed by the variant", "phương án thay đổi") : w("moves most", "thay đổi nhiều nhất")
                for figure in unit.figures {
                    rows.append([.text("[\(unit.variant)]"), .text(w.language.pick(unit.name, unit.nameVi)), .text(why),
                                 .text(unitFieldName(figure, comparison, words: w)),
                                 figure.base.isFinite ? .value(figure.base, .share) : .empty,
                                 figure.variant.isFinite ? .value(figure.variant, .share) : .empty,
                                 figure.difference.count > 0 ? .estimate(mean: figure.difference.mean, low: figure.difference.low,
                                                                         high: figure.difference.high, .points) : .empty,
                                 .text(unit.id)])
                }
            }
        }
        return ReportSection(id: "units", title: w("Units the variant changes, and those that move most", "Đơn vị phương án thay đổi và đơn vị thay đổi nhiều nhất"), blocks: [
            .table(ReportTable(id: "units", columns: [
                ReportColumn("variant", w("variant", "phương án")), ReportColumn("unit", w("unit", "đơn vị")),
                ReportColumn("shown_because", w("shown because", "lý do nêu")), ReportColumn("field", w("field", "lĩnh vực")),
                ReportColumn("base", w("base", "gốc")), ReportColumn("variant_value", w("variant", "phương án")),
                ReportColumn("difference_pts", w("difference (pts, \(level) CI)", "chênh lệch (điểm %, KTC \(level))")),
                ReportColumn("unit_id", "unit_id", dataOnly: true),
            ], rows: rows, notes: [w(
                "On-time rate of the unit's residents' finished dossiers (on time ÷ finished), by field; difference = variant − base, paired by replication. Shown: every unit whose offices the variant gives other staff or hours (or whose weight it changes), and the \(UnitChange.mostMoved) other units whose field figures move most.",
                "Tỷ lệ đúng hạn của hồ sơ đã giải quyết của cư dân đơn vị (đúng hạn ÷ đã giải quyết), theo lĩnh vực; chênh lệch = phương án − gốc, ghép cặp theo từng lần chạy lặp. Nêu: mọi đơn vị mà phương án thay đổi biên chế hoặc giờ làm việc (hoặc trọng số), và \(UnitChange.mostMoved) đơn vị khác có số liệu lĩnh vực thay đổi nhiều nhất.")])),
        ])
    }
}
