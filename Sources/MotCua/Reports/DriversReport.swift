/// The text and JSON reports of `motcua drivers` (docs/output-format.md, "Drivers").
public enum DriversReport {
    /// Format identifier of the JSON document.
    public static let format = "motcua-drivers/1"

    /// The text report: a ranked table per target, its `top` largest drivers.
    public static func text(_ result: DriversResult, top: Int, language: Language = .en) -> String {
        let w = language.driverWords, f = language.numbers
        var lines = [w.title(language.pick(result.scenarioName, result.scenarioNameVi), result.seed)]
        lines.append(w.setup(result.selection.rawValue, result.inputs.count, result.step.description))
        lines.append(w.method(result.screeningReplications, result.refineLimit, result.replications))
        lines.append(w.cost(result.evaluations, result.replicationsRun, f.fixed(result.seconds, 1)))
        if !result.unchangeable.isEmpty {
            lines.append(w.unchangeable(result.unchangeable.count))
        }
        for skipped in result.skipped {
            lines.append(w.skipped(language.pick(result.inputs[skipped.input].name, result.inputs[skipped.input].nameVi), skipped.change, skipped.reason))
        }
        for target in result.targets {
            lines.append("")
            lines.append(targetLine(target, language: language))
            let shown = target.ranked.prefix(top).filter { $0.size > 0 }
            if shown.isEmpty { lines.append("  " + w.noEffect) }
            let unreachable = target.drivers.count - target.ranked.count
            if unreachable > 0 { lines.append("  " + w.unreachable(unreachable)) }
            for (rank, driver) in shown.enumerated() {
                let input = result.inputs[driver.input]
                let pairs = driver.effects.first?.difference.count ?? 0
                lines.append("  " + Format.right("\(rank + 1).", 3) + " " + language.pick(input.name, input.nameVi)
                             + " = " + value(input.value, input.kind, language) + "  (" + (driver.refined ? w.refined(pairs) : w.screened(pairs)) + ")")
                lines.append("      " + driver.effects.map { effectText($0, input.kind, language) }.joined(separator: "   "))
                let source = input.source ?? w.noSource
                lines.append("      " + w.source + ": " + (source.count > 110 ? String(source.prefix(109)) + "…" : source))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "Land — late below 2% (late-land): 3.41% [3.12%, 3.70%] FAIL; threshold ≤ 2.00%, margin 1.12 points".
    static func targetLine(_ target: DriversResult.TargetDrivers, language: Language) -> String {
        let w = language.driverWords, f = language.numbers, t = target.target
        let verdict = t.verdict == .pass ? language.words.pass : t.verdict == .fail ? language.words.fail : language.words.atRisk
        let field = t.fieldName.map { language.pick($0, t.fieldNameVi) + " — " } ?? ""
        return field + language.pick(t.label, t.labelVi) + " (\(t.id)): " + f.percent(t.estimate.mean)
            + " [\(f.percent(t.estimate.low)), \(f.percent(t.estimate.high))] " + verdict
            + "; " + w.threshold + " " + t.comparator.rawValue + " " + f.percent(t.threshold)
            + (t.verdict == .atRisk ? "" : ", " + w.margin + " " + points(target.margin, language))
    }

    /// "−20% (480): −0.41 [−0.52, −0.30] points".
    static func effectText(_ effect: DriversResult.Effect, _ kind: DriverInput.Kind, _ language: Language) -> String {
        let d = effect.difference
        let label = effect.change.direction == .removed ? language.driverWords.removed : effect.change.label
        return "\(label) (\(value(effect.change.value, kind, language))): " + signed(d.mean, language)
            + (d.count > 1 ? " [\(signed(d.low, language)), \(signed(d.high, language))]" : "") + " " + language.driverWords.pointsUnit
    }

    /// A difference of shares in percentage points, with its sign.
    static func signed(_ x: Double, _ language: Language) -> String {
        guard x.isFinite else { return "—" }
        let text = language.numbers.fixed(abs(x) * 100, 2)
        return (x > 0 ? "+" : x < 0 ? "−" : "±") + text
    }

    static func points(_ x: Double, _ language: Language) -> String {
        language.numbers.fixed(x * 100, 2) + " " + language.driverWords.pointsUnit
    }

    /// An input's value as the scenario states it.
    static func value(_ x: Double, _ kind: DriverInput.Kind, _ language: Language) -> String {
        switch kind {
        case .staff, .backlog, .volume: return language.numbers.meanCount(x)
        case .share: return language.numbers.percent(x, 1)
        case .lag: return language.numbers.fixed(x, 2)
        }
    }

    /// The JSON document (docs/output-format.md, "Drivers").
    public static func document(_ result: DriversResult) -> JSONValue {
        func estimate(_ e: Estimate) -> [(key: String, value: JSONValue)] { JSONReport.estimateMembers(e) }
        var step: [(key: String, value: JSONValue)] = DriverInput.Kind.allCases.filter { $0 != .staff }.map { kind in
            (kind.rawValue, .number(result.step.relative[kind] ?? 0))
        }
        step.append(("staff", result.step.staffShare.map { .string(Format.plainPercent($0)) } ?? .number(Double(result.step.staffCount))))
        let inputs: JSONValue = .array(result.inputs.map { input in
            .object([("id", .string(input.id)), ("name", .string(input.name)), ("nameVi", .string(input.nameVi)),
                     ("kind", .string(input.kind.rawValue)), ("value", .number(input.value)),
                     ("source", input.source.map(JSONValue.string) ?? .null), ("assumption", .bool(input.isAssumption))])
        })
        let targets: JSONValue = .array(result.targets.map { target in
            let t = target.target
            var members: [(key: String, value: JSONValue)] = [
                ("id", .string(t.id)), ("label", .string(t.label)), ("field", t.fieldName.map(JSONValue.string) ?? .null),
                ("comparator", .string(t.comparator.rawValue)), ("threshold", .number(t.threshold)),
            ]
            members += estimate(t.estimate)
            members += [("verdict", .string(t.verdict.rawValue)), ("margin", .number(target.margin))]
            members.append(("drivers", .array(target.drivers.enumerated().map { rank, driver in
                .object([
                    ("rank", .number(Double(rank + 1))), ("input", .string(result.inputs[driver.input].id)),
                    ("refined", .bool(driver.refined)), ("reaches", .bool(driver.reaches)), ("pairs", .number(Double(driver.effects.first?.difference.count ?? 0))),
                    ("size", .number(driver.size)),
                    ("changes", .array(driver.effects.map { effect in
                        .object([("direction", .string(effect.change.direction.rawValue)), ("label", .string(effect.change.label)),
                                 ("inputValue", .number(effect.change.value))]
                                + estimate(effect.value) + [("difference", .object(estimate(effect.difference)))])
                    })),
                ])
            })))
            return .object(members)
        })
        return .object([
            ("format", .string(format)),
            ("scenario", .string(result.scenarioName)),
            ("seed", .integer(result.seed)),
            ("inputs", .string(result.selection.rawValue)),
            ("step", .object(step)),
            ("replications", .number(Double(result.replications))),
            ("screeningReplications", .number(Double(result.screeningReplications))),
            ("refineLimit", .number(Double(result.refineLimit))),
            ("evaluations", .number(Double(result.evaluations))),
            ("replicationsRun", .number(Double(result.replicationsRun))),
            ("seconds", .number((result.seconds * 10).rounded() / 10)),
            ("inputList", inputs),
            ("unchangeable", .array(result.unchangeable.map { .string(result.inputs[$0].id) })),
            ("skipped", .array(result.skipped.map { s in
                .object([("input", .string(result.inputs[s.input].id)), ("change", .string(s.change)), ("reason", .string(s.reason))])
            })),
            ("targets", targets),
        ])
    }

    /// The CSV table: one row per target, input and change.
    public static func csv(_ result: DriversResult) -> String {
        let header = ["target", "rank", "input", "name", "kind", "assumption", "change", "input_value", "value_mean",
                      "difference_mean", "difference_low", "difference_high", "pairs", "refined", "reaches"]
        var rows: [[String]] = []
        let number = CSVReport.number
        for target in result.targets {
            for (rank, driver) in target.drivers.enumerated() {
                let input = result.inputs[driver.input]
                for effect in driver.effects {
                    rows.append([target.target.id, String(rank + 1), input.id, input.name, input.kind.rawValue, String(input.isAssumption),
                                 effect.change.direction.rawValue, number(effect.change.value), number(effect.value.mean),
                                 number(effect.difference.mean), number(effect.difference.low), number(effect.difference.high),
                                 String(effect.difference.count), String(driver.refined), String(driver.reaches)])
                }
            }
        }
        return CSVReport.table(header, rows)
    }
}
