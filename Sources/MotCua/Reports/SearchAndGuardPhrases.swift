// Phrases appended by later features: the run's per-procedure table, the stop reasons of sequential
// experiments, the staffing searches (district and per unit) and the desk guard. Language.swift holds the core.

// MARK: Per-procedure section of the text report

/// The words of the text report's per-procedure table.
struct ProcedureWords: Sendable {
    let title, procedure, finished, late, overdue, note: String
    /// "the 10 of 45 procedures with the lowest on-time rate; every procedure in …".
    let some: @Sendable (_ shown: Int, _ all: Int) -> String

    static let english = ProcedureWords(
        title: "BY PROCEDURE", procedure: "procedure", finished: "finished", late: "fin. late", overdue: "overdue",
        note: "(fin. late: finished after the appointment date; overdue: in progress past it; mean per replication)",
        some: { "(the \($0) of \($1) procedures with the lowest on-time rate; every procedure in --csv procedures.csv and --html)" })

    static let vietnamese = ProcedureWords(
        title: "THEO THỦ TỤC", procedure: "thủ tục", finished: "đã giải quyết", late: "xong trễ", overdue: "quá hạn",
        note: "(xong trễ: có kết quả sau ngày hẹn trả; quá hạn: đang giải quyết đã qua ngày hẹn; trung bình mỗi lần chạy lặp)",
        some: { "(\($0)/\($1) thủ tục có tỷ lệ đúng hạn thấp nhất; đủ các thủ tục trong --csv procedures.csv và --html)" })
}

extension Language {
    /// The words of the per-procedure table.
    var procedureWords: ProcedureWords { self == .vi ? .vietnamese : .english }
}

// Issue #20: the stop reasons of sequential experiments and searches, and why a staffing search
// leaves a target out, in both languages.
extension StopReason {
    /// ``explanation`` in Vietnamese.
    public var explanationVi: String {
        switch self {
        case .fixed: "đã chạy đủ số lần được yêu cầu"
        case .decided: "mọi chỉ tiêu đã có kết luận (khoảng tin cậy nằm hẳn về một phía của ngưỡng)"
        case .precision: "mọi khoảng tin cậy đã hẹp bằng độ chính xác yêu cầu"
        case .maximum: "đã đạt số lần tối đa mà còn chỉ tiêu chưa có kết luận"
        case .futile: "chưa có kết luận: có chỉ tiêu nằm sát ngưỡng (dự báo, không chạy thêm: chạy đến số lần tối đa cũng không kết luận được)"
        case .changesDecided: "mọi thay đổi kết quả đã có kết luận (cả hai kết quả đã có kết luận, hoặc phương án không tác động đến chỉ tiêu)"
        }
    }

    /// ``explanation`` in `language`.
    public func explanation(in language: Language) -> String { language == .vi ? explanationVi : explanation }
}

/// Why a staffing search leaves a target out (``StaffingSearch/Unreachable``), in both languages.
enum UnreachableWords {
    static func inputDriven(_ input: String) -> (String, String) {
        ("set by an input, not by the flow: \(input)", "do tham số đầu vào quyết định, không do luồng xử lý hồ sơ: \(input)")
    }

    /// The share `x` as each language writes it (99.82% / 99,82%).
    static func shown(_ x: Double) -> (en: String, vi: String) { (Language.en.numbers.percent(x), Language.vi.numbers.percent(x)) }

    static func failsWhenLarge(_ x: Double) -> (String, String) {
        let value = shown(x)
        return ("fails even with very large staff at every office searched (\(value.en) there): "
            + "held by something staff cannot change, such as an opening backlog or a fixed lag",
         "vẫn không đạt dù mọi đơn vị được tìm có biên chế rất lớn (khi đó \(value.vi)): "
            + "bị giữ bởi yếu tố biên chế không thay đổi được, như hồ sơ tồn đầu kỳ hoặc thời gian cố định")
    }

