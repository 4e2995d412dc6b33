//! The one OPC/zip layer: the bounded zip reader (entry count from the end record, declared
//! size, declared ratio, total budget, bytes actually produced, CRC), part-name normalisation
//! and resolution, relationships and content types. Used by the intake (reading a .docx) and by
//! the annotated-report writer (`present::annotate`), so both apply the same bounds.

use crate::limits::Limits;
use crate::rejection::{Refusal, Rejection};
use std::io::Cursor;
use zip::result::ZipError;
use zip::CompressionMethod;
use zip::ZipArchive;

/// The longest start of `bytes` that is valid UTF-8 (all of it when valid), checked with SIMD
/// natively (`docx::tests::valid_utf8_start_is_what_core_says`). A part's XML is read up to here:
/// the Word reader and the annotating writer check a part once, whole, instead of every event.
pub(crate) fn valid_utf8_start(bytes: &[u8]) -> &str {
    #[cfg(not(target_arch = "wasm32"))]
    if let Ok(s) = simdutf8::basic::from_utf8(bytes) {
        return s;
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => bytes
            .get(..e.valid_up_to())
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or_default(),
    }
}

pub(crate) fn le16(b: &[u8], at: usize) -> Option<u16> {
    let s = b.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes([*s.first()?, *s.get(1)?]))
}

pub(crate) fn le32(b: &[u8], at: usize) -> Option<u32> {
    let s = b.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([
        *s.first()?,
        *s.get(1)?,
        *s.get(2)?,
        *s.get(3)?,
    ]))
}

/// The bytes decoded as UTF-16 when they begin with a UTF-16 byte order mark (either
/// endianness; unpaired surrogates become U+FFFD, an odd last byte is dropped).
pub(crate) fn utf16_with_bom(bytes: &[u8]) -> Option<String> {
    let le = match bytes {
        [0xFF, 0xFE, ..] => true,
        [0xFE, 0xFF, ..] => false,
        _ => return None,
    };
    let units = bytes
        .get(2..)
        .unwrap_or(&[])
        .chunks_exact(2)
        .map(|c| match c {
            [a, b] if le => u16::from_le_bytes([*a, *b]),
            [a, b] => u16::from_be_bytes([*a, *b]),
            _ => 0,
        });
    Some(
        char::decode_utf16(units)
            .map(|r| r.unwrap_or('\u{fffd}'))
            .collect(),
    )
}

pub(crate) fn corrupt() -> Rejection {
    Rejection::from(Refusal::CorruptZip)
}

fn too_complex_entries(count: u64, limits: &Limits) -> Rejection {
    Rejection::from(Refusal::TooManyEntries {
        count,
        max: limits.max_zip_entries,
    })
}

const TRANSITIONAL_REL: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
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
        let off = usize::try_from(
            u64::from(le32(bytes, loc + 8)?) | (u64::from(le32(bytes, loc + 12)?) << 32),
        )
        .ok()?;
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

/// A zip package opened for bounded reading of its parts.
pub struct Zip<'a> {
    pub(crate) archive: ZipArchive<Cursor<&'a [u8]>>,
    /// The archive's bytes (a part's compressed data is inflated straight from them).
    bytes: &'a [u8],
    /// One inflater for every part, reset between parts (not allocated and zeroed anew).
    inflater: Option<flate2::Decompress>,
    /// Normalised (lower case, `/` separators, no leading `/`) name of each entry, by index.
    pub(crate) names: Vec<String>,
    /// Inflated bytes still allowed in total.
    budget: u64,
}

impl<'a> Zip<'a> {
    /// Opens the zip: refuses a central directory with more entries than the limit (counted
    /// from the end record before anything is allocated) or that cannot be read.
    pub fn open(bytes: &'a [u8], limits: &Limits) -> Result<Self, Rejection> {
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
        Ok(Zip {
            archive,
            bytes,
            inflater: None,
            names,
            budget: limits.max_total_inflated,
        })
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// The declared (uncompressed) size of an entry.
    pub fn declared_size(&mut self, index: usize) -> Result<u64, ZipError> {
        self.archive.by_index_data(index).map(|e| e.size())
    }

    /// The underlying archive (for copying entries raw).
    pub fn archive_mut(&mut self) -> &mut ZipArchive<Cursor<&'a [u8]>> {
        &mut self.archive
    }
}

