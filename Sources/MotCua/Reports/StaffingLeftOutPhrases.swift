// The staffing search's words for targets it cannot settle (an outside review's #2, #9, #14, #18):
// an office outside the search flooded at the very large staff, an assumption the verdict rests
// on, verdicts undecided for want of replications, raised floors and the minimality check.

extension UnreachableWords {
    /// A target that does not pass at the very large staff while `offices` (not searched, on its
    /// routes) saturate there: the citizens the extra staff let in flood them.
    static func flooded(_ x: Double, offices: [(id: String, name: String, nameVi: String)]) -> (String, String) {
        let value = shown(x)
        let option = offices.map { "--office \($0.id)" }.joined(separator: " ")
        return ("does not pass at the very large staff (\(value.en) there), where \(offices.map(\.name).joined(separator: ", ")) — not searched — "
                + "saturate\(offices.count == 1 ? "s" : ""): the citizens the extra staff let in flood \(offices.count == 1 ? "it" : "them"), "
                + "so that staffing is no upper bound and more staff of these offices may make it worse; it does not pass at the staffing "
                + "the search ends on either; search \(offices.count == 1 ? "that office" : "those offices") too: add \(option)",
                "không đạt khi biên chế rất lớn (khi đó \(value.vi)), vì \(offices.map(\.nameVi).joined(separator: ", ")) — không được tìm — "
                + "bị quá tải bởi số công dân mà biên chế tăng thêm tiếp nhận: biên chế rất lớn không phải giới hạn trên, thêm người ở các "
                + "đơn vị được tìm có thể làm kết quả kém đi; ở biên chế cuối của quá trình tìm cũng không đạt; hãy tìm cả biên chế của "
                + "đơn vị đó: thêm \(option)")
    }

    /// A target whose verdict rests on an input the scenario marks as an assumption (`note`, the
    /// words `run` prints under it), and does not pass at the very large staff either.
    static func restsOnAssumption(_ note: String, noteVi: String, value x: Double) -> (String, String) {
        let value = shown(x)
        return ("rests on an assumption, as `motcua run` says: \(note); even a very large staff of the offices searched leaves it short "
                + "(\(value.en) there)",
                "dựa trên giả định, như `motcua run` cho biết: \(noteVi); biên chế rất lớn ở các đơn vị được tìm vẫn không đạt (khi đó \(value.vi))")
    }
}

/// The staffing report's sentences about targets left out, floors raised and the minimality check.
enum StaffLeftOutWords {
    /// The headline when every target asked is left out and none is settled by inputs or staff
    /// (all undecided, or bounded by an office outside the search): not "no staffing".
    static func notShown(_ searched: String, _ scope: (String, String)) -> (String, String) {
        ("The search could not show whether some staffing of the offices searched (\(searched)) makes \(scope.0) pass: ",
         "Quá trình tìm chưa xác định được liệu có biên chế nào của các đơn vị được tìm (\(searched)) làm đạt \(scope.1) hay không: ")
    }

    /// The headline line for targets left out that the search could not settle, in a search that answered for the rest.
    static let leftOutUnsettled = ("Left out, not settled by this search: ", "Không xét, quá trình tìm chưa kết luận được: ")

    /// The headline when no staffing within the bounds passes only because every target that
    /// misses at the upper bounds is undecided.
    static let undecidedAtHigh = ("At the upper bounds no target asked is shown to miss; undecided: ",
                                  "Ở giới hạn trên không chỉ tiêu nào được chứng tỏ là không đạt; chưa kết luận được: ")

    /// Under the staffing table: an office whose floor was raised above the one asked, and why.
    static func raisedFloor(office: String, asked: Int, raised: Int, targets: [String]) -> (String, String) {
        ("\(office): asked from \(asked), searched from \(raised), today's staff: fewer would make worse the targets left out "
            + "that it serves (\(targets.joined(separator: "; "))), so the search keeps today's staff or more there.",
         "\(office): yêu cầu từ \(asked), tìm từ \(raised), biên chế hiện nay: ít hơn sẽ làm kém đi các chỉ tiêu không xét mà đơn vị này "
            + "phục vụ (\(targets.joined(separator: "; "))), nên giữ ít nhất biên chế hiện nay.")
    }

    /// Added to the minimality check: offices at their lower bound, where one fewer was not tried.
    static func notChecked(_ offices: String) -> (String, String) {
        (" Not checked (at the lower bound of their search, one fewer was not tried): \(offices).",
         " Không kiểm tra (đã ở giới hạn dưới của phạm vi tìm, không thử bớt một người): \(offices).")
    }
}

