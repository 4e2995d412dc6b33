//! The rule catalogue. Every rule is a small documented unit: a stable id, a severity, a
//! Chinese title, what it checks and why, an example, and a function that reads the
//! recognised [`Report`] and emits findings. `docs/rules.md` is generated from this catalogue
//! (`nianbao rules`), and a test keeps it in sync.

use crate::finding::{CellRef, Finding, Quantity, Severity};
use crate::formats::{self, Format, T2Kind, T3_COLUMNS, T3_ROWS, T3_TOTAL_COL, T4_COLUMNS, T4_GROUPS};
use crate::normalize::{norm, trim_blank, HeadingNumber};
use crate::report::{self, NumCell, Report};
use crate::value::Reading;
use serde::Serialize;

/// The documentation of a rule.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct RuleInfo {
    pub id: &'static str,
    pub severity: Severity,
    /// Short Chinese title.
    pub title: &'static str,
    /// What the rule checks (Chinese).
    pub checks: &'static str,
    /// Why: the official source or the reasoning (Chinese).
    pub why: &'static str,
    /// An example of a finding (Chinese).
    pub example: &'static str,
}

/// A rule: its documentation and its check.
pub struct Rule {
    pub info: RuleInfo,
    run: fn(&Report, &mut Sink),
}

/// A linear identity over cells: Σ coef·value = 0 when the rule holds. Kept for each failed
/// arithmetic finding so that a cell breaking several identities can be named the culprit.
#[derive(Debug, Clone)]
struct Equation {
    terms: Vec<(CellRef, i64, i64)>,
}

impl Equation {
    fn residual(&self) -> i64 {
        self.terms.iter().map(|(_, coef, v)| coef * v).sum()
    }
}

/// Collects findings (and, for arithmetic rules, their identities).
#[derive(Default)]
struct Sink {
    findings: Vec<Finding>,
    equations: Vec<(usize, Equation)>,
}

impl Sink {
    fn push(&mut self, f: Finding) {
        self.findings.push(f);
    }
    fn push_eq(&mut self, f: Finding, eq: Equation) {
        self.equations.push((self.findings.len(), eq));
        self.findings.push(f);
    }
}

fn finding(info: &RuleInfo, message: String) -> Finding {
    Finding {
        rule: info.id,
        severity: info.severity,
        message,
        table: None,
        row: Vec::new(),
        column: Vec::new(),
        expected: None,
        actual: None,
        cells: Vec::new(),
        culprit: None,
    }
}

/// Runs every rule of the catalogue on the report, then names likely culprit cells.
pub fn run_all(report: &Report) -> Vec<Finding> {
    let mut sink = Sink::default();
    for rule in catalogue() {
        (rule.run)(report, &mut sink);
    }
    attach_culprits(report, &mut sink);
    let mut findings = sink.findings;
    // Errors first, then by table, keeping each rule's own order.
    findings.sort_by_key(|f| (f.severity, f.table.unwrap_or(0)));
    findings
}

/// Looks up a rule by id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    catalogue().iter().find(|r| r.info.id == id)
}

fn info(id: &str) -> &'static RuleInfo {
    match rule(id) {
        Some(r) => &r.info,
        None => &UNKNOWN,
    }
}

const UNKNOWN: RuleInfo = RuleInfo { id: "UNKNOWN", severity: Severity::Warning, title: "", checks: "", why: "", example: "" };

// ------------------------------------------------------------------ labels for messages

fn t3_row_name(i: usize) -> String {
    let Some(def) = T3_ROWS.get(i) else { return String::new() };
    match def.path {
        [one] => one.to_string(),
        [_, leaf] => leaf.to_string(),
        [_, group, leaf] => format!("{group}{leaf}"),
        _ => def.key.to_string(),
    }
}

fn t3_col_name(c: usize) -> &'static str {
    T3_COLUMNS.get(c).copied().unwrap_or("")
}

fn t3_row_path(i: usize) -> Vec<String> {
    T3_ROWS.get(i).map(|d| d.path.iter().map(|s| s.to_string()).collect()).unwrap_or_default()
}

fn t4_name(k: usize) -> String {
    T4_COLUMNS.get(k).map(|(_, p)| p.join("·")).unwrap_or_default()
}

fn t4_path(k: usize) -> Vec<String> {
    T4_COLUMNS.get(k).map(|(_, p)| p.iter().map(|s| s.to_string()).collect()).unwrap_or_default()
}

/// Rows of table 三 that the report's format has.
fn t3_rows_of(format: Format) -> impl Iterator<Item = (usize, &'static formats::T3Row)> {
    T3_ROWS.iter().enumerate().filter(move |(_, r)| match format {
        Format::F2021 => r.in_2021,
        Format::F2019 => r.in_2019,
    })
}

fn t3_cell(report: &Report, row: usize, col: usize) -> Option<&NumCell> {
    report.t3.as_ref()?.rows.get(row)?.as_ref()?.get(col)?.as_ref()
}

fn t3_int(report: &Report, row: usize, col: usize) -> Option<(i64, CellRef)> {
    let c = t3_cell(report, row, col)?;
    Some((c.int()?, c.cell))
}

fn idx(key: &str) -> usize {
    formats::t3_row_index(key).unwrap_or(usize::MAX)
}

// ------------------------------------------------------------------ table 三 arithmetic

fn t3_row_totals(report: &Report, sink: &mut Sink) {
    let info = info("T3.ROW");
    for (i, _) in t3_rows_of(report.t3_format()) {
        let Some((total, total_ref)) = t3_int(report, i, T3_TOTAL_COL) else { continue };
        let addends: Option<Vec<(i64, CellRef)>> = (0..T3_TOTAL_COL).map(|c| t3_int(report, i, c)).collect();
        let Some(addends) = addends else { continue };
        let sum: i64 = addends.iter().map(|(v, _)| v).sum();
        if sum == total {
            continue;
        }
        let terms: Vec<String> = addends.iter().map(|(v, _)| v.to_string()).collect();
        let mut f = finding(info, format!("「{}」行：总计应为 {sum}（{}），实为 {total}", t3_row_name(i), terms.join("+")));
        f.table = Some(3);
        f.row = t3_row_path(i);
        f.column = formats::t3_column_path(T3_TOTAL_COL);
        f.expected = Some(Quantity::Int(sum));
        f.actual = Some(Quantity::Int(total));
        f.cells = std::iter::once(total_ref).chain(addends.iter().map(|(_, r)| *r)).collect();
        let mut eq = vec![(total_ref, 1, total)];
        eq.extend(addends.iter().map(|(v, r)| (*r, -1, *v)));
        sink.push_eq(f, Equation { terms: eq });
    }
}