    /// A target the desk guard fails at any staff of the offices searched (an outside review,
    /// #2): its value (`meets`: on the right side of the threshold), the share of citizens in
    /// person who could not file, and the desks where they gave up, with the option that searches them.
    static func deskGuard(value x: Double, meets: Bool, share: Double, desks: [(id: String, name: String, nameVi: String)]) -> (String, String) {
        let value = shown(x), gaveUp = shown(share)
        let option = desks.map { "--office \($0.id)" }.joined(separator: " ")
        let named = desks.isEmpty ? ("", "") : (" at " + desks.map(\.name).joined(separator: ", "),
                                                " tại " + desks.map(\.nameVi).joined(separator: ", "))
        let search = desks.isEmpty ? ("", "") : ("; search their staff too: add \(option)", "; hãy tìm cả biên chế của các bộ phận này: thêm \(option)")
        return ("fails by the desk guard (docs/model.md §7.6) even with very large staff at every office searched: "
            + "\(gaveUp.en) of the citizens who came in person could not file\(named.0)"
            + (meets ? " (its value, \(value.en), would pass)" : " (its value: \(value.en))") + search.0,
         "không đạt do ràng buộc một cửa (docs/model.md §7.6) dù mọi đơn vị được tìm có biên chế rất lớn: "
            + "\(gaveUp.vi) công dân đến trực tiếp không nộp được hồ sơ\(named.1)"
            + (meets ? " (giá trị \(value.vi) tự nó thì đạt)" : " (giá trị: \(value.vi))") + search.1)
    }

    static func straddlesWhenLarge(_ x: Double) -> (String, String) {
        let value = shown(x)
        return ("not shown to pass even with very large staff at every office searched (its interval still straddles "
            + "the threshold at \(value.en))",
         "chưa chứng tỏ đạt dù mọi đơn vị được tìm có biên chế rất lớn (khoảng tin cậy vẫn vắt qua ngưỡng, ở mức \(value.vi))")
    }
}

// MARK: - Per-unit staffing (`staff --per-unit`, UnitStaffDocument)

/// The phrases of the per-unit staffing report, in one language.
struct UnitStaffWords: Sendable {
    let title: String
    /// (units needing more, units, office, staff added, target)
    let needMore: @Sendable (Int, Int, String, Int, String) -> String
    let noneNeedMore: @Sendable (Int, String, String) -> String
    /// (units with slack, staff removed)
    let slack: @Sendable (Int, Int) -> String
    let unmet: @Sendable (Int) -> String
    let mostNeeded: String
    let cost: @Sendable (Int, Int, Int, String) -> String
    let replications: @Sendable (Int, Int, String) -> String
    let byGroup, group, units, needMoreColumn, added, withSlack, removed, notMet, worstToday: String
    let changes, unit, kind, today, recommended, change, worstFigure, atToday, atRecommended, withOneFewer: String
    let noChange: String
    let worstUnits, figure, onTime, ci: String
    let setAside: @Sendable (Int, String) -> String
    /// The figures left out, each with its number of units ("Land in 168 units").
    let leftOut: @Sendable (String) -> String
    let inUnits: @Sendable (String, Int) -> String
    let nothingToCheck: String
    let minimal: String
    let notMinimal: @Sendable (String) -> String
    let unsettled: String
    let rounds, round, note, replicationsColumn, failing, totalStaff: String
    let groupNote, changesNote, worstNote: String
    /// What an evaluation of the search was for: (purpose, its round, units moved or tried).
    let purpose: @Sendable (UnitStaffingSearch.Round.Purpose, Int, Int) -> String

