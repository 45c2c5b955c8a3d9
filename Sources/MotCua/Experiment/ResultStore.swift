import Foundation

/// Finished replications kept on disk, one file each, written atomically.
///
/// An interrupted experiment re-run with the same command finds the replications already done
/// and runs only the others; shards of a cluster run write the same files, which `merge`
/// reads. A replication's file is named by the experiment's fingerprint (scenario document,
/// overlays, settings, load, simulator version), the seed and the replication number, so a
/// changed scenario never reuses stale results.
public struct ResultStore: Sendable {
    /// The folder.
    public let directory: String
    /// The experiment's fingerprint.
    public let fingerprint: UInt64

    /// A store in `directory` (created when missing) for the experiment with `fingerprint`.
    public init(directory: String, fingerprint: UInt64) throws(OutputFile.WriteError) {
        self.directory = directory
        self.fingerprint = fingerprint
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw OutputFile.failure(directory, "cannot create the folder: \(error.localizedDescription)")
        }
    }

    /// The store in `folder` for `fingerprint`, or nil without a folder; a folder that cannot be
    /// created stops the experiment with its reason.
    public static func open(_ folder: String?, fingerprint: UInt64) throws(SimulationError) -> ResultStore? {
        guard let folder else { return nil }
        do {
            return try ResultStore(directory: folder, fingerprint: fingerprint)
        } catch {
            throw SimulationError(message: error.description)
        }
    }

    func path(seed: UInt64, replication: Int) -> String {
        let hex = String(fingerprint, radix: 16)
        return (directory as NSString).appendingPathComponent("\(hex)-seed\(seed)-rep\(replication).json")
    }

    /// The stored result of a replication, if there is a readable one.
    public func load(seed: UInt64, replication: Int) -> RunResult? {
        guard let data = FileManager.default.contents(atPath: path(seed: seed, replication: replication)) else { return nil }
        return try? JSONDecoder().decode(RunResult.self, from: data)
    }

    /// Stores a replication's result atomically.
    public func save(_ result: RunResult, seed: UInt64, replication: Int) throws(OutputFile.WriteError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text: String
        do {
            text = String(decoding: try encoder.encode(result), as: UTF8.self)
        } catch {
            throw OutputFile.WriteError(path: path(seed: seed, replication: replication), reason: "\(error)")
        }
        try OutputFile.write(text, to: path(seed: seed, replication: replication))
    }
}

/// The version of the simulation model, part of every result fingerprint: bump it when a
/// change of the simulator changes results, so that stored results are not reused.
public let simulatorModelVersion = "motcua-model/9"
