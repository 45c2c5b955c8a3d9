// The warnings a document's headline carries about what its verdicts cannot show (review 4 #12):
// a horizon shorter than the deadlines it judges, and a staffing whose searched office cannot
// keep up with its work (docs/model.md §7.9).

/// The headline lines of the short-horizon and unsafe-staffing warnings.
enum HorizonWarnings {
    /// One line per field whose deadline is longer than the counted days, over `notes` of every
    /// summary (the same field once).
    static func lines(_ notes: [[ShortHorizonNote]], language: Language) -> [String] {
        var seen = Set<String>(), lines: [String] = []
        for note in notes.joined() {
            let line = language.pick("Warning: ", "Cảnh báo: ") + note.text(language) + "."
            if seen.insert(line).inserted { lines.append(line) }
        }
        return lines
    }

    /// The staff headline's first line when the answer lowers an office's staff on a horizon
    /// shorter than the deadlines: the cut is not to be trusted.
    static func untrustedCut(_ notes: [ShortHorizonNote], language: Language) -> String? {
        guard let longest = notes.first else { return nil }
        return language.pick(
            "Not to be trusted: this answer lowers staff, found over \(longest.countedDays) counted days, shorter than the "
                + "deadlines it judges (\(longest.fieldName.lowercased()) up to \(longest.deadlineDays) days): a queue that grows "
                + "makes dossiers late only after the horizon ends. Run at least \(longest.deadlineDays) counted days (--set horizon.days=…) before cutting.",
            "Không đáng tin: kết quả này giảm biên chế, tìm trên \(longest.countedDays) ngày được tính, ngắn hơn thời hạn "
                + "giải quyết cần đánh giá (lĩnh vực \((longest.fieldNameVi ?? longest.fieldName).lowercased()) tới \(longest.deadlineDays) ngày): "
                + "hàng đợi tăng dần chỉ làm hồ sơ trễ hạn sau khi kỳ mô phỏng kết thúc. Hãy chạy ít nhất \(longest.deadlineDays) ngày được tính "
                + "(--set horizon.days=…) trước khi giảm biên chế.")
    }

    /// The notes of the fields whose procedures pass through one of `offices` (a cut there
    /// delays them), or all of `notes` when none does.
    static func served(_ notes: [ShortHorizonNote], by offices: [String], in scenario: Scenario) -> [ShortHorizonNote] {
        let ids = Set(offices)
        let fields = Set(scenario.procedures.filter { p in ids.contains(p.intake.office) || p.route.contains { ids.contains($0.office) } }
            .compactMap { p in scenario.fields.first { $0.id == p.field }?.name })
        let served = notes.filter { fields.contains($0.fieldName) }
        return served.isEmpty ? notes : served
    }

    /// The offices searched that are unstable at the staffing found (docs/model.md §7.4): their
    /// work exceeds their staff, so the targets pass only until the horizon ends.
    static func unsafeStaffing(_ summary: ExperimentSummary?, searched: [String], scenario: Scenario,
                               language: Language) -> String? {
        guard let summary else { return nil }
        let ids = Set(searched)
        let unstable = summary.offices.filter { result in
            result.isUnstable && result.office.entry < scenario.offices.count && ids.contains(scenario.offices[result.office.entry].id)
        }
        guard !unstable.isEmpty else { return nil }
        let f = language.numbers
        let named = unstable.map { result -> String in
            let spec = scenario.offices[result.office.entry]
            return language.pick(spec.name, spec.nameVi) + " (" + language.pick("busy ", "bận ") + f.percent(result.utilization.mean, 1) + ")"
        }.joined(separator: ", ")
        return language.pick(
            "Unsafe: at the staffing found, \(named) cannot keep up with its work (in UNSTABLE OFFICES, docs/model.md §7.4): "
                + "its queue grows, so the targets pass only because the horizon ends first; do not read this staffing as passing.",
            "Không an toàn: với biên chế tìm được, \(named) không kịp xử lý khối lượng công việc (thuộc ĐƠN VỊ QUÁ TẢI, docs/model.md §7.4): "
                + "hàng đợi tăng dần, các chỉ tiêu đạt chỉ vì kỳ mô phỏng kết thúc trước; không coi biên chế này là đạt.")
    }
}
