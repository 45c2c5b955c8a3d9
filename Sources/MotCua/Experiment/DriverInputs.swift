import Foundation

/// An input of a scenario whose effect on the targets `motcua drivers` measures: a staff
/// count, a yearly volume, a share, a lag or an opening backlog, with the source the scenario
/// gives for it.
///
/// A value's source is the `source` text of the innermost object around it that has one (an
/// office's staff takes the office's source, a step's repeat share the supplement's). It is an
/// assumption when that text starts with "assumption".
public struct DriverInput: Sendable, Equatable {
    /// What kind of value it is, which decides how it is changed (``DriverStep``).
    public enum Kind: String, Sendable, CaseIterable {
        case staff, volume, share, lag, backlog
    }

    /// The JSON path of the value (`offices.land-branch.staff`), as `--set` takes it.
    public let id: String
    public let name: String
    public let nameVi: String
    public let kind: Kind
    /// The source text that covers the value, nil when none does.
    public let source: String?
    /// Whose source that is: the value's own object's (a lag, a supplement, a backlog entry, a
    /// policy), or only the procedure's, office's or step's that holds it — a text about the
    /// whole procedure or office, not about this value.
    public let sourceScope: SourceScope
    /// The source in Vietnamese (`sourceVi` beside that `source`), nil when the scenario gives none.
    public var sourceVi: String? = nil
    /// The value in the scenario: the staff count, dossiers a year, the share, the lag's mean
    /// (in its unit) or the backlog's count.
    public let value: Double
    /// The numbers changed together: a staff count with its dated changes and the wards' own
    /// counts; a lag's every parameter of scale (mean and sd, min and max…).
    let leaves: [Leaf]
    /// Highest valid value of a share (a repeat share stops at 0.95).
    let shareLimit: Double
    /// What the input belongs to: a procedure's or an office's id; nil for a policy of every
    /// procedure. Decides which targets it can reach (``DriversAnalysis``).
    let owner: Owner?
    /// The group it is screened in (``DriversAnalysis``): inputs whose step moves a timing
    /// target the same way, so that the group's effect bounds each member's.
    let screenGroup: ScreenGroup
    /// The value the rules set for it, when they set one: tried as a change of its own.
    public var legal: LegalValue? = nil

    /// A value the rules set for an input, and the rule (docs/experiments.md, "Legal values").
    public struct LegalValue: Sendable, Equatable {
        public let value: Double
        /// The rule, for the data outputs: "Decree 61/2018 …".
        public let rule: String

        /// A repeat share's: the desk guides once (Decree 61/2018, the one-request rule), so no
        /// dossier is asked to supplement a second time.
        static let oneRequest = LegalValue(value: 0, rule: "Decree 61/2018/NĐ-CP: the desk guides once; a second supplement request is not allowed")
        /// The apology's in-time share: every late dossier gets its apology (Form 04) before the deadline.
        static let apologyInTime = LegalValue(value: 1, rule: "Decree 61/2018/NĐ-CP: every late dossier is apologised (Form 04) before its deadline")
    }

    /// Which object's `source` covers a value (``DriverInput/sourceScope``).
    public enum SourceScope: String, Sendable {
        /// The value's own object (a lag, a supplement, the incomplete check, a backlog entry, a policy…).
        case own
        /// Only the procedure, office or step that holds the value, or the scenario as a whole.
        case procedure, office, step, scenario
        /// No source covers it.
        case none
    }

    enum Owner: Sendable, Equatable {
        case procedure(String)
        case office(String)
    }

    /// A screening group: its key (members share it) and its name in both languages.
    struct ScreenGroup: Sendable, Equatable {
        let key: String
        let name: String
        let nameVi: String

        /// Every staff count: more staff serve sooner.
        static let staff = ScreenGroup(key: "staff", name: "Staff of every office", nameVi: "Số cán bộ của mọi cơ quan")
        /// The apology policy's shares (they move the apology targets only).
        static let apology = ScreenGroup(key: "apology", name: "Apology letters", nameVi: "Thư xin lỗi")

        /// A field's volumes, backlog, incomplete and supplement shares, and lags: more work or
        /// longer waits for that field's dossiers.
        static func load(field: String, name: String, nameVi: String) -> ScreenGroup {
            ScreenGroup(key: "load/" + field, name: "Work and waits of \(name)", nameVi: "Khối lượng và thời gian chờ của \(nameVi)")
        }

