import Foundation
import Testing
import MotCua
import MotCuaServe

@Suite("serve: a run's downloads carry the provenance block the CLI writes")
struct ServeProvenanceTests {
    @Test("text, HTML, JSON, CSV and workbook of a workbench run say what was run")
    func downloadsSayWhatWasRun() async throws {
        let fixture = try ServeFixture()
        let request = #"{"kind":"run","scenario":"user/small","settings":{"horizon.days":"10"},"replications":1,"seed":7,"language":"vi"}"#
        let job = try await fixture.wait(try fixture.submit(request))
        #expect(job["status"] as? String == "done", "\(job)")
        let id = try #require(job["id"] as? String)
        func download(_ name: String) throws -> String {
            String(decoding: try fixture.call("GET", "/api/jobs/\(id)/files/\(name)").body, as: UTF8.self)
        }
        for name in ["report-en.txt", "report-en.html"] {
            #expect(try download(name).contains("horizon.days=10"), "\(name) does not name the setting")
        }
        #expect(try download("report-vi.txt").contains("horizon.days=10"))
        #expect(try download("report.json").contains("\"provenance\""))
        let table = try download("table-provenance.csv")
        #expect(table.contains("horizon.days=10") && table.contains("motcua-model/"), "\(table)")
        #expect(try fixture.call("GET", "/api/jobs/\(id)/files/report.xlsx").body.count > 100)
    }
}
