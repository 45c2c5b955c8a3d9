// The dossier balance recounted from the log (red-team 2 item 19): every row, counted or not,
// for the report's `conservation`; and with a warm-up the counted rows for its `counted`.

extension LogRecount {
    /// Adds one row, counted or not, to the balance of every simulated dossier.
    static func addToBalance(_ balance: inout Conservation, backlog: Bool, status: String) {
        if backlog { balance.backlog += 1 } else { balance.received += 1 }
        switch status {
        case "refused": balance.refused += 1
        case "withdrawn": balance.withdrawn += 1
        case "on time", "late": balance.finished += 1
        default: balance.inProgress += 1  // "in progress" (an unknown status fails a counted row in the recount)
        }
    }

    /// The counted dossiers' balance, from the counts of every counted row.
    var countedBalance: Conservation {
        func count(_ name: String) -> Int { overall[LogRecount.countNames.firstIndex(of: name)!] }
        var balance = Conservation()
        balance.backlog = count("backlog")
        balance.received = count("received")
        balance.finished = count("finishedOnTime") + count("finishedLate")
        balance.refused = count("refused")
        balance.withdrawn = count("withdrawn")
        balance.inProgress = count("inProgressNotDue") + count("inProgressOverdue")
        return balance
    }

    /// The report's `conservation` (every simulated dossier) and, when the report has it, its
    /// `counted` balance, beside their recounts.
    func balanceLines(_ conservation: JSONValue?) -> [Line] {
        func side(_ place: String, _ reported: JSONValue?, _ recounted: Conservation) -> [Line] {
            JSONReport.conservationCounters.map { name, counter in
                Line(place: place, count: name, reported: reported?[name]?.numberValue.flatMap { Int(exactly: $0) },
                     recounted: recounted[keyPath: counter])
            }
        }
        var lines = side("conservation", conservation, simulated)
        if conservation?["warmUpIncluded"] != nil {
            lines += side("conservation/counted", conservation?["counted"], countedBalance)
        } else {
            // Without a warm-up every dossier is counted: the one balance is the counted one too.
            lines += side("conservation", conservation, countedBalance)
        }
        return lines
    }
}
