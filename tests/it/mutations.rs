//! Reports built in the official layout, then changed one cell (or one structural feature) at a
//! time: each change must give exactly the findings the contract (docs/CONTRACT.md) and the
//! spec (formats-and-checks.md §2) call for, pointing at the right cells, and nothing else.

use crate::support;

use nianbao::RejectionCode;
use nianbao::ValueEntry;
use nianbao::{check_bytes, CheckResult, Status};
use nianbao::{Finding, Quantity, Severity};
use support::report::*;

fn run(spec: &ReportSpec) -> CheckResult {
    let r = check_bytes(&spec.to_bytes());
    dump(&r);
    r
}

fn dump(r: &CheckResult) {
    eprintln!(
        "status {:?} report {:?} rejection {:?}",
        r.status, r.report, r.rejection
    );
    for f in &r.findings {
        eprintln!(
            "  {} {:?} t{:?} {:?} {:?} exp {:?} act {:?} cells {:?} culprit {:?}: {}",
            f.rule,
            f.severity,
            f.table,
            f.row,
            f.column,
            f.expected,
            f.actual,
            f.cells,
            f.culprit,
            f.message
        );
    }
}

/// The rule ids of the errors, sorted.
fn error_rules(r: &CheckResult) -> Vec<&'static str> {
    let mut v: Vec<&'static str> = errors(r).iter().map(|f| f.rule.as_str()).collect();
    v.sort();
    v
}

fn assert_no_errors(r: &CheckResult) {
    assert_eq!(r.status, Status::Checked, "rejected: {:?}", r.rejection);
    let e = errors(r);
    assert!(e.is_empty(), "unexpected errors: {e:#?}");
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}

/// Official row path of a table 三 row key.
fn row_path(spec: &ReportSpec, key: &str) -> Vec<String> {
    let rows = t3_rows(spec.format);
    strings(&rows.iter().find(|(k, _)| *k == key).expect("row key").1)
}

/// The one finding of `rule` whose column path is `column` (and row path `row`, if given).
fn one<'a>(
    r: &'a CheckResult,
    rule: &str,
    row: Option<&[String]>,
    column: &[String],
) -> &'a Finding {
    let found: Vec<&Finding> = r
        .findings
        .iter()
        .filter(|f| f.rule == rule && f.column == column && row.is_none_or(|rw| f.row == rw))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "exactly one {rule} for row {row:?} column {column:?}: {:#?}",
        r.findings
    );
    found[0]
}

fn int(v: i64) -> Option<Quantity> {
    Some(Quantity::Int(v))
}

fn value<'a>(entries: &'a [ValueEntry], row: &[String], column: &[String]) -> &'a ValueEntry {
    let found: Vec<&ValueEntry> = entries
        .iter()
        .filter(|v| *v.row == *row && *v.column == *column)
        .collect();
    assert_eq!(found.len(), 1, "one value for {row:?} / {column:?}");
    found[0]
}

fn t3_value<'a>(r: &'a CheckResult, spec: &ReportSpec, key: &str, col: usize) -> &'a ValueEntry {
    value(&r.values.table3, &row_path(spec, key), &t3_col_path(col))
}

fn t2_row_path(spec: &ReportSpec, label: &str) -> Vec<String> {
    let b = t2_blocks(spec.format)
        .into_iter()
        .find(|b| b.rows.contains(&label))
        .expect("table 二 row");
    vec![b.caption.to_string(), label.to_string()]
}

fn t2_col_path(spec: &ReportSpec, label: &str, col: usize) -> Vec<String> {
    let b = t2_blocks(spec.format)
        .into_iter()
        .find(|b| b.rows.contains(&label))
        .expect("table 二 row");
    vec![b.headers[col].to_string()]
}

/// A consistent report with non-zero values in several rows and columns, carried over and
/// carried forward, all three table 四 groups non-zero, and (2021 format) a decimal fee.
fn scenario(format: Format, year: i32) -> ReportSpec {
    let mut s = ReportSpec::nonzero(format, year);
    if format == Format::Format2021 {
        s.set_t2("行政事业性收费", 0, "12.5");
    }
    s
}

fn scenario_2021() -> ReportSpec {
    scenario(Format::Format2021, 2021)
}

