import Foundation

/// The scenario's administrative units (wards, communes, the special zone), declared once in
/// `"units"`, and the ward-level offices that exist in every unit (`"instances": "units"`).
///
/// Before the scenario is decoded, each such office gets one instance per unit, with its staff
/// and hours from the office, then the office's defaults for the unit's kind (`"byKind"`), then
/// the unit's own exceptions (`units[].offices`). The rest of the simulator sees the same
/// scenario as the older form that repeated the ward list in every office, so results (and the
/// scenario's fingerprint) do not depend on which form a file uses.
enum UnitList {
    /// Kinds of unit, as Resolution 1685/NQ-UBTVQH15 names them (and the towns of the districts before 2025).
    static let kinds = ["ward", "commune", "special-zone", "town"]
    /// The kind of a unit that does not say.
    static let defaultKind = "ward"
    static let unitKeys: Set<String> = ["id", "name", "nameVi", "kind", "group", "population", "weight", "offices"]
    /// What a kind's defaults or a unit's exceptions may set for one office (`branch`: the
    /// office without instances that does the unit's work of it, see ``InstanceSpec/branch``).
    static let settingKeys: Set<String> = ["staff", "hours", "saturdayHours", "branch"]
    /// The value of `"instances"` that means "one per unit of the list".
    static let marker = "units"

    /// A unit as read, with the keys its instances carry.
    struct Unit {
        let id: String
        let kind: String
        /// `id`, `name`, `nameVi`, `kind` (unless a ward) and `group`, in that order.
        var members: [(key: String, value: JSONValue)]
        /// Its exceptions, by office id.
        let settings: [String: ObjectReader]
        let hasWeight: Bool
        let path: String
        let population: JSONValue?
        let weight: JSONValue?
    }

    /// `document`'s unit list with the table's `rows` laid over it. When every unit of the list is
    /// also in the table (the list only holds exceptions: an overlay's or `--set units.ID…`'s),
    /// the units keep the table's order: one unit's what-if must not move it, or every unit's
    /// random draws and the report's order would change with it. Otherwise the list's order,
    /// the table's new units after it. The table's values win over the list's.
    static func withTableOrder(_ document: JSONValue, rows: [JSONValue]) -> JSONValue {
        func id(_ element: JSONValue) -> String? { if case .string(let id)? = element["id"] { id } else { nil } }
        let tableIDs = Set(rows.compactMap(id))
        guard case .array(let listed)? = document["units"], listed.allSatisfy({ id($0).map(tableIDs.contains) ?? false }) else {
            return document.overlaid(with: .object([("units", .array(rows))]))
        }
        // The first list entry of each id meets the table's row; any other stays (a repeated id is reported later).
        var firstOf: [String: Int] = [:]
        for (n, element) in listed.enumerated() { if let id = id(element), firstOf[id] == nil { firstOf[id] = n } }
        var used = Set<Int>()
        let ordered = rows.map { row -> JSONValue in
            guard let n = id(row).flatMap({ firstOf[$0] }) else { return row }
            used.insert(n)
            return listed[n].overlaid(with: row)
        } + listed.indices.filter { !used.contains($0) }.map { listed[$0] }  // repeated ids, reported later
        return document.overlaid(with: .object([("units", .null)])).overlaid(with: .object([("units", .array(ordered))]))
    }