        /// One share of every procedure (the online share, the refusal share…).
        static func share(_ key: String, name: String, nameVi: String) -> ScreenGroup {
            ScreenGroup(key: "share/" + key, name: name + " of every procedure", nameVi: nameVi + " của mọi thủ tục")
        }
    }

    struct Leaf: Sendable, Equatable {
        let path: String
        let value: Double
    }

    /// Whether the scenario marks the value as an assumption.
    public var isAssumption: Bool { Self.isAssumption(source) }

    /// Whether a source text marks its values as assumptions.
    public static func isAssumption(_ source: String?) -> Bool {
        source?.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("assumption") ?? false
    }
}

/// How far `drivers` moves each kind of input, in both directions.
public struct DriverStep: Sendable, Equatable {
    /// Relative change of volumes, shares, lags and backlogs (0.2 = ±20%).
    public var relative: [DriverInput.Kind: Double]
    /// Staff: a whole number of staff, or (when `staffShare` is set) that share of the count,
    /// rounded, at least 1.
    public var staffCount: Int
    public var staffShare: Double?

    /// ±20% for volumes, shares, lags and backlogs; ±1 staff.
    public static let standard = DriverStep(relative: [.volume: 0.2, .share: 0.2, .lag: 0.2, .backlog: 0.2], staffCount: 1, staffShare: nil)

    public init(relative: [DriverInput.Kind: Double], staffCount: Int, staffShare: Double?) {
        self.relative = relative
        self.staffCount = staffCount
        self.staffShare = staffShare
    }

    /// The step with one `--step` item applied: `20%` (every relative kind), `KIND=P%` or
    /// `staff=N`; nil when the item is not one of these.
    public func applying(_ item: String) -> DriverStep? {
        func percent(_ text: Substring) -> Double? {
            guard text.hasSuffix("%"), let p = Double(text.dropLast()), p > 0, p < 100 else { return nil }
            return p / 100
        }
        var step = self
        let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        if parts.count == 1 {
            guard let p = percent(parts[0]) else { return nil }
            for kind in relative.keys { step.relative[kind] = p }
            return step
        }
        guard let kind = DriverInput.Kind(rawValue: String(parts[0])) else { return nil }
        if kind == .staff {
            if let p = percent(parts[1]) {
                step.staffShare = p
            } else if let n = Int(parts[1]), (1...1000).contains(n) {
                step.staffCount = n
                step.staffShare = nil
            } else {
                return nil
            }
        } else {
            guard let p = percent(parts[1]) else { return nil }
            step.relative[kind] = p
        }
        return step
    }

    /// How a user writes the step, for the report: "volume, share, lag, backlog ±20%; staff ±1".
    public var description: String { DriversDocument.stepText(self, .en) }
}

extension Format {
    /// 0.2 as "20%", 0.125 as "12.5%".
    static func plainPercent(_ share: Double) -> String {
        let p = (share * 1000).rounded() / 10
        return (p == p.rounded() ? String(Int(p)) : String(p)) + "%"
    }
}

/// One change of an input: lower, higher, (an opening backlog) removed, or (an input the rules
/// set) to its legal value.
public struct DriverChange: Sendable, Equatable {
    public enum Direction: String, Sendable, CaseIterable {
        case lower, higher, removed, legal

        /// Whether the change is screened alone rather than with its group: it is no step of a
        /// size shared by the group (a backlog's removal, a legal value).
        public var runsAlone: Bool { self == .removed || self == .legal }
    }

    public let direction: Direction
    /// The changed value, in the unit of ``DriverInput/value``.
    public let value: Double
    /// "−20%", "+1", "removed", "legal value".
    public let label: String
    /// The new numbers, by JSON path.
    let edits: [DriverInput.Leaf]
}

