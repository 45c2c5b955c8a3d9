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
    let title: @Sendable (String, UInt64) -> String
    let setup: @Sendable (String, Int, String) -> String
    let method: @Sendable (Int, Int, Int) -> String
    let cost: @Sendable (Int, Int, String) -> String
    let unchangeable: @Sendable (Int) -> String
    let skipped: @Sendable (String, String, String) -> String
    let unreachable: @Sendable (Int) -> String
    let refined: @Sendable (Int) -> String
    let screened: @Sendable (Int) -> String
    let noEffect, source, noSource, threshold, margin, removed, pointsUnit: String
    /// The HTML page: headings, the chart's legend and its note.
    let pageTitle, chartsHeading, tableHeading, lowerLegend, higherLegend, base, chartNote, input, effects, passingNote: String

    static let english = DriverPhrases(
        title: { "WHAT DRIVES EACH VERDICT — \($0) (seed \($1))" },
        setup: { "Inputs: \($1) (\($0 == "all" ? "every staff count, volume, share, lag and opening backlog" : "every value whose source is an assumption")); step: \($2)" },
        method: { "Each change screened on \($0) replication\($0 == 1 ? "" : "s") paired with the base (common random numbers); per target, the \($1) largest that could change the verdict refined to \($2) replications. Effect = changed − base, with its paired 95% interval." },
        cost: { "Cost: \($0) evaluations (the base, every screened change, every refined change), \($1) replications, \($2) s." },
        unchangeable: { "\($0) input\($0 == 1 ? "" : "s") not changed: a share of 0 has no relative step." },
        skipped: { "skipped: \($0) \($1): \($2)" },
        unreachable: { "(\($0) input\($0 == 1 ? "" : "s") not ranked: no office shared with this target's procedures, so no effect)" },
        refined: { "refined, \($0) pairs" },
        screened: { "screened only, \($0) pair\($0 == 1 ? "" : "s")" },
        noEffect: "no input changes this target", source: "source", noSource: "no source", threshold: "threshold",
        margin: "margin", removed: "removed", pointsUnit: "points",
        pageTitle: "What drives each verdict", chartsHeading: "Failing and at-risk targets", tableHeading: "Largest drivers of every target",
        lowerLegend: "input lowered", higherLegend: "input raised", base: "base",
        chartNote: "Bars run from the base value to the value with the input changed; whiskers are the paired 95% intervals; the dashed line is the threshold.",
        input: "input", effects: "effect on the target (points)", passingNote: "Every target passes: no tornado chart is drawn.")

    static let vietnamese = DriverPhrases(
        title: { "YẾU TỐ QUYẾT ĐỊNH TỪNG KẾT LUẬN — \($0) (mã ngẫu nhiên \($1))" },
        setup: { "Tham số đầu vào: \($1) (\($0 == "all" ? "mọi số cán bộ, số hồ sơ, tỷ lệ, thời gian chờ và hồ sơ tồn đầu kỳ" : "mọi giá trị có nguồn là giả định")); bước thay đổi: \($2)" },
        method: { "Mỗi thay đổi được sàng lọc trên \($0) lần chạy lặp ghép cặp với phương án gốc (cùng số ngẫu nhiên); với mỗi chỉ tiêu, \($1) tham số lớn nhất có thể đổi kết luận được chạy lại đến \($2) lần. Tác động = sau thay đổi − gốc, kèm khoảng tin cậy 95% ghép cặp." },
        cost: { "Chi phí: \($0) lượt đánh giá (phương án gốc, mỗi thay đổi sàng lọc, mỗi thay đổi chạy lại), \($1) lần chạy lặp, \($2) giây." },
        unchangeable: { "\($0) tham số không thay đổi: tỷ lệ bằng 0 không có bước tương đối." },
        skipped: { "bỏ qua: \($0) \($1): \($2)" },
        unreachable: { "(\($0) tham số không xếp hạng: không chung đơn vị nào với các thủ tục của chỉ tiêu này, nên không có tác động)" },
        refined: { "đã chạy lại, \($0) cặp" },
        screened: { "chỉ sàng lọc, \($0) cặp" },
        noEffect: "không tham số nào làm thay đổi chỉ tiêu này", source: "nguồn", noSource: "không có nguồn", threshold: "ngưỡng",
        margin: "khoảng cách", removed: "bỏ đi", pointsUnit: "điểm %",
        pageTitle: "Yếu tố quyết định từng kết luận", chartsHeading: "Chỉ tiêu không đạt và có rủi ro",
        tableHeading: "Các yếu tố lớn nhất của từng chỉ tiêu",
        lowerLegend: "giảm tham số", higherLegend: "tăng tham số", base: "gốc",
        chartNote: "Thanh đi từ giá trị gốc đến giá trị sau khi thay đổi tham số; râu là khoảng tin cậy 95% ghép cặp; đường đứt nét là ngưỡng chỉ tiêu.",
        input: "tham số", effects: "tác động lên chỉ tiêu (điểm %)", passingNote: "Mọi chỉ tiêu đều đạt: không vẽ biểu đồ lốc xoáy.")
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
