import Foundation
import Testing
@testable import MotCua

/// Seeded random damage to the shipped scenarios: every case must end in a valid run or a
/// clear error (a ScenarioError naming a path) — never a trap, a hang or runaway memory. The
/// default test runs a fast subset; `MOTCUA_FUZZ=5000 swift test --filter FuzzTests` runs the
/// long version.
@Suite("Fuzzing the scenario loader")
struct FuzzTests {
    static let cases = Int(ProcessInfo.processInfo.environment["MOTCUA_FUZZ"] ?? "") ?? 150
    static let files = ["go-vap-2024", "binh-tan-2023", "quan-6-2024", "hcmc-two-level-2026", "validation/mmc"]

    /// Every path to a value of the document.
    static func paths(_ value: JSONValue, _ prefix: [PathStep] = []) -> [[PathStep]] {
        var result = [prefix]
        switch value {
        case .object(let members): for (k, v) in members { result += paths(v, prefix + [.key(k)]) }
        case .array(let items): for (i, v) in items.enumerated() { result += paths(v, prefix + [.index(i)]) }
        default: break
        }
        return result
    }

    enum PathStep { case key(String), index(Int) }

    static func replace(_ value: JSONValue, at path: ArraySlice<PathStep>, with f: (JSONValue) -> JSONValue?) -> JSONValue? {
        guard let step = path.first else { return f(value) }
        switch (value, step) {
        case (.object(var members), .key(let k)):
            guard let i = members.firstIndex(where: { $0.key == k }) else { return value }
            if let new = replace(members[i].value, at: path.dropFirst(), with: f) { members[i].value = new } else { members.remove(at: i) }
            return .object(members)
        case (.array(var items), .index(let i)):
            if let new = replace(items[i], at: path.dropFirst(), with: f) { items[i] = new } else { items.remove(at: i) }
            return .array(items)
        default: return value
        }
    }

    /// One random mutation of `document` (nil return of the operator deletes the value).
    static func mutate(_ document: JSONValue, _ rng: inout RandomStream) -> JSONValue {
        let all = paths(document).filter { !$0.isEmpty }
        let path = all[Int(rng.next() % UInt64(all.count))]
        let choice = rng.next() % 12
        let words = ["", "nowhere", "2024-02-30", "25:99", "-1", "land-branch", "ward-desk", "desk-land", "*", "always-open"]
        let numbers: [Double] = [0, -1, -1e9, 1e308, 1e-300, 0.5, 2, 1e12, 366, 36_600]
        let pick = rng.next()
        return replace(document, at: path[...]) { value in
            switch choice {
            case 0: return nil                                                       // delete
            case 1: return .string(words[Int(pick % UInt64(words.count))])          // change type / dangle
            case 2: return .number(numbers[Int(pick % UInt64(numbers.count))])      // extreme numbers
            case 3: return .array([])                                               // empty array
            case 4: return .object([])
            case 5: return .null
            case 6: return .bool(true)
            case 7:                                                                  // duplicate an element (duplicate ids)
                if case .array(let items) = value, let first = items.first { return .array(items + [first]) }
                return value
            case 8:
                if case .number(let x) = value { return .number(-x) }
                return value
            case 9:
                if case .string = value { return .string(words[Int(pick % UInt64(words.count))]) }
                return .string("x")
            case 10:
                if case .number(let x) = value { return .number(x * 1e6) }
                return value
            default:
                if case .object(var members) = value { members.append(("unknownKey", .number(1))); return .object(members) }
                return value
            }
        } ?? document
    }

    @Test("damaged scenarios end in a run or a clear error")
    func fuzz() async throws {
        var rng = RandomStream(seed: 2024)
        let directory = Repository.path("scenarios")
        var valid = 0, refused = 0
        for n in 0..<FuzzTests.cases {
            let file = FuzzTests.files[n % FuzzTests.files.count]
            var bytes = Array(try ScenarioLoader.readFile(Repository.path("scenarios/\(file).json"), reportAs: file))
            switch n % 10 {
            case 8:  // truncated file
                bytes = Array(bytes.prefix(Int(rng.next() % UInt64(bytes.count))))
            case 9:  // a byte that is not UTF-8, or a random byte
                bytes[Int(rng.next() % UInt64(bytes.count))] = [0xFF, 0xC3, 0x00, UInt8(ascii: "{")][Int(rng.next() % 4)]
            default:
                var document = try JSONParser.parse(bytes)
                for _ in 0...(rng.next() % 3) { document = FuzzTests.mutate(document, &rng) }
                bytes = Array(JSONWriter.text(document).utf8)
            }
            let scenario: Scenario
            do {
                scenario = try ScenarioLoader.decode(bytes, file: "\(file).json", directory: (directory + "/" + file as NSString).deletingLastPathComponent)
            } catch {
                refused += 1
                #expect(!error.issues.isEmpty)
                #expect(error.issues.allSatisfy { !$0.path.isEmpty && !$0.message.isEmpty })
                continue
            }
            valid += 1
            // A short run of whatever is valid: it must end, balanced.
            var short = scenario
            short.horizon.days = Swift.min(short.horizon.days, 3)
            short.horizon.warmUpDays = 0
            let result = try await SimulationRun(model: SimulationModel(scenario: short), seed: UInt64(n)).run()
            #expect(result.conservation.isBalanced)
        }
        #expect(valid > 0, "some damage leaves a valid scenario, which must then run")
        #expect(refused > FuzzTests.cases / 4, "most damage should be caught")
    }
}
