//! The bounded zip/OPC reader: finds the main part through the relationships, inflates only the
//! parts needed, each bounded by declared size, ratio and the bytes actually produced.

use super::Package;
use crate::limits::Limits;
use crate::opc::{normalise, parse_content_types, parse_rels, rel_type_is, resolve, Zip};
use crate::rejection::{Other, Refusal, Rejection, RejectionCode};

// ---------------------------------------------------------------------------------------------
// Zip / OPC
// ---------------------------------------------------------------------------------------------

pub(super) fn open_zip(bytes: &[u8], limits: &Limits) -> Result<Package, Rejection> {
    let mut zip = Zip::open(bytes, limits)?;

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

/// Says what a zip without a Word main part is.
fn not_word(zip: &mut Zip<'_>, content_types: Option<&[u8]>, limits: &Limits) -> Rejection {
    // ODF: a `mimetype` entry.
    if let Some(idx) = zip.index("mimetype") {
        let declared_small = zip.declared_size(idx).map(|s| s <= 256).unwrap_or(false);
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
