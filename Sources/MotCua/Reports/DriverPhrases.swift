// The phrases of `motcua drivers` (moved out of Language.swift so that they grow here).

/// The fixed phrases of the `drivers` report, in one language.
struct DriverPhrases: Sendable {
    let title: @Sendable (String) -> String
    let setup: @Sendable (String, Int, String) -> String
    let method: @Sendable (Int, Int, Int) -> String
    /// Evaluations, replications, seconds, inputs reaching no chosen target, refined changes stopped early, groups,
    /// halves inferred.
    let cost: @Sendable (Int, Int, String, Int, Int, Int, Int) -> String
    let unchangeable: @Sendable (Int) -> String
    let skipped: @Sendable (String, String, String) -> String
    /// Inputs that cannot reach the target.
    let cannotReach: @Sendable (Int) -> String
    /// The headline of a failing or at-risk target: its name, value and verdict, its first driver with its effect.
    let movesMost: @Sendable (String, String, String, String) -> String
    let thenDriver: @Sendable (String) -> String
    let movesNothing: @Sendable (String) -> String
    /// Inputs screened with their group for a target, not measured alone.
    let groupedNote: @Sendable (Int) -> String
    /// The source line of an input whose source is its holder's: the holder's kind.
    let sourceOf: @Sendable (DriverInput.SourceScope) -> String
    /// "short by" (a failing target's distance) and "clear by" (a passing one's).
    let shortBy, clearBy, group, members, dataNote, passingSideNote: String
    /// The kinds of input as the step names them (volume, share, lag, backlog, staff) and "at least 1".
    let kindNames: [DriverInput.Kind: String]
    let atLeastOne: String
    let noEffect, source, noSource, threshold, margin, removed, pointsUnit, base, cannotReachChange: String
    /// Section titles.
    let methodHeading, chartsHeading, targetsHeading: String
    /// Column titles.
    let input, change, effect, pairs, firstDriver, itsEffect, kind, value, assumption, measured, refinedWord, screenedWord: String
    let lowerLegend, higherLegend, chartNote, passingNote, targetsNote: String
    /// A legal value's change ("→ 0 (the rule)") and its legend in the tornado chart.
    let theRule, legalLegend: String
    /// An effect inferred by sequential bifurcation; a target for which no group was split.
    let inferredWord, noGroupSplit: String
    /// The method's sentence on sequential bifurcation, when it was used.
    let inferenceNote: String

    static let english = DriverPhrases(
        title: { "What drives each verdict — \($0)" },
        setup: { "Inputs: \($1) (\($0 == "all" ? "every staff count, volume, share, lag and opening backlog" : "every value whose source is an assumption")); step: \($2)." },
        method: { "Every input that can reach a chosen target is changed in one direction (raised, or lowered when it cannot be), together with the others of its group, on \($0) replication\($0 == 1 ? "" : "s"), paired with the base (common random numbers); an opening backlog's removal runs alone. The groups are chosen so that their members move a timing target the same way: every staff count; a field's volumes, backlog, incomplete and supplement shares and lags; one share of every procedure; the apology policy. A group whose effect could not change a target's verdict is not split for it (this assumes no member moves the target against the others); one that could is split in halves, largest first, until the target's \($1) largest drivers stand alone. An input the rules set is also tried at its legal value, alone: a repeat share at 0 (the one-request rule), the apology in-time share at 100%. Those that could change the verdict are refined: the changes that move the target towards its threshold (both when it is at risk) run up to half of \($2) replications, and on to \($2) unless their verdict is already decided or their paired interval stays short of the distance to the threshold. Effect = changed − base, with its paired 95% interval. Ranked by the size of the effect, then by how well it is measured." },
        cost: { "Cost: \($0) evaluations (\($5) screening groups\($6 > 0 ? "; \($6) half-group\($6 == 1 ? "" : "s") inferred, not run" : "")), \($1) replications, \($2) s wall time; \($3) input\($3 == 1 ? "" : "s") reach\($3 == 1 ? "es" : "") no chosen target and \($3 == 1 ? "was" : "were") not run; \($4) refined change\($4 == 1 ? "" : "s") stopped at the first round, \($4 == 1 ? "its" : "their") verdict decided or \($4 == 1 ? "its" : "their") paired interval short of the distance to the threshold." },
        unchangeable: { "\($0) input\($0 == 1 ? "" : "s") not changed: a share of 0 has no relative step." },
        skipped: { "Skipped: \($0) \($1): \($2)." },
        cannotReach: { "\($0) input\($0 == 1 ? "" : "s") cannot reach this target (no office shared with its procedures, directly or through others): not evaluated for it; their effect is zero." },
        movesMost: { "\($0) (\($1), \($2)) moves most with \($3)" },
        thenDriver: { "; then \($0)" },
        movesNothing: { "\($0): no input moves it." },
        groupedNote: { "\($0) input\($0 == 1 ? " was" : "s were") screened with \($0 == 1 ? "its group" : "their groups") and not measured alone: the group's joint effect could not change the verdict, or was smaller than the drivers above." },
        sourceOf: { scope in
            switch scope {
            case .procedure: "source (the procedure's as a whole)"
            case .office: "source (the office's as a whole)"
            case .step: "source (the step's as a whole)"
            case .scenario: "source (the scenario's as a whole)"
            case .own, .none: "source"
            }
        },
        shortBy: "short by", clearBy: "clear by", group: "group", members: "inputs",
        dataNote: "Every effect, per target, input and change, and the groups screened together are in the data outputs (--json, --csv, --xlsx): tables drivers, screened_groups and cannot_reach.",
        passingSideNote: "distance to the threshold: from the base's 95% interval to the threshold, positive on the passing side (how far a pass is clear of it), negative on the failing side (how far a fail is short of it), 0 when at risk; its size is the effect that could change the verdict.",
        kindNames: [.volume: "volume", .share: "share", .lag: "lag", .backlog: "backlog", .staff: "staff"], atLeastOne: "at least 1",
        noEffect: "No input changes this target.", source: "source", noSource: "no source", threshold: "threshold",
        margin: "distance to the threshold", removed: "removed", pointsUnit: "points", base: "base", cannotReachChange: "cannot reach",
        methodHeading: "How it was measured", chartsHeading: "Failing and at-risk targets", targetsHeading: "Targets and their first driver",
        input: "input", change: "change", effect: "effect (points, 95% CI)", pairs: "pairs", firstDriver: "first driver",
        itsEffect: "its largest effect (points)", kind: "kind", value: "value", assumption: "assumption", measured: "measured",
        refinedWord: "refined", screenedWord: "screened",
        lowerLegend: "input lowered", higherLegend: "input raised",
        chartNote: "Bars run from the base value to the value with the input changed; whiskers are the paired 95% intervals (none when screened on one replication); the dashed line is the threshold.",
        passingNote: "Every target passes: no tornado chart is drawn.",
        targetsNote: "first driver: the largest of the inputs measured alone.",
        theRule: "the rule", legalLegend: "legal value",
        inferredWord: "inferred",
        noGroupSplit: "Screened: no group moves it past its threshold, so no group was split for it; their members were not measured alone.",
        inferenceNote: "Of the two halves of a split group only the first was simulated: the second was inferred as the group's effect minus the first half's (this assumes the members' effects add up, no interaction inside a group), and simulated when refined.")