/// Every number cell of the spec read back with its official labels, raw text, value and
/// position (plain numbers only).
fn assert_all_values(r: &CheckResult, spec: &ReportSpec) {
    let rendered = spec.render();
    assert_eq!(r.values.table3.len(), 7 * spec.format.t3_rows());
    for (i, (_, path)) in t3_rows(spec.format).iter().enumerate() {
        for c in 0..7 {
            let v = value(&r.values.table3, &strings(path), &t3_col_path(c));
            assert_eq!(v.raw, spec.table3[i][c], "raw of {path:?} col {c}");
            let n = plain_number(&spec.table3[i][c]).expect("plain number") as i64;
            assert_eq!(v.value, int(n), "value of {path:?} col {c}");
            assert_eq!(
                v.cell,
                Some(cref(rendered.pos[&(3, i)][c])),
                "cell of {path:?} col {c}"
            );
        }
    }
    assert_eq!(r.values.table4.len(), 15);
    for c in 0..15 {
        let v = value(&r.values.table4, &[], &t4_col_path(c));
        assert_eq!(v.raw, spec.table4[c]);
        assert_eq!(v.value, int(plain_number(&spec.table4[c]).unwrap() as i64));
        assert_eq!(v.cell, Some(cref(rendered.pos[&(4, 0)][c])));
    }
    let t2 = t2_official_cells(spec.format);
    assert_eq!(r.values.table2.len(), t2.len());
    let raws: Vec<&String> = spec.table2.iter().flatten().collect();
    for ((row, col, _), raw) in t2.iter().zip(raws) {
        let v = value(&r.values.table2, row, col);
        assert_eq!(&v.raw, raw, "table 二 {row:?} {col:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// Consistent reports

#[test]
fn consistent_nonzero_2021_has_no_errors() {
    let spec = scenario_2021();
    let r = run(&spec);
    assert_no_errors(&r);
    assert_eq!(r.report.format.as_deref(), Some("2021"));
    assert_eq!(r.report.year, Some(2021));
    assert_eq!(r.report.agency.as_deref(), Some("某某县卫生健康局"));
    assert_all_values(&r, &spec);
    assert_eq!(t3_value(&r, &spec, "results_total", 6).value, int(17));
    assert_eq!(t3_value(&r, &spec, "carried_forward", 5).value, int(1));
    let fee = value(
        &r.values.table2,
        &t2_row_path(&spec, "行政事业性收费"),
        &strings(&["本年收费金额（单位：万元）"]),
    );
    assert_eq!(fee.value, Some(Quantity::Decimal(12.5)));
}

#[test]
fn consistent_nonzero_2019_has_no_errors() {
    let spec = scenario(Format::Format2019, 2020);
    let r = run(&spec);
    assert_no_errors(&r);
    assert_eq!(r.report.format.as_deref(), Some("2019"));
    assert_eq!(r.report.year, Some(2020));
    assert_all_values(&r, &spec);
    // （六）其他处理 is one row in 2019.
    let other = value(
        &r.values.table3,
        &strings(&["三、本年度办理结果", "（六）其他处理"]),
        &t3_col_path(6),
    );
    assert_eq!(other.value, int(1));
    // 本年增/减 may be negative in 2019.
    let delta = value(
        &r.values.table2,
        &t2_row_path(&spec, "行政许可"),
        &strings(&["本年增/减"]),
    );
    assert_eq!(delta.value, int(-3));
    assert!(
        !r.findings.iter().any(|f| f.rule == "T2.INT"),
        "2019 本年增/减 -3 is allowed"
    );
}

#[test]
fn all_zero_2021_has_no_errors() {
    let spec = ReportSpec::zeros_2021();
    let r = run(&spec);
    assert_no_errors(&r);
    assert_all_values(&r, &spec);
}

// ---------------------------------------------------------------------------------------------
// Table 三 arithmetic

#[test]
fn wrong_addend_gives_row_and_results_errors_with_culprit() {
    let mut spec = scenario_2021();
    spec.set_t3("granted", 0, "6"); // was 5; 总计 of the row stays 8, （七）总计 自然人 stays 11
    let r = run(&spec);
    assert_eq!(error_rules(&r), vec!["T3.RES", "T3.ROW"]);
    let changed = cref(spec.t3_pos("granted", 0));

    let row = one(
        &r,
        "T3.ROW",
        Some(&row_path(&spec, "granted")),
        &t3_col_path(6),
    );
    assert_eq!(row.severity, Severity::Error);
    assert_eq!(row.table, Some(3));
    assert_eq!(row.expected, int(9));
    assert_eq!(row.actual, int(8));
    assert_eq!(
        row.cells.first(),
        Some(&cref(spec.t3_pos("granted", 6))),
        "main cell: the row's 总计"
    );
    assert!(
        row.cells.contains(&changed),
        "the addends are among the cells"
    );
    assert_eq!(row.culprit, Some(changed));
    assert!(
        row.message.contains("（6+2+0+1+0+0）"),
        "message lists the addends: {}",
        row.message
    );

    let res = one(
        &r,
        "T3.RES",
        Some(&row_path(&spec, "results_total")),
        &t3_col_path(0),
    );
    assert_eq!(res.severity, Severity::Error);
    assert_eq!(res.table, Some(3));
    assert_eq!(res.expected, int(12));
    assert_eq!(res.actual, int(11));
    assert_eq!(
        res.cells.first(),
        Some(&cref(spec.t3_pos("results_total", 0))),
        "main cell: （七）总计 of the column"
    );
    assert!(res.cells.contains(&changed));
    assert_eq!(res.culprit, Some(changed));
    assert!(!res.message.is_empty());
}

#[test]
fn wrong_row_total_gives_row_and_total_column_errors() {
    let mut spec = scenario_2021();
    spec.set_t3("granted", 6, "9"); // was 8
    let r = run(&spec);
    assert_eq!(error_rules(&r), vec!["T3.RES", "T3.ROW"]);
    let changed = cref(spec.t3_pos("granted", 6));

    let row = one(
        &r,
        "T3.ROW",
        Some(&row_path(&spec, "granted")),
        &t3_col_path(6),
    );
    assert_eq!(row.expected, int(8));
    assert_eq!(row.actual, int(9));
    assert_eq!(row.cells.first(), Some(&changed));
    assert_eq!(row.culprit, Some(changed));
    assert!(row.message.contains("（5+2+0+1+0+0）"), "{}", row.message);

    let res = one(
        &r,
        "T3.RES",
        Some(&row_path(&spec, "results_total")),
        &t3_col_path(6),
    );
    assert_eq!(res.expected, int(18));
    assert_eq!(res.actual, int(17));
    assert_eq!(
        res.cells.first(),
        Some(&cref(spec.t3_pos("results_total", 6)))
    );
    assert!(res.cells.contains(&changed));
    assert_eq!(res.culprit, Some(changed));
}

#[test]
fn broken_column_balance_gives_bal_only() {
    let mut spec = scenario_2021();
    spec.set_t3("new_received", 1, "4")
        .set_t3("new_received", 6, "17"); // 一 商业企业 3 → 4, row total kept consistent
    let r = run(&spec);
    assert_eq!(error_rules(&r), vec!["T3.BAL", "T3.BAL"]);
    for (col, exp, act) in [(1usize, 5i64, 4i64), (6, 18, 17)] {
        let f = one(
            &r,
            "T3.BAL",
            Some(&row_path(&spec, "results_total")),
            &t3_col_path(col),
        );
        assert_eq!(f.table, Some(3));
        assert_eq!(f.expected, int(exp), "一+二−四 in column {col}");
        assert_eq!(f.actual, int(act));
        assert_eq!(
            f.cells.first(),
            Some(&cref(spec.t3_pos("results_total", col)))
        );
        for key in ["new_received", "carried_over", "carried_forward"] {
            assert!(
                f.cells.contains(&cref(spec.t3_pos(key, col))),
                "{key} is involved in T3.BAL"
            );
        }
    }
}

#[test]
fn results_without_applications_gives_zero_error() {
    let mut spec = ReportSpec::zeros_2021();
    spec.set_t3_row("granted", [0, 0, 1, 0, 0, 0]);
    spec.set_t3_row("results_total", [0, 0, 1, 0, 0, 0]);
    let r = run(&spec);
    let z: Vec<&Finding> = r.findings.iter().filter(|f| f.rule == "T3.ZERO").collect();
    assert!(
        z.iter()
            .any(|f| f.severity == Severity::Error && f.column == t3_col_path(2)),
        "T3.ZERO on 科研机构: {z:#?}"
    );
    assert!(
        !r.findings
            .iter()
            .any(|f| f.rule == "T3.ROW" || f.rule == "T3.RES"),
        "rows and results are consistent"
    );
}

// ---------------------------------------------------------------------------------------------
// Table 四

#[test]
fn broken_table4_groups_give_t4_sum() {
    for (key, text, total, exp, act) in [
        ("review.total", "4", "review.total", 3i64, 4i64),
        (
            "litigation_direct.upheld",
            "3",
            "litigation_direct.total",
            4,
            3,
        ),
        (
            "litigation_after_review.pending",
            "0",
            "litigation_after_review.total",
            1,
            2,
        ),
    ] {
        let mut spec = scenario_2021();
        spec.set_t4(key, text);
        let r = run(&spec);
        assert_eq!(error_rules(&r), vec!["T4.SUM"], "changing {key}");
        let f = one(&r, "T4.SUM", Some(&[]), &t4_col_path(t4_index(total)));
        assert_eq!(f.table, Some(4));
        assert_eq!(
            f.expected,
            int(exp),
            "{key}: expected the sum of the four results"
        );
        assert_eq!(f.actual, int(act));
        assert_eq!(
            f.cells.first(),
            Some(&cref(spec.t4_pos(total))),
            "main cell: the group's 总计"
        );
        assert!(f.cells.contains(&cref(spec.t4_pos(key))));
    }
}

// ---------------------------------------------------------------------------------------------
// Cell contents

/// One error of `rules` (any of them) on exactly the changed cell, nothing else.
fn assert_single_cell_error(
    r: &CheckResult,
    rules: &[&str],
    table: u8,
    row: &[String],
    column: &[String],
    pos: Pos,
) {
    let e = errors(r);
    assert_eq!(e.len(), 1, "exactly one error: {e:#?}");
    let f = e[0];
    assert!(
        rules.contains(&f.rule.as_str()),
        "{} is one of {rules:?}",
        f.rule
    );
    assert_eq!(f.table, Some(table));
    assert_eq!(f.row, row);
    assert_eq!(f.column, column);
    assert_eq!(f.cells.first(), Some(&cref(pos)));
    assert!(!f.message.is_empty());
}

#[test]
fn non_numbers_in_table3_are_blank_or_int_errors() {
    for (text, rules) in [
        ("", &["T3.BLANK"][..]),
        ("—", &["T3.BLANK"]),
        ("/", &["T3.BLANK"]),
        ("-", &["T3.BLANK"]),
        ("无", &["T3.BLANK"]),
        ("，", &["T3.BLANK", "T3.INT"]),
        ("abc", &["T3.INT"]),
        ("<img src=x onerror=alert(1)>", &["T3.INT"]),
    ] {
        let mut spec = scenario_2021();
        spec.set_t3("granted", 1, text);
        let r = run(&spec);
        assert_single_cell_error(
            &r,
            rules,
            3,
            &row_path(&spec, "granted"),
            &t3_col_path(1),
            spec.t3_pos("granted", 1),
        );
        let v = t3_value(&r, &spec, "granted", 1);
        assert_eq!(v.value, None, "{text:?} has no value");
        assert_eq!(v.raw, text, "raw kept as written");
    }
}

#[test]
fn non_numbers_in_table4_are_blank_or_int_errors() {
    for (text, rule) in [
        ("—", "T4.BLANK"),
        ("无", "T4.BLANK"),
        ("", "T4.BLANK"),
        ("abc", "T4.INT"),
    ] {
        let mut spec = scenario_2021();
        spec.set_t4("review.upheld", text);
        let r = run(&spec);
        assert_single_cell_error(
            &r,
            &[rule],
            4,
            &[],
            &t4_col_path(0),
            spec.t4_pos("review.upheld"),
        );
        assert_eq!(value(&r.values.table4, &[], &t4_col_path(0)).value, None);
    }
}

#[test]
fn non_numbers_in_table2_are_blank_or_int_errors() {
    for (text, rule) in [
        ("/", "T2.BLANK"),
        ("", "T2.BLANK"),
        ("abc", "T2.INT"),
        ("-3", "T2.INT"),
        ("1.5", "T2.INT"),
    ] {
        let mut spec = scenario_2021();
        spec.set_t2("行政处罚", 0, text);
        let r = run(&spec);
        assert_single_cell_error(
            &r,
            &[rule],
            2,
            &t2_row_path(&spec, "行政处罚"),
            &t2_col_path(&spec, "行政处罚", 0),
            spec.t2_pos("行政处罚", 0),
        );
    }
}

/// A bad number in table 三: the type error on the cell; any other error must be an arithmetic
/// rule involving that same cell.
fn assert_bad_count(text: &str) {
    let mut spec = scenario_2021();
    spec.set_t3("granted", 1, text);
    let r = run(&spec);
    let pos = cref(spec.t3_pos("granted", 1));
    let int_err = one(
        &r,
        "T3.INT",
        Some(&row_path(&spec, "granted")),
        &t3_col_path(1),
    );
    assert_eq!(int_err.severity, Severity::Error);
    assert_eq!(int_err.table, Some(3));
    assert_eq!(int_err.cells.first(), Some(&pos));
    for f in errors(&r) {
        if f.rule != "T3.INT" {
            assert!(
                ["T3.ROW", "T3.RES", "T3.BAL"].contains(&f.rule.as_str()) && f.cells.contains(&pos),
                "{text:?}: unrelated error {f:#?}"
            );
        }
    }
    assert_eq!(t3_value(&r, &spec, "granted", 1).raw, text);
}

#[test]
fn negative_count_is_int_error() {
    assert_bad_count("-1");
}

#[test]
fn decimal_count_is_int_error() {
    assert_bad_count("1.5");
}

#[test]
fn decimal_fee_in_2021_table2_is_fine() {
    for fee in ["7730.28", "96171.6"] {
        let mut spec = scenario_2021();
        spec.set_t2("行政事业性收费", 0, fee);
        let r = run(&spec);
        assert_no_errors(&r);
        let v = value(
            &r.values.table2,
            &t2_row_path(&spec, "行政事业性收费"),
            &strings(&["本年收费金额（单位：万元）"]),
        );
        assert_eq!(v.value, Some(Quantity::Decimal(fee.parse().unwrap())));
        assert_eq!(v.raw, fee);
    }
}

/// A number with extra text: read, used in the arithmetic, and a CELL.TEXT warning on it.
fn assert_cell_text(key: &str, col: usize, text: &str, n: i64) {
    let mut spec = scenario_2021();
    assert_eq!(
        spec.get_t3(key, col),
        n.to_string(),
        "the scenario holds {n} there"
    );
    spec.set_t3(key, col, text);
    let r = run(&spec);
    assert_no_errors(&r); // the arithmetic used the value
    let v = t3_value(&r, &spec, key, col);
    assert_eq!(v.value, int(n));
    assert_eq!(v.raw, text);
    let w = one(
        &r,
        "CELL.TEXT",
        Some(&row_path(&spec, key)),
        &t3_col_path(col),
    );
    assert_eq!(w.severity, Severity::Warning);
    assert_eq!(w.table, Some(3));
    assert_eq!(w.cells.first(), Some(&cref(spec.t3_pos(key, col))));
}

#[test]
fn full_width_digits_are_read_with_a_warning() {
    assert_cell_text("new_received", 0, "１０", 10);
}

#[test]
fn unit_in_cell_is_read_with_a_warning() {
    assert_cell_text("new_received", 1, "3件", 3);
}

#[test]
fn padded_numbers_are_plain() {
    for pad in ["\u{3000}\u{3000}", "\u{a0}", " "] {
        let mut spec = scenario_2021();
        spec.pad = Some(pad.to_string());
        let r = run(&spec);
        assert_no_errors(&r);
        assert!(
            !r.findings.iter().any(|f| f.rule == "CELL.TEXT"),
            "padding is not extra text"
        );
        let v = t3_value(&r, &spec, "results_total", 6);
        assert_eq!(v.value, int(17));
        assert_eq!(v.raw, format!("{pad}17"));
    }
}

// ---------------------------------------------------------------------------------------------
// Format and structure

#[test]
fn format_2019_with_year_2021_is_s_fmt_error() {
    let spec = scenario(Format::Format2019, 2021);
    let r = run(&spec);
    assert_eq!(error_rules(&r), vec!["S.FMT"]);
    assert_eq!(r.report.year, Some(2021));
    assert_eq!(r.report.format.as_deref(), Some("2019"));
}

#[test]
fn format_2021_with_year_2020_is_s_fmt_error() {
    let spec = scenario(Format::Format2021, 2020);
    let r = run(&spec);
    assert_eq!(error_rules(&r), vec!["S.FMT"]);
    assert_eq!(r.report.year, Some(2020));
    assert_eq!(r.report.format.as_deref(), Some("2021"));
}

#[test]
fn table3_split_in_two_tables_is_read_whole() {
    let mut spec = scenario_2021();
    spec.split_t3_after = Some(10);
    let r = run(&spec);
    assert_no_errors(&r);
    assert_all_values(&r, &spec);
    // Rows after the split live in the second physical table.
    assert_eq!(spec.t3_pos("results_total", 6).0, 2);
    assert_eq!(
        t3_value(&r, &spec, "results_total", 6).cell,
        Some(cref(spec.t3_pos("results_total", 6)))
    );
    // And the arithmetic spans both parts.
    spec.set_t3("unable_1", 0, "3");
    let r = run(&spec);
    assert_eq!(error_rules(&r), vec!["T3.RES", "T3.ROW"]);
}

#[test]
fn extra_empty_rows_are_ignored() {
    let mut spec = scenario_2021();
    spec.extra_empty_rows = true;
    let r = run(&spec);
    assert_no_errors(&r);
    assert_all_values(&r, &spec);
}

#[test]
fn cover_and_contact_tables_are_ignored() {
    let mut spec = scenario_2021();
    spec.cover_table = true;
    spec.contact_table = true;
    let r = run(&spec);
    assert_no_errors(&r);
    assert_all_values(&r, &spec);
    assert_eq!(
        spec.t3_pos("granted", 0).0,
        2,
        "table 三 is the third physical table"
    );
}

#[test]
fn header_quirks_are_tolerated() {
    let mut spec = scenario_2021();
    spec.header_breaks = true; // 商业⏎企业, 结果⏎维持
    spec.dunhao = true; // 1、属于国家秘密
    spec.t2_labels[1] = "规范性文件".to_string();
    let r = run(&spec);
    assert_no_errors(&r);
    assert_all_values(&r, &spec);
    // The label variant is T2.LABEL (a warning); T2.ROWS is kept for missing rows and columns.
    let w: Vec<&Finding> = r.findings.iter().filter(|f| f.rule == "T2.LABEL").collect();
    assert_eq!(w.len(), 1, "规范性文件 in a 2021 report: {w:#?}");
    assert_eq!(w[0].severity, Severity::Warning);
}

#[test]
fn seed004_table4_header_order_is_tolerated() {
    let mut spec = scenario_2021();
    spec.t4_header = T4Header::LeavesInOneRow;
    let r = run(&spec);
    assert_no_errors(&r);
    assert_all_values(&r, &spec);
}

#[test]
fn document_without_report_tables_is_rejected() {
    let mut spec = ReportSpec::zeros_2021();
    spec.omit_tables = vec![2, 3, 4];
    for b in [
        spec.to_bytes(),
        docx_from_body(&para_xml("关于做好2022年春节期间值班工作的通知", false)).build(),
    ] {
        let r = check_bytes(&b);
        dump(&r);
        assert_eq!(r.status, Status::Rejected);
        let rej = r.rejection.as_ref().expect("rejection");
        assert_eq!(rej.code, RejectionCode::NoReportTables);
        assert!(
            rej.message
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "Chinese message: {}",
            rej.message
        );
        assert!(r.findings.is_empty());
        assert!(r.values.table3.is_empty());
    }
}

#[test]
fn missing_table4_is_s_tables_error() {
    let mut spec = scenario_2021();
    spec.omit_tables = vec![4];
    let r = run(&spec);
    assert_eq!(error_rules(&r), vec!["S.TABLES"]);
    let f = errors(&r)[0];
    assert!(
        f.message.contains('四'),
        "names the missing table: {}",
        f.message
    );
    assert!(r.values.table4.is_empty());
    assert_eq!(r.values.table3.len(), 175, "table 三 still read");
}

#[test]
fn numbered_headings_are_sections() {
    let mut spec = scenario_2021();
    spec.numbered_headings = true;
    let r = run(&spec);
    assert_no_errors(&r);
    assert!(!r.findings.iter().any(|f| f.rule == "S.SECT"));
}

#[test]
fn missing_section_is_s_sect_error() {
    let mut spec = scenario_2021();
    spec.set_heading(4, None);
    spec.sections[4].before.clear();
    let r = run(&spec);
    assert_eq!(error_rules(&r), vec!["S.SECT"]);
    assert!(
        errors(&r)[0].message.contains("存在的主要问题及改进情况"),
        "{}",
        errors(&r)[0].message
    );
}

#[test]
fn renamed_section_is_titlevar_warning() {
    let mut spec = scenario_2021();
    spec.set_heading(4, Some("五、存在的问题及改进情况"));
    let r = run(&spec);
    assert_no_errors(&r);
    let f: Vec<&Finding> = r
        .findings
        .iter()
        .filter(|f| f.rule == "S.TITLEVAR")
        .collect();
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].severity, Severity::Warning);
}

#[test]
fn missing_date_is_s_date_warning() {
    let mut spec = scenario_2021();
    let r = run(&spec);
    assert!(!r.findings.iter().any(|f| f.rule == "S.DATE"));
    spec.date_line = None;
    let r = run(&spec);
    assert_no_errors(&r);
    assert!(r
        .findings
        .iter()
        .any(|f| f.rule == "S.DATE" && f.severity == Severity::Warning));
}

#[test]
fn two_reports_in_one_document_check_the_first() {
    let first = scenario_2021();
    let mut second = ReportSpec::zeros(Format::Format2021, 2022, "另一县卫生健康局");
    second.set_t3("granted", 0, "99"); // would be an error if it were checked
    let r = check_bytes(&multi_docx(&[first.clone(), second]).build());
    dump(&r);
    assert_no_errors(&r);
    assert!(r
        .findings
        .iter()
        .any(|f| f.rule == "S.MULTI" && f.severity == Severity::Warning));
    assert_eq!(r.report.agency.as_deref(), Some("某某县卫生健康局"));
    assert_eq!(r.report.year, Some(2021));
    assert_all_values(&r, &first);
}

// ---------------------------------------------------------------------------------------------
// Warnings and more real-world quirks

/// A consistent report whose 20 applications end in 15 予以公开 and `other` 其他.
fn other_scenario(format: Format, other: i64) -> ReportSpec {
    let mut spec = ReportSpec::zeros(
        format,
        if format == Format::Format2021 {
            2021
        } else {
            2020
        },
        "某某县卫生健康局",
    );
    spec.set_t3_row("new_received", [20, 0, 0, 0, 0, 0]);
    spec.set_t3_row("granted", [20 - other, 0, 0, 0, 0, 0]);
    let key = if format == Format::Format2021 {
        "other_3"
    } else {
        "other"
    };
    spec.set_t3_row(key, [other, 0, 0, 0, 0, 0]);
    spec.set_t3_row("results_total", [20, 0, 0, 0, 0, 0]);
    spec
}

#[test]
fn high_other_share_is_t3_other_warning() {
    for format in [Format::Format2021, Format::Format2019] {
        let spec = other_scenario(format, 5); // 25 % of 20, and ≥ 5
        let r = run(&spec);
        assert_no_errors(&r);
        let key = if format == Format::Format2021 {
            "other_3"
        } else {
            "other"
        };
        let w: Vec<&Finding> = r.findings.iter().filter(|f| f.rule == "T3.OTHER").collect();
        assert_eq!(w.len(), 1, "{format:?}: {w:#?}");
        assert_eq!(w[0].severity, Severity::Warning);
        assert_eq!(w[0].row, row_path(&spec, key));

        let spec = other_scenario(format, 4); // below 5
        let r = run(&spec);
        assert_no_errors(&r);
        assert!(
            !r.findings.iter().any(|f| f.rule == "T3.OTHER"),
            "{format:?}: 4 of 20 is not flagged"
        );
    }
}

#[test]
fn made_more_than_valid_is_t2_validge_warning() {
    let mut spec = scenario_2021();
    spec.set_t2("行政规范性文件", 0, "3")
        .set_t2("行政规范性文件", 1, "0")
        .set_t2("行政规范性文件", 2, "2");
    let r = run(&spec);
    assert_no_errors(&r);
    let w: Vec<&Finding> = r
        .findings
        .iter()
        .filter(|f| f.rule == "T2.VALIDGE")
        .collect();
    assert_eq!(w.len(), 1, "{w:#?}");
    assert_eq!(w[0].severity, Severity::Warning);
    assert_eq!(w[0].table, Some(2));
    // With a repeal in the same year it is plausible.
    spec.set_t2("行政规范性文件", 1, "1");
    let r = run(&spec);
    assert!(!r.findings.iter().any(|f| f.rule == "T2.VALIDGE"));
}

#[test]
fn new_published_above_total_is_t2_new19_warning() {
    let mut spec = scenario(Format::Format2019, 2020);
    spec.set_t2("规范性文件", 1, "20"); // 本年新公开数量 20 > 对外公开总数量 15
    let r = run(&spec);
    assert_no_errors(&r);
    let w: Vec<&Finding> = r.findings.iter().filter(|f| f.rule == "T2.NEW19").collect();
    assert_eq!(w.len(), 1, "{w:#?}");
    assert_eq!(w[0].severity, Severity::Warning);
}

#[test]
fn text_says_none_but_table_has_applications_is_tx_none_error() {
    // The sentence states this year's count (none) of exactly what 一 holds: two different
    // numbers for one fact (spec §2.4).
    let mut spec = scenario_2021();
    spec.sections[0]
        .before
        .push("2021年，本机关未收到政府信息公开申请。".to_string());
    let r = run(&spec);
    assert_eq!(error_rules(&r), vec!["TX.NONE"]);
    let mut zeros = ReportSpec::zeros_2021();
    zeros.sections[0]
        .before
        .push("2021年，本机关未收到政府信息公开申请。".to_string());
    let r = run(&zeros);
    assert!(
        !r.findings.iter().any(|f| f.rule == "TX.NONE"),
        "consistent with 一 = 0"
    );
}

#[test]
fn missing_corner_note_is_t3_note_warning() {
    let mut spec = scenario_2021();
    spec.t3_corner = String::new();
    let r = run(&spec);
    assert_no_errors(&r);
    assert_all_values(&r, &spec);
    let w: Vec<&Finding> = r.findings.iter().filter(|f| f.rule == "T3.NOTE").collect();
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].severity, Severity::Warning);
}

