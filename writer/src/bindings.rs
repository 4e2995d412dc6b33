//! The JavaScript exports (wasm-bindgen). Errors are thrown as `{code, message}` objects with a
//! Chinese message (www/writer.js turns them into `Error`s).

use crate::{annotate_of, ResultIn};
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

/// [`annotate`] with the findings of `results` (JSON text of `[result, …]`: every report of the
/// file as the page's card holds them, its previous-year pair and report kind included) instead
/// of a fresh check: the download says what the card says. Same return value as [`annotate`].
/// JSON text rather than the objects themselves: reading 162 findings field by field across the
/// JavaScript boundary cost more than the whole annotation (JSON.stringify and serde_json: well
/// under a millisecond).
#[wasm_bindgen]
pub fn annotate_checked(
    bytes: &[u8],
    results: &str,
    suggest: bool,
    date: String,
    name: Option<String>,
) -> Result<JsValue, JsValue> {
    let options = AnnotateOptions {
        tracked_changes: suggest,
        date: Some(date).filter(|d| !d.is_empty()),
        ..AnnotateOptions::default()
    };
    let results: Vec<ResultIn> = serde_json::from_str(results).map_err(|e| {
        thrown(&Rejection::new(
            nianbao::RejectionCode::Internal,
            format!("批注的数据格式不对（{e}）"),
        ))
    })?;
    let (annotated, findings) = annotate_of(bytes, results, &options).map_err(|r| thrown(&r))?;
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
    set(&o, "findings", &(findings as f64).into());
    Ok(o.into())
}
