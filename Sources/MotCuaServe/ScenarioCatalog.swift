import Foundation
import MotCua

/// The scenarios the workbench offers and the overlays saved from it. A request names a
/// scenario by its id in the listing and an overlay by its name; neither is ever joined to a
/// path as given, so no request reaches a file outside the scenario and results folders.
public struct ScenarioCatalog: Sendable {
    /// A scenario file the workbench offers.
    public struct Entry: Codable, Sendable {
        /// `go-vap-2024`, `validation/mmc`, or `user/…` for `--scenarios DIR`.
        public let id: String
        public let path: String
    }

    /// The shipped scenarios' folder and the user's (`--scenarios DIR`).
    public let shipped: String?
    public let user: String?
    /// Where overlays saved from the page go (`--results DIR/scenarios`).
    public let overlayFolder: String

    /// Folders of overlays, calendars and tables: not whole scenarios.
    static let skippedFolders: Set<String> = ["what-if", "calendars", "samples", "tables"]

    /// Forms already read, by file, size and modification date (a changed file is read again).
    private let forms = FormCache()

    public init(shipped: String?, user: String?, overlayFolder: String) {
        self.shipped = shipped
        self.user = user
        self.overlayFolder = overlayFolder
    }

    /// Every scenario file, shipped first, in name order.
    public func entries() -> [Entry] {
        var entries: [Entry] = []
        for (root, prefix) in [(shipped, ""), (user, "user/")] {
            guard let root, let walker = FileManager.default.enumerator(atPath: root) else { continue }
            var found: [Entry] = []
            while let relative = walker.nextObject() as? String {
                let parts = relative.split(separator: "/")
                if parts.contains(where: { ScenarioCatalog.skippedFolders.contains(String($0)) }) { continue }
                guard relative.hasSuffix(".json"), parts.count <= 3 else { continue }
                found.append(Entry(id: prefix + String(relative.dropLast(5)), path: (root as NSString).appendingPathComponent(relative)))
            }
            entries += found.sorted { $0.id < $1.id }
        }
        return entries
    }

    /// The file of scenario `id`, only when the listing has it and it lies inside its folder once
    /// symbolic links are resolved.
    public func path(of id: String) -> String? {
        guard let entry = entries().first(where: { $0.id == id }) else { return nil }
        let root = id.hasPrefix("user/") ? user : shipped
        guard let root, ScenarioCatalog.isInside(entry.path, root) else { return nil }
        return entry.path
    }

    /// Whether `path`, symbolic links resolved, lies inside `folder`.
    static func isInside(_ path: String, _ folder: String) -> Bool {
        let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let base = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        return real.hasPrefix(base.hasSuffix("/") ? base : base + "/")
    }

