import Foundation

/// Units kept in a spreadsheet: a CSV file named by the scenario's `"unitTable"` (or given to
/// `motcua new --units`). Each row updates the unit with its `id`, or, without an id column,
/// the unit whose name matches (diacritics and case aside); a row that matches none adds a unit
/// whose id is made of its name. The rows become an overlay of the `units` list, so they pass
/// the same checks as the JSON.
public enum UnitTable {
    enum Kind { case text, number, whole }

    /// Columns a row may have, besides `OFFICE.staff` (the staff of that per-unit office) and
    /// `OFFICE.branch` (the office without instances that does the unit's work of it).
    /// `sourceVi` and `notesVi` are the Vietnamese versions of `source` and `notes` (issue 19).
    static let columns: [String: Kind] = [
        "id": .text, "name": .text, "nameVi": .text, "kind": .text, "group": .text, "source": .text, "notes": .text,
        "sourceVi": .text, "notesVi": .text, "population": .number, "weight": .number, "staff": .whole,
    ]

    /// Kinds as a Vietnamese table writes them (folded), and the format's own words.
    static let kindWords: [String: String] = [
        "phuong": "ward", "xa": "commune", "dac khu": "special-zone", "thi tran": "town",
        "ward": "ward", "commune": "commune", "special zone": "special-zone", "town": "town",
    ]