fn t3_column_balance(report: &Report, sink: &mut Sink) {
    let info = info("T3.BAL");
    for c in 0..T3_COLUMNS.len() {
        let (Some(a), Some(b), Some(t), Some(d)) = (
            t3_int(report, idx("new_received"), c),
            t3_int(report, idx("carried_over"), c),
            t3_int(report, idx("results_total"), c),
            t3_int(report, idx("carried_forward"), c),
        ) else {
            continue;
        };
        if a.0 + b.0 == t.0 + d.0 {
            continue;
        }
        let mut f = finding(
            info,
            format!(
                "「{}」列：第一项加第二项之和（{}+{}={}）应等于第三项（七）总计加第四项之和（{}+{}={}）；按此（七）总计应为 {}，实为 {}",
                t3_col_name(c),
                a.0,
                b.0,
                a.0 + b.0,
                t.0,
                d.0,
                t.0 + d.0,
                a.0 + b.0 - d.0,
                t.0
            ),
        );
        f.table = Some(3);
        f.row = t3_row_path(idx("results_total"));
        f.column = formats::t3_column_path(c);
        f.expected = Some(Quantity::Int(a.0 + b.0 - d.0));
        f.actual = Some(Quantity::Int(t.0));
        f.cells = vec![t.1, a.1, b.1, d.1];
        let eq = Equation { terms: vec![(a.1, 1, a.0), (b.1, 1, b.0), (t.1, -1, t.0), (d.1, -1, d.0)] };
        sink.push_eq(f, eq);
    }
}

fn t3_results_total(report: &Report, sink: &mut Sink) {
    let info = info("T3.RES");
    let format = report.t3_format();
    let total_row = idx("results_total");
    for c in 0..T3_COLUMNS.len() {
        let Some((total, total_ref)) = t3_int(report, total_row, c) else { continue };
        let parts: Option<Vec<(usize, i64, CellRef)>> =
            t3_rows_of(format).filter(|(_, r)| r.result).map(|(i, _)| t3_int(report, i, c).map(|(v, r)| (i, v, r))).collect();
        let Some(parts) = parts else { continue };
        let sum: i64 = parts.iter().map(|(_, v, _)| v).sum();
        if sum == total {
            continue;
        }
        let nonzero: Vec<String> = parts.iter().filter(|(_, v, _)| *v != 0).map(|(i, v, _)| format!("{} {v}", t3_row_name(*i))).collect();
        let detail = if nonzero.is_empty() { "各项办理结果均为 0".to_string() } else { nonzero.join(" + ") };
        let mut f = finding(info, format!("「{}」列：（七）总计应为各项办理结果之和 {sum}（{detail}），实为 {total}", t3_col_name(c)));
        f.table = Some(3);
        f.row = t3_row_path(total_row);
        f.column = formats::t3_column_path(c);
        f.expected = Some(Quantity::Int(sum));
        f.actual = Some(Quantity::Int(total));
        f.cells = std::iter::once(total_ref).chain(parts.iter().map(|(_, _, r)| *r)).collect();
        let mut eq = vec![(total_ref, 1, total)];
        eq.extend(parts.iter().map(|(_, v, r)| (*r, -1, *v)));
        sink.push_eq(f, Equation { terms: eq });
    }
}

fn t3_zero_intake(report: &Report, sink: &mut Sink) {
    let info = info("T3.ZERO");
    let format = report.t3_format();
    for c in 0..T3_COLUMNS.len() {
        let (Some(a), Some(b)) = (t3_int(report, idx("new_received"), c), t3_int(report, idx("carried_over"), c)) else { continue };
        if a.0 != 0 || b.0 != 0 {
            continue;
        }
        let positive: Vec<(usize, i64, CellRef)> =
            t3_rows_of(format).filter(|(_, r)| r.result).filter_map(|(i, _)| t3_int(report, i, c).map(|(v, r)| (i, v, r))).filter(|(_, v, _)| *v > 0).collect();
        let Some(&(first, v, r)) = positive.first() else { continue };
        let n: i64 = positive.iter().map(|(_, v, _)| v).sum();
        let mut f = finding(
            info,
            format!("「{}」列：本年新收和上年结转均为 0，但办理结果中有 {n} 件（如「{}」{v} 件）；没有申请就不会有办理结果，请核对是否复制了其他单位或年度的表格", t3_col_name(c), t3_row_name(first)),
        );
        f.table = Some(3);
        f.row = t3_row_path(first);
        f.column = formats::t3_column_path(c);
        f.expected = Some(Quantity::Int(0));
        f.actual = Some(Quantity::Int(v));
        f.cells = std::iter::once(r).chain(positive.iter().skip(1).map(|(_, _, r)| *r)).collect();
        sink.push(f);
    }
}

fn t3_completeness(report: &Report, sink: &mut Sink) {
    let info = info("T3.ROWS");
    let Some(t3) = &report.t3 else { return };
    for (i, def) in t3_rows_of(report.t3_format()) {
        if t3.rows.get(i).is_some_and(|r| r.is_none()) {
            let mut f = finding(info, format!("表三缺少「{}」行（或该行标题无法识别），该行数据无法检查", def.path.join("·")));
            f.table = Some(3);
            f.row = t3_row_path(i);
            sink.push(f);
        }
    }
    for (c, found) in t3.columns_found.iter().enumerate() {
        if !found {
            let mut f = finding(info, format!("表三缺少「{}」列（或列标题无法识别），已按表格位置推断", t3_col_name(c)));
            f.table = Some(3);
            f.column = formats::t3_column_path(c);
            sink.push(f);
        }
    }
    // The other format's rows found in this report.
    for (i, def) in T3_ROWS.iter().enumerate() {
        let belongs = match report.t3_format() {
            Format::F2021 => def.in_2021,
            Format::F2019 => def.in_2019,
        };
        if !belongs && t3.rows.get(i).is_some_and(|r| r.is_some()) {
            let mut f = finding(info, format!("表三出现了不属于{}的行「{}」，该行未计入检查", report.t3_format().label(), def.path.join("·")));
            f.table = Some(3);
            f.row = t3_row_path(i);
            sink.push(f);
        }
    }
}

