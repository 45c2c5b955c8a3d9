import Foundation

/// A ZIP archive written in memory, entries stored without compression: the container of an
/// Office Open XML workbook, written with the toolchain alone.
///
/// The archive is deterministic: every entry carries the same timestamp (1980-01-01 00:00, the
/// earliest a ZIP can hold), so the same entries give the same bytes on every machine and run.
/// Names are flagged as UTF-8. There is no ZIP64: an archive is limited to 65,535 entries and
/// 4 GiB, which ``data()`` checks.
///
/// ```swift
/// var zip = ZipArchive()
/// zip.add("hello.txt", Data("xin chào".utf8))
/// let bytes = try zip.data()
/// ```
public struct ZipArchive: Sendable {
    /// One file in the archive.
    public struct Entry: Sendable, Hashable {
        /// The path inside the archive, `/`-separated.
        public let name: String
        /// The uncompressed bytes.
        public let contents: Data
    }

    /// The entries, in the order they were added (the order they appear in the archive).
    public private(set) var entries: [Entry] = []

    /// Creates an empty archive.
    public init() {}

    /// Adds a file; entries keep the order they were added in.
    /// - Parameters:
    ///   - name: the path inside the archive, `/`-separated, without a leading `/`.
    ///   - contents: the file's bytes, stored as they are.
    public mutating func add(_ name: String, _ contents: Data) {
        entries.append(Entry(name: name, contents: contents))
    }

    /// The archive's bytes: each entry's local header and contents, the central directory and
    /// the end record.
    /// - Throws: ``ZipArchiveError`` when the archive needs ZIP64 (too many entries, or an
    ///   entry or the whole archive at 4 GiB or more).
    /// - Complexity: O(total size of the entries).
    public func data() throws(ZipArchiveError) -> Data {
        guard entries.count <= Int(UInt16.max) else { throw .tooManyEntries(entries.count) }
        var out = Data()
        var central = Data()
        for entry in entries {
            let name = Data(entry.name.utf8)
            guard name.count <= Int(UInt16.max) else { throw .nameTooLong(entry.name) }
            guard entry.contents.count < Int(UInt32.max), out.count < Int(UInt32.max) else { throw .tooLarge(entry.name) }
            let crc = CRC32.checksum(entry.contents)
            let size = UInt32(entry.contents.count)
            let offset = UInt32(out.count)
            // Fields shared by the local header and the central directory entry, in ZIP order.
            var common = Data()
            common.appendLittleEndian(ZipArchive.versionNeeded)
            common.appendLittleEndian(ZipArchive.utf8NamesFlag)
            common.appendLittleEndian(UInt16(0))  // method: stored
            common.appendLittleEndian(ZipArchive.dosTime)
            common.appendLittleEndian(ZipArchive.dosDate)
            common.appendLittleEndian(crc)
            common.appendLittleEndian(size)  // compressed size
            common.appendLittleEndian(size)  // uncompressed size
            common.appendLittleEndian(UInt16(name.count))
            common.appendLittleEndian(UInt16(0))  // extra field length

            out.appendLittleEndian(UInt32(0x0403_4b50))
            out.append(common)
            out.append(name)
            out.append(entry.contents)

            central.appendLittleEndian(UInt32(0x0201_4b50))
            central.appendLittleEndian(ZipArchive.versionNeeded)  // version made by: MS-DOS, 2.0
            central.append(common)
            central.appendLittleEndian(UInt16(0))  // comment length
            central.appendLittleEndian(UInt16(0))  // disk number
            central.appendLittleEndian(UInt16(0))  // internal attributes
            central.appendLittleEndian(UInt32(0))  // external attributes
            central.appendLittleEndian(offset)
            central.append(name)
        }
        guard out.count + central.count < Int(UInt32.max) else { throw .tooLarge(nil) }
        let centralOffset = UInt32(out.count)
        out.append(central)
        out.appendLittleEndian(UInt32(0x0605_4b50))
        out.appendLittleEndian(UInt16(0))  // this disk
        out.appendLittleEndian(UInt16(0))  // disk with the central directory
        out.appendLittleEndian(UInt16(entries.count))
        out.appendLittleEndian(UInt16(entries.count))
        out.appendLittleEndian(UInt32(central.count))
        out.appendLittleEndian(centralOffset)
        out.appendLittleEndian(UInt16(0))  // comment length
        return out
    }

    /// 2.0: the version readers commonly expect (stored entries alone would need only 1.0).
    static let versionNeeded: UInt16 = 20
    /// General-purpose bit 11: the name is UTF-8.
    static let utf8NamesFlag: UInt16 = 1 << 11
    /// 00:00:00 in MS-DOS format.
    static let dosTime: UInt16 = 0
    /// 1980-01-01 in MS-DOS format: (year − 1980) << 9 | month << 5 | day.
    static let dosDate: UInt16 = 1 << 5 | 1
}

/// Why an archive cannot be written without ZIP64.
public enum ZipArchiveError: Error, Equatable, CustomStringConvertible {
    /// More than 65,535 entries.
    case tooManyEntries(Int)
    /// An entry's name is longer than 65,535 bytes.
    case nameTooLong(String)
    /// An entry (named) or the whole archive (`nil`) reaches 4 GiB.
    case tooLarge(String?)

    public var description: String {
        switch self {
        case .tooManyEntries(let n): return "the archive would hold \(n) files; at most 65,535 fit without ZIP64"
        case .nameTooLong(let name): return "the archive entry name '\(name.prefix(80))…' is longer than 65,535 bytes"
        case .tooLarge(let name?): return "the archive entry '\(name)' reaches 4 GiB; it does not fit without ZIP64"
        case .tooLarge(nil): return "the archive reaches 4 GiB; it does not fit without ZIP64"
        }
    }
}

/// CRC-32 as ZIP, PNG and gzip use it (reflected polynomial 0xEDB88320, initial and final
/// value 0xFFFFFFFF), one table lookup per byte.
public enum CRC32 {
    /// The CRC-32 of `bytes`; `CRC32.checksum(Data("123456789".utf8)) == 0xCBF43926`.
    /// - Complexity: O(`bytes.count`).
    public static func checksum(_ bytes: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        bytes.withUnsafeBytes { buffer in
            for byte in buffer {
                crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
            }
        }
        return crc ^ 0xFFFF_FFFF
    }

    /// The CRC of each byte value, shifted through eight rounds of the polynomial.
    static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 {
            value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1
        }
        return value
    }
}

extension Data {
    /// Appends `value` in little-endian byte order, as ZIP stores every number.
    mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
        var little = value.littleEndian
        Swift.withUnsafeBytes(of: &little) { append(contentsOf: $0) }
    }
}