extension DriverInput {
    /// The changes `step` makes to this input; a direction that would leave the valid range
    /// unchanged (a share of 0 lowered, one staff member removed from one) is left out. An input
    /// with a legal value other than its own also gets that value (``LegalValue``).
    public func changes(_ step: DriverStep) -> [DriverChange] {
        var changes: [DriverChange] = []
        switch kind {
        case .staff:
            let base = Int(value.rounded())
            let delta = step.staffShare.map { Swift.max(1, Int((Double(base) * $0).rounded())) } ?? step.staffCount
            for (direction, signed) in [(DriverChange.Direction.lower, -delta), (.higher, delta)] {
                let edits = leaves.map { Leaf(path: $0.path, value: Swift.min(Double(StaffingSearch.maximumStaff), Swift.max(1, $0.value + Double(signed)))) }
                guard let main = edits.first?.value, main != value else { continue }
                changes.append(DriverChange(direction: direction, value: main, label: (signed > 0 ? "+" : "−") + String(delta), edits: edits))
            }
        case .volume, .share, .lag, .backlog:
            let p = step.relative[kind] ?? 0.2
            for (direction, factor) in [(DriverChange.Direction.lower, 1 - p), (.higher, 1 + p)] {
                let edits = leaves.map { leaf -> Leaf in
                    switch kind {
                    case .share: return Leaf(path: leaf.path, value: Swift.min(shareLimit, Swift.max(0, leaf.value * factor)))
                    case .backlog: return Leaf(path: leaf.path, value: (leaf.value * factor).rounded())
                    default: return Leaf(path: leaf.path, value: leaf.value * factor)
                    }
                }
                let main = kind == .lag ? value * factor : (edits.first?.value ?? value)
                guard edits != leaves else { continue }
                changes.append(DriverChange(direction: direction, value: main,
                                            label: (factor > 1 ? "+" : "−") + Format.plainPercent(p), edits: edits))
            }
            if kind == .backlog && value > 0 {
                changes.append(DriverChange(direction: .removed, value: 0, label: "removed",
                                            edits: leaves.map { Leaf(path: $0.path, value: 0) }))
            }
        }
        if let legal, legal.value != value {
            changes.append(DriverChange(direction: .legal, value: legal.value, label: "legal value",
                                        edits: leaves.map { Leaf(path: $0.path, value: legal.value) }))
        }
        return changes
    }
}

/// Finds the inputs of a scenario document (after its overlays and settings).
public enum DriverInputs {
    /// Which inputs `drivers` varies.
    public enum Selection: String, Sendable {
        /// Every value whose source is an assumption.
        case assumptions
        /// Every staff count, volume, share, lag and backlog.
        case all
    }

