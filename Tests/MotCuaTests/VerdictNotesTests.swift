import Foundation
import Testing
@testable import MotCua

/// What a verdict cannot show, said beside it (the fourth outside review, #12, #1, #13, #10):
/// a horizon shorter than the deadlines it judges, an apology rate decided by dossiers the desk
/// never received, a guard-held verdict resting on the citizens' patience, and a missed back-test.
@Suite("Verdict notes: short horizon, apology split, patience, missed back-test")
struct VerdictNotesTests {
    /// One procedure with a 10-working-day deadline, 3 counters, citizens who wait 150 minutes
    /// on average; a published on-time rate of 50% over the run's own days.
    static func scenario(days: Int) -> String {
        let end = CivilDate(year: 2024, month: 3, day: 4)!.adding(days: days - 1)
        return """
        {
          "name": "Short horizon",
          "horizon": {"start": "2024-03-04", "days": \(days)},
          "calendar": {"mode": "working-days", "holidays": "calendars/vietnam.json"},
          "fields": [{"id": "land", "name": "Land", "nameVi": "Đất đai"}],
          "offices": [
            {"id": "desk", "kind": "desk", "level": "ward", "name": "Desk", "staff": 3,
             "patience": {"type": "lognormal", "mean": 150, "sd": 60}},
            {"id": "branch", "kind": "department", "level": "district", "name": "Branch", "staff": 20}
          ],
          "procedures": [{
            "id": "transfer", "name": "Transfer", "field": "land", "yearlyVolume": 3650,
            "deadline": {"workingDays": 10},
            "intake": {"office": "desk", "service": {"type": "deterministic", "value": 10}},
            "steps": [{"office": "branch", "service": {"type": "deterministic", "value": 30}}]
          }],
          "targets": [{"id": "t", "label": "On time", "measure": "onTimeRate", "field": "*", "comparator": ">=", "threshold": 0.98}],
          "backTest": [{"id": "b", "label": "On-time rate", "measure": "onTimeRate", "value": 0.5, "period": "the run",
                        "from": "2024-03-04", "to": "\(end)", "source": "test"}]
        }
        """
    }

    static func summary(days: Int) async throws -> ExperimentSummary {
        let model = SimulationModel(scenario: try decodeScenario(scenario(days: days)))
        let result = try await SimulationRun(model: model, seed: 7).run()
        return ExperimentSummary(model: model, seed: 7, results: [result])
    }

    @Test("10 working days from a Monday are 15 calendar days; a 7-day run warns, a 30-day run does not")
    func shortHorizonWarns() async throws {
        let short = try await Self.summary(days: 7)
        #expect(short.shortHorizon == [ShortHorizonNote(fieldName: "Land", fieldNameVi: "Đất đai", deadlineDays: 15, countedDays: 7)])
        let text = TextReport.render(short).replacingOccurrences(of: "\n  ", with: " ")
        #expect(text.contains("land dossiers received in the last 15 days cannot be late yet: on-time rates of land are not meaningful over 7 days"))
        #expect(TextReport.render(short, language: .vi).replacingOccurrences(of: "\n  ", with: " ").contains("lĩnh vực đất đai không có ý nghĩa trong 7 ngày"))
        #expect(HTMLReport.render(short).contains("cannot be late yet"))
        #expect(JSONWriter.text(JSONReport.document(short)).contains("\"shortHorizon\""))
        let long = try await Self.summary(days: 30)
        #expect(long.shortHorizon.isEmpty)
        #expect(!TextReport.render(long).contains("cannot be late yet"))
    }

    @Test("staff: a cut on a short horizon is not to be trusted; the warnings of several summaries appear once")
    func untrustedCut() {
        let note = ShortHorizonNote(fieldName: "Land", fieldNameVi: "Đất đai", deadlineDays: 50, countedDays: 14)
        let cut = HorizonWarnings.untrustedCut([note], language: .en) ?? ""
        #expect(cut.hasPrefix("Not to be trusted") && cut.contains("14 counted days") && cut.contains("at least 50"))
        #expect(HorizonWarnings.untrustedCut([note], language: .vi)?.hasPrefix("Không đáng tin") == true)
        #expect(HorizonWarnings.untrustedCut([], language: .en) == nil)
        #expect(HorizonWarnings.lines([[note], [note]], language: .en).count == 1)
    }

    @Test("the apology note splits the dossiers never received at the desk from the received ones, naming a desk order that is not the default")
    func apologySplit() {
        var tally = ProcedureTally()
        tally.lateApologisedOnTime = 9
        tally.lateNotApologised = 41
        tally.awaitingDeskCheckOverdue = 40
        let input = "policies.apology.onTimeShare = 0.9 (assumption)"
        let note = ExperimentSummary.apologySplit([tally], input: input, deskOrder: .citizensFirst, language: .en) ?? ""
        #expect(note.hasPrefix("40 of 50 past their date were never received at the desk"), "\(note)")
        #expect(note.contains("of the 10 received, 90.0% apologised in time = the input \(input)"), "\(note)")
        #expect(note.contains("citizens-first"))
        let arrival = ExperimentSummary.apologySplit([tally], input: input, deskOrder: .arrival, language: .en) ?? ""
        #expect(!arrival.contains("desk order"))
        #expect(ExperimentSummary.apologySplit([tally], input: input, deskOrder: .citizensFirst, language: .vi)?.contains("40/50 hồ sơ") == true)
        tally.awaitingDeskCheckOverdue = 0
        #expect(ExperimentSummary.apologySplit([tally], input: input, deskOrder: .citizensFirst, language: .en) == nil)
    }

