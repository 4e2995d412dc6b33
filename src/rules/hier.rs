//! A consolidated report against its units (M.HIER): a government's consolidated report of its
//! region (全县/全区/全市, 汇总) must count at least what the reports of its units in the same
//! batch and year count. The batch engine ([`crate::check::batch`]) decides which reports are
//! the units; this rule sums their figures.

use super::t4::t4_cell;
use super::*;

/// At most this many units are named in one message.
const UNITS_NAMED: usize = 8;

/// One number of a report that M.HIER sums: its table (2, 3, 4), row and column (indices into
/// the official formats: [`formats::T2_ROWS_2021`] and its columns, [`T3_ROWS`] and
/// [`T3_COLUMNS`], [`T4_COLUMNS`] with column 0), and its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Figure {
    pub table: u8,
    pub row: u16,
    pub col: u16,
    pub value: i64,
}

/// A unit's report in a consolidation group: its name (as the batch names reports) and its
/// figures ([`figures_of`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Unit {
    pub name: String,
    pub figures: Vec<Figure>,
}

/// Table 二 rows summed (2021 format): 行政规范性文件 (制发, 废止, 现行有效) and the decisions
/// of 行政许可, 行政处罚, 行政强制.
const T2_SUMMED: [(&str, &[usize]); 4] = [
    ("行政规范性文件", &[0, 1, 2]),
    ("行政许可", &[0]),
    ("行政处罚", &[0]),
    ("行政强制", &[0]),
];

/// The figures of a report that M.HIER sums: every integer cell of table 三 and table 四, and
/// the table 二 cells of [`T2_SUMMED`] (2021 format only: the 2019 columns differ).
pub fn figures_of(report: &Report) -> Vec<Figure> {
    let mut out = Vec::new();
    if report.t2_format() == Format::F2021 {
        for (label, cols) in T2_SUMMED {
            let Some(row) = formats::T2_ROWS_2021.iter().position(|r| r.label == label) else {
                continue;
            };
            let columns = formats::T2_ROWS_2021[row].columns;
            for &col in cols {
                let Some((name, _)) = columns.get(col) else {
                    continue;
                };
                if let Some((value, _)) = super::t2::t2_get_int(report, label, name) {
                    out.push(figure(2, row, col, value));
                }
            }
        }
    }
    for row in 0..T3_ROWS.len() {
        for col in 0..T3_COLUMNS.len() {
            if let Some((value, _)) = t3_int(report, row, col) {
                out.push(figure(3, row, col, value));
            }
        }
    }
    for k in 0..T4_COLUMNS.len() {
        if let Some(value) = t4_cell(report, k).and_then(|c| c.int()) {
            out.push(figure(4, k, 0, value));
        }
    }
    out
}

fn figure(table: u8, row: usize, col: usize, value: i64) -> Figure {
    Figure {
        table,
        row: u16::try_from(row).unwrap_or(u16::MAX),
        col: u16::try_from(col).unwrap_or(u16::MAX),
        value,
    }
}

rule! {
    /// 汇总报告少于下属单位之和
    ///
    /// 同一批文件中有某级人民政府的汇总报告（全县/全区/全市、汇总）和它下属单位（名称在该政府辖区之下的部门、乡镇、街道）同一年度的报告时，表三每一格、表四每一格，以及表二行政规范性文件的制发/废止/现行有效件数和行政许可、行政处罚、行政强制的处理决定数量，下属单位之和不应超过汇总报告的数字。另一个县、另一年度的报告和政府本机关的报告不计入。
    ///
    /// 依据：汇总报告反映全辖区的情况，至少包括本批中各下属单位报告的数字（由定义得出）；超出说明汇总漏报，或某个单位的数字有误。
    MHier: "M.HIER", Warning,
    example: Example { format: Format::F2021, edits: &[Edit::Agency("某某县人民政府"), Edit::Paragraph { section: 0, text: "全县各级行政机关汇总情况如下。" }, Edit::UnitReport { agency: "某某县教育局", edits: &[Edit::T3Row { row: "new_received", values: [2, 0, 0, 0, 0, 0] }, Edit::T3Row { row: "carried_forward", values: [2, 0, 0, 0, 0, 0] }] }], message: "表三「一、本年新收政府信息公开申请数量」「自然人」列：汇总报告为 0，而本批下属单位报告合计为 2" },
    check: m_hier,
}

