//! Tests of the browser binding (src/wasm.rs), run on wasm32 by wasm-bindgen-test-runner:
//!   cargo test --target wasm32-unknown-unknown --test wasm                      (Node)
//!   WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER=/usr/bin/chromedriver cargo test … (headless Chromium)
#![cfg(target_arch = "wasm32")]

use serde::de::DeserializeOwned;
use serde::Deserialize;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

/// The part of the result contract (docs/CONTRACT.md) these tests look at.
#[derive(Debug, Deserialize)]
struct CheckResult {
    status: String,
    rejection: Option<Rejection>,
    #[serde(default)]
    findings: Vec<Finding>,
    #[serde(default)]
    tables: Vec<Table>,
}

#[derive(Debug, Deserialize)]
struct Rejection {
    code: String,
    message: String,
}

#[derive(Debug, Deserialize)]
struct Finding {
    rule: String,
    severity: String,
    message: String,
    #[serde(default)]
    cells: Vec<Cell>,
}

#[derive(Debug, Deserialize, PartialEq)]
struct Cell {
    table: usize,
    row: usize,
    col: usize,
}

#[derive(Debug, Deserialize)]
struct Table {
    table: usize,
    kind: u8,
    rows: usize,
    cols: usize,
    cells: Vec<TableCell>,
}

#[derive(Debug, Deserialize)]
struct TableCell {
    row: usize,
    col: usize,
    row_span: usize,
    col_span: usize,
    text: String,
}

const SEED: &[u8] = include_bytes!("fixtures/samples/seed_001.docx");
/// seed_001 with a wrong 总计 in 表三 (row （一）予以公开), a broken 表四 group and a blank 表二 cell;
/// made by tools/make-sample.mjs.
const SAMPLE: &[u8] = include_bytes!("../www/samples/sample-with-errors.docx");

fn check(bytes: &[u8]) -> CheckResult {
    let json = nianbao::wasm::check(bytes).expect("check returns a value");
    serde_json::from_str(&json).expect("result matches the contract")
}

/// What the check exports answer: the JSON text of `{results, keys}`.
#[derive(Deserialize)]
struct Checked<T> {
    results: T,
    keys: serde_json::Value,
}

fn checked<T: DeserializeOwned>(json: Result<String, JsValue>) -> Checked<T> {
    let json = json.expect("the check returns a value");
    serde_json::from_str(&json).expect("{results, keys} matching the contract")
}

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(nianbao::wasm::version(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn a_seed_report_is_checked_with_its_tables() {
    let r = check(SEED);
    assert_eq!(r.status, "checked", "{:?}", r.rejection);
    assert!(r.rejection.is_none());
    let kinds: Vec<u8> = r.tables.iter().map(|t| t.kind).collect();
    for kind in [2, 3, 4] {
        assert!(
            kinds.contains(&kind),
            "table kind {kind} missing: {kinds:?}"
        );
    }
    for t in &r.tables {
        assert!(t.rows > 0 && t.cols > 0 && !t.cells.is_empty());
        for c in &t.cells {
            assert!(c.row_span >= 1 && c.col_span >= 1);
            assert!(
                c.row + c.row_span <= t.rows && c.col + c.col_span <= t.cols,
                "cell out of grid in table {}",
                t.table
            );
        }
    }
    // The 表三 header cell of this seed says 申请人情况.
    assert!(r
        .tables
        .iter()
        .any(|t| t.kind == 3 && t.cells.iter().any(|c| c.text.contains("申请人情况"))));
    assert!(
        r.findings.iter().all(|f| f.severity != "error"),
        "clean seed has errors: {:?}",
        r.findings
    );
}

#[wasm_bindgen_test]
fn a_file_that_is_not_a_report_is_rejected_with_a_message() {
    for bytes in [
        &b""[..],
        b"hello, world",
        b"%PDF-1.7\n",
        &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0],
    ] {
        let r = check(bytes);
        assert_eq!(r.status, "rejected");
        let rej = r.rejection.expect("a rejection");
        assert!(!rej.code.is_empty());
        assert!(
            rej.message
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "message not Chinese: {}",
            rej.message
        );
        assert!(r.findings.is_empty() && r.tables.is_empty());
    }
}

#[wasm_bindgen_test]
fn a_wrong_total_in_table_3_is_marked_with_its_cells() {
    let r = check(SAMPLE);
    assert_eq!(r.status, "checked", "{:?}", r.rejection);
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "T3.ROW")
        .unwrap_or_else(|| panic!("no T3.ROW finding: {:?}", r.findings));
    assert_eq!(f.severity, "error");
    assert!(!f.message.is_empty());
    // Main cell: the 总计 cell of row （一）予以公开, which the sample sets to 2.
    let t3 = r.tables.iter().find(|t| t.kind == 3).expect("表三 drawn");
    let main = &f.cells[0];
    assert_eq!(main.table, t3.table);
    let cell = t3
        .cells
        .iter()
        .find(|c| c.row == main.row && c.col == main.col)
        .expect("main cell in the grid");
    assert_eq!(cell.text.trim(), "2");
    assert!(
        r.findings.iter().any(|f| f.rule == "T4.SUM"),
        "{:?}",
        r.findings
    );
}

