import Foundation

/// Words of the experiment reports (compare, sweep, staff) in both languages.
struct DocumentWords {
    let language: Language
    var vi: Bool { language == .vi }
    func callAsFunction(_ english: String, _ vietnamese: String) -> String { vi ? vietnamese : english }

    /// A target as a reader names it: its field first (several targets share one wording).
    func label(_ target: TargetResult) -> String {
        let label = language.pick(target.label, target.labelVi)
        return target.fieldName.map { language.pick($0, target.fieldNameVi) + " — " + label } ?? label
    }

    /// The short name of a target in a headline: its field when no other of `targets` has that
    /// field, else its whole label.
    func short(_ target: TargetResult, among targets: [TargetResult]) -> String {
        guard let field = target.fieldName, targets.filter({ $0.fieldName == field }).count == 1 else { return label(target) }
        return language.pick(field, target.fieldNameVi)
    }

    /// "≥ 98%".
    func threshold(_ target: TargetResult) -> String {
        let sign = switch target.comparator {
        case .atLeast: "≥"
        case .atMost: "≤"
        case .above: ">"
        case .below: "<"
        }
        let whole = abs((target.threshold * 100).rounded() - target.threshold * 100) < 1e-9
        return sign + " " + language.numbers.percent(target.threshold, whole ? 0 : 2)
    }

    /// "6 of 12 targets pass; fail: construction, land" (at risk named apart).
    func passing(_ targets: [TargetResult]) -> String {
        guard !targets.isEmpty else { return self("the scenario has no targets", "kịch bản không có chỉ tiêu") }
        let passing = targets.filter { $0.verdict == .pass }.count
        var text = self("\(passing) of \(targets.count) targets pass", "\(passing)/\(targets.count) chỉ tiêu đạt")
        let failing = targets.filter { $0.verdict == .fail }.map { short($0, among: targets) }
        let atRisk = targets.filter { $0.verdict == .atRisk }.map { short($0, among: targets) }
        if !failing.isEmpty { text += self("; fail: ", "; không đạt: ") + failing.joined(separator: ", ") }
        if !atRisk.isEmpty { text += self("; at risk: ", "; có rủi ro: ") + atRisk.joined(separator: ", ") }
        return text
    }

    var verdictNote: String { verdictNote(level: 0.95) }

    /// The verdicts' rule with the level of their intervals (a sequential experiment's is above 95%).
    func verdictNote(level confidence: Double) -> String {
        let level = self.level(confidence)
        return self("PASS: the whole \(level) confidence interval meets the target; FAIL: it misses it entirely; AT RISK: the interval straddles the threshold.",
                    "ĐẠT: cả khoảng tin cậy \(level) đạt chỉ tiêu; KHÔNG ĐẠT: cả khoảng không đạt; CÓ RỦI RO: khoảng tin cậy nằm hai bên ngưỡng.")
    }

    /// "95%", or a sequential experiment's "99.38%" / "99,38%".
    func level(_ confidence: Double) -> String { confidence == 0.95 ? "95%" : language.numbers.percent(confidence, 2) }

    var targetColumns: [ReportColumn] {
        [ReportColumn("target", self("target", "chỉ tiêu")), ReportColumn("threshold", self("threshold", "ngưỡng"))]
    }

    func targetCells(_ target: TargetResult) -> [ReportCell] { [.text(label(target)), .text(threshold(target))] }
}

/// The report of `motcua compare`: the targets side by side with paired 95% intervals of the
/// differences, the verdicts that change, an interval chart of the differences, and the other
/// measures (on-time by field, waits, busy staff).
public enum CompareDocument {
    /// The paired difference (variant − base) of each base target, per variant after the base,
    /// by target id: replication `i` of a variant against replication `i` of the base, as the
    /// measures of ``Comparison`` are paired; intervals at `confidence` (a sequential compare's level).
    public static func pairedTargetDifferences(models: [SimulationModel], results: [[RunResult]], seed: UInt64,
                                               confidence: Double = 0.95) -> [[String: Estimate]] {
        func perReplication(_ v: Int) -> [[String: Double]] {
            results[v].map { Comparison.targetValues(model: models[v], seed: seed, result: $0) }
        }
        let base = perReplication(0)
        return models.indices.dropFirst().map { Comparison.pairedDifferences(base: base, variant: perReplication($0), confidence: confidence) }
    }