    static let english = UnitStaffWords(
        title: "Per-unit staffing",
        needMore: { "\($0) of \($1) units need more \($2) staff for \($4): +\($3) in all." },
        noneNeedMore: { "No unit of the \($0) needs more \($1) staff for \($2)." },
        slack: { "\($0) units have slack: −\($1) in all (their figures still pass with fewer)." },
        unmet: { "\($0) units do not pass even at the upper limit of their search." },
        mostNeeded: "Most needed",
        cost: { "Search: \($0) evaluations (each a run of the whole city), \($1) replications simulated, \($2) reused from stored results; wall time \($3)." },
        replications: { "Screened on \($0) replications, confirmed on \($1), intervals at \($2)." },
        byGroup: "By group", group: "group", units: "units", needMoreColumn: "need more", added: "added",
        withSlack: "with slack", removed: "removed", notMet: "not met at the limit", worstToday: "worst unit today",
        changes: "Units whose staff changes", unit: "unit", kind: "kind", today: "today", recommended: "recommended",
        change: "change", worstFigure: "worst figure", atToday: "today", atRecommended: "recommended", withOneFewer: "one fewer",
        noChange: "Every unit keeps today's staff.",
        worstUnits: "Worst units today", figure: "figure", onTime: "on time", ci: "95% CI",
        setAside: { "\($0) units have figures that do not pass even with a very large staff of the office (\($1)); they are left out of those units' verdicts: the office does not decide them." },
        leftOut: { "Left out, because no staff of this office makes them pass even when very large (another office or an input decides them): \($0)." },
        inUnits: { "\($0) in \($1) units" },
        nothingToCheck: "Minimality check: no unit was raised, so there is no one fewer to try.",
        minimal: "Minimality check: with one fewer at any unit tried (every unit whose staff the search set above its lower limit), that unit's figures do not pass.",
        notMinimal: { "Minimality check FAILED at: \($0)." },
        unsettled: "The search stopped after its rounds allowed without a confirmation and minimality check that agree: the staffing shown is the last one confirmed.",
        rounds: "Evaluations made", round: "#", note: "what", replicationsColumn: "replications", failing: "units not passing", totalStaff: "total staff",
        groupNote: "Units grouped by former district (or kind); staff added or removed over the group's units.",
        changesNote: "Worst figure: the unit's counted field closest to its threshold (the lower end of its interval); one fewer: that unit with one fewer, the others as recommended.",
        worstNote: "Today's staffing; the unit's field with the lowest interval end.",
        purpose: { purpose, number, moved in
            switch purpose {
            case .today: "today's staffing"
            case .large: "a very large staff in every unit"
            case .up: "up, round \(number): +1 at \(moved) units not passing"
            case .down: "down, round \(number): −1 at \(moved) units with slack"
            case .confirmation: "confirmation\(number > 1 ? " \(number)" : "") on the full replications"
            case .minimality: "minimality check \(number): −1 at \(moved) units"
            }
        })

    static let vietnamese = UnitStaffWords(
        title: "Biên chế theo từng đơn vị",
        needMore: { "\($0) trong \($1) đơn vị cần thêm cán bộ \($2) để đạt \($4): tổng cộng +\($3)." },
        noneNeedMore: { "Không đơn vị nào trong \($0) đơn vị cần thêm cán bộ \($1) để đạt \($2)." },
        slack: { "\($0) đơn vị còn dư: tổng cộng −\($1) (vẫn đạt khi bớt người)." },
        unmet: { "\($0) đơn vị không đạt ngay cả ở giới hạn trên của phạm vi tìm." },
        mostNeeded: "Cần nhất",
        cost: { "Quá trình tìm: \($0) lượt đánh giá (mỗi lượt chạy toàn thành phố), \($1) lần chạy lặp mô phỏng, \($2) lấy lại từ kết quả đã lưu; thời gian \($3)." },
        replications: { "Sàng lọc trên \($0) lần chạy lặp, xác nhận trên \($1), khoảng tin cậy \($2)." },
        byGroup: "Theo nhóm", group: "nhóm", units: "đơn vị", needMoreColumn: "cần thêm", added: "thêm",
        withSlack: "còn dư", removed: "bớt", notMet: "không đạt ở giới hạn", worstToday: "đơn vị kém nhất hiện nay",
        changes: "Các đơn vị thay đổi biên chế", unit: "đơn vị", kind: "loại", today: "hiện nay", recommended: "đề xuất",
        change: "thay đổi", worstFigure: "chỉ số kém nhất", atToday: "hiện nay", atRecommended: "đề xuất", withOneFewer: "bớt một người",
        noChange: "Mọi đơn vị giữ biên chế hiện nay.",
        worstUnits: "Các đơn vị kém nhất hiện nay", figure: "chỉ số", onTime: "đúng hạn", ci: "KTC 95%",
        setAside: { "\($0) đơn vị có chỉ số không đạt ngay cả khi biên chế rất lớn (\($1)); không xét các chỉ số này cho các đơn vị đó: bộ phận này không quyết định chúng." },
        leftOut: { "Không xét, vì không biên chế nào của bộ phận này làm chúng đạt, kể cả khi rất lớn (do bộ phận khác hoặc tham số đầu vào quyết định): \($0)." },
        inUnits: { "\($0) ở \($1) đơn vị" },
        nothingToCheck: "Kiểm tra tối thiểu: không đơn vị nào được tăng, nên không cần thử bớt một người.",
        minimal: "Kiểm tra tối thiểu: bớt một người ở bất kỳ đơn vị nào được thử (mọi đơn vị được đặt trên giới hạn dưới), chỉ số của đơn vị đó không đạt.",
        notMinimal: { "Kiểm tra tối thiểu KHÔNG ĐẠT tại: \($0)." },
        unsettled: "Quá trình tìm dừng sau số vòng cho phép mà xác nhận và kiểm tra tối thiểu chưa thống nhất: biên chế hiển thị là lần xác nhận cuối.",
        rounds: "Các lần đánh giá", round: "#", note: "nội dung", replicationsColumn: "số lần chạy lặp", failing: "đơn vị không đạt", totalStaff: "tổng biên chế",
        groupNote: "Đơn vị nhóm theo quận, huyện cũ (hoặc loại đơn vị); số cán bộ thêm hoặc bớt cộng trên các đơn vị của nhóm.",
        changesNote: "Chỉ số kém nhất: lĩnh vực được xét của đơn vị gần ngưỡng nhất (đầu dưới của khoảng tin cậy); bớt một người: đơn vị đó bớt một người, các đơn vị khác như đề xuất.",
        worstNote: "Biên chế hiện nay; lĩnh vực có đầu khoảng tin cậy thấp nhất của đơn vị.",
        purpose: { purpose, number, moved in
            switch purpose {
            case .today: "biên chế hiện nay"
            case .large: "biên chế rất lớn ở mọi đơn vị"
            case .up: "tăng, vòng \(number): +1 ở \(moved) đơn vị chưa đạt"
            case .down: "giảm, vòng \(number): −1 ở \(moved) đơn vị còn dư"
            case .confirmation: "xác nhận\(number > 1 ? " lần \(number)" : "") trên đủ số lần chạy lặp"
            case .minimality: "kiểm tra tối thiểu \(number): −1 ở \(moved) đơn vị"
            }
        })
}

