import Foundation

/// What a report was produced from, written into every output so that a saved variant report
/// cannot be mistaken for the base: the scenario, its overlays and `--set` values, the load
/// factor, the seed, replications and warm-up, the model version and the day produced.
///
/// The day, not the time: two runs with the same seed give byte-identical files on the same
/// day. `SOURCE_DATE_EPOCH` (seconds since 1970, the reproducible-builds convention) pins it.
public struct Provenance: Sendable, Equatable {
    public var scenarioName: String
    public var scenarioNameVi: String?
    /// The scenario file as the user named it.
    public var file: String
    /// ``Scenario/fingerprint`` of the scenario simulated (after overlays, settings and load).
    public var fingerprint: UInt64
    public var overlays: [String]
    /// The `--set` values as given (`path=value`).
    public var settings: [String]
    public var load: Double
    /// The load factors of a sweep (empty for one load).
    public var loads: [Double] = []
    public var seed: UInt64
    /// Replications of each evaluation.
    public var replications: Int
    public var warmUpDays: Int
    /// The level of the report's intervals: 0.95, or a sequential experiment's 1 − 0.05/K
    /// (review 2 #17: `--replications auto` spends the 5% over its K looks).
    public var confidence: Double = 0.95
    /// The looks over which a sequential experiment spent its 5% (1 for a fixed number).
    public var looks: Int = 1
    public var modelVersion: String
    public var produced: CivilDate

    public init(scenarioName: String, scenarioNameVi: String?, file: String, fingerprint: UInt64, overlays: [String], settings: [String],
                load: Double, seed: UInt64, replications: Int, warmUpDays: Int, modelVersion: String = simulatorModelVersion,
                produced: CivilDate) {
        self.scenarioName = scenarioName
        self.scenarioNameVi = scenarioNameVi
        self.file = file
        self.fingerprint = fingerprint
        self.overlays = overlays
        self.settings = settings
        self.load = load
        self.seed = seed
        self.replications = replications
        self.warmUpDays = warmUpDays
        self.modelVersion = modelVersion
        self.produced = produced
    }

    /// The day a report is produced: `SOURCE_DATE_EPOCH` when set to a whole number of seconds
    /// (so tests and reproducible pipelines pin it), else today in Ho Chi Minh City (UTC+7).
    public static func today(environment: [String: String] = ProcessInfo.processInfo.environment, now: Date = Date()) -> CivilDate {
        let seconds: Double
        if let pinned = environment["SOURCE_DATE_EPOCH"].flatMap({ Int64($0) }), pinned >= 0, pinned < 253_402_300_800 {
            seconds = Double(pinned)
        } else {
            seconds = now.timeIntervalSince1970 + 7 * 3600
        }
        return CivilDate(dayNumber: Int((seconds / 86_400).rounded(.down)))
    }

    /// The fingerprint as the results store and the slices write it.
    public var fingerprintText: String { String(fingerprint, radix: 16) }

    /// The provenance as label–value pairs in `language`, for the text, HTML and the sheet; the
    /// level only when it is not the usual 95%.
    public func items(_ language: Language) -> [(key: String, label: String, value: String)] {
        entries(language, level: looks > 1)
    }

    private func entries(_ language: Language, level: Bool) -> [(key: String, label: String, value: String)] {
        let vi = language == .vi
        let f = language.numbers
        let none = vi ? "không có" : "none"
        return [
            ("scenario", vi ? "Kịch bản" : "Scenario", language.pick(scenarioName, scenarioNameVi)),
            ("file", vi ? "Tệp kịch bản" : "Scenario file", file),
            ("fingerprint", vi ? "Mã nhận dạng" : "Fingerprint", fingerprintText),
            ("overlays", vi ? "Lớp thay đổi (--overlay)" : "Overlays (--overlay)", overlays.isEmpty ? none : overlays.joined(separator: ", ")),
            ("settings", vi ? "Giá trị đặt (--set)" : "Settings (--set)", settings.isEmpty ? none : settings.joined(separator: ", ")),
            ("load", vi ? "Hệ số tải" : "Load factor",
             loads.count > 1 ? f.fixed(loads[0], 2) + "× – " + f.fixed(loads[loads.count - 1], 2) + "× (" + String(loads.count) + (vi ? " mức)" : " loads)")
                 : f.fixed(load, 2) + "×"),
            ("seed", vi ? "Mã ngẫu nhiên" : "Seed", String(seed)),
            ("replications", vi ? "Số lần chạy lặp" : "Replications", String(replications)),
            ("warm_up_days", vi ? "Số ngày khởi động" : "Warm-up days", String(warmUpDays)),
        ] + (level ? [levelItem(language)] : []) + [
            ("model_version", vi ? "Phiên bản mô hình" : "Model version", modelVersion),
            ("produced", vi ? "Ngày lập" : "Produced", f.date(produced)),
        ]
    }

