import Foundation
import Testing
@testable import MotCua

/// The terminal tables show every label whole (issue #18): Gò Vấp's six on-time targets share
/// one wording and differ only by their field, which a cut at the column width used to hide.
@Suite("Terminal labels")
struct TextReportLabelTests {
    @Test("every target row of Gò Vấp reads differently and names its field, in both languages")
    func targetLabelsDistinct() async throws {
        let (model, results) = try await simulate("scenarios/go-vap-2024.json", seed: 2024)
        let summary = ExperimentSummary(model: model, seed: 2024, results: results)
        for language in Language.allCases {
            let lines = TextReport.render(summary, language: language).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let verdicts = [language.words.pass, language.words.fail, language.words.atRisk]
            // A target row starts with its verdict; its label runs on continuation lines
            // indented past the verdict column.
            var labels: [String] = []
            for (i, line) in lines.enumerated() where verdicts.contains(where: { line.hasPrefix("  " + Format.pad($0, 11)) }) {
                var label = String(line.dropFirst(13).prefix(62)).trimmingCharacters(in: .whitespaces)
                var next = i + 1
                while next < lines.count, lines[next].hasPrefix(String(repeating: " ", count: 15)), !lines[next].contains("↳") {
                    label += " " + lines[next].trimmingCharacters(in: .whitespaces)
                    next += 1
                }
                labels.append(label)
            }
            #expect(labels.count == summary.targets.count, "\(language): \(labels)")
            #expect(Set(labels).count == labels.count, "\(language): rows read the same: \(labels)")
            for (target, label) in zip(summary.targets, labels) {
                #expect(label.contains(language.pick(target.label, target.labelVi)), "\(language): \(label)")
                if let field = target.fieldName {
                    #expect(label.contains(language.pick(field, target.fieldNameVi)), "\(language): \(label)")
                }
            }
        }
    }

    @Test("a long label wraps between words and loses nothing")
    func wrapKeepsEveryWord() {
        let text = "Tỷ lệ giải quyết hồ sơ TTHC đúng hạn từ 98% trở lên trong từng lĩnh vực — Chứng thực"
        let lines = Format.wrap(text, 20)
        #expect(lines.allSatisfy { $0.count <= 20 })
        #expect(lines.joined(separator: " ") == text)
        #expect(Format.wrap("abcdefghij", 4) == ["abcd", "efgh", "ij"])
    }
}
