//! The package stage: recognises what kind of file the bytes are, and for a Word document
//! reads the OPC parts the later stages need, with bounded inflation.
//!
//! Order of work:
//! 1. sniff the bytes (empty, too large, OLE compound file, PDF, pictures, RTF/HTML/MHT/XML,
//!    other archives, plain text);
//! 2. for a zip: pre-check the entry count from the end-of-central-directory record, read the
//!    central directory with the `zip` crate, find the main part through `_rels/.rels`
//!    (transitional or strict), falling back to `[Content_Types].xml`; say what the package is
//!    when it is not a Word document;
//! 3. inflate only the parts needed (relationship parts, the main part, the styles part), each
//!    bounded by declared size, declared ratio and — since declared sizes can lie — by the
//!    bytes actually produced.
//!
//! Nothing here panics on any input: all indexing is checked (`get`), all arithmetic on values
//! from the file is checked or saturating, and every loop over file structures is bounded.

use crate::limits::Limits;
use crate::rejection::{Rejection, RejectionCode};
use std::io::{Cursor, Read};
use zip::result::ZipError;
use zip::CompressionMethod;
use zip::ZipArchive;

/// The parts of a .docx that the pipeline reads.
#[derive(Debug, Clone)]
pub struct Package {
    /// Name of the main document part inside the zip (found through `_rels/.rels`).
    pub main_part_name: String,
    /// The main document part, inflated.
    pub main_xml: Vec<u8>,
    /// The styles part, inflated, when the document has one and its body names a paragraph
    /// style (`w:pStyle`); otherwise `None`, as nothing downstream would use it.
    pub styles_xml: Option<Vec<u8>>,
}

/// Opens the bytes as a .docx package, or says what they are instead.
pub fn open(bytes: &[u8], limits: &Limits) -> Result<Package, Rejection> {
    if bytes.is_empty() {
        return Err(Rejection::new(
            RejectionCode::Empty,
            "文件是空的（0 字节），可能没有下载完整或保存失败；请重新下载或重新保存后再检查",
        ));
    }
    if bytes.len() as u64 > limits.max_input_bytes {
        return Err(too_large_input(bytes.len() as u64, limits));
    }
    match sniff(bytes) {
        Kind::Zip => open_zip(bytes, limits),
        Kind::Ole => Err(ole_rejection(bytes)),
        Kind::Rejected(r) => Err(r),
    }
}

// ---------------------------------------------------------------------------------------------
// Sniffing
// ---------------------------------------------------------------------------------------------

enum Kind {
    Zip,
    Ole,
    Rejected(Rejection),
}

const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

fn sniff(bytes: &[u8]) -> Kind {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") || bytes.starts_with(b"PK\x07\x08") {
        return Kind::Zip;
    }
    if bytes.starts_with(OLE_MAGIC) {
        return Kind::Ole;
    }
    if bytes.starts_with(b"%PDF") || find(head(bytes, 1024), b"%PDF-").is_some() {
        return Kind::Rejected(Rejection::new(
            RejectionCode::Pdf,
            "这是 PDF 文件，nianbao 只能检查 Word 文档（.docx）；请找到报告的 Word 原稿（.docx）再检查，\
             PDF 转换成的 Word 文件表格常常错乱，不建议使用",
        ));
    }
    if let Some(name) = image_kind(bytes) {
        return Kind::Rejected(Rejection::new(
            RejectionCode::Image,
            format!(
                "这是一张图片（{name}），不是 Word 文档；nianbao 无法识别图片中的表格，请上传报告的 Word 原稿（.docx）"
            ),
        ));
    }
    if let Some(r) = archive_kind(bytes) {
        return Kind::Rejected(r);
    }
    if bytes.starts_with(b"\x7FELF") || bytes.starts_with(b"MZ") {
        return Kind::Rejected(unknown_format());
    }
    if let Some(r) = text_kind(bytes) {
        return Kind::Rejected(r);
    }
    Kind::Rejected(unknown_format())
}

fn unknown_format() -> Rejection {
    Rejection::new(
        RejectionCode::UnknownFormat,
        "无法识别的文件格式，这不是 Word 文档（.docx）；请上传 .docx 格式的年度报告（旧版 .doc/.wps 请先在 Word/WPS 中另存为 .docx）",
    )
}

fn image_kind(b: &[u8]) -> Option<&'static str> {
    if b.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("PNG")
    } else if b.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("JPEG")
    } else if b.starts_with(b"GIF87a") || b.starts_with(b"GIF89a") {
        Some("GIF")
    } else if b.starts_with(b"BM") && b.len() >= 26 && b.get(6..10) == Some(&[0, 0, 0, 0]) {
        Some("BMP")
    } else if b.starts_with(b"II*\0") || b.starts_with(b"MM\0*") {
        Some("TIFF")
    } else if b.starts_with(b"RIFF") && b.get(8..12) == Some(b"WEBP") {
        Some("WebP")
    } else {
        None
    }
}

fn archive_kind(b: &[u8]) -> Option<Rejection> {
    let name = if b.starts_with(b"Rar!\x1a\x07") {
        "RAR 压缩包"
    } else if b.starts_with(&[b'7', b'z', 0xBC, 0xAF, 0x27, 0x1C]) {
        "7z 压缩包"
    } else if b.starts_with(&[0x1F, 0x8B]) {
        "gzip 压缩文件"
    } else {
        return None;
    };
    Some(Rejection::new(
        RejectionCode::NotWord,
        format!("这是{name}，不是 Word 文档；请解压后逐个检查其中的 .docx 文件"),
    ))
}

