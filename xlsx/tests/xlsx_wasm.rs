//! Tests of the export module's JavaScript exports (xlsx/src/bindings.rs), run on wasm32 by
//! wasm-bindgen-test-runner in Node:
//!   cargo test -p nianbao-xlsx --target wasm32-unknown-unknown --test xlsx_wasm
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Object, Reflect};
use nianbao_xlsx::bindings;
use wasm_bindgen_test::wasm_bindgen_test;

#[path = "../../writer/tests/support/mod.rs"]
mod support;
use support::{get, part, DATE, SAMPLE};
const SEED: &[u8] = include_bytes!("../../tests/fixtures/samples/seed_001.docx");

/// `[{name, result}, …]` as the page holds it (the results straight from the checker's export),
/// as the JSON text www/writer.js passes.
fn entries() -> (String, Vec<(String, nianbao::CheckResult)>) {
    let list = Array::new();
    let mut native = Vec::new();
    for (name, bytes) in [
        ("有错误.docx", SAMPLE),
        ("seed.docx", SEED),
        ("坏.docx", &b"PK\x03\x04 cut"[..]),
    ] {
        let o = Object::new();
        Reflect::set(&o, &"name".into(), &name.into()).unwrap();
        // The checker answers with JSON text; the page holds it parsed.
        let result = js_sys::JSON::parse(&nianbao::wasm::check(bytes).unwrap()).unwrap();
        Reflect::set(&o, &"result".into(), &result).unwrap();
        list.push(&o);
        native.push((name.to_string(), nianbao::check_bytes(bytes)));
    }
    let text = js_sys::JSON::stringify(&list).expect("JSON").into();
    (text, native)
}

#[wasm_bindgen_test]
fn csv_has_the_command_line_columns_and_rows() {
    let (list, native) = entries();
    let csv = bindings::csv(&list).expect("csv");
    let mut expected = format!(
        "{}{}\r\n",
        nianbao::present::CSV_BOM,
        nianbao::present::CSV_HEADER
    );
    for (name, r) in &native {
        expected.push_str(&nianbao::present::csv_rows(name, r));
    }
    assert_eq!(csv, expected);
    assert!(csv.contains("T3.ROW"));
}

#[wasm_bindgen_test]
fn xlsx_has_both_sheets_with_every_finding_and_file() {
    let (list, native) = entries();
    let bytes = bindings::xlsx(&list, DATE.into()).expect("xlsx").to_vec();
    let workbook = part(&bytes, "xl/workbook.xml");
    let (a, b) = (
        workbook.find("问题清单").unwrap(),
        workbook.find("汇总").unwrap(),
    );
    assert!(a < b, "问题清单 first, then 汇总");
    let core = part(&bytes, "docProps/core.xml");
    assert!(core.contains(DATE), "the creation date passed in: {core}");
    let strings = part(&bytes, "xl/sharedStrings.xml");
    for (name, r) in &native {
        assert!(strings.contains(&name.replace('&', "&amp;")), "{name}");
        for f in &r.findings {
            assert!(strings.contains(f.rule.as_str()), "{}", f.rule);
        }
    }
    // One row per finding (at least one per file) plus the header; one per file in 汇总.
    let rows: usize = native.iter().map(|(_, r)| r.findings.len().max(1)).sum();
    let sheet1 = part(&bytes, "xl/worksheets/sheet1.xml");
    assert_eq!(sheet1.matches("<row ").count(), rows + 1);
    let sheet2 = part(&bytes, "xl/worksheets/sheet2.xml");
    assert_eq!(sheet2.matches("<row ").count(), native.len() + 1);
}

#[wasm_bindgen_test]
fn entries_of_the_wrong_shape_throw() {
    let err = bindings::xlsx("not a list", DATE.into()).unwrap_err();
    assert_eq!(get(&err, "code").as_string().as_deref(), Some("internal"));
    let err = bindings::xlsx(r#"{"name": "x"}"#, DATE.into()).unwrap_err();
    assert_eq!(get(&err, "code").as_string().as_deref(), Some("internal"));
    assert!(get(&err, "message").as_string().unwrap().contains("格式"));
}
