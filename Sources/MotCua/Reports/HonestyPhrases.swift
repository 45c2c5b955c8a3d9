// Phrases of the honesty fixes (review 2, #1, #7, #11): the dossiers waiting for the desk check,
// the verdicts that rest on an assumption, and the late dossiers that met their date but are late
// by the one-request rule. Language.swift holds the core.

extension Language {
    /// The words before a target's input note: "repeats an input" or "rests on an assumption".
    func inputDrivenLabel(_ kind: InputDrivenKind) -> String {
        switch kind {
        case .repeatsInput: self == .vi ? "lặp lại tham số đầu vào" : "repeats an input"
        case .restsOnAssumption: self == .vi ? "dựa trên giả định" : "rests on an assumption"
        }
    }

    /// The journey's row of online and postal dossiers still waiting for their first desk check.
    var awaitingDeskCheckLabel: String { self == .vi ? "chờ một cửa kiểm tra" : "waiting for the desk check" }

    /// "1,973 past the deadline counted from submission; mean age 4.2 days".
    func awaitingDeskCheckNote(overdue: String, meanAgeDays: String) -> String {
        self == .vi
            ? "\(overdue) quá hạn tính từ lúc nộp; tuổi trung bình \(meanAgeDays) ngày"
            : "\(overdue) past the deadline counted from submission; mean age \(meanAgeDays) days"
    }

    /// "54 of 82 late dossiers late only by the one-request rule, not past their appointment;
    /// of the 28 past it, " — before the steps that consumed the deadline.
    func lateByRuleLead(byRule: String, late: String, pastDue: String) -> String {
        self == .vi
            ? "\(byRule)/\(late) hồ sơ trễ hạn chỉ do quy tắc yêu cầu bổ sung một lần, không quá ngày hẹn; trong \(pastDue) hồ sơ quá ngày hẹn, "
            : "\(byRule) of \(late) late dossiers late only by the one-request rule, not past their appointment; of the \(pastDue) past it, "
    }

    /// Every late dossier was late only by the one-request rule: no step consumed a deadline.
    func allLateByRule(_ late: String) -> String {
        self == .vi
            ? "cả \(late) hồ sơ trễ hạn chỉ do quy tắc yêu cầu bổ sung một lần, không hồ sơ nào quá ngày hẹn"
            : "all \(late) late dossiers late only by the one-request rule, none past its appointment"
    }

    /// After ``lateByRuleLead(byRule:late:pastDue:)``: "61% spent the largest part of their time in …".
    func pastDueFirst(_ share: String, _ place: String) -> String {
        self == .vi ? "\(share) mất nhiều thời gian nhất \(place)" : "\(share) spent the largest part of their time \(place)"
    }
}
