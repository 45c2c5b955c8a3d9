import Foundation
import Testing
@testable import MotCua

/// The notes MotCua writes under a verdict and into its search tables read in Vietnamese in a
/// Vietnamese report (task vi, "readable by a planner"): no English phrase, and numbers with
/// the decimal comma (0,65; 98,18%) as HCMC plans write them.
@Suite("Vietnamese reports: the honesty notes and search steps are in Vietnamese")
struct VietnameseNotesTests {
    /// English words of the notes that must not be left in a Vietnamese one (the scenario's
    /// keys, such as `repeatShare` or `onTimeShare`, are one token each and stay as written).
    static let englishWords: Set<String> = [
        "of", "the", "only", "because", "asked", "supplement", "more", "than", "once", "counted", "rate", "is",
        "assumption", "opening", "backlog", "dossiers", "its", "size", "age", "every", "left", "deadline", "start",
        "date", "horizon", "end", "source", "sourced", "passes", "pass", "does", "not", "still", "bisection", "very",
        "large", "staff", "offices", "answers", "together", "upper", "bound", "confirmed", "at",
    ]

    /// The English words of `text` (split at anything but a letter).
    static func english(_ text: String) -> [String] {
        text.split(whereSeparator: { !$0.isLetter }).map(String.init).filter { englishWords.contains($0) }
    }

    /// A decimal point between digits that is not a thousands group ("0.65", "98.18" but not
    /// "5.418" nor "docs/model.md"); the scenario's paths hold none.
    static func decimalPoints(_ text: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #"(?<![\d.])\d+\.(\d{1,2}|\d{4,})(?!\d)"#)
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { Range($0.range, in: text).map { String(text[$0]) } }
    }

    @Test("Quận 6: the backlog and apology notes under the verdicts are Vietnamese, with decimal commas")
    func runNotes() async throws {
        let scenario = try ScenarioLoader.load(path: Repository.path("scenarios/quan-6-2024.json"), overlays: [],
                                               settings: [("horizon.days", "5")])
        let model = SimulationModel(scenario: scenario)
        let result = try await SimulationRun(model: model, seed: 1).run()
        let summary = ExperimentSummary(model: model, seed: 1, results: [result])
        let backlog = try #require(summary.targets.first { $0.id == "backlog-cleared" })
        let note = try #require(backlog.inputDrivenVi)
        #expect(note.hasPrefix("588 hồ sơ tồn đầu kỳ"))
        #expect(note.contains("05/01/2024 (giả định)"))
        let text = TextReport.render(summary, language: .vi)
        let html = HTMLReport.render(summary, language: .vi)
        let notes = text.split(separator: "\n").filter { $0.contains("↳ dựa trên giả định") || $0.contains("↳ lặp lại tham số") }
        #expect(notes.count >= 2, "\(notes)")
        for line in notes {
            #expect(Self.english(String(line)).isEmpty, "\(line)")
            #expect(Self.decimalPoints(String(line)).isEmpty, "\(line)")
        }
        #expect(text.contains("policies.apology.onTimeShare = 0,9 (giả định)"))
        #expect(html.contains("↳ dựa trên giả định: 588 hồ sơ tồn đầu kỳ"))
        // English stays as it was.
        #expect(TextReport.render(summary, language: .en).contains("↳ rests on an assumption: opening backlog of 588 dossiers"))
    }