#[derive(Debug, Deserialize)]
struct ReportResult {
    status: String,
    report: ReportInfo,
}

#[derive(Debug, Deserialize)]
struct ReportInfo {
    index: usize,
    count: usize,
    kind: Option<KindInfo>,
}

#[derive(Debug, Deserialize)]
struct KindInfo {
    id: String,
    label: String,
    by_user: bool,
}

fn check_reports(bytes: &[u8], kind: Option<&str>) -> Vec<ReportResult> {
    let value = nianbao::wasm::check_reports(
        bytes,
        kind.map(str::to_string),
        None,
        None,
        None,
        None,
        None,
        None,
    );
    let out: Checked<Vec<ReportResult>> = checked(value);
    assert_eq!(
        out.keys.as_array().map(Vec::len),
        Some(out.results.len()),
        "a key per report"
    );
    out.results
}

#[wasm_bindgen_test]
fn check_reports_gives_one_result_per_report_and_takes_the_kind() {
    let rs = check_reports(SEED, None);
    assert_eq!(rs.len(), 1);
    assert_eq!(rs[0].status, "checked");
    assert_eq!((rs[0].report.index, rs[0].report.count), (0, 1));
    let kind = rs[0].report.kind.as_ref().expect("kind");
    assert_eq!((kind.id.as_str(), kind.by_user), ("department", false));

    let rs = check_reports(SEED, Some("县级政府"));
    let kind = rs[0].report.kind.as_ref().expect("kind");
    assert_eq!(
        (kind.id.as_str(), kind.label.as_str(), kind.by_user),
        ("county", "县级政府", true)
    );

    let rs = check_reports(b"not a docx", None);
    assert_eq!(rs.len(), 1);
    assert_eq!(rs[0].status, "rejected");
}

#[derive(Debug, Deserialize)]
struct KindChoice {
    id: String,
    label: String,
}

#[wasm_bindgen_test]
fn report_kinds_list_the_choices() {
    let v = nianbao::wasm::report_kinds().expect("a value");
    let kinds: Vec<KindChoice> = serde_json::from_str(&v).expect("an array");
    let ids: Vec<&str> = kinds.iter().map(|k| k.id.as_str()).collect();
    assert_eq!(
        ids,
        ["department", "township", "county", "prefecture", "province"]
    );
    assert_eq!(kinds[0].label, "部门");
}

/// The part of a paired result these tests look at.
#[derive(Debug, Deserialize)]
struct PairedResult {
    status: String,
    previous: Option<PreviousInfo>,
    findings: Vec<PairedFinding>,
    #[serde(default)]
    tables: Vec<Table>,
}

#[derive(Debug, Deserialize)]
struct PreviousInfo {
    file: Option<String>,
    year: Option<i32>,
    explicit: bool,
}

#[derive(Debug, Deserialize)]
struct PairedFinding {
    rule: String,
    severity: String,
    message: String,
    locations: Vec<Loc>,
}

#[derive(Debug, Deserialize)]
struct Loc {
    kind: String,
    doc: u8,
}

const PAIR_2021: &[u8] = include_bytes!("fixtures/pairs/2021.docx");
const PAIR_2022: &[u8] = include_bytes!("fixtures/pairs/2022.docx");

fn check_pair(bytes: &[u8], previous: &[u8], name: Option<&str>) -> PairedResult {
    let value = nianbao::wasm::check_pair(
        bytes,
        previous,
        name.map(str::to_string),
        None,
        None,
        None,
        None,
        None,
    );
    let mut results: Vec<PairedResult> = checked(value).results;
    assert_eq!(results.len(), 1, "one result per report");
    results.remove(0)
}

