//! The JSON shape of `CheckResult` (docs/CONTRACT.md): field names, types, and the values of a
//! known finding, for checked and rejected files, with and without table grids.

use crate::support;

use nianbao::{check_bytes, Options};
use serde_json::{json, Map, Value};
use std::collections::BTreeSet;
use support::api::check_bytes_with;
use support::paragraph_xml;
use support::report::*;

fn keys(v: &Value) -> BTreeSet<String> {
    v.as_object()
        .unwrap_or_else(|| panic!("object expected: {v}"))
        .keys()
        .cloned()
        .collect()
}

fn set(k: &[&str]) -> BTreeSet<String> {
    k.iter().map(|s| s.to_string()).collect()
}

fn assert_string_array(v: &Value, what: &str) {
    let a = v
        .as_array()
        .unwrap_or_else(|| panic!("{what}: array expected, got {v}"));
    assert!(
        a.iter().all(|x| x.is_string()),
        "{what}: strings expected, got {v}"
    );
}

fn assert_cell_ref(v: &Value, what: &str) {
    assert_eq!(keys(v), set(&["table", "row", "col"]), "{what}: {v}");
    for k in ["table", "row", "col"] {
        assert!(
            v[k].is_u64(),
            "{what}.{k}: non-negative integer expected, got {v}"
        );
    }
}

/// expected / actual / value: a number, a text, or null.
fn assert_quantity(v: &Value, what: &str) {
    assert!(
        v.is_null() || v.is_number() || v.is_string(),
        "{what}: number, string or null expected, got {v}"
    );
}

fn assert_finding_shape(f: &Value) {
    assert_eq!(
        keys(f),
        set(&[
            "rule",
            "severity",
            "message",
            "table",
            "row",
            "column",
            "expected",
            "actual",
            "cells",
            "culprit",
            "fix",
            "locations",
            "problem"
        ]),
        "finding fields: {f}"
    );
    assert!(f["rule"].is_string());
    assert!(f["problem"].is_u64(), "problem: {f}");
    assert!(
        f["severity"] == json!("error") || f["severity"] == json!("warning"),
        "{f}"
    );
    assert!(f["message"].as_str().is_some_and(|m| !m.is_empty()), "{f}");
    assert!(
        f["table"].is_null() || [2, 3, 4].contains(&f["table"].as_u64().unwrap_or(0)),
        "table: {f}"
    );
    assert_string_array(&f["row"], "row");
    assert_string_array(&f["column"], "column");
    assert_quantity(&f["expected"], "expected");
    assert_quantity(&f["actual"], "actual");
    for c in f["cells"].as_array().expect("cells array") {
        assert_cell_ref(c, "cells[]");
    }
    if !f["culprit"].is_null() {
        assert_cell_ref(&f["culprit"], "culprit");
    }
    // The culprit's corrected value: only with a culprit, on that cell, a number.
    if !f["fix"].is_null() {
        assert_eq!(keys(&f["fix"]), set(&["cell", "value"]), "fix: {f}");
        assert_eq!(
            f["fix"]["cell"], f["culprit"],
            "fix.cell is the culprit: {f}"
        );
        assert!(f["fix"]["value"].is_number(), "fix.value: {f}");
    }
    let locations = f["locations"].as_array().expect("locations array");
    for l in locations {
        assert_location(l);
    }
    // The cells come first, in order, as cell locations of document 0, report 0.
    let cells = f["cells"].as_array().expect("cells array");
    assert!(locations.len() >= cells.len(), "{f}");
    for (c, l) in cells.iter().zip(locations) {
        assert_eq!(
            l,
            &json!({"kind": "cell", "doc": 0, "report": 0, "table": c["table"], "row": c["row"], "col": c["col"]}),
            "{f}"
        );
    }
}

/// A location (contract v2): a cell or a text span.
fn assert_location(l: &Value) {
    let uint = |k: &str| {
        assert!(
            l[k].is_u64(),
            "location.{k}: non-negative integer expected: {l}"
        )
    };
    match l["kind"].as_str() {
        Some("cell") => {
            assert_eq!(
                keys(l),
                set(&["kind", "doc", "report", "table", "row", "col"]),
                "{l}"
            );
            ["doc", "report", "table", "row", "col"]
                .iter()
                .for_each(|k| uint(k));
        }
        Some("text") => {
            assert_eq!(
                keys(l),
                set(&[
                    "kind",
                    "doc",
                    "report",
                    "paragraph",
                    "start",
                    "end",
                    "sentence"
                ]),
                "{l}"
            );
            ["doc", "report", "paragraph", "start", "end"]
                .iter()
                .for_each(|k| uint(k));
            assert!(l["start"].as_u64() <= l["end"].as_u64(), "{l}");
            assert!(l["sentence"].as_str().is_some_and(|s| !s.is_empty()), "{l}");
        }
        _ => panic!("location kind must be cell or text: {l}"),
    }
}

