import Foundation
import Testing
@testable import MotCua

/// The command line is declared once: these tests walk the declarations the executable reports
/// (`motcua help --declarations`), so a new command or option is covered without editing them.
extension CommandLineTests {
    /// Each declared option: its command, its name and values its parser must refuse.
    struct DeclaredOption {
        let command: String
        let name: String
        let wrongValues: [String]
    }

    func declarations() throws -> [DeclaredOption] {
        let listing = try motcua(["help", "--declarations"])
        #expect(listing.status == 0)
        return listing.output.split(separator: "\n").map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return DeclaredOption(command: fields[0], name: fields[1], wrongValues: Array(fields.dropFirst(2)))
        }
    }

    @Test("every command: --help and help <command> exit 0 with the same text, which names every option; the usage names them too")
    func everyCommandHelp() throws {
        let options = try declarations()
        let commands = Array(Set(options.map(\.command))).sorted()
        #expect(commands.count >= 8, "\(commands)")
        let usage = try motcua(["--help"])
        #expect(usage.status == 0)
        for command in commands {
            let own = try motcua([command, "--help"]), viaHelp = try motcua(["help", command])
            #expect(own.status == 0 && viaHelp.status == 0, "\(command)")
            #expect(own.output == viaHelp.output, "\(command): --help and help \(command) differ")
            #expect(own.output.contains("USAGE: motcua \(command)"))
            for option in options where option.command == command {
                #expect(own.output.contains(option.name), "\(command) --help omits \(option.name)")
                if option.name != "--help" {
                    #expect(usage.output.contains(option.name), "the usage omits \(command) \(option.name)")
                }
            }
        }
    }

    @Test("every typed option of every command: a wrong value exits 2 with a message naming the option")
    func everyWrongValue() throws {
        var checked = 0
        for option in try declarations() {
            for wrong in option.wrongValues {
                let outcome = try motcua([option.command, option.name, wrong])
                #expect(outcome.status == 2, "\(option.command) \(option.name) \"\(wrong)\": status \(outcome.status)")
                #expect(outcome.errors.contains("error: \(option.name)"),
                        "\(option.command) \(option.name) \"\(wrong)\": \(outcome.errors.prefix(200))")
                checked += 1
            }
        }
        #expect(checked > 60)
    }

    @Test("--seed banana and --seed -5 are refused by run, compare, sweep and staff alike")
    func seedRefusedEverywhere() throws {
        for command in ["run", "compare", "sweep", "staff"] {
            for seed in ["banana", "-5"] {
                let outcome = try motcua([command, "scenarios/validation/mm1.json", "--seed", seed, "--load", "1:2:0.5"])
                #expect(outcome.status == 2 && outcome.errors.contains("--seed"), "\(command) --seed \(seed)")
            }
        }
    }

    @Test("an option that takes one value is refused when given twice; a repeatable one is not")
    func givenTwice() throws {
        let twice = try motcua(["run", "scenarios/validation/mm1.json", "--seed", "1", "--seed", "2"])
        #expect(twice.status == 2 && twice.errors.contains("--seed is given twice"))
        let repeated = try motcua(["validate", "scenarios/validation/mm1.json", "--set", "seed=1", "--set", "seed=2"])
        #expect(repeated.status == 0, "\(repeated.errors)")
    }

    @Test("motcua --version names the version and the results format")
    func version() throws {
        for spelling in ["--version", "version"] {
            let outcome = try motcua([spelling])
            #expect(outcome.status == 0)
            #expect(outcome.output.hasPrefix("motcua ") && outcome.output.contains(simulatorModelVersion))
        }
    }
}
