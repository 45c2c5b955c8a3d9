// Verdicts the desk decides, not their input (review 4 #1; docs/model.md §7.9): an online or
// postal dossier never checked at a saturated desk has no receipt, so it can never get an
// apology (Form 04), and it counts late from its submission. The apology note splits these
// dossiers from the received ones (whose share is the input), and a failing deadline verdict
// with such dossiers names the desk order when the scenario sets one other than the default.

extension ExperimentSummary {
    /// The desk order's words for a note, or nil for the default (one queue in order of arrival).
    static func deskOrderWords(_ order: DeskOrder, _ language: Language) -> String? {
        switch order {
        case .arrival: nil
        case .citizensFirst:
            language.pick("desk order citizens-first (policies.deskOrder, an assumption: docs/model.md §2.2) serves the citizens in person before them",
                          "thứ tự phục vụ ưu tiên người dân đến trực tiếp (policies.deskOrder, giả định: docs/model.md §2.2) phục vụ người dân trước các hồ sơ này")
        case .citizensFirstBounded:
            language.pick("desk order citizens-first-bounded (policies.deskOrder and electronicWaitLimitHours, assumptions: docs/model.md §2.2) serves the citizens in person before them until they have waited the bound",
                          "thứ tự phục vụ ưu tiên người dân đến trực tiếp có giới hạn chờ (policies.deskOrder và electronicWaitLimitHours, giả định: docs/model.md §2.2) phục vụ người dân trước các hồ sơ này cho đến khi chúng chờ hết giới hạn")
        }
    }

    /// The apology verdict's note split by cause, or nil when every dossier past its date was
    /// received: "4,928 of 6,183 past their date were never received at the desk (…); of the
    /// 1,255 received, 90.9% apologised in time = the input …".
    /// - Parameter input: the input note as ``inputDriving(_:of:in:language:)`` writes it.
    static func apologySplit(_ perReplication: [ProcedureTally], input: String, deskOrder: DeskOrder,
                             language: Language) -> String? {
        func mean(_ counter: KeyPath<ProcedureTally, Int>) -> Double {
            perReplication.reduce(0) { $0 + Double($1[keyPath: counter]) } / Double(Swift.max(perReplication.count, 1))
        }
        let pastDue = mean(\.pastDue), never = mean(\.awaitingDeskCheckOverdue)
        guard never > 0, pastDue > 0 else { return nil }
        let received = Swift.max(0, pastDue - never)
        let f = language.numbers
        let decimals = perReplication.count > 1 ? 1 : 0
        let order = deskOrderWords(deskOrder, language).map { "; " + $0 } ?? ""
        let share = received > 0 ? f.percent(mean(\.lateApologisedOnTime) / received, 1) : "—"
        return language.pick(
            "\(f.meanCount(never, decimals: decimals)) of \(f.meanCount(pastDue, decimals: decimals)) past their date were never received "
                + "at the desk (online or postal, no receipt, no apology possible\(order)); of the \(f.meanCount(received, decimals: decimals)) "
                + "received, \(share) apologised in time = the input \(input)",
            "\(f.meanCount(never, decimals: decimals))/\(f.meanCount(pastDue, decimals: decimals)) hồ sơ quá ngày hẹn chưa từng được "
                + "một cửa tiếp nhận (nộp trực tuyến hoặc qua bưu chính, chưa có phiếu hẹn nên không thể gửi thư xin lỗi\(order)); "
                + "trong \(f.meanCount(received, decimals: decimals)) hồ sơ đã tiếp nhận, \(share) được xin lỗi đúng hạn = tham số đầu vào \(input)")
    }

    /// The note of a deadline verdict that does not pass while late dossiers were never checked
    /// at the desk, under a desk order other than the default; nil otherwise.
    static func deskOrderNote(_ measure: TargetMeasure, verdict: Verdict, _ perReplication: [ProcedureTally],
                              deskOrder: DeskOrder, language: Language) -> String? {
        guard measure == .onTimeRate || measure == .lateRate, verdict != .pass,
              let order = deskOrderWords(deskOrder, language) else { return nil }
        let count = Double(Swift.max(perReplication.count, 1))
        let never = perReplication.reduce(0) { $0 + Double($1.awaitingDeskCheckOverdue) } / count
        let late = perReplication.reduce(0) { $0 + Double($1.late) } / count
        guard never > 0 else { return nil }
        let f = language.numbers, decimals = perReplication.count > 1 ? 1 : 0
        return language.pick(
            "\(f.meanCount(never, decimals: decimals)) of \(f.meanCount(late, decimals: decimals)) late dossiers were never checked at the desk "
                + "(online or postal, waiting for the desk check); the \(order)",
            "\(f.meanCount(never, decimals: decimals))/\(f.meanCount(late, decimals: decimals)) hồ sơ trễ hạn chưa từng được một cửa kiểm tra "
                + "(nộp trực tuyến hoặc qua bưu chính, chờ một cửa kiểm tra); \(order)")
    }
}

extension TargetResult {
    /// This result with the desk's share of its verdict noted (review 4 #1): the apology note
    /// split by cause, or a failing deadline verdict's desk order; itself when neither applies.
    func notingDesk(_ perReplication: [ProcedureTally], scenario: Scenario) -> TargetResult {
        let deskOrder = scenario.policies.deskOrder
        // A verdict the desk guard holds rests on the citizens' patience (review 4 #13).
        if heldByDeskGuard, inputDriven == nil, let note = ExperimentSummary.patienceNote(scenario, language: .en) {
            return noting(note, vietnamese: ExperimentSummary.patienceNote(scenario, language: .vi))
        }
        if measure == .apologyRate, let input = inputDriven,
           let split = ExperimentSummary.apologySplit(perReplication, input: input, deskOrder: deskOrder, language: .en) {
            let vi = inputDrivenVi.flatMap { ExperimentSummary.apologySplit(perReplication, input: $0, deskOrder: deskOrder, language: .vi) }
            return noting(split, vietnamese: vi)
        }
        guard inputDriven == nil,
              let note = ExperimentSummary.deskOrderNote(measure, verdict: verdict, perReplication, deskOrder: deskOrder, language: .en)
        else { return self }
        return noting(note, vietnamese: ExperimentSummary.deskOrderNote(measure, verdict: verdict, perReplication, deskOrder: deskOrder, language: .vi))
    }
}

extension ExperimentSummary {
    /// "citizens' patience, lognormal mean 150 min (assumption, docs/model.md §2.4): a longer
    /// patience lowers the share who give up" — the input the desk guard's share follows
    /// (docs/model.md §7.6); nil when no office's citizens give up.
    static func patienceNote(_ scenario: Scenario, language: Language) -> String? {
        let patiences = scenario.offices.compactMap(\.patience)
        let means = patiences.map(\.mean)
        guard let low = means.min(), let high = means.max() else { return nil }
        let f = language.numbers
        let range = low == high ? f.meanCount(low) : "\(f.meanCount(low))–\(f.meanCount(high))"
        let lognormal = patiences.allSatisfy { if case .lognormal = $0 { true } else { false } }
        let kind = lognormal ? language.pick("lognormal ", "phân phối loga chuẩn, ") : ""
        return language.pick(
            "citizens' patience, \(kind)mean \(range) min (assumption, docs/model.md §2.4), beside the "
                + "\(language.allowancePercent) allowance: with more patience fewer give up",
            "sự kiên nhẫn của người dân, \(kind)trung bình \(range) phút (giả định, docs/model.md §2.4), cùng với "
                + "ngưỡng \(language.allowancePercent): người dân kiên nhẫn hơn thì ít người bỏ về hơn")
    }
}