fn assert_values_shape(v: &Value) {
    assert_eq!(keys(v), set(&["table2", "table3", "table4"]));
    for t in ["table2", "table3", "table4"] {
        for e in v[t].as_array().expect("values array") {
            assert_eq!(
                keys(e),
                set(&["row", "column", "value", "raw", "cell"]),
                "value entry: {e}"
            );
            assert_string_array(&e["row"], "values row");
            assert_string_array(&e["column"], "values column");
            assert!(e["value"].is_null() || e["value"].is_number(), "value: {e}");
            assert!(e["raw"].is_string());
            if !e["cell"].is_null() {
                assert_cell_ref(&e["cell"], "value cell");
            }
        }
    }
}

fn find(arr: &Value, pred: impl Fn(&Map<String, Value>) -> bool) -> Vec<&Value> {
    arr.as_array()
        .expect("array")
        .iter()
        .filter(|x| x.as_object().is_some_and(&pred))
        .collect()
}

/// A consistent 2021 report except one addend (granted 自然人 1 while the row total says 0…).
fn spec_with_error() -> ReportSpec {
    let mut s = ReportSpec::zeros_2021();
    s.set_t3_row("new_received", [1, 2, 0, 0, 0, 0]);
    s.set_t3_row("granted", [1, 2, 0, 0, 0, 0]);
    s.set_t3_row("results_total", [1, 2, 0, 0, 0, 0]);
    s.set_t3("granted", 0, "2"); // row total stays 3
    s.set_t3("withheld_1", 1, "—"); // a blank placeholder
    s.set_t2("行政事业性收费", 0, "7730.28");
    s
}

