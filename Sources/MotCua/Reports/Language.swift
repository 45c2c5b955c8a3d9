/// The language of a report. Vietnamese uses the plans' own terms (tỷ lệ giải quyết hồ sơ
/// đúng hạn, trễ hạn, số hóa, thanh toán trực tuyến, thư xin lỗi).
public enum Language: String, Sendable, CaseIterable {
    case en, vi

    /// Picks the Vietnamese text when reporting in Vietnamese and it exists.
    func pick(_ english: String, _ vietnamese: String?) -> String {
        self == .vi ? (vietnamese ?? english) : english
    }

    /// The words of the reports.
    var words: Phrases { self == .vi ? .vietnamese : .english }
}

/// Every fixed phrase of the reports, in one language.
struct Phrases: Sendable {
    let replication: @Sendable (Int) -> String
    let period: @Sendable (String, String, Int) -> String
    let warmUp: @Sendable (Int) -> String
    let seed: String
    let targets, verdict, target, value, ci95, oneReplication: String
    let passCount: @Sendable (Int, Int) -> String
    let pass, fail, atRisk: String
    /// Shown under a verdict that only repeats an input share.
    let inputDriven: String
    let byField, byFieldNote, field, received, refused, onTime, late, open, overdue, onTimeRate, countsNote: String
    let journey, incomplete, withdrawn, supplements, lateByRepeat, lateDossiers, apologisedInTime, newDateMet,
        apologisedLate, neverApologised, online, postal, digitized, ePaid, resultsElectronic, byPost, atDesk, backlog: String
    /// A share's denominator: "of" and the noun of what is counted (``denominator(of:)``).
    let of, receivedNoun, acceptedNoun, feePayingNoun, lateNoun, resultsNoun, processedNoun, dossiersNoun: String
    let receivedOrBacklogNoun, pastDueNoun: String
    let offices, office, staff, served, meanWait, maxWait, busy, queueAtEnd, gaveUp, officesNote, busiest, groupsNote, pastDue, p90Wait, unstable, perDay, decision766: String
    let balance, balanceNote, finished, inProgress, balanced, broken: String
    let journeyNote: String
    let perReplicationNote, waits, waitCount, inLine, inTray, inLineNote, inTrayNote, waitsNote, waitsGroupNote: String