/// RTF, HTML, MHT, Word 2003 XML / Flat OPC and plain text.
fn text_kind(bytes: &[u8]) -> Option<Rejection> {
    let (text, utf16) = text_head(bytes)?;
    let t = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let lower: String = t.chars().take(2048).collect::<String>().to_ascii_lowercase();
    if lower.starts_with("{\\rtf") {
        return Some(Rejection::new(
            RejectionCode::OtherText,
            "这是 RTF 文件（Word 的“RTF 格式”），不是 .docx；请在 Word/WPS 中打开后另存为 .docx 再检查",
        ));
    }
    if lower.starts_with("mime-version:")
        || lower.starts_with("content-type: multipart/related")
        || (lower.starts_with("from:") && lower.contains("mime-version:"))
    {
        return Some(Rejection::new(
            RejectionCode::OtherText,
            "这是单个网页文件（.mht/.mhtml，Word 的“单个文件网页”格式），不是 .docx；请在 Word/WPS 中打开后另存为 .docx 再检查",
        ));
    }
    if lower.starts_with("<html") || lower.starts_with("<!doctype html") || looks_like_html(&lower) {
        return Some(Rejection::new(
            RejectionCode::OtherText,
            "这是网页文件（HTML，可能是 Word 的“网页”格式或从网站直接保存的页面），不是 .docx；请在 Word/WPS 中打开后另存为 .docx 再检查",
        ));
    }
    if lower.starts_with("<?xml") || lower.starts_with('<') {
        let what = if lower.contains("pkg:package") {
            "Word XML 文档（“Word XML 文档”/Flat OPC 格式）"
        } else if lower.contains("word.document") || lower.contains("w:worddocument") {
            "Word 2003 XML 文档"
        } else {
            "XML 文件"
        };
        return Some(Rejection::new(
            RejectionCode::OtherText,
            format!("这是{what}，不是 .docx；请在 Word/WPS 中打开后另存为 .docx（Word 文档）再检查"),
        ));
    }
    if utf16 || is_plain_text(t) {
        return Some(Rejection::new(
            RejectionCode::OtherText,
            "这是纯文本文件（.txt），没有表格结构，无法检查；请上传报告的 Word 原稿（.docx）",
        ));
    }
    None
}

fn looks_like_html(lower: &str) -> bool {
    // An HTML page may begin with a comment or an XML declaration before `<html`.
    (lower.starts_with("<!--") || lower.starts_with("<?xml") || lower.starts_with("<meta"))
        && (lower.contains("<html") || lower.contains("<!doctype html"))
}

/// The first few KB of the bytes as text, when they decode as UTF-8 or as UTF-16 with a BOM.
/// The second value says the text was UTF-16.
fn text_head(bytes: &[u8]) -> Option<(String, bool)> {
    let h = head(bytes, 4096);
    if h.len() >= 2 && (h.starts_with(&[0xFF, 0xFE]) || h.starts_with(&[0xFE, 0xFF])) {
        let le = h.starts_with(&[0xFF, 0xFE]);
        let units: Vec<u16> = h
            .get(2..)
            .unwrap_or(&[])
            .chunks_exact(2)
            .map(|c| match c {
                [a, b] if le => u16::from_le_bytes([*a, *b]),
                [a, b] => u16::from_be_bytes([*a, *b]),
                _ => 0,
            })
            .collect();
        let s: String = char::decode_utf16(units).map(|r| r.unwrap_or('\u{fffd}')).collect();
        return Some((s, true));
    }
    match std::str::from_utf8(h) {
        Ok(s) => Some((s.to_string(), false)),
        Err(e) => {
            // Accept a head cut in the middle of a multi-byte character.
            if e.error_len().is_none() && h.len() == 4096 {
                h.get(..e.valid_up_to())
                    .and_then(|v| std::str::from_utf8(v).ok())
                    .map(|s| (s.to_string(), false))
            } else {
                None
            }
        }
    }
}

