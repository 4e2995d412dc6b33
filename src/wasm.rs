//! Browser binding: a thin wasm-bindgen layer over [`crate::check::check`] and
//! [`crate::check::check_batch`].
//!
//! No logic lives here beyond turning results into what the page takes. The check results go out
//! as JSON text (serde_json, the same serialisation as the command line's `--json`): one string
//! crosses into JavaScript instead of thousands of small objects and strings built one call at a
//! time, and the page's worker hands that text to the page as it is (`JSON.parse` there gives
//! exactly the shape documented in docs/CONTRACT.md). The small answers (report kinds, the batch
//! plan) are JSON text too: one serializer in the module (serde-wasm-bindgen's for them cost
//! ≈ 3 KB of wasm).
//!
//! The rule catalogue is not here: the page fetches it from www/rules.json (`nianbao rules --json`,
//! kept in sync by tests/it/docs.rs) when its help panel opens, so that the checker does not carry
//! every rule's title and explanation (≈ 22 KB of text).

use crate::check::batch::{self, PlanFile, PlanReportIn};
use crate::check::{check_batch, check_first, Context, Options, PreviousBytes};
use crate::contract::CheckResult;
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

/// The value as JSON text. Writing these types to a string cannot fail (string keys, no fallible
/// `Serialize`); the error is a fixed text, since formatting serde_json's error would bring its
/// parser's messages into the module.
fn to_json<T: Serialize + ?Sized>(value: &T) -> Result<String, JsValue> {
    serde_json::to_string(value).map_err(|_| JsValue::from_str("nianbao: JSON output failed"))
}

/// What the page gets for one file: every report's result and its agency key ([`agency_key`] of
/// `report.agency`; null when the agency is unknown), as pairing on the page compares them.
#[derive(Serialize)]
struct Checked<'a> {
    results: &'a [CheckResult],
    keys: Vec<Option<String>>,
}

fn keys_of(results: &[CheckResult]) -> Vec<Option<String>> {
    results
        .iter()
        .map(|r| {
            r.report
                .agency
                .as_deref()
                .filter(|a| !a.is_empty())
                .map(crate::report::pairing::agency_key)
        })
        .collect()
}

fn checked(results: &[CheckResult]) -> Result<String, JsValue> {
    to_json(&Checked {
        results,
        keys: keys_of(results),
    })
}

/// Checks one file's bytes; returns the first report's result with the tables' grids for
/// drawing, as JSON text.
#[wasm_bindgen]
pub fn check(bytes: &[u8]) -> Result<String, JsValue> {
    to_json(&check_first(bytes, &options(None)))
}