    static let english = Phrases(
        replication: { $0 == 1 ? "1 replication" : "\($0) replications" },
        period: { "\($0) to \($1) (\($2) days" },
        warmUp: { ", warm-up \($0)" },
        seed: "seed",
        targets: "TARGETS", verdict: "verdict", target: "target", value: "value", ci95: "95% CI", oneReplication: "(1 replication)",
        passCount: { "\($0) of \($1) pass" },
        pass: "PASS", fail: "FAIL", atRisk: "AT RISK", inputDriven: "repeats an input",
        byField: "ON-TIME RATE BY FIELD",
        byFieldNote: "(on-time rate = finished by the appointment date, or in progress and not yet due, of the dossiers finished or in progress; refused and withdrawn ones are not counted)",
        field: "field", received: "received", refused: "refused", onTime: "on time", late: "late", open: "open",
        overdue: "overdue", onTimeRate: "on-time", countsNote: "(counts: mean per replication, i.e. per simulated period; their 95% intervals are in --json and --csv)",
        journey: "THE DOSSIER'S JOURNEY", incomplete: "incomplete at the desk (Form 02)", withdrawn: "withdrawn by the citizen",
        supplements: "supplement requests", lateByRepeat: "late because asked more than once", lateDossiers: "late dossiers",
        apologisedInTime: "  apologised in time (Form 04)", newDateMet: "new date met", apologisedLate: "  apologised late",
        neverApologised: "  never apologised", online: "submitted online", postal: "sent by post", digitized: "digitized (online or scanned)",
        ePaid: "fees paid electronically", resultsElectronic: "results sent electronically", byPost: "by post",
        atDesk: "collected at the desk", backlog: "opening backlog",
        of: "of", receivedNoun: "received", acceptedNoun: "accepted", feePayingNoun: "fee-paying dossiers",
        lateNoun: "late dossiers", resultsNoun: "results returned", processedNoun: "finished or in progress", dossiersNoun: "dossiers",
        receivedOrBacklogNoun: "received or in the opening backlog", pastDueNoun: "dossiers past their appointment date",
        offices: "OFFICES", office: "office", staff: "staff", served: "served", meanWait: "mean wait", maxWait: "max wait",
        busy: "busy", queueAtEnd: "queue at end", gaveUp: "gave up",
        officesNote: "(served: entries whose work started; busy: share of open staff time)",
        busiest: "busiest", groupsNote: "(offices with a count are the wards together: staff per ward, counts of all the wards, mean busy; --json and --csv list each ward)",
        pastDue: "past the appointment date", p90Wait: "90% wait",
        unstable: "UNSTABLE OFFICES — demand exceeds capacity: the queue grows day after day (growth over the second half of the horizon)",
        perDay: "dossiers a day",
        decision766: "DECISION 766/QĐ-TTG SCORING — the parts a simulation can compute (points / maximum)",
        balance: "DOSSIER BALANCE", balanceNote: "(mean per replication, as the tables above)", finished: "finished", inProgress: "in progress",
        balanced: "balanced", broken: "BROKEN",
        journeyNote: "(mean per replication, with its 95% interval)",
        perReplicationNote: "(counts: mean per replication, i.e. per simulated period)",
        waits: "WAITS — two different waits, never mixed",
        waitCount: "waits", inLine: "IN LINE (citizens in person)", inTray: "IN THE TRAY (dossiers not in person)",
        inLineNote: "(in line: a citizen at a desk, from joining the line to being served — handing in a dossier or collecting a result)",
        inTrayNote: "(in the tray: a dossier sent online or by post, forwarded from another office or waiting for a signing session, from reaching the office to the start of work, nights and days off included)",
        waitsNote: "(waits: count per replication; mean and 90% over the replications; max: the longest of any replication; a mean above the 90% figure means a long tail, a few waits across nights)",
        waitsGroupNote: "(waits: count per replication; mean and 90% over the replications, 90% of the worst ward for the wards; max: the longest of any replication; a mean above the 90% figure means a long tail, a few waits across nights)")

