import Foundation

/// Whether every number of a scenario or an overlay says where it comes from: the rule of
/// docs/scenario-format.md ("Every number carries its source"), shared by `motcua validate`'s
/// warnings and the test over the shipped scenarios, so the two cannot drift apart.
///
/// A number is sourced when its own object, or an object between it and its entry, has a
/// `source` that says something: an entry is a member of the top level (`horizon`, `load`, …)
/// or an element of a top-level list (an office, a procedure, a unit, a target). The scenario's
/// own top-level `source` or `description` does not cover the numbers of its entries. A row of a
/// table the file names (`procedureTable`, `unitTable`) is its own entry: its `source` column.
/// Every `source` needs a `sourceVi` beside it.
public enum SourceCoverage {
    /// A number without a source, a source that says nothing, or a source without its Vietnamese.
    public struct Finding: Sendable, Equatable, CustomStringConvertible {
        /// What is missing.
        public enum Kind: Sendable, Equatable {
            /// A number no source covers.
            case unsourced
            /// A source that says nothing beyond a label (`"assumption: "`).
            case emptySource
            /// A source without its `sourceVi`: required of the shipped scenarios, not warned by
            /// `validate` (a planner may write the source itself in Vietnamese).
            case noVietnamese
        }

        public let kind: Kind
        /// The file: the scenario or overlay, or the table it names (as resolved).
        public let file: String
        /// The JSON path of the value (`procedures[land-change].steps[0].service.mean`), or a
        /// table's row and column.
        public let path: String
        public let message: String

        public var description: String { "\(file): \(path): \(message)" }
    }

    /// Keys that hold no quantity of the place modelled (the random seed is the run's, not the
    /// district's).
    static let exemptKeys: Set<String> = ["seed"]

    /// Words that alone say nothing about where a value comes from.
    static let bareLabels: Set<String> = ["assumption", "assumed", "what-if", "giả định", "nguồn", "source"]

    /// Columns of the tables that hold text, not numbers (any other column holds numbers:
    /// volumes, shares, minutes, staff, populations, routes with their minutes).
    static let textColumns: Set<String> = ["id", "name", "nameVi", "field", "kind", "group", "source", "sourceVi",
                                           "notes", "notesVi", "intakeOffice"]