extension Language {
    /// The phrases of the per-unit staffing report.
    var unitStaffWords: UnitStaffWords { self == .vi ? .vietnamese : .english }
}

// MARK: - The desk guard and the counts that balance (docs/model.md §7.6, §7.7; red-team items 2, 3, 6, 14)

extension Language {
    /// The reason under an on-time or late verdict the desk guard failed, or left AT RISK
    /// (`atRisk`: the share's interval straddles the allowance).
    func deskGuardReason(_ share: String, atRisk: Bool = false) -> String {
        if atRisk {
            return pick("desk guard: \(share) of the citizens who came to a desk could not file there; its interval straddles the \(allowancePercent) allowance, so the verdict is AT RISK whatever the rate",
                        "ràng buộc một cửa: \(share) công dân đến trực tiếp không nộp được hồ sơ; khoảng tin cậy vắt qua ngưỡng \(allowancePercent), nên kết quả là CÓ RỦI RO dù tỷ lệ thế nào")
        }
        return pick("\(share) of the citizens who came to a desk could not file there: the desk cannot serve this load",
                    "\(share) công dân đến trực tiếp không nộp được hồ sơ tại bộ phận một cửa: bộ phận không đáp ứng được mức tải này")
    }
    /// The reason under an on-time or late verdict the desk guard failed (or left AT RISK) on the
    /// target's own dossiers (its field, when it has one), the scenario's share being better.
    func deskGuardOwnReason(_ share: String, _ count: String, _ received: String, field: String?, atRisk: Bool = false) -> String {
        let whose = field.map { pick("of the \($0) citizens", "công dân lĩnh vực \($0)") } ?? pick("of this target's citizens", "công dân của chỉ tiêu này")
        let verdict = atRisk ? pick("its interval straddles the \(allowancePercent) allowance, so the verdict is AT RISK whatever the rate",
                                    "khoảng tin cậy vắt qua ngưỡng \(allowancePercent), nên kết quả là CÓ RỦI RO dù tỷ lệ thế nào")
            : pick("the desk cannot serve them", "bộ phận không đáp ứng được")
        return pick("\(share) \(whose) who came to the desk could not file there (\(count) of \(received) in person, mean per replication): \(verdict)",
                    "\(share) \(whose) đến trực tiếp không nộp được hồ sơ tại bộ phận một cửa (\(count) trên \(received) lượt đến trực tiếp, trung bình mỗi lần chạy): \(verdict)")
    }
    /// The guard's allowance as a percentage in this language ("10%").
    var allowancePercent: String { numbers.percent(DeskGuard.allowance, 0) }
    /// Added to the guard's line when a target's own field, not the scenario, is over the allowance.
    var deskGuardOwnTripped: String {
        pick("Judged on a target's own field (at least \(Int(DeskGuard.minimumReceived)) citizens in person per replication), it also holds the targets whose reason is given above.",
             "Tính trên chính lĩnh vực của chỉ tiêu (ít nhất \(Int(DeskGuard.minimumReceived)) lượt đến trực tiếp mỗi lần chạy), ràng buộc cũng quyết định kết quả các chỉ tiêu có lý do nêu ở trên.")
    }
    /// The line that states the share of citizens who could not file, its interval (`interval`,
    /// e.g. "95% CI 9.9 … 11.0%"; nil with one replication), and the guard's verdict.
    func deskGuardLine(_ share: String, interval: String?, _ count: String, _ received: String, _ allowance: String, verdict: Verdict) -> String {
        let said: String
        switch verdict {
        case .fail: said = pick("on-time and late verdicts FAIL", "đánh giá đúng hạn, trễ hạn: KHÔNG ĐẠT")
        case .atRisk: said = pick("the interval straddles the allowance: on-time and late verdicts are AT RISK at best",
                                  "khoảng tin cậy vắt qua ngưỡng: đánh giá đúng hạn, trễ hạn tốt nhất là CÓ RỦI RO")
        case .pass: said = pick("within the guard", "trong giới hạn cho phép")
        }
        let spread = interval.map { " (\($0))" } ?? pick(" (1 replication: no interval)", " (1 lần chạy: không có khoảng tin cậy)")
        return pick("Desk guard: \(share)\(spread) of the citizens who came to a desk in person could not file there (\(count) of \(received) gave up in the queue or were sent home at closing; online and postal dossiers are not counted); above \(allowance), \(DeskGuard.basis), the on-time and late verdicts fail (the whole interval above: FAIL; straddling: AT RISK) — \(said)",
                    "Ràng buộc một cửa: \(share)\(spread) công dân đến trực tiếp không nộp được hồ sơ (\(count) trên \(received) lượt đến trực tiếp bỏ về khi chờ hoặc phải về khi hết giờ; không tính hồ sơ trực tuyến, bưu chính); trên \(allowance), \(DeskGuard.basisVi), đánh giá đúng hạn, trễ hạn là không đạt (cả khoảng tin cậy trên ngưỡng: KHÔNG ĐẠT; vắt qua ngưỡng: CÓ RỦI RO) — \(said)")
    }
    /// The short column name of the share who could not file, per load (sweep) or variant (compare).
    var couldNotFile: String { pick("could not file at desk", "không nộp được") }
    /// A Decision 766 part whose denominator is zero.
    func decision766ZeroDenominator(_ noun: String) -> String {
        pick("not computed: no \(noun) in this scenario (0 ÷ 0)", "không tính: kịch bản không có \(noun) (0 ÷ 0)")
    }
    /// The field table's column of dossiers finished late (not the target rule's late).
    var finishedLateColumn: String { pick("fin. late", "xong trễ") }
    /// The note that tells the field table's counts apart from the target rule.
    var fieldTableLateNote: String {
        pick("(fin. late = finished after the appointment; overdue = still open past it; the targets' \"late\" = fin. late + overdue; backlog and withdrawn make the row balance: received + backlog = refused + withdrawn + on time + fin. late + open + overdue)",
             "(xong trễ = giải quyết sau ngày hẹn; quá hạn = đang xử lý đã quá hạn; \"trễ hạn\" của chỉ tiêu = xong trễ + quá hạn; tồn đầu kỳ và rút hồ sơ để cân đối: tiếp nhận + tồn đầu kỳ = từ chối + rút + đúng hạn + xong trễ + đang xử lý + quá hạn)")
    }
    /// Under the unstable offices' heading: the second reason an office is listed.
    func unstableGaveUpNote(_ allowance: String) -> String {
        pick("(or, at 95% busy, more than \(allowance) of the citizens who queued gave up: a desk's queue empties at closing, so it cannot grow overnight)",
             "(hoặc, khi bận từ 95%, hơn \(allowance) công dân xếp hàng đã bỏ về: hàng chờ tại một cửa hết khi đóng cửa nên không tăng qua đêm)")
    }
    var backlogColumn: String { pick("backlog", "tồn đầu") }
    var withdrawnColumn: String { pick("withdrawn", "rút") }
}
