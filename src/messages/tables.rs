//! Findings on the three statistical tables: cells, sums, rows and columns, labels, formats, and
//! the one-line summaries of groups of per-cell findings.

use super::cn_table;
use crate::findings::{GroupKind, GroupShape, Label, LabelPath, RuleId};
use crate::report::formats::T3_CORNER_NOTE;
use crate::report::value::Extras;

/// A number cell named in a message, written straight into it (a report of blank tables has more
/// than a hundred cell findings; their names need no string of their own).
#[derive(Clone, Copy)]
pub enum CellName<'a> {
    /// 表二「行」行「列」列.
    T2 { row: &'a str, column: &'a str },
    /// 表三「行」行「列」列.
    T3 { row: &'a str, column: &'a str },
    /// 表四「栏」, the column's labels joined by “·”.
    T4 { path: &'a [&'a str] },
}

impl CellName<'_> {
    /// Appends the name to `s`: what `Display` writes, piece by piece.
    pub fn push_to(&self, s: &mut String) {
        let (head, row, mid, column) = match *self {
            CellName::T2 { row, column } => ("表二「", row, "」行「", column),
            CellName::T3 { row, column } => ("表三「", row, "」行「", column),
            CellName::T4 { path } => {
                s.push_str("表四「");
                for (i, label) in path.iter().enumerate() {
                    if i > 0 {
                        s.push('·');
                    }
                    s.push_str(label);
                }
                s.push('」');
                return;
            }
        };
        for piece in [head, row, mid, column, "」列"] {
            s.push_str(piece);
        }
    }
}

/// 表三「行」行「列」列.
pub fn t3_cell(row: &str, column: &str) -> String {
    let mut s = String::new();
    CellName::T3 { row, column }.push_to(&mut s);
    s
}

/// 表四「栏」.
pub fn t4_cell(column: &str) -> String {
    format!("表四「{column}」")
}

/// A cell named in a culprit note, with its current text.
pub fn cell_now(cell: &str, raw: &str) -> String {
    format!("{cell}（现为 {raw}）")
}

/// A cell that could not be named.
pub const THAT_CELL: &str = "该单元格";

/// The note appended to an arithmetic finding whose likely culprit is known.
pub fn culprit(cell: &str, fix: i64) -> String {
    format!("。最可能出错的是{cell}：若改为 {fix}，相关的各条勾稽关系都能成立")
}

pub fn t3_row_total(row: &str, sum: i64, terms: &str, total: i64) -> String {
    format!("「{row}」行：总计应为 {sum}（{terms}），实为 {total}")
}

/// T3.BAL: one + two = results total + four, for column `column`.
pub fn t3_balance(column: &str, a: i64, b: i64, t: i64, d: i64) -> String {
    format!(
        "「{column}」列：第一项加第二项之和（{a}+{b}={}）应等于第三项（七）总计加第四项之和（{t}+{d}={}）；按此（七）总计应为 {}，实为 {t}",
        a + b,
        t + d,
        a + b - d
    )
}

/// T3.RES: `parts` are the non-zero results (row name, value).
pub fn t3_results_total(column: &str, sum: i64, parts: &[(String, i64)], total: i64) -> String {
    let detail = if parts.is_empty() {
        "各项办理结果均为 0".to_string()
    } else {
        parts
            .iter()
            .map(|(r, v)| format!("{r} {v}"))
            .collect::<Vec<_>>()
            .join(" + ")
    };
    format!("「{column}」列：（七）总计应为各项办理结果之和 {sum}（{detail}），实为 {total}")
}

pub fn t3_zero_intake(column: &str, n: i64, first_row: &str, first: i64) -> String {
    format!("「{column}」列：本年新收和上年结转均为 0，但办理结果中有 {n} 件（如「{first_row}」{first} 件）；没有申请就不会有办理结果，请核对是否复制了其他单位或年度的表格")
}

pub fn t3_missing_row(path: &str) -> String {
    format!("表三缺少「{path}」行（或该行标题无法识别），该行数据无法检查")
}

pub fn t3_missing_column(column: &str) -> String {
    format!("表三缺少「{column}」列（或列标题无法识别），已按表格位置推断")
}

pub fn t3_foreign_row(format: &str, path: &str) -> String {
    format!("表三出现了不属于{format}的行「{path}」，该行未计入检查")
}

/// T3.NOTE: the corner note (quoted as the format prints it) is missing.
pub fn t3_note_missing() -> String {
    format!("表三左上角缺少勾稽关系说明“{T3_CORNER_NOTE}”，表格可能被改动过")
}

pub fn t3_other_share(row: &str, other: i64, total: i64, percent: i64) -> String {
    format!("「{row}」有 {other} 件，占办理结果总计 {total} 件的 {percent}%；原则上申请都应按法定方式处理，“其他处理”偏高时主管部门会了解情况，请确认并在正文说明")
}

/// T4.SUM: `v` = 结果维持, 结果纠正, 其他结果, 尚未审结, 总计.
pub fn t4_sum(group: &str, sum: i64, v: [i64; 5]) -> String {
    let [a, b, c, d, t] = v;
    format!(
        "{group}：总计应为 {sum}（结果维持 {a}+结果纠正 {b}+其他结果 {c}+尚未审结 {d}），实为 {t}"
    )
}

