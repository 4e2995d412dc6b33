//! The bounded zip/OPC reader: finds the main part through the relationships, inflates only the
//! parts needed, each bounded by declared size, ratio and the bytes actually produced.

use super::cfb::{le16, le32};
use super::Package;
use crate::limits::Limits;
use crate::rejection::{Other, Refusal, Rejection, RejectionCode};
use std::io::{Cursor, Read};
use zip::result::ZipError;
use zip::CompressionMethod;
use zip::ZipArchive;

// ---------------------------------------------------------------------------------------------
// Zip / OPC
// ---------------------------------------------------------------------------------------------

fn corrupt() -> Rejection {
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

struct Zip<'a> {
    archive: ZipArchive<Cursor<&'a [u8]>>,
    /// Normalised (lower case, `/` separators, no leading `/`) name of each entry, by index.
    names: Vec<String>,
    /// Inflated bytes still allowed in total.
    budget: u64,
}

pub(super) fn open_zip(bytes: &[u8], limits: &Limits) -> Result<Package, Rejection> {
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
    let mut zip = Zip {
        archive,
        names,
        budget: limits.max_total_inflated,
    };

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
        return Err(Rejection::from(Refusal::MissingMainPart {
            name: main_name,
        }));
    };
    let main_xml = zip.read(main_idx, &main_name, limits)?;

    // 3. The styles part, through the main part's relationships, read only when the body names
    //    a paragraph style (the document stage needs styles only to resolve `w:pStyle`; it is
    //    often three times the size of the body). Optional: any failure to read the
    //    relationships means no styles, but a styles part that is too large is refused.
    if memchr::memmem::find(&main_xml, b"pStyle").is_none() {
        return Ok(Package {
            main_part_name: main_name,
            main_xml,
            styles_xml: None,
        });
    }
    let (dir, file) = match main_name.rfind('/') {
        Some(i) => (
            main_name.get(..i).unwrap_or(""),
            main_name.get(i + 1..).unwrap_or(""),
        ),
        None => ("", main_name.as_str()),
    };
    let rels_name = if dir.is_empty() {
        format!("_rels/{file}.rels")
    } else {
        format!("{dir}/_rels/{file}.rels")
    };
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
    Ok(Package {
        main_part_name: main_name,
        main_xml,
        styles_xml,
    })
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
            (decoded != want)
                .then(|| self.names.iter().position(|n| *n == decoded))
                .flatten()
        })
    }

    /// Inflates one entry, within the bounds.
    fn read(&mut self, index: usize, name: &str, limits: &Limits) -> Result<Vec<u8>, Rejection> {
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
        let (crc_expected, raw) = {
            let raw = self
                .archive
                .by_index_raw(index)
                .map_err(|e| zip_error(&e))?;
            (raw.crc32(), raw)
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
        let result = if method == CompressionMethod::Stored {
            raw.take(bound.saturating_add(1)).read_to_end(&mut buf)
        } else {
            flate2::read::DeflateDecoder::new(raw)
                .take(bound.saturating_add(1))
                .read_to_end(&mut buf)
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

/// Says what a zip without a Word main part is.
fn not_word(zip: &mut Zip<'_>, content_types: Option<&[u8]>, limits: &Limits) -> Rejection {
    // ODF: a `mimetype` entry.
    if let Some(idx) = zip.index("mimetype") {
        let declared_small = zip
            .archive
            .by_index_data(idx)
            .map(|e| e.size() <= 256)
            .unwrap_or(false);
        if declared_small {
            if let Ok(m) = zip.read(idx, "mimetype", limits) {
                let m = String::from_utf8_lossy(&m).trim().to_string();
                if let Some(kind) = m.strip_prefix("application/vnd.oasis.opendocument.") {
                    let kind = if kind.starts_with("text") {
                        Other::OdfText
                    } else if kind.starts_with("spreadsheet") {
                        Other::OdfSpreadsheet
                    } else if kind.starts_with("presentation") {
                        Other::OdfPresentation
                    } else {
                        Other::OdfDocument
                    };
                    return Rejection::from(Refusal::NotWord(kind));
                }
                if m == "application/epub+zip" {
                    return Rejection::from(Refusal::NotWord(Other::Epub));
                }
            }
        }
    }
    if zip.index("ofd.xml").is_some() {
        return Rejection::from(Refusal::NotWord(Other::Ofd));
    }
    let ct = content_types.map(parse_content_types).unwrap_or_default();
    let has_type = |needle: &str| ct.iter().any(|(_, t)| t.contains(needle));
    if has_type("spreadsheetml") || zip.names.iter().any(|n| n.starts_with("xl/")) {
        return excel();
    }
    if has_type("presentationml") || zip.names.iter().any(|n| n.starts_with("ppt/")) {
        return powerpoint();
    }
    if zip
        .names
        .iter()
        .any(|n| n == "fixeddocseq.fdseq" || n.ends_with(".fdseq"))
    {
        return Rejection::from(Refusal::NotWord(Other::Xps));
    }
    let docx = zip.names.iter().filter(|n| n.ends_with(".docx")).count();
    if docx > 0 {
        return Rejection::from(Refusal::NotWord(Other::Zip { docx }));
    }
    if !ct.is_empty() || zip.index("_rels/.rels").is_some() {
        return Rejection::from(Refusal::NotWord(Other::OfficeNotWord));
    }
    Rejection::from(Refusal::NotWord(Other::Zip { docx: 0 }))
}

fn excel() -> Rejection {
    Rejection::from(Refusal::NotWord(Other::Excel))
}

fn powerpoint() -> Rejection {
    Rejection::from(Refusal::NotWord(Other::PowerPoint))
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
    if lower.starts_with("xl/")
        || part_type.contains("spreadsheetml")
        || part_type.contains("ms-excel")
    {
        return Some(excel());
    }
    if lower.starts_with("ppt/")
        || part_type.contains("presentationml")
        || part_type.contains("ms-powerpoint")
    {
        return Some(powerpoint());
    }
    if !part_type.is_empty() && !is_word_main_type(&part_type) && lower.starts_with("visio/") {
        return Some(Rejection::from(Refusal::NotWord(Other::Visio)));
    }
    None
}

fn is_word_main_type(t: &str) -> bool {
    let t = t.to_ascii_lowercase();
    (t.contains("wordprocessingml") || t.contains("ms-word")) && t.ends_with(".main+xml")
}

fn rel_type_is(rel_type: &str, suffix: &str) -> bool {
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
fn normalise(name: &str) -> String {
    name.replace('\\', "/")
        .trim_start_matches('/')
        .to_ascii_lowercase()
}

fn percent_decode(s: &str) -> String {
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
    if let Some(s) = super::utf16_with_bom(bytes) {
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
    attrs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

fn parse_rels(bytes: &[u8]) -> Vec<Rel> {
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
