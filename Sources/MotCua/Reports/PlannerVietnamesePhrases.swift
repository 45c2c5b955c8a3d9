import Foundation

// Vietnamese for words the searches write in English into their results (review 2 follow-up,
// "readable by a planner"): the staffing search's step notes are stored in English (JSON keeps
// them so); a Vietnamese report shows them in the plans' words. The office ids they name stay.
extension Language {
    /// A step of the staffing search ("bisection land-branch 22: passes") in this language.
    func staffStepNote(_ note: String) -> String {
        guard self == .vi else { return note }
        // Longest phrases first, so "still passes" is not read as "passes".
        let words: [(String, String)] = [
            // The steps the first list missed (a Vietnamese staff report showed them in English).
            ("today's staffing as the scenario stands (the guard's baseline)", "biên chế hiện nay đúng như kịch bản (mức gốc của ràng buộc)"),
            ("today's staffing (the guard's baseline)", "biên chế hiện nay (mức gốc của ràng buộc)"),
            (": its next replication, beside the round's one point", ": thêm một lần chạy, bên cạnh lần chạy của vòng này"),
            ("not needed, one fewer does not pass", "không cần thử: bớt một người đã không đạt"),
            (", larger: some office was half busy or more", ", tăng thêm: có đơn vị bận từ một nửa thời gian trở lên"),
            (", on the full replications: some target does not pass", ", với đủ số lần chạy lặp: có chỉ tiêu không đạt"),
            (" on the full replications: ", " với đủ số lần chạy lặp: "),
            (": not the best", ": không phải phương án tốt nhất"),
            ("does not pass (its first replication misses)", "không đạt (lần chạy đầu đã trượt)"),
            (": a target no one office moves misses; screened alone next",
             ": có chỉ tiêu mà không đơn vị nào tự cải thiện được vẫn trượt; tiếp theo thử riêng từng đơn vị"),
            ("offices' answers together", "kết quả các đơn vị gộp lại"),
            ("very large staff", "biên chế rất lớn"),
            ("queueing bound ", "cận dưới theo hàng đợi "),
            ("lower bounds", "giới hạn dưới"),
            ("upper bound ", "giới hạn trên "),
            (" confirmed", " đã xác nhận"),
            ("still passes", "vẫn đạt"),
            ("does not pass", "không đạt"),
            ("passes", "đạt"),
            ("bisection ", "chia đôi "),
            ("−1 at ", "−1 ở "),
            (" together", " cùng lúc"),
            // After the phrase that holds "screened alone next".
            (" alone", " riêng"),
        ]
        return words.reduce(note) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }

    /// A threshold's comparator before its value: as the scenario writes it (">=") in English,
    /// as the plans print it ("≥") in Vietnamese.
    func comparatorSign(_ comparator: Comparator) -> String {
        guard self == .vi else { return comparator.rawValue }
        switch comparator {
        case .atLeast: return "≥"
        case .atMost: return "≤"
        case .above: return ">"
        case .below: return "<"
        }
    }
}
