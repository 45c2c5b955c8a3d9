import Foundation
import MotCua

/// Ctrl-C or SIGTERM: remove the outputs being written, keep the finished replications of
/// `--results` (each was renamed into place when it finished), and stop with status 130. While
/// a command puts its outputs in place the interruption waits, so that it leaves all of them or
/// none.
let interruptions: [any DispatchSourceSignal] = [SIGINT, SIGTERM].map { number in
    signal(number, SIG_IGN)
    let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
    source.setEventHandler { OutputPlan.interrupted() }
    source.resume()
    return source
}

await Commands.main(Array(CommandLine.arguments.dropFirst()))
