/// The targets a command's `--target ID` options select.
///
/// An id that is a target's id selects only that target (`late-land` does not also select
/// `late-land-branch`). An id that is no target's id selects the targets it begins, and the
/// command says which (`late` for `late-land` and `late-construction`; a target over every
/// field has one id per field, `on-time/land`). An id that begins none is an error listing the ids.
public enum TargetSelection {
    /// What one `--target` selected.
    public struct Match: Sendable, Equatable {
        /// The id as given.
        public let wanted: String
        /// The ids it selected.
        public let ids: [String]
        /// Whether it is no target's id, and selected by prefix.
        public let byPrefix: Bool

        /// For a selection by prefix, the line that says which targets it selected.
        public var note: String? {
            byPrefix ? "--target \(wanted) is no target's id; it selects by prefix: \(ids.joined(separator: ", "))" : nil
        }
    }

    /// A `--target` that is no target's id and begins none.
    public struct Unmatched: Error, Sendable, Equatable {
        public let wanted: String
        public let known: [String]
        public var message: String { "--target \(wanted): no target has this id or begins with it; targets: \(known.joined(separator: ", "))" }
    }

    /// The matches of each of `wanted` among `ids`, or the first that matches none.
    public static func select(_ wanted: [String], among ids: [String]) -> Result<[Match], Unmatched> {
        var matches: [Match] = []
        for id in wanted {
            if ids.contains(id) {
                matches.append(Match(wanted: id, ids: [id], byPrefix: false))
                continue
            }
            let begun = ids.filter { $0.hasPrefix(id) }
            guard !begun.isEmpty else { return .failure(Unmatched(wanted: id, known: ids)) }
            matches.append(Match(wanted: id, ids: begun, byPrefix: true))
        }
        return .success(matches)
    }

    /// Whether `id` is selected by `matches` (every id when there are none).
    public static func selects(_ matches: [Match], _ id: String) -> Bool {
        matches.isEmpty || matches.contains { $0.ids.contains(id) }
    }
}
