import Foundation
import Testing
@testable import MotCua

/// The HTML report rendered by a real headless browser (Debian's chromium-headless-shell,
/// which `.ci/run` installs when missing).
@Suite("HTML report in a headless browser")
struct HTMLReportTests {
    static let browser: String? = ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    func browse(_ arguments: [String]) throws -> String {
        try runProgram(HTMLReportTests.browser!, ["--no-sandbox", "--disable-gpu", "--headless"] + arguments).output
    }

    @Test("the four charts are drawn, in English and Vietnamese", .enabled(if: browser != nil, "chromium-headless-shell is not installed"))
    func chartsDrawn() async throws {
        let (model, results) = try await simulate("scenarios/validation/mmc.json", replications: 2)
        let summary = ExperimentSummary(model: model, seed: 1, results: results)
        let dir = NSTemporaryDirectory() + "motcua-html-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for language in Language.allCases {
            let path = "\(dir)/report-\(language.rawValue).html"
            try HTMLReport.render(summary, language: language).write(toFile: path, atomically: true, encoding: .utf8)
            // The DOM as the browser built it: every chart is there with its marks.
            // Headless Chromium can fail to start when the machine is busy: try up to three times.
            var dom = ""
            for _ in 0..<3 where !dom.contains("chart-utilization") { dom = try browse(["--dump-dom", "file://\(path)"]) }
            for chart in ["chart-on-time", "chart-backlog", "chart-desk-hours", "chart-utilization"] {
                #expect(dom.contains("id=\"\(chart)\""), "\(chart) missing (\(language))")
            }
            #expect(dom.contains("<polyline"))
            #expect(dom.components(separatedBy: "<rect").count > 10)
            // A screenshot of the page: an image of real size.
            let png = "\(dir)/report-\(language.rawValue).png"
            var size = 0
            for _ in 0..<3 where size <= 20_000 {
                _ = try browse(["--screenshot=\(png)", "--window-size=900,2000", "file://\(path)"])
                size = ((try? FileManager.default.attributesOfItem(atPath: png))?[.size] as? Int) ?? 0
            }
            #expect(size > 20_000, "screenshot of \(size) bytes")
        }
    }
}
