// Review 4 #3, #4: the desk guard in compare — a verdict change it decided is named and judged on
// the guard share's own paired difference; the guard share gets its interval and difference.

extension CompareDocument {
    /// "+11.3 points, +10.2 … +12.4" (or "+11.3 points, one replication: no interval").
    static func pointsText(_ difference: Estimate, words w: DocumentWords) -> String {
        let f = w.language.numbers
        func signed(_ x: Double) -> String { (x >= 0 ? "+" : "−") + f.fixed(abs(x) * 100, 1) }
        let mean = signed(difference.mean) + w(" points", " điểm")
        guard difference.count > 1 else { return mean + w(", one replication: no interval", ", một lần chạy: không có khoảng") }
        return mean + ", " + signed(difference.low) + " … " + signed(difference.high)
    }

    /// The headline's account of a variant's significant changes the desk guard decided, one
    /// phrase per deciding guard: "11 targets fail by the desk guard: 7.1% → 18.4% of citizens
    /// could not file (+11.3 points, +10.2 … +12.4)"; a field's own guard names its target.
    static func guardHeadline(_ changes: [Comparison.VerdictChange], base: [TargetResult], words w: DocumentWords) -> [String] {
        let f = w.language.numbers
        var phrases: [String] = []
        func shares(_ change: Comparison.VerdictChange) -> String {
            guard let shares = change.guardShares else { return "" }
            return f.percent(shares.base, 1) + " → " + f.percent(shares.variant, 1)
        }
        func verb(_ change: Comparison.VerdictChange, many: Bool) -> String {
            if Verdict.worst(change.from, change.to) == change.from && change.from != change.to {
                return many ? w("are no longer held by", "không còn bị giữ bởi") : w("is no longer held by", "không còn bị giữ bởi")
            }
            if change.to == .atRisk { return many ? w("are at risk by", "có rủi ro do") : w("is at risk by", "có rủi ro do") }
            return many ? w("fail by", "không đạt do") : w("fails by", "không đạt do")
        }
        let scenario = changes.filter { $0.reason == .deskGuard }
        // One phrase per direction (fail, at risk, released), the share being the same.
        var groups: [(String, [Comparison.VerdictChange])] = []
        for change in scenario {
            let key = verb(change, many: true)
            if let i = groups.firstIndex(where: { $0.0 == key }) { groups[i].1.append(change) } else { groups.append((key, [change])) }
        }
        for (_, group) in groups {
            let first = group[0]
            let count = group.count
            let subject = count == 1 ? (base.first { $0.id == first.target }.map { w.short($0, among: base) } ?? first.target)
                : w("\(count) targets", "\(count) chỉ tiêu")
            var text = subject + " " + verb(first, many: count > 1) + w(" the desk guard: ", " ràng buộc một cửa: ") + shares(first)
                + w(" of citizens could not file", " công dân không nộp được hồ sơ")
            if let difference = first.guardDifference { text += " (" + pointsText(difference, words: w) + ")" }
            phrases.append(text)
        }
        for change in changes where change.reason == .fieldDeskGuard {
            let name = base.first { $0.id == change.target }.map { w.short($0, among: base) } ?? change.target
            var text = name + " " + verb(change, many: false) + w(" its field's desk guard: ", " ràng buộc một cửa của lĩnh vực: ") + shares(change)
                + w(" of its citizens could not file", " công dân của lĩnh vực không nộp được hồ sơ")
            if let difference = change.guardDifference { text += " (" + pointsText(difference, words: w) + ")" }
            phrases.append(text)
        }
        return phrases
    }

    /// Why a target has its verdict, for the verdict-reason columns: the desk guard that holds it
    /// ("desk guard: 18.4% (17.9 … 18.9%) could not file > 10%"), "value" otherwise.
    static func verdictReason(_ target: TargetResult, words w: DocumentWords) -> String {
        guard let deciding = target.decidingDeskGuard else { return w("value", "giá trị") }
        let shown = deciding.judgement.shown(w.language.numbers)
        let allowance = w.language.allowancePercent
        let relation = deciding.judgement.verdict == .atRisk ? w("straddles", "vắt qua") : ">"
        return deciding.own == nil
            ? w("desk guard: \(shown) could not file, \(relation) \(allowance)", "ràng buộc một cửa: \(shown) không nộp được, \(relation) \(allowance)")
            : w("field's desk guard: \(shown) could not file, \(relation) \(allowance)",
                "ràng buộc một cửa của lĩnh vực: \(shown) không nộp được, \(relation) \(allowance)")
    }

    /// The reason a verdict change is shown with: the deciding guard's shares, or "value".
    static func changeReason(_ change: Comparison.VerdictChange, words w: DocumentWords) -> String {
        let f = w.language.numbers
        let shares = change.guardShares.map { f.percent($0.base, 1) + " → " + f.percent($0.variant, 1) } ?? ""
        return switch change.reason {
        case .value: w("value", "giá trị")
        case .deskGuard: w("desk guard: \(shares) could not file", "ràng buộc một cửa: \(shares) không nộp được")
        case .fieldDeskGuard: w("field's desk guard: \(shares) could not file", "ràng buộc một cửa của lĩnh vực: \(shares) không nộp được")
        }
    }

    /// Under the side-by-side table: per side, the targets whose verdict the desk guard holds, so
    /// that a FAIL at 100.00% is not read as the value's (nil when the guard holds none).
    static func guardHeldNote(_ comparison: Comparison, words w: DocumentWords) -> String? {
        let base = comparison.summaries[0].targets
        let parts = comparison.summaries.indices.compactMap { v -> String? in
            let held = comparison.summaries[v].targets.filter(\.heldByDeskGuard)
            guard !held.isEmpty else { return nil }
            // Targets held by the same share together (a field's own guard may differ from the scenario's).
            var groups: [(reason: String, names: [String])] = []
            for target in held {
                let reason = verdictReason(target, words: w), name = w.short(target, among: base)
                if let i = groups.firstIndex(where: { $0.reason == reason }) { groups[i].names.append(name) } else { groups.append((reason, [name])) }
            }
            let side = v == 0 ? w("base", "gốc") : "[\(v)]"
            return side + ": " + groups.map { $0.names.joined(separator: ", ") + " — " + $0.reason }.joined(separator: "; ")
        }
        guard !parts.isEmpty else { return nil }
        return w("Verdicts held by the desk guard (not by the value; docs/model.md §7.6): ", "Kết quả do ràng buộc một cửa quyết định (không do giá trị; docs/model.md §7.6): ")
            + parts.joined(separator: "; ") + "."
    }

    /// The variants table's desk-guard cells: the share with its interval, and (variants) its
    /// paired difference from the base in points.
    static func guardCells(_ comparison: Comparison, model v: Int) -> [ReportCell] {
        let share: ReportCell = (v < comparison.summaries.count ? comparison.summaries[v].deskGuard : nil).map { judgement in
            judgement.hasInterval ? .estimate(mean: judgement.share.mean, low: judgement.share.low, high: judgement.share.high, .share)
                : .value(judgement.share.mean, .share)
        } ?? .empty
        let difference: ReportCell = v > 0 && v - 1 < comparison.deskGuardDifferences.count
            ? comparison.deskGuardDifferences[v - 1].map { .estimate(mean: $0.mean, low: $0.low, high: $0.high, .points) } ?? .empty : .empty
        return [share, difference]
    }
}
