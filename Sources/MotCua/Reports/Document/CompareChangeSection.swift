// Issue #20: the sequential compare's per-target account of what it settled, in both languages.

extension ChangeDecision {
    /// What was settled, for the reports.
    func explanation(in language: Language) -> String {
        let vi = language == .vi
        return switch self {
        case .bothDecided: vi ? "đã rõ: cả hai kết quả đã có kết luận" : "known: both verdicts decided"
        case .untouched: vi ? "không đổi: giá trị như nhau ở mọi lần chạy lặp" : "unchanged: the same value in every replication"
        case .sitsOnThreshold: vi ? "chưa kết luận: nằm sát ngưỡng (số lần tối đa cũng không đủ)"
            : "undecided: sits on the threshold (the maximum could not decide it)"
        case .open: vi ? "chưa kết luận khi dừng" : "undecided at the stop"
        }
    }
}

extension CompareDocument {
    /// With `--replications auto`: per variant and target, whether its verdict change was settled,
    /// how, and after how many replications per side (nil with a fixed number: nothing was decided early).
    static func changeSection(_ comparison: Comparison, words w: DocumentWords) -> ReportSection? {
        guard comparison.outcomes.contains(where: { $0.reason != .fixed }), !comparison.changes.isEmpty else { return nil }
        let base = comparison.summaries[0]
        var rows: [[ReportCell]] = []
        for (index, changes) in comparison.changes.enumerated() {
            let v = index + 1
            for change in changes {
                guard let target = base.targets.first(where: { $0.id == change.target }),
                      let other = comparison.summaries[v].targets.first(where: { $0.id == change.target }) else { continue }
                rows.append([.text("[\(v)]"), .text(w.label(target)), .verdict(target.verdict), .verdict(other.verdict),
                             .estimate(mean: change.difference.mean, low: change.difference.low, high: change.difference.high, .points),
                             .text(change.decision.explanation(in: w.language)), change.settledAt.map { .value(Double($0), .count) } ?? .empty])
            }
        }
        let level = w.language.numbers.percent(comparison.outcomes[0].confidence, 2)
        return ReportSection(id: "change-decisions", title: w("What the replications settled", "Điều các lần chạy lặp đã kết luận"), blocks: [
            .table(ReportTable(id: "change_decisions", columns: [
                ReportColumn("variant", w("variant", "phương án")), ReportColumn("target", w("target", "chỉ tiêu")),
                ReportColumn("base_verdict", w("base", "gốc")), ReportColumn("variant_verdict", w("variant", "phương án")),
                ReportColumn("difference_pts", w("difference (pts, \(level) CI)", "chênh lệch (điểm %, KTC \(level))")),
                ReportColumn("decision", w("verdict change", "thay đổi kết quả")),
                ReportColumn("settled_after", w("settled after (replications)", "kết luận sau (số lần chạy)")),
            ], rows: rows, notes: [w(
                "A variant stops when every target's verdict change is settled; every interval has the level shown at every look, so a known change rests on the two verdicts' intervals (docs/model.md §7.3).",
                "Một phương án dừng khi thay đổi kết quả của mọi chỉ tiêu đã được kết luận; mọi khoảng tin cậy có mức ghi trên ở mọi lần xem, nên một kết luận dựa trên khoảng tin cậy của hai kết quả (docs/model.md §7.3).")])),
        ])
    }
}