#[test]
fn thousands_separator_is_read_with_a_warning() {
    let mut spec = scenario_2021();
    spec.set_t2("行政许可", 0, "1,234");
    let r = run(&spec);
    assert_no_errors(&r);
    let v = value(
        &r.values.table2,
        &t2_row_path(&spec, "行政许可"),
        &strings(&["本年处理决定数量"]),
    );
    assert_eq!(v.value, int(1234));
    let w = one(
        &r,
        "CELL.TEXT",
        Some(&t2_row_path(&spec, "行政许可")),
        &strings(&["本年处理决定数量"]),
    );
    assert_eq!(w.severity, Severity::Warning);
    assert_eq!(w.cells.first(), Some(&cref(spec.t2_pos("行政许可", 0))));
}

#[test]
fn huge_number_is_an_int_error_not_a_panic() {
    let mut spec = scenario_2021();
    spec.set_t3("granted", 1, "99999999999999999999999");
    let r = run(&spec);
    let f = one(
        &r,
        "T3.INT",
        Some(&row_path(&spec, "granted")),
        &t3_col_path(1),
    );
    assert_eq!(f.severity, Severity::Error);
}

#[test]
fn year_2019_delta_written_with_sign_or_words() {
    for (text, n) in [("-3", -3i64), ("+2", 2), ("减3", -3)] {
        let mut spec = scenario(Format::Format2019, 2020);
        spec.set_t2("行政处罚", 1, text);
        let r = run(&spec);
        assert_no_errors(&r);
        let v = value(
            &r.values.table2,
            &t2_row_path(&spec, "行政处罚"),
            &strings(&["本年增/减"]),
        );
        assert_eq!(v.value, int(n), "本年增/减 {text:?}");
    }
}

