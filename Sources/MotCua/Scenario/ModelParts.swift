// The compiled parts of a ``SimulationModel``: offices, procedures and their stages, with
// their rules as samplers, laid out as plain values for the run's hot path.

/// One office of a run.
public struct OfficeModel: Sendable {
    /// Position in ``SimulationModel/offices``.
    public let index: Int32
    /// Position of the scenario entry it comes from.
    public let entry: Int
    public let id: String
    public let name: String
    public let nameVi: String?
    public let kind: OfficeKind
    public let level: AdministrativeLevel
    /// Staff over time; the first step holds from time 0.
    public let staffPlan: [StaffStep]
    /// Index into ``SimulationModel/schedules``.
    public let schedule: Int
    /// Which ward instance it is, or -1.
    public let instance: Int
    /// Session times (minutes of the day); empty when the office works continuously.
    public let sessions: [Int]
    /// Patience of in-person citizens in its queue, compiled for drawing.
    public let patience: Sampler?

    /// Staff at the start of the horizon.
    public var staff: Int { staffPlan.first?.staff ?? 0 }
}

/// Dossiers of one procedure in progress at the start.
struct BacklogModel: Sendable {
    let procedure: Int
    let count: Int
    let elapsedWorkingDays: Distribution
    /// Stage index (1 = first step after the desk) of every dossier, or nil to place each by
    /// the working days it has used (``stage(reachedAfter:)``).
    let stage: Int?
    /// For each step of the route, the working days a dossier typically needs from the desk to
    /// the end of that step: the means of the lags and services of the steps whose time counts
    /// against the deadline (a step that stops the clock, like the tax office, adds nothing).
    let typicalEndOfStep: [Double]

    /// The step (1-based) a dossier's route typically reaches in `elapsed` working days: the
    /// first step not yet typically ended by then; the last step that counts against the
    /// deadline when all are (the dossier is slower than typical and about to be finished).
    func stage(reachedAfter elapsed: Double) -> Int {
        if let stage { return stage }
        if let step = typicalEndOfStep.indices.first(where: { elapsed < typicalEndOfStep[$0] }) { return step + 1 }
        let last = typicalEndOfStep.indices.last { $0 == 0 || typicalEndOfStep[$0] > typicalEndOfStep[$0 - 1] }
        return (last ?? 0) + 1
    }

    /// The typical end of each of `steps`, in working days of `minutesPerWorkingDay` minutes.
    static func typicalEnds(of steps: [StepSpec], minutesPerWorkingDay: Double) -> [Double] {
        var minutes = 0.0
        return steps.map { step in
            if !step.pausesDeadline { minutes += (step.lag?.mean ?? 0) + (step.service?.mean ?? 0) }
            return minutes / minutesPerWorkingDay
        }
    }
}

/// The staff of an office from a time on.
public struct StaffStep: Sendable, Equatable {
    public let time: SimTime
    public let staff: Int
}

/// A procedure ready to run, as plain values: the run keeps its procedures in a plain buffer
/// and reads them without counting references (its id is the scenario's, at the same index).
struct ProcedureModel: Sendable, BitwiseCopyable {
    let index: Int
    /// Index into the scenario's fields.
    let field: Int
    /// The deadline in force before any dated version (docs/model.md §11).
    let deadlineWorkingDays: Int
    /// Whether the deadline has dated versions (``SimulationModel/deadlineWorkingDays(of:receivedOnDay:)``).
    let hasDeadlineVersions: Bool
    let refusalShare: Double
    /// The route's stages are `firstStage ..< firstStage + stageCount` of
    /// ``SimulationModel/stages``; its stage 0 is the desk check (intake).
    let firstStage: Int
    let stageCount: Int
    let priorityShare: Double
    let incomplete: IncompleteModel?
    let digitization: DigitizationModel?
    let fee: FeeModel?
    let result: ResultModel?
    let withdrawal: WithdrawalModel?
    /// Share of accepted dossiers re-using documents already held, or nil (no re-use rule).
    let reuseShare: Double?
    /// The part of the scanning time a re-used dossier still takes.
    let reuseScanningShare: Double
}

