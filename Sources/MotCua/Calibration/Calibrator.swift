import Foundation

/// Fits a scenario to a district's own dossier records: yearly volumes, channel shares,
/// refusal shares and weekday, hour and month profiles per procedure, laid over a base
/// scenario that supplies what records cannot reveal (offices, staff, hours, routes).
/// Processing times are fitted too (the family chosen by the Kolmogorov–Smirnov distance) and
/// reported, so the planner can compare them with the route's times.
public struct Calibration: Sendable {
    /// What was fitted for one procedure.
    public struct Fit: Sendable {
        public let procedure: String
        public let records: Int
        public let yearlyVolume: Double
        public let onlineShare: Double
        public let postalShare: Double
        public let refusalShare: Double
        public let withdrawalShare: Double
        /// Share of dossiers asked to supplement at least once.
        public let supplementShare: Double
        public let weekday: [Double]?
        public let hour: [Double]?
        public let month: [Double]?
        /// Days from receipt to result, fitted: family, mean, sd, KS distance (nil with fewer than 30 results).
        public let processing: (family: String, mean: Double, sd: Double, ks: Double)?
    }

    public let fits: [Fit]
    /// Observed on-time rate per field (portal rule at the end of the export).
    public let observedOnTime: [(field: String, rate: Double, dossiers: Int)]
    /// Rows refused by the reader or skipped as likely typing errors. Rows of procedures the base
    /// scenario does not have are in ``unmapped`` (listed once, with the likely scenario ids).
    public var problems: [String] { rowProblems.map(\.english) }
    /// ``problems`` in both languages (`calibrate --lang vi`).
    public let rowProblems: [RecordProblem]
    /// The export's procedures that neither the scenario nor the map names, most rows first.
    public let unmapped: [ProcedureResolver.Unmapped]
    /// What the planner should know before trusting the fit (a period too short or too long).
    public let warnings: [String]
    /// ``warnings`` in Vietnamese, in the same order (`calibrate --lang vi`).
    public let warningsVi: [String]
    /// Rows used: the period's arrivals (``fits``) and the opening backlog.
    public let rowsUsed: Int
    /// Rows of the opening backlog per procedure (marked `backlog`, filed before the period):
    /// left out of volumes, shares and profiles, counted in the observed on-time rate.
    public let openingBacklog: [(procedure: String, dossiers: Int)]
    public let periodDays: Int
    /// The first day of the records.
    public let firstDay: CivilDate
    /// The base document with the fitted values laid over it.
    public let document: JSONValue

