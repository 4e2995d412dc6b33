//! The annotated report for a file: the check's findings written into the file itself as Word
//! comments (and corrections as tracked changes) by [`crate::present::annotate`]. One annotated
//! copy per file, carrying the findings of every report it holds.

use super::{analyse_package, check_analysed, document, read, Analysed, Options};
use crate::contract::{CheckResult, Status};
use crate::findings::CellRef;
use crate::present::annotate::{
    anchors_for, annotate, annotate_with, cell_target, AnnotateOptions, Annotated, Target,
};
use crate::rejection::Rejection;

/// Checks every report of `bytes` (each alone) and writes their findings into one annotated
/// copy (the file read and parsed once). The results are those of [`super::check`] (without context)
/// without table grids.
pub fn annotate_bytes(
    bytes: &[u8],
    options: &AnnotateOptions,
) -> Result<(Vec<CheckResult>, Annotated), Rejection> {
    let check_options = Options {
        limits: options.limits.clone(),
        ..Options::default()
    };
    let (pkg, analysed) = analyse_package(bytes, &check_options)?;
    let results = check_analysed(&analysed, &check_options);
    let anchors = anchors_for(&results, &analysed.doc);
    let main = Some((pkg.main_part_name.as_str(), pkg.main_xml.as_slice()));
    let annotated = annotate_with(bytes, &anchors, options, main)?;
    Ok((results, annotated))
}

/// Writes the findings of `results` (the checks of the reports of `bytes`, e.g. with their
/// previous-year reports) into the file as comments. Locations in another file (a previous
/// year's report) are not annotated.
pub fn annotate_results(
    bytes: &[u8],
    results: &[CheckResult],
    options: &AnnotateOptions,
) -> Result<Annotated, Rejection> {
    if let Some(rejection) = rejected(results) {
        return Err(rejection);
    }
    let (pkg, doc) = read(bytes, &options.limits)?;
    let main = Some((pkg.main_part_name.as_str(), pkg.main_xml.as_slice()));
    annotate_with(bytes, &anchors_for(results, &doc), options, main)
}

/// [`annotate_results`] for a file already analysed (its document model is not read again).
pub fn annotate_analysed(
    bytes: &[u8],
    analysed: &Analysed,
    results: &[CheckResult],
    options: &AnnotateOptions,
) -> Result<Annotated, Rejection> {
    if let Some(rejection) = rejected(results) {
        return Err(rejection);
    }
    annotate(bytes, &anchors_for(results, &analysed.doc), options)
}

/// The rejection of a file that could not be checked: nothing to annotate.
fn rejected(results: &[CheckResult]) -> Option<Rejection> {
    let r = results.iter().find(|r| r.status == Status::Rejected)?;
    Some(
        r.rejection
            .clone()
            .unwrap_or_else(|| Rejection::from(crate::messages::AnnotateProblem::NotChecked)),
    )
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
