//! Tests of the writer's JavaScript exports (writer/src/bindings.rs), run on wasm32 by
//! wasm-bindgen-test-runner in Node:
//!   cargo test -p nianbao-writer --target wasm32-unknown-unknown --test writer_wasm
#![cfg(target_arch = "wasm32")]

use js_sys::Uint8Array;
use nianbao_writer::bindings;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

mod support;
use support::{get, part, DATE, SAMPLE};

#[wasm_bindgen_test]
fn annotate_returns_the_commented_copy_with_its_name_and_counts() {
    let out =
        bindings::annotate(SAMPLE, true, DATE.into(), Some("报告.docx".into())).expect("annotated");
    let bytes = get(&out, "bytes")
        .dyn_into::<Uint8Array>()
        .expect("Uint8Array")
        .to_vec();
    assert_eq!(
        get(&out, "name").as_string().as_deref(),
        Some("报告（检查意见）.docx")
    );
    let comments = get(&out, "comments").as_f64().unwrap() as usize;
    let revisions = get(&out, "revisions").as_f64().unwrap() as usize;
    let findings = get(&out, "findings").as_f64().unwrap() as usize;

    let result = nianbao::check_bytes(SAMPLE);
    assert_eq!(findings, result.findings.len());
    let culprits: std::collections::BTreeSet<_> =
        result.findings.iter().filter_map(|f| f.culprit).collect();
    assert_eq!(comments, findings + culprits.len());
    let fixes = result.findings.iter().filter(|f| f.fix.is_some()).count();
    assert!(fixes > 0, "the sample has a computed correction");
    assert!(revisions >= 2, "a deletion and an insertion per correction");

    let xml = part(&bytes, "word/comments.xml");
    assert_eq!(xml.matches("<w:comment ").count(), comments);
    assert!(xml.contains("w:author=\"nianbao\""));
    assert!(xml.contains(&format!("w:date=\"{DATE}\"")));
    let main = part(&bytes, "word/document.xml");
    assert_eq!(main.matches("<w:commentRangeStart ").count(), comments);
    assert_eq!(
        main.matches("<w:ins ").count() + main.matches("<w:del ").count(),
        revisions
    );

    // Without `suggest`: comments only.
    let plain = bindings::annotate(SAMPLE, false, DATE.into(), None).expect("annotated");
    assert!(get(&plain, "name").is_undefined());
    assert_eq!(get(&plain, "revisions").as_f64(), Some(0.0));
    let bytes = get(&plain, "bytes")
        .dyn_into::<Uint8Array>()
        .unwrap()
        .to_vec();
    assert!(!part(&bytes, "word/document.xml").contains("<w:ins "));
}

#[wasm_bindgen_test]
fn a_file_that_is_not_a_report_throws_a_chinese_message() {
    let err = bindings::annotate(b"hello, world", false, DATE.into(), None).unwrap_err();
    let code = get(&err, "code").as_string().unwrap();
    let message = get(&err, "message").as_string().unwrap();
    assert_ne!(code, "internal");
    assert!(
        message
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "{message}"
    );
}