fn is_plain_text(t: &str) -> bool {
    !t.is_empty() && t.chars().all(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r' | '\u{c}'))
}

fn head(bytes: &[u8], n: usize) -> &[u8] {
    bytes.get(..n.min(bytes.len())).unwrap_or(bytes)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

fn mb(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes.is_multiple_of(MIB) {
        format!("{}", bytes / MIB)
    } else {
        // Two decimals with integer arithmetic (no float formatting in the wasm build).
        let hundredths = (bytes * 100 + MIB / 2) / MIB;
        let s = format!("{}.{:02}", hundredths / 100, hundredths % 100);
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

// ---------------------------------------------------------------------------------------------
// OLE compound files (legacy .doc/.wps/.xls/.et/.ppt, and password-protected OOXML)
// ---------------------------------------------------------------------------------------------

/// What the directory of a compound file shows.
#[derive(Default, Debug)]
struct OleInfo {
    encrypted_package: bool,
    workbook: bool,
    powerpoint: bool,
    word: bool,
    /// The Word binary's FIB says the document is encrypted (a password-protected .doc).
    word_encrypted: bool,
}

fn ole_rejection(bytes: &[u8]) -> Rejection {
    let info = ole_info(bytes);
    if info.encrypted_package {
        return Rejection::new(
            RejectionCode::Encrypted,
            "文档已加密（设置了打开密码），请在 Word/WPS 中去除密码后另存为 .docx 再检查",
        );
    }
    if info.word_encrypted {
        return Rejection::new(
            RejectionCode::Encrypted,
            "这是设置了打开密码的旧版 Word/WPS 文件（.doc/.wps），请在 Word/WPS 中去除密码并另存为 .docx 后再检查",
        );
    }
    if info.workbook && !info.word {
        return Rejection::new(
            RejectionCode::LegacyOffice,
            "这是旧版 Excel/WPS 表格文件（.xls/.et），不是 Word 文档；请上传报告的 Word 文档（.docx），旧版 Word 文件请先另存为 .docx",
        );
    }
    if info.powerpoint && !info.word {
        return Rejection::new(
            RejectionCode::LegacyOffice,
            "这是旧版 PowerPoint/WPS 演示文件（.ppt/.dps），不是 Word 文档；请上传报告的 Word 文档（.docx）",
        );
    }
    Rejection::new(
        RejectionCode::LegacyOffice,
        "这是旧版 Word/WPS 文件（.doc/.wps），请在 Word/WPS 中另存为 .docx 后再检查",
    )
}

const ENDOFCHAIN: u32 = 0xFFFF_FFFE;
/// Most directory entries looked at in a compound file.
const MAX_CFB_ENTRIES: usize = 65_536;
const MAX_REGULAR_SECTOR: u32 = 0xFFFF_FFFA;

fn le16(b: &[u8], at: usize) -> Option<u16> {
    let s = b.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes([*s.first()?, *s.get(1)?]))
}

fn le32(b: &[u8], at: usize) -> Option<u32> {
    let s = b.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([*s.first()?, *s.get(1)?, *s.get(2)?, *s.get(3)?]))
}

fn ole_info(bytes: &[u8]) -> OleInfo {
    let mut info = OleInfo::default();
    let names = cfb_directory(bytes);
    match names {
        Some(entries) if !entries.is_empty() => {
            for e in &entries {
                match e.name.as_str() {
                    "EncryptedPackage" => info.encrypted_package = true,
                    "Workbook" | "Book" => info.workbook = true,
                    "PowerPoint Document" => info.powerpoint = true,
                    "WordDocument" => {
                        info.word = true;
                        info.word_encrypted = word_fib_encrypted(bytes, e);
                    }
                    _ => {}
                }
            }
        }
        _ => {
            // The directory could not be followed: scan the raw bytes for the UTF-16LE names.
            info.encrypted_package = find(bytes, &utf16le("EncryptedPackage")).is_some();
            info.workbook = find(bytes, &utf16le("Workbook")).is_some();
            info.powerpoint = find(bytes, &utf16le("PowerPoint Document")).is_some();
            info.word = find(bytes, &utf16le("WordDocument")).is_some();
        }
    }
    info
}

fn utf16le(s: &str) -> Vec<u8> {
    s.encode_utf16().flat_map(|u| u.to_le_bytes()).collect()
}

struct DirEntry {
    name: String,
    start: u32,
    size: u64,
}

struct Cfb<'a> {
    bytes: &'a [u8],
    shift: u32,
    sector_size: usize,
    /// Sector numbers of the FAT sectors.
    fat_sectors: Vec<u32>,
}

impl<'a> Cfb<'a> {
    fn sector(&self, n: u32) -> Option<&'a [u8]> {
        if n > MAX_REGULAR_SECTOR {
            return None;
        }
        let start = (u64::from(n) + 1).checked_shl(self.shift)?;
        let start = usize::try_from(start).ok()?;
        self.bytes.get(start..start.checked_add(self.sector_size)?)
    }

    /// The FAT entry for sector `n`.
    fn next(&self, n: u32) -> Option<u32> {
        let per = self.sector_size / 4;
        let idx = usize::try_from(n).ok()?;
        let fat_sector = *self.fat_sectors.get(idx / per)?;
        le32(self.sector(fat_sector)?, (idx % per) * 4)
    }
}