/// The per-unit staffing report's sentences on convergence, undecided units, why a unit was
/// raised and the one evaluation count (an outside review, #14).
enum UnitStaffExtraWords {
    /// The headline's first line when the confirmation and the minimality check never agreed.
    static func unsettled(_ language: Language) -> String {
        language.pick("The search did not converge: within the rounds allowed its confirmation and minimality check never agreed, so the staffing below is the last one confirmed, not an answer.",
                      "Quá trình tìm chưa hội tụ: trong số vòng cho phép, xác nhận và kiểm tra tối thiểu chưa thống nhất, nên biên chế dưới đây là lần xác nhận cuối, chưa phải câu trả lời.")
    }

    /// Units not raised because their figures are undecided at `replications`; the most replications any of them needs.
    static func undecided(_ units: Int, replications: Int, suggested: Int, names: String, _ language: Language) -> String {
        let more = suggested >= StaffingUndecided.suggestionLimit ? language.pick("more", "nhiều hơn") : String(suggested)
        return language.pick("\(units) units end undecided with \(replications) replications and are raised no further: their figure sits clear of the threshold but its interval straddles it, so more staff is no answer; run --replications \(more) (or auto) to decide them: \(names).",
                             "\(units) đơn vị chưa kết luận được với \(replications) lần chạy lặp và không được tăng thêm người: chỉ số nằm hẳn về phía đạt của ngưỡng nhưng khoảng tin cậy vắt qua ngưỡng, thêm người không phải là câu trả lời; hãy chạy --replications \(more) (hoặc auto): \(names).")
    }

    /// The search's cost: evaluations (the table's rows), distinct staffings, replications simulated and read back, wall time.
    static func cost(_ evaluations: Int, distinct: Int, simulated: Int, stored: Int, seconds: String, _ language: Language) -> String {
        language.pick("Search: \(evaluations) evaluations (the table of evaluations; each a run of the whole city) of \(distinct) distinct staffings, \(simulated) replications simulated (its column \"simulated\" adds up to them), \(stored) reused from stored results; wall time \(seconds).",
                      "Quá trình tìm: \(evaluations) lượt đánh giá (bảng các lần đánh giá; mỗi lượt chạy toàn thành phố) trên \(distinct) phương án biên chế khác nhau, \(simulated) lần chạy lặp mô phỏng (cột \"mô phỏng\" cộng lại bằng số này), \(stored) lấy lại từ kết quả đã lưu; thời gian \(seconds).")
    }

    static func neededFor(_ language: Language) -> String { language.pick("raised for", "tăng vì") }

    /// What a suggested number of replications costs at the search's pace, for one staffing.
    static func suggestionCost(_ seconds: Double, _ language: Language) -> String {
        let time = seconds >= 5_400 ? language.numbers.fixed(seconds / 3_600, 1) + language.pick(" hours", " giờ")
            : language.numbers.fixed(Swift.max(1, (seconds / 60).rounded(.up)), 0) + language.pick(" minutes", " phút")
        return language.pick("(At this search's pace, that is about \(time) of computing for one staffing of the city.)",
                             "(Với tốc độ của lần tìm này, khoảng \(time) tính toán cho một phương án biên chế toàn thành phố.)")
    }

    /// Units raised that still do not pass at the staff recommended.
    static func raisedNotPassing(_ units: Int, added: Int, names: String, _ language: Language) -> String {
        language.pick("Of the units raised, \(units) do not pass at the staff recommended either (undecided or not met): the +\(added) officers there are not shown to reach the target: \(names).",
                      "Trong các đơn vị được tăng người, \(units) đơn vị vẫn chưa đạt với biên chế đề xuất (chưa kết luận được hoặc không đạt): +\(added) người ở đó chưa được chứng minh là đạt chỉ tiêu: \(names).")
    }

    static func undecidedColumn(_ language: Language) -> String { language.pick("undecided", "chưa kết luận") }

    static func notPassingTitle(_ language: Language) -> String {
        language.pick("Units left as they are that do not pass", "Đơn vị giữ nguyên biên chế nhưng chưa đạt")
    }

    static func notPassingNote(_ language: Language) -> String {
        language.pick("(Staff unchanged: the unit's figure is undecided with these replications (more staff is no answer), or it does not pass even at the upper limit.)",
                      "(Biên chế giữ nguyên: chỉ số của đơn vị chưa kết luận được với số lần chạy lặp này (thêm người không phải là câu trả lời), hoặc không đạt ngay cả ở giới hạn trên.)")
    }
    static func simulated(_ language: Language) -> String { language.pick("simulated", "mô phỏng") }
    /// A unit raised by the guard on citizens giving up, not by a figure.
    static func byGuard(_ language: Language) -> String { language.pick("citizens giving up (the guard)", "công dân bỏ về (ràng buộc)") }
    static func neededNote(_ language: Language) -> String {
        language.pick("Raised for: the figure that did not pass when the unit was first raised, with its value then.",
                      "Tăng vì: chỉ số chưa đạt khi đơn vị được tăng người lần đầu, với giá trị khi đó.")
    }
}
