/// The back-test (docs/model.md §13.3) in every output of `run` and `merge`: each published
/// figure of the scenario next to the model's value, each with the days it covers, compared
/// (the baseline's interval holds the figure or not) only over the same days. Empty when the
/// scenario has no `backTest`.
enum BackTestReport {
    /// The comparison in words: the verdict when compared, else why not.
    static func verdict(_ r: BackTestResult, language: Language) -> String {
        let vi = language == .vi
        switch r.comparison {
        case .periodsDiffer: return vi ? "không so sánh: khác kỳ" : "not compared: periods differ"
        case .notKeptPerDay: return vi ? "không so sánh: chỉ tính được cho cả kỳ chạy" : "not compared: kept for the whole run only"
        case .samePeriod, .publishedWithinRun: break
        }
        switch r.reproduced {
        case .some(true): return vi ? "tái hiện được" : "reproduced"
        case .some(false):
            let higher = r.baseline.mean > r.figure.value
            return vi ? (higher ? "không: mô hình cao hơn" : "không: mô hình thấp hơn")
                      : (higher ? "missed: baseline higher" : "missed: baseline lower")
        case .none: return vi ? "một lần chạy: không có khoảng" : "one replication: no interval"
        }
    }

    /// The days the model's value covers, and what they are.
    static func modelPeriod(_ r: BackTestResult, language: Language) -> String {
        let days = modelDays(r, language: language)
        switch (r.comparison, language) {
        case (.publishedWithinRun, .vi): return days + " (kỳ công bố, từ số hồ sơ mỗi ngày)"
        case (.publishedWithinRun, _): return days + " (the published period, from the daily counts)"
        case (_, .vi): return days + " (các ngày được tính của lần chạy)"
        default: return days + " (the run's counted days)"
        }
    }

    static func modelDays(_ r: BackTestResult, language: Language) -> String {
        "\(language.numbers.date(r.modelFrom)) – \(language.numbers.date(r.modelTo))"
    }

    static func value(_ x: Double, _ measure: BackTestFigure.Measure, _ f: ReportNumbers) -> String {
        // Two decimals, as published (96.63%): with one, a figure just outside the interval reads as inside it.
        measure == .receivedPerDay ? f.meanCount(x) : f.percent(x, 2)
    }

    static func title(_ language: Language) -> String {
        language == .vi ? "Đối chiếu với số liệu đã công bố (docs/model.md §13.3)" : "Back-test against published figures (docs/model.md §13.3)"
    }

    /// The note under the table: what is compared with what.
    static func note(_ language: Language) -> String {
        language == .vi
            ? "Số liệu của mô hình chỉ được so với số công bố khi cùng kỳ (hoặc kỳ công bố nằm trong kỳ chạy và chỉ tiêu được đếm theo ngày); nếu không, hai số được nêu cạnh nhau, không kết luận."
            : "The model's figure is compared with the published one only over the same days (or when the published period lies inside the run and the measure is counted per day); otherwise both are shown, without a verdict."
    }

    // MARK: Text

    static func lines(_ results: [BackTestResult], language: Language) -> [String] {
        guard !results.isEmpty else { return [] }
        let vi = language == .vi
        let f = ReportNumbers(language: language)
        var lines = ["", title(language)]
        lines.append("  " + Format.pad(vi ? "Chỉ tiêu" : "Figure", 34) + Format.pad(vi ? "Kỳ công bố" : "Published period", 22)
                     + Format.right(vi ? "Công bố" : "Published", 11) + Format.right(vi ? "Mô hình" : "Model", 11)
                     + "   " + Format.pad(vi ? "KTC 95%" : "95% CI", 22) + (vi ? "Kết luận" : "Verdict"))
        for r in results {
            let m = r.figure.measure
            let ci = r.baseline.count > 1 ? "\(value(r.baseline.low, m, f)) … \(value(r.baseline.high, m, f))" : "—"
            let label = Format.wrapped(language.pick(r.figure.label, r.figure.labelVi), 34, indent: "    ")
            lines.append("  " + label.first + Format.pad(r.figure.period, 22) + Format.right(value(r.figure.value, m, f), 11)
                         + Format.right(value(r.baseline.mean, m, f), 11) + "   " + Format.pad(ci, 22) + verdict(r, language: language))
            lines += label.more
            lines.append("    ↳ " + (vi ? "mô hình: " : "model: ") + modelPeriod(r, language: language))
            lines += Format.wrap((vi ? "nguồn: " : "source: ") + language.pick(r.figure.source, r.figure.sourceVi), 110)
                .enumerated().map { ($0.offset == 0 ? "    ↳ " : "      ") + $0.element }
        }
        lines += Format.wrap(note(language), 98).map { "  " + $0 }
        return lines
    }