    /// Whether `name` can name a saved overlay: letters, digits, `-` and `_`, at most 64.
    public static func isOverlayName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 64 && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }

    /// The file of saved overlay `name`, when the name is one and the file exists.
    public func overlayPath(_ name: String) -> String? {
        guard ScenarioCatalog.isOverlayName(name) else { return nil }
        let path = (overlayFolder as NSString).appendingPathComponent(name + ".json")
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// The saved overlays of scenario `id` (their base is kept beside each, in `NAME.base`).
    public func overlays(of id: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: overlayFolder)) ?? []
        return names.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.filter { name in
            let base = try? String(contentsOfFile: (overlayFolder as NSString).appendingPathComponent(name + ".base"), encoding: .utf8)
            return base?.trimmingCharacters(in: .whitespacesAndNewlines) == id
        }.sorted()
    }

    // MARK: - The form

    /// One editable value of the scenario: the `--set` path that changes it, its label and value.
    public struct Field: Codable, Sendable {
        public let path: String
        public let label: String
        public let labelVi: String?
        public let value: String
    }

    /// The scenario as the page's form shows it.
    public struct Form: Codable, Sendable {
        public let id: String
        public let name: String
        public let nameVi: String?
        public let offices: [Field]
        public let procedures: [Field]
        public let loads: [Field]
        public let targets: [Field]
        public let overlays: [String]
    }

    /// The form of scenario `id`: offices' staff, procedures' volumes and online shares, the
    /// monthly and weekday load factors, targets' thresholds.
    public func form(of id: String) -> Form? {
        guard let path = path(of: id) else { return nil }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let key = "\(path)|\(attributes?[.size] ?? 0)|\((attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)"
        if let form = forms.get(key) { return Form(id: form.id, name: form.name, nameVi: form.nameVi, offices: form.offices,
                                                   procedures: form.procedures, loads: form.loads, targets: form.targets,
                                                   overlays: overlays(of: id)) }
        guard let form = readForm(id, path) else { return nil }
        forms.set(key, form)
        return form
    }

    func readForm(_ id: String, _ path: String) -> Form? {
        guard let bytes = FileManager.default.contents(atPath: path),
              let document = try? JSONParser.parse(Array(bytes)) else { return nil }
        func text(_ value: JSONValue?) -> String? {
            switch value {
            case .number(let x)?: x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
            case .string(let s)?: s
            case .exactInteger(let n)?: n.description
            default: nil
            }
        }
        func fields(_ list: String, _ keys: [String], label: String = "name") -> [Field] {
            guard case .array(let elements)? = document[list] else { return [] }
            return elements.flatMap { element -> [Field] in
                guard let id = text(element["id"]) else { return [] }
                let name = text(element[label]) ?? id
                return keys.compactMap { key in
                    text(element[key]).map {
                        Field(path: "\(list).\(id).\(key)", label: keys.count > 1 ? "\(name) — \(key)" : name,
                              labelVi: text(element[label + "Vi"]).map { keys.count > 1 ? "\($0) — \(key)" : $0 }, value: $0)
                    }
                }
            }
        }
        var loads: [Field] = []
        let months = (1...12).map { ("month \($0)", "tháng \($0)") }
        let weekdays = zip(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
                           ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]).map { ($0, $1) }
        for (key, names) in [("month", months), ("weekday", weekdays)] {
            guard case .array(let values)? = document["load"]?[key] else { continue }
            for (i, value) in values.enumerated() {
                guard let v = text(value) else { continue }
                let name = names.indices.contains(i) ? names[i] : ("\(key) \(i)", "\(key) \(i)")
                loads.append(Field(path: "load.\(key).\(i)", label: name.0, labelVi: name.1, value: v))
            }
        }
        return Form(id: id, name: text(document["name"]) ?? id, nameVi: text(document["nameVi"]),
                    offices: fields("offices", ["staff"]), procedures: fields("procedures", ["yearlyVolume", "online"]),
                    loads: loads, targets: fields("targets", ["threshold"], label: "id"), overlays: overlays(of: id))
    }

    // MARK: - Checking and saving

    /// A problem with the scenario, placed at the form field it concerns when there is one.
    public struct Issue: Codable, Sendable {
        /// The `--set` path of the form field, or nil when the problem is not one field's.
        public let field: String?
        /// The scenario's JSON path and the message, as `motcua validate` prints them.
        public let path: String
        public let message: String
    }

    /// The scenario with its overlay and settings, checked as `motcua validate` checks it; the
    /// problems are attached to the settings' fields.
    public func check(_ id: String, overlay: String?, settings: [String: String], load: Double = 1)
        -> Result<Scenario, CheckFailure> {
        guard let path = path(of: id) else { return .failure(CheckFailure(status: 404, issues: [Issue(field: nil, path: "scenario", message: "no scenario \(id)")])) }
        var overlays: [String] = []
        if let overlay, !overlay.isEmpty {
            guard let file = overlayPath(overlay) else {
                return .failure(CheckFailure(status: 404, issues: [Issue(field: nil, path: "overlay", message: "no saved overlay \(overlay)")]))
            }
            overlays.append(file)
        }
        let pairs = settings.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        do {
            let scenario = try ScenarioLoader.load(path: path, overlays: overlays, settings: pairs).scalingLoad(by: load)
            if let problem = RunLimits.problem(scenario) {
                return .failure(CheckFailure(status: 422, issues: [issue(problem.path, problem.message, fields: Array(settings.keys))]))
            }
            return .success(scenario)
        } catch {
            return .failure(CheckFailure(status: 422, issues: error.issues.map { issue($0.path, $0.message, fields: Array(settings.keys)) }))
        }
    }

    /// Why a scenario cannot be used: the status to answer and the problems.
    public struct CheckFailure: Error, Sendable {
        public let status: Int
        public let issues: [Issue]
    }

    /// The issue at JSON path `path` placed at the form field it concerns: `offices[land-branch].staff`
    /// is the field `offices.land-branch.staff`, `load.month[3]` is `load.month.3`.
    func issue(_ path: String, _ message: String, fields: [String]) -> Issue {
        let dotted = path.replacingOccurrences(of: "[", with: ".").replacingOccurrences(of: "]", with: "")
        let field = fields.filter { dotted == $0 || dotted.hasPrefix($0 + ".") || $0.hasPrefix(dotted + ".") }.max { $0.count < $1.count }
        return Issue(field: field ?? (fields.contains(path) ? path : nil), path: path, message: message)
    }

    /// The overlay that makes `settings` of scenario `id`: only the changed values, each list
    /// element named by its id, so that laying it over the base gives the edited scenario.
    public func overlay(for id: String, settings: [String: String]) -> JSONValue? {
        guard let path = path(of: id), let bytes = FileManager.default.contents(atPath: path),
              let base = try? JSONParser.parse(Array(bytes)) else { return nil }
        var overlay = JSONValue.object([])
        for (key, text) in settings.sorted(by: { $0.key < $1.key }) {
            let value = (try? JSONParser.parse(Array(text.utf8))) ?? .string(text)
            let segments = key.split(separator: ".").map(String.init)
            guard let edited = ScenarioCatalog.place(value, at: segments[...], in: overlay, base: base) else { return nil }
            overlay = edited
        }
        return overlay
    }

    /// `overlay` with `value` placed at `segments`, shaped like `base`: inside a list of objects
    /// with ids, an element `{"id": …}`; inside a list of numbers, the whole list with the change.
    static func place(_ value: JSONValue, at segments: ArraySlice<String>, in overlay: JSONValue?, base: JSONValue?) -> JSONValue? {
        guard let head = segments.first else { return value }
        let rest = segments.dropFirst()
        switch base {
        case .array(let elements)?:
            if let i = Int(head), elements.indices.contains(i), rest.isEmpty {
                var list: [JSONValue]
                if case .array(let current)? = overlay { list = current } else { list = elements }
                list[i] = value
                return .array(list)
            }
            guard let element = elements.first(where: { $0["id"] == .string(head) }) else { return nil }
            var list: [JSONValue] = []
            if case .array(let current)? = overlay { list = current }
            let index = list.firstIndex { $0["id"] == .string(head) }
            let existing = index.map { list[$0] } ?? .object([("id", .string(head))])
            guard let placed = place(value, at: rest, in: existing, base: element) else { return nil }
            if let index { list[index] = placed } else { list.append(placed) }
            return .array(list)
        case .object?:
            var members: [(key: String, value: JSONValue)] = []
            if case .object(let current)? = overlay { members = current }
            let index = members.firstIndex { $0.key == head }
            guard let placed = place(value, at: rest, in: index.map { members[$0].value }, base: base?[head]) else { return nil }
            if let index { members[index].value = placed } else { members.append((head, placed)) }
            return .object(members)
        default:
            return rest.isEmpty ? value : nil
        }
    }

    /// Saves the overlay of `settings` over scenario `id` as `name` (never touching the base).
    ///
    /// An overlay already saved as `name` is the user's work, and jobs name it: it is replaced
    /// only when `replace` says so and it was saved over the same scenario; otherwise 409, with
    /// the message (issue path `replace` when replacing may be confirmed, `name` when it may not).
    public func save(_ name: String, of id: String, settings: [String: String], replace: Bool = false) throws(CheckFailure) {
        guard ScenarioCatalog.isOverlayName(name) else {
            throw CheckFailure(status: 400, issues: [Issue(field: nil, path: "name", message: "an overlay name is letters, digits, - and _ (at most 64)")])
        }
        if overlayPath(name) != nil {
            let base = (try? String(contentsOfFile: (overlayFolder as NSString).appendingPathComponent(name + ".base"), encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines)
            guard base == id else {
                throw CheckFailure(status: 409, issues: [Issue(field: nil, path: "name", message:
                    "an overlay \(name) exists (over \(base ?? "an unknown scenario")); an overlay of another scenario is never replaced: choose another name")])
            }
            guard replace else {
                throw CheckFailure(status: 409, issues: [Issue(field: nil, path: "replace", message:
                    "an overlay \(name) exists (over \(id)); choose another name or confirm replacing it")])
            }
        }
        guard var overlay = overlay(for: id, settings: settings) else {
            throw CheckFailure(status: 422, issues: [Issue(field: nil, path: "settings", message: "a setting names no value of the scenario")])
        }
        if case .object(var members) = overlay {
            members.insert(("description", .string("Saved from motcua serve over \(id)")), at: 0)
            overlay = .object(members)
        }
        do {
            try FileManager.default.createDirectory(atPath: overlayFolder, withIntermediateDirectories: true)
            try OutputFile.write(JSONWriter.text(overlay), to: (overlayFolder as NSString).appendingPathComponent(name + ".json"))
            try OutputFile.write(id + "\n", to: (overlayFolder as NSString).appendingPathComponent(name + ".base"))
        } catch {
            throw CheckFailure(status: 500, issues: [Issue(field: nil, path: "name", message: "\(error)")])
        }
    }
}

/// The scenario forms read so far.
final class FormCache: @unchecked Sendable {
    // @unchecked: `forms` is guarded by `lock`.
    private let lock = NSLock()
    private var forms: [String: ScenarioCatalog.Form] = [:]
    func get(_ key: String) -> ScenarioCatalog.Form? { lock.withLock { forms[key] } }
    func set(_ key: String, _ form: ScenarioCatalog.Form) {
        lock.withLock {
            if forms.count > 200 { forms.removeAll() }
            forms[key] = form
        }
    }
}
