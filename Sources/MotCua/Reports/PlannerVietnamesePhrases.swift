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