/// The directory entries (streams, storages, root) of a compound file, or `None` when the
/// header or directory chain cannot be followed. Every loop is bounded by the file size.
fn cfb_directory(bytes: &[u8]) -> Option<Vec<DirEntry>> {
    let shift = u32::from(le16(bytes, 30)?);
    if !(7..=16).contains(&shift) {
        return None;
    }
    let sector_size = 1usize << shift;
    let max_sectors = bytes.len() / sector_size + 1;
    let num_fat = le32(bytes, 44)? as usize;
    let first_dir = le32(bytes, 48)?;
    let mut first_difat = le32(bytes, 68)?;
    let mut fat_sectors = Vec::new();
    for i in 0..109usize {
        let s = le32(bytes, 76 + i * 4)?;
        if s <= MAX_REGULAR_SECTOR && fat_sectors.len() < num_fat.min(max_sectors) {
            fat_sectors.push(s);
        }
    }
    let mut cfb = Cfb { bytes, shift, sector_size, fat_sectors };
    // Further FAT sector numbers come from the DIFAT chain.
    let mut guard = 0usize;
    while first_difat <= MAX_REGULAR_SECTOR && cfb.fat_sectors.len() < num_fat.min(max_sectors) {
        guard += 1;
        if guard > max_sectors {
            break;
        }
        let Some(sec) = cfb.sector(first_difat) else { break };
        let per = sector_size / 4;
        for i in 0..per.saturating_sub(1) {
            if let Some(s) = le32(sec, i * 4) {
                if s <= MAX_REGULAR_SECTOR && cfb.fat_sectors.len() < num_fat.min(max_sectors) {
                    cfb.fat_sectors.push(s);
                }
            }
        }
        first_difat = le32(sec, (per - 1) * 4).unwrap_or(ENDOFCHAIN);
    }

    let mut entries = Vec::new();
    let mut sector = first_dir;
    let mut steps = 0usize;
    while sector <= MAX_REGULAR_SECTOR {
        steps += 1;
        if steps > max_sectors {
            break; // a cycle
        }
        let Some(data) = cfb.sector(sector) else { break };
        if entries.len() >= MAX_CFB_ENTRIES {
            break; // real directories are tiny; don't collect a huge one
        }
        for e in data.chunks_exact(128) {
            let name_len = usize::from(le16(e, 64).unwrap_or(0)).min(64);
            let kind = e.get(66).copied().unwrap_or(0);
            if name_len < 2 || !matches!(kind, 1 | 2 | 5) {
                continue;
            }
            let units: Vec<u16> = e
                .get(..name_len - 2)
                .unwrap_or(&[])
                .chunks_exact(2)
                .filter_map(|c| match c {
                    [a, b] => Some(u16::from_le_bytes([*a, *b])),
                    _ => None,
                })
                .collect();
            let name: String = char::decode_utf16(units).map(|r| r.unwrap_or('\u{fffd}')).collect();
            let start = le32(e, 116).unwrap_or(ENDOFCHAIN);
            let size = u64::from(le32(e, 120).unwrap_or(0));
            entries.push(DirEntry { name, start, size });
        }
        match cfb.next(sector) {
            Some(n) => sector = n,
            None => break,
        }
    }
    if entries.is_empty() {
        None
    } else {
        Some(entries)
    }
}

/// Whether a `WordDocument` stream's FIB has `fEncrypted` set. Only a stream stored in regular
/// sectors (at least 4096 bytes, as every real Word binary is) is looked at.
fn word_fib_encrypted(bytes: &[u8], e: &DirEntry) -> bool {
    if e.size < 4096 {
        return false;
    }
    let Some(shift) = le16(bytes, 30).map(u32::from) else { return false };
    if !(7..=16).contains(&shift) || e.start > MAX_REGULAR_SECTOR {
        return false;
    }
    let Some(start) = (u64::from(e.start) + 1).checked_shl(shift) else { return false };
    let Ok(start) = usize::try_from(start) else { return false };
    // FibBase: wIdent 0xA5EC at 0, flags at 10; fEncrypted is bit 8.
    if le16(bytes, start) != Some(0xA5EC) {
        return false;
    }
    start.checked_add(10).and_then(|at| le16(bytes, at)).is_some_and(|f| f & 0x0100 != 0)
}

// ---------------------------------------------------------------------------------------------
// Zip / OPC
// ---------------------------------------------------------------------------------------------

fn corrupt() -> Rejection {
    Rejection::new(
        RejectionCode::CorruptZip,
        "文件不完整或已损坏（可能未下载完整），请重新下载或在 Word/WPS 中重新保存后再检查",
    )
}

fn too_complex_entries(count: u64, limits: &Limits) -> Rejection {
    Rejection::new(
        RejectionCode::TooComplex,
        format!(
            "压缩包中的文件条目过多（{count} 个，上限 {} 个），这不像是一份正常的 Word 文档；请在 Word/WPS 中重新保存为 .docx 后再检查",
            limits.max_zip_entries
        ),
    )
}

const TRANSITIONAL_REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
const STRICT_REL: &str = "http://purl.oclc.org/ooxml/officeDocument/relationships/";

/// Reads the entry count from the end-of-central-directory record (zip64 aware), without
/// parsing the directory, so that a huge directory is refused before anything is allocated.
/// `None` when the record is not found or the count is implausible (the zip crate decides then).
fn declared_entry_count(bytes: &[u8]) -> Option<u64> {
    const EOCD: &[u8] = b"PK\x05\x06";
    let min = bytes.len().saturating_sub(22 + 0xFFFF);
    let tail = bytes.get(min..)?;
    let pos = min + tail.windows(4).rposition(|w| w == EOCD)?;
    let total = u64::from(le16(bytes, pos + 10)?);
    let cd_size = u64::from(le32(bytes, pos + 12)?);
    if total == 0xFFFF || cd_size == 0xFFFF_FFFF {
        // zip64: the locator sits just before the EOCD.
        let loc = pos.checked_sub(20)?;
        if bytes.get(loc..loc + 4)? != b"PK\x06\x07" {
            return None;
        }
        let off = usize::try_from(u64::from(le32(bytes, loc + 8)?) | (u64::from(le32(bytes, loc + 12)?) << 32)).ok()?;
        if bytes.get(off..off.checked_add(4)?)? != b"PK\x06\x06" {
            return None;
        }
        let lo = u64::from(le32(bytes, off + 32)?);
        let hi = u64::from(le32(bytes, off + 36)?);
        let total = lo | (hi << 32);
        let size = u64::from(le32(bytes, off + 40)?) | (u64::from(le32(bytes, off + 44)?) << 32);
        return (total.saturating_mul(46) <= size).then_some(total);
    }
    (total.saturating_mul(46) <= cd_size).then_some(total)
}

struct Zip<'a> {
    archive: ZipArchive<Cursor<&'a [u8]>>,
    /// Normalised (lower case, `/` separators, no leading `/`) name of each entry, by index.
    names: Vec<String>,
    /// Inflated bytes still allowed in total.
    budget: u64,
}

