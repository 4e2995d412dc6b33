//! Rules on single number cells of tables 二, 三 and 四: blank, not a valid number, extra text.

use super::*;

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum CellCheck {
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
    fn row(self) -> LabelPath {
        match self {
            Place::T2(row, _) => label_path(&[row.caption, row.label]),
            Place::T3(i, _) => t3_row_path(i),
            Place::T4(_) => LabelPath::default(),
        }
    }
    fn column(self) -> LabelPath {
        match self {
            Place::T2(_, col) => label_path(&[col]),
            Place::T3(_, c) => formats::t3_column_path(c),
            Place::T4(k) => t4_path(k),
        }
    }
    /// The cell's name in messages, e.g. 表三「（一）予以公开」行「自然人」列.
    fn name(self) -> messages::CellName<'static> {
        match self {
            Place::T2(row, col) => messages::CellName::T2 {
                row: row.label,
                column: col,
            },
            Place::T3(i, c) => messages::CellName::T3 {
                row: T3_ROWS
                    .get(i)
                    .and_then(|d| d.path.last())
                    .copied()
                    .unwrap_or(""),
                column: t3_col_name(c),
            },
            Place::T4(k) => messages::CellName::T4 {
                path: T4_COLUMNS.get(k).map_or(&[], |(_, p)| p),
            },
        }
    }
}

