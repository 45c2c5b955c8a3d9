import Foundation

/// The report of `motcua drivers` (docs/output-format.md, "Drivers"): the failing and at-risk
/// targets' first drivers in the headline, how it was measured and what it cost, a tornado
/// chart per failing or at-risk target, the targets with their first driver, then each
/// target's ranked drivers with their sources. The data outputs hold `drivers` (one row per
/// target, input and change) and `cannot_reach` (the inputs not evaluated for a target).
public enum DriversDocument {
    /// The JSON format's version: 4 since legal values (direction `legal`) and inferred halves
    /// (measured `inferred`); 3 since the inputs are screened in groups (`screened_groups`,
    /// `source_of`) and the targets table gives the signed `threshold_distance_pts` (2: the
    /// report document, with an unsigned `margin_pts`; 1: its own shape).
    public static let version = 4

    /// The document of `result`, each target's `top` largest drivers shown (the data tables
    /// hold them all).
    public static func document(_ result: DriversResult, top: Int, provenance: Provenance, language: Language) -> ReportDocument {
        let w = language.driverWords, words = DocumentWords(language: language)
        let targets = result.targets.map(\.target)
        var headline = [words.passing(targets) + "."]
        for target in result.targets where target.target.verdict != .pass {
            headline.append(self.headline(target, result, among: targets, language: language))
        }
        headline.append(w.cost(result.evaluations, result.replicationsRun, language.numbers.fixed(result.seconds, 1), result.reachingNone,
                               result.stoppedEarly, result.groups, result.inferredHalves))
        headline += HorizonWarnings.lines([result.shortHorizon], language: language)
        var document = ReportDocument(kind: "drivers", title: w.title(language.pick(result.scenarioName, result.scenarioNameVi)),
                                      headline: headline, provenance: provenance, language: language)
        document.version = version

        var method: [ReportBlock] = [.paragraph(w.setup(result.selection.rawValue, result.inputs.count, stepText(result.step, language))),
                                     .paragraph(w.method(result.screeningReplications, result.refineLimit, result.replications))]
        if result.inferredHalves > 0 { method.append(.paragraph(w.inferenceNote)) }
        if !result.unchangeable.isEmpty { method.append(.paragraph(w.unchangeable(result.unchangeable.count))) }
        for skipped in result.skipped {
            method.append(.paragraph(w.skipped(name(result.inputs[skipped.input], language), skipped.change, skipped.reason)))
        }
        document.sections.append(ReportSection(id: "method", title: w.methodHeading, blocks: method))

        let charted = result.targets.enumerated().filter { $0.element.target.verdict != .pass }
        var charts: [ReportBlock] = charted.isEmpty ? [.paragraph(w.passingNote)] : []
        for (k, target) in charted {
            charts.append(.paragraph(targetLine(target, language: language)))
            charts.append(.chart(.tornado(tornado(id: "tornado-\(k + 1)", target, result, top: top, language: language))))
        }
        if !charted.isEmpty { charts.append(.paragraph(w.chartNote)) }
        document.sections.append(ReportSection(id: "charts", title: w.chartsHeading, blocks: charts))

        document.sections.append(ReportSection(id: "targets", title: w.targetsHeading, blocks: [.table(ReportTable(
            id: "targets",
            columns: words.targetColumns + [ReportColumn("base", w.base), ReportColumn("verdict", words("verdict", "kết quả")),
                                            ReportColumn("threshold_distance_pts", w.margin + " (" + w.pointsUnit + ")"),
                                            ReportColumn("first_driver", w.firstDriver), ReportColumn("effect_pts", w.itsEffect)],
            rows: result.targets.map { target in
                let t = target.target, first = target.drivers.first { $0.size > 0 }
                let largest = first?.effects.max { abs($0.difference.mean) < abs($1.difference.mean) }
                return words.targetCells(t) + [.estimate(mean: t.estimate.mean, low: t.estimate.low, high: t.estimate.high, .share),
                                               .verdict(t.verdict), .value(t.verdict == .fail ? -target.margin : target.margin, .points),
                                               first.map { .text(name(result.inputs[$0.input], language)) } ?? .text(w.noEffect),
                                               largest.map { effectCell($0) } ?? .empty]
            },
            notes: [w.passingSideNote, w.targetsNote, words.verdictNote]))]))

        for (k, target) in result.targets.enumerated() {
            var blocks: [ReportBlock] = []
            let shown = target.drivers.prefix(top).filter { $0.size > 0 }
            if shown.isEmpty { blocks.append(.paragraph(w.noEffect)) }
            var rows: [[ReportCell]] = []
            for (rank, driver) in shown.enumerated() {
                let input = result.inputs[driver.input]
                for (j, effect) in driver.effects.enumerated() {
                    rows.append([.text(j == 0 ? "\(rank + 1). " + name(input, language) + " = " + value(input.value, input.kind, language) : ""),
                                 .text(changeLabel(effect, input.kind, language)), effectCell(effect), pairsCell(effect, language)])
                }
                rows.append([.text("    " + sourceLine(input, language)), .empty, .empty, .empty])
            }
            for group in target.grouped {
                let effect = group.effect
                rows.append([.text(w.group + ": " + language.pick(group.name, group.nameVi) + " (" + String(group.inputs.count) + "/"
                                   + String(group.groupSize) + " " + w.members + ")"),
                             .text(effect?.change.label ?? ""), effect.map { effectCell($0) } ?? .empty,
                             effect.map { pairsCell($0, language) } ?? .empty])
            }
            if !rows.isEmpty {
                blocks.append(.table(ReportTable(id: "drivers_\(k + 1)", columns: [
                    ReportColumn("input", w.input), ReportColumn("change", w.change), ReportColumn("effect_pts", w.effect),
                    ReportColumn("pairs", w.pairs)], rows: rows, displayOnly: true)))
            }
            let groupedInputs = target.grouped.reduce(0) { $0 + $1.inputs.count }
            if target.noGroupSplit && groupedInputs > 0 { blocks.append(.paragraph(w.noGroupSplit)) }
            if groupedInputs > 0 { blocks.append(.paragraph(w.groupedNote(groupedInputs))) }
            if !target.unreachable.isEmpty { blocks.append(.paragraph(w.cannotReach(target.unreachable.count))) }
            document.sections.append(ReportSection(id: "target-\(k + 1)", title: targetLine(target, language: language), blocks: blocks))
        }

        document.sections.append(ReportSection(id: "data", title: words("Every effect", "Mọi tác động"), blocks: [
            .paragraph(w.dataNote),
            .table(ReportTable(id: "drivers", columns: [
                ReportColumn("target", words("target", "chỉ tiêu")), ReportColumn("rank", "#"), ReportColumn("input", w.input),
                ReportColumn("name", words("name", "tên")), ReportColumn("kind", w.kind), ReportColumn("assumption", w.assumption),
                ReportColumn("source", w.source), ReportColumn("source_of", words("source of", "nguồn của")), ReportColumn("value", w.value), ReportColumn("change", w.change),
                ReportColumn("direction", words("direction", "chiều")), ReportColumn("changed_value", words("changed value", "giá trị sau thay đổi")),
                ReportColumn("target_value", words("target's value", "giá trị chỉ tiêu")), ReportColumn("difference_pts", w.effect),
                ReportColumn("pairs", w.pairs), ReportColumn("measured", w.measured)],
                rows: result.targets.flatMap { target in
                    target.drivers.enumerated().flatMap { rank, driver in
                        let input = result.inputs[driver.input]
                        return driver.effects.map { effect -> [ReportCell] in
                            [.text(target.target.id), .value(Double(rank + 1), .count), .text(input.id), .text(name(input, language)),
                             .text(input.kind.rawValue), .text(input.isAssumption ? "yes" : "no"), .text(input.source ?? ""),
                             .text(input.sourceScope.rawValue),
                             .value(input.value, .count), .text(effect.change.label), .text(effect.change.direction.rawValue),
                             .value(effect.change.value, .count),
                             .estimate(mean: effect.value.mean, low: effect.value.low, high: effect.value.high, .share),
                             .estimate(mean: effect.difference.mean, low: effect.difference.low, high: effect.difference.high, .points),
                             .value(Double(effect.difference.count), .count),
                             .text(effect.inferred ? w.inferredWord : effect.difference.count > result.screeningReplications ? w.refinedWord : w.screenedWord)]
                        }
                    }
                }, dataOnly: true)),
            .table(ReportTable(id: "screened_groups", columns: [
                ReportColumn("target", words("target", "chỉ tiêu")), ReportColumn("group", w.group), ReportColumn("inputs", w.input),
                ReportColumn("group_size", words("inputs in the group", "số tham số của nhóm")), ReportColumn("change", w.change),
                ReportColumn("difference_pts", w.effect), ReportColumn("pairs", w.pairs)],
                rows: result.targets.flatMap { target in
                    target.grouped.map { group -> [ReportCell] in
                        let d = group.effect?.difference
                        return [.text(target.target.id), .text(language.pick(group.name, group.nameVi)),
                                .text(group.inputs.map { result.inputs[$0].id }.joined(separator: " ")), .value(Double(group.groupSize), .count),
                                .text(group.effect?.change.label ?? ""),
                                d.map { .estimate(mean: $0.mean, low: $0.low, high: $0.high, .points) } ?? .empty,
                                .value(Double(d?.count ?? 0), .count)]
                    }
                }, dataOnly: true)),
            .table(ReportTable(id: "cannot_reach", columns: [
                ReportColumn("target", words("target", "chỉ tiêu")), ReportColumn("input", w.input), ReportColumn("name", words("name", "tên"))],
                rows: result.targets.flatMap { target in
                    target.unreachable.map { [.text(target.target.id), .text(result.inputs[$0].id), .text(name(result.inputs[$0], language))] }
                }, dataOnly: true)),
        ]))
        return document
    }

