//! The exports the readers module adds to the checker's (wasm-bindgen).

use nianbao::{check_pasted, Options, ReportKind};
use serde::Serialize;
use wasm_bindgen::prelude::*;

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsValue::from_str(&e.to_string()))
}

/// Checks a pasted selection: `html` is the clipboard's `text/html` (absent or empty when the
/// paste held plain text only, which is refused with a message saying the tables are needed).
/// Returns the results of every report, as `check_reports`.
#[wasm_bindgen]
pub fn check_paste(html: Option<String>, kind: Option<String>) -> Result<JsValue, JsValue> {
    let options = Options {
        with_tables: true,
        report_kind: kind.as_deref().and_then(ReportKind::parse),
        ..Default::default()
    };
    to_js(&check_pasted(html.as_deref(), &options))
}

/// What the page shows instead of the annotated-copy button for a file that is not a .docx.
#[wasm_bindgen]
pub fn save_as_docx_note() -> String {
    nianbao::words::SAVE_AS_DOCX_FOR_ANNOTATION.to_string()
}
