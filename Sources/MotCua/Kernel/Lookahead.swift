// Reading ahead: a run spends most of its time waiting for memory, not computing. Each event
// touches a few lines that are rarely in the cache — its dossier's record and clock, its
// office, the next dossier in that office's queue — and waits for each in turn. The scheduler
// therefore reads a byte of each line the next event will need before it handles the current
// one: the processor fetches them while it works on the current event, and the next event
// finds them in the cache. Nothing read here decides anything, so the results are unchanged.

extension SimulationRun {
    /// Reads a byte of the lines `event` will touch first; returns their sum, which the caller keeps.
    @inline(__always)
    func touchAhead(_ event: Event) -> UInt8 {
        switch event.kind {
        case .serviceDone:
            let next = withOffice(event.target, ()) { office, _ in office.touchAhead() }
            return event.dossier >= 0 ? next &+ context.dossiers.touch(event.dossier) : next
        case .reachOffice, .lagDone, .returnWithPapers, .supplementDone, .withdraw:
            return context.dossiers.touch(event.dossier)
        case .arrival:
            let stream = Int(event.target)
            return arrivalRandom.touch(stream) &+ arrivalCursors.touch(stream) &+ context.dossiers.touchNextSlot()
        case .session, .staffChange, .pickup:
            return 0
        }
    }
}
