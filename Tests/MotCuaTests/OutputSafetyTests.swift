import Foundation
import Testing
@testable import MotCua

/// A user's files are never destroyed, and a failed write is exit status 1 naming the path —
/// never 3, never a half-written file (issues 14 and 15).
extension CommandLineTests {
    static let small = ["--set", "horizon.days=20"]

    /// A fresh folder for one test.
    func scratchFolder(_ name: String) throws -> String {
        let folder = NSTemporaryDirectory() + "motcua-\(name)-\(getpid())"
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A copy of the M/M/1 scenario in `folder`.
    func scenarioCopy(in folder: String, named name: String = "v.json") throws -> String {
        let path = folder + "/" + name
        try FileManager.default.copyItem(atPath: Repository.path("scenarios/validation/mm1.json"), toPath: path)
        return path
    }

    /// The temporary files left in `folder`.
    func partials(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".partial") }
    }

    /// Runs motcua under a shell (for limits and redirections); `script` gets the executable as $M.
    func shell(_ script: String) throws -> Outcome {
        let executable = try #require(CommandLineTests.executable, "build the motcua product first")
        return try motcua(["-c", script], environment: ["M": executable], program: "/bin/sh")
    }

    @Test("--events naming a folder: exit 2 naming it, before the run, and no partial file")
    func eventsToFolder() throws {
        let folder = try scratchFolder("events-folder")
        let scenario = try scenarioCopy(in: folder)
        try FileManager.default.createDirectory(atPath: folder + "/d", withIntermediateDirectories: true)
        let outcome = try motcua(["run", scenario] + Self.small + ["--events", folder + "/d"])
        #expect(outcome.status == 2, "\(outcome.errors)")
        #expect(outcome.errors.contains(folder + "/d") && !outcome.errors.contains("internal error"))
        #expect(partials(in: folder).isEmpty && partials(in: folder + "/d").isEmpty)
    }

    @Test("a full disk under --events or --results: exit 1 naming the path and the reason, no partial file, no trap")
    func fullDisk() throws {
        // A file-size limit stands in for a full disk: writes past it fail (SIGXFSZ ignored).
        let folder = try scratchFolder("full-disk")
        let scenario = try scenarioCopy(in: folder)
        let events = try shell("trap '' XFSZ; ulimit -f 200; exec \"$M\" run \(scenario) --set horizon.days=20 --events \(folder)/ev.csv")
        #expect(events.status == 1, "\(events.errors.prefix(300))")
        #expect(events.errors.contains("\(folder)/ev.csv") && events.errors.contains("File too large"))
        let results = try shell("trap '' XFSZ; ulimit -f 1; exec \"$M\" run \(scenario) --set horizon.days=20 --replications 2 "
                                + "--results \(folder)/res")
        #expect(results.status == 1, "\(results.errors.prefix(300))")
        #expect(results.errors.contains("\(folder)/res/") && !results.errors.contains("internal error"))
        #expect(partials(in: folder).isEmpty && partials(in: folder + "/res").isEmpty)
    }

    @Test("an output that is an input is refused (exit 2), by path, through a link and by hard link; the input is intact")
    func outputIsInput() throws {
        let folder = try scratchFolder("output-input")
        let scenario = try scenarioCopy(in: folder)
        let original = try Data(contentsOf: URL(fileURLWithPath: scenario))
        try FileManager.default.createSymbolicLink(atPath: folder + "/link.json", withDestinationPath: "v.json")
        try FileManager.default.linkItem(atPath: scenario, toPath: folder + "/hard.json")
        for option in ["--json", "--html", "--events"] {
            for output in [scenario, folder + "/link.json", folder + "/hard.json", folder + "/../" + (folder as NSString).lastPathComponent + "/v.json"] {
                let outcome = try motcua(["run", scenario] + Self.small + [option, output])
                #expect(outcome.status == 2 && outcome.errors.contains("is also an input"), "\(option) \(output)")
            }
        }
        let overlay = folder + "/overlay.json"
        try "{}".write(toFile: overlay, atomically: true, encoding: .utf8)
        #expect(try motcua(["run", scenario, "--overlay", overlay, "--json", overlay] + Self.small).status == 2)
        #expect(try Data(contentsOf: URL(fileURLWithPath: scenario)) == original)
        #expect(try String(contentsOfFile: overlay, encoding: .utf8) == "{}")

        let records = folder + "/r.csv"
        try FileManager.default.copyItem(atPath: Repository.path("scenarios/samples/go-vap-synthetic-records.csv"), toPath: records)
        let recordsBefore = try Data(contentsOf: URL(fileURLWithPath: records))
        let base = folder + "/base.json"
        try FileManager.default.copyItem(atPath: Repository.path("scenarios/go-vap-2024.json"), toPath: base)
        let baseBefore = try Data(contentsOf: URL(fileURLWithPath: base))
        #expect(try motcua(["calibrate", records, "--base", base, "--out", records]).status == 2)
        #expect(try motcua(["calibrate", records, "--base", base, "--out", base]).status == 2)
        #expect(try Data(contentsOf: URL(fileURLWithPath: records)) == recordsBefore)
        #expect(try Data(contentsOf: URL(fileURLWithPath: base)) == baseBefore)
    }

    @Test("two outputs naming one file are refused (exit 2) before the run")
    func sameOutputTwice() throws {
        let folder = try scratchFolder("same-output")
        let scenario = try scenarioCopy(in: folder)
        for pair in [["--json", "x", "--html", "x"], ["--events", "x", "--json", "./x"], ["--html", "x", "--events", folder + "/x"]] {
            let outcome = try motcua(["run", scenario] + Self.small + pair.map { $0 == "x" || $0 == "./x" ? folder + "/" + $0 : $0 })
            #expect(outcome.status == 2 && outcome.errors.contains("both name"), "\(pair)")
            #expect(!FileManager.default.fileExists(atPath: folder + "/x"))
        }
    }

    @Test("a symbolic link is followed (the link stays, its target is written); /dev/null stays a device")
    func linksAndDevices() throws {
        let folder = try scratchFolder("links")
        let scenario = try scenarioCopy(in: folder)
        // An earlier report (only MotCua's own outputs may be replaced).
        try "{\n  \"format\": \"motcua-report/1\"\n}\n".write(toFile: folder + "/real.json", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder + "/out.json", withDestinationPath: "real.json")
        #expect(try motcua(["run", scenario] + Self.small + ["--json", folder + "/out.json"]).status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder + "/out.json") == "real.json")
        #expect(try String(contentsOfFile: folder + "/real.json", encoding: .utf8).contains("motcua-report"))
        // A link to a file not yet written: the file is created, the link kept.
        try FileManager.default.createSymbolicLink(atPath: folder + "/later.html", withDestinationPath: "later-target.html")
        #expect(try motcua(["run", scenario] + Self.small + ["--html", folder + "/later.html"]).status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder + "/later.html") == "later-target.html")
        #expect(FileManager.default.fileExists(atPath: folder + "/later-target.html"))

        let outcome = try motcua(["run", scenario] + Self.small + ["--json", "/dev/null", "--events", "/dev/null"])
        #expect(outcome.status == 0, "\(outcome.errors)")
        let attributes = try FileManager.default.attributesOfItem(atPath: "/dev/null")
        #expect(attributes[.type] as? FileAttributeType == .typeCharacterSpecial)
        #expect(partials(in: "/dev").isEmpty && partials(in: NSTemporaryDirectory()).allSatisfy { !$0.contains("null.") })
    }

    @Test("a failed write to standard output is exit 1: > /dev/full, with a short and a long report")
    func standardOutputFull() throws {
        let short = try shell("exec \"$M\" run scenarios/validation/mm1.json --set horizon.days=20 > /dev/full")
        #expect(short.status == 1 && short.errors.contains("standard output"), "\(short.errors)")
        let long = try shell("exec \"$M\" run scenarios/go-vap-2024.json --set horizon.days=20 > /dev/full")
        #expect(long.status == 1 && long.errors.contains("standard output"), "\(long.errors)")
        let help = try shell("exec \"$M\" --help > /dev/full")
        #expect(help.status == 1)
    }

    @Test("output paths are checked before the simulation: nothing is run for an output that cannot be written")
    func outputsCheckedFirst() throws {
        let folder = try scratchFolder("checked-first")
        let results = folder + "/results"
        let outcome = try motcua(["run", "scenarios/validation/mm1.json", "--replications", "6", "--results", results,
                                  "--json", "/nonexistent/x.json"] + Self.small)
        #expect(outcome.status == 2 && outcome.errors.contains("/nonexistent"))
        // Had the replications run, --results would hold them.
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: results)) ?? []).isEmpty)
        let csv = try motcua(["run", "scenarios/validation/mm1.json", "--csv", scenarioCopy(in: folder) + "/tables"] + Self.small)
        #expect(csv.status == 2, "a --csv folder under a file")
    }

    @Test("stale partial files of killed runs are removed on the next run; those of a live process are kept")
    func stalePartials() throws {
        let folder = try scratchFolder("stale")
        let scenario = try scenarioCopy(in: folder)
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let stale = folder + "/.out.json.\(finished.processIdentifier).partial"
        let live = folder + "/.out.json.\(getpid()).partial"
        let foreign = folder + "/notes.partial"
        for path in [stale, live, foreign] { try "x".write(toFile: path, atomically: false, encoding: .utf8) }
        #expect(try motcua(["run", scenario, "--json", folder + "/out.json"] + Self.small).status == 0)
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(FileManager.default.fileExists(atPath: live) && FileManager.default.fileExists(atPath: foreign))
    }

    @Test("Ctrl-C while the outputs are being written leaves all of them or none")
    func interruptedOutputs() throws {
        let folder = try scratchFolder("interrupted")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(CommandLineTests.executable))
        process.currentDirectoryURL = URL(fileURLWithPath: Repository.root)
        process.arguments = ["run", "scenarios/go-vap-2024.json", "--set", "horizon.days=60", "--json", folder + "/r.json",
                             "--csv", folder + "/tables", "--html", folder + "/r.html"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Interrupt the moment the first output appears.
        while process.isRunning && !FileManager.default.fileExists(atPath: folder + "/r.json") { usleep(200) }
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        let present = [folder + "/r.json", folder + "/r.html", folder + "/tables/targets.csv"].map(FileManager.default.fileExists)
        #expect(present.allSatisfy { $0 } || present.allSatisfy { !$0 }, "json, html, csv present: \(present)")
        #expect(partials(in: folder).isEmpty)
    }
}
