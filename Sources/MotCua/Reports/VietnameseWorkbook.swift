import Foundation

/// The `--xlsx` workbooks in the report's language. The CSV files keep their English column
/// names (docs/output-format.md; scripts and `audit` read them), and so does an English
/// workbook, byte for byte; a Vietnamese workbook is for a planner to read (review 3 #12: its
/// sheets, headers and verdicts were English): sheet names, column headers, verdicts and the
/// provenance's items in Vietnamese, the same cells otherwise.
public enum VietnameseWorkbook {
    /// The sheets of `motcua run --xlsx` in `language`: the CSV tables and the provenance.
    public static func runTables(_ summary: ExperimentSummary, provenance: Provenance, language: Language) -> [Table] {
        let tables = CSVReport.typedTables(summary) + [provenance.table(language)]
        guard language == .vi else { return tables }
        return tables.map { table in
            switch table.title {
            case "provenance": return provenanceTable(provenance)
            case "targets": return translated(targets(table, summary))
            default: return translated(table)
            }
        }
    }

    /// `table` with its sheet name, headers and verdict cells in Vietnamese.
    static func translated(_ table: Table) -> Table {
        let verdicts = Set(table.headers.indices.filter { table.headers[$0] == "verdict" || table.headers[$0].hasPrefix("verdict_") && !table.headers[$0].hasSuffix("reason") })
        let rows = table.rows.map { row in
            row.enumerated().map { c, cell -> TableCell in
                guard verdicts.contains(c), case .text(let raw) = cell, let verdict = Verdict(rawValue: raw) else { return cell }
                return .text(ReportCell.verdict(verdict).display(.vi))
            }
        }
        return Table(title: sheetNames[table.title] ?? table.title, headers: table.headers.map(header), rows: rows)
    }

    /// The targets sheet with the field and the desk guard's reason in Vietnamese (the CSV
    /// writes them in English): its rows are `summary`'s targets, in order.
    static func targets(_ table: Table, _ summary: ExperimentSummary) -> Table {
        guard table.rows.count == summary.targets.count,
              let field = table.headers.firstIndex(of: "field"), let reason = table.headers.firstIndex(of: "verdict_reason") else { return table }
        var table = table
        for (i, target) in summary.targets.enumerated() where table.rows[i].count > max(field, reason) {
            if let name = target.fieldNameVi ?? target.fieldName { table.rows[i][field] = .text(name) }
            table.rows[i][reason] = target.deskGuardReason(.vi).map(TableCell.text) ?? .empty
        }
        return table
    }

    /// The provenance sheet with the items as the report names them.
    static func provenanceTable(_ provenance: Provenance) -> Table {
        let english = provenance.table(.vi)
        let labels = Dictionary(provenance.items(.vi).map { ($0.key, $0.label) } + [provenance.levelItem(.vi)].map { ($0.key, $0.label) },
                                uniquingKeysWith: { first, _ in first })
        let rows = english.rows.map { row -> [TableCell] in
            guard case .text(let key)? = row.first else { return row }
            return [.text(labels[key] ?? key)] + row.dropFirst()
        }
        return Table(title: "thông tin lần chạy", headers: ["mục", "giá trị"], rows: rows)
    }

    /// A column header in Vietnamese: its whole key, else its stem and its suffix ("received_mean"
    /// → "tiếp nhận (TB mỗi lần chạy)"); a key nobody named stays as it is.
    static func header(_ key: String) -> String {
        if let whole = headers[key] { return whole }
        for (suffix, words) in suffixes where key.hasSuffix(suffix) && key.count > suffix.count {
            // A stem may carry a suffix of its own ("elapsed_hours_mean").
            let stem = String(key.dropLast(suffix.count)), name = header(stem)
            if name != stem { return name + words }
        }
        return key
    }

    /// The sheets of run's workbook, and of the documents' where they share a name.
    static let sheetNames: [String: String] = [
        "targets": "chỉ tiêu", "fields": "lĩnh vực", "procedures": "thủ tục", "offices": "đơn vị",
        "desk-hours": "một cửa theo giờ", "daily": "theo ngày", "breakdown": "thời gian đã đi đâu",
        "breakdown-steps": "thời gian theo bước", "journey": "hành trình hồ sơ", "decision_766": "chấm điểm QĐ 766",
        "levels": "theo cấp", "channels": "kênh nộp", "unstable_offices": "đơn vị quá tải",
        // The documents' tables (compare, sweep, staff, drivers, staff --per-unit, back-test).
        "variants": "phương án", "verdict_changes": "đánh giá thay đổi", "measures": "các số đo", "headroom": "mức tải giới hạn",
        "break_loads": "mức tải giới hạn (chia đôi)", "curves": "đường theo mức tải", "loads": "theo từng mức tải",
        "staffing": "biên chế đề xuất", "unreachable": "chỉ tiêu không đạt được", "one_fewer": "nếu bớt một người",
        "evaluations": "các lần đánh giá", "drivers": "yếu tố tác động", "screened_groups": "nhóm sàng lọc",
        "cannot_reach": "không tác động được", "groups": "nhóm", "changes": "thay đổi", "worst_units": "đơn vị kém nhất",
        "change_decisions": "quyết định thay đổi", "recommended_settings": "giá trị đề xuất", "back-test": "kiểm tra ngược",
        "unit-groups": "nhóm đơn vị", "unit-worst": "đơn vị kém nhất", "units": "từng đơn vị",
    ]

