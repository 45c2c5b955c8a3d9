/// The terminal report of `motcua compare`.
public enum ComparisonReport {
    /// Renders `comparison`; rows whose value is the same in every variant are left out.
    public static func render(_ comparison: Comparison, replications: Int, language: Language = .en) -> String {
        let vi = language == .vi
        var lines: [String] = []
        lines.append(vi ? "SO SÁNH PHƯƠNG ÁN (cùng chuỗi ngẫu nhiên, \(replications) lần chạy lặp; chênh lệch = phương án − gốc, KTC 95%)"
                        : "COMPARISON (common random numbers, \(replications) replications; difference = variant − base, 95% CI)")
        for (i, name) in comparison.names.enumerated() {
            lines.append("  [\(i == 0 ? (vi ? "gốc" : "base") : String(i))] \(name)")
        }
        lines.append("")
        // Wide enough for the longest label ("mean wait in the tray — <office>") plus a space.
        let width = Swift.max(46, (comparison.rows.map { (vi ? $0.labelVi : $0.label).count }.max() ?? 0) + 1)
        var header = "  " + Format.pad(vi ? "chỉ số" : "measure", width) + Format.right(vi ? "gốc" : "base", 11)
        for v in 1..<comparison.names.count { header += Format.right("[\(v)]", 11) + Format.right(vi ? "chênh lệch [\(v)]" : "difference [\(v)]", 32) }
        lines.append(header)
        for row in comparison.rows {
            guard row.differences.contains(where: { $0.count > 0 && ($0.low != 0 || $0.high != 0) }) else { continue }
            func value(_ e: Estimate) -> String {
                row.isShare ? Format.percent(e.mean) : Format.duration(minutes: e.mean, vietnamese: vi)
            }
            func difference(_ e: Estimate) -> String {
                guard e.count > 0 else { return "—" }
                if row.isShare {
                    let points = vi ? " điểm %" : " pts"
                    return signed(e.mean * 100) + points + " [" + signed(e.low * 100) + ", " + signed(e.high * 100) + "]"
                }
                let largest = Swift.max(abs(e.low), abs(e.high))
                let (scale, unit) = largest < 120 ? (1.0, vi ? " phút" : " min") : largest < 2880 ? (60.0, vi ? " giờ" : " h") : (1440.0, vi ? " ngày" : " d")
                return signed(e.mean / scale) + unit + " [" + signed(e.low / scale) + ", " + signed(e.high / scale) + "]"
            }
            var line = "  " + Format.pad(vi ? row.labelVi : row.label, width) + Format.right(value(row.values[0]), 11)
            for v in 1..<row.values.count {
                line += Format.right(value(row.values[v]), 11) + Format.right(difference(row.differences[v - 1]), 32)
            }
            lines.append(line)
        }
        lines.append("")
        lines.append(vi ? "CHỈ TIÊU ĐỔI KẾT QUẢ ĐÁNH GIÁ" : "TARGET VERDICTS THAT CHANGE")
        if comparison.verdictChanges.isEmpty {
            lines.append(vi ? "  không có" : "  none")
        }
        let words = language.words
        for change in comparison.verdictChanges {
            lines.append("  [\(change.variant)] \(change.target): \(TextReport.verdictWord(change.from, words)) → \(TextReport.verdictWord(change.to, words))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func signed(_ x: Double) -> String {
        guard x.isFinite else { return "—" }
        let text = Format.fixed(x, 2)
        return x >= 0 ? "+" + text : text
    }
}