    /// `document` with its unit list laid into the offices that refer to it, and without the
    /// keys `units` and `unitTable`; problems go to `diagnostics`, by id path.
    static func expand(_ document: JSONValue, directory: String, file: String, diagnostics: Diagnostics) -> JSONValue {
        guard case .object = document else { return document }
        var document = document
        if let table = document["unitTable"] {
            if case .string(let relative) = table {
                let path = diagnostics.resolve(relative, key: "unitTable", directory: directory)
                if let rows = UnitTable.rows(path: path, reportAs: relative, document: document,
                                             diagnostics: diagnostics, at: "unitTable") {
                    document = withTableOrder(document, rows: rows)
                }
            } else {
                diagnostics.report("unitTable", "expected the path of a CSV file, found \(table.typeName)")
            }
        }
        let units = readUnits(document["units"], diagnostics: diagnostics)
        let decoder = ScenarioDecoder(diagnostics: diagnostics, directory: directory, file: file)
        var referring: [String] = []
        if case .array(var offices)? = document["offices"] {
            for (n, (path, office)) in ObjectReader.elementPaths("offices", offices).enumerated() {
                guard case .object(var members) = office else { continue }
                let byKind = members.first { $0.key == "byKind" }?.value
                members.removeAll { $0.key == "byKind" }
                guard case .string(let text)? = office["instances"] else {
                    if byKind != nil {
                        diagnostics.report("\(path).byKind", "defaults by kind of unit apply to an office "
                                           + "with \"instances\": \"units\"; this office has none")
                    }
                    offices[n] = .object(members)
                    continue
                }
                let kindDefaults = readByKind(byKind, path: "\(path).byKind", decoder: decoder)
                if text != marker {
                    diagnostics.report("\(path).instances", "expected \"units\" (one instance per unit of the scenario's "
                                       + "\"units\" list) or an array of instances, found \"\(ObjectReader.printable(text))\"")
                    members.removeAll { $0.key == "instances" }
                } else if let units {
                    if case .string(let id)? = office["id"] { referring.append(id) }
                    let instances = units.map { unit -> JSONValue in
                        instance(of: unit, office: office["id"], defaults: kindDefaults[unit.kind])
                    }
                    if let i = members.firstIndex(where: { $0.key == "instances" }) { members[i].value = .array(instances) }
                } else {
                    if !diagnostics.checksOverlay {  // an overlay's office may use the base's units
                        diagnostics.report("\(path).instances", "\"units\" names the scenario's unit list, "
                                           + "but the scenario has no \"units\"")
                    }
                    members.removeAll { $0.key == "instances" }
                }
                offices[n] = .object(members)
            }
            document = replacing("offices", with: .array(offices), in: document)
        }
        if let units, !diagnostics.checksOverlay {
            checkExceptions(units, offices: referring, decoder: decoder)
            if referring.isEmpty {
                diagnostics.warn("units", "no office has \"instances\": \"units\", so the units receive no work")
            }
        }
        return removing(["units", "unitTable"], from: document)
    }

    /// The units of the list with their weights settled, or nil when there is no list.
    static func readUnits(_ value: JSONValue?, diagnostics: Diagnostics) -> [Unit]? {
        guard let value, !(diagnostics.checksOverlay && value == .null) else { return nil }
        guard case .array(let elements) = value, !elements.isEmpty else {
            diagnostics.report("units", "expected a non-empty array of units ({ \"id\", \"name\", \"kind\", … }), "
                               + "found \(value.typeName)")
            return nil
        }
        var units: [Unit] = []
        var seen: [String: String] = [:]
        for (path, element) in ObjectReader.elementPaths("units", elements) {
            guard let u = ObjectReader(element, path: path, diagnostics: diagnostics, keys: unitKeys) else { continue }
            let id = u.string("id"), name = u.string("name"), nameVi = u.string("nameVi", required: false)
            let kind = u.choice("kind", kinds, required: false) ?? defaultKind
            let group = u.string("group", required: false)
            let population = u.number("population", required: false, atLeast: 0, atMost: 1e9).flatMap { _ in u["population"] }
            let weight = u.number("weight", required: false, atLeast: 0, atMost: 1e9).flatMap { _ in u["weight"] }
            var settings: [String: ObjectReader] = [:]
            if case .object(let offices)? = u["offices"] {
                for (office, setting) in offices {
                    let settingPath = "\(u.child("offices")).\(office)"
                    guard let s = ObjectReader(setting, path: settingPath, diagnostics: diagnostics, keys: settingKeys) else {
                        continue
                    }
                    _ = s.integer("staff", required: false, atLeast: 0, atMost: 100_000)
                    _ = s.string("branch", required: false)
                    settings[office] = s
                }
            } else if let offices = u["offices"] {
                diagnostics.report(u.child("offices"), "expected an object of exceptions by office id "
                                   + "({ \"ward-desk\": { \"staff\": 4 } }), found \(offices.typeName)")
            }
            guard let id, let name else { continue }
            if let first = seen[id] {
                diagnostics.report("\(path).id", "duplicate unit id \"\(id)\" (first used at \(first))")
            }
            seen[id] = path
            var members: [(key: String, value: JSONValue)] = [("id", .string(id)), ("name", .string(name))]
            if let nameVi { members.append(("nameVi", .string(nameVi))) }
            if kind != defaultKind { members.append(("kind", .string(kind))) }
            if let group { members.append(("group", .string(group))) }
            // A population the unit's source calls an assumption (an area share) is marked (review 4 #2).
            if let source = u.string("source", required: false), source.lowercased().contains("population: assumption") {
                members.append(("populationAssumed", .bool(true)))
            }
            units.append(Unit(id: id, kind: kind, members: members, settings: settings, hasWeight: u.has("weight"),
                              path: path, population: population, weight: weight))
        }
        if diagnostics.checksOverlay { return units }
        return settleWeights(units, diagnostics: diagnostics)
    }

