import Foundation

extension ExperimentSummary {
    /// The input that sets a measure's value, when one does (docs/model.md §7.3): the apology
    /// rate follows `onTimeShare`, the digitization and e-payment rates the procedures' shares
    /// (with online dossiers counted as electronic), the online rate the online shares. Nil
    /// for measures the flow decides (on time, late, withdrawn).
    /// - Parameter language: the language of the words MotCua adds (the kind of source) and of
    ///   the value's decimal mark (0.65 / 0,65); the input's name is the scenario's key, in every
    ///   language.
    static func inputDriving(_ measure: TargetMeasure, of members: [Int], in scenario: Scenario, language: Language = .en) -> String? {
        let procedures = members.map { scenario.procedures[$0] }
        func shareText(_ x: Double) -> String { language.numbers.input(x) }
        func shares(_ name: String, _ values: [Double]) -> String? {
            guard let low = values.min(), let high = values.max() else { return nil }
            let range = low == high ? shareText(low) : "\(shareText(low))–\(shareText(high))"
            return "\(name) = \(range)"
        }
        switch measure {
        case .onTimeRate, .lateRate, .withdrawnRate, .backlogClearedRate:
            return nil
        case .apologyRate:
            let policy = scenario.policies
            let kind = policy.apologySource.map { source in
                " (" + language.sourceKind(source.split(separator: ":", maxSplits: 1).first.map(String.init) ?? source) + ")"
            } ?? (language == .vi ? " (không có nguồn)" : " (no source)")
            // With dated versions (docs/model.md §11) the range over them.
            let values = [policy.apologyOnTimeShare] + policy.versions.map(\.rules.apologyOnTimeShare)
            return (shares("policies.apology.onTimeShare", values) ?? "") + kind
        case .digitizationRate:
            return [shares("digitization.share", procedures.map { $0.digitization?.share ?? 0 }),
                    shares("onlineShare", procedures.map(\.onlineShare))].compactMap { $0 }.joined(separator: ", ")
        case .ePaymentRate:
            let paying = procedures.filter { $0.fee != nil }
            return [shares("fee.ePaymentShare", paying.compactMap { $0.fee?.ePaymentShare }),
                    shares("onlineShare", paying.map(\.onlineShare))].compactMap { $0 }.joined(separator: ", ")
        case .onlineRate:
            return shares("onlineShare", procedures.map(\.onlineShare))
        case .reuseRate:
            return shares("reuse.share", procedures.compactMap { $0.reuse?.share })
        }
    }
}
