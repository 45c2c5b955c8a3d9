// Rules that change on a date (docs/model.md §11): a procedure's deadline, and the
// district-wide policies, may carry dated versions; a dossier follows the version in force on
// its receipt date.
extension ScenarioDecoder {
    /// A procedure's `versions`: `[{ "from": DATE, "deadline": { "workingDays": N }, "source" }]`,
    /// in increasing date order.
    func decodeDeadlineVersions(_ p: ObjectReader) -> [DatedDeadline] {
        var versions: [DatedDeadline] = []
        for (path, value) in p.array("versions", required: false) ?? [] {
            guard let v = ObjectReader(value, path: path, diagnostics: diagnostics, keys: ["from", "deadline"]) else { continue }
            let from = ScenarioLoader.date(v, "from")
            var workingDays: Int?
            if let d = v.object("deadline", keys: ["workingDays"]) {
                workingDays = d.integer("workingDays", atLeast: 0, atMost: 3650)
            }
            if let from, let last = versions.last, from <= last.from {
                diagnostics.report(v.child("from"), "expected dates in increasing order; \(from) is not after \(last.from)")
            }
            if let from, let workingDays {
                diagnostics.dated(v.child("from"), .ruleVersion, from: from, to: from)
                versions.append(DatedDeadline(from: from, workingDays: workingDays,
                                              source: v.string("source", required: false)))
            }
        }
        return versions
    }

    /// The apology rules of `a` laid over `base`: a key left out keeps the base's value.
    func decodeApology(_ a: ObjectReader, over base: PolicySpec) -> PolicySpec {
        var policy = base
        policy.apologyOnTimeShare = a.share("onTimeShare", required: false) ?? base.apologyOnTimeShare
        policy.apologyLateShare = a.share("lateShare", required: false) ?? base.apologyLateShare
        policy.apologyExtensionWorkingDays = a.integer("extensionWorkingDays", required: false, atLeast: 1, atMost: 365)
            ?? base.apologyExtensionWorkingDays
        policy.apologySource = a.string("source", required: false) ?? base.apologySource
        policy.versions = []
        return policy
    }

    /// `policies.versions`: `[{ "from": DATE, "apology": {…}, "source" }]`, in increasing date
    /// order; each version changes what it names and keeps the rest of the one before it.
    func decodePolicyVersions(_ p: ObjectReader, base: PolicySpec) -> [DatedPolicy] {
        var versions: [DatedPolicy] = []
        for (path, value) in p.array("versions", required: false) ?? [] {
            guard let v = ObjectReader(value, path: path, diagnostics: diagnostics, keys: ["from", "apology"]) else { continue }
            let from = ScenarioLoader.date(v, "from")
            if let from, let last = versions.last, from <= last.from {
                diagnostics.report(v.child("from"), "expected dates in increasing order; \(from) is not after \(last.from)")
            }
            if !v.has("apology") {
                v.missing("apology", "the rules this version changes, e.g. {\"apology\": {\"extensionWorkingDays\": 5}}")
            }
            let previous = versions.last?.rules ?? base
            let rules = v.object("apology", required: false, keys: ["onTimeShare", "lateShare", "extensionWorkingDays"])
                .map { decodeApology($0, over: previous) } ?? previous
            if let from {
                diagnostics.dated(v.child("from"), .ruleVersion, from: from, to: from)
                versions.append(DatedPolicy(from: from, rules: rules, source: v.string("source", required: false)))
            }
        }
        return versions
    }
}
