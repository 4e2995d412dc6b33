//! The intake stage: recognises what kind of file the bytes are, and for a Word document
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
//! Files: `mod.rs` sniffs, `cfb.rs` reads compound-file directories, `package.rs` reads the zip
//! and its OPC relationships. Refusals are typed ([`crate::rejection::Refusal`]); their text is
//! written in `crate::messages`.
//!
//! Nothing here panics on any input: all indexing is checked (`get`), all arithmetic on values
//! from the file is checked or saturating, and every loop over file structures is bounded.

use crate::limits::Limits;
use crate::opc::utf16_with_bom;
use crate::rejection::{Other, Refusal, Rejection};

mod cfb;
mod package;
#[cfg(feature = "readers")]
mod web;

use cfb::ole_rejection;
#[cfg(feature = "readers")]
pub use cfb::WordStreams;
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
        return Err(Rejection::from(Refusal::Empty));
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

/// What the bytes hold, for the readers beyond .docx (feature `readers`).
#[cfg(feature = "readers")]
#[derive(Debug, Clone)]
pub enum Source {
    Docx(Package),
    /// A Word 97-2003 binary document (.doc, .wps).
    Word97(WordStreams),
    /// A web page (.html/.htm, or the HTML part of an .mht), decoded to text.
    Html(String),
}

/// Opens the bytes as a .docx, a Word 97-2003 document, a web page or an .mht, or says what
/// they are instead.
#[cfg(feature = "readers")]
pub fn open_any(bytes: &[u8], limits: &Limits) -> Result<Source, Rejection> {
    if bytes.is_empty() {
        return Err(Rejection::from(Refusal::Empty));
    }
    if bytes.len() as u64 > limits.max_input_bytes {
        return Err(too_large_input(bytes.len() as u64, limits));
    }
    match sniff(bytes) {
        Kind::Zip => open_zip(bytes, limits).map(Source::Docx),
        Kind::Ole => {
            let r = ole_rejection(bytes);
            if r.reason == Some(Refusal::LegacyWord) {
                cfb::word_streams(bytes, limits).map(Source::Word97)
            } else {
                Err(r)
            }
        }
        Kind::Rejected(r) => match r.reason {
            Some(Refusal::OtherText(Other::Html)) => Ok(Source::Html(web::decode_html(bytes))),
            Some(Refusal::OtherText(Other::Mht)) => web::mht_html(bytes).map(Source::Html),
            _ => match web::sniff_html_loosely(bytes) {
                Some(html) => Ok(Source::Html(html)),
                None => Err(r),
            },
        },
    }
}

/// Decodes a pasted HTML fragment (already text) for the HTML reader: nothing to do but bound it.
#[cfg(feature = "readers")]
pub fn pasted_html(html: &str, limits: &Limits) -> Result<Source, Rejection> {
    if html.len() as u64 > limits.max_input_bytes {
        return Err(too_large_input(html.len() as u64, limits));
    }
    Ok(Source::Html(html.to_string()))
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
        return Kind::Rejected(Rejection::from(Refusal::Pdf));
    }
    if let Some(kind) = image_kind(bytes) {
        return Kind::Rejected(Rejection::from(Refusal::Image(kind)));
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
    Rejection::from(Refusal::UnknownFormat)
}

fn image_kind(b: &[u8]) -> Option<Other> {
    if b.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(Other::Png)
    } else if b.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(Other::Jpeg)
    } else if b.starts_with(b"GIF87a") || b.starts_with(b"GIF89a") {
        Some(Other::Gif)
    } else if b.starts_with(b"BM") && b.len() >= 26 && b.get(6..10) == Some(&[0, 0, 0, 0]) {
        Some(Other::Bmp)
    } else if b.starts_with(b"II*\0") || b.starts_with(b"MM\0*") {
        Some(Other::Tiff)
    } else if b.starts_with(b"RIFF") && b.get(8..12) == Some(b"WEBP") {
        Some(Other::WebP)
    } else {
        None
    }
}

fn archive_kind(b: &[u8]) -> Option<Rejection> {
    let kind = if b.starts_with(b"Rar!\x1a\x07") {
        Other::Rar
    } else if b.starts_with(&[b'7', b'z', 0xBC, 0xAF, 0x27, 0x1C]) {
        Other::SevenZip
    } else if b.starts_with(&[0x1F, 0x8B]) {
        Other::Gzip
    } else {
        return None;
    };
    Some(Rejection::from(Refusal::NotWord(kind)))
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
        return Some(Rejection::from(Refusal::OtherText(Other::Rtf)));
    }
    if lower.starts_with("mime-version:")
        || lower.starts_with("content-type: multipart/related")
        || (lower.starts_with("from:") && lower.contains("mime-version:"))
    {
        return Some(Rejection::from(Refusal::OtherText(Other::Mht)));
    }
    if lower.starts_with("<html") || lower.starts_with("<!doctype html") || looks_like_html(&lower)
    {
        return Some(Rejection::from(Refusal::OtherText(Other::Html)));
    }
    if lower.starts_with("<?xml") || lower.starts_with('<') {
        let what = if lower.contains("pkg:package") {
            Other::FlatOpc
        } else if lower.contains("word.document") || lower.contains("w:worddocument") {
            Other::Word2003Xml
        } else {
            Other::Xml
        };
        return Some(Rejection::from(Refusal::OtherText(what)));
    }
    if utf16 || is_plain_text(t) {
        return Some(Rejection::from(Refusal::OtherText(Other::PlainText)));
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
    if let Some(s) = utf16_with_bom(h) {
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
    if needle.is_empty() {
        return None;
    }
    // memchr's searcher, not `windows().position()`: one slice comparison per byte offset is
    // slow on the large raw scans of `cfb.rs` (and, in fuzz builds, every comparison is traced).
    memchr::memmem::find(hay, needle)
}

/// The rejection of an input of `size` bytes over [`Limits::max_input_bytes`] (also used by
/// callers that see the size before reading the file).
pub fn too_large_input(size: u64, limits: &Limits) -> Rejection {
    crate::rejection::too_large_input(size, limits.max_input_bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

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