    static let vietnamese = Phrases(
        replication: { "\($0) lần chạy lặp" },
        period: { "từ \($0) đến \($1) (\($2) ngày" },
        warmUp: { ", khởi động \($0) ngày" },
        seed: "mã ngẫu nhiên",
        targets: "CHỈ TIÊU", verdict: "đánh giá", target: "chỉ tiêu", value: "giá trị", ci95: "KTC 95%", oneReplication: "(1 lần chạy)",
        passCount: { "\($0)/\($1) chỉ tiêu đạt" },
        pass: "ĐẠT", fail: "KHÔNG ĐẠT", atRisk: "CÓ RỦI RO", inputDriven: "lặp lại tham số đầu vào",
        byField: "TỶ LỆ GIẢI QUYẾT HỒ SƠ ĐÚNG HẠN THEO LĨNH VỰC",
        byFieldNote: "(tỷ lệ đúng hạn = có kết quả trước hoặc đúng ngày hẹn trả, hoặc đang giải quyết chưa đến hạn, trên số hồ sơ đã và đang giải quyết; không tính hồ sơ bị từ chối hoặc rút)",
        field: "lĩnh vực", received: "tiếp nhận", refused: "từ chối", onTime: "đúng hạn", late: "trễ hạn", open: "đang xử lý",
        overdue: "quá hạn", onTimeRate: "tỷ lệ đúng hạn", countsNote: "(số liệu: trung bình mỗi lần chạy lặp, tức mỗi kỳ mô phỏng; khoảng tin cậy 95% có trong --json và --csv)",
        journey: "HÀNH TRÌNH HỒ SƠ", incomplete: "chưa đầy đủ khi tiếp nhận (Mẫu 02)", withdrawn: "công dân rút hồ sơ",
        supplements: "yêu cầu bổ sung", lateByRepeat: "trễ hạn do bổ sung quá 1 lần", lateDossiers: "hồ sơ trễ hạn",
        apologisedInTime: "  có thư xin lỗi đúng hạn (Mẫu 04)", newDateMet: "trả đúng ngày hẹn mới", apologisedLate: "  thư xin lỗi muộn",
        neverApologised: "  không có thư xin lỗi", online: "nộp trực tuyến", postal: "gửi qua bưu chính", digitized: "số hóa (trực tuyến hoặc quét)",
        ePaid: "thanh toán trực tuyến", resultsElectronic: "trả kết quả điện tử", byPost: "qua bưu chính",
        atDesk: "nhận tại bộ phận một cửa", backlog: "hồ sơ tồn đầu kỳ",
        of: "trên", receivedNoun: "hồ sơ tiếp nhận", acceptedNoun: "hồ sơ đã nhận", feePayingNoun: "hồ sơ có phí",
        lateNoun: "hồ sơ trễ hạn", resultsNoun: "kết quả đã trả", processedNoun: "hồ sơ đã và đang giải quyết", dossiersNoun: "hồ sơ",
        receivedOrBacklogNoun: "hồ sơ tiếp nhận hoặc tồn đầu kỳ", pastDueNoun: "hồ sơ quá ngày hẹn trả",
        offices: "CƠ QUAN, ĐƠN VỊ", office: "đơn vị", staff: "cán bộ", served: "đã xử lý", meanWait: "chờ TB", maxWait: "chờ tối đa",
        busy: "bận", queueAtEnd: "tồn cuối kỳ", gaveUp: "bỏ về",
        officesNote: "(đã xử lý: lượt đã bắt đầu xử lý; bận: tỷ lệ thời gian làm việc của cán bộ)",
        busiest: "bận nhất", groupsNote: "(đơn vị có số lượng là các phường gộp lại: cán bộ mỗi phường, số liệu của mọi phường, mức bận trung bình; --json và --csv liệt kê từng phường)",
        pastDue: "quá ngày hẹn trả", p90Wait: "chờ 90%",
        unstable: "ĐƠN VỊ QUÁ TẢI — nhu cầu vượt năng lực: hồ sơ tồn tăng dần theo ngày (mức tăng trong nửa sau của kỳ)",
        perDay: "hồ sơ/ngày",
        decision766: "CHẤM ĐIỂM THEO QUYẾT ĐỊNH 766/QĐ-TTG — các phần mô phỏng tính được (điểm / tối đa)",
        balance: "CÂN ĐỐI HỒ SƠ", balanceNote: "(trung bình mỗi lần chạy lặp, như các bảng trên)", finished: "đã có kết quả", inProgress: "đang giải quyết",
        balanced: "cân đối", broken: "SAI LỆCH",
        journeyNote: "(trung bình mỗi lần chạy lặp, kèm khoảng tin cậy 95%)",
        perReplicationNote: "(số liệu: trung bình mỗi lần chạy lặp, tức mỗi kỳ mô phỏng)",
        waits: "THỜI GIAN CHỜ — hai loại chờ khác nhau, không gộp",
        waitCount: "lượt chờ", inLine: "XẾP HÀNG (người dân đến trực tiếp)", inTray: "HỒ SƠ CHỜ XỬ LÝ (không trực tiếp)",
        inLineNote: "(xếp hàng: người dân tại bộ phận một cửa, từ khi vào hàng đến khi được tiếp — nộp hồ sơ hoặc nhận kết quả)",
        inTrayNote: "(hồ sơ chờ xử lý: hồ sơ nộp trực tuyến, qua bưu chính, được chuyển từ đơn vị khác hoặc chờ buổi ký, từ khi đến đơn vị tới khi bắt đầu xử lý, kể cả đêm và ngày nghỉ)",
        waitsNote: "(lượt chờ: trung bình mỗi lần chạy lặp; TB và 90% qua các lần chạy lặp; tối đa: lâu nhất trong mọi lần chạy; TB lớn hơn mức 90% nghĩa là có ít lượt chờ rất dài, qua đêm)",
        waitsGroupNote: "(lượt chờ: trung bình mỗi lần chạy lặp; TB và 90% qua các lần chạy lặp, 90% của phường cao nhất với các phường; tối đa: lâu nhất trong mọi lần chạy; TB lớn hơn mức 90% nghĩa là có ít lượt chờ rất dài, qua đêm)")
}

