import Foundation

/// Comparing Vietnamese names as people type them: with or without diacritics, in any case.
public enum VietnameseText {
    /// `text` without diacritics, lower-cased, with runs of spaces and punctuation made one
    /// space: "Phường Tân Chánh Hiệp" and "phuong tan  chanh hiep" fold alike. Đ/đ (a letter of
    /// its own, not a diacritic) folds to d.
    public static func folded(_ text: String) -> String {
        var out = ""
        var pendingSpace = false
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if (0x0300...0x036F).contains(scalar.value) { continue }  // combining marks
            var character = Character(scalar)
            if character == "đ" || character == "Đ" { character = "d" }
            if character.isLetter || character.isNumber {
                if pendingSpace, !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out += character.lowercased()
            } else {
                pendingSpace = true
            }
        }
        return out
    }

    /// An id made of a name: folded, words joined by hyphens ("Phường Thạnh Xuân" → "phuong-thanh-xuan").
    public static func slug(_ text: String) -> String {
        folded(text).replacingOccurrences(of: " ", with: "-")
    }

    /// How alike two folded names are, 0…1: the share of their words in common (Dice), so that
    /// "cap giay phep xay dung" matches "cap phep xay dung nha o" better than "dang ky ket hon".
    public static func likeness(_ a: String, _ b: String) -> Double {
        let wordsA = Set(a.split(separator: " ")), wordsB = Set(b.split(separator: " "))
        guard !wordsA.isEmpty, !wordsB.isEmpty else { return 0 }
        return 2 * Double(wordsA.intersection(wordsB).count) / Double(wordsA.count + wordsB.count)
    }
}