    /// "Construction — on time ≥ 98% (97.46%, FAIL) moves most with Urban Management: step 1 lag (+20%: −1.28 points); then …".
    static func headline(_ target: DriversResult.TargetDrivers, _ result: DriversResult, among targets: [TargetResult], language: Language) -> String {
        let w = language.driverWords, words = DocumentWords(language: language), t = target.target
        let label = words.label(t)
        let moving = target.drivers.filter { $0.size > 0 }
        guard let first = moving.first else { return w.movesNothing(label) }
        let verdict = TextReport.verdictWord(t.verdict, language.words)
        var text = w.movesMost(label, language.numbers.percent(t.estimate.mean), verdict, driverText(first, result, language))
        if let second = moving.dropFirst().first { text += w.thenDriver(driverText(second, result, language)) }
        return text + "."
    }

    /// "Urban Management: step 1 lag (+20%: −1.28 points)": an input with its largest effect.
    static func driverText(_ driver: DriversResult.Driver, _ result: DriversResult, _ language: Language) -> String {
        let input = result.inputs[driver.input]
        guard let largest = driver.effects.max(by: { abs($0.difference.mean) < abs($1.difference.mean) }) else { return name(input, language) }
        return name(input, language) + " (" + changeLabel(largest, input.kind, language) + ": "
            + effectCell(largest).display(language) + " " + language.driverWords.pointsUnit + ")"
    }