#[test]
fn label_with_stray_space_is_matched() {
    let mut spec = scenario_2021();
    let i = spec.t3_row("not_processed_4");
    spec.t3_labels[i][2] = "4.无正当理由大量反复 申请".to_string();
    spec.set_t3_row("not_processed_4", [1, 0, 0, 0, 0, 0]);
    spec.set_t3_row("results_total", [12, 4, 0, 1, 0, 1]);
    spec.set_t3_row("new_received", [11, 3, 0, 1, 0, 2]);
    let r = run(&spec);
    assert_no_errors(&r);
    assert_all_values(&r, &spec);
}

#[test]
fn wrong_addend_in_2019_other_row() {
    let mut spec = scenario(Format::Format2019, 2020);
    spec.set_t3("other", 1, "1"); // 商业企业 0 → 1, row total 1 kept
    let r = run(&spec);
    assert_eq!(error_rules(&r), vec!["T3.RES", "T3.ROW"]);
    let changed = cref(spec.t3_pos("other", 1));
    let row = one(
        &r,
        "T3.ROW",
        Some(&strings(&["三、本年度办理结果", "（六）其他处理"])),
        &t3_col_path(6),
    );
    assert_eq!(row.expected, int(2));
    assert_eq!(row.actual, int(1));
    assert_eq!(row.culprit, Some(changed));
    let res = one(
        &r,
        "T3.RES",
        Some(&row_path(&spec, "results_total")),
        &t3_col_path(1),
    );
    assert_eq!(res.expected, int(5));
    assert_eq!(res.actual, int(4));
    assert_eq!(res.culprit, Some(changed));
}

