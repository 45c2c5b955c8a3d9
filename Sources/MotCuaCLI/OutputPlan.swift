import Foundation
import MotCua
import Synchronization

/// The files a command writes, checked before the work starts and put in place together at the
/// end, so that a user's files are never destroyed and an interrupted command leaves either all
/// its outputs or none.
///
/// Before the work: each output's folder must exist and be writable (a folder option such as
/// `--csv` or `--results` needs only a writable ancestor: it is created), no output may be one
/// of the command's inputs, and no two outputs may be the same file — compared by the path with
/// its links resolved and by device and inode. An existing file is replaced only when MotCua
/// wrote it as an output of the same kind (``OutputOwnership``). Stale temporary files of killed runs are removed
/// from the output folders. At the end every output is first written to its temporary file, then
/// all are put in place; an interruption waits until they are.
struct OutputPlan {
    /// An input of the command, for the message when an output would overwrite it.
    struct Input {
        let what: String
        let path: String
    }

    private var files: [String: OutputFile.Target] = [:]
    private var staged: [OutputFile.Target] = []
    /// The inputs with their paths resolved and their device and inode: a file staged into a
    /// folder output is checked against them too.
    private let inputIdentities: [(input: Input, resolved: String, identity: FileIdentity?)]

    /// Held while outputs are put in place; the interruption handler takes it first.
    static let committing = Mutex<Void>(())

    /// Ctrl-C or SIGTERM: waits while outputs are being put in place, removes any temporary
    /// file, and stops with status 130. (Here, not in main.swift, whose closures would be bound
    /// to the main actor, while the signal handler runs on a dispatch queue.)
    static func interrupted() -> Never {
        committing.withLock { _ in PartialFiles.removeAll() }
        printError("\ninterrupted: no partial output left; finished replications kept with --results are reused by the same command")
        exit(ExitStatus.interrupted.rawValue)
    }

    /// The names of the files a folder output may write into its folder (`--csv`: the tables
    /// of every command; `--results`: one file per replication). A file of those names in the
    /// folder is written over, so no input and no other output may be one.
    static func writesIntoFolder(_ option: String, name: String) -> Bool {
        switch option {
        case "--csv": DocumentTables.knownCSVNames.contains(name)
        case "--results": name.hasSuffix(".json") && name.contains("-seed") && name.contains("-rep")
        default: false
        }
    }

    /// The files the scenarios name and that were read (holiday, procedure and unit tables), as
    /// inputs no output may overwrite.
    static func inputs(readBy scenarios: [Scenario]) -> [Input] {
        var seen = Set<String>()
        return scenarios.flatMap(\.inputFiles).filter { seen.insert($0.path).inserted }.map { Input(what: $0.what, path: $0.path) }
    }

    /// Checks the outputs named by the command's output options and its folders against each
    /// other and against `inputs` and the files the `scenarios` read.
    init(_ parsed: ParsedArguments, inputs: [Input], scenarios: [Scenario] = []) throws(CommandFailure) {
        let inputIdentities = (inputs + Self.inputs(readBy: scenarios)).map {
            (input: $0, resolved: OutputFile.resolvingLinks($0.path), identity: FileIdentity(path: $0.path))
        }
        self.inputIdentities = inputIdentities
        var chosen: [(option: String, target: OutputFile.Target)] = []
        var folders: [(option: String, path: String, resolved: String)] = []
        for option in parsed.command.options {
            guard let path = parsed.value(option.name) else { continue }
            switch option.kind {
            case .output:
                let target: OutputFile.Target
                // A path that cannot be written, found before anything runs, is the user's to correct (exit 2).
                do { target = try OutputFile.target(path) } catch { throw .badInput("\(option.name) \(path): \(error.reason)") }
                let identity = target.identity
                for input in inputIdentities where input.resolved == target.resolved || (identity != nil && identity == input.identity) {
                    throw .badInput("\(option.name) \(path) is also an input (\(input.input.what) \(input.input.path)); "
                                    + "refusing to overwrite it")
                }
                for other in chosen where !target.isDevice
                    && (other.target.resolved == target.resolved || (identity != nil && identity == other.target.identity)) {
                    throw .badInput("\(other.option) and \(option.name) both name \(path); give each output its own file")
                }
                // An existing file is replaced only when MotCua wrote it as this kind of output.
                if !target.isDevice { try OutputOwnership.check(path, resolved: target.resolved, option: option.name) }
                chosen.append((option.name, target))
                files[option.name] = target
                PartialFiles.removeStale(in: target.folder)
            case .folder:
                try Self.checkFolder(path, option: option.name)
                folders.append((option.name, path, OutputFile.resolvingLinks(path)))
                PartialFiles.removeStale(in: path)
            default:
                continue
            }
        }
        // A file the folder output writes (DIR/targets.csv) must be neither an input nor another output.
        for folder in folders {
            func written(_ resolved: String) -> Bool {
                let (parent, name) = OutputFile.split(resolved)
                return parent == folder.resolved && Self.writesIntoFolder(folder.option, name: name)
            }
            for input in inputIdentities where written(input.resolved) {
                throw .badInput("\(folder.option) \(folder.path) writes \(OutputFile.split(input.resolved).name) there, which is also "
                                + "an input (\(input.input.what) \(input.input.path)); refusing to overwrite it: choose another folder")
            }
            for other in chosen where written(other.target.resolved) {
                throw .badInput("\(folder.option) \(folder.path) writes \(OutputFile.split(other.target.resolved).name) there, which "
                                + "\(other.option) \(other.target.path) also names; give each output its own file")
            }
            try OutputOwnership.checkFolder(folder.path, option: folder.option)
        }
    }

