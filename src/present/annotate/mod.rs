//! The annotated report: the user's own .docx with a Word comment (批注) on every finding and,
//! optionally, the suggested corrections as tracked changes (修订).
//!
//! Nothing else in the file changes. Every zip entry other than the main part, the comments part,
//! the main part's relationships and `[Content_Types].xml` is copied with its original compressed
//! bytes; the main part is the original bytes with the comment anchors (and revisions) spliced in
//! at offsets found by one quick-xml pass; existing comments are kept and new ones appended with
//! fresh ids.
//!
//! [`annotate`] takes the file and a list of [`Anchor`]s; [`anchors_for`] turns a check's
//! findings into anchors (given the document model the check read). `check::annotate_results`
//! and `check::annotate_bytes` do both for a file.

mod anchors;
mod main_part;
mod parts;

pub use anchors::{anchors_for, cell_target};

use crate::limits::Limits;
use crate::messages::AnnotateProblem;
use crate::opc::{self, Zip};
use crate::rejection::{too_large_input, Rejection};
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// Where a comment goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A table cell: `table` is the table's index in the document model (`w:tbl` start tags in
    /// document order, nested included, not counting tables inside `mc:Fallback`, a second
    /// `mc:Choice` or deleted content), `tr` the index of the `w:tr` in that table (deleted rows
    /// included), `tc` the index of the `w:tc` in that row.
    Cell { table: usize, tr: usize, tc: usize },
    /// A span of a paragraph: `ordinal` is the index of the `w:p` among all `w:p` elements of the
    /// main part in document order; `start..end` are character offsets (Unicode scalar values)
    /// in the paragraph's visible text. A span that is not found anchors the whole paragraph.
    Paragraph {
        ordinal: usize,
        start: usize,
        end: usize,
    },
}

/// One comment to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    pub target: Target,
    /// The comment's text (Chinese); `\n` starts a new paragraph of the comment.
    pub text: String,
    /// For a cell: the corrected cell text, written as a tracked change when
    /// [`AnnotateOptions::tracked_changes`] is set.
    pub correction: Option<String>,
}

/// How to annotate.
#[derive(Debug, Clone, Default)]
pub struct AnnotateOptions {
    /// "同时给出修改建议（修订模式）": write corrections as tracked changes.
    pub tracked_changes: bool,
    /// The comments' and revisions' date, ISO 8601 (`2026-12-01T08:00:00Z`); none when `None`
    /// (the browser has no clock inside the core: the caller passes it).
    pub date: Option<String>,
    /// The same bounds as the check's intake.
    pub limits: Limits,
}

/// The annotated file.
#[derive(Debug, Clone)]
pub struct Annotated {
    /// The new .docx.
    pub bytes: Vec<u8>,
    /// Comments written.
    pub comments: usize,
    /// Tracked changes written (each `w:del` and `w:ins` counts one).
    pub revisions: usize,
    /// Indices of the anchors whose target was not found in the document.
    pub unplaced: Vec<usize>,
}

/// Deflate level of the rewritten parts. Deflating the new main part is most of the writer's
/// time; level 1 is about three times faster than the default 6 and makes it a few percent
/// larger (measured on the seeds), a good trade for a file made on every download.
const FAST_DEFLATE: i64 = 1;

/// A rewritten part smaller than this is stored, not deflated: each deflated entry costs the zip
/// writer a reset of its compressor (zeroing its tables: ≈ 0.3 M instructions natively, about as
/// much as deflating 20 KB), for a saving of a kilobyte or two (the relationships, the content
/// types, a comments part of a few comments).
const STORE_BELOW: usize = 4096;

/// How a rewritten part of `len` bytes is written.
fn rewritten(options: SimpleFileOptions, len: usize) -> SimpleFileOptions {
    if len < STORE_BELOW {
        options
            .compression_method(CompressionMethod::Stored)
            .compression_level(None)
    } else {
        options
            .compression_method(CompressionMethod::Deflated)
            .compression_level(Some(FAST_DEFLATE))
    }
}

/// The comment author.
pub const AUTHOR: &str = "nianbao";
/// The comment author's initials.
pub const INITIALS: &str = "NB";

