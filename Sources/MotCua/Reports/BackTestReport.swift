/// The back-test block of the text report: each published figure of the scenario next to the
/// baseline, with the baseline's interval and whether it holds the figure (docs/model.md §13.3).
/// Empty when the scenario has no `backTest`.
enum BackTestReport {
    static func lines(_ results: [BackTestResult], language: Language) -> [String] {
        guard !results.isEmpty else { return [] }
        let vi = language == .vi
        let f = ReportNumbers(language: language)
        func value(_ x: Double, _ measure: BackTestFigure.Measure) -> String {
            measure == .receivedPerDay ? f.meanCount(x) : f.percent(x, 1)
        }
        var lines = ["", vi ? "Đối chiếu với số liệu đã công bố (docs/model.md §13.3)"
                              : "Back-test against published figures (docs/model.md §13.3)"]
        lines.append("  " + Format.pad(vi ? "Chỉ tiêu" : "Figure", 34) + Format.pad(vi ? "Kỳ" : "Period", 22)
                     + Format.right(vi ? "Công bố" : "Published", 11) + Format.right(vi ? "Mô hình" : "Baseline", 11)
                     + "   " + Format.pad(vi ? "KTC 95%" : "95% CI", 22) + (vi ? "Kết luận" : "Verdict"))
        for r in results {
            let m = r.figure.measure
            let ci = r.baseline.count > 1 ? "\(value(r.baseline.low, m)) … \(value(r.baseline.high, m))" : "—"
            let verdict: String
            switch r.reproduced {
            case .some(true): verdict = vi ? "tái hiện được" : "reproduced"
            case .some(false):
                let higher = r.baseline.mean > r.figure.value
                verdict = vi ? (higher ? "không: mô hình cao hơn" : "không: mô hình thấp hơn")
                             : (higher ? "missed: baseline higher" : "missed: baseline lower")
            case .none: verdict = vi ? "một lần chạy: không có khoảng" : "one replication: no interval"
            }
            let label = Format.wrapped(language.pick(r.figure.label, r.figure.labelVi), 34, indent: "    ")
            lines.append("  " + label.first + Format.pad(r.figure.period, 22) + Format.right(value(r.figure.value, m), 11)
                         + Format.right(value(r.baseline.mean, m), 11) + "   " + Format.pad(ci, 22) + verdict)
            lines += label.more
            lines.append("    ↳ " + r.figure.source)
        }
        return lines
    }
}
