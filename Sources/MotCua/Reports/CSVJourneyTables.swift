import Foundation

/// The journey and the Decision 766 parts as `--csv` / `--xlsx` tables: the text and the HTML
/// show them, so a planner who works from the workbook must find them there too.
extension CSVReport {
    /// The counts of journey.csv, per field and overall: each a mean per replication with its
    /// interval. With fields.csv they hold every count the text's journey prints; a share there
    /// is the ratio of two of these means (docs/model.md §7.2).
    static var journeyCounts: [(String, KeyPath<ProcedureTally, Int>)] {
        [
            ("accepted", \.accepted), ("incomplete", \.incomplete), ("supplement_requests", \.supplementRequests),
            ("late_by_repeated_supplements", \.lateByRepeatedSupplements), ("late", \.late), ("past_due", \.pastDue),
            ("late_apologised_on_time", \.lateApologisedOnTime), ("late_apologised_late", \.lateApologisedLate),
            ("late_not_apologised", \.lateNotApologised), ("online", \.online), ("postal", \.postal), ("digitized", \.digitized),
            ("fee_paying", \.feePaying), ("e_paid", \.ePaid), ("results", \.results), ("results_electronic", \.resultsElectronic),
            ("results_postal", \.resultsPostal), ("results_at_desk", \.resultsAtDesk), ("reuse_eligible", \.reuseEligible),
            ("reused", \.reused), ("backlog_finished", \.backlogFinished),
        ]
    }

    /// journey.csv (one row per field and the total) and decision_766.csv (every part of the
    /// 100 points: those computed with their points, the others with "not computed" and why).
    static func journeyTables(_ summary: ExperimentSummary) -> [Table] {
        func text(_ s: String?) -> TableCell { (s ?? "").isEmpty ? .empty : .text(s ?? "") }
        let computed = summary.decision766.map { c -> [TableCell] in
            [text(c.id), text(c.name), text(c.nameVi), c.notComputed == nil ? .number((c.points * 100).rounded() / 100) : .empty,
             .number(c.maximum), text(c.notComputed == nil ? "computed" : "not computed"),
             text(c.notComputed?.en ?? c.leavesOut), text(c.notComputed?.vi ?? c.leavesOutVi)]
        }
        let notComputed = ScoreComponent.notComputed.map { part -> [TableCell] in
            [text(part.id), text(part.name), text(part.nameVi), .empty, .number(part.maximum), text("not computed"), text(part.why), text(part.whyVi)]
        }
        return [
            Table(title: "journey", headers: ["field", "name", "name_vi"] + meanHeader(journeyCounts.map(\.0)),
                  rows: (summary.fields + [summary.overall]).map { r in
                      [text(r.id), text(r.name), text(r.nameVi)] + meanCells(r, journeyCounts.map(\.1))
                  }),
            Table(title: "decision_766", headers: ["part", "name", "name_vi", "points", "maximum", "status", "note", "note_vi"],
                  rows: computed + notComputed),
        ]
    }
}
