// MARK: - The unstable offices' third rule (red-team 2 item 25; docs/model.md §7.4)

extension Language {
    /// Under the unstable offices' heading: the third reason an office is listed.
    func unstableSaturatedNote(_ busy: String) -> String {
        pick("(or at \(busy) busy or more with dossiers still waiting at the end: saturated all along, its queue may have stopped growing only because it is already long)",
             "(hoặc bận từ \(busy) trở lên và còn hồ sơ chờ khi kết thúc: quá tải suốt kỳ, hàng chờ có thể không còn tăng chỉ vì đã quá dài)")
    }
}