fn t3_note(report: &Report, sink: &mut Sink) {
    if report.t3.as_ref().is_some_and(|t| !t.has_note) {
        let mut f = finding(info("T3.NOTE"), "表三左上角缺少勾稽关系说明“（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）”，表格可能被改动过".to_string());
        f.table = Some(3);
        sink.push(f);
    }
}

fn t3_other_share(report: &Report, sink: &mut Sink) {
    let key = match report.t3_format() {
        Format::F2021 => "other_3",
        Format::F2019 => "other",
    };
    let (Some((other, r)), Some((total, _))) = (t3_int(report, idx(key), T3_TOTAL_COL), t3_int(report, idx("results_total"), T3_TOTAL_COL)) else { return };
    if other >= 5 && total > 0 && other * 10 > total {
        let mut f = finding(
            info("T3.OTHER"),
            format!("「{}」有 {other} 件，占办理结果总计 {total} 件的 {}%；原则上申请都应按法定方式处理，“其他处理”偏高时主管部门会了解情况，请确认并在正文说明", t3_row_name(idx(key)), (other * 100 + total / 2) / total),
        );
        f.table = Some(3);
        f.row = t3_row_path(idx(key));
        f.column = formats::t3_column_path(T3_TOTAL_COL);
        f.actual = Some(Quantity::Int(other));
        f.cells = vec![r];
        sink.push(f);
    }
}

// ------------------------------------------------------------------ table 四

fn t4_cell(report: &Report, k: usize) -> Option<&NumCell> {
    report.t4.as_ref()?.cells.get(k)?.as_ref()
}

fn t4_sums(report: &Report, sink: &mut Sink) {
    let info = info("T4.SUM");
    for (start, name) in T4_GROUPS {
        let vals: Option<Vec<(i64, CellRef)>> = (start..start + 5).map(|k| t4_cell(report, k).and_then(|c| Some((c.int()?, c.cell)))).collect();
        let Some(&[a, b, c, d, t]) = vals.as_deref() else { continue };
        let sum = a.0 + b.0 + c.0 + d.0;
        if sum == t.0 {
            continue;
        }
        let mut f = finding(info, format!("{name}：总计应为 {sum}（结果维持 {}+结果纠正 {}+其他结果 {}+尚未审结 {}），实为 {}", a.0, b.0, c.0, d.0, t.0));
        f.table = Some(4);
        f.column = t4_path(start + 4);
        f.expected = Some(Quantity::Int(sum));
        f.actual = Some(Quantity::Int(t.0));
        f.cells = vec![t.1, a.1, b.1, c.1, d.1];
        let eq = Equation { terms: vec![(t.1, 1, t.0), (a.1, -1, a.0), (b.1, -1, b.0), (c.1, -1, c.0), (d.1, -1, d.0)] };
        sink.push_eq(f, eq);
    }
}

fn t4_completeness(report: &Report, sink: &mut Sink) {
    let Some(t4) = &report.t4 else { return };
    for k in 0..T4_COLUMNS.len() {
        if t4.cells.get(k).is_none_or(|c| c.is_none()) {
            let mut f = finding(info("T4.COLS"), format!("表四缺少「{}」栏（或标题无法识别），该栏无法检查", t4_name(k)));
            f.table = Some(4);
            f.column = t4_path(k);
            sink.push(f);
        }
    }
}

// ------------------------------------------------------------------ table 二

fn t2_completeness(report: &Report, sink: &mut Sink) {
    let Some(t2) = &report.t2 else { return };
    let format = report.t2_format();
    let info = info("T2.ROWS");
    for row in formats::t2_rows(format) {
        let entries: Vec<&report::T2Entry> = t2.entries.iter().filter(|e| report::t2_row_official(format, e.row) == row.label).collect();
        if entries.is_empty() {
            let mut f = finding(info, format!("表二缺少「{}」行（或标题无法识别），该行无法检查", row.label));
            f.table = Some(2);
            f.row = vec![row.caption.to_string(), row.label.to_string()];
            sink.push(f);
            continue;
        }
        for (col, _) in row.columns {
            if !entries.iter().any(|e| e.column == *col) {
                let mut f = finding(info, format!("表二「{}」行缺少「{col}」栏（或列标题与{}不符）", row.label, format.label()));
                f.table = Some(2);
                f.row = vec![row.caption.to_string(), row.label.to_string()];
                f.column = vec![col.to_string()];
                sink.push(f);
            }
        }
        if let Some(e) = entries.first() {
            let written = norm(&e.row_text);
            if written != norm(row.label) && norm(row.label).contains("规范性文件") {
                let mut f = finding(info, format!("表二行标题写作「{}」，{}的标题是「{}」", e.row_text, format.label(), row.label));
                f.severity = Severity::Warning;
                f.table = Some(2);
                f.row = vec![row.caption.to_string(), row.label.to_string()];
                f.actual = Some(Quantity::Text(e.row_text.clone()));
                f.expected = Some(Quantity::Text(row.label.to_string()));
                f.cells = vec![CellRef { table: e.value.cell.table, row: e.value.cell.row, col: 0 }];
                sink.push(f);
            }
        }
    }
}

fn t2_get_int(report: &Report, row: &str, col: &str) -> Option<(i64, CellRef)> {
    let e = report.t2.as_ref()?.get(report.t2_format(), row, col)?;
    Some((e.value.int()?, e.value.cell))
}