#[test]
fn missing_table2_or_table3_is_s_tables_error() {
    for kind in [2u8, 3] {
        let mut spec = scenario_2021();
        spec.omit_tables = vec![kind];
        let r = run(&spec);
        assert_eq!(error_rules(&r), vec!["S.TABLES"], "table {kind} omitted");
        assert_eq!(errors(&r)[0].table, Some(kind));
        if kind == 3 {
            assert!(r.values.table3.is_empty());
            assert_eq!(r.values.table4.len(), 15);
        } else {
            assert!(r.values.table2.is_empty());
            assert_eq!(r.values.table3.len(), 175);
        }
    }
}

#[test]
fn report_without_title_takes_agency_and_year_from_text() {
    let mut spec = scenario_2021();
    spec.title = false;
    spec.preface.clear();
    let r = run(&spec);
    assert_no_errors(&r);
    assert_eq!(
        r.report.agency.as_deref(),
        Some("某某县卫生健康局"),
        "agency from the signature"
    );
    assert_eq!(
        r.report.year,
        Some(2021),
        "year from section 一 (\"2021年，…\") / the date 2022年1月20日"
    );
}

#[test]
fn seed_style_blank_results_in_2021_report() {
    let mut spec = ReportSpec::zeros_2021();
    for key in ["granted", "partially_granted", "results_total"] {
        for c in 0..7 {
            spec.set_t3(key, c, "\u{a0}");
        }
    }
    let r = run(&spec);
    assert_eq!(
        r.findings.iter().filter(|f| f.rule == "T3.BLANK").count(),
        21
    );
    assert!(
        errors(&r).iter().all(|f| f.rule == "T3.BLANK"),
        "nothing computed from blanks"
    );
}