    /// Fits `records` over the base scenario document at `basePath`; the result will be written
    /// to `outPath`, so the base's relative file paths (holiday table, procedure table) are
    /// rewritten to stay valid from there.
    public init(records: RecordsFile, file: String, basePath: String, outPath: String,
                map: String? = nil) throws(ScenarioError) {
        var baseDocument = try ScenarioLoader.parseDocument(basePath)
        let baseDirectory = URL(fileURLWithPath: basePath).deletingLastPathComponent().standardizedFileURL
        let outDirectory = URL(fileURLWithPath: outPath).deletingLastPathComponent().standardizedFileURL
        if baseDirectory != outDirectory {
            for key in ["calendar.holidays", "procedureTable"] {
                let parts = key.split(separator: ".").map(String.init)
                let current = parts.count == 2 ? baseDocument[parts[0]]?[parts[1]] : baseDocument[parts[0]]
                if case .string(let relative)? = current, !relative.hasPrefix("/") {
                    let absolute = baseDirectory.appendingPathComponent(relative).standardizedFileURL.path
                    baseDocument = (try? baseDocument.setting(key, to: .string(absolute))) ?? baseDocument
                }
            }
        }
        let base = try ScenarioLoader.load(path: basePath)
        let resolver = try ProcedureResolver(procedures: base.procedures, mapPath: map)
        var problems = records.rowProblems
        let (kept, outliers) = Calibration.separatingOutlyingDates(records.rows)
        problems += outliers
        var byProcedure: [String: [DossierRow]] = [:]
        var backlogByProcedure: [String: [DossierRow]] = [:]
        var unknown: [String: [Int]] = [:]
        for var row in kept {
            if let id = resolver.id(of: row) {
                row.procedure = id
                // The opening backlog was filed before the period: counted as arrivals of it, it
                // inflated the volumes (by 25-44% on a 40-day log of the simulator's own).
                if row.backlog { backlogByProcedure[id, default: []].append(row) } else { byProcedure[id, default: []].append(row) }
            } else {
                unknown[resolver.label(of: row), default: []].append(row.row)
            }
        }
        unmapped = unknown.map { ProcedureResolver.Unmapped(label: $0.key, rows: $0.value, suggestions: resolver.suggestions(for: $0.key)) }
            .sorted { $0.rows.count != $1.rows.count ? $0.rows.count > $1.rows.count : $0.label < $1.label }
        openingBacklog = base.procedures.compactMap { procedure in
            backlogByProcedure[procedure.id].map { (procedure.id, $0.count) }
        }
        let all = byProcedure.values.flatMap { $0 }
        let backlogRows = backlogByProcedure.values.flatMap { $0 }
        let first = all.map(\.received).min() ?? Date()
        let last = all.map(\.received).max() ?? Date()
        let calendar = Calendar.vietnam
        let days = Swift.max(1, (calendar.dateComponents([.day], from: calendar.startOfDay(for: first), to: calendar.startOfDay(for: last)).day ?? 0) + 1)
        guard days <= Calibration.longestPeriod else {
            throw ScenarioError(file: file, issues: [ScenarioIssue(path: "received", message: "the records run over \(days) days, more than \(Calibration.longestPeriod / 366) years; check the years of the receipt dates")])
        }
        periodDays = days
        rowsUsed = all.count + backlogRows.count
        let c = calendar.dateComponents([.year, .month, .day], from: first)
        firstDay = CivilDate(year: c.year!, month: c.month!, day: c.day!) ?? CivilDate(dayNumber: 0)

        // Days of each weekday and month in the period: the exposure of every procedure alike.
        var weekdayDays = [Double](repeating: 0, count: 7), monthDays = [Double](repeating: 0, count: 12)
        var day = calendar.startOfDay(for: first)
        for _ in 0..<days {
            let c = calendar.dateComponents([.weekday, .month], from: day)
            weekdayDays[(c.weekday! + 5) % 7] += 1
            monthDays[c.month! - 1] += 1
            day = calendar.date(byAdding: .day, value: 1, to: day)!
        }
        var warnings: [String] = [], warningsVi: [String] = []
        if !all.isEmpty && days < Calibration.shortestFaithfulPeriod {
            warningsVi.append("dữ liệu chỉ có \(days) ngày: khối lượng năm được ngoại suy từ đó (× \(Format.decimal(365.25 / Double(days), decimals: 1, in: .vi)), theo ngày lịch: một kỳ có Tết hoặc tháng cao điểm làm khối lượng năm cao hoặc thấp hơn thực tế, trong khi kịch bản phân bổ khối lượng năm theo giờ mở cửa và hệ số tháng của năm), và phân bố theo thứ trong tuần và theo giờ dựa trên ít ngày; hãy xuất ít nhất \(Calibration.shortestFaithfulPeriod) ngày, tốt nhất là một năm")
            warnings.append("the records cover only \(days) days: yearly volumes are extrapolated from them (× \(Format.fixed(365.25 / Double(days), 1)), by calendar days: a period holding Tết or a busy month over- or under-states the year, while the scenario spreads a yearly volume over the year's open hours and month factors), and weekday and hour profiles rest on few days; export at least \(Calibration.shortestFaithfulPeriod) days, ideally a year")
        }
        if days > Calibration.longestFaithfulPeriod {
            warningsVi.append("dữ liệu có \(days) ngày (hơn hai năm): khối lượng được tính trung bình trên cả kỳ nên mất mức tăng giữa các năm; hãy xuất dữ liệu của năm gần nhất để lập kế hoạch")
            warnings.append("the records cover \(days) days (over two years): volumes are averaged over the whole period, so growth between the years is lost; export the last year for a plan")
        }
        self.warnings = warnings
        self.warningsVi = warningsVi

        var fits: [Fit] = []
        for procedure in base.procedures.map(\.id) {
            guard let rows = byProcedure[procedure], !rows.isEmpty else { continue }
            let n = Double(rows.count)
            let share = { (p: (DossierRow) -> Bool) in Double(rows.filter(p).count) / n }
            // Weekday and hour profiles: arrivals per calendar day of that kind, relative to the mean.
            var weekdayCounts = [Double](repeating: 0, count: 7)
            var hourCounts = [Double](repeating: 0, count: 24), monthCounts = [Double](repeating: 0, count: 12)
            for row in rows {
                let local = Int(row.received.timeIntervalSince1970) + RecordsFile.modernOffset
                if local >= RecordsFile.modernOffsetSince {
                    // Arithmetic rather than the calendar (a tenth of the time of a million-row export).
                    let date = CivilDate(dayNumber: local / 86_400)
                    weekdayCounts[date.weekday - 1] += 1
                    hourCounts[local % 86_400 / 3600] += 1
                    monthCounts[date.components.month - 1] += 1
                } else {
                    let c = calendar.dateComponents([.weekday, .hour, .month], from: row.received)
                    weekdayCounts[(c.weekday! + 5) % 7] += 1
                    hourCounts[c.hour!] += 1
                    monthCounts[c.month! - 1] += 1
                }
            }
            func relative(_ counts: [Double], _ exposure: [Double]) -> [Double] {
                let rates = zip(counts, exposure).map { $1 > 0 ? $0 / $1 : 0 }
                let covered = zip(rates, exposure).filter { $1 > 0 }.map(\.0)
                let mean = covered.reduce(0, +) / Double(Swift.max(covered.count, 1))
                return rates.map { mean > 0 ? ($0 / mean * 1000).rounded() / 1000 : 1 }
            }
            let enough = rows.count >= 200
            let hourMean = hourCounts.reduce(0, +) / 24
            let processing = Calibration.fitProcessing(rows.compactMap { row in
                row.finished.map { $0.timeIntervalSince(row.received) / 86_400 }
            })
            fits.append(Fit(procedure: procedure, records: rows.count, yearlyVolume: Swift.max(1, (n * 365.25 / Double(days)).rounded()),
                            onlineShare: share { $0.channel == .online }, postalShare: share { $0.channel == .postal },
                            refusalShare: share { $0.status == .refused }, withdrawalShare: share { $0.status == .withdrawn },
                            supplementShare: share { $0.supplements > 0 },
                            weekday: enough ? relative(weekdayCounts, weekdayDays) : nil,
                            hour: enough ? hourCounts.map { hourMean > 0 ? ($0 / hourMean * 1000).rounded() / 1000 : 1 } : nil,
                            month: enough && days >= 330 ? relative(monthCounts, monthDays) : nil,
                            processing: processing))
        }
        self.fits = fits

        var observed: [(String, Double, Int)] = []
        let fieldOf = Dictionary(uniqueKeysWithValues: base.procedures.map { ($0.id, $0.field) })
        // The on-time rate counts the opening backlog too, as the run's report does.
        let judged = all + backlogRows
        let end = judged.map { $0.finished ?? $0.received }.max() ?? last
        for field in base.fields.map(\.id) {
            let rows = judged.filter { fieldOf[$0.procedure] == field && $0.status != .refused && $0.status != .withdrawn }
            guard !rows.isEmpty else { continue }
            // In progress and on time: not yet due, and asked to supplement at most once (asked
            // again, a dossier is late whatever its date: docs/model.md, as the run counts it).
            let onTime = rows.filter { row in
                row.status == .onTime || (row.status == .inProgress && row.supplements <= 1 && (row.appointment.map { $0 >= end } ?? true))
            }.count
            observed.append((field, Double(onTime) / Double(rows.count), rows.count))
        }
        observedOnTime = observed
        self.rowProblems = problems

        let overlay: JSONValue = .object([("procedures", .array(fits.map { fit in
            var members: [(key: String, value: JSONValue)] = [
                ("id", .string(fit.procedure)),
                ("yearlyVolume", .number(fit.yearlyVolume)),
                ("online", .number((fit.onlineShare * 10_000).rounded() / 10_000)),
                ("postal", .number((fit.postalShare * 10_000).rounded() / 10_000)),
                ("refusal", .number((fit.refusalShare * 10_000).rounded() / 10_000)),
                ("source", .string("calibrated from \(file): \(fit.records) records over \(days) days")),
            ]
            if fit.weekday != nil || fit.hour != nil || fit.month != nil {
                var load: [(key: String, value: JSONValue)] = []
                if let m = fit.month { load.append(("month", .array(m.map(JSONValue.number)))) }
                if let w = fit.weekday { load.append(("weekday", .array(w.map(JSONValue.number)))) }
                if let h = fit.hour { load.append(("hour", .array(h.map(JSONValue.number)))) }
                members.append(("load", .object(load)))
            }
            return .object(members)
        }))])
        document = baseDocument.overlaid(with: overlay)
        try Calibration.checkValid(document, outPath: outPath)
    }