fn t2_made_vs_valid(report: &Report, sink: &mut Sink) {
    if report.t2_format() != Format::F2021 {
        return;
    }
    for row in ["规章", "行政规范性文件"] {
        let (Some(made), Some(repealed), Some(valid)) =
            (t2_get_int(report, row, "本年制发件数"), t2_get_int(report, row, "本年废止件数"), t2_get_int(report, row, "现行有效件数"))
        else {
            continue;
        };
        if made.0 > valid.0 && repealed.0 == 0 {
            let mut f = finding(info("T2.VALIDGE"), format!("表二「{row}」：本年制发 {} 件，现行有效却只有 {} 件，而本年废止为 0；现行有效件数是 12 月 31 日的存量，应不少于本年制发件数（除非有文件修订或自然失效）", made.0, valid.0));
            f.table = Some(2);
            f.row = vec!["第二十条第（一）项".to_string(), row.to_string()];
            f.column = vec!["现行有效件数".to_string()];
            f.expected = Some(Quantity::Int(made.0));
            f.actual = Some(Quantity::Int(valid.0));
            f.cells = vec![valid.1, made.1, repealed.1];
            sink.push(f);
        }
    }
}

fn t2_new_vs_total_2019(report: &Report, sink: &mut Sink) {
    if report.t2_format() != Format::F2019 {
        return;
    }
    for row in ["规章", "规范性文件"] {
        let (Some(new), Some(total)) = (t2_get_int(report, row, "本年新公开数量"), t2_get_int(report, row, "对外公开总数量")) else { continue };
        if new.0 > total.0 {
            let mut f = finding(info("T2.NEW19"), format!("表二「{row}」：本年新公开 {} 件，多于对外公开总数量 {} 件", new.0, total.0));
            f.table = Some(2);
            f.row = vec!["第二十条第（一）项".to_string(), row.to_string()];
            f.column = vec!["对外公开总数量".to_string()];
            f.expected = Some(Quantity::Int(new.0));
            f.actual = Some(Quantity::Int(total.0));
            f.cells = vec![total.1, new.1];
            sink.push(f);
        }
    }
}

// ------------------------------------------------------------------ cell values

#[derive(Clone, Copy, PartialEq, Eq)]
enum CellCheck {
    Blank,
    Int,
    Text,
}

/// Every number cell of the report with its table, official labels and expected kind.
/// Where a number cell sits in the report, from which its official labels are made (only
/// when a finding needs them).
#[derive(Clone, Copy)]
enum Place {
    T2(&'static formats::T2Row, &'static str),
    T3(usize, usize),
    T4(usize),
}

impl Place {
    fn row(self) -> Vec<String> {
        match self {
            Place::T2(row, _) => vec![row.caption.to_string(), row.label.to_string()],
            Place::T3(i, _) => t3_row_path(i),
            Place::T4(_) => Vec::new(),
        }
    }
    fn column(self) -> Vec<String> {
        match self {
            Place::T2(_, col) => vec![col.to_string()],
            Place::T3(_, c) => formats::t3_column_path(c),
            Place::T4(k) => t4_path(k),
        }
    }
    /// Chinese description, e.g. 表三「（一）予以公开」行「自然人」列.
    fn describe(self) -> String {
        match self {
            Place::T2(row, col) => format!("表二「{}」行「{col}」列", row.label),
            Place::T3(i, c) => format!("表三「{}」行「{}」列", T3_ROWS.get(i).and_then(|d| d.path.last()).copied().unwrap_or(""), t3_col_name(c)),
            Place::T4(k) => format!("表四「{}」", t4_name(k)),
        }
    }
}

/// The number cells of one table with their place and expected kind.
fn cells_of(report: &Report, table: u8) -> Vec<(Place, T2Kind, &NumCell)> {
    let mut out = Vec::new();
    match table {
        2 => {
            let format = report.t2_format();
            if let Some(t2) = &report.t2 {
                for row in formats::t2_rows(format) {
                    for (col, kind) in row.columns {
                        if let Some(e) = t2.get(format, row.label, col) {
                            out.push((Place::T2(row, col), *kind, &e.value));
                        }
                    }
                }
            }
        }
        3 => {
            for (i, _) in t3_rows_of(report.t3_format()) {
                for c in 0..T3_COLUMNS.len() {
                    if let Some(cell) = t3_cell(report, i, c) {
                        out.push((Place::T3(i, c), T2Kind::Count, cell));
                    }
                }
            }
        }
        _ => {
            for k in 0..T4_COLUMNS.len() {
                if let Some(cell) = t4_cell(report, k) {
                    out.push((Place::T4(k), T2Kind::Count, cell));
                }
            }
        }
    }
    out
}

/// What is wrong with a cell's value, for one family of cell rules.
fn cell_problem(which: CellCheck, table: u8, kind: T2Kind, cell: &NumCell) -> Option<fn(&str, &str, &NumCell) -> String> {
    let count = kind == T2Kind::Count || kind == T2Kind::SignedCount;
    match (which, &cell.reading) {
        (CellCheck::Blank, Reading::Blank) => Some(|at, _, _| format!("{at}为空；每一格都应填写数字，没有的填 0")),
        (CellCheck::Blank, Reading::Placeholder) => Some(|at, raw, _| format!("{at}填写了“{raw}”；没有的应填 0，不要用“/”“—”“无”等代替")),
        (CellCheck::Int, Reading::Invalid) => Some(|at, raw, _| format!("{at}“{raw}”不是数字，请填写阿拉伯数字")),
        (CellCheck::Int, Reading::Int(v)) if *v < 0 && kind != T2Kind::SignedCount => Some(|at, _, c| format!("{at}为负数 {}；件数不能为负", c.int().unwrap_or(0))),
        (CellCheck::Int, Reading::Decimal(_)) if count => Some(|at, raw, _| format!("{at}为小数 {raw}；件数应为整数")),
        (CellCheck::Int, Reading::Decimal(v)) if *v < 0.0 => Some(|at, raw, _| format!("{at}为负数 {raw}；金额不能为负")),
        (CellCheck::Text, Reading::Int(_) | Reading::Decimal(_)) if cell.extras.any() => {
            let e = &cell.extras;
            let unit_ok = table == 2 && kind == T2Kind::Amount && e.unit.is_some() && !e.full_width && !e.thousands;
            let sign_ok = kind == T2Kind::SignedCount && e.word_sign && !e.full_width && e.unit.is_none();
            if unit_ok || sign_ok {
                return None;
            }
            Some(|at, raw, c| {
                let read = c.quantity().map(|q| q.to_string()).unwrap_or_default();
                format!("{at}写作“{raw}”，含{}，已按 {read} 读取；请只填写阿拉伯数字", c.extras.describe())
            })
        }
        _ => None,
    }
}

