import Foundation

/// The report of `motcua sweep`: per target, the load at which it stops passing, one curve
/// per target with its interval band and threshold, and the loads one by one.
public enum SweepDocument {
    public static func document(_ sweep: LoadSweep, provenance: Provenance, language: Language) -> ReportDocument {
        let w = DocumentWords(language: language)
        let f = language.numbers
        func load(_ x: Double) -> String { f.fixed(x, 2) + "×" }
        let targets = sweep.points.first?.summary.targets ?? []
        // With `--replications auto` every interval has the sequential level (review 2 #17).
        let confidence = sweep.points.first?.outcome.confidence ?? 0.95
        let sequential = sweep.points.contains { $0.outcome.reason != .fixed }
        let loads = sweep.points.map(\.load)
        // Today's load, or the nearest one swept.
        let todayIndex = loads.indices.min { abs(loads[$0] - 1) < abs(loads[$1] - 1) }
        let today = todayIndex.map { sweep.points[$0] }
        // Where a target stops passing: the sweep's own reading (``LoadSweep/headroom``, the first
        // load swept upwards at which it does not pass, and the load below it).
        func breaking(_ index: Int) -> (highest: Double?, first: Double?) {
            guard index < sweep.headroom.count else { return (nil, loads.first) }
            return (sweep.headroom[index].highestPassing, sweep.headroom[index].firstNotPassing)
        }
        // The desk guard, when it and not the target's own value stops it passing at `load`
        // (review 3 #20): its share there, short for the headline and the chart, with the
        // interval for the table.
        func guardNote(_ index: Int, at load: Double?, interval: Bool = false, short: Bool = false) -> String? {
            guard let load, let point = sweep.points.first(where: { $0.load == load }), index < point.summary.targets.count,
                  let deciding = point.summary.targets[index].decidingDeskGuard else { return nil }
            let share = interval ? deciding.judgement.shown(f) : f.percent(deciding.judgement.share.mean, 1)
            return short ? w("desk guard \(share)", "ràng buộc một cửa \(share)")
                : w("desk guard: \(share) could not file", "ràng buộc một cửa: \(share) không nộp được")
        }
        var headline: [String] = []
        if let today {
            headline.append(w("At \(load(today.load)) load: ", "Ở mức tải \(load(today.load)): ") + w.passing(today.summary.targets) + ".")
        }
        let stopping = targets.indices.compactMap { i -> String? in
            let (highest, first) = breaking(i)
            guard let first, highest != nil else { return nil }
            // Whether it fails or is only at risk there, and the guard's interval when the guard
            // holds it (review 4 #11: "desk guard: 9.4%" read as within the 10% allowance).
            let verdict = sweep.points.first { $0.load == first }.flatMap { point in
                point.summary.targets.first { $0.id == targets[i].id }?.verdict
            }
            let why = [verdict.map { $0 == .atRisk ? w("at risk", "có rủi ro") : w("fails", "không đạt") },
                       guardNote(i, at: first, interval: true)].compactMap { $0 }
            return w.short(targets[i], among: targets) + " " + w("at ", "từ ") + load(first) + (why.isEmpty ? "" : " (\(why.joined(separator: "; ")))")
        }
        // Targets that pass at no load, split by their verdict at the lowest load: FAIL and AT RISK
        // have their own words (review 3 #12: "Không đạt" headed targets that were at risk).
        let lowest = sweep.points.first?.summary.targets ?? []
        let never = targets.indices.filter { breaking($0).highest == nil }
        let neverFailing = never.filter { i in lowest.first { $0.id == targets[i].id }?.verdict == .fail }
        let neverAtRisk = never.filter { !neverFailing.contains($0) }.map { w.short(targets[$0], among: targets) }
        let throughout = targets.indices.filter { breaking($0).first == nil }.map { w.short(targets[$0], among: targets) }
        if !stopping.isEmpty { headline.append(w("Stop passing: ", "Không còn đạt (không đạt hoặc có rủi ro) từ: ") + stopping.joined(separator: "; ") + ".") }
        if !neverFailing.isEmpty {
            headline.append(w("Failing from the lowest load swept: ", "Không đạt ngay từ mức tải thấp nhất đã thử: ")
                            + neverFailing.map { w.short(targets[$0], among: targets) }.joined(separator: ", ") + ".")
        }
        if !neverAtRisk.isEmpty {
            headline.append(w("At risk from the lowest load swept, passing at none: ", "Có rủi ro ngay từ mức tải thấp nhất đã thử, không mức nào đạt: ")
                            + neverAtRisk.joined(separator: ", ") + ".")
        }
        if !throughout.isEmpty, let last = loads.last {
            headline.append(w("Pass at \(load(last)), the top of the range: ", "Vẫn đạt ở \(load(last)), mức cao nhất đã thử: ") + throughout.joined(separator: ", ") + ".")
        }
        headline += HorizonWarnings.lines(sweep.points.map(\.summary.shortHorizon), language: language)
        var document = ReportDocument(kind: "sweep", title: w("Load sweep", "Thử mức tải") + " — "
                                      + language.pick(provenance.scenarioName, provenance.scenarioNameVi),
                                      headline: headline, provenance: provenance, language: language)

        // The column of the guard's reason, only where it stops a target (other sweeps' tables are unchanged).
        let anyHeldByGuard = targets.indices.contains { i in
            let (highest, first) = breaking(i)
            return guardNote(i, at: highest == nil ? loads.first : first) != nil
        }
        let headroomRows = targets.enumerated().map { i, t -> [ReportCell] in
            let (highest, first) = breaking(i)
            let now = today?.summary.targets.first { $0.id == t.id }
            let stops: ReportCell = highest == nil ? .text(w("none passes", "không mức nào đạt"))
                : first.map { .value($0, .factor) } ?? .text("> " + load(loads.last ?? 1))
            return w.targetCells(t) + [now.map { .value($0.estimate.mean, .share) } ?? .empty, now.map { .verdict($0.verdict) } ?? .empty,
                                       highest.map { .value($0, .factor) } ?? .text("—"), stops]
                + (anyHeldByGuard ? [guardNote(i, at: highest == nil ? loads.first : first, interval: true).map(ReportCell.text) ?? .empty] : [])
        }
        let todayTitle = today.map { load($0.load) } ?? "1.00×"
        if !targets.isEmpty {
            document.sections.append(ReportSection(id: "headroom", title: w("Where each target stops passing", "Mức tải mà mỗi chỉ tiêu không còn đạt"), blocks: [
                .table(ReportTable(id: "headroom", columns: w.targetColumns + [
                    ReportColumn("value_today", w("value at ", "giá trị ở ") + todayTitle), ReportColumn("verdict_today", w("verdict at ", "kết quả ở ") + todayTitle),
                    ReportColumn("highest_passing", w("highest load passing", "mức tải cao nhất còn đạt")),
                    ReportColumn("first_not_passing", w("first load not passing", "mức tải đầu tiên không còn đạt")),
                ] + (anyHeldByGuard ? [ReportColumn("stopped_by", w("stopped by", "lý do"))] : []), rows: headroomRows, notes: [
                    w("First load not passing: the lowest load swept at which the target does not pass (fail or at risk); a pass at a higher load after it, as a verdict of few replications may flip, does not count (see the chart).",
                      "Mức tải đầu tiên không còn đạt (không đạt hoặc có rủi ro): mức tải thấp nhất đã thử mà chỉ tiêu không đạt; nếu ở mức cao hơn lại đạt (khi ít lần chạy lặp, kết quả có thể đổi qua lại) thì không tính (xem biểu đồ)."),
                    w.verdictNote(level: confidence)])),
            ]))
            if !sweep.breakLoads.isEmpty {
                let rows = sweep.breakLoads.map { b -> [ReportCell] in
                    [.text(b.label), .value(b.passing, .factor), .value(b.notPassing, .factor), .value(Double(b.evaluations), .count)]
                }
                document.sections.append(ReportSection(id: "break-loads", title: w("Break load per target, by bisection", "Mức tải giới hạn của từng chỉ tiêu, tìm theo chia đôi"), blocks: [
                    .table(ReportTable(id: "break_loads", columns: [
                        ReportColumn("target", w("target", "chỉ tiêu")), ReportColumn("passing", w("passes at", "đạt ở")),
                        ReportColumn("not_passing", w("not at", "không đạt ở")), ReportColumn("evaluations", w("loads evaluated", "số mức tải đã chạy"))],
                        rows: rows, notes: [w("Bisection between the grid's loads to within \(f.fixed(sweep.breakLoads[0].tolerance, 3))× (--tolerance).",
                                              "Chia đôi giữa các mức tải của lưới đến sai số \(f.fixed(sweep.breakLoads[0].tolerance, 3))× (--tolerance).")])),
                ]))
            }

            let curves = targets.enumerated().map { i, t in
                let estimates = sweep.points.map { i < $0.summary.targets.count ? $0.summary.targets[i].estimate : Estimate([]) }
                let (highest, first) = breaking(i)
                var curve = Curve(label: w.label(t) + " (" + w.threshold(t) + ")", mean: estimates.map(\.mean), low: estimates.map(\.low), high: estimates.map(\.high),
                                  threshold: t.threshold, breaksAt: highest == nil ? nil : first)
                curve.breakNote = highest == nil ? nil : guardNote(i, at: first, short: true)
                return curve
            }
            let marker: Double? = (loads.first.map { $0 <= 1 } ?? false) && (loads.last.map { $0 >= 1 } ?? false) ? 1 : nil
            var tidy: [[ReportCell]] = []
            for (i, t) in targets.enumerated() {
                for point in sweep.points where i < point.summary.targets.count {
                    let e = point.summary.targets[i]
                    tidy.append([.text(t.id), .value(point.load, .factor), .value(e.estimate.mean, .share),
                                 .interval(low: e.estimate.low, high: e.estimate.high, .share), .verdict(e.verdict)])
                }
            }
            document.sections.append(ReportSection(id: "curves", title: w("Each target against load", "Từng chỉ tiêu theo mức tải"), blocks: [
                .chart(.curves(id: "chart-sweep", xTitle: w("load (1.00× = the scenario's volumes)", "mức tải (1,00× = khối lượng của kịch bản)"),
                               yTitle: w("value", "giá trị"), x: loads, curves: curves, marker: marker)),
                .table(ReportTable(id: "curves", columns: [
                    ReportColumn("target", w("target", "chỉ tiêu")), ReportColumn("load", w("load", "mức tải")), ReportColumn("mean", w("value", "giá trị")),
                    ReportColumn("ci95", w("\(w.level(confidence)) CI", "KTC \(w.level(confidence))")), ReportColumn("verdict", w("verdict", "kết quả"))], rows: tidy, dataOnly: true)),
            ]))
        }

        let loadRows = sweep.points.map { point -> [ReportCell] in
            let busiest = point.summary.offices.max { $0.utilization.mean < $1.utilization.mean }
            let passing = point.summary.targets.filter { $0.verdict == .pass }.count
            return [.value(point.load, .factor), .value(point.summary.overall.onTimeRate.mean, .share),
                    .text("\(passing)/\(point.summary.targets.count)"),
                    .text(busiest.map { language.pick($0.office.name, $0.office.nameVi) } ?? ""), busiest.map { .value($0.utilization.mean, .share) } ?? .empty,
                    point.summary.gaveUpAtDeskShare.map { .value($0, .share) } ?? .empty]
                + (sequential ? [.value(Double(point.outcome.used), .count), .text(point.outcome.reason.explanation(in: language))] : [])
        }
        var blocks: [ReportBlock] = [.table(ReportTable(id: "loads", columns: [
            ReportColumn("load", w("load", "mức tải")), ReportColumn("on_time_all", w("on-time, all dossiers", "đúng hạn, tất cả hồ sơ")),
            ReportColumn("targets_passing", w("targets passing", "chỉ tiêu đạt")), ReportColumn("busiest_office", w("busiest office", "đơn vị bận nhất")),
            ReportColumn("busiest_busy", w("busy", "mức bận")),
            ReportColumn("gave_up_at_desk", language.couldNotFile),
        ] + (sequential ? [ReportColumn("replications", w("replications", "số lần chạy lặp")), ReportColumn("stopped", w("stopped because", "dừng vì"))] : []),
            rows: loadRows, notes: [deskGuardNote(language)]))]
        if let saturated = sweep.firstSaturated {
            let office = sweep.points.first?.summary.offices.first { $0.office.name == saturated.office }
            let name = office.map { language.pick($0.office.name, $0.office.nameVi) } ?? saturated.office
            blocks.append(.paragraph(w("First office to saturate (staff ≥ 95% busy): \(name) at \(load(saturated.load)).",
                                       "Đơn vị quá tải đầu tiên (cán bộ bận ≥ 95%): \(name) ở mức tải \(load(saturated.load)).")))
        } else {
            blocks.append(.paragraph(w("No office reaches 95% busy in this range.", "Không đơn vị nào bận đến 95% trong khoảng này.")))
        }
        document.sections.append(ReportSection(id: "loads", title: w("Load by load", "Theo từng mức tải"), blocks: blocks))
        return document
    }
}