#[test]
fn checked_result_json_shape() {
    let spec = spec_with_error();
    let r = check_bytes(&spec.to_bytes());
    let v = serde_json::to_value(&r).expect("serialize");
    assert_eq!(
        keys(&v),
        set(&[
            "version",
            "status",
            "outcome",
            "rejection",
            "report",
            "findings",
            "values",
            // The statements the prose reader read (docs/CONTRACT.md "Claims").
            "claims"
        ]),
        "top level (no tables by default)"
    );
    assert_eq!(v["version"], json!(2));
    let text = serde_json::to_string(&r).expect("serialize");
    assert!(
        text.starts_with("{\"version\":2,"),
        "version is the first field: {}",
        &text[..40]
    );
    assert_eq!(v["status"], json!("checked"));
    assert_eq!(v["outcome"], json!("error"), "a finding is an error");
    assert!(v["rejection"].is_null());
    assert_eq!(
        v["report"],
        json!({"agency": "某某县卫生健康局", "year": 2021, "format": "2021",
               "index": 0, "count": 1,
               "kind": {"id": "department", "label": "部门",
                        "reason": "机关名称“某某县卫生健康局”不是人民政府",
                        "by_user": false, "consolidated": false}})
    );
    let findings = &v["findings"];
    assert!(!findings.as_array().expect("findings array").is_empty());
    for f in findings.as_array().unwrap() {
        assert_finding_shape(f);
    }
    assert_values_shape(&v["values"]);

    // The T3.ROW finding of the changed row, field by field.
    let row = find(findings, |f| f["rule"] == json!("T3.ROW"));
    assert_eq!(row.len(), 1, "{findings}");
    let row = row[0];
    assert_eq!(row["severity"], json!("error"));
    assert_eq!(row["table"], json!(3));
    assert_eq!(row["row"], json!(["三、本年度办理结果", "（一）予以公开"]));
    assert_eq!(row["column"], json!(["申请人情况", "总计"]));
    assert_eq!(row["expected"], json!(4));
    assert_eq!(row["actual"], json!(3));
    assert!(row["expected"].is_i64(), "counts serialize as integers");
    let (t, rr, c) = spec.t3_pos("granted", 6);
    assert_eq!(row["cells"][0], json!({"table": t, "row": rr, "col": c}));
    let (t, rr, c) = spec.t3_pos("granted", 0);
    assert_eq!(row["culprit"], json!({"table": t, "row": rr, "col": c}));
    let (t, rr, c) = spec.t3_pos("granted", 6);
    assert_eq!(
        row["locations"][0],
        json!({"kind": "cell", "doc": 0, "report": 0, "table": t, "row": rr, "col": c})
    );
    assert_eq!(
        row["locations"].as_array().map(Vec::len),
        Some(7),
        "the total and six addends"
    );

    // The placeholder: a blank error whose actual is the text.
    let blank = find(findings, |f| f["rule"] == json!("T3.BLANK"));
    assert_eq!(blank.len(), 1, "{findings}");
    assert_eq!(
        blank[0]["column"],
        json!(["申请人情况", "法人或其他组织", "商业企业"])
    );
    assert_eq!(
        blank[0]["row"],
        json!(["三、本年度办理结果", "（三）不予公开", "1.属于国家秘密"])
    );

    // Values: integers, decimals, null for the placeholder, raw text kept.
    let t3 = &v["values"]["table3"];
    let e = find(t3, |e| {
        e["row"] == json!(["三、本年度办理结果", "（三）不予公开", "1.属于国家秘密"])
            && e["column"] == json!(["申请人情况", "法人或其他组织", "商业企业"])
    });
    assert_eq!(e.len(), 1);
    assert!(e[0]["value"].is_null());
    assert_eq!(e[0]["raw"], json!("—"));
    let e = find(t3, |e| {
        e["row"] == json!(["一、本年新收政府信息公开申请数量"])
            && e["column"] == json!(["申请人情况", "总计"])
    });
    assert_eq!(e[0]["value"], json!(3));
    assert!(e[0]["value"].is_i64());
    let (t, rr, c) = spec.t3_pos("new_received", 6);
    assert_eq!(e[0]["cell"], json!({"table": t, "row": rr, "col": c}));
    let fee = find(&v["values"]["table2"], |e| {
        e["row"] == json!(["第二十条第（八）项", "行政事业性收费"])
    });
    assert_eq!(fee.len(), 1);
    assert_eq!(fee[0]["column"], json!(["本年收费金额（单位：万元）"]));
    assert_eq!(fee[0]["value"], json!(7730.28));
    assert_eq!(fee[0]["raw"], json!("7730.28"));
    let t4 = find(&v["values"]["table4"], |e| {
        e["column"] == json!(["行政诉讼", "复议后起诉", "总计"])
    });
    assert_eq!(t4.len(), 1);
    assert_eq!(t4[0]["row"], json!([]));
    assert_eq!(v["values"]["table2"].as_array().unwrap().len(), 10);
    assert_eq!(t3.as_array().unwrap().len(), 175);
    assert_eq!(v["values"]["table4"].as_array().unwrap().len(), 15);
}

#[test]
fn rejected_result_json_shape() {
    let bytes = docx_from_body(&para_xml("关于做好2022年春节期间值班工作的通知", false)).build();
    let v = serde_json::to_value(check_bytes(&bytes)).expect("serialize");
    assert_eq!(
        keys(&v),
        set(&[
            "version",
            "status",
            "outcome",
            "rejection",
            "report",
            "findings",
            "values"
        ])
    );
    assert_eq!(v["version"], json!(2));
    assert_eq!(v["status"], json!("rejected"));
    assert_eq!(v["outcome"], json!("rejected"));
    assert_eq!(keys(&v["rejection"]), set(&["code", "message"]));
    assert_eq!(v["rejection"]["code"], json!("no_report_tables"));
    assert!(v["rejection"]["message"]
        .as_str()
        .is_some_and(|m| m.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))));
    assert_eq!(
        v["report"],
        json!({"agency": null, "year": null, "format": null, "index": 0, "count": 0, "kind": null})
    );
    assert_eq!(v["findings"], json!([]));
    assert_eq!(
        v["values"],
        json!({"table2": [], "table3": [], "table4": []})
    );

    let v = serde_json::to_value(check_bytes(b"")).expect("serialize");
    assert_eq!(v["status"], json!("rejected"));
    assert_eq!(v["rejection"]["code"], json!("empty"));
}