    /// The inputs of `document` in scenario order: offices, then procedures, the opening
    /// backlog and the apology policy.
    public static func find(in document: JSONValue, selection: Selection) -> [DriverInput] {
        let root = Node(value: document, path: "", source: nil, sourceHolder: "")
        var inputs: [DriverInput] = []
        let officeNames = Dictionary(root.elements("offices").compactMap { o in o.string("id").map { ($0, (o.string("name") ?? $0, o.string("nameVi"))) } },
                                     uniquingKeysWith: { first, _ in first })
        let procedures = root.elements("procedures")
        let fieldNames = Dictionary(root.elements("fields").compactMap { f in f.string("id").map { ($0, (f.string("name") ?? $0, f.string("nameVi"))) } },
                                    uniquingKeysWith: { first, _ in first })
        func load(_ procedure: Node?) -> DriverInput.ScreenGroup {
            let field = procedure?.string("field") ?? "?"
            let name = fieldNames[field] ?? (field, nil)
            return .load(field: field, name: name.0, nameVi: name.1 ?? name.0)
        }

        for office in root.elements("offices") {
            guard let id = office.string("id"), let staff = office.child("staff"), let count = staff.number, count >= 1 else { continue }
            var leaves = [DriverInput.Leaf(path: staff.path, value: count)]
            for change in office.elements("staffChanges") {
                if let s = change.child("staff"), let n = s.number { leaves.append(.init(path: s.path, value: n)) }
            }
            let instances = office.elements("instances")
            for instance in instances {
                if let s = instance.child("staff"), let n = s.number { leaves.append(.init(path: s.path, value: n)) }
            }
            let name = office.string("name") ?? id, nameVi = office.string("nameVi") ?? name
            let each = instances.isEmpty ? ("", "") : (" (each of \(instances.count))", " (mỗi đơn vị trong \(instances.count))")
            inputs.append(DriverInput(id: staff.path, name: "\(name): staff\(each.0)", nameVi: "\(nameVi): số cán bộ\(each.1)",
                                      kind: .staff, source: staff.source, sourceScope: staff.sourceScope, sourceVi: staff.sourceVi, value: count, leaves: leaves, shareLimit: 1, owner: .office(id),
                                      screenGroup: .staff))
        }

        for procedure in procedures {
            let name = procedure.string("name") ?? procedure.string("id") ?? "?"
            let nameVi = procedure.string("nameVi") ?? name
            let owner = procedure.string("id").map(DriverInput.Owner.procedure)
            let workAndWaits = load(procedure)
            func add(_ node: Node?, _ kind: DriverInput.Kind, _ what: String, _ whatVi: String, limit: Double = 1,
                     group: DriverInput.ScreenGroup? = nil, legal: DriverInput.LegalValue? = nil) {
                guard let node, var input = input(node, kind, name: "\(name): \(what)", nameVi: "\(nameVi): \(whatVi)",
                                                  limit: limit, owner: owner, group: group ?? workAndWaits) else { return }
                input.legal = legal
                inputs.append(input)
            }
            func share(_ key: String, _ what: String, _ whatVi: String) -> DriverInput.ScreenGroup {
                .share(key, name: what.prefix(1).uppercased() + what.dropFirst(), nameVi: whatVi.prefix(1).uppercased() + whatVi.dropFirst())
            }
            add(procedure.child("yearlyVolume"), .volume, "yearly volume", "số hồ sơ một năm")
            for (key, what, whatVi) in [("online", "online share", "tỷ lệ nộp trực tuyến"), ("postal", "postal share", "tỷ lệ nộp qua bưu chính"),
                                        ("refusal", "refusal share", "tỷ lệ từ chối tiếp nhận"), ("priorityShare", "priority share", "tỷ lệ ưu tiên")] {
                add(procedure.child(key), .share, what, whatVi, group: share(key, what, whatVi))
            }
            let incomplete = procedure.child("incomplete")
            add(incomplete?.child("share"), .share, "incomplete at the desk", "tỷ lệ hồ sơ chưa đầy đủ")
            add(incomplete?.child("returnShare"), .share, "incomplete: share that comes back", "hồ sơ chưa đầy đủ: tỷ lệ quay lại")
            add(incomplete?.child("returnDelay"), .lag, "incomplete: time to come back", "hồ sơ chưa đầy đủ: thời gian quay lại")
            for (path, what, whatVi) in [(["digitization", "share"], "digitization share", "tỷ lệ số hóa"),
                                         (["fee", "ePaymentShare"], "e-payment share", "tỷ lệ thanh toán trực tuyến"),
                                         (["withdrawal", "share"], "withdrawal share", "tỷ lệ rút hồ sơ"),
                                         (["result", "electronicShare"], "results sent electronically", "tỷ lệ trả kết quả điện tử"),
                                         (["result", "postalShare"], "results sent by post", "tỷ lệ trả kết quả qua bưu chính")] {
                add(procedure.child(path[0])?.child(path[1]), .share, what, whatVi, group: share(path.joined(separator: "."), what, whatVi))
            }
            for (j, step) in procedure.elements("steps").enumerated() {
                let office = step.string("office").map { officeNames[$0] ?? ($0, nil) }
                let at = "step \(j + 1) (\(office?.0 ?? "?"))", atVi = "bước \(j + 1) (\(office?.1 ?? office?.0 ?? "?"))"
                add(step.child("lag"), .lag, "\(at) lag", "\(atVi) thời gian chờ cố định")
                let supplement = step.child("supplement")
                add(supplement?.child("share"), .share, "\(at) supplement requests", "\(atVi) tỷ lệ yêu cầu bổ sung")
                add(supplement?.child("repeatShare"), .share, "\(at) asked again after supplementing",
                    "\(atVi) tỷ lệ yêu cầu bổ sung lần nữa", limit: 0.95, legal: .oneRequest)
                add(supplement?.child("delay"), .lag, "\(at) citizen's time to supplement", "\(atVi) thời gian công dân bổ sung")
            }
        }

        for entry in root.elements("backlog") {
            guard let procedure = entry.string("procedure"), let count = entry.child("count") else { continue }
            let spec = procedures.first { $0.string("id") == procedure }
            let name = spec?.string("name") ?? procedure, nameVi = spec?.string("nameVi") ?? name
            if let input = input(count, .backlog, name: "Opening backlog: \(name)", nameVi: "Hồ sơ tồn đầu kỳ: \(nameVi)",
                                 owner: .procedure(procedure), group: load(spec)) {
                inputs.append(input)
            }
        }

        let apology = root.child("policies")?.child("apology")
        for (key, what, whatVi) in [("onTimeShare", "apologised in time", "xin lỗi đúng hạn"), ("lateShare", "apologised late", "xin lỗi muộn")] {
            if let node = apology?.child(key),
               var input = input(node, .share, name: "Apology letters: \(what)", nameVi: "Thư xin lỗi: \(whatVi)", owner: nil,
                                 group: .apology) {
                if key == "onTimeShare" { input.legal = .apologyInTime }
                inputs.append(input)
            }
        }
        return selection == .all ? inputs : inputs.filter(\.isAssumption)
    }

