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

// Phrases of the targets the simulation cannot compute and of the Decision 766 parts it does
// not give (docs/model.md §7.5, §8).
extension Language {
    /// The verdict column of a target the simulation cannot compute.
    var notComputable: String { pick("NO VERDICT", "KHÔNG XÉT") }
    /// What introduces its reason.
    var notComputableWhy: String { pick("not computable by simulation", "mô phỏng không tính được") }
    /// The heading of the Decision 766 parts not computed.
    var decision766NotComputed: String { pick("not computed (points / maximum):", "không tính (điểm / tối đa):") }
    /// The same, in a table's row beside the part's reason.
    var decision766NotComputedRow: String { pick("not computed", "không tính") }
}

// MARK: - Where the time went (docs/model.md §12; branch breakdown)

/// The phrases of the time breakdown, in one language.
struct BreakdownWords: Sendable {
    let title, note, dossiers, total, onTime, late, noLate, totalsNote: String
    /// Short names of the parts, by ``TimePart`` raw value.
    let parts: [String]
    /// "61% of late dossiers spent the largest part of their time in …" and each further step.
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
        first: { "\($0) of late dossiers spent the largest part of their time \($1)" },
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