    /// "Land — late below 2% (late-land): 3.41% (3.12% … 3.70%) FAIL; threshold < 2%, margin 1.12 points".
    static func targetLine(_ target: DriversResult.TargetDrivers, language: Language) -> String {
        let w = language.driverWords, words = DocumentWords(language: language), t = target.target
        let value = ReportCell.estimate(mean: t.estimate.mean, low: t.estimate.low, high: t.estimate.high, .share).display(language)
        return words.label(t) + " (\(t.id)): " + value + " " + TextReport.verdictWord(t.verdict, language.words)
            + "; " + w.threshold + " " + words.threshold(t)
            + (t.verdict == .atRisk ? "" : ", " + (t.verdict == .fail ? w.shortBy : w.clearBy) + " "
                + language.numbers.fixed(target.margin * 100, 2) + " " + w.pointsUnit)
    }

    /// A paired difference in points, without an interval when measured on one pair.
    static func effectCell(_ effect: DriversResult.Effect) -> ReportCell {
        let d = effect.difference
        return d.count > 1 ? .estimate(mean: d.mean, low: d.low, high: d.high, .points) : .estimate(mean: d.mean, low: .nan, high: .nan, .points)
    }

    /// The pairs behind an effect, or "inferred" (a group's minus its other half's).
    static func pairsCell(_ effect: DriversResult.Effect, _ language: Language) -> ReportCell {
        effect.inferred ? .text(language.driverWords.inferredWord) : .value(Double(effect.difference.count), .count)
    }