    /// Suffixes of the column keys, longest first.
    static let suffixes: [(String, String)] = [
        ("_ci95_low", " (KTC 95%, cận dưới)"), ("_ci95_high", " (KTC 95%, cận trên)"),
        ("_mean", " (TB mỗi lần chạy)"), ("_total", " (tổng các lần chạy)"),
        ("_minutes", " (phút)"), ("_hours", " (giờ)"),
    ]

    /// Column keys and stems, in the plans' words.
    static let headers: [String: String] = [
        // Names and ids.
        "id": "mã", "label": "chỉ tiêu (tiếng Anh)", "label_vi": "chỉ tiêu", "name": "tên (tiếng Anh)", "name_vi": "tên",
        "field": "lĩnh vực", "procedure": "thủ tục", "office": "đơn vị", "office_name": "tên đơn vị", "part": "phần",
        "scope": "phạm vi", "side": "nhóm", "rank": "thứ hạng", "kind": "loại", "level": "cấp", "date": "ngày", "hour": "giờ",
        "note": "ghi chú (tiếng Anh)", "note_vi": "ghi chú", "status": "trạng thái", "points": "điểm", "maximum": "điểm tối đa",
        // Targets.
        "measure": "đại lượng", "comparator": "so sánh", "threshold": "ngưỡng", "mean": "giá trị",
        "ci95_low": "KTC 95% cận dưới", "ci95_high": "KTC 95% cận trên", "verdict": "đánh giá",
        "denominator": "mẫu số", "gave_up_at_desk": "không nộp được tại một cửa", "verdict_reason": "lý do đánh giá",
        "input_driven": "lặp lại tham số đầu vào", "input_driven_kind": "loại tham số",
        // Counts.
        "received": "tiếp nhận", "refused": "từ chối", "withdrawn": "rút hồ sơ", "finished": "đã có kết quả",
        "finished_on_time": "đúng hạn", "finished_late": "xong trễ hạn", "in_progress_not_due": "đang giải quyết chưa đến hạn",
        "in_progress_overdue": "đang giải quyết quá hạn", "backlog": "tồn đầu kỳ", "on_time_rate": "tỷ lệ đúng hạn",
        "online": "nộp trực tuyến", "postal": "gửi qua bưu chính", "online_share_of_received": "tỷ lệ nộp trực tuyến",
        "accepted": "hồ sơ đã nhận", "incomplete": "chưa đầy đủ (Mẫu 02)", "supplement_requests": "yêu cầu bổ sung",
        "late_by_repeated_supplements": "trễ hạn do bổ sung quá 1 lần", "late": "hồ sơ trễ hạn", "past_due": "quá ngày hẹn trả",
        "late_apologised_on_time": "có thư xin lỗi đúng hạn (Mẫu 04)", "late_apologised_late": "thư xin lỗi muộn",
        "late_not_apologised": "không có thư xin lỗi", "digitized": "số hóa", "fee_paying": "hồ sơ có phí",
        "e_paid": "thanh toán trực tuyến", "results": "kết quả đã trả", "results_electronic": "trả kết quả điện tử",
        "results_postal": "trả kết quả qua bưu chính", "results_at_desk": "nhận kết quả tại một cửa",
        "reuse_eligible": "hồ sơ được tái sử dụng dữ liệu", "reused": "đã tái sử dụng dữ liệu", "backlog_finished": "tồn đầu kỳ đã giải quyết",
        "dossiers": "hồ sơ", "late_dossiers": "hồ sơ trễ hạn", "share_of_late": "tỷ lệ trong hồ sơ trễ hạn",
        // Daily series.
        "in_progress_end_of_day": "đang giải quyết cuối ngày", "overdue_end_of_day": "quá hạn cuối ngày",
        "at_desks_end_of_day": "tại một cửa cuối ngày",
        // Offices and waits.
        "staff": "cán bộ", "served": "đã xử lý", "mean_wait": "chờ TB", "p90_wait": "chờ 90%", "max_wait": "chờ tối đa",
        "utilization": "mức bận", "queue_at_end": "tồn cuối kỳ", "abandoned": "bỏ về", "unstable": "quá tải",
        "line_waits_per_replication": "xếp hàng: lượt chờ mỗi lần chạy", "line_mean_wait": "xếp hàng: chờ TB",
        "line_p90_wait": "xếp hàng: chờ 90%", "line_max_wait": "xếp hàng: chờ tối đa",
        "tray_waits_per_replication": "chờ xử lý: lượt chờ mỗi lần chạy", "tray_mean_wait": "chờ xử lý: chờ TB",
        "tray_p90_wait": "chờ xử lý: chờ 90%", "tray_max_wait": "chờ xử lý: chờ tối đa",
        "arrivals": "lượt đến", "mean_wait_in_line": "xếp hàng: chờ TB",
        // Where the time went (BreakdownWords).
        "elapsed": "tổng thời gian", "before_horizon": "trước kỳ", "desk_queue": "chờ tại một cửa", "desk_work": "xử lý tại một cửa",
        "away_for_papers": "đi bổ sung giấy tờ", "forwarding": "chuyển hồ sơ", "lag": "thời gian cố định", "tray": "chờ tại đơn vị",
        "work": "xử lý tại đơn vị", "signing_session": "chờ phiên ký", "supplement": "bổ sung hồ sơ", "tax": "nghĩa vụ tài chính",
    ]
}