fn open_zip(bytes: &[u8], limits: &Limits) -> Result<Package, Rejection> {
    if let Some(n) = declared_entry_count(bytes) {
        if n > limits.max_zip_entries as u64 {
            return Err(too_complex_entries(n, limits));
        }
    }
    let archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| zip_error(&e))?;
    if archive.len() > limits.max_zip_entries {
        return Err(too_complex_entries(archive.len() as u64, limits));
    }
    let names = archive
        .file_names_raw()
        .map(|raw| normalise(&String::from_utf8_lossy(raw)))
        .collect::<Vec<_>>();
    let mut zip = Zip { archive, names, budget: limits.max_total_inflated };

    // 1. The officeDocument relationship, transitional or strict.
    let mut main_name: Option<String> = None;
    if let Some(idx) = zip.index("_rels/.rels") {
        // An unreadable root rels part is treated as absent; the content types may still help.
        if let Ok(rels) = zip.read(idx, "_rels/.rels", limits) {
            main_name = parse_rels(&rels)
                .into_iter()
                .find(|r| rel_type_is(&r.rel_type, "officeDocument") && !r.external)
                .map(|r| resolve("", &r.target));
        }
    }
    // 2. Otherwise a part with a Word main content type.
    let content_types = match zip.index("[content_types].xml") {
        Some(idx) => zip.read(idx, "[Content_Types].xml", limits).ok(),
        None => None,
    };
    if main_name.is_none() {
        if let Some(ct) = &content_types {
            main_name = parse_content_types(ct)
                .into_iter()
                .find(|(_, t)| is_word_main_type(t))
                .map(|(p, _)| resolve("", &p));
        }
    }
    let Some(main_name) = main_name else {
        return Err(not_word(&mut zip, content_types.as_deref(), limits));
    };
    if let Some(r) = classify_main(&main_name, content_types.as_deref()) {
        return Err(r);
    }
    let Some(main_idx) = zip.index(&main_name) else {
        return Err(Rejection::new(
            RejectionCode::CorruptZip,
            format!(
                "文件已损坏：找不到 Word 文档的正文部分（{main_name}），可能未下载完整；请重新下载或在 Word/WPS 中重新保存后再检查"
            ),
        ));
    };
    let main_xml = zip.read(main_idx, &main_name, limits)?;

    // 3. The styles part, through the main part's relationships, read only when the body names
    //    a paragraph style (the document stage needs styles only to resolve `w:pStyle`; it is
    //    often three times the size of the body). Optional: any failure to read the
    //    relationships means no styles, but a styles part that is too large is refused.
    if memchr::memmem::find(&main_xml, b"pStyle").is_none() {
        return Ok(Package { main_part_name: main_name, main_xml, styles_xml: None });
    }
    let (dir, file) = match main_name.rfind('/') {
        Some(i) => (main_name.get(..i).unwrap_or(""), main_name.get(i + 1..).unwrap_or("")),
        None => ("", main_name.as_str()),
    };
    let rels_name = if dir.is_empty() { format!("_rels/{file}.rels") } else { format!("{dir}/_rels/{file}.rels") };
    let mut styles_xml = None;
    if let Some(idx) = zip.index(&rels_name) {
        if let Ok(rels) = zip.read(idx, &rels_name, limits) {
            let target = parse_rels(&rels)
                .into_iter()
                .find(|r| rel_type_is(&r.rel_type, "styles") && !r.external)
                .map(|r| resolve(dir, &r.target));
            if let Some(styles_name) = target {
                if let Some(sidx) = zip.index(&styles_name) {
                    match zip.read(sidx, &styles_name, limits) {
                        Ok(s) => styles_xml = Some(s),
                        Err(r) if r.code == RejectionCode::TooLargeInflated => return Err(r),
                        Err(_) => {}
                    }
                }
            }
        }
    }
    Ok(Package { main_part_name: main_name, main_xml, styles_xml })
}

