//! The page's on-demand export of a batch (WebAssembly): the findings as .xlsx
//! ([`nianbao::present::xlsx`]) and CSV ([`nianbao::present::csv_rows`], the CLI's columns), from
//! the results the page holds ([`nianbao_writer::Entry`]); nothing is checked again.
//!
//! A module of its own, apart from the annotating writer (`writer/`): rust_xlsxwriter and the
//! zip crate's compressors it enables stay out of the annotated download, and the checker stays
//! out of this one. The bindings exist on wasm32 only.

use nianbao::{CheckResult, Rejection};
pub use nianbao_writer::{csv_of, Entry, ResultIn};

#[cfg(target_arch = "wasm32")]
pub mod bindings;

/// The batch as an .xlsx workbook (问题清单 and 汇总 sheets).
pub fn xlsx_of(entries: Vec<Entry>, date: Option<&str>) -> Result<Vec<u8>, Rejection> {
    let results: Vec<(String, CheckResult)> = entries
        .into_iter()
        .map(|e| (e.name, e.result.into_result()))
        .collect();
    let refs: Vec<(&str, &CheckResult)> = results.iter().map(|(n, r)| (n.as_str(), r)).collect();
    nianbao::present::xlsx::xlsx(&refs, date)
}
