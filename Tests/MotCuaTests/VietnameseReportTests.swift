import Foundation
import Testing
@testable import MotCua

/// The text and HTML reports in Vietnamese write numbers, dates and months as a Vietnamese
/// reader does (issue #18); English stays as it was.
@Suite("Vietnamese number conventions in the reports")
struct VietnameseReportTests {
    static func summary() async throws -> ExperimentSummary {
        let (model, results) = try await simulate("scenarios/validation/mmc.json", replications: 2)
        return ExperimentSummary(model: model, seed: 1, results: results)
    }

    func matches(_ text: String, _ pattern: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { Range($0.range, in: text).map { String(text[$0]) } }
    }

    @Test("counts 5.418.279, shares 99,82%, dates dd/MM/yyyy, months never 1/24")
    func vietnameseConventions() async throws {
        let summary = try await Self.summary()
        let received = Int(summary.overall.mean(\.received).mean.rounded())
        #expect(received >= 1000, "the test needs a count with a thousands separator")
        for (kind, text) in [("text", TextReport.render(summary, language: .vi)), ("html", HTMLReport.render(summary, language: .vi))] {
            #expect(text.contains(Format.count(received, in: .vi)), "\(kind): \(Format.count(received, in: .vi)) missing")
            #expect(text.contains(Format.percent(summary.overall.onTimeRate.mean, decimals: 2, in: .vi)), "\(kind)")
            // No English thousands (1,234) and no English decimal shares (99.82%) outside markup.
            let visible = kind == "html" ? text.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression) : text
            #expect(matches(visible, #"\d,\d{3}(?!\d)"#).isEmpty, "\(kind): \(matches(visible, #"\d,\d{3}(?!\d)"#).prefix(3))")
            #expect(matches(visible, #"\d\.\d+%"#).isEmpty, "\(kind): \(matches(visible, #"\d\.\d+%"#).prefix(3))")
            #expect(visible.contains(Format.date(summary.horizon.start, in: .vi)), "\(kind)")
            #expect(matches(visible, #"\d{4}-\d{2}-\d{2}"#).isEmpty, "\(kind): ISO dates")
        }
        let html = HTMLReport.render(summary, language: .vi)
        #expect(matches(html, #">\d{1,2}/\d{2}<"#).isEmpty, "month ticks like 1/24: \(matches(html, #">\d{1,2}/\d{2}<"#).prefix(3))")
        #expect(html.contains(">01/\(summary.horizon.start.components.year)<") || html.contains(">thg "))
    }

    @Test("the plans' terms: mã ngẫu nhiên, thanh toán trực tuyến, Đăng ký hộ kinh doanh")
    func terms() async throws {
        let text = TextReport.render(try await Self.summary(), language: .vi)
        #expect(text.contains("mã ngẫu nhiên") && !text.contains("hạt giống"))
        #expect(text.contains("thanh toán trực tuyến") && !text.contains("thanh toán điện tử"))
        let goVap = try String(contentsOfFile: Repository.path("scenarios/go-vap-2024.json"), encoding: .utf8)
        #expect(goVap.contains("Đăng ký hộ kinh doanh") && !goVap.contains("kinh doanh hộ"))
    }

    @Test("English keeps 1,234 and 99.82%")
    func englishUnchanged() async throws {
        let summary = try await Self.summary()
        let received = Int(summary.overall.mean(\.received).mean.rounded())
        let text = TextReport.render(summary, language: .en)
        #expect(text.contains(Format.count(received)))
        #expect(text.contains(Format.percent(summary.overall.onTimeRate.mean)))
        #expect(text.contains(summary.horizon.start.description))
    }
}