fn cell_rules(report: &Report, sink: &mut Sink, table: u8, which: CellCheck) {
    let id = match (which, table) {
        (CellCheck::Text, _) => "CELL.TEXT",
        (CellCheck::Blank, 2) => "T2.BLANK",
        (CellCheck::Blank, 3) => "T3.BLANK",
        (CellCheck::Blank, _) => "T4.BLANK",
        (CellCheck::Int, 2) => "T2.INT",
        (CellCheck::Int, 3) => "T3.INT",
        (CellCheck::Int, _) => "T4.INT",
    };
    for (place, kind, cell) in cells_of(report, table) {
        let Some(message) = cell_problem(which, table, kind, cell) else { continue };
        let raw = trim_blank(&cell.raw).to_string();
        let mut f = finding(info(id), message(&place.describe(), &raw, cell));
        f.table = Some(table);
        f.row = place.row();
        f.column = place.column();
        f.actual = Some(match which {
            CellCheck::Text => Quantity::Text(raw),
            _ => cell.quantity().unwrap_or(Quantity::Text(raw)),
        });
        if which == CellCheck::Text {
            f.expected = cell.quantity();
        }
        f.cells = vec![cell.cell];
        sink.push(f);
    }
}

// ------------------------------------------------------------------ document level

fn s_format(report: &Report, sink: &mut Sink) {
    let info = info("S.FMT");
    if let (Some(a), Some(b)) = (report.format_t3, report.format_t2) {
        if a != b {
            sink.push(finding(info, format!("表格格式前后不一致：表三是{}，表二却是{}；同一份年报应统一使用一种格式", a.label(), b.label())));
        }
    }
    let (Some(year), Some(format)) = (report.year, report.format) else { return };
    match Format::required_for(year) {
        Some(required) if required != format => {
            let mut f = finding(info, format!("{year} 年度的年报应使用{}，本报告使用的是{}", required.label(), format.label()));
            f.expected = Some(Quantity::Text(required.as_str().to_string()));
            f.actual = Some(Quantity::Text(format.as_str().to_string()));
            sink.push(f);
        }
        None => sink.push(finding(info, format!("{year} 年度的年报早于统一格式（2019 年起施行），不适用本工具的检查"))),
        _ => {}
    }
}

fn s_year(report: &Report, sink: &mut Sink) {
    let info = info("S.YEAR");
    let Some(year) = report.year else {
        let mut f = finding(info, "未能确定报告年度：标题、正文开头和落款日期中都没有找到年份；请在标题中写明“XXXX年政府信息公开工作年度报告”".to_string());
        f.severity = Severity::Error;
        sink.push(f);
        return;
    };
    if let (Some(t), Some(x)) = (report.title_year, report.text_year) {
        if t != x {
            let mut f = finding(info, format!("标题写的是 {t} 年度，正文开头却写 {x} 年；请核对是否沿用了往年的文字"));
            f.expected = Some(Quantity::Int(t as i64));
            f.actual = Some(Quantity::Int(x as i64));
            sink.push(f);
        }
    }
    if let Some((y, m, d)) = report.date {
        if y != year + 1 {
            let mut f = finding(info, format!("落款日期 {y}年{m}月{d}日 与报告年度 {year} 不符：年报应在次年（{} 年）1 月 31 日前发布", year + 1));
            f.expected = Some(Quantity::Int(year as i64 + 1));
            f.actual = Some(Quantity::Int(y as i64));
            sink.push(f);
        }
    }
}

fn s_tables(report: &Report, sink: &mut Sink) {
    let info = info("S.TABLES");
    let missing = [
        (report.t2.is_none(), 2u8, "表二（二、主动公开政府信息情况）"),
        (report.t3.is_none(), 3, "表三（三、收到和处理政府信息公开申请情况）"),
        (report.t4.is_none(), 4, "表四（四、政府信息公开行政复议、行政诉讼情况）"),
    ];
    for (absent, t, name) in missing {
        if absent {
            let mut f = finding(info, format!("未找到{name}；年报必须按统一格式列出该表（若是图片，请改为 Word 表格）"));
            f.table = Some(t);
            sink.push(f);
        }
    }
}

fn s_sections(report: &Report, sink: &mut Sink) {
    let info = info("S.SECT");
    for (i, title) in formats::SECTIONS.iter().enumerate() {
        if !report.sections.iter().any(|s| s.index == i) {
            sink.push(finding(info, format!("未找到“{title}”部分；年报的六个部分缺一不可（条例第五十条）")));
        }
    }
}

fn s_title_variants(report: &Report, sink: &mut Sink) {
    let info = info("S.TITLEVAR");
    const CN: [&str; 6] = ["一", "二", "三", "四", "五", "六"];
    for s in &report.sections {
        let official = formats::SECTIONS.get(s.index).copied().unwrap_or("");
        let numeral = CN.get(s.index).copied().unwrap_or("");
        let mut problems = Vec::new();
        if !s.standard_title {
            problems.push("标题文字与统一格式不同".to_string());
        }
        match s.number {
            Some(HeadingNumber::Chinese(n)) if n as usize != s.index + 1 => problems.push(format!("序号应为“{numeral}、”")),
            Some(HeadingNumber::Arabic(_)) => problems.push(format!("序号应为“{numeral}、”而不是阿拉伯数字")),
            None if !s.auto_numbered => problems.push(format!("缺少序号“{numeral}、”")),
            _ => {}
        }
        if !problems.is_empty() {
            let mut f = finding(info, format!("标题“{}”{}；统一格式为“{official}”", s.text, problems.join("，")));
            f.expected = Some(Quantity::Text(official.to_string()));
            f.actual = Some(Quantity::Text(s.text.clone()));
            sink.push(f);
        }
    }
}