impl Zip<'_> {
    /// Index of the entry with this part name: exact match first, then case-insensitive with
    /// `\` taken as `/` (OPC part names are case-insensitive; some tools write backslashes).
    fn index(&self, name: &str) -> Option<usize> {
        if let Some(i) = self.archive.index_for_name(name) {
            return Some(i);
        }
        let want = normalise(name);
        self.names.iter().position(|n| *n == want).or_else(|| {
            let decoded = normalise(&percent_decode(name));
            (decoded != want).then(|| self.names.iter().position(|n| *n == decoded)).flatten()
        })
    }

    /// Inflates one entry, within the bounds.
    fn read(&mut self, index: usize, name: &str, limits: &Limits) -> Result<Vec<u8>, Rejection> {
        let (declared, compressed, encrypted, method) = {
            let e = self.archive.by_index_data(index).map_err(|e| zip_error(&e))?;
            (e.size(), e.compressed_size(), e.encrypted(), e.compression())
        };
        if encrypted {
            return Err(Rejection::new(
                RejectionCode::CorruptZip,
                "压缩包中的内容被加密（设置了压缩密码），不是 Word 正常保存的文件；请在 Word/WPS 中打开并另存为不加密的 .docx 后再检查",
            ));
        }
        if !matches!(method, CompressionMethod::Stored | CompressionMethod::Deflated) {
            return Err(Rejection::new(
                RejectionCode::CorruptZip,
                "文件使用了 Word 不会使用的压缩方式（可能被其他压缩软件重新打包过），无法读取；请在 Word/WPS 中打开并另存为 .docx 后再检查",
            ));
        }
        let cap = limits.max_part_bytes.min(self.budget);
        if declared > limits.max_part_bytes {
            return Err(too_large_part(name, declared, limits.max_part_bytes));
        }
        if declared > self.budget {
            return Err(too_large_total(limits.max_total_inflated));
        }
        if declared > limits.ratio_floor_bytes && declared / compressed.max(1) > limits.max_ratio {
            return Err(Rejection::new(
                RejectionCode::TooLargeInflated,
                format!(
                    "文件中的“{name}”压缩比异常（约 {}:1，上限 {}:1，解压后 {} MB），可能是恶意构造的压缩炸弹，已拒绝；请在 Word/WPS 中重新保存为 .docx 后再检查",
                    declared / compressed.max(1),
                    limits.max_ratio,
                    mb(declared)
                ),
            ));
        }
        let (crc_expected, raw) = {
            let raw = self.archive.by_index_raw(index).map_err(|e| zip_error(&e))?;
            (raw.crc32(), raw)
        };
        // Inflate ourselves from the raw compressed bytes, so that the bound is ours alone:
        // never more than `cap` bytes, and never much more than the declared size (a part
        // that overshoots its declared size is corrupt or hostile either way; reading up to
        // `lie_bound` tells the two apart cheaply).
        let lie_bound = declared.saturating_mul(2).max(declared.saturating_add(LIE_SLACK));
        let bound = cap.min(lie_bound);
        // Don't trust the declared size for the allocation either.
        let initial = declared.min(bound).min(compressed.saturating_mul(16).saturating_add(64 * 1024));
        let mut buf = Vec::with_capacity(usize::try_from(initial).unwrap_or(0));
        let result = if method == CompressionMethod::Stored {
            raw.take(bound.saturating_add(1)).read_to_end(&mut buf)
        } else {
            flate2::read::DeflateDecoder::new(raw).take(bound.saturating_add(1)).read_to_end(&mut buf)
        };
        let produced = buf.len() as u64;
        // Work done counts against the total even when the part is then refused.
        self.budget = self.budget.saturating_sub(produced);
        if produced > cap {
            return Err(if produced > limits.max_part_bytes {
                too_large_part(name, produced, limits.max_part_bytes)
            } else {
                too_large_total(limits.max_total_inflated)
            });
        }
        if produced > lie_bound {
            return Err(Rejection::new(
                RejectionCode::TooLargeInflated,
                format!(
                    "文件中的“{name}”解压后远大于它声明的大小（{declared} 字节），可能是恶意构造的压缩炸弹，已拒绝；请在 Word/WPS 中重新保存为 .docx 后再检查"
                ),
            ));
        }
        if result.is_err() || produced != declared {
            return Err(corrupt());
        }
        let mut crc = flate2::Crc::new();
        crc.update(&buf);
        if crc.sum() != crc_expected {
            return Err(corrupt());
        }
        Ok(buf)
    }
}

/// How far past its declared size a part may inflate before it is called a bomb rather than
/// corrupt (or twice the declared size, if larger).
const LIE_SLACK: u64 = 1024 * 1024;

/// The rejection of an input of `size` bytes over [`Limits::max_input_bytes`] (also used by
/// callers that see the size before reading the file).
pub fn too_large_input(size: u64, limits: &Limits) -> Rejection {
    Rejection::new(
        RejectionCode::TooLarge,
        format!(
            "文件过大（{} MB），超过了 {} MB 的上限；年度报告的 .docx 通常只有几十 KB 到几 MB，请确认上传的是报告的 Word 文档",
            mb(size),
            mb(limits.max_input_bytes)
        ),
    )
}

fn too_large_part(name: &str, size: u64, limit: u64) -> Rejection {
    Rejection::new(
        RejectionCode::TooLargeInflated,
        format!(
            "文件中的“{name}”解压后超过 {} MB 的上限（声明或实际已达 {} MB），可能是压缩炸弹或异常庞大的文档，已拒绝；请确认文件来源，或在 Word/WPS 中重新保存为 .docx 后再检查",
            mb(limit),
            mb(size)
        ),
    )
}

fn too_large_total(limit: u64) -> Rejection {
    Rejection::new(
        RejectionCode::TooLargeInflated,
        format!(
            "文件解压后的总大小超过 {} MB 的上限，可能是压缩炸弹或异常庞大的文档，已拒绝；请确认文件来源，或在 Word/WPS 中重新保存为 .docx 后再检查",
            mb(limit)
        ),
    )
}

fn zip_error(e: &ZipError) -> Rejection {
    match e {
        ZipError::UnsupportedArchive(msg) if msg.contains("multi-disk") => Rejection::new(
            RejectionCode::CorruptZip,
            "这是分卷压缩包的一部分，无法单独读取；请合并/解压后再检查其中的 .docx",
        ),
        ZipError::UnsupportedArchive(msg) if msg.to_ascii_lowercase().contains("password") => Rejection::new(
            RejectionCode::CorruptZip,
            "压缩包中的内容被加密（设置了压缩密码），不是 Word 正常保存的文件；请在 Word/WPS 中打开并另存为不加密的 .docx 后再检查",
        ),
        ZipError::CompressionMethodNotSupported(_) => Rejection::new(
            RejectionCode::CorruptZip,
            "文件使用了 Word 不会使用的压缩方式（可能被其他压缩软件重新打包过），无法读取；请在 Word/WPS 中打开并另存为 .docx 后再检查",
        ),
        _ => corrupt(),
    }
}