impl Zip<'_> {
    /// Index of the entry with this part name: exact match first, then case-insensitive with
    /// `\` taken as `/` (OPC part names are case-insensitive; some tools write backslashes).
    pub fn index(&self, name: &str) -> Option<usize> {
        if let Some(i) = self.archive.index_for_name(name) {
            return Some(i);
        }
        let want = normalise(name);
        self.names.iter().position(|n| *n == want).or_else(|| {
            let decoded = normalise(&percent_decode(name));
            (decoded != want)
                .then(|| self.names.iter().position(|n| *n == decoded))
                .flatten()
        })
    }

    /// Inflates one entry, within the bounds.
    pub fn read(
        &mut self,
        index: usize,
        name: &str,
        limits: &Limits,
    ) -> Result<Vec<u8>, Rejection> {
        let (declared, compressed, encrypted, method) = {
            let e = self
                .archive
                .by_index_data(index)
                .map_err(|e| zip_error(&e))?;
            (
                e.size(),
                e.compressed_size(),
                e.encrypted(),
                e.compression(),
            )
        };
        if encrypted {
            return Err(Rejection::from(Refusal::ZipEncrypted));
        }
        if !matches!(
            method,
            CompressionMethod::Stored | CompressionMethod::Deflated
        ) {
            return Err(Rejection::from(Refusal::ZipMethod));
        }
        let cap = limits.max_part_bytes.min(self.budget);
        if declared > limits.max_part_bytes {
            return Err(too_large_part(name, declared, limits.max_part_bytes));
        }
        if declared > self.budget {
            return Err(too_large_total(limits.max_total_inflated));
        }
        if declared > limits.ratio_floor_bytes && declared / compressed.max(1) > limits.max_ratio {
            return Err(Rejection::from(Refusal::Ratio {
                name: name.to_string(),
                ratio: declared / compressed.max(1),
                max: limits.max_ratio,
                size: declared,
            }));
        }
        let bytes = self.bytes;
        let (crc_expected, data) = {
            let raw = self
                .archive
                .by_index_raw(index)
                .map_err(|e| zip_error(&e))?;
            // The compressed data as the raw reader would give it: `compressed` bytes from
            // where the data starts, fewer where the archive ends sooner.
            let data = raw
                .data_start()
                .and_then(|start| bytes.get(usize::try_from(start).ok()?..))
                .map(|d| {
                    &d[..d
                        .len()
                        .min(usize::try_from(compressed).unwrap_or(usize::MAX))]
                })
                .ok_or_else(corrupt)?;
            (raw.crc32(), data)
        };
        // Inflate ourselves from the raw compressed bytes, so that the bound is ours alone:
        // never more than `cap` bytes, and never much more than the declared size (a part
        // that overshoots its declared size is corrupt or hostile either way; reading up to
        // `lie_bound` tells the two apart cheaply).
        let lie_bound = declared
            .saturating_mul(2)
            .max(declared.saturating_add(LIE_SLACK));
        let bound = cap.min(lie_bound);
        // Don't trust the declared size for the allocation either.
        let initial = declared
            .min(bound)
            .min(compressed.saturating_mul(16).saturating_add(64 * 1024));
        let mut buf = Vec::with_capacity(usize::try_from(initial).unwrap_or(0));
        let limit = bound.saturating_add(1);
        let result = if method == CompressionMethod::Stored {
            let n = data.len().min(usize::try_from(limit).unwrap_or(usize::MAX));
            buf.extend_from_slice(&data[..n]);
            Ok(())
        } else {
            let inflater = self
                .inflater
                .get_or_insert_with(|| flate2::Decompress::new(false));
            inflater.reset(false);
            inflate(inflater, data, &mut buf, limit)
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
            return Err(Rejection::from(Refusal::InflatesBeyondDeclared {
                name: name.to_string(),
                declared,
            }));
        }
        if result.is_err() || produced != declared {
            return Err(corrupt());
        }
        // crc32fast directly: natively its SIMD form, where flate2's zlib-rs backend (the CLI
        // build) would use a portable one.
        if crc32fast::hash(&buf) != crc_expected {
            return Err(corrupt());
        }
        Ok(buf)
    }
}

/// Inflates raw deflate `data` into `buf` (appending), stopping after `limit` bytes: what
/// `DeflateDecoder::new(data).take(limit).read_to_end(buf)` gives, without zeroing the buffer
/// nor allocating an inflater and its window per part. A stream cut short ends without error
/// (the caller compares the size with the declared one); corrupt data is an error.
fn inflate(
    inflater: &mut flate2::Decompress,
    mut data: &[u8],
    buf: &mut Vec<u8>,
    limit: u64,
) -> Result<(), ()> {
    use flate2::{FlushDecompress, Status};
    let limit = usize::try_from(limit).unwrap_or(usize::MAX);
    let result = loop {
        if buf.len() >= limit {
            break Ok(());
        }
        if buf.len() == buf.capacity() {
            let room = (limit - buf.len()).min(buf.len().max(32 * 1024));
            buf.reserve_exact(room);
        }
        let (was_in, was_out) = (inflater.total_in(), inflater.total_out());
        match inflater.decompress_vec(data, buf, FlushDecompress::None) {
            Ok(Status::StreamEnd) => break Ok(()),
            Ok(Status::Ok | Status::BufError) => {
                let used = usize::try_from(inflater.total_in() - was_in).unwrap_or(data.len());
                data = &data[used.min(data.len())..];
                let stuck = used == 0 && inflater.total_out() == was_out;
                if stuck && buf.len() < buf.capacity() {
                    // No input left to make progress with: the stream is cut short.
                    break Ok(());
                }
            }
            Err(_) => break Err(()),
        }
    };
    buf.truncate(limit);
    result
}