    /// "−20% → 4,000", "+1 → 11", "removed", "→ 0 (the rule)".
    static func changeLabel(_ effect: DriversResult.Effect, _ kind: DriverInput.Kind, _ language: Language) -> String {
        switch effect.change.direction {
        case .removed: return language.driverWords.removed
        case .legal: return "→ " + value(effect.change.value, kind, language) + " (" + language.driverWords.theRule + ")"
        case .lower, .higher: return effect.change.label + " → " + value(effect.change.value, kind, language)
        }
    }

    static func name(_ input: DriverInput, _ language: Language) -> String { language.pick(input.name, input.nameVi) }

    /// "source: …", saying when the text is the procedure's, office's or step's as a whole.
    static func sourceLine(_ input: DriverInput, _ language: Language) -> String {
        let w = language.driverWords
        guard let source = input.source else { return w.source + ": " + w.noSource }
        return w.sourceOf(input.sourceScope) + ": " + language.pick(source, input.sourceVi)
    }

    /// The step as a user writes it, in the report's language: "volume, share, lag, backlog ±20%; staff ±1".
    static func stepText(_ step: DriverStep, _ language: Language) -> String {
        let w = language.driverWords
        let relativeKinds = DriverInput.Kind.allCases.filter { $0 != .staff }
        let byShare = Dictionary(grouping: relativeKinds) { step.relative[$0] ?? 0 }
        let relative = byShare.keys.sorted().map { p in
            (byShare[p] ?? []).map { w.kindNames[$0] ?? $0.rawValue }.joined(separator: ", ") + " ±" + Format.plainPercent(p)
        }
        let staff = (w.kindNames[.staff] ?? "staff") + " ±"
            + (step.staffShare.map { Format.plainPercent($0) + " (" + w.atLeastOne + ")" } ?? String(step.staffCount))
        return (relative + [staff]).joined(separator: "; ")
    }

    /// An input's value as the scenario states it.
    static func value(_ x: Double, _ kind: DriverInput.Kind, _ language: Language) -> String {
        switch kind {
        case .staff, .backlog, .volume: return language.numbers.meanCount(x)
        case .share: return language.numbers.percent(x, 1)
        case .lag: return language.numbers.fixed(x, 2)
        }
    }

    /// The tornado chart of a target: its `top` largest drivers.
    static func tornado(id: String, _ target: DriversResult.TargetDrivers, _ result: DriversResult, top: Int, language: Language) -> TornadoChart {
        let w = language.driverWords, words = DocumentWords(language: language), t = target.target
        let rows = target.drivers.prefix(top).filter { $0.size > 0 }.map { driver in
            let input = result.inputs[driver.input]
            return TornadoChart.Row(label: name(input, language), bars: driver.effects.map { effect in
                let d = effect.difference
                return TornadoChart.Bar(direction: effect.change.direction, difference: d.mean,
                                        low: d.count > 1 ? d.low : .nan, high: d.count > 1 ? d.high : .nan,
                                        tip: changeLabel(effect, input.kind, language) + ": " + effectCell(effect).display(language) + " " + w.pointsUnit)
            })
        }
        return TornadoChart(id: id, title: targetLine(target, language: language), base: t.estimate.mean, threshold: t.threshold,
                            baseLabel: w.base + " " + language.numbers.percent(t.estimate.mean),
                            thresholdLabel: w.threshold + " " + words.threshold(t), rows: rows,
                            legend: [.lower: w.lowerLegend, .higher: w.higherLegend, .removed: w.removed, .legal: w.legalLegend])
    }
}