    /// A unit's share of the load: its `weight` when every unit has one, else its `population`
    /// when every unit has one (shares are relative, so a population is a weight), else 1 each.
    static func settleWeights(_ units: [Unit], diagnostics: Diagnostics) -> [Unit] {
        let withWeight = units.filter(\.hasWeight).count
        let withPopulation = units.filter { $0.population != nil }.count
        var settled = units
        if withWeight == units.count {
            for n in settled.indices { if let w = units[n].weight { settled[n].members.append(("weight", w)) } }
        } else if withWeight == 0, withPopulation == units.count {
            for n in settled.indices { if let p = units[n].population { settled[n].members.append(("weight", p)) } }
        } else if withWeight > 0 || withPopulation > 0 {
            let key = withWeight > 0 ? "weight" : "population"
            for unit in units where key == "weight" ? !unit.hasWeight : unit.population == nil {
                diagnostics.report("\(unit.path).\(key)", "missing; \(withWeight > 0 ? withWeight : withPopulation) "
                                   + "of the \(units.count) units give a \(key), and a unit's share of the load comes "
                                   + "from the same measure for all: give every unit a weight, or every unit a "
                                   + "population and none a weight")
            }
        }
        return settled
    }

    /// The defaults of an office for each kind of unit.
    static func readByKind(_ value: JSONValue?, path: String, decoder: ScenarioDecoder) -> [String: ObjectReader] {
        guard let value else { return [:] }
        let diagnostics = decoder.diagnostics
        guard case .object(let members) = value else {
            diagnostics.report(path, "expected an object of defaults by kind of unit "
                               + "({ \"commune\": { \"staff\": 2 } }), found \(value.typeName)")
            return [:]
        }
        var result: [String: ObjectReader] = [:]
        for (kind, setting) in members {
            let settingPath = "\(path).\(kind)"
            guard kinds.contains(kind) else {
                let guess = ObjectReader.closest(to: kind, among: Set(kinds)).map { " (did you mean \"\($0)\"?)" } ?? ""
                diagnostics.report(settingPath, "unknown kind of unit\(guess); expected one of: \(kinds.joined(separator: ", "))")
                continue
            }
            guard let s = ObjectReader(setting, path: settingPath, diagnostics: diagnostics, keys: settingKeys) else { continue }
            if s.has("staff"), s.integer("staff", atLeast: 0, atMost: 100_000) == nil { continue }
            check(hours: s, decoder: decoder)
            result[kind] = s
        }
        return result
    }

    static func check(hours s: ObjectReader, decoder: ScenarioDecoder) {
        _ = decoder.decodeHours(s["hours"], path: s.child("hours"), allowEmpty: false)
        _ = decoder.decodeHours(s["saturdayHours"], path: s.child("saturdayHours"), allowEmpty: true)
    }

    /// The unit's exceptions must name offices that exist in every unit.
    static func checkExceptions(_ units: [Unit], offices: [String], decoder: ScenarioDecoder) {
        for unit in units {
            for (office, setting) in unit.settings.sorted(by: { $0.key < $1.key }) {
                check(hours: setting, decoder: decoder)
                if !offices.contains(office) {
                    let guess = ObjectReader.closest(to: office, among: Set(offices)).map { " (did you mean \"\($0)\"?)" } ?? ""
                    decoder.diagnostics.report(setting.path, "no office with \"instances\": \"units\" has the id "
                                               + "\"\(ObjectReader.printable(office))\"\(guess); expected one of: "
                                               + offices.joined(separator: ", "))
                }
            }
        }
    }

    /// The instance of `office` in `unit`: the unit's names, then its staff and hours where the
    /// unit or its kind differs from the office, then its weight.
    static func instance(of unit: Unit, office id: JSONValue?, defaults: ObjectReader?) -> JSONValue {
        var exception: ObjectReader?
        if case .string(let office)? = id { exception = unit.settings[office] }
        var members = unit.members
        let weight = members.firstIndex { $0.key == "weight" }.map { members.remove(at: $0) }
        if let staff = exception?["staff"] ?? defaults?["staff"] { members.append(("staff", staff)) }
        if let weight { members.append(weight) }
        for key in ["hours", "saturdayHours", "branch"] {
            if let value = exception?[key] ?? defaults?[key] { members.append((key, value)) }
        }
        return .object(members)
    }

    static func replacing(_ key: String, with value: JSONValue, in document: JSONValue) -> JSONValue {
        guard case .object(var members) = document, let i = members.firstIndex(where: { $0.key == key }) else { return document }
        members[i].value = value
        return .object(members)
    }

    static func removing(_ keys: Set<String>, from document: JSONValue) -> JSONValue {
        guard case .object(let members) = document else { return document }
        return .object(members.filter { !keys.contains($0.key) })
    }
}