fn dup_years(value: Result<String, JsValue>) -> Vec<Vec<PairedFinding>> {
    let results: Vec<PairedResult> = checked(value).results;
    results
        .into_iter()
        .map(|r| {
            r.findings
                .into_iter()
                .filter(|f| f.rule == "M.DUPYEAR")
                .collect()
        })
        .collect()
}

#[wasm_bindgen_test]
fn same_year_names_the_other_files_of_the_same_agency_and_year() {
    let names = vec!["副本.docx".to_string(), "另一份.docx".to_string()];
    for value in [
        nianbao::wasm::check_reports(
            PAIR_2021,
            None,
            Some(names.clone()),
            None,
            None,
            None,
            None,
            None,
        ),
        nianbao::wasm::check_pair(
            PAIR_2022,
            PAIR_2021,
            None,
            None,
            Some(names.clone()),
            None,
            None,
            None,
        ),
        nianbao::wasm::check_pair(
            PAIR_2022,
            b"junk",
            None,
            None,
            Some(names.clone()),
            None,
            None,
            None,
        ),
    ] {
        let dups = dup_years(value);
        assert_eq!(dups.len(), 1, "one report");
        assert_eq!(dups[0].len(), 1, "{:?}", dups[0]);
        assert_eq!(dups[0][0].severity, "warning");
        assert!(
            dups[0][0].message.contains("（副本.docx、另一份.docx）"),
            "{}",
            dups[0][0].message
        );
    }
    // None, or no names: no M.DUPYEAR.
    for value in [
        nianbao::wasm::check_reports(PAIR_2021, None, None, None, None, None, None, None),
        nianbao::wasm::check_reports(
            PAIR_2021,
            None,
            Some(Vec::new()),
            None,
            None,
            None,
            None,
            None,
        ),
        nianbao::wasm::check_pair(PAIR_2022, PAIR_2021, None, None, None, None, None, None),
    ] {
        assert!(dup_years(value)[0].is_empty());
    }
}

#[wasm_bindgen_test]
fn a_pair_gives_the_cross_year_findings_with_the_previous_cell() {
    let r = check_pair(PAIR_2022, PAIR_2021, Some("2021.docx"));
    assert_eq!(r.status, "checked");
    let p = r.previous.expect("compared");
    assert_eq!(p.file.as_deref(), Some("2021.docx"));
    assert_eq!(p.year, Some(2021));
    assert!(p.explicit);
    assert!(!r.tables.is_empty(), "the later report's tables are drawn");
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "T3.XYEAR")
        .expect("T3.XYEAR");
    assert_eq!(f.severity, "error");
    assert_eq!(
        (f.locations[0].kind.as_str(), f.locations[0].doc),
        ("cell", 0)
    );
    assert_eq!(
        (f.locations[1].kind.as_str(), f.locations[1].doc),
        ("cell", 1)
    );
    // A file that is not a report as the previous year: checked alone, M.PAIR says why.
    let r = check_pair(PAIR_2022, b"junk", None);
    assert!(r.previous.is_none());
    assert!(r.findings.iter().any(|f| f.rule == "M.PAIR"));
    assert_eq!(
        nianbao::wasm::agency_key("某某县 卫生健康局"),
        nianbao::wasm::agency_key("某某县卫生健康局")
    );
}

#[wasm_bindgen_test]
fn a_batch_pairs_the_two_years() {
    let files = vec![
        js_sys::Uint8Array::from(PAIR_2021),
        js_sys::Uint8Array::from(PAIR_2022),
        js_sys::Uint8Array::from(SEED),
    ];
    let names = vec![
        "2021.docx".to_string(),
        "2022.docx".to_string(),
        "seed.docx".to_string(),
    ];
    let out: Checked<Vec<Vec<PairedResult>>> =
        checked(nianbao::wasm::check_files(files, names, None));
    // Each report's agency key, as pairing compares agencies: the two years' are equal.
    let keys = out.keys.as_array().expect("keys per file");
    assert_eq!(keys.len(), 3);
    assert!(keys[0][0].is_string());
    assert_eq!(keys[0][0], keys[1][0]);
    let mut results = out.results;
    assert_eq!(results.len(), 3);
    let later = results.remove(1).remove(0);
    let p = later.previous.expect("paired");
    assert_eq!(p.file.as_deref(), Some("2021.docx"));
    assert!(!p.explicit);
    assert!(later.findings.iter().any(|f| f.rule == "T3.XYEAR"));
    assert!(results[0][0].previous.is_none() && results[1][0].previous.is_none());
}