/// Says what a zip without a Word main part is.
fn not_word(zip: &mut Zip<'_>, content_types: Option<&[u8]>, limits: &Limits) -> Rejection {
    // ODF: a `mimetype` entry.
    if let Some(idx) = zip.index("mimetype") {
        let declared_small = zip.archive.by_index_data(idx).map(|e| e.size() <= 256).unwrap_or(false);
        if declared_small {
            if let Ok(m) = zip.read(idx, "mimetype", limits) {
                let m = String::from_utf8_lossy(&m).trim().to_string();
                if let Some(kind) = m.strip_prefix("application/vnd.oasis.opendocument.") {
                    let (what, ext) = if kind.starts_with("text") {
                        ("OpenDocument 文本", ".odt")
                    } else if kind.starts_with("spreadsheet") {
                        ("OpenDocument 电子表格", ".ods")
                    } else if kind.starts_with("presentation") {
                        ("OpenDocument 演示文稿", ".odp")
                    } else {
                        ("OpenDocument 文档", ".od*")
                    };
                    return Rejection::new(
                        RejectionCode::NotWord,
                        format!(
                            "这是{what}（{ext}，常见于 WPS/LibreOffice 的另存格式），不是 .docx；请在 Word/WPS 中打开后另存为 .docx 再检查"
                        ),
                    );
                }
                if m == "application/epub+zip" {
                    return Rejection::new(
                        RejectionCode::NotWord,
                        "这是电子书（EPUB），不是 Word 文档；请上传报告的 Word 原稿（.docx）",
                    );
                }
            }
        }
    }
    if zip.index("ofd.xml").is_some() {
        return Rejection::new(
            RejectionCode::NotWord,
            "这是 OFD 版式文件，nianbao 只能检查 Word 文档（.docx）；请找到报告的 Word 原稿（.docx）再检查",
        );
    }
    let ct = content_types.map(parse_content_types).unwrap_or_default();
    let has_type = |needle: &str| ct.iter().any(|(_, t)| t.contains(needle));
    if has_type("spreadsheetml") || zip.names.iter().any(|n| n.starts_with("xl/")) {
        return excel();
    }
    if has_type("presentationml") || zip.names.iter().any(|n| n.starts_with("ppt/")) {
        return powerpoint();
    }
    if zip.names.iter().any(|n| n == "fixeddocseq.fdseq" || n.ends_with(".fdseq")) {
        return Rejection::new(
            RejectionCode::NotWord,
            "这是 XPS 文件，不是 Word 文档；请上传报告的 Word 原稿（.docx）",
        );
    }
    let docx = zip.names.iter().filter(|n| n.ends_with(".docx")).count();
    if docx > 0 {
        return Rejection::new(
            RejectionCode::NotWord,
            format!("这是普通压缩包（.zip），里面有 {docx} 个 .docx 文件；请解压后逐个检查其中的 .docx"),
        );
    }
    if !ct.is_empty() || zip.index("_rels/.rels").is_some() {
        return Rejection::new(
            RejectionCode::NotWord,
            "这是 Office 文件，但不是 Word 文档（找不到 Word 正文部分）；请上传报告的 Word 文档（.docx）",
        );
    }
    Rejection::new(
        RejectionCode::NotWord,
        "这是普通压缩包（.zip），不是 Word 文档；请解压后逐个检查其中的 .docx",
    )
}

fn excel() -> Rejection {
    Rejection::new(
        RejectionCode::NotWord,
        "这是 Excel 工作簿（.xlsx），不是 Word 文档；请上传报告的 Word 文档（.docx）",
    )
}

fn powerpoint() -> Rejection {
    Rejection::new(
        RejectionCode::NotWord,
        "这是 PowerPoint 演示文稿（.pptx），不是 Word 文档；请上传报告的 Word 文档（.docx）",
    )
}

/// Refuses an officeDocument target that is a workbook or a presentation.
fn classify_main(main: &str, content_types: Option<&[u8]>) -> Option<Rejection> {
    let lower = main.to_ascii_lowercase();
    let ct = content_types.map(parse_content_types).unwrap_or_default();
    let part_type = ct
        .iter()
        .find(|(p, _)| normalise(p) == normalise(main))
        .map(|(_, t)| t.to_ascii_lowercase())
        .unwrap_or_default();
    if lower.starts_with("xl/") || part_type.contains("spreadsheetml") || part_type.contains("ms-excel") {
        return Some(excel());
    }
    if lower.starts_with("ppt/") || part_type.contains("presentationml") || part_type.contains("ms-powerpoint") {
        return Some(powerpoint());
    }
    if !part_type.is_empty() && !is_word_main_type(&part_type) && lower.starts_with("visio/") {
        return Some(Rejection::new(
            RejectionCode::NotWord,
            "这是 Visio 绘图文件，不是 Word 文档；请上传报告的 Word 文档（.docx）",
        ));
    }
    None
}

fn is_word_main_type(t: &str) -> bool {
    let t = t.to_ascii_lowercase();
    (t.contains("wordprocessingml") || t.contains("ms-word")) && t.ends_with(".main+xml")
}

fn rel_type_is(rel_type: &str, suffix: &str) -> bool {
    let t = rel_type.trim();
    let Some(last) = t.strip_prefix(TRANSITIONAL_REL).or_else(|| t.strip_prefix(STRICT_REL)).or_else(|| {
        // Accept any relationship namespace ending in the same name (lenient to odd writers).
        t.rsplit_once('/').map(|(_, l)| l)
    }) else {
        return false;
    };
    last == suffix
}