/// The number cells of one table with their place and expected kind.
fn cells_of(report: &Report, table: u8) -> Vec<(Place, T2Kind, &NumCell)> {
    let mut out = Vec::with_capacity(match table {
        2 => 32,
        3 => T3_ROWS.len() * T3_COLUMNS.len(),
        _ => T4_COLUMNS.len(),
    });
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
fn cell_problem(
    which: CellCheck,
    table: u8,
    kind: T2Kind,
    cell: &NumCell,
) -> Option<fn(&messages::CellName<'_>, &str, &NumCell) -> String> {
    let count = kind == T2Kind::Count || kind == T2Kind::SignedCount;
    match (which, &cell.reading) {
        (CellCheck::Blank, Reading::Blank) => {
            Some(|at, raw, _| messages::cell_problem(at, raw, CellProblem::Blank))
        }
        (CellCheck::Blank, Reading::Placeholder) => {
            Some(|at, raw, _| messages::cell_problem(at, raw, CellProblem::Placeholder))
        }
        (CellCheck::Int, Reading::Invalid) => {
            Some(|at, raw, _| messages::cell_problem(at, raw, CellProblem::NotANumber))
        }
        (CellCheck::Int, Reading::Int(v)) if *v < 0 && kind != T2Kind::SignedCount => {
            Some(|at, raw, c| {
                messages::cell_problem(at, raw, CellProblem::NegativeCount(c.int().unwrap_or(0)))
            })
        }
        (CellCheck::Int, Reading::Decimal(_)) if count => {
            Some(|at, raw, _| messages::cell_problem(at, raw, CellProblem::DecimalCount))
        }
        (CellCheck::Int, Reading::Decimal(v)) if *v < 0.0 => {
            Some(|at, raw, _| messages::cell_problem(at, raw, CellProblem::NegativeAmount))
        }
        (CellCheck::Text, Reading::Int(_) | Reading::Decimal(_)) if cell.extras.any() => {
            let e = &cell.extras;
            if e.yuan_to_wan {
                return Some(|at, raw, c| {
                    let read = c.quantity().map(|q| q.to_string()).unwrap_or_default();
                    messages::cell_problem(at, raw, CellProblem::YuanToWan { read: &read })
                });
            }
            let unit_ok = table == 2
                && kind == T2Kind::Amount
                && e.unit.is_some()
                && !e.full_width
                && !e.thousands;
            let sign_ok =
                kind == T2Kind::SignedCount && e.word_sign && !e.full_width && e.unit.is_none();
            if unit_ok || sign_ok {
                return None;
            }
            Some(|at, raw, c| {
                let read = c.quantity().map(|q| q.to_string()).unwrap_or_default();
                let e = &c.extras;
                let what = messages::extras(e);
                messages::cell_problem(
                    at,
                    raw,
                    CellProblem::Extras {
                        what: &what,
                        read: &read,
                    },
                )
            })
        }
        _ => None,
    }
}

pub(super) fn cell_rules(report: &Report, sink: &mut Sink, table: u8, which: CellCheck) {
    let id = match (which, table) {
        (CellCheck::Text, _) => RuleId::CellText,
        (CellCheck::Blank, 2) => RuleId::T2Blank,
        (CellCheck::Blank, 3) => RuleId::T3Blank,
        (CellCheck::Blank, _) => RuleId::T4Blank,
        (CellCheck::Int, 2) => RuleId::T2Int,
        (CellCheck::Int, 3) => RuleId::T3Int,
        (CellCheck::Int, _) => RuleId::T4Int,
    };
    // A blank template gets one S.EMPTY finding instead of one per cell.
    if which == CellCheck::Blank && all_blank(report) {
        return;
    }
    let problems: Vec<_> = cells_of(report, table)
        .into_iter()
        .filter_map(|(place, kind, cell)| {
            Some((place, cell_problem(which, table, kind, cell)?, cell))
        })
        .collect();
    sink.findings.reserve(problems.len());
    for (place, message, cell) in problems {
        let raw = trim_blank(&cell.raw).to_string();
        // In the message, a cell of several paragraphs reads as one line.
        let shown: Vec<&str> = raw
            .lines()
            .map(trim_blank)
            .filter(|l| !l.is_empty())
            .collect();
        let mut f = finding(id, message(&place.name(), &shown.join(" "), cell));
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

rule! {
    /// 表二空格
    ///
    /// 表二每个数字格都已填写；空白或“/”“—”“无”等占位符都不行。
    ///
    /// 依据：统一格式中每一格都是数据格，没有的应填 0。
    T2Blank: "T2.BLANK", Error,
    example: Example { format: Format::F2021, edits: &[Edit::T2 { row: "行政许可", col: 0, text: "" }], message: "表二「行政许可」行「本年处理决定数量」列为空；每一格都应填写数字，没有的填 0" },
    check: t2_blank,
}

fn t2_blank(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    cell_rules(report, sink, 2, CellCheck::Blank);
}

rule! {
    /// 表三空格
    ///
    /// 表三每个数字格都已填写；空白或“/”“—”“无”等占位符都不行。
    ///
    /// 依据：统一格式中每一格都是数据格，没有的应填 0；空格使勾稽关系无法核对。
    T3Blank: "T3.BLANK", Error,
    example: Example { format: Format::F2021, edits: &[Edit::T3 { row: "granted", col: 0, text: "" }], message: "表三「（一）予以公开」行「自然人」列为空；每一格都应填写数字，没有的填 0" },
    check: t3_blank,
}

fn t3_blank(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    cell_rules(report, sink, 3, CellCheck::Blank);
}

rule! {
    /// 表四空格
    ///
    /// 表四 15 个数字格都已填写；空白或占位符都不行。
    ///
    /// 依据：统一格式中每一格都是数据格，没有的应填 0。
    T4Blank: "T4.BLANK", Error,
    example: Example { format: Format::F2021, edits: &[Edit::T4 { col: "review.upheld", text: "" }], message: "表四「行政复议·结果维持」为空；每一格都应填写数字，没有的填 0" },
    check: t4_blank,
}

fn t4_blank(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    cell_rules(report, sink, 4, CellCheck::Blank);
}

rule! {
    /// 表二数值
    ///
    /// 表二件数为非负整数；2021 年版收费金额（万元）和 2019 年版采购总金额可为小数；2019 年版“本年增/减”可为负数。
    ///
    /// 依据：件数只能是整数且不能为负。
    T2Int: "T2.INT", Error,
    example: Example { format: Format::F2021, edits: &[Edit::T2 { row: "行政处罚", col: 0, text: "十二" }], message: "表二「行政处罚」行「本年处理决定数量」列“十二”不是数字，请填写阿拉伯数字" },
    check: t2_int,
}

fn t2_int(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    cell_rules(report, sink, 2, CellCheck::Int);
}

rule! {
    /// 表三数值
    ///
    /// 表三每格为非负整数。
    ///
    /// 依据：表三统计的是申请件数，只能是非负整数。
    T3Int: "T3.INT", Error,
    example: Example { format: Format::F2021, edits: &[Edit::T3 { row: "granted", col: 0, text: "-1" }], message: "表三「（一）予以公开」行「自然人」列为负数 -1；件数不能为负" },
    check: t3_int_values,
}

fn t3_int_values(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    cell_rules(report, sink, 3, CellCheck::Int);
}

rule! {
    /// 表四数值
    ///
    /// 表四每格为非负整数。
    ///
    /// 依据：表四统计的是案件数，只能是非负整数。
    T4Int: "T4.INT", Error,
    example: Example { format: Format::F2021, edits: &[Edit::T4 { col: "review.total", text: "1.5" }], message: "表四「行政复议·总计」为小数 1.5；件数应为整数" },
    check: t4_int,
}

fn t4_int(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    cell_rules(report, sink, 4, CellCheck::Int);
}

rule! {
    /// 数字格中的多余文字
    ///
    /// 数字格中有全角数字、单位（件、条、元等）或千位分隔符；数字已照常读取并参与检查。
    ///
    /// 依据：统一格式的数字格只填阿拉伯数字；全角数字和单位会妨碍汇总统计。
    CellText: "CELL.TEXT", Warning,
    example: Example { format: Format::F2021, edits: &[Edit::T3 { row: "granted", col: 0, text: "０" }], message: "表三「（一）予以公开」行「自然人」列写作“０”，含全角数字，已按 0 读取；请只填写阿拉伯数字" },
    check: cell_text,
}

fn cell_text(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    cell_rules(report, sink, 2, CellCheck::Text);
    cell_rules(report, sink, 3, CellCheck::Text);
    cell_rules(report, sink, 4, CellCheck::Text);
}

/// Every number cell of the tables found is blank or a placeholder (and there is at least one).
fn all_blank(report: &Report) -> bool {
    let mut any = false;
    for table in [2, 3, 4] {
        for (_, _, cell) in cells_of(report, table) {
            if !matches!(cell.reading, Reading::Blank | Reading::Placeholder) {
                return false;
            }
            any = true;
        }
    }
    any
}

rule! {
    /// 表格均未填写
    ///
    /// 表二、表三、表四的数字格全部为空或只有占位符（如未填写的空白模板）。此时只给出这一条，不再逐格报告空格。
    ///
    /// 依据：统一格式中每一格都是数据格；整张表未填写时逐格列出上百条空格只会淹没真正的问题。
    SEmpty: "S.EMPTY", Error,
    example: Example { format: Format::F2021, edits: &[Edit::BlankTables], message: "表格均未填写：表二、表三、表四的 200 个数字格全部为空（或只有“/”“—”等占位符），像是未填写的空白模板；请填写数字（没有的填 0）后再检查" },
    check: s_empty,
}

fn s_empty(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    if !all_blank(report) {
        return;
    }
    let mut cells = Vec::new();
    let mut tables = Vec::new();
    for table in [2u8, 3, 4] {
        let of = cells_of(report, table);
        if !of.is_empty() {
            tables.push(table);
        }
        cells.extend(of.iter().map(|(_, _, c)| c.cell));
    }
    let mut f = finding(RuleId::SEmpty, messages::empty_tables(&tables, cells.len()));
    f.cells = cells;
    sink.push(f);
}