    static let vietnamese = DriverPhrases(
        title: { "Yếu tố quyết định từng kết luận — \($0)" },
        setup: { "Tham số đầu vào: \($1) (\($0 == "all" ? "mọi số cán bộ, số hồ sơ, tỷ lệ, thời gian chờ và hồ sơ tồn đầu kỳ" : "mọi giá trị có nguồn là giả định")); bước thay đổi: \($2)." },
        method: { "Mỗi tham số có thể tác động đến một chỉ tiêu được chọn được thay đổi theo một chiều (tăng, hoặc giảm khi không tăng được) cùng với các tham số khác trong nhóm của nó, trên \($0) lần chạy lặp, ghép cặp với phương án gốc (cùng số ngẫu nhiên); việc bỏ hồ sơ tồn đầu kỳ chạy riêng. Các nhóm được chọn sao cho mọi thành viên tác động đến chỉ tiêu thời hạn theo cùng một chiều: mọi số cán bộ; số hồ sơ, hồ sơ tồn, tỷ lệ chưa đầy đủ, tỷ lệ bổ sung và thời gian chờ của một lĩnh vực; một loại tỷ lệ của mọi thủ tục; chính sách xin lỗi. Nhóm có tác động không thể đổi kết luận của một chỉ tiêu thì không tách cho chỉ tiêu đó (giả định không thành viên nào tác động ngược chiều các thành viên khác); nhóm có thể đổi kết luận được tách đôi, nhóm lớn trước, cho đến khi \($1) yếu tố lớn nhất của chỉ tiêu được đo riêng. Tham số có giá trị do quy định đặt ra cũng được thử riêng ở giá trị đó: tỷ lệ yêu cầu bổ sung lần nữa bằng 0 (quy định hướng dẫn một lần), tỷ lệ xin lỗi đúng hạn bằng 100%. Các yếu tố có thể đổi kết luận được chạy lại: các thay đổi đưa chỉ tiêu về phía ngưỡng (cả hai chiều khi có rủi ro) chạy đến một nửa của \($2) lần, rồi đến \($2) lần nếu kết luận chưa rõ và khoảng tin cậy ghép cặp còn chạm tới khoảng cách đến ngưỡng. Tác động = sau thay đổi − gốc, kèm khoảng tin cậy 95% ghép cặp. Xếp hạng theo độ lớn tác động, sau đó theo độ chính xác của phép đo." },
        cost: { "Chi phí: \($0) lượt đánh giá (\($5) nhóm sàng lọc\($6 > 0 ? "; \($6) nửa nhóm được suy ra, không chạy" : "")), \($1) lần chạy lặp, \($2) giây; \($3) tham số không tác động đến chỉ tiêu nào được chọn nên không chạy; \($4) thay đổi dừng sau vòng đầu vì kết luận đã rõ hoặc khoảng tin cậy ghép cặp không chạm tới khoảng cách đến ngưỡng." },
        unchangeable: { "\($0) tham số không thay đổi: tỷ lệ bằng 0 không có bước tương đối." },
        skipped: { "Bỏ qua: \($0) \($1): \($2)." },
        cannotReach: { "\($0) tham số không thể tác động đến chỉ tiêu này (không chung đơn vị nào với các thủ tục của chỉ tiêu, trực tiếp hay gián tiếp): không đánh giá; tác động bằng 0." },
        movesMost: { "\($0) (\($1), \($2)) thay đổi nhiều nhất theo \($3)" },
        thenDriver: { "; tiếp theo là \($0)" },
        movesNothing: { "\($0): không tham số nào làm thay đổi chỉ tiêu." },
        groupedNote: { "\($0) tham số được sàng lọc theo nhóm và không đo riêng: tác động chung của nhóm không thể đổi kết luận, hoặc nhỏ hơn các yếu tố ở trên." },
        sourceOf: { scope in
            switch scope {
            case .procedure: "nguồn (chung của cả thủ tục)"
            case .office: "nguồn (chung của cả cơ quan)"
            case .step: "nguồn (chung của cả bước)"
            case .scenario: "nguồn (chung của cả kịch bản)"
            case .own, .none: "nguồn"
            }
        },
        shortBy: "còn thiếu", clearBy: "vượt ngưỡng", group: "nhóm", members: "tham số",
        dataNote: "Mọi tác động theo chỉ tiêu, tham số và thay đổi, cùng các nhóm sàng lọc chung, có trong dữ liệu xuất (--json, --csv, --xlsx): bảng drivers, screened_groups và cannot_reach.",
        passingSideNote: "khoảng cách đến ngưỡng: từ khoảng tin cậy 95% của phương án gốc đến ngưỡng, dương khi ở phía đạt (kết quả đạt còn cách ngưỡng bao xa), âm khi ở phía không đạt (kết quả không đạt còn thiếu bao nhiêu), 0 khi có rủi ro; độ lớn của nó là mức tác động có thể đổi kết luận.",
        kindNames: [.volume: "số hồ sơ", .share: "tỷ lệ", .lag: "thời gian chờ", .backlog: "hồ sơ tồn", .staff: "số cán bộ"], atLeastOne: "ít nhất 1",
        noEffect: "Không tham số nào làm thay đổi chỉ tiêu này.", source: "nguồn", noSource: "không có nguồn", threshold: "ngưỡng",
        margin: "khoảng cách đến ngưỡng", removed: "bỏ đi", pointsUnit: "điểm %", base: "gốc", cannotReachChange: "không tác động được",
        methodHeading: "Cách đo", chartsHeading: "Chỉ tiêu không đạt và có rủi ro", targetsHeading: "Các chỉ tiêu và yếu tố lớn nhất",
        input: "tham số", change: "thay đổi", effect: "tác động (điểm %, KTC 95%)", pairs: "số cặp", firstDriver: "yếu tố lớn nhất",
        itsEffect: "tác động lớn nhất (điểm %)", kind: "loại", value: "giá trị", assumption: "giả định", measured: "cách đo",
        refinedWord: "đã chạy lại", screenedWord: "chỉ sàng lọc",
        lowerLegend: "giảm tham số", higherLegend: "tăng tham số",
        chartNote: "Thanh đi từ giá trị gốc đến giá trị sau khi thay đổi tham số; râu là khoảng tin cậy 95% ghép cặp (không có khi chỉ sàng lọc trên một lần chạy); đường đứt nét là ngưỡng chỉ tiêu.",
        passingNote: "Mọi chỉ tiêu đều đạt: không vẽ biểu đồ lốc xoáy.",
        targetsNote: "yếu tố lớn nhất: lớn nhất trong các tham số được đo riêng.",
        theRule: "theo quy định", legalLegend: "giá trị theo quy định",
        inferredWord: "suy ra",
        noGroupSplit: "Chỉ sàng lọc: không nhóm nào đưa chỉ tiêu qua ngưỡng, nên không tách nhóm nào cho chỉ tiêu này; các thành viên không được đo riêng.",
        inferenceNote: "Trong hai nửa của nhóm được tách chỉ nửa đầu được mô phỏng: nửa sau được suy ra bằng tác động của nhóm trừ tác động của nửa đầu (giả định tác động của các thành viên cộng được, không tương tác trong nhóm), và được mô phỏng khi chạy lại.")
}

extension Language {
    /// The phrases of the `drivers` report.
    var driverWords: DriverPhrases { self == .vi ? .vietnamese : .english }
}