    /// The input at `node`: a number, or for a lag a distribution whose parameters of scale
    /// move together.
    private static func input(_ node: Node, _ kind: DriverInput.Kind, name: String, nameVi: String, limit: Double = 1,
                              owner: DriverInput.Owner?, group: DriverInput.ScreenGroup) -> DriverInput? {
        if kind == .lag {
            let scaleKeys = ["value", "mean", "sd", "min", "mode", "max", "scale"]
            var leaves = scaleKeys.compactMap { key in node.child(key).flatMap { c in c.number.map { DriverInput.Leaf(path: c.path, value: $0) } } }
            for (k, v) in node.elements("values").enumerated() {
                if let x = v.number { leaves.append(.init(path: "\(node.path).values.\(k)", value: x)) }
            }
            guard !leaves.isEmpty else { return nil }
            let units = ["workingDays": ("working days", "ngày làm việc"), "hours": ("hours", "giờ"), "minutes": ("minutes", "phút")]
            let unit = units[node.string("unit") ?? "minutes"] ?? ("minutes", "phút")
            let shown = node.child("mean")?.number ?? node.child("value")?.number
                ?? node.child("min")?.number.flatMap { a in node.child("max")?.number.map { (a + $0) / 2 } } ?? leaves[0].value
            return DriverInput(id: node.path, name: name + " (\(unit.0))", nameVi: nameVi + " (\(unit.1))", kind: kind, source: node.source,
                               sourceScope: node.sourceScope, sourceVi: node.sourceVi, value: shown, leaves: leaves, shareLimit: limit, owner: owner, screenGroup: group)
        }
        guard let x = node.number else { return nil }
        return DriverInput(id: node.path, name: name, nameVi: nameVi, kind: kind, source: node.source, sourceScope: node.sourceScope, sourceVi: node.sourceVi, value: x,
                           leaves: [.init(path: node.path, value: x)], shareLimit: limit, owner: owner, screenGroup: group)
    }

    /// A place in the document: its value, its `--set` path and the source that covers it.
    private struct Node {
        let value: JSONValue
        let path: String
        let source: String?
        /// The path of the object whose `source` that is.
        let sourceHolder: String?
        /// That object's `sourceVi`.
        let sourceVi: String?

        init(value: JSONValue, path: String, source: String?, sourceHolder: String? = nil, sourceVi: String? = nil) {
            self.value = value
            self.path = path
            if case .string(let own)? = value["source"] {
                self.source = own
                self.sourceHolder = path
                if case .string(let vi)? = value["sourceVi"] { self.sourceVi = vi } else { self.sourceVi = nil }
            } else {
                self.source = source
                self.sourceHolder = sourceHolder
                self.sourceVi = sourceVi
            }
        }

        /// Whose source covers this value: an object holding several values (the scenario, a
        /// procedure, an office, a step) speaks for all of them, not for this one.
        var sourceScope: DriverInput.SourceScope {
            guard source != nil, let holder = sourceHolder else { return .none }
            let parts = holder.split(separator: ".")
            switch (parts.first, parts.count) {
            case (nil, _): return .scenario
            case ("procedures"?, 2): return .procedure
            case ("offices"?, 2): return .office
            case ("procedures"?, 4) where parts[2] == "steps": return .step
            default: return .own
            }
        }

        func string(_ key: String) -> String? {
            if case .string(let s)? = value[key] { return s }
            return nil
        }

        var number: Double? { value.numberValue }

        func child(_ key: String) -> Node? {
            value[key].map { Node(value: $0, path: path.isEmpty ? key : "\(path).\(key)", source: source, sourceHolder: sourceHolder, sourceVi: sourceVi) }
        }

        /// The elements of the array under `key`, each named by its id when the id can stand
        /// in a path, by its position otherwise.
        func elements(_ key: String) -> [Node] {
            guard let array = child(key), case .array(let elements) = array.value else { return [] }
            return elements.enumerated().map { k, element in
                var segment = String(k)
                if case .string(let id)? = element["id"], !id.isEmpty, !id.contains("."), Int(id) == nil { segment = id }
                return Node(value: element, path: "\(array.path).\(segment)", source: array.source, sourceHolder: array.sourceHolder,
                            sourceVi: array.sourceVi)
            }
        }
    }
}