    @Test("a failing deadline verdict with dossiers never checked names the desk order; a passing one does not")
    func deskOrderNote() {
        var tally = ProcedureTally()
        tally.inProgressOverdue = 30
        tally.awaitingDeskCheckOverdue = 20
        let note = ExperimentSummary.deskOrderNote(.onTimeRate, verdict: .fail, [tally], deskOrder: .citizensFirst, language: .en) ?? ""
        #expect(note.hasPrefix("20 of 30 late dossiers were never checked at the desk") && note.contains("citizens-first"), "\(note)")
        #expect(ExperimentSummary.deskOrderNote(.onTimeRate, verdict: .pass, [tally], deskOrder: .citizensFirst, language: .en) == nil)
        #expect(ExperimentSummary.deskOrderNote(.onTimeRate, verdict: .fail, [tally], deskOrder: .arrival, language: .en) == nil)
    }

    @Test("the patience note names the distribution and its mean, in both languages")
    func patienceNote() throws {
        let scenario = try decodeScenario(Self.scenario(days: 7))
        let note = ExperimentSummary.patienceNote(scenario, language: .en) ?? ""
        #expect(note.hasPrefix("citizens' patience, lognormal mean 150 min (assumption") && note.contains("10% allowance"), "\(note)")
        #expect(ExperimentSummary.patienceNote(scenario, language: .vi)?.contains("trung bình 150 phút") == true)
    }

    @Test("a back-test the model misses by more than a point is named beside the verdict count")
    func missedBackTest() async throws {
        let summary = try await Self.summary(days: 30)
        let lines = summary.backTestLines(.en)
        #expect(lines.count == 1 && lines[0].hasPrefix("Back-test: the model is ") && lines[0].contains("above the published rate")
                && lines[0].hasSuffix("read the verdicts as optimistic."), "\(lines)")
        #expect(TextReport.render(summary).contains("read the verdicts as optimistic"))
        #expect(summary.backTestLines(.vi).first?.contains("lạc quan") == true)
    }
}

/// Unit figures resting on assumed populations and one staff figure per kind (review 4 #2).
@Suite("Unit figures say what they rest on")
struct UnitAssumptionNotesTests {
    static func unit(_ id: String, rate: Double, assumed: Bool) -> UnitFigures.Unit {
        var unit = UnitFigures.Unit(id: id, name: id, nameVi: nil, group: "g", received: 100, online: 10,
                                    onTimeRate: [rate], overallRate: rate)
        unit.populationAssumed = assumed
        return unit
    }

    @Test("the units below the threshold with an area-share population are counted; the flat staff by kind is named")
    func notes() {
        var figures = UnitFigures(units: [Self.unit("a", rate: 0.5, assumed: true), Self.unit("b", rate: 0.9, assumed: false),
                                          Self.unit("c", rate: 0.99, assumed: true)],
                                  fields: [FieldSpec(id: "civil", name: "Civil status")])
        figures.flatStaffByKind = [("ward", 6), ("commune", 5)]
        let note = figures.assumptionNote(field: 0, below: 0.98, comparator: .atLeast, language: .en) ?? ""
        #expect(note == "the population of 1 of the 2 units below 98% is an area share (assumption); unit staff 6 (ward), 5 (commune) by kind, the same in every unit (assumption)", "\(note)")
        #expect(figures.assumptionNote(field: 0, below: 0.98, comparator: .atLeast, language: .vi)?.contains("1/2 đơn vị dưới 98%") == true)
        #expect(figures.sourcesLine(.en) == "Rests on assumptions: 2 of 3 units' populations are assumptions (area shares), and set their load; unit staff 6 (ward), 5 (commune) by kind, the same in every unit (assumption).")
        #expect(figures.assumptionNote(field: 0, below: 0.4, comparator: .atLeast, language: .en) == nil)
    }

    @Test("the city scenario marks the units whose population source is an assumption, and its staff is flat by kind")
    func cityMarks() throws {
        let scenario = try ScenarioLoader.load(path: Repository.path("scenarios/hcmc-2026.json"))
        let units = scenario.offices.first { !$0.instances.isEmpty }?.instances ?? []
        let assumed = units.filter(\.populationAssumed).count
        #expect(assumed > 100 && assumed < units.count, "\(assumed) of \(units.count)")
        #expect(UnitFigures.flatStaff(scenario)?.first?.staff == 6)
    }
}
