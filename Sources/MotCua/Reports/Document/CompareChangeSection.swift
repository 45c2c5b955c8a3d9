// Issue #20: the sequential compare's per-target account of what it settled, in both languages.

extension ChangeDecision {
    /// What was settled, for the reports.
    func explanation(in language: Language) -> String {
        let vi = language == .vi
        return switch self {
        case .bothDecided: vi ? "đã rõ: cả hai kết quả đã có kết luận" : "known: both verdicts decided"
        case .untouched: vi ? "không đổi: giá trị như nhau ở mọi lần chạy lặp" : "unchanged: the same value in every replication"
        case .sitsOnThreshold: vi ? "chưa kết luận: nằm sát ngưỡng (dự báo: số lần tối đa cũng không đủ)"
            : "undecided: sits on the threshold (projected: the maximum would not decide it)"
        case .open: vi ? "chưa kết luận khi dừng" : "undecided at the stop"
        }
    }
}

extension CompareDocument {
    /// "undecided: the variant's 1.93% sits on < 2%; projected from 20 replications: 40 would not
    /// decide it (chance 3%)": a projection, never read as if the maximum had been run (review 2 #17).
    static func projectionText(_ change: TargetChange, target: TargetResult, words w: DocumentWords) -> String? {
        guard let projection = change.projection else { return nil }
        let f = w.language.numbers
        let side = change.sittingSide == "base" ? w("the base's", "phương án gốc") : w("the variant's", "phương án")
        let chance = f.percent(projection.chanceToDecide, 0)
        return w("undecided: \(side) \(f.percent(projection.mean, 2)) sits on \(w.threshold(target)); projected from \(projection.used) replications: "
                 + "\(projection.maximum) would not decide it (chance \(chance))",
                 "chưa kết luận: \(side) \(f.percent(projection.mean, 2)) nằm sát ngưỡng \(w.threshold(target)); dự báo từ \(projection.used) lần chạy lặp: "
                 + "\(projection.maximum) lần cũng không kết luận được (khả năng \(chance))")
    }

    /// Per variant that stopped because a change sits on its threshold: the first such change, named.
    static func futileLines(_ comparison: Comparison, words w: DocumentWords) -> [Int: String] {
        let base = comparison.summaries[0]
        var lines: [Int: String] = [:]
        for (index, changes) in comparison.changes.enumerated() where index + 1 < comparison.outcomes.count
            && comparison.outcomes[index + 1].reason == .futile {
            for change in changes where change.projection != nil {
                guard let target = base.targets.first(where: { $0.id == change.target }),
                      let text = projectionText(change, target: target, words: w) else { continue }
                lines[index + 1] = w.short(target, among: base.targets) + " — " + text
                break
            }
        }
        return lines
    }

    /// With `--replications auto`: per variant and target, whether its verdict change was settled,
    /// how, and after how many replications per side (nil with a fixed number: nothing was decided early).
    static func changeSection(_ comparison: Comparison, words w: DocumentWords) -> ReportSection? {
        guard comparison.outcomes.contains(where: { $0.reason != .fixed }), !comparison.changes.isEmpty else { return nil }
        let base = comparison.summaries[0]
        var rows: [[ReportCell]] = []
        for (index, changes) in comparison.changes.enumerated() {
            let v = index + 1
            let stoppedEarly = v < comparison.outcomes.count && comparison.outcomes[v].reason == .futile
            for change in changes {
                guard let target = base.targets.first(where: { $0.id == change.target }),
                      let other = comparison.summaries[v].targets.first(where: { $0.id == change.target }) else { continue }
                let decision = projectionText(change, target: target, words: w)
                    ?? (change.decision == .open && stoppedEarly
                        ? w("undecided at the stop (not run on: another verdict sits on its threshold)",
                            "chưa kết luận khi dừng (không chạy thêm: có chỉ tiêu khác nằm sát ngưỡng)")
                        : change.decision.explanation(in: w.language))
                rows.append([.text("[\(v)]"), .text(w.label(target)), .verdict(target.verdict), .verdict(other.verdict),
                             .estimate(mean: change.difference.mean, low: change.difference.low, high: change.difference.high, .points),
                             .text(decision), change.settledAt.map { .value(Double($0), .count) } ?? .empty])
            }
        }
        let level = w.level(comparison.outcomes[0].confidence)
        return ReportSection(id: "change-decisions", title: w("What the replications settled", "Điều các lần chạy lặp đã kết luận"), blocks: [
            .table(ReportTable(id: "change_decisions", columns: [
                ReportColumn("variant", w("variant", "phương án")), ReportColumn("target", w("target", "chỉ tiêu")),
                ReportColumn("base_verdict", w("base", "gốc")), ReportColumn("variant_verdict", w("variant", "phương án")),
                ReportColumn("difference_pts", w("difference (pts, \(level) CI)", "chênh lệch (điểm %, KTC \(level))")),
                ReportColumn("decision", w("verdict change", "thay đổi kết quả")),
                ReportColumn("settled_after", w("settled after (replications)", "kết luận sau (số lần chạy)")),
            ], rows: rows, notes: [w(
                "A variant stops when every target's verdict change is settled, or as soon as one is out of reach: a side sits on its threshold, and the maximum of replications, projected from those run (the mean's own uncertainty and the replications to come), would decide it with a chance below 10%; the maximum is not run. Every interval has the level shown at every look, so a known change rests on the two verdicts' intervals (docs/model.md §7.3).",
                "Một phương án dừng khi thay đổi kết quả của mọi chỉ tiêu đã được kết luận, hoặc ngay khi có một thay đổi không thể kết luận: một phía nằm sát ngưỡng và, theo dự báo từ các lần đã chạy (gồm độ bất định của giá trị trung bình và các lần chạy còn lại), chạy đến số lần tối đa cũng chỉ có dưới 10% khả năng kết luận; số lần tối đa không được chạy. Mọi khoảng tin cậy có mức ghi trên ở mọi lần xem, nên một kết luận dựa trên khoảng tin cậy của hai kết quả (docs/model.md §7.3).")])),
        ])
    }
}
