//! Rules on table 二: completeness and the relations between its columns.

use super::*;

rule! {
    /// 表二行列齐全
    ///
    /// 表二包含所用格式的全部行和列。
    ///
    /// 依据：统一格式规定了表二的全部行列，缺行缺列的数据无法核对。
    T2Rows: "T2.ROWS", Error,
    example: Example { format: Format::F2021, edits: &[Edit::T2Label { row: "行政许可", text: "其他事项" }], message: "表二缺少「行政许可」行（或标题无法识别），该行无法检查" },
    check: t2_completeness,
}

fn t2_completeness(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    let Some(t2) = &report.t2 else { return };
    let format = report.t2_format();
    let id = RuleId::T2Rows;
    for row in formats::t2_rows(format) {
        let entries: Vec<&report::T2Entry> = t2
            .entries
            .iter()
            .filter(|e| report::t2_row_official(format, e.row) == row.label)
            .collect();
        if entries.is_empty() {
            let mut f = finding(id, messages::t2_missing_row(row.label));
            f.table = Some(2);
            f.row = label_path(&[row.caption, row.label]);
            sink.push(f);
            continue;
        }
        for (col, _) in row.columns {
            if !entries.iter().any(|e| e.column == *col) {
                let mut f = finding(
                    id,
                    messages::t2_missing_column(row.label, col, format.label()),
                );
                f.table = Some(2);
                f.row = label_path(&[row.caption, row.label]);
                f.column = label_path(&[col]);
                sink.push(f);
            }
        }
    }
}

rule! {
    /// 表二行标题写法
    ///
    /// 2021 年版表二写成“规范性文件”、2019 年版写成“行政规范性文件”。
    ///
    /// 依据：2021 年版为“行政规范性文件”，2019 年版为“规范性文件”；标题与所用格式不符时数字照常读取，但应改正。
    T2Label: "T2.LABEL", Warning,
    example: Example { format: Format::F2021, edits: &[Edit::T2Label { row: "行政规范性文件", text: "规范性文件" }], message: "表二行标题写作「规范性文件」，2021 年版格式（国办公开办函〔2021〕30号）的标题是「行政规范性文件」" },
    check: t2_labels,
}

fn t2_labels(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    let Some(t2) = &report.t2 else { return };
    let format = report.t2_format();
    for row in formats::t2_rows(format) {
        let first = t2
            .entries
            .iter()
            .find(|e| report::t2_row_official(format, e.row) == row.label);
        if let Some(e) = first {
            let written = norm(&e.row_text);
            if written != norm(row.label) && norm(row.label).contains("规范性文件") {
                let mut f = finding(
                    RuleId::T2Label,
                    messages::t2_label(&e.row_text, format.label(), row.label),
                );
                f.table = Some(2);
                f.row = label_path(&[row.caption, row.label]);
                f.actual = Some(Quantity::Text(e.row_text.clone()));
                f.expected = Some(Quantity::Text(row.label.to_string()));
                f.cells = vec![CellRef {
                    table: e.value.cell.table,
                    row: e.value.cell.row,
                    col: 0,
                }];
                sink.push(f);
            }
        }
    }
}

pub(super) fn t2_get_int(report: &Report, row: &str, col: &str) -> Option<(i64, CellRef)> {
    let e = report.t2.as_ref()?.get(report.t2_format(), row, col)?;
    Some((e.value.int()?, e.value.cell))
}

rule! {
    /// 表二现行有效件数
    ///
    /// 2021 年版表二：本年制发件数大于现行有效件数，而本年废止件数为 0。
    ///
    /// 依据：国办公开办函〔2021〕30号：“各项数据核定时间点为报告年度的12月31日”，现行有效件数是年末存量，通常不少于当年制发数。
    T2ValidGe: "T2.VALIDGE", Warning,
    example: Example { format: Format::F2021, edits: &[Edit::T2 { row: "规章", col: 0, text: "5" }, Edit::T2 { row: "规章", col: 2, text: "3" }], message: "表二「规章」：本年制发 5 件，现行有效却只有 3 件，而本年废止为 0；现行有效件数是 12 月 31 日的存量，应不少于本年制发件数（除非有文件修订或自然失效）" },
    check: t2_made_vs_valid,
}

fn t2_made_vs_valid(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    if report.t2_format() != Format::F2021 {
        return;
    }
    for row in ["规章", "行政规范性文件"] {
        let (Some(made), Some(repealed), Some(valid)) = (
            t2_get_int(report, row, "本年制发件数"),
            t2_get_int(report, row, "本年废止件数"),
            t2_get_int(report, row, "现行有效件数"),
        ) else {
            continue;
        };
        if made.0 > valid.0 && repealed.0 == 0 {
            let mut f = finding(
                RuleId::T2ValidGe,
                messages::t2_valid_ge(row, made.0, valid.0),
            );
            f.table = Some(2);
            f.row = label_path(&["第二十条第（一）项", row]);
            f.column = label_path(&["现行有效件数"]);
            f.expected = Some(Quantity::Int(made.0));
            f.actual = Some(Quantity::Int(valid.0));
            f.cells = vec![valid.1, made.1, repealed.1];
            sink.push(f);
        }
    }
}

rule! {
    /// 表二新公开与总数
    ///
    /// 2019 年版表二：本年新公开数量不大于对外公开总数量。
    ///
    /// 依据：对外公开总数量包含本年新公开的文件。
    T2New19: "T2.NEW19", Warning,
    example: Example { format: Format::F2019, edits: &[Edit::T2 { row: "规章", col: 1, text: "5" }, Edit::T2 { row: "规章", col: 2, text: "3" }], message: "表二「规章」：本年新公开 5 件，多于对外公开总数量 3 件" },
    check: t2_new_vs_total_2019,
}

fn t2_new_vs_total_2019(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    if report.t2_format() != Format::F2019 {
        return;
    }
    for row in ["规章", "规范性文件"] {
        let (Some(new), Some(total)) = (
            t2_get_int(report, row, "本年新公开数量"),
            t2_get_int(report, row, "对外公开总数量"),
        ) else {
            continue;
        };
        if new.0 > total.0 {
            let mut f = finding(RuleId::T2New19, messages::t2_new19(row, new.0, total.0));
            f.table = Some(2);
            f.row = label_path(&["第二十条第（一）项", row]);
            f.column = label_path(&["对外公开总数量"]);
            f.expected = Some(Quantity::Int(new.0));
            f.actual = Some(Quantity::Int(total.0));
            f.cells = vec![total.1, new.1];
            sink.push(f);
        }
    }
}
