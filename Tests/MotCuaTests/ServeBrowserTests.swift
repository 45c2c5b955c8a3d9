import Foundation
import Testing
import MotCua
import MotCuaServe

/// The workbench in a real headless browser (Debian's chromium-headless-shell, found as the HTML
/// report's tests find it): the page drives the API itself, as a planner's clicks would, through
/// the link form the page follows (`#scenario=…&set.PATH=VALUE&action=run`).
@Suite("serve: the workbench in a headless browser", .serialized)
struct ServeBrowserTests {
    /// The DOM once the page has finished its work (virtual time runs until nothing is pending).
    func dom(_ url: String) async throws -> String {
        let browser = try #require(HTMLReportTests.browser)
        var dom = ""
        for _ in 0..<3 where !dom.contains("</html>") {
            dom = try await offPool {
                try runProgram(browser, ["--no-sandbox", "--disable-gpu", "--headless", "--virtual-time-budget=3000000", "--dump-dom", url]).output
            }
        }
        return dom
    }

    /// A screenshot of the page at `url`, in MOTCUA_SCREENSHOTS or the temporary folder; its size.
    func screenshot(_ url: String, _ name: String) async throws -> (path: String, size: Int) {
        let browser = try #require(HTMLReportTests.browser)
        let folder = ProcessInfo.processInfo.environment["MOTCUA_SCREENSHOTS"] ?? NSTemporaryDirectory()
        let path = (folder as NSString).appendingPathComponent(name)
        var size = 0
        for _ in 0..<3 where size <= 20_000 {
            _ = try await offPool {
                try runProgram(browser, ["--no-sandbox", "--disable-gpu", "--headless", "--hide-scrollbars", "--virtual-time-budget=3000000",
                                         "--window-size=1400,1300", "--screenshot=\(path)", url])
            }
            size = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
        }
        return (path, size)
    }

    /// The text of the element with `id` and what follows it, up to `length` characters.
    func element(_ id: String, in dom: String, length: Int = 6000) -> String {
        guard let start = dom.range(of: "id=\"\(id)\"") else { return "" }
        return String(dom[start.lowerBound...].prefix(length))
    }

    @Test("the workbench loads with a scenario's form; a changed staff count runs and shows its verdicts; a compare shows both, in Vietnamese",
          .enabled(if: HTMLReportTests.browser != nil, "chromium-headless-shell is not installed"))
    func workbench() async throws {
        let fixture = try ServeFixture()
        let base = "http://127.0.0.1:\(fixture.port)/?token=\(fixture.token)"

        #expect(try await dom("http://127.0.0.1:\(fixture.port)/").contains("Open the address"), "without the key the page is refused")
        let opened = try await dom(base + "#scenario=user/small")
        #expect(element("scenario-select", in: opened).contains("<option value=\"user/small\""))
        #expect(opened.contains("id=\"f-offices.land-branch.staff\"") && element("fields-offices", in: opened).contains("Land Registration"))

        let run = base + "#scenario=user/small&set.offices.land-branch.staff=24&replications=2&action=run"
        let ran = try await dom(run)
        let verdicts = element("verdict-table", in: ran)
        #expect(verdicts.contains("user/small + offices.land-branch.staff=24"), "\(verdicts.prefix(300))")
        #expect(verdicts.contains("PASS") || verdicts.contains("FAIL") || verdicts.contains("AT RISK"))
        #expect(element("job-text", in: ran, length: 200).contains("done 2/2"))
        #expect(ran.contains("/report?lang=en"), "the report frame is shown")

        let compare = base + "#lang=vi&scenario=user/small&set.offices.land-branch.staff=12&replications=2&action=compare"
        let compared = try await dom(compare)
        let both = element("verdict-table", in: compared)
        #expect(compared.contains("<html lang=\"vi\""))
        #expect(both.contains("<th>user/small</th>") && both.contains("<th>user/small + offices.land-branch.staff=12</th>"), "\(both.prefix(400))")
        #expect(both.contains("ĐẠT") && both.contains("Chỉ tiêu"))

        // Screenshots, for a person to look at (and at least an image of real size here).
        #expect(try await screenshot(run, "motcua-serve-run.png").size > 20_000)
        #expect(try await screenshot(compare, "motcua-serve-compare-vi.png").size > 20_000)
    }
}