/// One stage of a route, with its candidate offices (one, or one per ward).
struct StageModel: Sendable, BitwiseCopyable {
    /// The candidate offices are `firstOffice ..< firstOffice + officeCount` of ``SimulationModel/stageOffices``.
    let firstOffice: Int32
    let officeCount: Int32
    let service: Sampler?
    let lag: Sampler?
    let pausesDeadline: Bool
    let supplement: SupplementModel?

    /// Position in ``SimulationModel/stageOffices`` of the office serving a dossier of ward
    /// `instance` (the only office, or that ward's).
    @inline(__always)
    func officeSlot(instance: Int32) -> Int {
        Int(firstOffice) + (officeCount == 1 ? 0 : Int(instance))
    }
}

// The rules of a procedure compiled for running: the scenario's specs with samplers in
// place of distributions.

/// ``IncompleteSpec`` compiled.
struct IncompleteModel: Sendable, BitwiseCopyable {
    let share: Double
    let returnDelay: Sampler
    let returnShare: Double
    init(_ spec: IncompleteSpec, _ samplers: SamplerStorage) {
        share = spec.share
        returnDelay = samplers.sampler(spec.returnDelay)
        returnShare = spec.returnShare
    }
}

/// ``DigitizationSpec`` compiled.
struct DigitizationModel: Sendable, BitwiseCopyable {
    let share: Double
    let service: Sampler
    init(_ spec: DigitizationSpec, _ samplers: SamplerStorage) {
        share = spec.share
        service = samplers.sampler(spec.service)
    }
}

/// ``FeeSpec`` compiled.
struct FeeModel: Sendable, BitwiseCopyable {
    let ePaymentShare: Double
    let cashService: Sampler
    init(_ spec: FeeSpec, _ samplers: SamplerStorage) {
        ePaymentShare = spec.ePaymentShare
        cashService = samplers.sampler(spec.cashService)
    }
}

/// ``ResultSpec`` compiled.
struct ResultModel: Sendable, BitwiseCopyable {
    let electronicShare: Double
    let postalShare: Double
    let service: Sampler
    let pickupDelay: Sampler
    init(_ spec: ResultSpec, _ samplers: SamplerStorage) {
        electronicShare = spec.electronicShare
        postalShare = spec.postalShare
        service = samplers.sampler(spec.service)
        pickupDelay = samplers.sampler(spec.pickupDelay)
    }
}

/// ``WithdrawalSpec`` compiled.
struct WithdrawalModel: Sendable, BitwiseCopyable {
    let share: Double
    let after: Sampler
    init(_ spec: WithdrawalSpec, _ samplers: SamplerStorage) {
        share = spec.share
        after = samplers.sampler(spec.after)
    }
}

/// ``SupplementSpec`` compiled.
struct SupplementModel: Sendable, BitwiseCopyable {
    let share: Double
    let repeatShare: Double
    let delay: Sampler
    init(_ spec: SupplementSpec, _ samplers: SamplerStorage) {
        share = spec.share
        repeatShare = spec.repeatShare
        delay = samplers.sampler(spec.delay)
    }
}

/// A Poisson stream of arrivals of one procedure at one desk through one channel.
struct ArrivalStream: Sendable, BitwiseCopyable {
    let procedure: Int
    /// The receiving desk.
    let office: Int32
    /// The home unit (ward instance) of the dossiers, or -1; not always the desk's own when
    /// citizens may file anywhere.
    let instance: Int32
    /// Online dossiers arrive at any hour; paper ones only while the desk is open.
    let online: Bool
    /// Paper dossiers sent by public postal service: they arrive while the desk is open, but no
    /// citizen queues for them.
    let postal: Bool
    /// Mean gap between arrivals in weighted minutes (see ``CumulativeRate``); for a constant
    /// rate, in wall-clock minutes (online) or in the desk's open minutes (paper).
    let meanGap: Double
    /// Index of the stream's cumulative rate in ``SimulationModel/cumulativeRates``, or -1 for
    /// a constant rate.
    let rate: Int
}