#[test]
fn numbered_headings_via_style_are_sections() {
    let mut spec = scenario_2021();
    spec.numbered_headings = true;
    spec.numbered_via_style = true;
    let r = run(&spec);
    assert_no_errors(&r);
    assert!(!r.findings.iter().any(|f| f.rule == "S.SECT"));
}

#[test]
fn table3_split_without_repeated_header_is_read_whole() {
    let mut spec = scenario_2021();
    spec.split_t3_after = Some(12);
    spec.split_without_header = true;
    let r = run(&spec);
    assert_no_errors(&r);
    assert_all_values(&r, &spec);
    assert_eq!(
        spec.t3_pos("unable_1", 0),
        (2, 0, 3),
        "continuation table starts with the data row"
    );
}

#[test]
fn note_row_under_table4_is_ignored() {
    let mut spec = scenario_2021();
    spec.t4_note_row = Some(NOTE.to_string());
    let r = run(&spec);
    assert_no_errors(&r);
    assert_all_values(&r, &spec);
}

/// The counting rule of 30号 一（四） as a note row under table 四 (it names 行政复议 and
/// 行政诉讼, like the group headers).
#[test]
fn counting_rule_note_row_under_table4_is_ignored() {
    let mut spec = scenario_2021();
    spec.t4_note_row = Some("注：行政复议机关作为共同被告的行政诉讼案件，只计算原行为主体的案件数量，不计算行政复议机关的案件数量。".to_string());
    let r = run(&spec);
    assert_no_errors(&r);
    assert_all_values(&r, &spec);
}