    /// The document of `comparison`; `variants` says what each variant changed (its file).
    public static func document(_ comparison: Comparison, paired: [[String: Estimate]], variants: [String], provenance: Provenance,
                                language: Language) -> ReportDocument {
        let w = DocumentWords(language: language)
        let base = comparison.summaries[0]
        var headline = [w("Base: ", "Phương án gốc: ") + w.passing(base.targets) + "."]
        func named(_ changes: [Comparison.VerdictChange]) -> String {
            changes.map { change in
                let target = base.targets.first { $0.id == change.target }
                return (target.map { w.short($0, among: base.targets) } ?? change.target) + " (" + TextReport.verdictWord(change.from, language.words) + " → "
                    + TextReport.verdictWord(change.to, language.words) + ")"
            }.joined(separator: ", ")
        }
        let futile = futileLines(comparison, words: w)
        for v in 1..<comparison.summaries.count {
            // A change whose paired difference straddles 0 is noise, not an effect of the variant (review 2 #10).
            // A change the desk guard decided is judged on the guard's difference and said so (review 4 #3).
            let changes = comparison.verdictChanges.filter { $0.variant == v && $0.isSignificant && $0.reason == .value }
            let guarded = guardHeadline(comparison.verdictChanges.filter { $0.variant == v && $0.isSignificant && $0.reason != .value },
                                        base: base.targets, words: w)
            let noise = comparison.verdictChanges.filter { $0.variant == v && !$0.isSignificant }
            var text = "[\(v)] " + (v - 1 < variants.count ? variants[v - 1] : comparison.names[v]) + ": " + w.passing(comparison.summaries[v].targets)
            if !guarded.isEmpty { text += "; " + guarded.joined(separator: "; ") }
            text += !changes.isEmpty ? w("; verdicts that change: ", "; chỉ tiêu đổi kết quả: ") + named(changes)
                : guarded.isEmpty ? w("; no verdict changes", "; không chỉ tiêu nào đổi kết quả") : ""
            if !noise.isEmpty {
                text += w("; not significant (the paired difference straddles 0, noise only): ",
                          "; không có ý nghĩa thống kê (chênh lệch ghép cặp nằm hai bên 0, chỉ là nhiễu): ") + named(noise)
            }
            if let line = futile[v] { text += w("; stopped ", "; dừng vì ") + line }
            if let line = unitHeadline(comparison, variant: v, words: w) { text += "; " + line }
            headline.append(text + ".")
        }
        // A whole scenario of another district (other name, other targets) is run with the same
        // seeds, but its citizens, offices and targets are others: the pairing does not make the
        // two comparable, and its differences are not the effect of a change.
        let baseIDs = Set(base.targets.map(\.id))
        let unrelated = (1..<comparison.summaries.count).filter { v in
            comparison.summaries[v].scenarioName != base.scenarioName || Set(comparison.summaries[v].targets.map(\.id)) != baseIDs
        }
        let unrelatedWarning = unrelated.isEmpty ? nil : w(
            "Warning: " + unrelated.map { "[\($0)]" }.joined(separator: ", ") + " is another scenario (another name or other targets) than the base: "
                + "the same seeds (common random numbers) do not make two different scenarios comparable; the differences are not the effect of one change.",
            "Cảnh báo: " + unrelated.map { "[\($0)]" }.joined(separator: ", ") + " là kịch bản khác (tên hoặc chỉ tiêu khác) với phương án gốc: "
                + "dùng cùng chuỗi ngẫu nhiên không làm hai kịch bản khác nhau trở nên so sánh được; chênh lệch không phải là tác động của một thay đổi.")
        if let unrelatedWarning { headline.append(unrelatedWarning) }
        headline += HorizonWarnings.lines(comparison.summaries.map(\.shortHorizon), language: language)
        var document = ReportDocument(kind: "compare", title: w("Comparison of variants", "So sánh phương án") + " — "
                                      + language.pick(base.scenarioName, base.scenarioNameVi),
                                      headline: headline, provenance: provenance, language: language)
        document.sections.append(ReportSection(id: "variants", title: w("Variants", "Các phương án"), blocks: [.table(ReportTable(
            id: "variants", columns: [ReportColumn("variant", w("variant", "phương án")), ReportColumn("scenario", w("scenario", "kịch bản")),
                                      ReportColumn("replications", w("replications", "số lần chạy lặp")), ReportColumn("stopped", w("stopped because", "dừng vì")),
                                      ReportColumn("gave_up_at_desk", language.couldNotFile),
                                      ReportColumn("gave_up_at_desk_difference_pts", w("difference (pts, \(w.level(comparison.outcomes.first?.confidence ?? 0.95)) CI)",
                                                                                       "chênh lệch (điểm %, KTC \(w.level(comparison.outcomes.first?.confidence ?? 0.95)))"))],
            rows: comparison.names.enumerated().map { i, name -> [ReportCell] in
                let outcome = i < comparison.outcomes.count ? comparison.outcomes[i] : nil
                return [.text(i == 0 ? w("base", "gốc") : "[\(i)]"), .text(name), outcome.map { .value(Double($0.used), .count) } ?? .empty,
                        outcome.map { .text(futile[i] ?? $0.reason.explanation(in: language)) } ?? .empty] + guardCells(comparison, model: i)
            }, notes: [deskGuardNote(language)]))] + (unrelatedWarning.map { [.paragraph($0)] } ?? [])))

        // Targets side by side; a sequential compare's intervals have its higher level.
        let confidence = comparison.outcomes.first?.confidence ?? 0.95
        let level = w.level(confidence)
        var columns = w.targetColumns + [ReportColumn("base", w("base", "gốc")), ReportColumn("base_verdict", w("verdict", "kết quả")),
                                         ReportColumn("base_verdict_reason", "base_verdict_reason", dataOnly: true)]
        // A variant that changes a target's threshold is judged against its own: shown next to its verdict.
        let ownThreshold = (0..<comparison.summaries.count).map { v in
            v > 0 && base.targets.contains { target in
                comparison.summaries[v].targets.first { $0.id == target.id }.map { w.threshold($0) != w.threshold(target) } ?? false
            }
        }
        for v in 1..<comparison.summaries.count {
            if ownThreshold[v] { columns.append(ReportColumn("variant_\(v)_threshold", w("threshold", "ngưỡng") + " [\(v)]")) }
            columns += [ReportColumn("variant_\(v)", "[\(v)]"), ReportColumn("variant_\(v)_verdict", w("verdict", "kết quả") + " [\(v)]"),
                        ReportColumn("difference_pts_\(v)", w("difference [\(v)] (pts, \(level) CI)", "chênh lệch [\(v)] (điểm %, KTC \(level))")),
                        ReportColumn("variant_\(v)_verdict_reason", "variant_\(v)_verdict_reason", dataOnly: true)]
        }
        // The target's id last, in the data outputs only: the key to join run's targets.csv (review 3 #22).
        columns.append(ReportColumn("id", "id", dataOnly: true))
        var items: [IntervalItem] = []
        let rows = base.targets.map { target -> [ReportCell] in
            var row = w.targetCells(target) + [.value(target.estimate.mean, .share), .verdict(target.verdict), .text(verdictReason(target, words: w))]
            for v in 1..<comparison.summaries.count {
                let other = comparison.summaries[v].targets.first(where: { $0.id == target.id })
                if ownThreshold[v] { row.append(other.map { .text(w.threshold($0)) } ?? .empty) }
                guard let other, let difference = paired[v - 1][target.id] else {
                    row += [.empty, .empty, .empty, .empty]
                    continue
                }
                row += [.value(other.estimate.mean, .share), .verdict(other.verdict),
                        .estimate(mean: difference.mean, low: difference.low, high: difference.high, .points), .text(verdictReason(other, words: w))]
                items.append(IntervalItem(label: (comparison.summaries.count > 2 ? "[\(v)] " : "") + w.label(target),
                                          mean: difference.mean, low: difference.low, high: difference.high))
            }
            return row + [.text(target.id)]
        }
        document.sections.append(ReportSection(id: "targets", title: w("Targets side by side", "Các chỉ tiêu theo từng phương án"), blocks: [
            .table(ReportTable(id: "targets", columns: columns, rows: rows, notes: [
                w("difference = variant − base, in percentage points, paired by replication (common random numbers), with its \(level) confidence interval.",
                  "chênh lệch = phương án − gốc, tính bằng điểm %, ghép cặp theo từng lần chạy lặp (cùng chuỗi ngẫu nhiên), kèm khoảng tin cậy \(level)."),
                w.verdictNote(level: confidence),
            ] + (guardHeldNote(comparison, words: w).map { [$0] } ?? []))),
            .chart(.intervals(id: "chart-differences", title: w("Difference from the base, with \(level) intervals", "Chênh lệch so với phương án gốc, kèm khoảng tin cậy \(level)"),
                              axisTitle: w("difference from the base (percentage points)", "chênh lệch so với phương án gốc (điểm %)"),
                              items: items, quantity: .points, reference: 0)),
        ]))

        // Verdicts that change.
        let changes = comparison.verdictChanges.map { change -> [ReportCell] in
            let target = base.targets.first { $0.id == change.target }
            // A change the desk guard decided shows, and is judged on, the guard share's difference.
            let judged = change.reason == .value ? change.difference : change.guardDifference
            let difference: ReportCell = judged.map { .estimate(mean: $0.mean, low: $0.low, high: $0.high, .points) } ?? .empty
            return [.text("[\(change.variant)]"), .text(target.map(w.label) ?? change.target), .verdict(change.from), .verdict(change.to), difference,
                    .text(changeReason(change, words: w)),
                    .text(change.isSignificant ? w("yes", "có") : w("not significant: straddles 0", "không có ý nghĩa: nằm hai bên 0"))]
        }
        document.sections.append(ReportSection(id: "verdict-changes", title: w("Verdicts that change", "Chỉ tiêu đổi kết quả đánh giá"), blocks: changes.isEmpty
            ? [.paragraph(w("None: every target keeps its verdict.", "Không có: mọi chỉ tiêu giữ nguyên kết quả."))]
            : [.table(ReportTable(id: "verdict_changes", columns: [
                ReportColumn("variant", w("variant", "phương án")), ReportColumn("target", w("target", "chỉ tiêu")),
                ReportColumn("base_verdict", w("base", "gốc")), ReportColumn("variant_verdict", w("variant", "phương án")),
                ReportColumn("difference_pts", w("difference (pts, \(level) CI)", "chênh lệch (điểm %, KTC \(level))")),
                ReportColumn("verdict_reason", w("decided by", "do")),
                ReportColumn("significant", w("significant", "có ý nghĩa"))], rows: changes, notes: [w(
                    "Significant: the paired difference's interval is clear of 0. A change whose difference straddles 0 only moved an interval across the threshold (noise); it is left out of the headline's changes.",
                    "Có ý nghĩa: khoảng tin cậy của chênh lệch ghép cặp không chứa 0. Một thay đổi có chênh lệch nằm hai bên 0 chỉ là khoảng tin cậy dịch qua ngưỡng (nhiễu); không được nêu trong phần tóm tắt."),
                    w("A change decided by the desk guard (docs/model.md §7.6) shows, and is judged on, the paired difference of the guard's share (citizens in person who could not file), not the target's value.",
                      "Thay đổi do ràng buộc một cửa quyết định (docs/model.md §7.6) được đánh giá theo chênh lệch ghép cặp của tỷ lệ công dân đến trực tiếp không nộp được hồ sơ, không theo giá trị của chỉ tiêu.")]))]))

        if let section = unitSection(comparison, words: w) { document.sections.append(section) }
        if let section = changeSection(comparison, words: w) { document.sections.append(section) }

        // The other measures, as the terminal has always shown them.
        var measureColumns = [ReportColumn("measure", w("measure", "chỉ số")), ReportColumn("unit", "unit", dataOnly: true), ReportColumn("base", w("base", "gốc"))]
        for v in 1..<comparison.names.count {
            measureColumns += [ReportColumn("variant_\(v)", "[\(v)]"), ReportColumn("difference_\(v)", w("difference [\(v)] (\(level) CI)", "chênh lệch [\(v)] (KTC \(level))"))]
        }
        var left = 0
        let measureRows = comparison.rows.compactMap { row -> [ReportCell]? in
            // A measure equal in every replication of every variant says nothing.
            guard row.differences.contains(where: { $0.count > 0 && ($0.low != 0 || $0.high != 0) }) else { left += 1; return nil }
            let quantity: Quantity = row.isShare ? .share : .minutes
            let differenceQuantity: Quantity = row.isShare ? .points : .minuteDifference(TimeScale(largest: max(abs(row.differences.map(\.low).min() ?? 0), abs(row.differences.map(\.high).max() ?? 0))))
            // The unit of the values and of the differences, for a spreadsheet (review 4 #4).
            let unit = row.isShare ? "share; difference in points" : "minutes"
            var cells: [ReportCell] = [.text(w.vi ? row.labelVi : row.label), .text(unit), .value(row.values[0].mean, quantity)]
            for v in 1..<row.values.count {
                let d = row.differences[v - 1]
                cells += [.value(row.values[v].mean, quantity), .estimate(mean: d.mean, low: d.low, high: d.high, differenceQuantity)]
            }
            return cells
        }
        document.sections.append(ReportSection(id: "measures", title: w("Other measures", "Các chỉ số khác"), blocks: [
            .table(ReportTable(id: "measures", columns: measureColumns, rows: measureRows,
                               notes: [w("Differences of shares are in percentage points; of durations, in the unit shown (in minutes in the CSV and workbook).",
                                        "Chênh lệch của tỷ lệ tính bằng điểm %; của thời gian, theo đơn vị ghi kèm (tính bằng phút trong CSV và bảng tính).")]
                                   + (left > 0 ? [w("\(left) measures equal in every variant are left out.", "\(left) chỉ số như nhau ở mọi phương án được lược bỏ.")] : []))),
        ]))
        return document
    }
}