    /// The units of the table at `path` as JSON objects with ids, matched against the units of
    /// `document`; nil (reported) when the table cannot be used at all.
    /// With `otherOfficesIgnored` (a new scenario made from a template), a column of an office the
    /// template does not have (a city table's `land-registration.branch`) is left out, not an error.
    static func rows(path: String, reportAs file: String, document: JSONValue, diagnostics: Diagnostics,
                     at jsonPath: String, otherOfficesIgnored: Bool = false) -> [JSONValue]? {
        guard let (rows, delimiter) = ProcedureTable.readRows(path: path, reportAs: file, what: "unit table",
                                                              needs: "the column id or name",
                                                              diagnostics: diagnostics, at: jsonPath) else { return nil }
        // "staff" means the staff of the units' one-stop desk: the per-unit office of kind desk.
        let perUnit = perUnitOffices(document)
        let desks = perUnit.filter { $0.kind == "desk" }.map(\.id)
        var known: [Int: (column: String, office: String?)] = [:]
        for (i, raw) in rows[0].enumerated() {
            let name = raw.trimmingCharacters(in: .whitespaces)
            if name.hasSuffix(".staff"), case let office = String(name.dropLast(6)), perUnit.contains(where: { $0.id == office }) {
                known[i] = ("staff", office)
            } else if name.hasSuffix(".branch"), case let office = String(name.dropLast(7)),
                      perUnit.contains(where: { $0.id == office }) {
                known[i] = ("branch", office)
            } else if name == "staff" {
                if desks.count == 1 { known[i] = ("staff", desks[0]) } else {
                    diagnostics.report(jsonPath, "\(file), column \(i + 1) \"staff\": the scenario has \(desks.count) "
                                       + "desks with \"instances\": \"units\", so \"staff\" does not say which; name the "
                                       + "office: " + perUnit.map { "\($0.id).staff" }.joined(separator: ", "))
                }
            } else if columns[name] != nil {
                known[i] = (name, nil)
            } else if otherOfficesIgnored, name.hasSuffix(".staff") || name.hasSuffix(".branch") {
                continue
            } else {
                let allowed = Set(columns.keys).union(perUnit.map { "\($0.id).staff" }).union(perUnit.map { "\($0.id).branch" })
                var message = "\(file), column \(i + 1) \"\(name)\": unknown column"
                if let guess = ObjectReader.closest(to: name, among: allowed) { message += " (did you mean \"\(guess)\"?)" }
                diagnostics.report(jsonPath, message + "; expected: " + allowed.sorted().joined(separator: ", "))
            }
        }
        guard known.values.contains(where: { $0.column == "id" || $0.column == "name" || $0.column == "nameVi" }) else {
            diagnostics.report(jsonPath, "\(file): no column id, name or nameVi; each row must say which unit it is")
            return nil
        }
        var idByName: [String: String] = [:]
        if case .array(let units)? = document["units"] {
            for unit in units {
                guard case .string(let id)? = unit["id"] else { continue }
                for key in ["name", "nameVi"] { if case .string(let name)? = unit[key] { idByName[VietnameseText.folded(name)] = id } }
            }
        }
        var result: [JSONValue] = []
        var rowOfID: [String: Int] = [:]
        for (r, row) in rows.enumerated().dropFirst() where !row.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            var members: [(key: String, value: JSONValue)] = []
            var offices: [(key: String, value: JSONValue)] = []
            for (c, raw) in row.enumerated() {
                guard let (column, office) = known[c] else { continue }
                let cell = raw.trimmingCharacters(in: .whitespaces)
                if cell.isEmpty { continue }
                let place = "\(file), line \(r + 1), column \(rows[0][c].trimmingCharacters(in: .whitespaces))"
                switch columns[column] ?? .text {
                case .text where column == "kind":
                    guard let kind = kindWords[VietnameseText.folded(cell)] else {
                        diagnostics.report(jsonPath, "\(place): expected a kind of unit (ward/phường, commune/xã, "
                                           + "special-zone/đặc khu, town/thị trấn), found \"\(ObjectReader.printable(cell))\"")
                        continue
                    }
                    members.append((column, .string(kind)))
                case .text where office != nil:
                    offices.append((office ?? "", .object([(column, .string(cell))])))
                case .text:
                    members.append((column, .string(cell)))
                case .number, .whole:
                    let value = ProcedureTable.number(cell, decimalComma: delimiter == ";", percentAllowed: false)
                    guard let value, value >= 0, columns[column] != .whole || value == value.rounded() else {
                        let expected = columns[column] == .whole ? "a whole number ≥ 0" : "a number ≥ 0"
                        diagnostics.report(jsonPath, "\(place): expected \(expected), found \"\(ObjectReader.printable(cell))\"")
                        continue
                    }
                    if let office { offices.append((office, .object([("staff", .number(value))]))) } else {
                        members.append((column, .number(value)))
                    }
                }
            }
            if !offices.isEmpty { members.append(("offices", mergedByOffice(offices))) }
            if !members.contains(where: { $0.key == "id" }) {
                let names = members.compactMap { member -> String? in
                    guard member.key == "name" || member.key == "nameVi", case .string(let name) = member.value else { return nil }
                    return name
                }
                guard let name = names.first else {
                    diagnostics.report(jsonPath, "\(file), line \(r + 1): no id and no name; expected one of them")
                    continue
                }
                let id = names.lazy.compactMap { idByName[VietnameseText.folded($0)] }.first ?? VietnameseText.slug(name)
                guard ObjectReader.isPathID(id) else {
                    diagnostics.report(jsonPath, "\(file), line \(r + 1): cannot make an id of the name "
                                       + "\"\(ObjectReader.printable(name))\"; add a column id")
                    continue
                }
                members.insert(("id", .string(id)), at: 0)
                if !members.contains(where: { $0.key == "name" }) { members.insert(("name", .string(name)), at: 1) }
            }
            if case .string(let id)? = JSONValue.object(members)["id"] {
                if let first = rowOfID[id] {
                    diagnostics.report(jsonPath, "\(file), line \(r + 1): unit \"\(ObjectReader.printable(id))\" is "
                                       + "already on line \(first)")
                    continue
                }
                rowOfID[id] = r + 1
            }
            result.append(.object(members))
        }
        return result
    }

    /// The units of the table at `path` for a new scenario made of `template` (whose per-unit
    /// offices give the staff columns their meaning; columns of offices it lacks are left out).
    public static func units(path: String, template: JSONValue) throws(ScenarioError) -> [JSONValue] {
        let diagnostics = Diagnostics()
        let rows = rows(path: path, reportAs: path, document: template, diagnostics: diagnostics, at: "--units",
                        otherOfficesIgnored: true)
        guard let rows, diagnostics.isEmpty else { throw ScenarioError(file: path, issues: diagnostics.issues) }
        guard !rows.isEmpty else {
            throw ScenarioError(file: path, issues: [ScenarioIssue(path: "--units", message: "\(path) has no unit rows")])
        }
        return rows
    }

    /// The offices of `document` with `"instances": "units"`: (id, kind).
    static func perUnitOffices(_ document: JSONValue) -> [(id: String, kind: String)] {
        guard case .array(let offices)? = document["offices"] else { return [] }
        return offices.compactMap { office in
            guard office["instances"] == .string(UnitList.marker), case .string(let id)? = office["id"] else { return nil }
            if case .string(let kind)? = office["kind"] { return (id, kind) }
            return (id, "")
        }
    }

    /// One object per office of a row's settings (its staff and its branch may come from two columns).
    static func mergedByOffice(_ settings: [(key: String, value: JSONValue)]) -> JSONValue {
        var merged: [(key: String, value: JSONValue)] = []
        for (office, setting) in settings {
            guard case .object(let members) = setting else { continue }
            if let i = merged.firstIndex(where: { $0.key == office }), case .object(let earlier) = merged[i].value {
                merged[i].value = .object(earlier + members)
            } else {
                merged.append((office, setting))
            }
        }
        return .object(merged)
    }
}