#[test]
fn notice_item_titles_are_valid_headings() {
    // formats-and-checks.md §1.2: the notices' own item titles are equally valid.
    let mut spec = scenario_2021();
    spec.set_heading(1, Some("二、行政机关主动公开政府信息情况"));
    spec.set_heading(2, Some("三、行政机关收到和处理政府信息公开申请情况"));
    spec.set_heading(
        3,
        Some("四、因政府信息公开工作被申请行政复议、提起行政诉讼情况"),
    );
    spec.set_heading(4, Some("五、政府信息公开工作存在的主要问题及改进情况"));
    let r = run(&spec);
    assert_no_errors(&r);
    let tv: Vec<&Finding> = r
        .findings
        .iter()
        .filter(|f| f.rule == "S.TITLEVAR")
        .collect();
    assert!(
        tv.is_empty(),
        "valid alternative titles are not variants: {tv:#?}"
    );
}

#[test]
fn tx_none_phrasings_of_the_seeds() {
    for phrase in [
        "2021年，本单位未收到政府信息公开申请。",
        "2021年，我局没有接到政府信息公开申请。",
        "2021年度我局无依申请公开内容。",
    ] {
        let mut spec = scenario_2021();
        spec.sections[0].before.push(phrase.to_string());
        let r = run(&spec);
        assert_eq!(error_rules(&r), vec!["TX.NONE"], "TX.NONE for {phrase}");
    }
}

