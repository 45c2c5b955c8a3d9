import Foundation
import Testing
@testable import MotCua

/// Review 4 #3, #4, #15: compare judges a verdict change the desk guard made on the guard share's
/// own paired difference and names the guard; the guard share has its interval and difference;
/// with units, the units a variant changes are shown with paired on-time figures by field.
@Suite("Compare: the desk guard's changes and the units a variant changes")
struct CompareGuardTests {
    /// Twenty units, open round the clock, each with a desk (2 min a citizen, patience 2 min) and an
    /// office (10 min a dossier, 2 officers, 2 days' deadline). `u07` brings six times the others'
    /// citizens: its office (ρ = 3 with 2 officers) falls behind and finishes late within the 8 days.
    static func scenario(deskStaff: Int, u07Office: Int? = nil) throws -> SimulationModel {
        let units = (1...20).map { n -> String in
            let id = String(format: "u%02d", n)
            let office = id == "u07" ? u07Office.map { #", "offices": {"unit-office": {"staff": \#($0)}}"# } ?? "" : ""
            return #"{"id": "\#(id)", "name": "Unit \#(n)", "weight": \#(id == "u07" ? 6 : 1)\#(office)}"#
        }.joined(separator: ", ")
        let json = """
        {
          "name": "Twenty units, a guard and a busy unit",
          "horizon": {"start": "2026-01-01", "days": 8},
          "calendar": {"mode": "always-open"},
          "units": [\(units)],
          "fields": [{"id": "civil-status", "name": "Civil status", "nameVi": "Hộ tịch"}],
          "offices": [
            {"id": "unit-desk", "kind": "desk", "level": "ward", "name": "Unit desk", "staff": \(deskStaff), "instances": "units",
             "patience": {"type": "exponential", "mean": 2}},
            {"id": "unit-office", "kind": "department", "level": "ward", "name": "Unit office", "staff": 2, "instances": "units"}
          ],
          "procedures": [{
            "id": "birth", "name": "Birth registration", "field": "civil-status", "yearlyVolume": \(0.1 * 1440 * 25 * 365),
            "deadline": {"workingDays": 2},
            "intake": {"office": "unit-desk", "service": {"type": "exponential", "mean": 2}},
            "steps": [{"office": "unit-office", "service": {"type": "exponential", "mean": 10}}]
          }],
          "targets": [{"id": "on-time", "label": "On time ≥ 50%", "measure": "onTimeRate", "comparator": ">=", "threshold": 0.5}]
        }
        """
        return SimulationModel(scenario: try decodeScenario(json, file: "compare-guard.json"))
    }

    static func compare(_ models: [SimulationModel], names: [String]) async throws -> Comparison {
        try await Comparison.run(names: names, models: models, seed: 5, plan: .fixed(3), jobs: 2, results: nil)
    }

    static func document(_ comparison: Comparison, _ models: [SimulationModel], _ language: Language) -> ReportDocument {
        let provenance = Provenance(scenarioName: "t", scenarioNameVi: nil, file: "t.json", fingerprint: 0, overlays: [], settings: [],
                                    load: 1, seed: 5, replications: 3, warmUpDays: 0, produced: CivilDate(year: 2026, month: 11, day: 30)!)
        return CompareDocument.document(comparison, paired: CompareDocument.pairedTargetDifferences(models: models, results: comparison.results, seed: 5), variants: comparison.names.dropFirst().map { $0 }, provenance: provenance, language: language)
    }

    @Test("a FAIL the desk guard makes, with the value unmoved, is a significant change judged on the guard's difference and headlined as the guard's")
    func guardChange() async throws {
        let models = [try Self.scenario(deskStaff: 3), try Self.scenario(deskStaff: 1)]
        let comparison = try await Self.compare(models, names: ["base", "one-desk"])
        let change = try #require(comparison.verdictChanges.first { $0.target == "on-time" })
        #expect(change.from == .pass && change.to == .fail)
        #expect(change.reason == .deskGuard)
        let guardDifference = try #require(change.guardDifference)
        #expect(guardDifference.low > 0, "guard difference \(guardDifference)")
        #expect(change.isSignificant)
        let shares = try #require(change.guardShares)
        #expect(shares.base < DeskGuard.allowance && shares.variant > DeskGuard.allowance)
        #expect(try #require(comparison.deskGuardDifferences.first ?? nil).mean == guardDifference.mean)

        let english = Self.document(comparison, models, .en)
        let headline = english.headline.joined(separator: "\n")
        #expect(headline.contains("fails by the desk guard: ") && headline.contains("of citizens could not file (+"), "\(headline)")
        #expect(!headline.contains("no verdict changes") && !headline.contains("noise only"))
        // The verdict-change row and the side-by-side table name the guard; the variants table has its interval and difference.
        let tables = Dictionary(english.tables.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let changes = try #require(tables["verdict_changes"])
        let reasonColumn = try #require(changes.columns.firstIndex { $0.key == "verdict_reason" })
        guard case .text(let reason) = changes.rows[0][reasonColumn] else { Issue.record("no reason"); return }
        #expect(reason.hasPrefix("desk guard: "))
        let targets = try #require(tables["targets"])
        let variantReason = try #require(targets.columns.firstIndex { $0.key == "variant_1_verdict_reason" })
        guard case .text(let held) = targets.rows[0][variantReason] else { Issue.record("no target reason"); return }
        #expect(held.hasPrefix("desk guard: ") && held.contains("> 10%"))
        #expect(targets.notes.contains { $0.hasPrefix("Verdicts held by the desk guard") })
        let variants = try #require(tables["variants"])
        #expect(variants.columns.contains { $0.key == "gave_up_at_desk_difference_pts" })
        guard case .estimate = variants.rows[1][variants.columns.count - 1] else { Issue.record("no guard difference"); return }
        #expect(try #require(tables["measures"]).columns.contains { $0.key == "unit" })

        let vietnamese = Self.document(comparison, models, .vi).headline.joined(separator: "\n")
        #expect(vietnamese.contains("không đạt do ràng buộc một cửa: ") && vietnamese.contains("công dân không nộp được hồ sơ"), "\(vietnamese)")
    }

    @Test("a variant that adds officers in one unit shows that unit, and only it as changed, with its paired on-time difference by field")
    func unitChange() async throws {
        let models = [try Self.scenario(deskStaff: 3), try Self.scenario(deskStaff: 3, u07Office: 8)]
        let comparison = try await Self.compare(models, names: ["base", "u07+6"])
        let units = try #require(comparison.units.first)
        #expect(units.filter(\.changed).map(\.id) == ["u07"])
        #expect(units.count <= 1 + UnitChange.mostMoved)
        let unit = try #require(units.first { $0.id == "u07" })
        let field = try #require(unit.figures.first { $0.field == 0 })
        #expect(field.variant > field.base && field.difference.low > 0, "u07 \(field.base) → \(field.variant), \(field.difference)")

        let english = Self.document(comparison, models, .en)
        #expect(english.headline.joined().contains("units it changes: Unit 7 — Civil status "))
        let table = try #require(english.tables.first { $0.id == "units" })
        #expect(table.rows.contains { row in row.contains { if case .text("u07") = $0 { true } else { false } } })
        #expect(Self.document(comparison, models, .vi).headline.joined().contains("đơn vị thay đổi: Unit 7 — Hộ tịch "))
    }
}