pub fn t4_missing_column(column: &str) -> String {
    format!("表四缺少「{column}」栏（或标题无法识别），该栏无法检查")
}

pub fn t2_missing_row(row: &str) -> String {
    format!("表二缺少「{row}」行（或标题无法识别），该行无法检查")
}

pub fn t2_missing_column(row: &str, column: &str, format: &str) -> String {
    format!("表二「{row}」行缺少「{column}」栏（或列标题与{format}不符）")
}

pub fn t2_label(written: &str, format: &str, official: &str) -> String {
    format!("表二行标题写作「{written}」，{format}的标题是「{official}」")
}

pub fn t2_valid_ge(row: &str, made: i64, valid: i64) -> String {
    format!("表二「{row}」：本年制发 {made} 件，现行有效却只有 {valid} 件，而本年废止为 0；现行有效件数是 12 月 31 日的存量，应不少于本年制发件数（除非有文件修订或自然失效）")
}

pub fn t2_new19(row: &str, new: i64, total: i64) -> String {
    format!("表二「{row}」：本年新公开 {new} 件，多于对外公开总数量 {total} 件")
}

/// What is wrong with one number cell (`at` names it, `raw` is its text).
#[derive(Debug, Clone, Copy)]
pub enum CellProblem<'a> {
    Blank,
    Placeholder,
    NotANumber,
    NegativeCount(i64),
    DecimalCount,
    NegativeAmount,
    /// Extra text tolerated: what it held, and the number read.
    Extras {
        what: &'a str,
        read: &'a str,
    },
    /// An amount in 元 in a 万元 column, converted: the amount in 万元.
    YuanToWan {
        read: &'a str,
    },
}

pub fn cell_problem(at: &CellName<'_>, raw: &str, p: CellProblem<'_>) -> String {
    use std::fmt::Write;
    // Room for the longest message at once (`format!` would guess short and grow the string).
    let mut s = String::with_capacity(200 + 2 * raw.len());
    at.push_to(&mut s);
    let _ = match p {
        CellProblem::Blank => {
            s.push_str("为空；每一格都应填写数字，没有的填 0");
            Ok(())
        }
        CellProblem::Placeholder => {
            write!(s, "填写了“{raw}”；没有的应填 0，不要用“/”“—”“无”等代替")
        }
        CellProblem::NotANumber => write!(s, "“{raw}”不是数字，请填写阿拉伯数字"),
        CellProblem::NegativeCount(v) => write!(s, "为负数 {v}；件数不能为负"),
        CellProblem::DecimalCount => write!(s, "为小数 {raw}；件数应为整数"),
        CellProblem::NegativeAmount => write!(s, "为负数 {raw}；金额不能为负"),
        CellProblem::YuanToWan { read } => write!(
            s,
            "写作“{raw}”，单位是元，而本栏单位为万元，已换算为 {read} 万元读取；请按万元填写（不带单位）"
        ),
        CellProblem::Extras { what, read } => {
            write!(s, "写作“{raw}”，含{what}，已按 {read} 读取；请只填写阿拉伯数字")
        }
    };
    s
}

/// What a number cell held beyond the digits.
pub fn extras(e: &Extras) -> String {
    let mut parts = Vec::new();
    if e.full_width {
        parts.push("全角数字".to_string());
    }
    if let Some(u) = e.unit {
        parts.push(format!("单位“{u}”"));
    }
    if e.thousands {
        parts.push("千位分隔符".to_string());
    }
    if e.word_sign {
        parts.push("用文字表示增减".to_string());
    }
    if e.note {
        parts.push("括号中的说明文字".to_string());
    }
    parts.join("、")
}

/// S.LABEL: a label read as a variant of an official one.
pub fn label_variant(table: u8, written: &str, official: &str) -> String {
    format!(
        "表{}中的标题写作「{written}」，与统一格式的「{official}」不完全一致，已按「{official}」读取；请核对并改用统一格式的标题",
        cn_table(table)
    )
}

/// S.AMBIG: a label two official labels compete for, not read.
pub fn label_conflict(table: u8, written: &str, candidates: &[String]) -> String {
    let names: Vec<String> = candidates.iter().map(|n| format!("「{n}」")).collect();
    format!(
        "表{}中的标题「{written}」与{}都相近，无法确定是哪一项，这一{}的数字未读取；请改为统一格式的标题",
        cn_table(table),
        names.join("、"),
        if table == 3 { "行" } else { "栏" }
    )
}