/// The report of `motcua staff`: the recommended staffing, the value of every target asked
/// with it (and with one fewer where that fails), and the evaluations made. It claims only
/// the targets it was asked to meet.
public enum StaffDocument {
    /// - Parameters:
    ///   - asked: the `--target` values given (empty: every target of the scenario).
    public static func document(_ search: StaffingSearch, scenario: Scenario, asked: [String], provenance: Provenance,
                                language: Language) -> ReportDocument {
        let w = DocumentWords(language: language)
        func name(_ office: String) -> String {
            scenario.offices.first { $0.id == office }.map { language.pick($0.name, $0.nameVi) } ?? office
        }
        func instances(_ office: String) -> Int { max(1, scenario.offices.first { $0.id == office }?.instances.count ?? 1) }
        // Targets no staffing of these offices can reach are left out of the claim (with why).
        let setAside = Set(search.unreachable.map(\.target))
        let targets = (search.finalSummary?.targets ?? []).filter { !setAside.contains($0.id) }
        // The guard the search added is no target asked: counted apart (an outside review, #2).
        let askedTargets = targets.filter { $0.id != search.guardTarget?.id }
        let guardResult = targets.first { $0.id == search.guardTarget?.id }
        let scope = asked.isEmpty ? w("every target of the scenario", "mọi chỉ tiêu của kịch bản")
            : w("the targets asked (--target \(asked.joined(separator: ", ")))", "các chỉ tiêu được yêu cầu (--target \(asked.joined(separator: ", ")))")
        let searchedNames = search.bounds.map { name($0.office) }.joined(separator: ", ")
        // "20, 21 from 1 July 2024": an office's staff over the horizon, dated changes included.
        func datedText(_ dated: StaffingSearch.DatedStaff) -> String {
            ([String(dated.base)] + dated.changes.map { w("\($0.staff) from \(language.numbers.date($0.from))", "\($0.staff) từ \(language.numbers.date($0.from))") })
                .joined(separator: ", ")
        }
        func office(_ id: String) -> OfficeSpec? { scenario.offices.first { $0.id == id } }
        func isDated(_ id: String) -> Bool { !(office(id)?.staffChanges.isEmpty ?? true) }
        var headline: [String] = []
        func withReasons(_ left: [StaffingSearch.Unreachable]) -> String {
            left.map { language.pick($0.label, $0.labelVi) + " — " + language.pick($0.reason, $0.reasonVi) }.joined(separator: "; ") + "."
        }
        if search.solution == nil && !search.unreachable.isEmpty && askedTargets.isEmpty {
            // Undecided, or bounded by an office outside the search: not "no staffing" (an outside review, #2, #9).
            let phrase = search.unreachable.allSatisfy(\.isSettled)
                ? ("No staffing of the offices searched (\(searchedNames)) makes \(scope) pass: ",
                   "Không có biên chế nào của các đơn vị được tìm (\(searchedNames)) làm đạt \(scope): ")
                : StaffLeftOutWords.notShown(searchedNames, (scope, scope))
            headline.append(language.pick(phrase.0, phrase.1) + withReasons(search.unreachable))
        } else if let solution = search.solution {
            let changes = search.bounds.compactMap { b -> String? in
                let now = search.initial[b.office] ?? 0, needed = solution[b.office] ?? 0
                guard now != needed else { return nil }
                guard isDated(b.office), let spec = office(b.office) else { return "\(name(b.office)) \(now) → \(needed)" }
                return "\(name(b.office)) \(datedText(StaffingSearch.dated(spec))) → \(datedText(StaffingSearch.dated(spec, staff: needed)))"
                    + w(" (\(needed >= now ? "+" : "")\(needed - now) in every period)", " (\(needed >= now ? "+" : "")\(needed - now) ở mọi giai đoạn)")
            }
            let total = search.bounds.reduce(0) { $0 + ((solution[$1.office] ?? 0) - (search.initial[$1.office] ?? 0)) * instances($1.office) }
            headline.append(w("Smallest staffing found that makes \(scope) pass: ", "Biên chế nhỏ nhất tìm được để đạt \(scope): ")
                            + (changes.isEmpty ? w("today's staffing", "biên chế hiện nay") : changes.joined(separator: "; "))
                            + " (" + w("total change", "tổng thay đổi") + " " + (total >= 0 ? "+" : "") + "\(total)).")
            headline.append(w("With it: ", "Với biên chế này: ") + w.passing(askedTargets)
                            + (guardResult.map { $0.verdict == .pass ? w("; the guard the search added passes", "; ràng buộc do quá trình tìm thêm vào: đạt")
                                                                     : w("; the guard the search added does not pass", "; ràng buộc do quá trình tìm thêm vào: không đạt") } ?? "") + ".")
        } else {
            // Every target missing at the upper bounds only for want of replications: say so (an outside review, #9).
            if let undecided = onlyUndecided(askedTargets.isEmpty ? targets : askedTargets) {
                headline.append(language.pick(StaffLeftOutWords.undecidedAtHigh.0, StaffLeftOutWords.undecidedAtHigh.1)
                                + undecided.map { w.label($0.0) + " — " + language.pick($0.1.words.en, $0.1.words.vi) }.joined(separator: "; ") + ".")
            } else {
                headline.append(w("No staffing within the bounds makes \(scope) pass; at the upper bounds: ",
                                  "Không có biên chế nào trong giới hạn đạt \(scope); ở giới hạn trên: ") + w.passing(askedTargets.isEmpty ? targets : askedTargets) + ".")
            }
        }
        let settled = search.unreachable.filter(\.isSettled), unsettled = search.unreachable.filter { !$0.isSettled }
        if !settled.isEmpty && !askedTargets.isEmpty {
            headline.append(w("Left out, because no staffing of these offices reaches them: ", "Không xét, vì không biên chế nào của các đơn vị này đạt được: ")
                            + settled.map { language.pick($0.label, $0.labelVi) }.joined(separator: "; ") + ".")
        }
        if !unsettled.isEmpty && !askedTargets.isEmpty {
            headline.append(language.pick(StaffLeftOutWords.leftOutUnsettled.0, StaffLeftOutWords.leftOutUnsettled.1) + withReasons(unsettled))
        }
        if !asked.isEmpty {
            headline.append(w("Only these targets were asked; the scenario's other targets were not checked.",
                              "Chỉ xét các chỉ tiêu này; các chỉ tiêu khác của kịch bản không được kiểm tra."))
        }
        // A cut found on a horizon shorter than the deadlines, or a searched office that cannot keep
        // up at the staffing found, heads the answer; other short-horizon warnings close it (review 4 #12).
        let shortHorizon = search.finalSummary?.shortHorizon ?? []
        let lowers = search.solution.map { solution in
            search.bounds.contains { (solution[$0.office] ?? 0) < (search.initial[$0.office] ?? 0) }
        } ?? false
        if let unsafe = HorizonWarnings.unsafeStaffing(search.solution == nil ? nil : search.finalSummary,
                                                       searched: search.bounds.map(\.office), scenario: scenario, language: language) {
            headline.insert(unsafe, at: 0)
        }
        if lowers, let untrusted = HorizonWarnings.untrustedCut(HorizonWarnings.served(shortHorizon, by: search.bounds.map(\.office), in: scenario),
                                                                language: language) { headline.insert(untrusted, at: 0) }
        headline += HorizonWarnings.lines([shortHorizon], language: language)
        var document = ReportDocument(kind: "staff", title: w("Staffing search", "Tìm biên chế") + " — "
                                      + language.pick(provenance.scenarioName, provenance.scenarioNameVi),
                                      headline: headline, provenance: provenance, language: language)

        let staffRows = search.bounds.map { b -> [ReportCell] in
            let now = search.initial[b.office] ?? 0
            let needed = search.solution?[b.office]
            let label = name(b.office) + (instances(b.office) > 1 ? w(" (each of \(instances(b.office)))", " (mỗi đơn vị trong \(instances(b.office)))") : "")
            // An office with dated changes reads in the same form today and recommended (an outside review, #6).
            guard isDated(b.office), let spec = office(b.office) else {
                return [.text(label), .value(Double(now), .count), .text("\(b.low)–\(b.high)"),
                        needed.map { .value(Double($0), .count) } ?? .text("—"),
                        needed.map { .text(($0 >= now ? "+" : "") + String($0 - now)) } ?? .text("—")]
            }
            return [.text(label), .text(datedText(StaffingSearch.dated(spec))), .text("\(b.low)–\(b.high)"),
                    needed.map { .text(datedText(StaffingSearch.dated(spec, staff: $0))) } ?? .text("—"),
                    needed.map { .text(($0 >= now ? "+" : "") + String($0 - now) + w(" in every period", " ở mọi giai đoạn")) } ?? .text("—")]
        }
        var staffBlocks: [ReportBlock] = [.table(ReportTable(id: "staffing", columns: [
            ReportColumn("office", w("office", "đơn vị")), ReportColumn("now", w("now", "hiện nay")), ReportColumn("bounds", w("searched", "phạm vi tìm")),
            ReportColumn("recommended", w("recommended", "đề xuất")), ReportColumn("change", w("change", "thay đổi"))], rows: staffRows,
            notes: search.bounds.contains { isDated($0.office) }
                ? [w("Searched: the staff from the start of the horizon. An office with dated staff changes keeps them, each shifted by the same change (docs/model.md §7.8).",
                     "Phạm vi tìm: biên chế từ đầu kỳ. Đơn vị có thay đổi biên chế theo ngày giữ các thay đổi đó, mỗi giai đoạn cộng cùng một mức thay đổi (docs/model.md §7.8).")] : []))]
        // A floor raised above the one asked says why (an outside review, #2).
        for b in search.bounds {
            guard let targets = search.raisedFor[b.office], let asked = search.askedBounds.first(where: { $0.office == b.office }), asked.low < b.low else { continue }
            let words = StaffLeftOutWords.raisedFloor(office: name(b.office), asked: asked.low, raised: b.low, targets: targets)
            staffBlocks.append(.paragraph(language.pick(words.0, words.1)))
        }
        if let solution = search.solution {
            // The recommended run, exactly: the command's own options and the staffing's `--set` values.
            let settings = StaffingSearch.settings(solution, in: scenario)
            let replications = search.outcome?.used ?? provenance.replications
            let command = (["motcua run", provenance.file] + provenance.overlays.map { "--overlay \($0)" } + provenance.settings.map { "--set \($0)" }
                + [String(format: "--load %g", provenance.load), "--seed \(provenance.seed)", "--replications \(replications)"]
                + settings.map { "--set \($0)" }).joined(separator: " ")
            staffBlocks.append(.paragraph(settings.isEmpty
                ? w("The recommended staffing is today's: `\(command)` gives the figures below.", "Biên chế đề xuất là biên chế hiện nay: `\(command)` cho các số liệu dưới đây.")
                : w("To reproduce the recommended run (the figures below): `\(command)`", "Để chạy lại phương án đề xuất (các số liệu dưới đây): `\(command)`")))
            if !settings.isEmpty {
                staffBlocks.append(.table(ReportTable(id: "recommended_settings", columns: [ReportColumn("set", "--set")],
                                                      rows: settings.map { [.text($0)] }, dataOnly: true)))
            }
        }
        if let guardTarget = search.guardTarget {
            staffBlocks.append(.paragraph(w("Guard added, because no chosen target watches citizens who leave without a result: ",
                                            "Thêm điều kiện bảo vệ, vì không chỉ tiêu nào được chọn theo dõi người dân bỏ về không có kết quả: ")
                                          + language.pick(guardTarget.label, guardTarget.labelVi)))
        }
        if !search.unreachable.isEmpty {
            staffBlocks.append(.table(ReportTable(id: "unreachable", columns: [
                ReportColumn("target", w("target left out", "chỉ tiêu không xét")), ReportColumn("reason", w("why", "lý do"))],
                rows: search.unreachable.map { [.text(language.pick($0.label, $0.labelVi)), .text(language.pick($0.reason, $0.reasonVi))] },
                notes: [w("Tested at a very large staff of every office searched: a target that still does not pass there is decided by inputs or by offices not searched (the desks, when the desk guard fails it), not by the staff searched.",
                          "Đã thử với biên chế rất lớn ở mọi đơn vị được tìm: chỉ tiêu vẫn không đạt thì do tham số đầu vào hoặc do đơn vị không được tìm quyết định (bộ phận một cửa, khi ràng buộc một cửa làm nó không đạt), không do biên chế được tìm.")])))
        }
        if let solution = search.solution {
            let notMinimal = search.bounds.filter { search.minimality[$0.office] == false }.map { name($0.office) }
            // Offices at the lower bound of their search get no one-fewer trial: with none above
            // it, nothing was checked, and the report says so rather than "passed".
            let tried = search.bounds.contains { (solution[$0.office] ?? $0.low) > $0.low }
            let atLow = search.bounds.filter { (solution[$0.office] ?? $0.low) <= $0.low }.map { name($0.office) }.joined(separator: ", ")
            let unchecked = tried && !atLow.isEmpty ? language.pick(StaffLeftOutWords.notChecked(atLow).0, StaffLeftOutWords.notChecked(atLow).1) : ""
            staffBlocks.append(.paragraph(!tried
                ? w("Minimality check: not applicable — every office is at the lower bound of its search, so there was no one fewer to try.",
                    "Kiểm tra tối thiểu: không áp dụng — mọi đơn vị đều ở giới hạn dưới của phạm vi tìm, nên không có phương án bớt một người để thử.")
                : notMinimal.isEmpty
                ? w("Minimality check: with one fewer at any office (above its lower bound) some target does not pass.",
                    "Kiểm tra tối thiểu: bớt một người ở bất kỳ đơn vị nào (trên giới hạn dưới) thì có chỉ tiêu không đạt.") + unchecked
                : w("Minimality check FAILED at: ", "Kiểm tra tối thiểu KHÔNG ĐẠT tại: ") + notMinimal.joined(separator: ", ") + unchecked))
        }
        // One count, the table's (an outside review, #3): its rows, the distinct staffings among
        // them, and the replications simulated, which its column adds up to.
        staffBlocks.append(.paragraph(w("Search cost: \(search.evaluations) evaluations (the table below) of \(search.distinctStaffings) distinct staffings, \(search.simulatedReplications) replications simulated (its column \"simulated\" adds up to them; a row with none reuses replications run for an earlier row), \(search.storedReplications) reused from stored results.",
                                        "Chi phí tìm: \(search.evaluations) lần đánh giá (bảng dưới) trên \(search.distinctStaffings) phương án biên chế khác nhau, \(search.simulatedReplications) lần chạy lặp mô phỏng (cột \"mô phỏng\" cộng lại bằng số này; dòng bằng 0 dùng lại các lần chạy của dòng trước), \(search.storedReplications) lấy lại từ kết quả đã lưu.")
                                      + (search.outcome.map { $0.reason == .fixed ? "" : " " + w("Replications: \($0.used), stopped because \($0.reason.explanation).",
                                                                                                  "Số lần chạy lặp: \($0.used), dừng vì \($0.reason.explanationVi).") } ?? "")))
        document.sections.append(ReportSection(id: "staffing", title: w("Recommended staffing", "Biên chế đề xuất"), blocks: staffBlocks))

        let noneLeft = search.solution == nil && askedTargets.isEmpty && !search.unreachable.isEmpty
        // With every target asked left out, the table shows them at the very large staff, the reason above.
        let targetRows = (noneLeft ? search.finalSummary?.targets ?? [] : targets).map { t in
            w.targetCells(t) + [.value(t.estimate.mean, .share), .interval(low: t.estimate.low, high: t.estimate.high, .share), .verdict(t.verdict)]
        }
        document.sections.append(ReportSection(id: "targets", title: noneLeft ? w("Targets at a very large staff of the offices searched", "Chỉ tiêu khi các đơn vị được tìm có biên chế rất lớn")
                                                : search.solution == nil ? w("Targets at the upper bounds", "Chỉ tiêu ở giới hạn trên")
                                                : w("Targets with the recommended staffing", "Chỉ tiêu với biên chế đề xuất"), blocks: [
            .table(ReportTable(id: "targets", columns: w.targetColumns + [ReportColumn("value", w("value", "giá trị")),
                                                                           ReportColumn("ci95", w("95% CI", "KTC 95%")), ReportColumn("verdict", w("verdict", "kết quả"))],
                               rows: targetRows, notes: [w.verdictNote])),
        ]))

        // A staffing the desk guard holds is not a comfortable pass, however far its rates are
        // from their thresholds (review 3 #3): the gap cell gives the guard's share against its allowance.
        func gapCell(_ step: StaffingSearch.Step) -> ReportCell {
            guard let held = step.deskGuard else { return .value(step.worstGap, .points) }
            let f = language.numbers
            return .text(w("desk guard ", "ràng buộc một cửa ") + held.shown(f) + (held.verdict == .fail ? " > " : " ≈ ") + f.percent(DeskGuard.allowance, 0))
        }
        // The data outputs keep the gap a number, empty where the guard holds the row, and name
        // the guard in a column of its own: one column, one kind of value.
        func splitGap(_ table: ReportTable, gap: Int, steps: [StaffingSearch.Step?]) -> [ReportBlock] {
            var display = table, data = table
            display.displayOnly = true
            data.dataOnly = true
            data.columns.append(ReportColumn("held_by", w("held by", "bị giữ bởi")))
            data.rows = zip(table.rows, steps).map { row, step in
                guard let step, step.deskGuard != nil, gap < row.count else { return row + [.empty] }
                var row = row
                row[gap] = .empty
                return row + [gapCell(step)]
            }
            return [.table(display), .table(data)]
        }
        let guardGapNote = search.steps.contains { $0.deskGuard != nil }
            ? [w("Where the desk guard holds a target (docs/model.md §7.6), the gap column gives the guard's share of citizens in person who could not file against its allowance (> : its whole interval above; ≈ : straddling).",
                 "Khi ràng buộc một cửa quyết định một chỉ tiêu (docs/model.md §7.6), cột khoảng cách ghi tỷ lệ công dân đến trực tiếp không nộp được so với ngưỡng (> : cả khoảng tin cậy trên ngưỡng; ≈ : vắt qua ngưỡng).")] : []

        // One fewer, from the evaluations the search made (it tries each removal once all pass).
        if let solution = search.solution {
            let fewer = search.bounds.compactMap { b -> ([ReportCell], StaffingSearch.Step?)? in
                guard let needed = solution[b.office], needed > b.low else { return nil }
                var staffing = solution
                staffing[b.office] = needed - 1
                // The last evaluation of that staffing: a screen may come first, on fewer replications.
                guard let step = search.steps.last(where: { $0.staff == staffing }) else {
                    return ([.text(name(b.office)), .value(Double(needed - 1), .count), .text(w("not evaluated", "chưa đánh giá")), .empty], nil)
                }
                return ([.text(name(b.office)), .value(Double(needed - 1), .count), .text("\(step.passing)/\(step.judged)"), gapCell(step)], step)
            }
            let fewerRows = fewer.map(\.0)
            document.sections.append(ReportSection(id: "one-fewer", title: w("With one fewer", "Nếu bớt một người"), blocks: fewerRows.isEmpty
                ? [.paragraph(w("Every office is at the lower bound of its search.", "Mọi đơn vị đã ở giới hạn dưới của phạm vi tìm."))]
                : splitGap(ReportTable(id: "one_fewer", columns: [
                    ReportColumn("office", w("office", "đơn vị")), ReportColumn("staff", w("staff", "cán bộ")),
                    ReportColumn("targets_passing", w("targets passing", "chỉ tiêu đạt")),
                    ReportColumn("worst_gap", w("worst target's gap (pts)", "khoảng cách của chỉ tiêu kém nhất (điểm %)"))], rows: fewerRows,
                    notes: [w("From the evaluations of the search: one staff member fewer at that office, the others as recommended; the gap is the worst target's distance from its threshold.",
                              "Từ các lần đánh giá của quá trình tìm: bớt một cán bộ ở đơn vị đó, các đơn vị khác như đề xuất; khoảng cách là độ chênh của chỉ tiêu kém nhất so với ngưỡng.")] + guardGapNote),
                           gap: 3, steps: fewer.map(\.1))))
        }

        // One column per office searched, so a staffing reads across.
        let stepRows = search.steps.enumerated().map { i, step -> [ReportCell] in
            // The search's notes name an office by id ("+1 land-branch"): shown by its name.
            var note = step.note == "lower bounds" ? w("lower bounds", "giới hạn dưới") : step.note
            if let office = search.bounds.first(where: { step.note.hasSuffix(" " + $0.office) })?.office {
                note = String(step.note.dropLast(office.count)) + (search.bounds.count > 1 ? name(office) : "")
            }
            note = language.staffStepNote(note)
            return [.value(Double(i + 1), .count)] + search.bounds.map { .value(Double(step.staff[$0.office] ?? 0), .count) }
                + [.value(Double(step.replications), .count), .value(Double(step.simulated), .count),
                   .text("\(step.passing)/\(step.judged)"), gapCell(step), .text(note)]
        }
        document.sections.append(ReportSection(id: "evaluations", title: w("Evaluations made", "Các lần đánh giá") + " (\(search.steps.count))", blocks:
            splitGap(ReportTable(id: "evaluations", columns: [ReportColumn("step", "#")]
                + search.bounds.map { ReportColumn($0.office, name($0.office)) } + [
                ReportColumn("replications", w("replications", "số lần lặp")), ReportColumn("simulated", w("simulated", "mô phỏng")),
                ReportColumn("targets_passing", w("targets passing", "chỉ tiêu đạt")),
                ReportColumn("worst_gap", w("worst target's gap (pts)", "khoảng cách của chỉ tiêu kém nhất (điểm %)")),
                ReportColumn("note", w("step", "bước"))],
                rows: stepRows, notes: [w("Replications: those the evaluation summarises (the first ones of that staffing; a confirmation runs \(provenance.replications)); simulated: those run for it. Staff: from the start of the horizon. The gap is the least favourable end of the worst target's 95% interval less its threshold (negative: it misses).",
                                          "Số lần lặp: số lần chạy mà lần đánh giá tổng hợp (các lần đầu của phương án đó; xác nhận chạy \(provenance.replications) lần); mô phỏng: số lần chạy mới cho lần đánh giá đó. Biên chế: từ đầu kỳ. Khoảng cách là đầu bất lợi nhất của khoảng tin cậy 95% của chỉ tiêu kém nhất trừ ngưỡng (âm: chưa đạt)."),
                                        w("Screens (the very large staff, the bisection) run fewer; a staffing whose first replication misses a target stops there, as with at most 4 replications that already rules out PASS.",
                                          "Các lần sàng lọc (biên chế rất lớn, chia đôi) chạy ít lần hơn; biên chế có lần chạy đầu tiên đã trượt một chỉ tiêu thì dừng ở đó, vì với tối đa 4 lần lặp điều đó đã loại trừ kết quả ĐẠT.")] + guardGapNote),
                     gap: search.bounds.count + 4, steps: search.steps)))
        return document
    }
}