fn m_hier(cx: &RuleContext<'_>, sink: &mut Sink) {
    let units = cx.batch.units;
    if units.is_empty() {
        return;
    }
    let mut mine: Vec<(Figure, CellRef)> = Vec::new();
    for f in figures_of(cx.report) {
        if let Some(cell) = cell_of(cx.report, f) {
            mine.push((f, cell));
        }
    }
    for (f, cell) in mine {
        let parts: Vec<(&str, i64)> = units
            .iter()
            .filter_map(|u| {
                let v = u
                    .figures
                    .iter()
                    .find(|g| (g.table, g.row, g.col) == (f.table, f.row, f.col))?
                    .value;
                (v != 0).then_some((u.name.as_str(), v))
            })
            .collect();
        let sum: i64 = parts.iter().map(|(_, v)| *v).sum();
        if sum <= f.value {
            continue;
        }
        let named: Vec<String> = parts
            .iter()
            .take(UNITS_NAMED)
            .map(|(n, v)| format!("{n} {v}"))
            .collect();
        let mut finding = finding(
            RuleId::MHier,
            messages::hier_excess(&quantity_name(f), f.value, sum, &named, parts.len()),
        );
        finding.table = Some(f.table);
        finding.expected = Some(Quantity::Int(sum));
        finding.actual = Some(Quantity::Int(f.value));
        finding.cells = vec![cell];
        let (row, column) = paths(f);
        finding.row = row;
        finding.column = column;
        sink.push(finding);
    }
}

/// The cell of a figure in the report under check.
fn cell_of(report: &Report, f: Figure) -> Option<CellRef> {
    let (row, col) = (usize::from(f.row), usize::from(f.col));
    match f.table {
        2 => {
            let r = formats::T2_ROWS_2021.get(row)?;
            let (name, _) = r.columns.get(col)?;
            Some(super::t2::t2_get_int(report, r.label, name)?.1)
        }
        3 => Some(t3_int(report, row, col)?.1),
        4 => Some(t4_cell(report, row)?.cell),
        _ => None,
    }
}

/// "表三「一、本年新收政府信息公开申请数量」「自然人」列" and the like.
fn quantity_name(f: Figure) -> String {
    let (row, col) = (usize::from(f.row), usize::from(f.col));
    match f.table {
        2 => formats::T2_ROWS_2021
            .get(row)
            .map(|r| {
                let col = r.columns.get(col).map_or("", |c| c.0);
                format!("表二「{}」「{col}」", r.label)
            })
            .unwrap_or_default(),
        3 => format!("表三「{}」「{}」列", t3_row_name(row), t3_col_name(col)),
        4 => format!("表四「{}」", t4_name(row)),
        _ => String::new(),
    }
}

fn paths(f: Figure) -> (LabelPath, LabelPath) {
    let (row, col) = (usize::from(f.row), usize::from(f.col));
    match f.table {
        2 => formats::T2_ROWS_2021
            .get(row)
            .map(|r| {
                (
                    label_path(&[r.caption, r.label]),
                    r.columns
                        .get(col)
                        .map(|c| label_path(&[c.0]))
                        .unwrap_or_default(),
                )
            })
            .unwrap_or_default(),
        3 => (t3_row_path(row), formats::t3_column_path(col)),
        4 => (LabelPath::default(), t4_path(row)),
        _ => (LabelPath::default(), LabelPath::default()),
    }
}
