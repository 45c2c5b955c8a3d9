/// Editing a JSON tree: the what-if mechanisms `--set path=value` and `--overlay file.json`
/// work on the scenario document before it is checked, so every what-if gets the same checks
/// and error messages as a file written by hand.
extension JSONValue {
    /// A problem applying an edit.
    public struct EditError: Error, Sendable, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// Replaces (or adds) the value at a dotted path; `null` removes the key.
    ///
    /// Segments name object keys; inside an array, a segment names the element whose `"id"`
    /// is that segment, or a zero-based position: `offices.land-branch.staff`,
    /// `procedures.3.yearlyVolume`, `offices.ward-desk.instances.ward-01.staff`.
    public func setting(_ path: String, to newValue: JSONValue) throws(EditError) -> JSONValue {
        let segments = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !segments.isEmpty, !segments.contains(where: \.isEmpty) else {
            throw EditError(message: "invalid path \"\(path)\": expected names separated by dots, e.g. offices.land-branch.staff")
        }
        // Units read from a `unitTable` are not in the document yet: `units.ID.…` names a unit
        // exception, laid over the table's row as an overlay's `units` entry would be
        // (docs/scenario-format.md, Units), instead of failing on the missing `units` key.
        if segments.count >= 3, segments[0] == "units", self["unitTable"] != nil {
            func nested(_ rest: ArraySlice<String>) -> JSONValue {
                guard let key = rest.first else { return newValue }
                return .object([(key: key, value: nested(rest.dropFirst()))])
            }
            guard case .object(let setting) = nested(segments[2...]) else { return self }
            let unit = JSONValue.object([(key: "id", value: .string(segments[1]))] + setting)
            return overlaid(with: .object([(key: "units", value: .array([unit]))]))
        }
        return try setting(segments[...], to: newValue, walked: "")
    }

    private func setting(_ segments: ArraySlice<String>, to newValue: JSONValue, walked: String) throws(EditError) -> JSONValue {
        guard let head = segments.first else { return newValue }
        let here = walked.isEmpty ? head : "\(walked).\(head)"
        let rest = segments.dropFirst()
        switch self {
        case .object(var members):
            if rest.isEmpty && newValue == .null {
                members.removeAll { $0.key == head }  // `null` removes the key, as in overlays
            } else if let i = members.firstIndex(where: { $0.key == head }) {
                members[i].value = try members[i].value.setting(rest, to: newValue, walked: here)
            } else if rest.isEmpty {
                members.append((head, newValue))
            } else {
                throw EditError(message: "no key \"\(head)\" at \(walked.isEmpty ? "the top level" : walked); keys there: \(members.map(\.key).joined(separator: ", "))")
            }
            return .object(members)
        case .array(var elements):
            let index: Int
            if let i = elements.firstIndex(where: { $0["id"] == .string(head) }) {
                index = i
            } else if let n = Int(head), elements.indices.contains(n) {
                index = n
            } else {
                let ids = elements.compactMap { element -> String? in
                    if case .string(let id)? = element["id"] { return id }
                    return nil
                }
                throw EditError(message: "no element \"\(head)\" in \(walked); expected an id (\(ids.joined(separator: ", "))) or a position 0…\(elements.count - 1)")
            }
            elements[index] = try elements[index].setting(rest, to: newValue, walked: here)
            return .array(elements)
        default:
            throw EditError(message: "\(walked) is \(typeName), not an object or array, so it has no \"\(head)\"")
        }
    }

    /// Lays `overlay` over this value: objects merge key by key (a `null` removes the key),
    /// arrays of objects with ids merge element by element (new ids are appended), anything
    /// else is replaced.
    public func overlaid(with overlay: JSONValue) -> JSONValue {
        switch (self, overlay) {
        case (.object(var members), .object(let changes)):
            for (key, change) in changes {
                if let i = members.firstIndex(where: { $0.key == key }) {
                    if change == .null {
                        members.remove(at: i)
                    } else {
                        members[i].value = members[i].value.overlaid(with: change)
                    }
                } else if change != .null {
                    members.append((key, change))
                }
            }
            return .object(members)
        case (.array(var elements), .array(let changes))
            where changes.allSatisfy({ if case .string? = $0["id"] { return true } else { return false } }):
            for change in changes {
                if let i = elements.firstIndex(where: { $0["id"] == change["id"] }) {
                    elements[i] = elements[i].overlaid(with: change)
                } else {
                    elements.append(change)
                }
            }
            return .array(elements)
        default:
            return overlay
        }
    }
}
