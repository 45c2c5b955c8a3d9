/// What the actors of one run share: the clock, the agenda (future-event list) and the
/// dossiers in progress.
///
/// Confinement, not locking, keeps it safe: a run's scheduler and offices are actors on one
/// ``RunExecutor``, and only they touch the context, so every access happens on that serial
/// executor. That is why it may be `@unchecked Sendable`. No other code receives it.
public final class RunContext: @unchecked Sendable {
    /// The compiled scenario.
    public let model: SimulationModel
    /// Virtual time of the event being processed.
    public internal(set) var now: SimTime = 0
    /// Future events.
    var agenda = Agenda()
    /// Dossiers in progress.
    var dossiers = DossierStore()

    init(model: SimulationModel) { self.model = model }

    /// Schedules an event; times before `now` are a programming error.
    @inline(__always)
    func schedule(at time: SimTime, _ kind: EventKind, target: Int32, dossier: Int32 = -1) {
        assert(time >= now, "event scheduled in the past")
        agenda.schedule(at: time, kind, target: target, dossier: dossier)
    }
}
