//! Browser binding: a thin wasm-bindgen layer over [`crate::check::check_bytes_with`] and
//! [`crate::check::check_with_previous`].
//!
//! No logic lives here beyond turning results into plain JavaScript values (objects, arrays,
//! numbers, strings) with serde-wasm-bindgen's JSON-compatible serializer, so the page receives
//! exactly the JSON shape documented in docs/CONTRACT.md.

use crate::check::{check_bytes_with, check_with_previous, Options};
use serde::Serialize;
use wasm_bindgen::prelude::*;

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsValue::from_str(&e.to_string()))
}

/// Checks one file's bytes; returns the result object with the tables' grids for drawing.
#[wasm_bindgen]
pub fn check(bytes: &[u8]) -> Result<JsValue, JsValue> {
    let options = Options {
        with_tables: true,
        ..Default::default()
    };
    to_js(&check_bytes_with(bytes, &options))
}

/// Checks one file's bytes against the previous year's report of the same agency
/// (`previous`, named `previous_name` in the result): the result object of the file's first
/// report, with the tables' grids, the cross-year findings (T3.XYEAR, T2.VALID, …) and
/// `previous` saying which report it was compared with. Locations with `doc: 1` point into
/// the previous file. When the previous file cannot be used, the result says why (M.PAIR).
#[wasm_bindgen]
pub fn check_pair(
    bytes: &[u8],
    previous: &[u8],
    previous_name: Option<String>,
) -> Result<JsValue, JsValue> {
    let options = Options {
        with_tables: true,
        ..Default::default()
    };
    let results = check_with_previous(bytes, previous, previous_name.as_deref(), &options);
    match results.first() {
        Some(first) => to_js(first),
        None => Err(JsValue::from_str("no result")),
    }
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

/// The rule catalogue (id, severity, title, checks, why, example) for the page's help panel.
#[wasm_bindgen]
pub fn rules() -> Result<JsValue, JsValue> {
    let infos: Vec<&crate::rules::RuleInfo> =
        crate::rules::catalogue().iter().map(|r| &r.info).collect();
    to_js(&infos)
}