#[test]
fn tables_json_shape_when_asked() {
    let spec = spec_with_error();
    let r = check_bytes_with(
        &spec.to_bytes(),
        &Options {
            with_tables: true,
            ..Options::default()
        },
    );
    let v = serde_json::to_value(&r).expect("serialize");
    assert_eq!(
        keys(&v),
        set(&[
            "version",
            "status",
            "outcome",
            "rejection",
            "report",
            "findings",
            "values",
            "claims",
            "tables"
        ])
    );
    let tables = v["tables"].as_array().expect("tables array");
    let kinds: Vec<u64> = tables
        .iter()
        .map(|t| t["kind"].as_u64().expect("kind"))
        .collect();
    assert_eq!(kinds, vec![2, 3, 4]);
    for t in tables {
        assert_eq!(keys(t), set(&["table", "kind", "rows", "cols", "cells"]));
        for c in t["cells"].as_array().expect("cells") {
            assert_eq!(
                keys(c),
                set(&["row", "col", "row_span", "col_span", "text"]),
                "{c}"
            );
        }
    }
    let t3 = &tables[1];
    assert_eq!(t3["table"], json!(1));
    assert_eq!(t3["rows"], json!(28));
    assert_eq!(t3["cols"], json!(10));
    let corner = find(&t3["cells"], |c| {
        c["row"] == json!(0) && c["col"] == json!(0)
    });
    assert_eq!(corner.len(), 1);
    assert_eq!(corner[0]["row_span"], json!(3));
    assert_eq!(corner[0]["col_span"], json!(3));
    assert_eq!(corner[0]["text"], json!(T3_CORNER));
    // 三、本年度办理结果 merged down all 22 result rows.
    let r3 = find(&t3["cells"], |c| c["text"] == json!("三、本年度办理结果"));
    assert_eq!(r3.len(), 1);
    assert_eq!(r3[0]["row_span"], json!(22));
    assert_eq!(r3[0]["col_span"], json!(1));
    let t4 = &tables[2];
    assert_eq!(t4["rows"], json!(4));
    assert_eq!(t4["cols"], json!(15));
}

#[test]
fn text_locations_point_at_the_paragraph_and_the_characters() {
    let mut spec = ReportSpec::zeros_2021();
    let sentence = "2021年，本单位未收到政府信息公开申请";
    spec.sections[0]
        .before
        .push(format!("我局认真落实条例。{sentence}。"));
    spec.set_t3_row("new_received", [1, 0, 0, 0, 0, 0]);
    spec.set_t3_row("granted", [1, 0, 0, 0, 0, 0]);
    spec.set_t3_row("results_total", [1, 0, 0, 0, 0, 0]);
    spec.set_heading(1, Some("2、主动公开政府信息情况"));
    let bytes = spec.to_bytes();
    let v = serde_json::to_value(check_bytes(&bytes)).expect("serialize");
    let paragraphs = paragraph_xml(&bytes);

    let tx = find(&v["findings"], |f| f["rule"] == json!("TX.NONE"));
    assert_eq!(tx.len(), 1, "{}", v["findings"]);
    let locations = tx[0]["locations"].as_array().expect("locations");
    assert_eq!(locations.len(), 2, "{locations:?}");
    let (t, rr, c) = spec.t3_pos("new_received", 6);
    assert_eq!(
        locations[0],
        json!({"kind": "cell", "doc": 0, "report": 0, "table": t, "row": rr, "col": c})
    );
    let text = &locations[1];
    assert_eq!(text["kind"], json!("text"));
    assert_eq!(text["sentence"], json!(sentence));
    // Character offsets within the paragraph's text: the statement "未收到政府信息公开申请",
    // after "我局认真落实条例。2021年，本单位" (18 characters).
    let statement = "未收到政府信息公开申请";
    assert_eq!(
        (text["start"].as_u64(), text["end"].as_u64()),
        (Some(18), Some(18 + statement.chars().count() as u64))
    );
    let p = text["paragraph"].as_u64().expect("paragraph") as usize;
    assert!(
        paragraphs[p].contains(sentence),
        "w:p #{p} is {}",
        paragraphs[p]
    );

    let tv = find(&v["findings"], |f| f["rule"] == json!("S.TITLEVAR"));
    assert_eq!(tv.len(), 1, "{}", v["findings"]);
    let l = &tv[0]["locations"][0];
    assert_eq!(
        (l["kind"].clone(), l["start"].clone(), l["sentence"].clone()),
        (json!("text"), json!(0), json!("2、主动公开政府信息情况"))
    );
    let p = l["paragraph"].as_u64().expect("paragraph") as usize;
    assert!(
        paragraphs[p].contains("主动公开政府信息情况"),
        "w:p #{p} is {}",
        paragraphs[p]
    );
}
