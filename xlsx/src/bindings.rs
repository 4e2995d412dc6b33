//! The JavaScript exports (wasm-bindgen). Errors are thrown as `{code, message}` objects with a
//! Chinese message (www/writer.js turns them into `Error`s).

use crate::{csv_of, xlsx_of, Entry};
use nianbao::Rejection;
use wasm_bindgen::prelude::*;

fn thrown(r: &Rejection) -> JsValue {
    let o = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&o, &"code".into(), &r.code.as_str().into());
    let _ = js_sys::Reflect::set(&o, &"message".into(), &r.message.as_str().into());
    o.into()
}

/// The entries as JSON text (JSON.stringify in www/writer.js): reading thousands of findings
/// field by field across the JavaScript boundary is many times slower than parsing their text.
fn entries(json: &str) -> Result<Vec<Entry>, JsValue> {
    serde_json::from_str(json).map_err(|e| {
        thrown(&Rejection::new(
            nianbao::RejectionCode::Internal,
            nianbao::words::export_data_invalid(&e.to_string()),
        ))
    })
}

/// The batch as an .xlsx workbook: `entries` is the JSON text of `[{name, result}, …]` with the
/// results as the checker returned them; `date` (ISO 8601) is the workbook's creation date.
#[wasm_bindgen]
pub fn xlsx(entries_json: &str, date: String) -> Result<js_sys::Uint8Array, JsValue> {
    let list = entries(entries_json)?;
    let bytes =
        xlsx_of(list, Some(date.as_str()).filter(|d| !d.is_empty())).map_err(|r| thrown(&r))?;
    Ok(js_sys::Uint8Array::from(bytes.as_slice()))
}

/// The batch as CSV text (UTF-8 with BOM when saved; the same columns as the CLI's `--csv`), of
/// `entries` as for [`xlsx`].
#[wasm_bindgen]
pub fn csv(entries_json: &str) -> Result<String, JsValue> {
    Ok(csv_of(entries(entries_json)?))
}
