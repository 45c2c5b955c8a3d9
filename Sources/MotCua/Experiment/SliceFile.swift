import Foundation

/// A slice of a sharded experiment, as `motcua run --shard I/N --json slice.json` writes it and
/// `motcua merge` reads it.
///
/// A slice may have travelled through a cluster's file systems and a user's editor, so every
/// value is checked before it is used: a number that should be a replication index is a whole
/// number in range, never converted blindly (`"replication": 1e300` is an error naming the file
/// and `$.results[0].replication`, not a trap).
public struct SliceFile: Sendable {
    /// The `format` value of a slice.
    public static let format = "motcua-slice/1"
    /// The most replications an experiment may have (as `run --replications` allows).
    public static let maximumReplications = 100_000
    /// The largest load factor (as `run --load` allows).
    public static let maximumLoad = 100.0

    /// The scenario file, overlays and `--set` settings of the experiment, as given to `run`.
    public let scenario: String
    public let overlays: [String]
    public let settings: [String]
    /// The `--load` factor.
    public let load: Double
    /// The scenario's fingerprint (hexadecimal).
    public let fingerprint: String
    /// The run seed.
    public let seed: UInt64
    /// Replications of the whole experiment (all slices together).
    public let replications: Int
    /// This slice's replications: index and result.
    public let results: [(replication: Int, result: RunResult)]

    /// Reads the slice file at `path`.
    public init(path: String) throws(ScenarioError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScenarioError(file: path, issues: [ScenarioIssue(path: "$", message: "cannot be read")])
        }
        try self.init(bytes: [UInt8](data), file: path)
    }

    /// Reads a slice from its bytes; `file` names it in errors.
    public init(bytes: [UInt8], file: String) throws(ScenarioError) {
        func fail(_ path: String, _ message: String) -> ScenarioError {
            ScenarioError(file: file, issues: [ScenarioIssue(path: path, message: message)])
        }
        let document: JSONValue
        do { document = try JSONParser.parse(bytes) } catch {
            throw fail("$", "not a slice file (format \(SliceFile.format)) written by motcua run --shard: line \(error.line), column \(error.column): \(error.message)")
        }
        guard document["format"] == .string(SliceFile.format) else {
            throw fail("$", "not a slice file (format \(SliceFile.format)) written by motcua run --shard")
        }
        func string(_ key: String) throws(ScenarioError) -> String {
            guard case .string(let text)? = document[key] else { throw fail("$.\(key)", "expected a string, found \(document[key]?.typeName ?? "nothing")") }
            return text
        }
        func strings(_ key: String) throws(ScenarioError) -> [String] {
            guard case .array(let items)? = document[key] else { throw fail("$.\(key)", "expected an array of strings, found \(document[key]?.typeName ?? "nothing")") }
            var texts: [String] = []
            for (i, item) in items.enumerated() {
                guard case .string(let text) = item else { throw fail("$.\(key)[\(i)]", "expected a string, found \(item.typeName)") }
                texts.append(text)
            }
            return texts
        }
        scenario = try string("scenario")
        overlays = try strings("overlays")
        settings = try strings("settings")
        fingerprint = try string("fingerprint")
        guard let load = document["load"]?.numberValue, load > 0, load <= SliceFile.maximumLoad else {
            throw fail("$.load", "expected a number above 0 and at most \(Int(SliceFile.maximumLoad)), found \(SliceFile.describe(document["load"]))")
        }
        self.load = load
        let seedText = try string("seed")
        guard let seed = UInt64(seedText) else { throw fail("$.seed", "expected a whole number from 0 to \(UInt64.max) in a string, found \"\(seedText)\"") }
        self.seed = seed
        guard let replications = SliceFile.wholeNumber(document["replications"], in: 1...SliceFile.maximumReplications) else {
            throw fail("$.replications", "expected a whole number from 1 to \(SliceFile.maximumReplications), found \(SliceFile.describe(document["replications"]))")
        }
        self.replications = replications
        guard case .array(let items)? = document["results"] else { throw fail("$.results", "expected an array, found \(document["results"]?.typeName ?? "nothing")") }
        var results: [(replication: Int, result: RunResult)] = []
        for (i, item) in items.enumerated() {
            guard let replication = SliceFile.wholeNumber(item["replication"], in: 0...(replications - 1)) else {
                throw fail("$.results[\(i)].replication", "expected a whole number from 0 to \(replications - 1), found \(SliceFile.describe(item["replication"]))")
            }
            guard let value = item["result"] else { throw fail("$.results[\(i)].result", "missing") }
            do {
                results.append((replication, try JSONDecoder().decode(RunResult.self, from: Data(JSONWriter.text(value).utf8))))
            } catch {
                throw fail("$.results[\(i)].result", "a result cannot be read (a slice written by another version of "
                           + "MotCua? this one writes results format \(simulatorModelVersion); run the shards again): "
                           + SliceFile.reason(error))
            }
        }
        self.results = results
    }

    /// The results of every replication of one experiment from its `slices` (read from
    /// `files`, in the same order), in replication order; the slices must come from one
    /// experiment and hold each replication exactly once.
    public static func combine(_ slices: [SliceFile], files: [String]) throws(ScenarioError) -> [RunResult] {
        guard let first = slices.first else { return [] }
        var results: [RunResult?] = Array(repeating: nil, count: first.replications)
        for (slice, file) in zip(slices, files) {
            guard slice.fingerprint == first.fingerprint, slice.seed == first.seed, slice.replications == first.replications else {
                throw ScenarioError(file: file, issues: [ScenarioIssue(path: "$", message: "comes from another experiment (scenario, overlays, settings, load, seed or replications differ) than \(files[0])")])
            }
            for (replication, result) in slice.results {
                guard results[replication] == nil else {
                    throw ScenarioError(file: file, issues: [ScenarioIssue(path: "$.results", message: "replication \(replication) is also in another slice")])
                }
                results[replication] = result
            }
        }
        let missing = results.indices.filter { results[$0] == nil }
        guard missing.isEmpty else {
            let listed = missing.prefix(20).map(String.init).joined(separator: ", ") + (missing.count > 20 ? "…" : "")
            throw ScenarioError(file: files.joined(separator: ", "), issues: [ScenarioIssue(path: "$.results", message: "replications missing from the slices: \(listed)")])
        }
        return results.compactMap { $0 }
    }

    /// `value` as an `Int` when it is a whole number in `range`; nil for anything else
    /// (fractions, 1e300, strings), so no conversion can trap.
    static func wholeNumber(_ value: JSONValue?, in range: ClosedRange<Int>) -> Int? {
        guard let x = value?.numberValue, x == x.rounded(), x >= Double(range.lowerBound), x <= Double(range.upperBound) else { return nil }
        return Int(x)
    }

    static func describe(_ value: JSONValue?) -> String {
        guard let value else { return "nothing" }
        switch value {
        case .number(let x): return JSONWriter.number(x)
        case .exactInteger(let n): return n.description
        case .string(let s): return "\"\(s.prefix(40))\""
        default: return value.typeName
        }
    }

    /// A decoding error in a sentence (where, and what).
    static func reason(_ error: any Error) -> String {
        guard let decoding = error as? DecodingError else { return "\(error)" }
        switch decoding {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context), .dataCorrupted(let context):
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return (path.isEmpty ? "" : "at \(path): ") + context.debugDescription
        @unknown default:
            return "\(error)"
        }
    }
}
