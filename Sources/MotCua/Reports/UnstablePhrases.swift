// MARK: - The unstable offices' third rule (red-team 2 item 25; docs/model.md §7.4)

extension Language {
    /// Under the unstable offices' heading: the third reason an office is listed.
    func unstableSaturatedNote(_ busy: String) -> String {
        pick("(or at \(busy) busy or more with dossiers still waiting at the end: saturated all along, its queue may have stopped growing only because it is already long)",
             "(hoặc bận từ \(busy) trở lên và còn hồ sơ chờ khi kết thúc: quá tải suốt kỳ, hàng chờ có thể không còn tăng chỉ vì đã quá dài)")
    }
}

// MARK: - The unstable offices' fourth rule: a desk that turns its walk-ins away (review 3 #7)

extension Language {
    /// Under the unstable offices' heading: the fourth reason an office is listed.
    func unstableWalkInNote(_ share: String, _ minimum: String) -> String {
        pick("(or, on some day with at least \(minimum) citizens in person, \(share) or more of them gave up: a desk that turns its walk-ins away, whatever its busy share)",
             "(hoặc, trong một ngày có từ \(minimum) công dân đến trực tiếp, từ \(share) số đó bỏ về: một cửa không tiếp được người đến trực tiếp, dù mức bận thế nào)")
    }

    /// An unstable office's worst day for citizens in person, e.g. "worst day 2026-01-05: 100.0% of 338 in person gave up".
    func worstWalkInDay(_ date: String, _ share: String, _ inPerson: String) -> String {
        pick("worst day \(date): \(share) of \(inPerson) in person gave up", "ngày tệ nhất \(date): \(share) trong \(inPerson) người đến trực tiếp bỏ về")
    }

    /// The HTML/CSV column of the worst day.
    var worstWalkInDayColumn: String { pick("worst day for citizens in person", "ngày tệ nhất với người đến trực tiếp") }
}

extension OfficeResult {
    /// The worst day for citizens in person as the reports show it, when the fourth rule lists the office.
    func worstWalkInDayText(_ language: Language, start: CivilDate) -> String? {
        guard losesWalkIns, let worst = worstWalkInDay else { return nil }
        let f = language.numbers
        return language.worstWalkInDay(f.date(start.adding(days: worst.day)), f.percent(worst.gaveUpShare, 1), f.meanCount(worst.inPerson))
    }
}
