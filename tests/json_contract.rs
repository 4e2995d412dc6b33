//! The JSON shape of `CheckResult` (docs/CONTRACT.md): field names, types, and the values of a
//! known finding, for checked and rejected files, with and without table grids.

mod support;

use nianbao::{check_bytes, check_bytes_with, Options};
use serde_json::{json, Map, Value};
use std::collections::BTreeSet;
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
            "rule", "severity", "message", "table", "row", "column", "expected", "actual", "cells",
            "culprit"
        ]),
        "finding fields: {f}"
    );
    assert!(f["rule"].is_string());
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

fn find<'a>(arr: &'a Value, pred: impl Fn(&Map<String, Value>) -> bool) -> Vec<&'a Value> {
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
        set(&["status", "rejection", "report", "findings", "values"]),
        "top level (no tables by default)"
    );
    assert_eq!(v["status"], json!("checked"));
    assert!(v["rejection"].is_null());
    assert_eq!(
        v["report"],
        json!({"agency": "某某县卫生健康局", "year": 2021, "format": "2021"})
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
        set(&["status", "rejection", "report", "findings", "values"])
    );
    assert_eq!(v["status"], json!("rejected"));
    assert_eq!(keys(&v["rejection"]), set(&["code", "message"]));
    assert_eq!(v["rejection"]["code"], json!("no_report_tables"));
    assert!(v["rejection"]["message"]
        .as_str()
        .is_some_and(|m| m.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))));
    assert_eq!(
        v["report"],
        json!({"agency": null, "year": null, "format": null})
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
            "status",
            "rejection",
            "report",
            "findings",
            "values",
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