/// Lower case, `/` separators, no leading `/`.
fn normalise(name: &str) -> String {
    name.replace('\\', "/").trim_start_matches('/').to_ascii_lowercase()
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let c = b.get(i).copied().unwrap_or(0);
        if c == b'%' {
            let hex = b.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok()).and_then(|h| u8::from_str_radix(h, 16).ok());
            if let Some(v) = hex {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Resolves a relationship target against the source part's folder (`""` for the package
/// root): an absolute target (`/word/document.xml`) is taken from the root; `.` and `..`
/// segments are resolved. The result has no leading `/`.
fn resolve(base_dir: &str, target: &str) -> String {
    let target = target.trim().replace('\\', "/");
    // Drop a fragment or query, which a part name cannot have.
    let target = target.split(['#', '?']).next().unwrap_or("").to_string();
    let mut segs: Vec<&str> = Vec::new();
    if !target.starts_with('/') {
        segs.extend(base_dir.split('/').filter(|s| !s.is_empty()));
    }
    for s in target.split('/') {
        match s {
            "" | "." => {}
            ".." => {
                segs.pop();
            }
            s => segs.push(s),
        }
    }
    segs.join("/")
}

struct Rel {
    rel_type: String,
    target: String,
    external: bool,
}

/// Decodes a small XML part to a string: UTF-8 (BOM stripped) or UTF-16 with a BOM.
fn xml_text(bytes: &[u8]) -> String {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let le = bytes.starts_with(&[0xFF, 0xFE]);
        let units = bytes.get(2..).unwrap_or(&[]).chunks_exact(2).map(|c| match c {
            [a, b] if le => u16::from_le_bytes([*a, *b]),
            [a, b] => u16::from_be_bytes([*a, *b]),
            _ => 0,
        });
        let s: String = char::decode_utf16(units).map(|r| r.unwrap_or('\u{fffd}')).collect();
        // The declaration may still say encoding="UTF-16"; quick-xml reads the str as is.
        return s;
    }
    let b = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    String::from_utf8_lossy(b).into_owned()
}

/// Calls `f` with the local element name and (local attribute name, value) pairs of every
/// start or empty element, until the end or the first XML error.
fn for_each_element(bytes: &[u8], mut f: impl FnMut(&str, &[(String, String)])) {
    use quick_xml::events::Event;
    let text = xml_text(bytes);
    let mut reader = quick_xml::Reader::from_str(&text);
    // Bounded by the part size: each iteration consumes input.
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => {
                let attrs: Vec<(String, String)> = e
                    .attributes()
                    .flatten()
                    .map(|a| {
                        let v = a
                            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                            .map(|v| v.into_owned())
                            .unwrap_or_default();
                        (a.key.local_name().as_ref().to_string(), v)
                    })
                    .collect();
                f(e.local_name().as_ref(), &attrs);
            }
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
}

fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

fn parse_rels(bytes: &[u8]) -> Vec<Rel> {
    let mut rels = Vec::new();
    for_each_element(bytes, |name, attrs| {
        if name == "Relationship" {
            if let (Some(t), Some(target)) = (attr(attrs, "Type"), attr(attrs, "Target")) {
                let external = attr(attrs, "TargetMode").is_some_and(|m| m.trim().eq_ignore_ascii_case("external"));
                rels.push(Rel { rel_type: t.to_string(), target: target.to_string(), external });
            }
        }
    });
    rels
}

/// `Override` entries of `[Content_Types].xml`: (part name, content type).
fn parse_content_types(bytes: &[u8]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for_each_element(bytes, |name, attrs| {
        if name == "Override" {
            if let (Some(p), Some(t)) = (attr(attrs, "PartName"), attr(attrs, "ContentType")) {
                out.push((p.to_string(), t.to_string()));
            }
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_targets() {
        assert_eq!(resolve("", "word/document.xml"), "word/document.xml");
        assert_eq!(resolve("", "/word/document.xml"), "word/document.xml");
        assert_eq!(resolve("", "./word/document.xml"), "word/document.xml");
        assert_eq!(resolve("word", "styles.xml"), "word/styles.xml");
        assert_eq!(resolve("word", "../customXml/item.xml"), "customXml/item.xml");
        assert_eq!(resolve("word", "/word/styles.xml"), "word/styles.xml");
        assert_eq!(resolve("a/b", "../../../x.xml"), "x.xml");
    }

    #[test]
    fn relationship_types() {
        assert!(rel_type_is(
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
            "officeDocument"
        ));
        assert!(rel_type_is("http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument", "officeDocument"));
        assert!(!rel_type_is(
            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
            "officeDocument"
        ));
    }

    #[test]
    fn megabytes() {
        assert_eq!(mb(100 * 1024 * 1024), "100");
        assert_eq!(mb(1024 * 1024 + 512 * 1024), "1.5");
    }

    #[test]
    fn no_panic_on_short_inputs() {
        let l = Limits::default();
        for n in 0..64usize {
            let mut v = OLE_MAGIC.to_vec();
            v.resize(8 + n * 13, 0xFF);
            let _ = open(&v, &l);
            let _ = open(b"PK\x03\x04", &l);
            let _ = open(b"PK\x05\x06", &l);
            let _ = open(&[0xFF, 0xFE, 0x41], &l);
        }
    }
}