extension Phrases {
    /// What a count is of, for a share's "x% of N …": the noun of the counter `whole`.
    func noun(of whole: KeyPath<ProcedureTally, Int>) -> String {
        switch whole {
        case \ProcedureTally.received: return receivedNoun
        case \ProcedureTally.accepted: return acceptedNoun
        case \ProcedureTally.feePaying: return feePayingNoun
        case \ProcedureTally.late: return lateNoun
        case \ProcedureTally.results: return resultsNoun
        case \ProcedureTally.processed: return processedNoun
        case \ProcedureTally.pastDue: return pastDueNoun
        case \ProcedureTally.receivedOrBacklog: return receivedOrBacklogNoun
        default: return dossiersNoun
        }
    }

    /// The name of the counter `whole` in `--json` and `--csv` (a share's denominator).
    static func counterName(_ whole: KeyPath<ProcedureTally, Int>) -> String {
        switch whole {
        case \ProcedureTally.received: return "received"
        case \ProcedureTally.accepted: return "accepted"
        case \ProcedureTally.feePaying: return "feePaying"
        case \ProcedureTally.late: return "late"
        case \ProcedureTally.results: return "results"
        case \ProcedureTally.processed: return "processed"
        case \ProcedureTally.pastDue: return "pastDue"
        case \ProcedureTally.receivedOrBacklog: return "receivedOrBacklog"
        case \ProcedureTally.reuseEligible: return "reuseEligible"
        case \ProcedureTally.backlog: return "backlog"
        default: return "dossiers"
        }
    }

    /// "of 1,249 late dossiers": a share's denominator, named, with its count (written in the
    /// report's language).
    func denominator(_ count: String, _ whole: KeyPath<ProcedureTally, Int>) -> String {
        "\(of) \(count) \(noun(of: whole))"
    }
}

// MARK: - motcua drivers

/// The fixed phrases of the `drivers` report, in one language.
struct DriverPhrases: Sendable {
    let title: @Sendable (String) -> String
    let setup: @Sendable (String, Int, String) -> String
    let method: @Sendable (Int, Int, Int) -> String
    /// Evaluations, replications, seconds, inputs reaching no chosen target, refined changes stopped early.
    let cost: @Sendable (Int, Int, String, Int, Int) -> String
    let unchangeable: @Sendable (Int) -> String
    let skipped: @Sendable (String, String, String) -> String
    /// Inputs that cannot reach the target.
    let cannotReach: @Sendable (Int) -> String
    /// The headline of a failing or at-risk target: its name, value and verdict, its first driver with its effect.
    let movesMost: @Sendable (String, String, String, String) -> String
    let thenDriver: @Sendable (String) -> String
    let movesNothing: @Sendable (String) -> String
    let noEffect, source, noSource, threshold, margin, removed, pointsUnit, base, cannotReachChange: String
    /// Section titles.
    let methodHeading, chartsHeading, targetsHeading: String
    /// Column titles.
    let input, change, effect, pairs, firstDriver, itsEffect, kind, value, assumption, measured, refinedWord, screenedWord: String
    let lowerLegend, higherLegend, chartNote, passingNote, targetsNote: String