    /// Throws the loader's problems when `document`, written to `outPath`, would not be a valid
    /// scenario: calibrate never hands back a file that `validate` refuses.
    static func checkValid(_ document: JSONValue, outPath: String) throws(ScenarioError) {
        let directory = URL(fileURLWithPath: outPath).deletingLastPathComponent().standardizedFileURL.path
        do {
            _ = try ScenarioLoader.decode(Array(JSONWriter.text(document).utf8), file: outPath, directory: directory)
        } catch {
            throw ScenarioError(file: outPath, issues: error.issues.map {
                ScenarioIssue(path: $0.path, message: "\($0.message) (the calibrated scenario would not be valid, so it is not written)")
            })
        }
    }

    /// Records shorter than this many days are extrapolated to a year only with a warning.
    public static let shortestFaithfulPeriod = 28
    /// Records over more days than this (a century) are refused: their years are wrong.
    public static let longestPeriod = 36_600
    /// Records longer than this many days are averaged over the years only with a warning.
    public static let longestFaithfulPeriod = 731

    /// `rows` without those received far outside the period of the bulk of the records (a
    /// year typed 1800 or 2200), and a problem for each of those. The middle half of the
    /// receipt dates (25th to 75th percentile) is the bulk: a date more than twice its length
    /// plus a month before or after it is far outside. Quartiles, not extremes, so that even
    /// two mistyped years among fifty rows cannot widen the bulk.
    static func separatingOutlyingDates(_ rows: [DossierRow]) -> (kept: [DossierRow], problems: [RecordProblem]) {
        guard rows.count >= 4 else { return (rows, []) }
        let sorted = rows.map(\.received).sorted()
        let low = sorted[sorted.count / 4], high = sorted[sorted.count * 3 / 4]
        let margin = 2 * high.timeIntervalSince(low) + 31 * 86_400
        let earliest = low.addingTimeInterval(-margin), latest = high.addingTimeInterval(margin)
        guard sorted.first! < earliest || sorted.last! > latest else { return (rows, []) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = Calendar.vietnam.timeZone
        formatter.dateFormat = "dd/MM/yyyy"
        var kept: [DossierRow] = [], problems: [RecordProblem] = []
        for row in rows {
            if row.received < earliest || row.received > latest {
                problems.append(.outlyingDate(row.row, received: formatter.string(from: row.received), low: formatter.string(from: low),
                                               high: formatter.string(from: high)))
            } else {
                kept.append(row)
            }
        }
        return (kept, problems)
    }

    /// Fits exponential, lognormal, gamma and Weibull by moments and keeps the one closest to
    /// the data in Kolmogorov–Smirnov distance.
    static func fitProcessing(_ values: [Double]) -> (family: String, mean: Double, sd: Double, ks: Double)? {
        let data = values.filter { $0 > 0 }.sorted()
        guard data.count >= 30 else { return nil }
        let n = Double(data.count)
        let mean = data.reduce(0, +) / n
        let sd = (data.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)).squareRoot()
        let cv = sd / mean
        let k = 1 / (cv * cv)
        var weibullShape = 1.0
        // Weibull shape from the coefficient of variation (bisection on CV(k)).
        var low = 0.1, high = 20.0
        for _ in 0..<60 {
            let mid = (low + high) / 2
            let g1 = tgamma(1 + 1 / mid), g2 = tgamma(1 + 2 / mid)
            let c = (g2 - g1 * g1).squareRoot() / g1
            if c > cv { low = mid } else { high = mid }
            weibullShape = mid
        }
        let weibullScale = mean / tgamma(1 + 1 / weibullShape)
        let sigma2 = log(1 + cv * cv), mu = log(mean) - sigma2 / 2
        let candidates: [(String, (Double) -> Double)] = [
            ("exponential", { 1 - exp(-$0 / mean) }),
            ("lognormal", { x in 0.5 * erfc(-(log(x) - mu) / (sigma2 * 2).squareRoot()) }),
            ("gamma", { x in Calibration.regularizedGammaP(k, x * k / mean) }),
            ("weibull", { x in 1 - exp(-pow(x / weibullScale, weibullShape)) }),
        ]
        var best: (String, Double)?
        for (name, cdf) in candidates {
            var d = 0.0
            for (i, x) in data.enumerated() {
                let f = cdf(x)
                d = Swift.max(d, abs(f - Double(i) / n), abs(f - Double(i + 1) / n))
            }
            if best == nil || d < best!.1 { best = (name, d) }
        }
        return (best!.0, mean, sd, best!.1)
    }

    /// P(a, x), the regularized lower incomplete gamma function (series / continued fraction).
    static func regularizedGammaP(_ a: Double, _ x: Double) -> Double {
        guard x > 0 else { return 0 }
        let lnPrefix = a * log(x) - x - lgamma(a)
        if x < a + 1 {
            var sum = 1 / a, term = sum, ap = a
            for _ in 0..<500 { ap += 1; term *= x / ap; sum += term; if abs(term) < abs(sum) * 1e-14 { break } }
            return sum * exp(lnPrefix)
        }
        var b = x + 1 - a, c = 1 / 1e-300, d = 1 / b, h = d
        for i in 1...500 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b; if abs(d) < 1e-300 { d = 1e-300 }
            c = b + an / c; if abs(c) < 1e-300 { c = 1e-300 }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-14 { break }
        }
        return 1 - exp(lnPrefix) * h
    }
}

extension Calendar {
    /// The Gregorian calendar in Ho Chi Minh City time.
    static let vietnam: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")!
        return c
    }()
}