/// How far past its declared size a part may inflate before it is called a bomb rather than
/// corrupt (or twice the declared size, if larger).
const LIE_SLACK: u64 = 1024 * 1024;

fn too_large_part(name: &str, size: u64, limit: u64) -> Rejection {
    Rejection::from(Refusal::TooLargePart {
        name: name.to_string(),
        size,
        max: limit,
    })
}

fn too_large_total(limit: u64) -> Rejection {
    Rejection::from(Refusal::TooLargeTotal { max: limit })
}

fn zip_error(e: &ZipError) -> Rejection {
    match e {
        ZipError::UnsupportedArchive(msg) if msg.contains("multi-disk") => {
            Rejection::from(Refusal::ZipMultiDisk)
        }
        ZipError::UnsupportedArchive(msg) if msg.to_ascii_lowercase().contains("password") => {
            Rejection::from(Refusal::ZipEncrypted)
        }
        ZipError::CompressionMethodNotSupported(_) => Rejection::from(Refusal::ZipMethod),
        _ => corrupt(),
    }
}

pub(crate) fn rel_type_is(rel_type: &str, suffix: &str) -> bool {
    let t = rel_type.trim();
    let Some(last) = t
        .strip_prefix(TRANSITIONAL_REL)
        .or_else(|| t.strip_prefix(STRICT_REL))
        .or_else(|| {
            // Accept any relationship namespace ending in the same name (lenient to odd writers).
            t.rsplit_once('/').map(|(_, l)| l)
        })
    else {
        return false;
    };
    last == suffix
}

/// Lower case, `/` separators, no leading `/`.
pub(crate) fn normalise(name: &str) -> String {
    name.replace('\\', "/")
        .trim_start_matches('/')
        .to_ascii_lowercase()
}

pub(crate) fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let c = b.get(i).copied().unwrap_or(0);
        if c == b'%' {
            let hex = b
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok());
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
pub(crate) fn resolve(base_dir: &str, target: &str) -> String {
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

/// The internal part that the first relationship of type `…/type_name` of a relationships part
/// points at, resolved against `base_dir` (the source part's folder; `""` for the root).
pub(crate) fn relationship_target(rels: &[u8], type_name: &str, base_dir: &str) -> Option<String> {
    parse_rels(rels)
        .into_iter()
        .find(|r| rel_type_is(&r.rel_type, type_name) && !r.external)
        .map(|r| resolve(base_dir, &r.target))
}

pub(crate) struct Rel {
    pub rel_type: String,
    pub target: String,
    pub external: bool,
}

/// Decodes a small XML part to a string: UTF-8 (BOM stripped) or UTF-16 with a BOM.
pub(crate) fn xml_text(bytes: &[u8]) -> String {
    if let Some(s) = utf16_with_bom(bytes) {
        // The declaration may still say encoding="UTF-16"; quick-xml reads the str as is.
        return s;
    }
    let b = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    String::from_utf8_lossy(b).into_owned()
}

/// Calls `f` with the local element name and (local attribute name, value) pairs of every
/// start or empty element, until the end or the first XML error.
pub(crate) fn for_each_element(bytes: &[u8], mut f: impl FnMut(&str, &[(String, String)])) {
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
                        // `text` is a str: so are its names.
                        let key = a.key.local_name();
                        (String::from_utf8_lossy(key.as_ref()).into_owned(), v)
                    })
                    .collect();
                f(
                    std::str::from_utf8(e.local_name().as_ref()).unwrap_or_default(),
                    &attrs,
                );
            }
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
}

pub(crate) fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

pub(crate) fn parse_rels(bytes: &[u8]) -> Vec<Rel> {
    let mut rels = Vec::new();
    for_each_element(bytes, |name, attrs| {
        if name == "Relationship" {
            if let (Some(t), Some(target)) = (attr(attrs, "Type"), attr(attrs, "Target")) {
                let external = attr(attrs, "TargetMode")
                    .is_some_and(|m| m.trim().eq_ignore_ascii_case("external"));
                rels.push(Rel {
                    rel_type: t.to_string(),
                    target: target.to_string(),
                    external,
                });
            }
        }
    });
    rels
}

/// `Override` entries of `[Content_Types].xml`: (part name, content type).
pub(crate) fn parse_content_types(bytes: &[u8]) -> Vec<(String, String)> {
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
        assert_eq!(
            resolve("word", "../customXml/item.xml"),
            "customXml/item.xml"
        );
        assert_eq!(resolve("word", "/word/styles.xml"), "word/styles.xml");
        assert_eq!(resolve("a/b", "../../../x.xml"), "x.xml");
    }

    #[test]
    fn relationship_types() {
        assert!(rel_type_is(
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
            "officeDocument"
        ));
        assert!(rel_type_is(
            "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
            "officeDocument"
        ));
        assert!(!rel_type_is(
            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
            "officeDocument"
        ));
    }
}
