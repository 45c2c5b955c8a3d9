import Foundation
import Testing
@testable import MotCua

/// Bad input gets one clear message and exit 2, never a cascade, a raw terminal escape or a
/// silent success (issue #15, case 18).
@Suite("Bad input: one message per mistake, printable, and a failing status")
struct InputRobustnessTests {
    static let goVap = Repository.path("scenarios/go-vap-2024.json")

    @Test("one bad value at an office gives one message, not one per reference to that office")
    func noCascade() throws {
        do {
            _ = try ScenarioLoader.load(path: Self.goVap, overlays: [], settings: [("offices.land-branch.staff", "-3")])
            Issue.record("a negative staff count was accepted")
        } catch {
            #expect(error.issues.count == 1)
            #expect(error.issues.first?.path.hasSuffix(".staff") == true)
        }
    }

    @Test("a terminal escape in a name is refused, and the message shows it spelled out, not raw")
    func controlCharacters() throws {
        do {
            _ = try ScenarioLoader.load(path: Self.goVap, overlays: [], settings: [("offices.land-branch.name", "Land\u{1B}[31mRED")])
            Issue.record("a name with an escape sequence was accepted")
        } catch {
            let text = error.issues.map(\.message).joined(separator: "\n")
            #expect(text.contains("control characters"))
            #expect(!text.unicodeScalars.contains { $0.value == 0x1B })
            #expect(text.contains("\\u{1B}"))
        }
    }

    @Test("bench outside the repository stops at once with exit 2 instead of printing a failed table with exit 0")
    func benchWithoutWorkloads() throws {
        let bin = try #require(CommandLineTests.executable, "build the motcua product first")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-bench-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: bin)
        process.arguments = ["bench", "--workload", "mmc", "--repeat", "1"]
        process.currentDirectoryURL = folder
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(errors.contains("mmc-bench.json not found"))
    }
}