extension StaffDocument {
    /// The targets of `targets` that do not pass, each with what would decide it, when every one
    /// of them misses only for want of replications (``StaffingUndecided``); else nil.
    static func onlyUndecided(_ targets: [TargetResult]) -> [(TargetResult, StaffingUndecided)]? {
        let missing = targets.filter { $0.verdict != .pass }
        let undecided = missing.compactMap { t in StaffingUndecided.of(t).map { (t, $0) } }
        return !missing.isEmpty && undecided.count == missing.count ? undecided : nil
    }
}

/// The note under a table with the desk guard's column (sweep, compare): what the share is and
/// the allowance above which the on-time and late verdicts fail (docs/model.md §7.6).
func deskGuardNote(_ language: Language) -> String {
    let allowance = language.numbers.percent(DeskGuard.allowance, 0)
    return language.pick("\(language.couldNotFile): the share of the citizens who came to a desk in person who gave up in the queue or were sent home at closing; above \(allowance), \(DeskGuard.basis), the on-time and late verdicts fail (its whole interval above; AT RISK when the interval straddles it).",
                         "\(language.couldNotFile): tỷ lệ công dân đến trực tiếp phải bỏ về khi chờ hoặc về khi hết giờ; trên \(allowance), \(DeskGuard.basisVi), đánh giá đúng hạn, trễ hạn là không đạt (cả khoảng tin cậy trên ngưỡng; có rủi ro khi khoảng tin cậy vắt qua ngưỡng).")
}