    // MARK: HTML

    /// The page's section (nil without published figures).
    static func section(_ results: [BackTestResult], language: Language) -> ReportSection? {
        guard !results.isEmpty else { return nil }
        let vi = language == .vi
        func t(_ en: String, _ viText: String) -> String { vi ? viText : en }
        let rows: [[ReportCell]] = results.map { r in
            let quantity: Quantity = r.figure.measure == .receivedPerDay ? .count : .share
            return [.text(language.pick(r.figure.label, r.figure.labelVi)), .text(r.figure.period), .value(r.figure.value, quantity),
                    .text(modelDays(r, language: language)), .value(r.baseline.mean, quantity),
                    r.baseline.count > 1 ? .interval(low: r.baseline.low, high: r.baseline.high, quantity) : .empty,
                    .text(verdict(r, language: language))]
        }
        // The sources under the table: in a column they would squeeze the figures.
        let sources = results.map { r in
            t("Source", "Nguồn") + " — " + language.pick(r.figure.label, r.figure.labelVi) + ": " + language.pick(r.figure.source, r.figure.sourceVi)
        }
        let modelNote = t("Model over: the run's counted days (after the warm-up), or the published period when the figure is computed from the daily counts.",
                          "Mô hình tính trên: các ngày được tính của lần chạy (sau thời gian khởi động), hoặc kỳ công bố khi số liệu được tính từ số hồ sơ mỗi ngày.")
        let columns = [ReportColumn("figure", t("figure", "chỉ tiêu")), ReportColumn("published_period", t("published period", "kỳ công bố")),
                       ReportColumn("published", t("published", "công bố")), ReportColumn("model_period", t("model over", "mô hình tính trên")),
                       ReportColumn("model", t("model", "mô hình")), ReportColumn("ci95", language.words.ci95),
                       ReportColumn("verdict", t("verdict", "kết luận"))]
        return ReportSection(id: "back-test", title: title(language), blocks: [
            .table(ReportTable(id: "back-test", columns: columns, rows: rows, notes: [note(language), modelNote], displayOnly: true)),
        ] + sources.map(ReportBlock.paragraph))
    }

    // MARK: CSV and JSON

    /// `back-test.csv`: one row per published figure, shares as fractions, volumes per day.
    static func table(_ results: [BackTestResult]) -> Table {
        func text(_ s: String?) -> TableCell { (s ?? "").isEmpty ? .empty : .text(s ?? "") }
        return Table(title: "back-test", headers: ["id", "label", "label_vi", "measure", "published_period", "published_from", "published_to",
                                                   "published_value", "model_from", "model_to", "model_mean", "ci95_low", "ci95_high",
                                                   "comparison", "reproduced", "source", "source_vi"],
                     rows: results.map { r in
                         let cell: (Double) -> TableCell = r.figure.measure == .receivedPerDay ? { .number($0) } : { .percent($0) }
                         let many = r.baseline.count > 1
                         return [text(r.figure.id), text(r.figure.label), text(r.figure.labelVi), text(r.figure.measure.rawValue),
                                 text(r.figure.period), .date(r.figure.from), .date(r.figure.to), cell(r.figure.value),
                                 .date(r.modelFrom), .date(r.modelTo), cell(r.baseline.mean),
                                 many ? cell(r.baseline.low) : .empty, many ? cell(r.baseline.high) : .empty,
                                 text(r.comparison.rawValue), text(r.reproduced.map { $0 ? "yes" : "no" }),
                                 text(r.figure.source), text(r.figure.sourceVi)]
                     })
    }

    /// The JSON report's `backTest`.
    static func json(_ results: [BackTestResult]) -> JSONValue {
        .array(results.map { r in
            .object([
                ("id", .string(r.figure.id)), ("label", .string(r.figure.label)),
                ("labelVi", r.figure.labelVi.map(JSONValue.string) ?? .null), ("measure", .string(r.figure.measure.rawValue)),
                ("published", .object([("period", .string(r.figure.period)), ("from", .string(r.figure.from.description)),
                                       ("to", .string(r.figure.to.description)), ("value", .number(r.figure.value))])),
                ("model", .object([("from", .string(r.modelFrom.description)), ("to", .string(r.modelTo.description))]
                                  + JSONReport.estimateMembers(r.baseline))),
                ("comparison", .string(r.comparison.rawValue)),
                ("reproduced", r.reproduced.map(JSONValue.bool) ?? .null),
                ("source", .string(r.figure.source)), ("sourceVi", r.figure.sourceVi.map(JSONValue.string) ?? .null),
            ])
        })
    }
}