    /// A folder output: an existing writable folder, or a path whose nearest existing ancestor
    /// is a writable folder (it is created when written).
    static func checkFolder(_ path: String, option: String) throws(CommandFailure) {
        var current = OutputFile.resolvingLinks(path)
        var isFolder: ObjCBool = false
        while !FileManager.default.fileExists(atPath: current, isDirectory: &isFolder) {
            let parent = OutputFile.split(current).folder
            if parent == current { break }
            current = parent
        }
        guard isFolder.boolValue else { throw .badInput("\(option) \(path): \(current) is not a folder") }
        guard access(current, W_OK | X_OK) == 0 else {
            throw .badInput("\(option) \(path): cannot write into \(current): \(String(cString: strerror(errno)))")
        }
    }

    /// The temporary file an output option's content is streamed to (the `--events` log); it is
    /// put in place by ``commit()``.
    mutating func streamingPath(for option: String) -> String? {
        guard let target = files[option] else { return nil }
        PartialFiles.register(target.partial)
        staged.append(target)
        return target.partial
    }

    /// A failure of the simulation, with the temporary files streamed to named by the user's paths.
    func failure(_ error: SimulationError) -> CommandFailure {
        let failure = CommandFailure.simulation(error)
        guard case .output(var message) = failure else { return failure }
        for target in staged { message = message.replacingOccurrences(of: target.partial, with: target.path) }
        return .output(message)
    }

    /// Writes the output of `option`, if the command was given one, to its temporary file.
    mutating func stage(_ text: String, for option: String) throws(CommandFailure) {
        try stage(Data(text.utf8), for: option)
    }

    /// Writes the bytes of `option`'s output (a workbook), if the command was given one, to its
    /// temporary file.
    mutating func stage(_ data: Data, for option: String) throws(CommandFailure) {
        guard let target = files[option] else { return }
        try stage(data, to: target)
    }

    /// Writes `text` into the folder of `option` as `name`, creating the folder.
    mutating func stage(_ text: String, named name: String, inFolderOf option: String, parsed: ParsedArguments) throws(CommandFailure) {
        guard let folder = parsed.value(option) else { return }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .output("cannot create the folder \(folder): \(error.localizedDescription)")
        }
        let target: OutputFile.Target
        do { target = try OutputFile.target(folder + "/" + name) } catch { throw .output(error.description) }
        // The names checked up front are those known; a table added since is checked here, still
        // before anything is put in place.
        let identity = target.identity
        for input in inputIdentities where input.resolved == target.resolved || (identity != nil && identity == input.identity) {
            throw .badInput("\(option) \(folder) writes \(name) there, which is also an input (\(input.input.what) "
                            + "\(input.input.path)); refusing to overwrite it: choose another folder")
        }
        for other in staged + files.values where other.resolved == target.resolved {
            throw .badInput("\(option) \(folder) writes \(name) there, which \(other.path) also names; give each output its own file")
        }
        try OutputOwnership.checkTable(folder, name: name, option: option)
        try stage(Data(text.utf8), to: target)
    }

    private mutating func stage(_ data: Data, to target: OutputFile.Target) throws(CommandFailure) {
        do { try OutputFile.stage(data, to: target) } catch { throw .output(error.description) }
        staged.append(target)
    }

    /// Puts every staged output in place, one after the other; an interruption meanwhile waits.
    func commit() throws(CommandFailure) {
        try Self.committing.withLock { _ throws(CommandFailure) in
            for target in staged {
                do throws(OutputFile.WriteError) { try OutputFile.commit(target) } catch { throw .output(error.description) }
            }
        }
    }
}
