import Foundation

/// How a target's value depends on its inputs (``TargetResult/inputDrivenKind``).
public enum InputDrivenKind: String, Sendable {
    /// The measured value restates an input share (the apology rate and `onTimeShare`).
    case repeatsInput
    /// The verdict is decided by inputs the scenario marks as assumptions (docs/model.md §7.3).
    case restsOnAssumption
}

// Verdicts that rest on assumptions (docs/model.md §7.3, review 2 #7 and #11): the opening
// backlog cleared, whose size, age and date are assumed; an on-time or late verdict that the
// dossiers late only by the one-request rule (set by `repeatShare`) turn.
extension ExperimentSummary {
    /// The kind of a `source` note: the text before its first colon ("assumption: …"), or
    /// "assumption" when it ends by saying so ("… — assumption"); "no source" when absent.
    static func sourceKind(_ source: String?) -> String {
        guard let source, !source.isEmpty else { return "no source" }
        let head = source.split(separator: ":", maxSplits: 1).first.map(String.init) ?? source
        if head.lowercased().hasPrefix("assumption") || source.lowercased().hasSuffix("assumption") { return "assumption" }
        return head.count <= 40 ? head : "sourced"
    }

    /// The note for a verdict that inputs marked as assumptions (or unsourced) decide, or nil.
    /// - Parameter language: the language of the note's words and numbers (the scenario's keys,
    ///   such as `repeatShare`, stay as written).
    static func assumptionDeciding(_ target: TargetSpec, result: TargetResult, perReplication: [ProcedureTally],
                                   members: [Int], scenario: Scenario, confidence: Double, replicated: Bool,
                                   language: Language = .en) -> String? {
        let vi = language == .vi
        let f = language.numbers
        switch target.measure {
        case .backlogClearedRate:
            let ids = Set(members.map { scenario.procedures[$0].id })
            let backlog = scenario.backlog.filter { ids.contains($0.procedure) && $0.count > 0 }
            guard !backlog.isEmpty else { return nil }
            let kinds = Set(backlog.map { sourceKind($0.source) })
            let dateKind = sourceKind(target.source)
            guard kinds.contains("assumption") || kinds.contains("no source") || dateKind == "assumption" else { return nil }
            let end = scenario.horizon.start.adding(days: scenario.horizon.days - 1)
            if vi {
                return "\(f.count(backlog.reduce(0) { $0 + $1.count })) hồ sơ tồn đầu kỳ, số lượng và thời gian tồn "
                    + "(\(kinds.map(language.sourceKind).sorted().joined(separator: ", "))), hồ sơ nào cũng còn trong hạn khi bắt đầu kỳ; "
                    + "mốc thời gian là ngày cuối kỳ mô phỏng, \(f.date(end)) (\(language.sourceKind(dateKind)))"
            }
            return "opening backlog of \(backlog.reduce(0) { $0 + $1.count }) dossiers, its size and age "
                + "(\(kinds.sorted().joined(separator: ", "))), every one with time left on its deadline at the start; "
                + "the date is the horizon's end, \(end) (\(dateKind))"
        case .onTimeRate, .lateRate:
            // The verdict with the dossiers late only by the one-request rule counted on time.
            let byRule = perReplication.map { Double($0.lateByRepeatedSupplements) }
            guard byRule.contains(where: { $0 > 0 }), !result.heldByDeskGuard else { return nil }
            let without = perReplication.map { t -> Double in
                guard t.processed > 0 else { return .nan }
                let late = Double(t.late - t.lateByRepeatedSupplements)
                return (target.measure == .lateRate ? late : Double(t.processed) - late) / Double(t.processed)
            }
            let estimate = Estimate(without, confidence: confidence).clamped(to: 0...1)
            guard ExperimentSummary.verdict(estimate, target, replicated: replicated) != result.verdict else { return nil }
            let steps = members.flatMap { scenario.procedures[$0].route.compactMap(\.supplement) }.filter { $0.repeatShare > 0 }
            let values = steps.map(\.repeatShare)
            guard let low = values.min(), let high = values.max() else { return nil }
            let kindSet = Set(steps.map { sourceKind($0.source) })
            // A value the scenario sources (from records) decides the verdict as data should.
            guard kindSet.contains("assumption") || kindSet.contains("no source") else { return nil }
            let kinds = kindSet.sorted().joined(separator: ", ")
            // A mean count per replication: whole, or to one decimal.
            func count(_ values: [Double]) -> String {
                let mean = values.reduce(0, +) / Double(Swift.max(values.count, 1))
                guard vi else { return mean == mean.rounded() ? String(Int(mean)) : String(format: "%.1f", mean) }
                return f.meanCount(mean, decimals: mean == mean.rounded() ? 0 : 1)
            }
            let late = perReplication.map { Double($0.late) }
            let value = low == high ? "\(low)" : "\(low)–\(high)"
            if vi {
                // Vietnamese numbers: 10/23 as the journey writes a part of a whole, 0,1 and 98,18%.
                let valueVi = low == high ? f.input(low) : "\(f.input(low))–\(f.input(high))"
                return "\(count(byRule))/\(count(late)) hồ sơ trễ hạn "
                    + "chỉ vì bị yêu cầu bổ sung quá một lần (repeatShare \(valueVi), "
                    + "\(kindSet.map(language.sourceKind).sorted().joined(separator: ", "))); "
                    + "nếu tính các hồ sơ này là đúng hạn, tỷ lệ là \(f.percent(estimate.mean))"
            }
            return "\(count(byRule)) of \(count(late)) late only because asked to supplement more than once "
                + "(repeatShare \(value), \(kinds)); counted on time, the rate is "
                + String(format: "%.2f%%", estimate.mean * 100)
        default:
            return nil
        }
    }
}

extension TargetResult {
    /// This result with `note` (and its Vietnamese, `vietnamese`) as its input note, of kind ``InputDrivenKind/restsOnAssumption``.
    func noting(_ note: String, vietnamese: String? = nil) -> TargetResult {
        var result = TargetResult(id: id, label: label, labelVi: labelVi, measure: measure, fieldName: fieldName,
                                  fieldNameVi: fieldNameVi, comparator: comparator, threshold: threshold,
                                  estimate: estimate, denominator: denominator, verdict: verdict,
                                  inputDriven: note, gaveUpAtDesk: gaveUpAtDesk, ownDesk: ownDesk, scenarioDesk: scenarioDesk)
        result.inputDrivenKind = .restsOnAssumption
        result.inputDrivenVi = vietnamese
        return result
    }
}
