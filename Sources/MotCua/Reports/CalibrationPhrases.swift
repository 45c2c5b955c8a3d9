/// The fixed phrases of `motcua calibrate`'s text report (``CalibrationReport``), in one language.
/// The English ones are the words the command always printed.
struct CalibrationWords: Sendable {
    /// File, rows read, rows used, days, problems.
    let read: @Sendable (String, String, String, Int, String) -> String
    let problem, warning, rows, noSimilarName, likely, processing, tooFewResults, dossiers, observedTitle, noInterval, misfit, fits: String
    let moreProblems: @Sendable (String) -> String
    /// Procedures, rows skipped.
    let unmapped: @Sendable (String, String) -> String
    let moreUnmapped: @Sendable (String) -> String
    /// procedure, records, per year, online, postal, refused, withdrawn, supplemented.
    let columns: [String]
    let openingBacklog: @Sendable (String) -> String
    /// Days, first day, the replications' basis.
    let backTestTitle: @Sendable (Int, String, String) -> String
    let basis: @Sendable (Int) -> String
    /// field, observed, simulated, interval, fit.
    let checkColumns: [String]
    /// With one replication, and the tolerance in points.
    let band: @Sendable (Bool, String) -> String
    /// Field, observed, simulated, gap in points, lower in the records, band.
    let misfitLine: @Sendable (String, String, String, String, Bool, String) -> String
    let allFit: @Sendable (String) -> String
    /// Misfits, fields, the fitted scenario's path.
    let someMisfit: @Sendable (Int, Int, String) -> String

    static let english = CalibrationWords(
        read: { "\($0): \($1) rows read, \($2) used over \($3) days, \($4) problems" },
        problem: "problem: ", warning: "warning: ", rows: " rows  ", noSimilarName: "no procedure of the scenario has a similar name",
        likely: "likely: ", processing: "processing time (days): family, mean, sd, KS", tooFewResults: "too few results", dossiers: " dossiers",
        observedTitle: "OBSERVED ON-TIME RATE (portal rule at the end of the records)", noInterval: "no interval", misfit: "MISFIT", fits: "fits",
        moreProblems: { "… and \($0) more problems" },
        unmapped: { "UNMAPPED PROCEDURES: \($0) procedures, \($1) rows skipped; add them to a --map file (code or name, procedure)" },
        moreUnmapped: { "… and \($0) more" },
        columns: ["procedure", "records", "per year", "online", "postal", "refused", "withdrawn", "supplemented"],
        openingBacklog: { "OPENING BACKLOG: \($0) rows marked backlog (filed before the records' period) are left out of "
            + "the volumes, shares and profiles above, and counted in the observed on-time rate" },
        backTestTitle: { "BACK-TEST: on-time rate per field over the records' \($0) days from \($1), observed and simulated (\($2))" },
        basis: { $0 == 1 ? "1 replication: no interval" : "\($0) replications" },
        checkColumns: ["field", "observed", "simulated", "95% CI", "fit"],
        band: { $0 ? "the simulated rate ± \($1) point" : "the simulated 95% interval widened by \($1) point" },
        misfitLine: { "MISFIT \($0): observed \($1), simulated \($2), \($3) points \($4 ? "lower" : "higher") in the records: outside \($5)" },
        allFit: { "Every field's observed on-time rate lies within \($0)." },
        someMisfit: { "The calibrated scenario does not reproduce the records' on-time rate in \($0) of \($1) fields. "
            + "calibrate fits volumes, shares and profiles, not processing times or staff: compare the fitted processing "
            + "times above with the routes' (docs/calibration.md) before planning with \($2)." })

    static let vietnamese = CalibrationWords(
        read: { "\($0): đọc \($1) dòng, dùng \($2) dòng trong \($3) ngày, \($4) lỗi" },
        problem: "lỗi: ", warning: "cảnh báo: ", rows: " dòng  ", noSimilarName: "không có thủ tục nào của kịch bản có tên tương tự",
        likely: "có thể là: ", processing: "thời gian xử lý (ngày): phân phối, trung bình, độ lệch chuẩn, KS", tooFewResults: "quá ít kết quả",
        dossiers: " hồ sơ", observedTitle: "TỶ LỆ ĐÚNG HẠN QUAN SÁT (quy tắc của Cổng Dịch vụ công, tại cuối kỳ dữ liệu)",
        noInterval: "không có khoảng", misfit: "KHÔNG KHỚP", fits: "khớp",
        moreProblems: { "… và \($0) lỗi khác" },
        unmapped: { "THỦ TỤC CHƯA ĐỐI CHIẾU: \($0) thủ tục, bỏ qua \($1) dòng; hãy thêm vào tệp --map (mã hoặc tên, thủ tục)" },
        moreUnmapped: { "… và \($0) thủ tục khác" },
        columns: ["thủ tục", "bản ghi", "mỗi năm", "trực tuyến", "bưu chính", "từ chối", "rút hồ sơ", "bổ sung"],
        openingBacklog: { "HỒ SƠ TỒN ĐẦU KỲ: \($0) dòng đánh dấu tồn (nộp trước kỳ dữ liệu) không tính vào khối lượng, "
            + "tỷ lệ và phân bố ở trên, nhưng được tính vào tỷ lệ đúng hạn quan sát" },
        backTestTitle: { "KIỂM TRA NGƯỢC: tỷ lệ đúng hạn theo lĩnh vực trong \($0) ngày của dữ liệu từ \($1), quan sát và mô phỏng (\($2))" },
        basis: { $0 == 1 ? "1 lần chạy: không có khoảng tin cậy" : "\($0) lần chạy lặp" },
        checkColumns: ["lĩnh vực", "quan sát", "mô phỏng", "khoảng tin cậy 95%", "khớp"],
        band: { $0 ? "tỷ lệ mô phỏng ± \($1) điểm" : "khoảng tin cậy 95% mô phỏng nới rộng \($1) điểm" },
        misfitLine: { "KHÔNG KHỚP \($0): quan sát \($1), mô phỏng \($2), dữ liệu \($4 ? "thấp" : "cao") hơn \($3) điểm: ngoài \($5)" },
        allFit: { "Tỷ lệ đúng hạn quan sát của mọi lĩnh vực nằm trong \($0)." },
        someMisfit: { "Kịch bản đã hiệu chỉnh không tái hiện tỷ lệ đúng hạn của dữ liệu ở \($0) trên \($1) lĩnh vực. "
            + "calibrate chỉ ước lượng khối lượng, tỷ lệ và phân bố theo thời gian, không ước lượng thời gian xử lý hay nhân sự: "
            + "hãy so thời gian xử lý ước lượng ở trên với thời gian của các tuyến (docs/calibration.md) trước khi lập kế hoạch với \($2)." })
}

extension Language {
    /// The words of calibrate's text report.
    var calibrationWords: CalibrationWords { self == .vi ? .vietnamese : .english }
}
