import Foundation
import Testing
@testable import MotCua

/// `motcua validate --overlay-only`, and the overlay recognised where a scenario is expected.
extension CommandLineTests {
    func temporaryOverlay(_ text: String) throws -> String {
        let path = NSTemporaryDirectory() + "motcua-overlay-\(getpid())-\(UUID().uuidString).json"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("validate on an overlay says it is one (one message, not one per missing key)")
    func overlayGivenAsScenario() throws {
        let outcome = try motcua(["validate", "scenarios/what-if/land-branch-minus-2.json"])
        #expect(outcome.status == 2)
        #expect(outcome.errors.contains("1 problem") && outcome.errors.contains("looks like an overlay")
                && outcome.errors.contains("--overlay-only"), "\(outcome.errors)")
    }

    @Test("validate --overlay-only: every shipped what-if alone and over Gò Vấp; wrong keys and values refused")
    func overlayOnly() throws {
        for name in ["land-branch-minus-2", "online-plus-20", "digitize-at-desk", "tet-surge", "volumes-2025-spreadsheet"] {
            let file = "scenarios/what-if/\(name).json"
            let alone = try motcua(["validate", "--overlay-only", file])
            #expect(alone.status == 0 && alone.output.contains("valid overlay"), "\(name): \(alone.errors)")
            let over = try motcua(["validate", "--overlay-only", file, "--base", "scenarios/go-vap-2024.json"])
            #expect(over.status == 0 && over.output.contains("valid overlay of"), "\(name): \(over.errors)")
        }
        let misspelt = try temporaryOverlay(#"{"ofices": [{"id": "land-branch", "staff": "eighteen"}]}"#)
        let refused = try motcua(["validate", "--overlay-only", misspelt])
        #expect(refused.status == 2 && refused.errors.contains("did you mean \"offices\""), "\(refused.errors)")
        let badValue = try temporaryOverlay(#"{"offices": [{"id": "land-branch", "staff": "eighteen"}]}"#)
        let typed = try motcua(["validate", "--overlay-only", badValue])
        #expect(typed.status == 2 && typed.errors.contains("offices[land-branch].staff: expected a whole number"),
                "\(typed.errors)")
        #expect(!typed.errors.contains("missing"))
    }

    @Test("validate --overlay-only --base: an id not in the base is a new entry (a warning); the result must validate")
    func overlayOverBase() throws {
        let newOffice = try temporaryOverlay(#"{"offices": [{"id": "land-brnach", "staff": 18}]}"#)
        let outcome = try motcua(["validate", "--overlay-only", newOffice, "--base", "scenarios/go-vap-2024.json"])
        // A new office needs kind, level and name: over the base the result does not validate.
        #expect(outcome.status == 2 && outcome.errors.contains("offices[land-brnach].kind: missing"), "\(outcome.errors)")
        #expect(outcome.errors.contains("offices[land-brnach]: \"land-brnach\" is not in scenarios/go-vap-2024.json (did you mean \"land-branch\"?)"),
                "\(outcome.errors)")
        let newTarget = try temporaryOverlay(#"""
            {"targets": [{"id": "late-all", "label": "Late", "measure": "lateRate", "comparator": "<=", "threshold": "5%"}]}
            """#)
        let added = try motcua(["validate", "--overlay-only", newTarget, "--base", "scenarios/go-vap-2024.json"])
        #expect(added.status == 0, "\(added.errors)")
        #expect(added.errors.contains("warning: scenarios/go-vap-2024.json + \(newTarget): targets[late-all]: \"late-all\" is not in scenarios/go-vap-2024.json"),
                "\(added.errors)")
        let usage = try motcua(["validate", "scenarios/go-vap-2024.json", "--base", "scenarios/go-vap-2024.json"])
        #expect(usage.status == 2 && usage.errors.contains("--base goes with --overlay-only"))
    }
}