/// S.HYBRID: `piece` (2 or 3) is in format `piece_format`, the rest in `format` (labels).
pub fn hybrid(piece: u8, piece_is_2019: bool, piece_format: &str, format: &str) -> String {
    match (piece, piece_is_2019) {
        (3, true) => format!("表三「（六）其他处理」是 2019 年版格式的单行（{format}将其分为 3 个子项），其余部分为{format}；已按表中实有的行核对各项数字，建议改用{format}的表三"),
        (3, false) => format!("表三「（六）其他处理」分为 3 个子项，是 2021 年版格式的写法，其余部分为{format}（「（六）其他处理」为一行）；已按表中实有的行核对各项数字，建议改用{format}的表三"),
        _ => format!("表二的栏目是{piece_format}，其余部分为{format}；已按表二实有的栏目核对，建议改用{format}的表二"),
    }
}

/// S.EMPTY: every number cell of `tables` (2, 3, 4) blank, `cells` of them.
pub fn empty_tables(tables: &[u8], cells: usize) -> String {
    let names: Vec<String> = tables
        .iter()
        .map(|t| format!("表{}", cn_table(*t)))
        .collect();
    format!(
        "表格均未填写：{}的 {cells} 个数字格全部为空（或只有“/”“—”等占位符），像是未填写的空白模板；请填写数字（没有的填 0）后再检查",
        names.join("、")
    )
}

/// One line for a group of findings of one per-cell rule in one table.
pub fn group(shape: &GroupShape) -> String {
    let name = format!("表{}", cn_table(shape.table));
    let (what, hint) = match shape.rule {
        RuleId::T2Blank | RuleId::T3Blank | RuleId::T4Blank => {
            ("为空", "；每一格都应填写数字，没有的填 0")
        }
        RuleId::T2Int | RuleId::T3Int | RuleId::T4Int => ("不是有效的数字", ""),
        _ => ("含多余的文字", ""),
    };
    let n = shape.count;
    let unit = if shape.table == 4 { "栏" } else { "列" };
    let names = |cols: &[LabelPath]| -> String {
        let shown: Vec<String> = cols
            .iter()
            .take(3)
            .map(|c| format!("「{}」", c.join("·")))
            .collect();
        let more = if cols.len() > 3 { "等" } else { "" };
        format!("{}{more} {} {unit}", shown.concat(), cols.len())
    };
    let leaf = |p: &[Label]| p.last().cloned().unwrap_or_default();
    match &shape.kind {
        GroupKind::WholeColumns { columns } => {
            let described = if shape.table == 4 && columns.len() == 15 {
                "15 格".to_string()
            } else if columns.len() == 5
                && columns
                    .iter()
                    .all(|c| c.get(1).is_some_and(|g| g == "法人或其他组织"))
            {
                "「法人或其他组织」5 列".to_string()
            } else if shape.table == 3 && columns.len() == 7 {
                "全部 7 列".to_string()
            } else {
                names(columns)
            };
            format!("{name}{described}全部{what}，共 {n} 格{hint}")
        }
        GroupKind::WholeRows { first, rows } => {
            format!(
                "{name}「{}」等 {rows} 行全部{what}，共 {n} 格{hint}",
                leaf(first)
            )
        }
        GroupKind::Scattered { row, column } => {
            let example = if row.is_empty() {
                format!("「{}」", leaf(column))
            } else {
                format!("「{}」行「{}」列", leaf(row), leaf(column))
            };
            format!("{name}共 {n} 格{what}，如{example}{hint}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_summaries() {
        let col = |g: &str, c: &str| -> LabelPath {
            vec![
                "申请人情况".into(),
                g.to_string().into(),
                c.to_string().into(),
            ]
            .into()
        };
        let orgs: Vec<LabelPath> = [
            "商业企业",
            "科研机构",
            "社会公益组织",
            "法律服务机构",
            "其他",
        ]
        .iter()
        .map(|c| col("法人或其他组织", c))
        .collect();
        let shape = |rule, table, count, kind| GroupShape {
            rule,
            table,
            count,
            kind,
        };
        assert_eq!(
            group(&shape(
                RuleId::T3Blank,
                3,
                125,
                GroupKind::WholeColumns { columns: orgs }
            )),
            "表三「法人或其他组织」5 列全部为空，共 125 格；每一格都应填写数字，没有的填 0"
        );
        let rows = GroupKind::WholeRows {
            first: vec!["三、本年度办理结果".into(), "（一）予以公开".into()].into(),
            rows: 21,
        };
        assert_eq!(
            group(&shape(RuleId::T3Blank, 3, 147, rows)),
            "表三「（一）予以公开」等 21 行全部为空，共 147 格；每一格都应填写数字，没有的填 0"
        );
        let t4: Vec<LabelPath> = (0..14)
            .map(|i| vec!["行政复议".into(), format!("c{i}").into()].into())
            .collect();
        assert_eq!(group(&shape(RuleId::T4Blank, 4, 14, GroupKind::WholeColumns { columns: t4 })), "表四「行政复议·c0」「行政复议·c1」「行政复议·c2」等 14 栏全部为空，共 14 格；每一格都应填写数字，没有的填 0");
        let some = GroupKind::Scattered {
            row: vec!["规章".into()].into(),
            column: vec!["本年制发件数".into()].into(),
        };
        assert_eq!(
            group(&shape(RuleId::CellText, 2, 8, some)),
            "表二共 8 格含多余的文字，如「规章」行「本年制发件数」列"
        );
    }
}
