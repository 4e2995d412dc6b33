//! Rules on table 二: completeness and the relations between its columns.

use super::*;

pub(super) fn t2_completeness(report: &Report, sink: &mut Sink) {
    let Some(t2) = &report.t2 else { return };
    let format = report.t2_format();
    let info = info("T2.ROWS");
    for row in formats::t2_rows(format) {
        let entries: Vec<&report::T2Entry> = t2
            .entries
            .iter()
            .filter(|e| report::t2_row_official(format, e.row) == row.label)
            .collect();
        if entries.is_empty() {
            let mut f = finding(
                info,
                format!(
                    "表二缺少「{}」行（或标题无法识别），该行无法检查",
                    row.label
                ),
            );
            f.table = Some(2);
            f.row = vec![row.caption.to_string(), row.label.to_string()];
            sink.push(f);
            continue;
        }
        for (col, _) in row.columns {
            if !entries.iter().any(|e| e.column == *col) {
                let mut f = finding(
                    info,
                    format!(
                        "表二「{}」行缺少「{col}」栏（或列标题与{}不符）",
                        row.label,
                        format.label()
                    ),
                );
                f.table = Some(2);
                f.row = vec![row.caption.to_string(), row.label.to_string()];
                f.column = vec![col.to_string()];
                sink.push(f);
            }
        }
        if let Some(e) = entries.first() {
            let written = norm(&e.row_text);
            if written != norm(row.label) && norm(row.label).contains("规范性文件") {
                let mut f = finding(
                    info,
                    format!(
                        "表二行标题写作「{}」，{}的标题是「{}」",
                        e.row_text,
                        format.label(),
                        row.label
                    ),
                );
                f.severity = Severity::Warning;
                f.table = Some(2);
                f.row = vec![row.caption.to_string(), row.label.to_string()];
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

pub(super) fn t2_made_vs_valid(report: &Report, sink: &mut Sink) {
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

pub(super) fn t2_new_vs_total_2019(report: &Report, sink: &mut Sink) {
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
            let mut f = finding(
                info("T2.NEW19"),
                format!(
                    "表二「{row}」：本年新公开 {} 件，多于对外公开总数量 {} 件",
                    new.0, total.0
                ),
            );
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
