import Testing
@testable import MotCua

/// A small JSON Schema checker for the keywords `docs/report.schema.json` uses (type, enum,
/// required, properties, additionalProperties, items, minItems, maxItems, minimum, maximum,
/// $ref to #/$defs): enough to hold the report to its documented shape.
struct SchemaChecker {
    let root: JSONValue

    func check(_ value: JSONValue, against schema: JSONValue, at path: String = "$") -> [String] {
        var problems: [String] = []
        if case .string(let ref)? = schema["$ref"] {
            let name = String(ref.dropFirst("#/$defs/".count))
            guard let target = root["$defs"]?[name] else { return ["\(path): unknown $ref \(ref)"] }
            return check(value, against: target, at: path)
        }
        if let types = schema["type"] {
            let allowed: [String]
            switch types {
            case .string(let t): allowed = [t]
            case .array(let list): allowed = list.compactMap { if case .string(let t) = $0 { return t } else { return nil } }
            default: allowed = []
            }
            if !allowed.contains(where: { matches(value, $0) }) { problems.append("\(path): expected \(allowed), found \(value.typeName)") }
        }
        if case .array(let options)? = schema["enum"], !options.contains(value) { problems.append("\(path): \(value) not in enum") }
        if case .number(let x) = value {
            if case .number(let low)? = schema["minimum"], x < low { problems.append("\(path): \(x) < \(low)") }
            if case .number(let high)? = schema["maximum"], x > high { problems.append("\(path): \(x) > \(high)") }
        }
        if case .object(let members) = value {
            if case .array(let required)? = schema["required"] {
                for case .string(let key) in required where value[key] == nil { problems.append("\(path): missing \(key)") }
            }
            let properties = schema["properties"]
            for (key, member) in members {
                if let sub = properties?[key] {
                    problems += check(member, against: sub, at: "\(path).\(key)")
                } else if let extra = schema["additionalProperties"] {
                    if extra == .bool(false) { problems.append("\(path): unexpected key \(key)") }
                    else if case .object = extra { problems += check(member, against: extra, at: "\(path).\(key)") }
                }
            }
        }
        if case .array(let elements) = value {
            if case .number(let n)? = schema["minItems"], Double(elements.count) < n { problems.append("\(path): fewer than \(Int(n)) items") }
            if case .number(let n)? = schema["maxItems"], Double(elements.count) > n { problems.append("\(path): more than \(Int(n)) items") }
            if let items = schema["items"] {
                for (i, element) in elements.enumerated() { problems += check(element, against: items, at: "\(path)[\(i)]") }
            }
        }
        return problems
    }

    func matches(_ value: JSONValue, _ type: String) -> Bool {
        switch (value, type) {
        case (.object, "object"), (.array, "array"), (.string, "string"), (.bool, "boolean"), (.null, "null"), (.number, "number"): return true
        case (.number(let x), "integer"): return x == x.rounded()
        default: return false
        }
    }
}

@Suite("The JSON report against its documented schema")
struct SchemaTests {
    func schema() throws -> JSONValue {
        let bytes = try ScenarioLoader.readFile(Repository.path("docs/report.schema.json"), reportAs: "schema")
        return try JSONParser.parse(bytes)
    }

    @Test("reports of the validation queue and of Gò Vấp (with targets, wards and every measure) validate")
    func reportsValidate() async throws {
        let schema = try schema()
        let checker = SchemaChecker(root: schema)
        let (mm1, mm1Results) = try await simulate("scenarios/validation/mm1.json", replications: 2)
        let gv = SimulationModel(scenario: try ScenarioLoader.load(path: Repository.path("scenarios/go-vap-2024.json"), overlays: [],
                                                                   settings: [("horizon.days", "20")]))
        let gvResults = try await Experiment.run(model: gv, seed: 1, replications: 2, jobs: 2)
        for (model, results) in [(mm1, mm1Results), (gv, gvResults)] {
            let report = JSONReport.document(ExperimentSummary(model: model, seed: 1, results: results))
            let problems = checker.check(report, against: schema)
            #expect(problems.isEmpty, "\(problems.prefix(5))")
        }
    }

    @Test("the checker catches a report that breaks the schema")
    func checkerCatches() throws {
        let schema = try schema()
        let broken = try JSONParser.parse(Array(#"{"format": "motcua-report/2", "scenario": {}, "targets": [], "measures": {}, "conservation": {}, "extra": 1}"#.utf8))
        let problems = SchemaChecker(root: schema).check(broken, against: schema)
        #expect(problems.contains { $0.contains("enum") })
        #expect(problems.contains { $0.contains("unexpected key extra") })
        #expect(problems.contains { $0.contains("missing name") })
    }
}