    @Test("the one-request-rule note in Vietnamese: 54/82, repeatShare 0,1, giả định, 99,18%")
    func repeatedSupplementsNote() throws {
        let scenario = try ScenarioLoader.load(path: Repository.path("scenarios/go-vap-2024.json"))
        let members = scenario.procedures.indices.filter { scenario.procedures[$0].field == "construction" }
        let spec = try #require(scenario.targets.first { $0.measure == .onTimeRate })
        var tally = ProcedureTally()
        tally.finishedOnTime = 3_423 - 82
        tally.finishedLate = 82
        tally.lateByRepeatedSupplements = 54
        let estimate = Estimate([Double(tally.onTime) / Double(tally.processed)])
        let result = TargetResult(id: spec.id, label: spec.label, labelVi: nil, measure: spec.measure, fieldName: nil,
                                  fieldNameVi: nil, comparator: spec.comparator, threshold: spec.threshold,
                                  estimate: estimate, denominator: Estimate([3_423]),
                                  verdict: ExperimentSummary.verdict(estimate, spec, replicated: false),
                                  inputDriven: nil, gaveUpAtDesk: 0)
        let note = try #require(ExperimentSummary.assumptionDeciding(spec, result: result, perReplication: [tally], members: members,
                                                                     scenario: scenario, confidence: 0.95, replicated: false,
                                                                     language: .vi))
        #expect(note.hasPrefix("54/82 hồ sơ trễ hạn chỉ vì bị yêu cầu bổ sung quá một lần (repeatShare 0,1, giả định)"))
        #expect(note.hasSuffix("99,18%"))
        #expect(Self.english(note).isEmpty, "\(note)")
    }

    @Test("an input range is written with decimal commas in Vietnamese, as before in English")
    func inputValues() throws {
        let scenario = try ScenarioLoader.load(path: Repository.path("scenarios/go-vap-2024.json"))
        // Every procedure: the district's range and the wards' together.
        let district = Array(scenario.procedures.indices)
        let vi = try #require(ExperimentSummary.inputDriving(.digitizationRate, of: district, in: scenario, language: .vi))
        let en = try #require(ExperimentSummary.inputDriving(.digitizationRate, of: district, in: scenario))
        #expect(vi == "digitization.share = 0–0,65, onlineShare = 0,05–0,5")
        #expect(en == "digitization.share = 0.0–0.65, onlineShare = 0.05–0.5")
    }

    @Test("the staffing search's steps read in Vietnamese; the office ids stay")
    func staffSteps() {
        let steps = ["very large staff", "bisection land-branch 22: passes", "bisection land-branch 21: does not pass",
                     "bisection desk-land 8, land-branch 22: a target no one office moves misses; screened alone next",
                     "upper bound land-branch 30 confirmed: passes", "offices' answers together", "+1 land-branch",
                     "−1 land-branch: still passes", "−1 land-branch: does not pass (its first replication misses)",
                     "−1 at desk-land, land-branch together: still passes", "lower bounds"]
        for step in steps {
            let vi = Language.vi.staffStepNote(step)
            #expect(Self.english(vi).isEmpty, "\(step) → \(vi)")
            #expect(Language.en.staffStepNote(step) == step)
        }
        #expect(Language.vi.staffStepNote("bisection land-branch 22: passes") == "chia đôi land-branch 22: đạt")
    }

    @Test("drivers shows Gò Vấp's sources in Vietnamese (sourceVi), the procedure's own one for its values; English as written")
    func driverSources() throws {
        let goVap = try ScenarioDocument.load(path: Repository.path("scenarios/go-vap-2024.json"), overlays: [], settings: [])
        let inputs = DriverInputs.find(in: goVap.json, selection: .assumptions)
        // Every input of the shipped district has a Vietnamese source: none shows English in vi.
        for input in inputs where input.source != nil {
            let vi = DriversDocument.sourceLine(input, .vi)
            #expect(input.sourceVi != nil, "\(input.id): \(input.source ?? "")")
            #expect(!vi.contains("assumption"), "\(input.id): \(vi)")
        }
        let repeatShare = try #require(inputs.first { $0.id.hasSuffix("construction-permit.steps.0.supplement.repeatShare") })
        #expect(DriversDocument.sourceLine(repeatShare, .vi).hasPrefix("nguồn: giả định: tỷ lệ bị yêu cầu bổ sung lần nữa"))
        #expect(DriversDocument.sourceLine(repeatShare, .en).hasPrefix("source: assumption: repeatShare (asked again"))
    }
}