    /// Whether `source` names something beyond a bare label (`"assumption: "`, `"what-if"`):
    /// `"assumption: <why this value>"` is informative.
    public static func isInformative(_ source: String) -> Bool {
        let trimmed = source.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: ":;,.-—")))
        return !trimmed.isEmpty && !bareLabels.contains(trimmed.lowercased())
    }

    /// The findings of the scenario or overlay at `path` and of the tables it names (resolved
    /// against its folder).
    public static func findings(file path: String) throws(ScenarioError) -> [Finding] {
        let document = try ScenarioLoader.parseDocument(path)
        var found = findings(in: document, file: path)
        let folder = (path as NSString).deletingLastPathComponent
        for key in ["procedureTable", "unitTable"] {
            guard case .string(let relative)? = document[key] else { continue }
            let table = (ScenarioLoader.resolve(relative, in: folder) as NSString).standardizingPath
            let bytes = try ScenarioLoader.readFile(table, reportAs: table)
            found += tableFindings(String(decoding: bytes, as: UTF8.self), file: table)
        }
        return found
    }

    /// The findings of a scenario or overlay document (its tables are not read).
    public static func findings(in document: JSONValue, file: String) -> [Finding] {
        var walker = Walker(file: file)
        walker.visitTop(document)
        return walker.found
    }

    /// The findings of a CSV table: each row that gives a number needs a `source`, each
    /// `source` a `sourceVi`.
    static func tableFindings(_ text: String, file: String) -> [Finding] {
        let rows = CSVParser.rows(text).rows
        guard let header = rows.first?.map({ $0.trimmingCharacters(in: .whitespaces) }) else { return [] }
        func column(_ name: String) -> Int? { header.firstIndex(of: name) }
        let numberColumns = header.indices.filter { !textColumns.contains(header[$0]) && !header[$0].hasSuffix(".branch") }
        var found: [Finding] = []
        for (r, row) in rows.enumerated().dropFirst() {
            func cell(_ c: Int?) -> String {
                guard let c, c < row.count else { return "" }
                return row[c].trimmingCharacters(in: .whitespaces)
            }
            let numbers = numberColumns.filter { !cell($0).isEmpty }.map { header[$0] }
            let source = cell(column("source"))
            let id = cell(column("id")).isEmpty ? cell(column("name")) : cell(column("id"))
            let place = "row \(r + 1)" + (id.isEmpty ? "" : " (\(id))")
            if !isInformative(source) {
                guard !numbers.isEmpty else { continue }
                found.append(Finding(kind: .unsourced, file: file, path: place, message: (source.isEmpty ? "no source" : "source \"\(source)\" says nothing")
                                     + " for the numbers in columns " + numbers.joined(separator: ", ")
                                     + "; give where they come from, or \"assumption: <why this value>\""))
            } else if cell(column("sourceVi")).isEmpty {
                found.append(Finding(kind: .noVietnamese, file: file, path: place + ", column sourceVi",
                                     message: "a source without its Vietnamese version (sourceVi)"))
            }
        }
        return found
    }

    /// Walks a document, carrying whether an object from the current entry down has a source.
    private struct Walker {
        let file: String
        var found: [Finding] = []

        mutating func visitTop(_ document: JSONValue) {
            guard case .object(let members) = document else { return }
            checkSource(of: document, path: "$")
            let rootSourced = sourced(document)
            for (key, value) in members where !ObjectReader.annotationKeys.contains(key) && !exemptKeys.contains(key) {
                switch value {
                case .object: visit(value, path: key, covered: false)
                case .array(let elements) where elements.contains(where: isObject):
                    for (path, element) in ObjectReader.elementPaths(key, elements) { visit(element, path: path, covered: false) }
                default: number(value, path: key, covered: rootSourced)
                }
            }
        }

        /// `value` at `path`; `covered` when an object above it, up to its entry, has a source.
        mutating func visit(_ value: JSONValue, path: String, covered: Bool) {
            switch value {
            case .object(let members):
                checkSource(of: value, path: path)
                let here = covered || sourced(value)
                for (key, member) in members where !ObjectReader.annotationKeys.contains(key) {
                    visit(member, path: "\(path).\(key)", covered: here)
                }
            case .array(let elements) where !elements.isEmpty && elements.allSatisfy({ $0.numberValue != nil }):
                if !covered { found.append(Finding(kind: .unsourced, file: file, path: path, message: "\(elements.count) numbers without a source")) }
            case .array(let elements):
                for (elementPath, element) in ObjectReader.elementPaths(path, elements) {
                    visit(element, path: elementPath, covered: covered)
                }
            default:
                number(value, path: path, covered: covered)
            }
        }

        /// A number (or a share written as `"35%"`) without a source is a finding.
        mutating func number(_ value: JSONValue, path: String, covered: Bool) {
            guard !covered, isNumber(value) else { return }
            found.append(Finding(kind: .unsourced, file: file, path: path, message: "a number without a source in its object or its entry; "
                                 + "give where it comes from, or \"assumption: <why this value>\""))
        }

        mutating func checkSource(of object: JSONValue, path: String) {
            guard let source = object["source"] else { return }
            let at = path == "$" ? "source" : "\(path).source"
            guard case .string(let text) = source, isInformative(text) else {
                found.append(Finding(kind: .emptySource, file: file, path: at, message: "the source says nothing beyond a label; "
                                     + "give where the values come from, or \"assumption: <why this value>\""))
                return
            }
            guard case .string(let vi)? = object["sourceVi"], isInformative(vi) else {
                found.append(Finding(kind: .noVietnamese, file: file, path: at, message: "a source without its Vietnamese version (sourceVi)"))
                return
            }
        }

        func sourced(_ object: JSONValue) -> Bool {
            if case .string(let text)? = object["source"] { return isInformative(text) }
            return false
        }

        func isObject(_ value: JSONValue) -> Bool {
            if case .object = value { return true }
            return false
        }

        func isNumber(_ value: JSONValue) -> Bool {
            if value.numberValue != nil { return true }
            guard case .string(let text) = value else { return false }
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            return trimmed.hasSuffix("%") && Double(trimmed.dropLast().trimmingCharacters(in: .whitespaces)
                .replacingOccurrences(of: ",", with: ".")) != nil
        }
    }
}
