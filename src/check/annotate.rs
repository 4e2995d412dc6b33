//! The annotated report for a file: the check's findings written into the file itself as Word
//! comments (and corrections as tracked changes) by [`crate::present::annotate`]. The document
//! model is read again here, as the writer maps model cells to their source positions.

use super::{checked, document, Checked, Options};
use crate::contract::{CheckResult, Status};
use crate::findings::CellRef;
use crate::present::annotate::{
    anchors_for, annotate, annotate_with, cell_target, AnnotateOptions, Annotated, Target,
};
use crate::rejection::{Rejection, RejectionCode};

/// Checks `bytes` and writes the annotated file in one call (the file read and parsed once).
pub fn annotate_bytes(
    bytes: &[u8],
    options: &AnnotateOptions,
) -> Result<(CheckResult, Annotated), Rejection> {
    let check_options = Options {
        limits: options.limits.clone(),
        with_tables: false,
    };
    let Checked { pkg, doc, result } = checked(bytes, &check_options)?;
    let anchors = anchors_for(&result, &doc);
    let main = Some((pkg.main_part_name.as_str(), pkg.main_xml.as_slice()));
    let annotated = annotate_with(bytes, &anchors, options, main)?;
    Ok((result, annotated))
}

/// Writes the findings of `result` (the check of `bytes`) into the file as comments.
pub fn annotate_result(
    bytes: &[u8],
    result: &CheckResult,
    options: &AnnotateOptions,
) -> Result<Annotated, Rejection> {
    if result.status == Status::Rejected {
        return Err(result.rejection.clone().unwrap_or_else(|| {
            Rejection::new(RejectionCode::Internal, "文件未能检查，无法写入批注")
        }));
    }
    let doc = document(bytes, &options.limits)?;
    annotate(bytes, &anchors_for(result, &doc), options)
}

/// The source position of each of `cells` (model cells: physical table, grid row and column)
/// in the file `bytes`, `None` for a cell that is not in the document.
pub fn cell_targets(
    bytes: &[u8],
    cells: &[CellRef],
    options: &AnnotateOptions,
) -> Result<Vec<Option<Target>>, Rejection> {
    let doc = document(bytes, &options.limits)?;
    Ok(cells.iter().map(|c| cell_target(&doc, c)).collect())
}