/// Checks every report of one file (a file may hold several): JSON text of `{results, keys}`,
/// `results` the array of result objects, each with `report.index` and `report.count`, with the
/// tables' grids, and `keys` each report's agency key ([`agency_key`]; null when unknown). `kind` sets the report
/// kind for the deadline rule (部门, 乡镇, 县级政府, 地市级政府, 省级政府, or the ids
/// `department` …); `undefined` or an unknown value infers it. `same_year` (optional) names
/// the other files of the same agency and year as this one: each report then says so (M.DUPYEAR).
/// `previous_ambiguous` and `likely_previous` (optional, names, as [`plan_batch`] gives them):
/// last year's reports the batch could not decide between, or only likely of this agency (M.PAIR).
/// `units`, `unit_names`, `unit_reports` (optional): for a consolidated report, its units'
/// files, names and report indices as [`plan_batch`] gives them (M.HIER).
#[wasm_bindgen]
#[allow(clippy::too_many_arguments)]
pub fn check_reports(
    bytes: &[u8],
    kind: Option<String>,
    same_year: Option<Vec<String>>,
    previous_ambiguous: Option<Vec<String>>,
    likely_previous: Option<Vec<String>>,
    units: Option<Vec<js_sys::Uint8Array>>,
    unit_names: Option<Vec<String>>,
    unit_reports: Option<Vec<u32>>,
) -> Result<String, JsValue> {
    let same_year = same_year.unwrap_or_default();
    let (previous_ambiguous, likely_previous) = (
        previous_ambiguous.unwrap_or_default(),
        likely_previous.unwrap_or_default(),
    );
    let units = units_of(units, unit_names, unit_reports, &options(kind.as_deref()));
    let context = Context {
        same_year: &same_year,
        previous_ambiguous: &previous_ambiguous,
        likely_previous: &likely_previous,
        units: &units,
        ..Context::default()
    };
    checked(&crate::check::check(
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

/// The report kinds a user can choose (JSON text of `[{id, label}]`), for the page's control.
#[wasm_bindgen]
pub fn report_kinds() -> Result<String, JsValue> {
    let choices: Vec<KindChoice> = ReportKind::CHOICES
        .iter()
        .map(|k| KindChoice {
            id: k.as_str(),
            label: k.label(),
        })
        .collect();
    to_json(&choices)
}

/// Checks every report of one file against the previous year's report of the same agency
/// (`previous`, named `previous_name` in the results): `{results, keys}` as [`check_reports`]
/// gives, with the cross-year findings (T3.XYEAR, T2.VALID, …) and
/// `previous` saying which report each was compared with. Locations with `doc: 1` point into
/// the previous file. When the previous file cannot be used, each result says why (M.PAIR).
/// `kind`, `same_year` and the units (M.HIER) as for [`check_reports`].
#[wasm_bindgen]
#[allow(clippy::too_many_arguments)]
pub fn check_pair(
    bytes: &[u8],
    previous: &[u8],
    previous_name: Option<String>,
    kind: Option<String>,
    same_year: Option<Vec<String>>,
    units: Option<Vec<js_sys::Uint8Array>>,
    unit_names: Option<Vec<String>>,
    unit_reports: Option<Vec<u32>>,
) -> Result<String, JsValue> {
    let same_year = same_year.unwrap_or_default();
    let units = units_of(units, unit_names, unit_reports, &options(kind.as_deref()));
    let context = Context {
        previous: Some(PreviousBytes {
            bytes: previous,
            name: previous_name.as_deref(),
        }),
        same_year: &same_year,
        units: &units,
        ..Context::default()
    };
    checked(&crate::check::check(
        bytes,
        &options(kind.as_deref()),
        &context,
    ))
}

/// Checks a batch of files (`files[i]` named `names[i]`), pairing the reports of the same
/// agency in consecutive years as the command line does: JSON text of `{results, keys}` with, for
/// each file, the array of its reports' results (as [`check_reports`]) and of their agency keys;
/// a later report compared with its previous year's has `previous` and the cross-year findings,
/// the same agency and year twice gives M.DUPYEAR on each. `kind` as for [`check_reports`].
#[wasm_bindgen]
pub fn check_files(
    files: Vec<js_sys::Uint8Array>,
    names: Vec<String>,
    kind: Option<String>,
) -> Result<String, JsValue> {
    let bytes: Vec<Vec<u8>> = files.iter().map(|f| f.to_vec()).collect();
    let batch: Vec<(&str, &[u8])> = bytes
        .iter()
        .enumerate()
        .map(|(i, b)| (names.get(i).map_or("", String::as_str), b.as_slice()))
        .collect();
    let results = check_batch(&batch, &options(kind.as_deref()));
    #[derive(Serialize)]
    struct CheckedFiles<'a> {
        results: &'a [Vec<CheckResult>],
        keys: Vec<Vec<Option<String>>>,
    }
    to_json(&CheckedFiles {
        keys: results.iter().map(|r| keys_of(r)).collect(),
        results: &results,
    })
}

/// The units of a consolidated report from the page's files (M.HIER).
fn units_of(
    units: Option<Vec<js_sys::Uint8Array>>,
    names: Option<Vec<String>>,
    reports: Option<Vec<u32>>,
    options: &Options,
) -> Vec<crate::rules::Unit> {
    let bytes: Vec<Vec<u8>> = units
        .unwrap_or_default()
        .iter()
        .map(|u| u.to_vec())
        .collect();
    let (names, reports) = (names.unwrap_or_default(), reports.unwrap_or_default());
    let files: Vec<(&str, &[u8], usize)> = bytes
        .iter()
        .enumerate()
        .map(|(i, b)| {
            (
                names.get(i).map_or("", String::as_str),
                b.as_slice(),
                reports.get(i).map_or(0, |&r| r as usize),
            )
        })
        .collect();
    crate::check::units_of(&files, options)
}

/// The batch engine's decisions for the files of a page: `files` is `[{name, digest, reports:
/// [{agency, year}]}]` (digest: [`file_digest`] of the file's bytes; reports: from its results);
/// returns JSON text of, for each file, for each report, `{previous: {file, report, name, agency, year} |
/// null, previous_ambiguous: [name], likely_previous: [{file, report, name, agency, year}],
/// same_year: [name], copies: [name]}` (file: an index into `files`).
#[wasm_bindgen]
pub fn plan_batch(files: JsValue) -> Result<String, JsValue> {
    to_json(&batch::plan(&plan_files(&files)))
}

/// The page's `[{name, digest, reports: [{agency, year, consolidated}]}]` read field by field
/// (a missing or mistyped field reads as absent). Not serde: its deserializer's error messages
/// would bring float formatting into the start module (about 20 KB of wasm).
fn plan_files(files: &JsValue) -> Vec<PlanFile> {
    let get = |o: &JsValue, key: &str| js_sys::Reflect::get(o, &JsValue::from_str(key)).ok();
    let string = |o: &JsValue, key: &str| get(o, key).and_then(|v| v.as_string());
    let list = |v: Option<JsValue>| match v {
        Some(v) if js_sys::Array::is_array(&v) => js_sys::Array::from(&v).to_vec(),
        _ => Vec::new(),
    };
    list(Some(files.clone()))
        .iter()
        .map(|f| PlanFile {
            name: string(f, "name").unwrap_or_default(),
            digest: string(f, "digest").unwrap_or_default(),
            reports: list(get(f, "reports"))
                .iter()
                .map(|r| PlanReportIn {
                    agency: string(r, "agency"),
                    year: get(r, "year")
                        .and_then(|v| v.as_f64())
                        .filter(|y| y.fract() == 0.0 && y.abs() <= f64::from(i32::MAX))
                        .map(|y| y as i32),
                    consolidated: get(r, "consolidated").and_then(|v| v.as_bool()) == Some(true),
                })
                .collect(),
        })
        .collect()
}

/// A file's digest (equal for identical bytes), for [`plan_batch`].
#[wasm_bindgen]
pub fn file_digest(bytes: &[u8]) -> String {
    batch::digest(bytes)
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