fn s_date(report: &Report, sink: &mut Sink) {
    if report.date.is_none() {
        sink.push(finding(info("S.DATE"), "正文末尾没有找到落款日期（如“2022年1月20日”）；年报应注明发布单位和日期".to_string()));
    }
}

fn s_multi(report: &Report, sink: &mut Sink) {
    if report.report_count > 1 {
        sink.push(finding(
            info("S.MULTI"),
            format!("文档中似乎有 {} 份年报（统计表重复出现），本次只检查了第 1 份；请把每份年报保存为单独的文件再分别检查", report.report_count),
        ));
    }
}

fn s_ambiguous(report: &Report, sink: &mut Sink) {
    let info = info("S.AMBIG");
    for note in &report.ambiguities {
        sink.push(finding(info, format!("{note}；请核对表格是否有重复或多余的行列")));
    }
    if let Some(t3) = &report.t3 {
        for key in &t3.duplicate_rows {
            let i = idx(key);
            let mut f = finding(info, format!("表三「{}」行出现了不止一次，只读取了第一次出现的数字", t3_row_name(i)));
            f.table = Some(3);
            f.row = t3_row_path(i);
            sink.push(f);
        }
    }
}

fn tx_none(report: &Report, sink: &mut Sink) {
    let Some(sentence) = &report.no_application_text else { return };
    let Some((v, r)) = t3_int(report, idx("new_received"), T3_TOTAL_COL) else { return };
    if v > 0 {
        let mut f = finding(info("TX.NONE"), format!("正文说“{sentence}”，但表三本年新收申请总计为 {v}"));
        f.table = Some(3);
        f.row = t3_row_path(idx("new_received"));
        f.column = formats::t3_column_path(T3_TOTAL_COL);
        f.expected = Some(Quantity::Int(0));
        f.actual = Some(Quantity::Int(v));
        f.cells = vec![r];
        sink.push(f);
    }
}

// ------------------------------------------------------------------ culprits

/// A cell that appears in two or more failed identities, where one corrected value would
/// satisfy all of them, is the likely culprit of each of those findings.
fn attach_culprits(report: &Report, sink: &mut Sink) {
    use std::collections::BTreeMap;
    let mut by_cell: BTreeMap<CellRef, Vec<usize>> = BTreeMap::new();
    for (k, (_, eq)) in sink.equations.iter().enumerate() {
        for (cell, _, _) in &eq.terms {
            by_cell.entry(*cell).or_default().push(k);
        }
    }
    // For each candidate cell: the value that satisfies every failed identity it is in.
    let mut fixes: BTreeMap<CellRef, i64> = BTreeMap::new();
    for (cell, eqs) in &by_cell {
        if eqs.len() < 2 {
            continue;
        }
        let mut agreed: Option<i64> = None;
        let mut ok = true;
        for &k in eqs {
            let Some((_, eq)) = sink.equations.get(k) else { continue };
            let Some(&(_, coef, v)) = eq.terms.iter().find(|(c, _, _)| c == cell) else { continue };
            if coef == 0 || eq.residual() % coef != 0 {
                ok = false;
                break;
            }
            let fix = v - eq.residual() / coef;
            match agreed {
                None => agreed = Some(fix),
                Some(a) if a == fix => {}
                Some(_) => {
                    ok = false;
                    break;
                }
            }
        }
        if let (true, Some(fix)) = (ok, agreed) {
            if fix >= 0 {
                fixes.insert(*cell, fix);
            }
        }
    }
    for (finding_index, eq) in &sink.equations {
        let candidates: Vec<(&CellRef, &i64)> = fixes.iter().filter(|(c, _)| eq.terms.iter().any(|(t, _, _)| t == *c)).collect();
        if let [(cell, fix)] = candidates.as_slice() {
            if let Some(f) = sink.findings.get_mut(*finding_index) {
                f.culprit = Some(**cell);
                let name = cell_name(report, cell);
                f.message.push_str(&format!("。最可能出错的是{name}：若改为 {fix}，相关的各条勾稽关系都能成立"));
            }
        }
    }
}

/// Human name of a cell of table 三 or 四, for messages.
fn cell_name(report: &Report, cell: &CellRef) -> String {
    if let Some(t3) = &report.t3 {
        for (i, row) in t3.rows.iter().enumerate() {
            let Some(row) = row else { continue };
            for (c, v) in row.iter().enumerate() {
                if v.as_ref().is_some_and(|v| v.cell == *cell) {
                    return format!("表三「{}」行「{}」列（现为 {}）", t3_row_name(i), t3_col_name(c), trim_blank(&v.as_ref().map(|v| v.raw.clone()).unwrap_or_default()));
                }
            }
        }
    }
    if let Some(t4) = &report.t4 {
        for (k, v) in t4.cells.iter().enumerate() {
            if let Some(v) = v {
                if v.cell == *cell {
                    return format!("表四「{}」（现为 {}）", t4_name(k), trim_blank(&v.raw));
                }
            }
        }
    }
    "该单元格".to_string()
}

// ------------------------------------------------------------------ the catalogue

macro_rules! rule {
    ($id:literal, $sev:ident, $title:literal, $checks:literal, $why:literal, $example:literal, $run:expr) => {
        Rule {
            info: RuleInfo { id: $id, severity: Severity::$sev, title: $title, checks: $checks, why: $why, example: $example },
            run: $run,
        }
    };
}

