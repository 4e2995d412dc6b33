//! Helpers of the wasm tests of both on-demand modules: writer/tests/writer_wasm.rs and (through
//! `#[path]`) xlsx/tests/xlsx_wasm.rs.

use js_sys::Reflect;
use std::io::{Cursor, Read};
use wasm_bindgen::JsValue;

/// seed_001 with a wrong 总计 in 表三, a broken 表四 group and a blank 表二 cell.
pub const SAMPLE: &[u8] = include_bytes!("../../../www/samples/sample-with-errors.docx");
pub const DATE: &str = "2026-12-01T08:00:00Z";

pub fn get(o: &JsValue, key: &str) -> JsValue {
    Reflect::get(o, &key.into()).expect("property")
}

/// The text of one part of a zip package (.docx, .xlsx).
pub fn part(zip_bytes: &[u8], name: &str) -> String {
    let mut a = zip::ZipArchive::new(Cursor::new(zip_bytes)).expect("a zip");
    let mut s = String::new();
    a.by_name(name)
        .expect("the part")
        .read_to_string(&mut s)
        .expect("utf-8");
    s
}