    static let english = DriverPhrases(
        title: { "What drives each verdict — \($0)" },
        setup: { "Inputs: \($1) (\($0 == "all" ? "every staff count, volume, share, lag and opening backlog" : "every value whose source is an assumption")); step: \($2)." },
        method: { "Every input that can reach a chosen target is changed in one direction on \($0) replication\($0 == 1 ? "" : "s"), paired with the base (common random numbers). Per target, the \($1) largest that could change the verdict are refined: the changes that move the target towards its threshold (both when it is at risk) run up to half of \($2) replications, and on to \($2) unless their verdict is already decided. Effect = changed − base, with its paired 95% interval. Ranked by the size of the effect, then by how well it is measured." },
        cost: { "Cost: \($0) evaluations, \($1) replications, \($2) s wall time; \($3) input\($3 == 1 ? "" : "s") reach\($3 == 1 ? "es" : "") no chosen target and \($3 == 1 ? "was" : "were") not run; \($4) refined change\($4 == 1 ? "" : "s") stopped at the first round, \($4 == 1 ? "its" : "their") verdict decided." },
        unchangeable: { "\($0) input\($0 == 1 ? "" : "s") not changed: a share of 0 has no relative step." },
        skipped: { "Skipped: \($0) \($1): \($2)." },
        cannotReach: { "\($0) input\($0 == 1 ? "" : "s") cannot reach this target (no office shared with its procedures, directly or through others): not evaluated for it; their effect is zero." },
        movesMost: { "\($0) (\($1), \($2)) moves most with \($3)" },
        thenDriver: { "; then \($0)" },
        movesNothing: { "\($0): no input moves it." },
        noEffect: "No input changes this target.", source: "source", noSource: "no source", threshold: "threshold",
        margin: "margin", removed: "removed", pointsUnit: "points", base: "base", cannotReachChange: "cannot reach",
        methodHeading: "How it was measured", chartsHeading: "Failing and at-risk targets", targetsHeading: "Targets and their first driver",
        input: "input", change: "change", effect: "effect (points, 95% CI)", pairs: "pairs", firstDriver: "first driver",
        itsEffect: "its largest effect (points)", kind: "kind", value: "value", assumption: "assumption", measured: "measured",
        refinedWord: "refined", screenedWord: "screened",
        lowerLegend: "input lowered", higherLegend: "input raised",
        chartNote: "Bars run from the base value to the value with the input changed; whiskers are the paired 95% intervals (none when screened on one replication); the dashed line is the threshold.",
        passingNote: "Every target passes: no tornado chart is drawn.",
        targetsNote: "margin: how far the base's 95% interval is from the threshold (0 when at risk) — the size of effect that could change the verdict.")

    static let vietnamese = DriverPhrases(
        title: { "Yếu tố quyết định từng kết luận — \($0)" },
        setup: { "Tham số đầu vào: \($1) (\($0 == "all" ? "mọi số cán bộ, số hồ sơ, tỷ lệ, thời gian chờ và hồ sơ tồn đầu kỳ" : "mọi giá trị có nguồn là giả định")); bước thay đổi: \($2)." },
        method: { "Mỗi tham số có thể tác động đến một chỉ tiêu được chọn được thay đổi theo một chiều trên \($0) lần chạy lặp, ghép cặp với phương án gốc (cùng số ngẫu nhiên). Với mỗi chỉ tiêu, \($1) tham số lớn nhất có thể đổi kết luận được chạy lại: các thay đổi đưa chỉ tiêu về phía ngưỡng (cả hai chiều khi có rủi ro) chạy đến một nửa của \($2) lần, rồi đến \($2) lần nếu kết luận chưa rõ. Tác động = sau thay đổi − gốc, kèm khoảng tin cậy 95% ghép cặp. Xếp hạng theo độ lớn tác động, sau đó theo độ chính xác của phép đo." },
        cost: { "Chi phí: \($0) lượt đánh giá, \($1) lần chạy lặp, \($2) giây; \($3) tham số không tác động đến chỉ tiêu nào được chọn nên không chạy; \($4) thay đổi dừng sau vòng đầu vì kết luận đã rõ." },
        unchangeable: { "\($0) tham số không thay đổi: tỷ lệ bằng 0 không có bước tương đối." },
        skipped: { "Bỏ qua: \($0) \($1): \($2)." },
        cannotReach: { "\($0) tham số không thể tác động đến chỉ tiêu này (không chung đơn vị nào với các thủ tục của chỉ tiêu, trực tiếp hay gián tiếp): không đánh giá; tác động bằng 0." },
        movesMost: { "\($0) (\($1), \($2)) thay đổi nhiều nhất theo \($3)" },
        thenDriver: { "; tiếp theo là \($0)" },
        movesNothing: { "\($0): không tham số nào làm thay đổi chỉ tiêu." },
        noEffect: "Không tham số nào làm thay đổi chỉ tiêu này.", source: "nguồn", noSource: "không có nguồn", threshold: "ngưỡng",
        margin: "khoảng cách", removed: "bỏ đi", pointsUnit: "điểm %", base: "gốc", cannotReachChange: "không tác động được",
        methodHeading: "Cách đo", chartsHeading: "Chỉ tiêu không đạt và có rủi ro", targetsHeading: "Các chỉ tiêu và yếu tố lớn nhất",
        input: "tham số", change: "thay đổi", effect: "tác động (điểm %, KTC 95%)", pairs: "số cặp", firstDriver: "yếu tố lớn nhất",
        itsEffect: "tác động lớn nhất (điểm %)", kind: "loại", value: "giá trị", assumption: "giả định", measured: "cách đo",
        refinedWord: "đã chạy lại", screenedWord: "chỉ sàng lọc",
        lowerLegend: "giảm tham số", higherLegend: "tăng tham số",
        chartNote: "Thanh đi từ giá trị gốc đến giá trị sau khi thay đổi tham số; râu là khoảng tin cậy 95% ghép cặp (không có khi chỉ sàng lọc trên một lần chạy); đường đứt nét là ngưỡng chỉ tiêu.",
        passingNote: "Mọi chỉ tiêu đều đạt: không vẽ biểu đồ lốc xoáy.",
        targetsNote: "khoảng cách: khoảng tin cậy 95% của phương án gốc cách ngưỡng bao xa (0 khi có rủi ro) — mức tác động có thể đổi kết luận.")
}