static CATALOGUE: &[Rule] = &[
    rule!("T3.ROW", Error, "表三行合计",
        "表三每一行的“总计”等于自然人与法人或其他组织五类（商业企业、科研机构、社会公益组织、法律服务机构、其他）六栏之和。",
        "“总计”栏是本行各类申请人数量的合计（由定义得出）。",
        "「（一）予以公开」行：总计应为 3（1+2+0+0+0+0），实为 4",
        t3_row_totals),
    rule!("T3.BAL", Error, "表三列勾稽关系",
        "表三每一列：第一项（本年新收）加第二项（上年结转）之和，等于第三项（七）总计加第四项（结转下年度继续办理）之和。",
        "表三左上角印明：“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和”。",
        "「自然人」列：第一项加第二项之和（3+0=3）应等于第三项（七）总计加第四项之和（2+0=2）；按此（七）总计应为 3，实为 2",
        t3_column_balance),
    rule!("T3.RES", Error, "表三办理结果合计",
        "表三每一列的“（七）总计”等于（一）至（六）各项办理结果之和（2021 年版（六）含 3 个子项，2019 年版（六）为一行）。",
        "每件申请按最终处理结果只计入一项（“区分处理的，只计这一情形，不计其他情形”），（七）总计即各项之和。",
        "「总计」列：（七）总计应为各项办理结果之和 5（（一）予以公开 3 + （五）不予处理2.重复申请 2），实为 4",
        t3_results_total),
    rule!("T3.ZERO", Error, "表三无申请却有结果",
        "某列本年新收与上年结转均为 0，但办理结果不为 0。",
        "没有申请就不会有办理结果；这是复制其他表格时最常见的错误，单独指出便于定位。",
        "「自然人」列：本年新收和上年结转均为 0，但办理结果中有 2 件",
        t3_zero_intake),
    rule!("T3.ROWS", Error, "表三行列齐全",
        "表三包含所用格式的全部行（2021 年版 25 行，2019 年版 23 行）和 7 个数字列。",
        "统一格式规定了表三的全部行列，缺行缺列的数据无法核对。",
        "表三缺少「三、本年度办理结果·（四）无法提供·3.补正后申请内容仍不明确」行",
        t3_completeness),
    rule!("T3.NOTE", Warning, "表三勾稽说明",
        "表三左上角印有勾稽关系说明。",
        "统一格式的表三都有这句说明；缺少它往往意味着表格是重新制作的，行列可能有变动。",
        "表三左上角缺少勾稽关系说明",
        t3_note),
    rule!("T3.OTHER", Warning, "“其他处理”偏高",
        "“其他处理”（2019 年版）或“（六）3.其他”（2021 年版）超过办理结果总计的 10% 且不少于 5 件。",
        "国办公开办函〔2019〕60号：“对‘其他处理’数量偏高的行政机关，要了解情况，及时发现并解决相关问题”。",
        "「（六）其他处理3.其他」有 6 件，占办理结果总计 20 件的 30%",
        t3_other_share),
    rule!("T4.SUM", Error, "表四合计",
        "表四行政复议、未经复议直接起诉、复议后起诉三组，各自的结果维持+结果纠正+其他结果+尚未审结 = 总计。",
        "“总计”是本组各项结果之和（由定义得出）。",
        "行政复议：总计应为 3（结果维持 1+结果纠正 1+其他结果 0+尚未审结 1），实为 2",
        t4_sums),
    rule!("T4.COLS", Error, "表四栏目齐全",
        "表四 15 个数字栏（3 组 × 5 项）都能找到。",
        "统一格式规定了表四的全部栏目。",
        "表四缺少「行政诉讼·复议后起诉·尚未审结」栏",
        t4_completeness),
    rule!("T2.ROWS", Error, "表二行列齐全",
        "表二包含所用格式的全部行和列；2021 年版写成“规范性文件”、2019 年版写成“行政规范性文件”时给出警告。",
        "统一格式规定了表二的全部行列；2021 年版为“行政规范性文件”，2019 年版为“规范性文件”。",
        "表二行标题写作「规范性文件」，2021 年版格式的标题是「行政规范性文件」",
        t2_completeness),
    rule!("T2.VALIDGE", Warning, "表二现行有效件数",
        "2021 年版表二：本年制发件数大于现行有效件数，而本年废止件数为 0。",
        "国办公开办函〔2021〕30号：“各项数据核定时间点为报告年度的12月31日”，现行有效件数是年末存量，通常不少于当年制发数。",
        "表二「行政规范性文件」：本年制发 5 件，现行有效却只有 3 件，而本年废止为 0",
        t2_made_vs_valid),
    rule!("T2.NEW19", Warning, "表二新公开与总数",
        "2019 年版表二：本年新公开数量不大于对外公开总数量。",
        "对外公开总数量包含本年新公开的文件。",
        "表二「规范性文件」：本年新公开 5 件，多于对外公开总数量 3 件",
        t2_new_vs_total_2019),
    rule!("T2.BLANK", Error, "表二空格",
        "表二每个数字格都已填写；空白或“/”“—”“无”等占位符都不行。",
        "统一格式中每一格都是数据格，没有的应填 0。",
        "表二「行政许可」行「本年处理决定数量」列为空；每一格都应填写数字，没有的填 0",
        |r, s| cell_rules(r, s, 2, CellCheck::Blank)),
    rule!("T3.BLANK", Error, "表三空格",
        "表三每个数字格都已填写；空白或“/”“—”“无”等占位符都不行。",
        "统一格式中每一格都是数据格，没有的应填 0；空格使勾稽关系无法核对。",
        "表三「（一）予以公开」行「自然人」列为空；每一格都应填写数字，没有的填 0",
        |r, s| cell_rules(r, s, 3, CellCheck::Blank)),
    rule!("T4.BLANK", Error, "表四空格",
        "表四 15 个数字格都已填写；空白或占位符都不行。",
        "统一格式中每一格都是数据格，没有的应填 0。",
        "表四「行政复议·结果维持」为空；每一格都应填写数字，没有的填 0",
        |r, s| cell_rules(r, s, 4, CellCheck::Blank)),
    rule!("T2.INT", Error, "表二数值",
        "表二件数为非负整数；2021 年版收费金额（万元）和 2019 年版采购总金额可为小数；2019 年版“本年增/减”可为负数。",
        "件数只能是整数且不能为负。",
        "表二「行政处罚」行「本年处理决定数量」列“十二”不是数字，请填写阿拉伯数字",
        |r, s| cell_rules(r, s, 2, CellCheck::Int)),
    rule!("T3.INT", Error, "表三数值",
        "表三每格为非负整数。",
        "表三统计的是申请件数，只能是非负整数。",
        "表三「（一）予以公开」行「自然人」列为负数 -1；件数不能为负",
        |r, s| cell_rules(r, s, 3, CellCheck::Int)),
    rule!("T4.INT", Error, "表四数值",
        "表四每格为非负整数。",
        "表四统计的是案件数，只能是非负整数。",
        "表四「行政复议·总计」为小数 1.5；件数应为整数",
        |r, s| cell_rules(r, s, 4, CellCheck::Int)),
    rule!("CELL.TEXT", Warning, "数字格中的多余文字",
        "数字格中有全角数字、单位（件、条、元等）或千位分隔符；数字已照常读取并参与检查。",
        "统一格式的数字格只填阿拉伯数字；全角数字和单位会妨碍汇总统计。",
        "表三「（一）予以公开」行「自然人」列写作“１２”，含全角数字，已按 12 读取",
        |r, s| { cell_rules(r, s, 2, CellCheck::Text); cell_rules(r, s, 3, CellCheck::Text); cell_rules(r, s, 4, CellCheck::Text); }),
    rule!("S.FMT", Error, "格式与年度",
        "2021 年及以后的年报使用 2021 年版格式，2019、2020 年度使用 2019 年版格式；同一份年报的表二、表三应属同一格式。",
        "国办公开办函〔2021〕30号自 2021 年度年报起施行；〔2019〕60号适用于 2019、2020 年度。",
        "2021 年度的年报应使用2021 年版格式（国办公开办函〔2021〕30号），本报告使用的是2019 年版格式（国办公开办函〔2019〕60号）",
        s_format),
    rule!("S.YEAR", Warning, "报告年度",
        "能从标题、正文或落款确定报告年度；标题与正文开头的年份一致；落款在次年。找不到年度时为错误。",
        "年度决定适用的格式和发布时限；年份不一致常见于沿用往年文稿。",
        "标题写的是 2023 年度，正文开头却写 2022 年",
        s_year),
    rule!("S.TABLES", Error, "三张统计表",
        "表二、表三、表四都能在文档中找到（作为 Word 表格）。",
        "统一格式要求年报包含这三张表。",
        "未找到表四（四、政府信息公开行政复议、行政诉讼情况）",
        s_tables),
    rule!("S.SECT", Error, "六个部分",
        "年报包含“一、总体情况”至“六、其他需要报告的事项”六个部分（标题可为通知中的等效表述，序号可为自动编号）。",
        "《政府信息公开条例》第五十条规定了年报内容；国办通知要求“不能遗漏”。",
        "未找到“五、存在的主要问题及改进情况”部分",
        s_sections),
    rule!("S.TITLEVAR", Warning, "部分标题写法",
        "六个部分的标题文字和序号与统一格式一致（如“2、”应为“二、”，缺少“一、”）。",
        "统一格式规定了各部分标题；评估机构会检查格式规范。",
        "标题“2、 主动公开政府信息情况”序号应为“二、”而不是阿拉伯数字",
        s_title_variants),
    rule!("S.DATE", Warning, "落款日期",
        "正文末尾有落款日期（如“2022年1月20日”）。",
        "年报应在次年 1 月 31 日前发布，落款日期是判断是否按时的依据之一。",
        "正文末尾没有找到落款日期",
        s_date),
    rule!("S.MULTI", Warning, "多份年报",
        "一个文档中只有一份年报。",
        "多份年报放在一个文件里时无法逐份核对；本工具只检查第一份并明确提示。",
        "文档中似乎有 2 份年报，本次只检查了第 1 份",
        s_multi),
    rule!("S.AMBIG", Warning, "读取有歧义",
        "表格中某行、某栏出现不止一次或数字找不到对应栏目时，说明采用了哪种读法。",
        "有歧义时明确告知，而不是悄悄猜测。",
        "表三「（一）予以公开」行出现了不止一次，只读取了第一次出现的数字",
        s_ambiguous),
    rule!("TX.NONE", Warning, "正文与表三",
        "正文说没有收到政府信息公开申请，但表三本年新收申请总计大于 0。",
        "正文与统计表应当一致（“数据精确、文字严谨”）。",
        "正文说“本单位未收到政府信息公开申请”，但表三本年新收申请总计为 2",
        tx_none),
];