const NOTE: &str = "注：本表数据统计截至2021年12月31日。";

#[test]
fn mixed_format_signals_are_one_s_hybrid_warning() {
    // 2021 table 二, but table 三 with a single （六）其他处理 row (2019): a hybrid seen in real
    // reports. The numbers still reconcile, so it is one warning naming the piece (issue 9),
    // not an S.FMT error.
    let mut spec = scenario_2021();
    let t3_2019 = scenario(Format::Format2019, 2021);
    spec.t3_format = Some(Format::Format2019);
    spec.table3 = t3_2019.table3.clone();
    spec.t3_labels = t3_2019.t3_labels.clone();
    let r = run(&spec);
    assert!(
        !r.findings.iter().any(|f| f.rule == "S.FMT"),
        "no S.FMT: {:#?}",
        r.findings
    );
    let f: Vec<&Finding> = r.findings.iter().filter(|f| f.rule == "S.HYBRID").collect();
    assert_eq!(f.len(), 1, "{:#?}", r.findings);
    assert!(
        f[0].severity == Severity::Warning
            && f[0].message.contains("表三")
            && f[0].message.contains("（六）其他处理"),
        "one S.HYBRID naming the piece: {f:#?}"
    );
    assert_eq!(r.report.format.as_deref(), Some("2021"));
    assert!(
        !r.findings
            .iter()
            .any(|f| ["T3.ROW", "T3.RES", "T3.BAL"].contains(&f.rule.as_str())),
        "the consistent table 三 is still checked as consistent"
    );
    // Table 二 is a complete 2021 table 二: it is read as one, not reported as missing every
    // 2019 row and column.
    let t2_rows: Vec<&Finding> = errors(&r)
        .into_iter()
        .filter(|f| f.rule == "T2.ROWS")
        .collect();
    assert!(
        t2_rows.is_empty(),
        "no T2.ROWS cascade on a complete 2021 table 二: {} errors",
        t2_rows.len()
    );
    assert_eq!(
        r.values.table2.len(),
        10,
        "table 二 values read with its own (2021) layout"
    );
}

#[test]
fn no_year_anywhere_is_s_noyear_error() {
    let mut spec = scenario_2021();
    spec.title = false;
    spec.preface.clear();
    spec.sections[0].before[0] =
        "本机关认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政务公开工作。".to_string();
    spec.sections[5].before[0] = "本机关本年度未收取政府信息公开信息处理费。".to_string();
    spec.date_line = None;
    let r = run(&spec);
    assert_eq!(r.status, Status::Checked);
    assert_eq!(r.report.year, None);
    assert_eq!(r.report.format.as_deref(), Some("2021"));
    assert!(
        r.findings
            .iter()
            .any(|f| f.rule == "S.NOYEAR" && f.severity == Severity::Error),
        "no report year found (S.NOYEAR, split from S.YEAR): {:#?}",
        r.findings
    );
    assert!(
        !errors(&r).iter().any(|f| f.rule.as_str().starts_with("T")),
        "tables are still consistent"
    );
}

#[test]
fn every_quirk_at_once() {
    let mut spec = scenario_2021();
    spec.split_t3_after = Some(7);
    spec.extra_empty_rows = true;
    spec.cover_table = true;
    spec.contact_table = true;
    spec.header_breaks = true;
    spec.dunhao = true;
    spec.pad = Some("\u{3000}".to_string());
    spec.t4_header = T4Header::LeavesInOneRow;
    spec.numbered_headings = true;
    let r = run(&spec);
    assert_no_errors(&r);
    assert_eq!(r.values.table3.len(), 175);
    assert_eq!(t3_value(&r, &spec, "results_total", 6).value, int(17));
    assert_eq!(value(&r.values.table4, &[], &t4_col_path(14)).value, int(2));
    // A wrong addend after the split still names the right cells.
    spec.set_t3("not_processed_2", 0, "2");
    let r = run(&spec);
    assert_eq!(error_rules(&r), vec!["T3.RES", "T3.ROW"]);
    let changed = cref(spec.t3_pos("not_processed_2", 0));
    assert_eq!(
        changed.table, 3,
        "cover table, table 二, first part of table 三, then the second part"
    );
    let row = one(
        &r,
        "T3.ROW",
        Some(&row_path(&spec, "not_processed_2")),
        &t3_col_path(6),
    );
    assert_eq!(row.culprit, Some(changed));
    assert_eq!(
        row.cells.first(),
        Some(&cref(spec.t3_pos("not_processed_2", 6)))
    );
}