extension Language {
    /// The phrases of the `drivers` report.
    var driverWords: DriverPhrases { self == .vi ? .vietnamese : .english }
}

// Phrases of the targets the simulation cannot compute and of the Decision 766 parts it does
// not give (docs/model.md §7.5, §8).
extension Language {
    /// The verdict column of a target the simulation cannot compute.
    var notComputable: String { pick("NO VERDICT", "KHÔNG XÉT") }
    /// What introduces its reason.
    var notComputableWhy: String { pick("not computable by simulation", "mô phỏng không tính được") }
    /// The heading of the Decision 766 parts not computed.
    var decision766NotComputed: String { pick("not computed (points / maximum):", "không tính (điểm / tối đa):") }
}

// MARK: - Where the time went (docs/model.md §12; branch breakdown)

/// The phrases of the time breakdown, in one language.
struct BreakdownWords: Sendable {
    let title, note, dossiers, total, onTime, late, noLate, totalsNote: String
    /// Short names of the parts, by ``TimePart`` raw value.
    let parts: [String]
    /// "61% of late dossiers lost most of their deadline in …" and each further step.
    let first: @Sendable (String, String) -> String
    let then: @Sendable (String, String) -> String
    /// A step: the part at an office.
    let step: @Sendable (TimePart, String) -> String

    static let english = BreakdownWords(
        title: "WHERE THE TIME WENT",
        note: "(finished dossiers, from arrival to result; mean working hours per dossier, legal calendar; tax is outside the deadline; supplements stop its clock; desk parts come before the receipt)",
        dossiers: "dossiers", total: "total", onTime: "on time", late: "late", noLate: "no late dossier",
        totalsNote: "(means per replication; totals over replications in --json)",
        parts: ["before horizon", "desk queue", "desk work", "away for papers", "forwarding", "fixed lags", "office trays",
                "office work", "signing sessions", "supplements", "tax (excluded)"],
        first: { "\($0) of late dossiers lost most of their deadline \($1)" },
        then: { "\($0) \($1)" },
        step: { part, office in
            switch part {
            case .forwarding: "forwarding to \(office)"
            case .lag: "in the fixed lag before \(office)"
            case .tray: "in the \(office) tray"
            case .signing: "waiting for the \(office) signing session"
            default: "in the \(office) work"
            }
        })

    static let vietnamese = BreakdownWords(
        title: "THỜI GIAN ĐÃ ĐI ĐÂU",
        note: "(hồ sơ đã giải quyết, từ khi nộp đến khi có kết quả; số giờ làm việc trung bình mỗi hồ sơ theo lịch hành chính; nghĩa vụ tài chính không tính vào thời hạn; thời gian bổ sung dừng thời hạn; phần tại bộ phận một cửa trước khi tiếp nhận)",
        dossiers: "hồ sơ", total: "tổng", onTime: "đúng hạn", late: "trễ hạn", noLate: "không có hồ sơ trễ hạn",
        totalsNote: "(trung bình mỗi lần chạy lặp; tổng qua các lần chạy lặp trong --json)",
        parts: ["trước kỳ", "chờ tại một cửa", "xử lý tại một cửa", "đi bổ sung giấy tờ", "chuyển hồ sơ", "thời gian cố định",
                "chờ tại đơn vị", "xử lý tại đơn vị", "chờ phiên ký", "bổ sung hồ sơ", "nghĩa vụ tài chính"],
        first: { "\($0) hồ sơ trễ hạn mất nhiều thời gian nhất \($1)" },
        then: { "\($0) \($1)" },
        step: { part, office in
            switch part {
            case .forwarding: "khi chuyển đến \(office)"
            case .lag: "ở thời gian cố định trước \(office)"
            case .tray: "khi chờ xử lý tại \(office)"
            case .signing: "khi chờ phiên ký của \(office)"
            default: "khi \(office) xử lý"
            }
        })
}

