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

mod cfb;
mod package;

use cfb::ole_rejection;
use package::open_zip;

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
    if bytes.starts_with(b"PK\x03\x04")
        || bytes.starts_with(b"PK\x05\x06")
        || bytes.starts_with(b"PK\x07\x08")
    {
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
    let lower: String = t
        .chars()
        .take(2048)
        .collect::<String>()
        .to_ascii_lowercase();
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
    if lower.starts_with("<html") || lower.starts_with("<!doctype html") || looks_like_html(&lower)
    {
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
            format!(
                "这是{what}，不是 .docx；请在 Word/WPS 中打开后另存为 .docx（Word 文档）再检查"
            ),
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
        let s: String = char::decode_utf16(units)
            .map(|r| r.unwrap_or('\u{fffd}'))
            .collect();
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
    !t.is_empty()
        && t.chars()
            .all(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r' | '\u{c}'))
}

fn head(bytes: &[u8], n: usize) -> &[u8] {
    bytes.get(..n.min(bytes.len())).unwrap_or(bytes)
}

pub(super) fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

pub(super) fn mb(bytes: u64) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

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