    /// "Intervals: 99.38% (5% spent over 8 looks, docs/experiments.md)": a sequential
    /// experiment's level, which a reader would otherwise take for 95%.
    func levelItem(_ language: Language) -> (key: String, label: String, value: String) {
        let level = language.numbers.percent(confidence, 2)
        return language == .vi
            ? ("level", "Khoảng tin cậy", "\(level) (5% chia cho \(looks) lần xem kết quả, docs/experiments.md)")
            : ("level", "Intervals", "\(level) (5% spent over \(looks) looks, docs/experiments.md)")
    }

    /// What a what-if changed (overlays, settings, load), in words; nil for the scenario as it is.
    public func whatChanged(_ language: Language) -> String? {
        let vi = language == .vi
        var parts: [String] = []
        if !overlays.isEmpty { parts.append((vi ? "lớp thay đổi " : "overlays ") + overlays.joined(separator: ", ")) }
        if !settings.isEmpty { parts.append("--set " + settings.joined(separator: ", ")) }
        if load != 1 && loads.isEmpty { parts.append((vi ? "hệ số tải " : "load ") + language.numbers.fixed(load, 2) + "×") }
        guard !parts.isEmpty else { return nil }
        return (vi ? "Phương án thay đổi so với kịch bản: " : "What-if, changed from the scenario: ") + parts.joined(separator: "; ")
    }

    /// The terminal's lines, at most `width` characters where an item allows: items joined by
    /// " · ", never broken inside one.
    public func lines(_ language: Language, width: Int = 98) -> [String] {
        var lines: [String] = []
        for item in items(language) where item.key != "scenario" {
            let text = "\(item.label): \(item.value)"
            if let last = lines.last, last.count + 3 + text.count <= width {
                lines[lines.count - 1] = last + " · " + text
            } else {
                lines.append(text)
            }
        }
        return lines
    }

    /// The provenance as a JSON object (dates ISO, the load and counts as numbers).
    public var json: JSONValue {
        .object([
            ("scenario", .string(scenarioName)),
            ("scenarioVi", scenarioNameVi.map(JSONValue.string) ?? .null),
            ("file", .string(file)),
            ("fingerprint", .string(fingerprintText)),
            ("overlays", .array(overlays.map(JSONValue.string))),
            ("settings", .array(settings.map(JSONValue.string))),
            ("load", .number(load)),
            ("loads", .array(loads.map(JSONValue.number))),
            ("seed", .integer(seed)),
            ("replications", .number(Double(replications))),
            ("warmUpDays", .number(Double(warmUpDays))),
            ("level", .number(confidence)),
            ("looks", .number(Double(looks))),
            ("modelVersion", .string(modelVersion)),
            ("produced", .string(produced.description)),
        ])
    }

    /// The provenance as a two-column table (`provenance.csv`, the workbook's `provenance` sheet).
    /// The level is a row of every table, as it is a key of every JSON, so that a reader of the
    /// data finds it beside the figures; the text and the page show it only when it is not 95%.
    public func table(_ language: Language) -> Table {
        Table(title: "provenance", headers: ["item", "value"],
              rows: entries(language, level: true).map { item in
                  let value: TableCell = switch item.key {
                  case "load": .number(load)
                  case "replications": .count(replications)
                  case "warm_up_days": .count(warmUpDays)
                  case "produced": .date(produced)
                  case "level": .number(confidence)
                  default: .text(item.value)
                  }
                  return [.text(item.key), value]
              })
    }
}

extension Provenance {
    /// This provenance with the level of `plan`'s intervals (95% for a fixed number).
    public func withLevel(of plan: ReplicationPlan) -> Provenance {
        var provenance = self
        provenance.confidence = plan.confidence
        provenance.looks = plan.looks.count
        return provenance
    }
}