extension Language {
    /// The phrases of the time breakdown.
    var breakdownWords: BreakdownWords { self == .vi ? .vietnamese : .english }
}

// MARK: Per-procedure section of the text report

/// The words of the text report's per-procedure table.
struct ProcedureWords: Sendable {
    let title, procedure, finished, late, overdue, note: String
    /// "the 10 of 45 procedures with the lowest on-time rate; every procedure in …".
    let some: @Sendable (_ shown: Int, _ all: Int) -> String

    static let english = ProcedureWords(
        title: "BY PROCEDURE", procedure: "procedure", finished: "finished", late: "late", overdue: "overdue",
        note: "(late: finished after the appointment date; overdue: in progress past it; mean per replication)",
        some: { "(the \($0) of \($1) procedures with the lowest on-time rate; every procedure in --csv procedures.csv and --html)" })

    static let vietnamese = ProcedureWords(
        title: "THEO THỦ TỤC", procedure: "thủ tục", finished: "đã giải quyết", late: "trễ hạn", overdue: "quá hạn",
        note: "(trễ hạn: có kết quả sau ngày hẹn trả; quá hạn: đang giải quyết đã qua ngày hẹn; trung bình mỗi lần chạy lặp)",
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
        case .futile: "chưa có kết luận: chỉ tiêu nằm sát ngưỡng (chạy đến số lần tối đa cũng không kết luận được)"
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

    static func failsWhenLarge(_ value: String) -> (String, String) {
        ("fails even with very large staff at every office searched (\(value) there): "
            + "held by something staff cannot change, such as an opening backlog or a fixed lag",
         "vẫn không đạt dù mọi đơn vị được tìm có biên chế rất lớn (khi đó \(value)): "
            + "bị giữ bởi yếu tố biên chế không thay đổi được, như hồ sơ tồn đầu kỳ hoặc thời gian cố định")
    }

    static func straddlesWhenLarge(_ value: String) -> (String, String) {
        ("not shown to pass even with very large staff at every office searched (its interval still straddles "
            + "the threshold at \(value))",
         "chưa chứng tỏ đạt dù mọi đơn vị được tìm có biên chế rất lớn (khoảng tin cậy vẫn vắt qua ngưỡng, ở mức \(value))")
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
    /// The reason under an on-time or late verdict the desk guard failed.
    func deskGuardReason(_ share: String) -> String {
        pick("\(share) of citizens could not file at the desk: the desk cannot serve this load",
             "\(share) công dân không nộp được hồ sơ tại bộ phận một cửa: bộ phận không đáp ứng được mức tải này")
    }
    /// The line that states the share of citizens who could not file, and the guard.
    func deskGuardLine(_ share: String, _ count: String, _ received: String, _ allowance: String, tripped: Bool) -> String {
        let verdict = tripped ? pick("on-time and late verdicts FAIL", "đánh giá đúng hạn, trễ hạn: KHÔNG ĐẠT")
                              : pick("within the guard", "trong giới hạn")
        return pick("Desk guard: \(share) of citizens could not file at the desk (\(count) of \(received) received gave up in the queue or were sent home at closing); above \(allowance), \(DeskGuard.basis), the on-time and late verdicts fail — \(verdict)",
                    "Ràng buộc một cửa: \(share) công dân không nộp được hồ sơ (\(count) trên \(received) hồ sơ tiếp nhận bỏ về khi chờ hoặc phải về khi hết giờ); trên \(allowance), \(DeskGuard.basisVi), đánh giá đúng hạn, trễ hạn là không đạt — \(verdict)")
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
