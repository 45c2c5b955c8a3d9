// MARK: - The dossier balance with a warm-up (red-team 2 item 19; docs/model.md §9 item 23)

/// The dossier balance's lines: one equation when every simulated dossier is counted, and with a
/// warm-up two, labelled: all simulated dossiers (warm-up included), then the counted ones,
/// which are the dossiers of every table.
enum BalanceLines {
    /// One balance: its label (nil when there is only one) and its equation, means per
    /// replication, without the verdict.
    struct Balance {
        let label: String?
        let equation: String
        let isBalanced: Bool
    }

    /// The balances `summary` shows, in the order to print them.
    static func balances(_ summary: ExperimentSummary, language: Language) -> [Balance] {
        let all = Balance(label: summary.balanceIncludesWarmUp ? language.balanceAllSimulated : nil,
                          equation: equation(summary.balanceMean, summary, language),
                          isBalanced: summary.conservation.isBalanced)
        guard summary.balanceIncludesWarmUp else { return [all] }
        let counted = Balance(label: language.balanceCounted(summary.horizon.warmUpDays),
                              equation: equation(summary.countedBalanceMean, summary, language),
                              isBalanced: summary.countedConservation.isBalanced)
        return [all, counted]
    }

    /// "opening backlog B + received R = finished F + refused X + withdrawn W + in progress P".
    static func equation(_ mean: (KeyPath<Conservation, Int>) -> Estimate, _ summary: ExperimentSummary,
                         _ language: Language) -> String {
        let w = language.words
        let decimals = summary.replications > 1 ? 1 : 0
        func value(_ counter: KeyPath<Conservation, Int>) -> String {
            language.numbers.meanCount(mean(counter).mean, decimals: decimals)
        }
        return "\(w.backlog) \(value(\.backlog)) + \(w.received) \(value(\.received)) = \(w.finished) \(value(\.finished))"
            + " + \(w.refused) \(value(\.refused)) + \(w.withdrawn) \(value(\.withdrawn))"
            + " + \(w.inProgress) \(value(\.inProgress))"
    }
}

extension Language {
    /// The label of the balance of every simulated dossier, when a warm-up makes it differ from the tables'.
    var balanceAllSimulated: String {
        pick("all simulated, warm-up included:", "toàn bộ hồ sơ mô phỏng, kể cả giai đoạn khởi động:")
    }
    /// The label of the balance of the counted dossiers (those of the tables).
    func balanceCounted(_ warmUpDays: Int) -> String {
        pick("of which counted (the opening backlog and the dossiers received after the \(warmUpDays)-day warm-up, as in the tables):",
             "trong đó được tính (tồn đầu kỳ và hồ sơ tiếp nhận sau \(warmUpDays) ngày khởi động, như các bảng):")
    }
}