/// Every rule, in the order they run.
pub fn catalogue() -> &'static [Rule] {
    CATALOGUE
}

/// The rule catalogue as Markdown (the content of docs/rules.md).
pub fn catalogue_markdown() -> String {
    let mut s = String::from("# 检查规则目录 / Rule catalogue\n\n");
    s.push_str("本文件由 `nianbao rules` 根据代码生成，请勿手工修改。\n");
    s.push_str("Generated from the code by `nianbao rules`; do not edit by hand.\n\n");
    s.push_str("| 编号 | 级别 | 名称 |\n|---|---|---|\n");
    for r in catalogue() {
        s.push_str(&format!("| [{}](#{}) | {} | {} |\n", r.info.id, anchor(r.info.id), r.info.severity.label(), r.info.title));
    }
    for r in catalogue() {
        let i = &r.info;
        s.push_str(&format!("\n## {}\n\n**{}** · {}\n\n", i.id, i.title, i.severity.label()));
        s.push_str(&format!("- 检查内容：{}\n- 依据：{}\n- 示例：{}\n", i.checks, i.why, i.example));
    }
    s
}

fn anchor(id: &str) -> String {
    id.to_lowercase().replace('.', "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_documented() {
        let mut ids: Vec<&str> = catalogue().iter().map(|r| r.info.id).collect();
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n);
        for r in catalogue() {
            assert!(!r.info.title.is_empty() && !r.info.checks.is_empty() && !r.info.why.is_empty() && !r.info.example.is_empty(), "{}", r.info.id);
        }
    }

    #[test]
    fn equation_residual() {
        let c = CellRef { table: 0, row: 0, col: 0 };
        let eq = Equation { terms: vec![(c, 1, 4), (c, -1, 1), (c, -1, 2)] };
        assert_eq!(eq.residual(), 1);
    }
}
