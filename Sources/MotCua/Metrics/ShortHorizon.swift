// A horizon shorter than the deadlines it judges (review 4 #12; docs/model.md §7.9): a dossier
// received fewer calendar days before the horizon's end than its deadline cannot be late yet,
// so it counts "in progress, not yet due", which the on-time rate counts as on time. When the
// counted days are fewer than a field's longest deadline, no counted dossier of the field can
// have missed it, and any rate (or a staff cut found on it) says nothing.

/// A field whose longest statutory deadline, among the procedures a deadline target counts, is
/// longer than the days the run counts.
public struct ShortHorizonNote: Sendable, Equatable {
    /// The field's name (nil: a target over procedures of no single field).
    public let fieldName: String
    public let fieldNameVi: String?
    /// The longest deadline, in calendar days of the run's calendar (working days converted).
    public let deadlineDays: Int
    /// The counted days: the horizon without its warm-up.
    public let countedDays: Int

    /// "land dossiers received in the last 22 days cannot be late yet: on-time rates of land are
    /// not meaningful over 14 days".
    public func text(_ language: Language) -> String {
        if language == .vi {
            let field = (fieldNameVi ?? fieldName).lowercased()
            return "hồ sơ lĩnh vực \(field) tiếp nhận trong \(deadlineDays) ngày cuối kỳ chưa thể trễ hạn: "
                + "tỷ lệ đúng hạn của lĩnh vực \(field) không có ý nghĩa trong \(countedDays) ngày"
        }
        let field = fieldName.lowercased()
        return "\(field) dossiers received in the last \(deadlineDays) days cannot be late yet: "
            + "on-time rates of \(field) are not meaningful over \(countedDays) days"
    }

    /// The deadline measures: a rate of dossiers judged against their appointment date.
    static func judgesDeadlines(_ measure: TargetMeasure) -> Bool {
        measure == .onTimeRate || measure == .lateRate || measure == .apologyRate
    }

    /// The notes of `model`'s counted days for the procedures its deadline targets count,
    /// one per field, longest deadline first.
    /// - Parameter counted: the targets' measures and procedure indexes, as the summary groups them.
    static func notes(_ model: SimulationModel, counted: [(measure: TargetMeasure, procedures: [Int])]) -> [ShortHorizonNote] {
        let horizon = model.scenario.horizon
        let countedDays = horizon.days - horizon.warmUpDays
        let first = horizon.warmUpDays
        var longest: [String: Int] = [:]
        for (measure, procedures) in counted where judgesDeadlines(measure) {
            for p in Set(procedures) {
                let field = model.scenario.procedures[p].field
                // The longest version in force over the counted days.
                let workingDays = Swift.max(model.deadlineWorkingDays(of: p, receivedOnDay: first),
                                            model.deadlineWorkingDays(of: p, receivedOnDay: horizon.days - 1))
                let days = calendarDays(workingDays, from: first, model.calendar)
                longest[field] = Swift.max(longest[field] ?? 0, days)
            }
        }
        return longest.compactMap { id, days -> ShortHorizonNote? in
            guard countedDays < days else { return nil }
            let field = model.scenario.fields.first { $0.id == id }
            return ShortHorizonNote(fieldName: field?.name ?? id, fieldNameVi: field?.nameVi,
                                    deadlineDays: days, countedDays: countedDays)
        }.sorted { ($0.deadlineDays, $1.fieldName) > ($1.deadlineDays, $0.fieldName) }
    }

    /// Calendar days from day `day` to the end of the `workingDays`-th working day after it
    /// (7 for every 5 beyond the calendar).
    static func calendarDays(_ workingDays: Int, from day: Int, _ calendar: WorkingCalendar) -> Int {
        guard workingDays > 0 else { return 1 }
        guard let due = calendar.workingDay(workingDays, after: day) else { return (workingDays * 7 + 4) / 5 }
        return due - day + 1
    }
}

extension ExperimentSummary {
    /// The short-horizon notes in `language`, one a line, for a report's headline.
    public func shortHorizonLines(_ language: Language) -> [String] {
        shortHorizon.map { (language == .vi ? "Cảnh báo: " : "Warning: ") + $0.text(language) }
    }
}
