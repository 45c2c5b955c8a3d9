/// One field of calibrate's back-test: the on-time rate observed in the records against the
/// calibrated scenario's, simulated over the records' period, and whether they disagree.
public struct CalibrationCheck: Sendable {
    public let field: String
    public let name: String
    /// The field's Vietnamese name, when the scenario gives one.
    public var nameVi: String? = nil
    public let observed: Double
    public let simulated: Estimate

    /// How far, in rate, the observed value may lie outside the simulated 95% interval before it
    /// is a misfit: the records are one sample of the period too, and with one replication there
    /// is no interval at all, only this tolerance around the simulated value.
    public static let tolerance = 0.01

    /// Whether the simulated replications give an interval (one replication gives none).
    public var hasInterval: Bool { simulated.count > 1 }

    /// The observed value lies outside the simulated interval widened by ``tolerance``.
    public var isMisfit: Bool {
        observed < simulated.low - CalibrationCheck.tolerance || observed > simulated.high + CalibrationCheck.tolerance
    }

    /// The fields observed in the records that the simulation also has, in the records' order.
    public static func fields(observed: [(field: String, rate: Double, dossiers: Int)],
                              simulated: [RateResult]) -> [CalibrationCheck] {
        observed.compactMap { entry in
            simulated.first { $0.id == entry.field }.map {
                CalibrationCheck(field: entry.field, name: $0.name, nameVi: $0.nameVi, observed: entry.rate, simulated: $0.onTimeRate)
            }
        }
    }
}
