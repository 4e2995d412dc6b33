//! The JavaScript exports (wasm-bindgen). Errors are thrown as `{code, message}` objects with a
//! Chinese message (www/writer.js turns them into `Error`s).

use crate::{csv_of, xlsx_of, Entry};
use nianbao::present::annotate::{annotated_file_name, AnnotateOptions};
use nianbao::{annotate as annotate_bytes, Rejection};
use wasm_bindgen::prelude::*;

fn thrown(r: &Rejection) -> JsValue {
    let o = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&o, &"code".into(), &r.code.as_str().into());
    let _ = js_sys::Reflect::set(&o, &"message".into(), &r.message.as_str().into());
    o.into()
}

fn set(o: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(o, &key.into(), value);
}

/// Checks the .docx `bytes` and writes its findings into a copy as Word comments; with
/// `suggest`, the computed corrections as tracked changes too. `date` (ISO 8601, e.g.
/// `new Date().toISOString()`) dates the comments; `name`, the original file name, gives the
/// copy's name. Every report of the file is checked and annotated in the one copy. Returns
/// `{bytes: Uint8Array, name?, comments, revisions, findings}` (`findings`: of all its reports);
/// a file without findings comes back unchanged with `comments: 0`.
#[wasm_bindgen]
pub fn annotate(
    bytes: &[u8],
    suggest: bool,
    date: String,
    name: Option<String>,
) -> Result<JsValue, JsValue> {
    let options = AnnotateOptions {
        tracked_changes: suggest,
        date: Some(date).filter(|d| !d.is_empty()),
        ..AnnotateOptions::default()
    };
    let (results, annotated) = annotate_bytes(bytes, &options).map_err(|r| thrown(&r))?;
    let o = js_sys::Object::new();
    set(
        &o,
        "bytes",
        &js_sys::Uint8Array::from(annotated.bytes.as_slice()).into(),
    );
    if let Some(n) = name {
        set(&o, "name", &annotated_file_name(&n).into());
    }
    set(&o, "comments", &(annotated.comments as f64).into());
    set(&o, "revisions", &(annotated.revisions as f64).into());
    let findings: usize = results.iter().map(|r| r.findings.len()).sum();
    set(&o, "findings", &(findings as f64).into());
    Ok(o.into())
}

fn entries(value: JsValue) -> Result<Vec<Entry>, JsValue> {
    serde_wasm_bindgen::from_value(value).map_err(|e| {
        thrown(&Rejection::new(
            nianbao::RejectionCode::Internal,
            nianbao::words::export_data_invalid(&e.to_string()),
        ))
    })
}

/// The batch as an .xlsx workbook: `entries` is `[{name, result}, …]` with the results as the
/// checker returned them; `date` (ISO 8601) is the workbook's creation date.
#[wasm_bindgen]
pub fn xlsx(entries_js: JsValue, date: String) -> Result<js_sys::Uint8Array, JsValue> {
    let list = entries(entries_js)?;
    let bytes =
        xlsx_of(list, Some(date.as_str()).filter(|d| !d.is_empty())).map_err(|r| thrown(&r))?;
    Ok(js_sys::Uint8Array::from(bytes.as_slice()))
}

/// The batch as CSV text (UTF-8 with BOM when saved; the same columns as the CLI's `--csv`).
#[wasm_bindgen]
pub fn csv(entries_js: JsValue) -> Result<String, JsValue> {
    Ok(csv_of(entries(entries_js)?))
}
