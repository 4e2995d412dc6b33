//! Browser binding: a thin wasm-bindgen layer over [`crate::check::check`] and
//! [`crate::check::check_batch`].
//!
//! No logic lives here beyond turning results into plain JavaScript values (objects, arrays,
//! numbers, strings) with serde-wasm-bindgen's JSON-compatible serializer, so the page receives
//! exactly the JSON shape documented in docs/CONTRACT.md.

use crate::check::{check_batch, check_first, Context, Options, PreviousBytes};
use crate::report::ReportKind;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The page's options: the tables' grids for drawing, and the report kind the user chose
/// (`None`, or an unknown value, infers it).
fn options(kind: Option<&str>) -> Options {
    Options {
        with_tables: true,
        report_kind: kind.and_then(ReportKind::parse),
        ..Default::default()
    }
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsValue::from_str(&e.to_string()))
}

/// Checks one file's bytes; returns the result object with the tables' grids for drawing.
#[wasm_bindgen]
pub fn check(bytes: &[u8]) -> Result<JsValue, JsValue> {
    to_js(&check_first(bytes, &options(None)))
}

/// Checks every report of one file (a file may hold several): an array of result objects,
/// each with `report.index` and `report.count`, with the tables' grids. `kind` sets the report
/// kind for the deadline rule (部门, 乡镇, 县级政府, 地市级政府, 省级政府, or the ids
/// `department` …); `undefined` or an unknown value infers it. `same_year` (optional) names
/// the other files of the same agency and year as this one: each report then says so (M.DUPYEAR).
#[wasm_bindgen]
pub fn check_reports(
    bytes: &[u8],
    kind: Option<String>,
    same_year: Option<Vec<String>>,
) -> Result<JsValue, JsValue> {
    let same_year = same_year.unwrap_or_default();
    let context = Context {
        previous: None,
        same_year: &same_year,
    };
    to_js(&crate::check::check(
        bytes,
        &options(kind.as_deref()),
        &context,
    ))
}

#[derive(Serialize)]
struct KindChoice {
    id: &'static str,
    label: &'static str,
}

/// The report kinds a user can choose (`[{id, label}]`), for the page's control.
#[wasm_bindgen]
pub fn report_kinds() -> Result<JsValue, JsValue> {
    let choices: Vec<KindChoice> = ReportKind::CHOICES
        .iter()
        .map(|k| KindChoice {
            id: k.as_str(),
            label: k.label(),
        })
        .collect();
    to_js(&choices)
}

/// Checks every report of one file against the previous year's report of the same agency
/// (`previous`, named `previous_name` in the results): an array of result objects as
/// [`check_reports`] gives, with the cross-year findings (T3.XYEAR, T2.VALID, …) and
/// `previous` saying which report each was compared with. Locations with `doc: 1` point into
/// the previous file. When the previous file cannot be used, each result says why (M.PAIR).
/// `kind` and `same_year` as for [`check_reports`].
#[wasm_bindgen]
pub fn check_pair(
    bytes: &[u8],
    previous: &[u8],
    previous_name: Option<String>,
    kind: Option<String>,
    same_year: Option<Vec<String>>,
) -> Result<JsValue, JsValue> {
    let same_year = same_year.unwrap_or_default();
    let context = Context {
        previous: Some(PreviousBytes {
            bytes: previous,
            name: previous_name.as_deref(),
        }),
        same_year: &same_year,
    };
    to_js(&crate::check::check(
        bytes,
        &options(kind.as_deref()),
        &context,
    ))
}

/// Checks a batch of files (`files[i]` named `names[i]`), pairing the reports of the same
/// agency in consecutive years as the command line does: an array with, for each file, the
/// array of its reports' results (as [`check_reports`]); a later report compared with its
/// previous year's has `previous` and the cross-year findings, the same agency and year twice
/// gives M.DUPYEAR on each. `kind` as for [`check_reports`].
#[wasm_bindgen]
pub fn check_files(
    files: Vec<js_sys::Uint8Array>,
    names: Vec<String>,
    kind: Option<String>,
) -> Result<JsValue, JsValue> {
    let bytes: Vec<Vec<u8>> = files.iter().map(|f| f.to_vec()).collect();
    let batch: Vec<(&str, &[u8])> = bytes
        .iter()
        .enumerate()
        .map(|(i, b)| (names.get(i).map_or("", String::as_str), b.as_slice()))
        .collect();
    to_js(&check_batch(&batch, &options(kind.as_deref())))
}

/// The agency name as pairing compares it (blanks and punctuation dropped, width folded):
/// two results pair when their `report.agency` keys are equal and their `report.year`s
/// follow each other.
#[wasm_bindgen]
pub fn agency_key(agency: &str) -> String {
    crate::report::pairing::agency_key(agency)
}

/// The crate version, shown in the page footer.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// What the page's help panel shows of a rule (the examples stay out of the browser build).
#[derive(Serialize)]
struct RuleDoc {
    id: &'static str,
    severity: crate::findings::Severity,
    title: &'static str,
    checks: &'static str,
    why: &'static str,
}

/// The rule catalogue (id, severity, title, checks, why) for the page's help panel.
#[wasm_bindgen]
pub fn rules() -> Result<JsValue, JsValue> {
    let docs: Vec<RuleDoc> = crate::rules::RuleId::ALL
        .iter()
        .map(|&r| RuleDoc {
            id: r.as_str(),
            severity: r.severity(),
            title: r.title(),
            checks: r.checks(),
            why: r.why(),
        })
        .collect();
    to_js(&docs)
}
