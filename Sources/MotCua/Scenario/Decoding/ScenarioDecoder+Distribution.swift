// Distributions of times (service, lag, delays), in minutes or working days.
extension ScenarioDecoder {
    func decodeDistribution(_ value: JSONValue?, path: String, workingDay: Double) -> Distribution? {
        guard let value else { return nil }
        let keys: Set<String> = [
            "type", "unit", "value", "mean", "min", "max", "mode", "sd", "shape", "scale", "k", "values", "weights",
        ]
        guard let d = ObjectReader(value, path: path, diagnostics: diagnostics, keys: keys) else { return nil }
        let types = [
            "deterministic", "exponential", "uniform", "triangular", "normal", "lognormal", "gamma", "erlang",
            "weibull", "empirical",
        ]
        guard let type = d.choice("type", types) else { return nil }
        let unit = d.choice("unit", ["minutes", "hours", "workingDays"], required: false) ?? "minutes"
        let factor = unit == "hours" ? 60 : unit == "workingDays" ? workingDay : 1
        let needed: [String: [String]] = [
            "deterministic": ["value"], "exponential": ["mean"], "uniform": ["min", "max"],
            "triangular": ["min", "mode", "max"],
            "normal": ["mean", "sd"], "lognormal": ["mean", "sd"], "gamma": ["shape", "scale"], "erlang": ["k", "mean"],
            "weibull": ["shape", "scale"], "empirical": ["values", "weights"],
        ]
        let parameters = Set(needed[type]!)
        for key in keys.subtracting(["type", "unit"]).subtracting(parameters) where d.has(key) {
            diagnostics.report(d.child(key), "is not a parameter of a \(type) distribution; "
                               + "expected \(needed[type]!.joined(separator: ", "))")
        }
        let result: Distribution?
        switch type {
        case "deterministic":
            result = d.number("value", atLeast: 0).map { .deterministic(value: $0) }
        case "exponential":
            result = d.number("mean", above: 0).map { .exponential(mean: $0) }
        case "uniform":
            let a = d.number("min", atLeast: 0), b = d.number("max", atLeast: 0)
            if let a, let b, b <= a {
                diagnostics.report(d.child("max"),
                                   "expected max > min (\(ObjectReader.format(a))), found \(ObjectReader.format(b))")
                return nil
            }
            result = a.flatMap { a in b.map { .uniform(min: a, max: $0) } }
        case "triangular":
            let a = d.number("min", atLeast: 0), c = d.number("mode", atLeast: 0), b = d.number("max", atLeast: 0)
            if let a, let b, let c, !(a <= c && c <= b && a < b) {
                diagnostics.report(d.path, "expected min ≤ mode ≤ max with min < max, found "
                                   + "\(ObjectReader.format(a)), \(ObjectReader.format(c)), \(ObjectReader.format(b))")
                return nil
            }
            guard let a, let b, let c else { return nil }
            result = .triangular(min: a, mode: c, max: b)
        case "normal":
            let m = d.number("mean", above: 0), s = d.number("sd", atLeast: 0)
            result = m.flatMap { m in s.map { .normal(mean: m, sd: $0) } }
        case "lognormal":
            let m = d.number("mean", above: 0), s = d.number("sd", atLeast: 0)
            result = m.flatMap { m in s.map { .lognormal(mean: m, sd: $0) } }
        case "gamma":
            let k = d.number("shape", above: 0), t = d.number("scale", above: 0)
            result = k.flatMap { k in t.map { .gamma(shape: k, scale: $0) } }
        case "erlang":
            let k = d.integer("k", atLeast: 1, atMost: 1000), m = d.number("mean", above: 0)
            result = k.flatMap { k in m.map { .erlang(k: k, mean: $0) } }
        case "weibull":
            let k = d.number("shape", above: 0.05), l = d.number("scale", above: 0)
            result = k.flatMap { k in l.map { .weibull(shape: k, scale: $0) } }
        default:
            func numbers(_ key: String) -> [Double]? {
                d.array(key, nonEmpty: true)?.compactMap {
                    ObjectReader.number($0.value, path: $0.path, diagnostics: diagnostics, atLeast: 0)
                }
            }
            let values = numbers("values")
            let weights = numbers("weights")
            guard let values, let weights else { return nil }
            guard values.count == weights.count else {
                diagnostics.report(d.child("weights"),
                                   "expected as many weights as values (\(values.count)), found \(weights.count)")
                return nil
            }
            guard weights.reduce(0, +) > 0 else {
                diagnostics.report(d.child("weights"), "expected at least one positive weight")
                return nil
            }
            result = .empirical(EmpiricalTable(values: values, weights: weights))
        }
        return result?.scaled(by: factor)
    }
}
