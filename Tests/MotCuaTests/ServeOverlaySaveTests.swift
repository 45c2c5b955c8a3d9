import Foundation
import Testing
import MotCua
import MotCuaServe

extension ServeTests {
    @Test("saving an overlay under a name already saved is refused with 409 unless the request says replace, and one of another scenario is never replaced")
    func overlaySaveNeverSilentlyReplaces() async throws {
        let fixture = try ServeFixture()
        let file = fixture.results + "/scenarios/lb22.json"
        let baseFile = fixture.results + "/scenarios/lb22.base"
        func save(_ scenario: String, _ settings: String, replace: Bool? = nil) throws -> HTTPReply {
            let flag = replace.map { ",\"replace\":\($0)" } ?? ""
            return try fixture.call("POST", "/api/overlays", json: #"{"scenario":"\#(scenario)","name":"lb22","settings":\#(settings)\#(flag)}"#)
        }
        func issue(_ reply: HTTPReply) -> (path: String?, message: String) {
            let first = (fixture.object(reply)["issues"] as? [[String: Any]])?.first
            return (first?["path"] as? String, first?["message"] as? String ?? "")
        }
        #expect(try save("user/small", #"{"offices.land-branch.staff":"22"}"#).status == 201)
        let first = try String(contentsOfFile: file, encoding: .utf8)
        #expect(first.contains("\"staff\": 22"))

        let again = try save("user/small", #"{"offices.land-branch.staff":"23"}"#)
        #expect(again.status == 409, "\(again.text)")
        #expect(issue(again).path == "replace" && issue(again).message == "an overlay lb22 exists (over user/small); choose another name or confirm replacing it",
                "\(again.text)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == first, "the saved overlay is untouched")
        #expect(try save("user/small", #"{"offices.land-branch.staff":"23"}"#, replace: false).status == 409)

        let other = try save("go-vap-2024", #"{"horizon.days":"5"}"#, replace: true)
        #expect(other.status == 409, "\(other.text)")
        #expect(issue(other).path == "name" && issue(other).message.contains("over user/small") && issue(other).message.contains("never replaced"),
                "\(other.text)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == first)
        #expect(try String(contentsOfFile: baseFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines) == "user/small")

        let replaced = try save("user/small", #"{"offices.land-branch.staff":"23"}"#, replace: true)
        #expect(replaced.status == 201, "\(replaced.text)")
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("\"staff\": 23"))
    }
}