/// The annotated file's name: `<原名>（检查意见）.docx` (directories dropped; a macro-enabled
/// `.docm` keeps its extension, as Word opens a file by what its extension says it holds).
pub fn annotated_file_name(original: &str) -> String {
    let name = original.rsplit(['/', '\\']).next().unwrap_or(original);
    let mut ext = "docx";
    let stem = match name.rfind('.') {
        Some(i) if name[i..].eq_ignore_ascii_case(".docx") => &name[..i],
        Some(i) if name[i..].eq_ignore_ascii_case(".docm") => {
            ext = "docm";
            &name[..i]
        }
        _ => name,
    };
    crate::messages::annotated_file_name(stem, ext)
}

/// Writes `anchors` into the .docx `bytes`.
pub fn annotate(
    bytes: &[u8],
    anchors: &[Anchor],
    options: &AnnotateOptions,
) -> Result<Annotated, Rejection> {
    annotate_with(bytes, anchors, options, None)
}

/// [`annotate`], given the main part already inflated by the check (its name in the package
/// and its bytes), so that it is not inflated again. A name that is not the package's main
/// part is ignored.
pub fn annotate_with(
    bytes: &[u8],
    anchors: &[Anchor],
    options: &AnnotateOptions,
    main: Option<(&str, &[u8])>,
) -> Result<Annotated, Rejection> {
    let limits = &options.limits;
    if bytes.len() as u64 > limits.max_input_bytes {
        return Err(too_large_input(bytes.len() as u64, limits.max_input_bytes));
    }
    let date = options.date.as_deref().filter(|d| valid_date(d));
    if !bytes.starts_with(b"PK") {
        // Not a zip at all (the check, run first, says what the file is: .doc, PDF, ...).
        return Err(not_docx());
    }
    // The same bounded reader as the intake: entry count, sizes, ratio and total budget.
    let mut zip = Zip::open(bytes, limits)?;
    let names: Vec<String> = (0..zip.len())
        .map(|i| {
            zip.archive_mut()
                .name_for_index(i)
                .and_then(Result::ok)
                .map(|n| n.into_owned())
                .unwrap_or_default()
        })
        .collect();
    let find = |zip: &Zip<'_>, name: &str| zip.index(name);

    let root_rels = match find(&zip, "_rels/.rels") {
        Some(i) => Some(zip.read(i, "_rels/.rels", limits)?),
        None => None,
    };
    let main_name = root_rels
        .as_deref()
        .and_then(|r| opc::relationship_target(r, "officeDocument", ""))
        .unwrap_or_else(|| "word/document.xml".to_string());
    let main_idx =
        find(&zip, &main_name).ok_or_else(|| Rejection::from(AnnotateProblem::NoMainPart))?;
    let main_xml: std::borrow::Cow<[u8]> = match main {
        Some((name, xml)) if name.eq_ignore_ascii_case(&main_name) => xml.into(),
        _ => zip.read(main_idx, &main_name, limits)?.into(),
    };
    let scan = main_part::scan(&main_xml, anchors, options.tracked_changes, date, limits)?;

    // The main part's relationships and its comments part.
    let (dir, file) = match main_name.rfind('/') {
        Some(i) => (&main_name[..=i], &main_name[i + 1..]),
        None => ("", main_name.as_str()),
    };
    let rels_name = format!("{dir}_rels/{file}.rels");
    let rels_idx = find(&zip, &rels_name);
    let rels = match rels_idx {
        Some(i) => Some(zip.read(i, &rels_name, limits)?),
        None => None,
    };
    let existing_comments = rels
        .as_deref()
        .and_then(|r| opc::relationship_target(r, "comments", dir));
    let comments_idx = existing_comments.as_deref().and_then(|n| find(&zip, n));
    let old_comments = match (comments_idx, existing_comments.as_deref()) {
        (Some(i), Some(n)) => Some(zip.read(i, n, limits)?),
        _ => None,
    };
    let comments_max = old_comments.as_deref().map(parts::max_w_id).unwrap_or(0);
    let base = scan.max_id.max(comments_max) + 1;

    let placed: Vec<usize> = (0..anchors.len())
        .filter(|&i| scan.placed.get(i).copied().unwrap_or(false))
        .collect();
    let unplaced: Vec<usize> = (0..anchors.len()).filter(|i| !placed.contains(i)).collect();
    if placed.is_empty() {
        // Nothing to write: the file as it was (a copy).
        return Ok(Annotated {
            bytes: bytes.to_vec(),
            comments: 0,
            revisions: 0,
            unplaced,
        });
    }
    let new_main = scan.render(&main_xml, base, anchors.len());
    let new_comments: Vec<(u64, &Anchor)> = placed
        .iter()
        .filter_map(|&i| anchors.get(i).map(|a| (base + i as u64, a)))
        .collect();
    let comments_xml =
        parts::comments_part(old_comments.as_deref(), &new_comments, date, scan.strict)?;

    // Where the comments part lives, and what else must change.
    // A relationship to a comments part that is missing: the part is written where it points.
    let comments_name = match &existing_comments {
        Some(name) => name.clone(),
        None => {
            let mut name = format!("{dir}comments.xml");
            let mut n = 1;
            while find(&zip, &name).is_some() {
                name = format!("{dir}comments{n}.xml");
                n += 1;
            }
            name
        }
    };
    let new_rels = match existing_comments {
        Some(_) => None,
        None => {
            let target = comments_name.get(dir.len()..).unwrap_or("comments.xml");
            Some(parts::add_relationship(
                rels.as_deref(),
                target,
                scan.strict,
            )?)
        }
    };
    let ct_idx = find(&zip, "[Content_Types].xml");
    let new_ct = match ct_idx {
        Some(i) => {
            let ct = zip.read(i, "[Content_Types].xml", limits)?;
            parts::add_override(&ct, &format!("/{comments_name}"))?
        }
        None => return Err(corrupt()),
    };

    let archive = zip.archive_mut();
    let mut out = ZipWriter::new(Cursor::new(Vec::with_capacity(bytes.len() + 16 * 1024)));
    for (i, original_name) in names.iter().enumerate() {
        let replaced: Option<&[u8]> = if i == main_idx {
            Some(&new_main)
        } else if Some(i) == comments_idx {
            Some(comments_xml.as_bytes())
        } else if Some(i) == rels_idx && new_rels.is_some() {
            new_rels.as_deref().map(str::as_bytes)
        } else if Some(i) == ct_idx {
            new_ct.as_deref().map(str::as_bytes)
        } else {
            None
        };
        match replaced {
            Some(data) => {
                let entry = archive.by_index_raw(i).map_err(|_| corrupt())?;
                let opts = rewritten(entry.options(), data.len());
                let name = entry.name_raw().to_vec();
                drop(entry);
                let name = String::from_utf8(name).unwrap_or_else(|_| original_name.clone());
                out.start_file(name, opts).map_err(|_| write_failed())?;
                out.write_all(data).map_err(|_| write_failed())?;
            }
            None => {
                let entry = archive.by_index_raw(i).map_err(|_| corrupt())?;
                out.raw_copy_file(entry).map_err(|_| write_failed())?;
            }
        }
    }
    if comments_idx.is_none() {
        let opts = rewritten(SimpleFileOptions::default(), comments_xml.len());
        out.start_file(comments_name.as_str(), opts)
            .map_err(|_| write_failed())?;
        out.write_all(comments_xml.as_bytes())
            .map_err(|_| write_failed())?;
    }
    if rels_idx.is_none() {
        if let Some(r) = &new_rels {
            let opts = rewritten(SimpleFileOptions::default(), r.len());
            out.start_file(rels_name.as_str(), opts)
                .map_err(|_| write_failed())?;
            out.write_all(r.as_bytes()).map_err(|_| write_failed())?;
        }
    }
    let bytes = out.finish().map_err(|_| write_failed())?.into_inner();
    Ok(Annotated {
        bytes,
        comments: placed.len(),
        revisions: scan.revisions,
        unplaced,
    })
}

fn valid_date(d: &str) -> bool {
    d.len() <= 40
        && !d.is_empty()
        && d.bytes()
            .all(|b| b.is_ascii_digit() || b"-:TZ.+".contains(&b))
}

fn corrupt() -> Rejection {
    Rejection::from(AnnotateProblem::CorruptZip)
}

fn not_docx() -> Rejection {
    Rejection::from(AnnotateProblem::NotDocx)
}

fn write_failed() -> Rejection {
    Rejection::from(AnnotateProblem::WriteFailed)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The writer reads the package through the intake's bounded reader: the total budget
    /// applies to it too.
    #[test]
    fn writer_reads_within_the_total_budget() {
        let bytes = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/samples/seed_000.docx"
        ))
        .expect("fixture");
        let anchors = [];
        let mut options = AnnotateOptions::default();
        options.limits.max_total_inflated = 1024;
        let err = annotate_with(&bytes, &anchors, &options, None).expect_err("over budget");
        assert_eq!(err.code, crate::rejection::RejectionCode::TooLargeInflated);
        options.limits = Limits::default();
        assert!(annotate_with(&bytes, &anchors, &options, None).is_ok());
    }
}
