//! Recognition of the tables: which physical tables are tables 二, 三 and 四, how many reports
//! the document holds, and each table read into typed cells by its labels.

use super::formats::{self, Format, T3_COLUMNS, T3_ROWS};
use super::normalize::{norm, trim_blank};
use super::text::read_text;
use super::value::{self, Reading};
use super::{Ambiguity, NumCell, Report, T2Entry, Table2, Table3, Table4};
use crate::findings::CellRef;
use crate::model::{Block, Document, Table};
use crate::rejection::{Refusal, Rejection};

/// Finds the report in a parsed document.
pub fn recognise(doc: &Document) -> Result<Report, Rejection> {
    let kinds = classify_tables(doc);
    if kinds.iter().all(|k| k.is_none()) {
        return Err(no_report_tables(doc));
    }
    let segments = segment(&kinds);
    let first = segments.first().cloned().unwrap_or_default();
    let mut report = Report {
        report_count: segments.len().max(1),
        ..Report::default()
    };

    let t2_parts: Vec<usize> = first
        .iter()
        .filter(|(_, k)| *k == 2)
        .map(|(i, _)| *i)
        .collect();
    let t3_parts: Vec<usize> = first
        .iter()
        .filter(|(_, k)| *k == 3)
        .map(|(i, _)| *i)
        .collect();
    let t4_parts: Vec<usize> = first
        .iter()
        .filter(|(_, k)| *k == 4)
        .map(|(i, _)| *i)
        .collect();

    if !t3_parts.is_empty() {
        let mut t3 = read_t3(doc, &t3_parts, &mut report.ambiguities);
        let has_split = ["other_1", "other_2", "other_3"]
            .iter()
            .any(|k| t3.has_row(k));
        if has_split {
            // A 2021 table may give the group label “（六）其他处理” a row of its own, with
            // empty number cells: that row is a heading, not the 2019 single row.
            if let Some(slot) = formats::t3_row_index("other").and_then(|i| t3.rows.get_mut(i)) {
                let blank = slot.as_ref().is_some_and(|cells| {
                    cells.iter().flatten().all(|c| c.reading == Reading::Blank)
                });
                if blank {
                    *slot = None;
                }
            }
        }
        let has_single = t3.has_row("other");
        report.format_t3 = match (has_split, has_single) {
            (true, false) => Some(Format::F2021),
            (false, true) => Some(Format::F2019),
            _ => None,
        };
        report.t3 = Some(t3);
    }
    if !t2_parts.is_empty() {
        let t2 = read_t2(doc, &t2_parts, &mut report.ambiguities);
        let mut n2021 = 0;
        let mut n2019 = 0;
        for e in &t2.entries {
            match formats::t2_column_format(e.column) {
                Some(Format::F2021) => n2021 += 1,
                Some(Format::F2019) => n2019 += 1,
                None => {}
            }
        }
        report.format_t2 = if n2021 > n2019 {
            Some(Format::F2021)
        } else if n2019 > n2021 {
            Some(Format::F2019)
        } else {
            None
        };
        report.t2 = Some(t2);
    }
    if let Some(&t) = t4_parts.first() {
        if t4_parts.len() > 1 {
            report.ambiguities.push(Ambiguity::T4InSeveralTables {
                count: t4_parts.len(),
            });
        }
        report.t4 = doc
            .tables
            .get(t)
            .map(|table| read_t4(table, &mut report.ambiguities));
    }
    report.format = report.format_t3.or(report.format_t2);

    read_text(doc, &first, &mut report);
    if report.format.is_none() {
        report.format = report.year.and_then(Format::required_for);
    }
    Ok(report)
}

fn no_report_tables(doc: &Document) -> Rejection {
    let paragraphs = doc
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Paragraph(p) if !trim_blank(&p.text).is_empty()))
        .count();
    let shapes = doc
        .tables
        .iter()
        .take(5)
        .map(|t| (t.rows, t.cols))
        .collect();
    Rejection::from(Refusal::NoReportTables {
        paragraphs,
        tables: doc.tables.len(),
        shapes,
    })
}

const T3_CUES: &[&str] = &[
    "本年新收",
    "上年结转",
    "予以公开",
    "部分公开",
    "不予公开",
    "无法提供",
    "不予处理",
    "其他处理",
    "结转下年",
    "申请人情况",
    "自然人",
    "勾稽",
];

/// The kind (2, 3, 4) of each physical table, or `None` for other tables.
fn classify_tables(doc: &Document) -> Vec<Option<u8>> {
    let mut kinds: Vec<Option<u8>> = Vec::with_capacity(doc.tables.len());
    for t in &doc.tables {
        let text = norm(&t.all_text());
        let t3 = T3_CUES.iter().filter(|c| text.contains(*c)).count();
        let kind = if t3 >= 3 {
            Some(3)
        } else if text.contains("行政复议")
            && (text.contains("行政诉讼") || text.contains("结果维持") || text.contains("尚未审结"))
        {
            Some(4)
        } else if text.contains("第二十条")
            || (text.contains("信息内容")
                && ["规章", "行政许可", "行政处罚", "事业性收费"]
                    .iter()
                    .any(|c| text.contains(c)))
        {
            Some(2)
        } else if kinds.last().copied().flatten() == Some(3) && t3_rows_matched(t) > 0 {
            // A continuation of table 三 split by a page break, without the header.
            Some(3)
        } else {
            None
        };
        kinds.push(kind);
    }
    kinds
}

fn t3_rows_matched(t: &Table) -> usize {
    (0..t.rows)
        .filter(|&r| t3_row_key_guess(t, r).is_some())
        .count()
}

/// The table 三 row key a row seems to be, judging by its text cells alone (no column map).
fn t3_row_key_guess(t: &Table, r: usize) -> Option<&'static str> {
    let cells = t.row_cells(r);
    let labels: Vec<String> = cells
        .iter()
        .map(|c| norm(&c.text))
        .filter(|s| !s.is_empty() && value::read(s).0 == Reading::Invalid)
        .collect();
    let context = labels.concat();
    labels
        .last()
        .and_then(|leaf| formats::match_t3_row(leaf, &context))
}

/// Splits the report tables into reports: a document with two reports pasted one after the
/// other has the table kinds restart.
fn segment(kinds: &[Option<u8>]) -> Vec<Vec<(usize, u8)>> {
    let mut segments: Vec<Vec<(usize, u8)>> = Vec::new();
    let mut current: Vec<(usize, u8)> = Vec::new();
    let mut prev: Option<u8> = None;
    for (i, k) in kinds.iter().enumerate() {
        let Some(k) = *k else { continue };
        let seen = |kind: u8| current.iter().any(|(_, x)| *x == kind);
        let restart = match k {
            2 => seen(3) || seen(4) || (seen(2) && prev != Some(2)),
            3 => seen(4) || (seen(3) && prev != Some(3)),
            4 => seen(4),
            _ => false,
        };
        if restart && !current.is_empty() {
            segments.push(std::mem::take(&mut current));
        }
        current.push((i, k));
        prev = Some(k);
    }
    if !current.is_empty() {
        segments.push(current);
    }
    segments
}

// ------------------------------------------------------------------ table 三

type ColMap = [Option<(usize, usize)>; 7];

const T3_HEADER_LABELS: &[&str] = &[
    "申请人情况",
    "法人或其他组织",
    "自然人",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
    "总计",
];

fn t3_header_column(n: &str) -> Option<usize> {
    if n == "其他" || n == "其他组织" {
        return Some(5);
    }
    if n == "总计" || n == "合计" {
        return Some(6);
    }
    T3_COLUMNS
        .iter()
        .take(5)
        .position(|label| n == norm(label) || (n.chars().count() <= 8 && n.contains(&norm(label))))
}

fn read_t3(doc: &Document, parts: &[usize], notes: &mut Vec<Ambiguity>) -> Table3 {
    let mut t3 = Table3 {
        parts: parts.to_vec(),
        rows: vec![None; T3_ROWS.len()],
        ..Table3::default()
    };
    let mut inherited: Option<(usize, ColMap)> = None;
    for &ti in parts {
        let Some(t) = doc.tables.get(ti) else {
            continue;
        };
        // Header rows: rows with a column label standing alone in a cell.
        let mut map: ColMap = [None; 7];
        let mut header_rows: std::collections::BTreeSet<usize> = std::collections::BTreeSet::new();
        // Header rows come before the first data row (a data row labelled just “总计” must not
        // be taken for the header's 总计 column).
        let first_data = (0..t.rows)
            .find(|&r| t3_row_key_guess(t, r).is_some_and(|k| k != "results_total"))
            .unwrap_or(t.rows);
        for r in 0..first_data {
            let cells = t.row_cells(r);
            let mut is_header = false;
            for c in &cells {
                let n = norm(&c.text);
                if n.contains("勾稽") {
                    t3.has_note = true;
                }
                if T3_HEADER_LABELS.contains(&n.as_str())
                    || t3_header_column(&n).is_some_and(|i| i < 5 && n.chars().count() <= 8)
                {
                    is_header = true;
                }
            }
            if !is_header {
                continue;
            }
            header_rows.insert(r);
            for c in &cells {
                if let Some(i) = t3_header_column(&norm(&c.text)) {
                    map[i] = Some((c.col, c.col + c.col_span.max(1) - 1));
                }
            }
        }
        let own = map.iter().filter(|m| m.is_some()).count();
        let map = if own >= 4 {
            for (i, m) in map.iter().enumerate() {
                if m.is_some() {
                    t3.columns_found[i] = true;
                }
            }
            inherited = Some((t.cols, map));
            map
        } else if let Some((_, m)) = inherited.filter(|(cols, _)| *cols == t.cols) {
            m
        } else {
            // No usable header: the last seven columns hold the numbers.
            let mut m: ColMap = [None; 7];
            if t.cols >= 8 {
                for (i, slot) in m.iter_mut().enumerate() {
                    let c = t.cols - 7 + i;
                    *slot = Some((c, c));
                }
                notes.push(Ambiguity::T3WithoutHeader {
                    part: t3.parts.iter().position(|&p| p == ti).unwrap_or(0) + 1,
                });
            }
            m
        };
        let Some(first_num) = map.iter().flatten().map(|(a, _)| *a).min() else {
            continue;
        };
        for r in 0..t.rows {
            if header_rows.contains(&r) {
                continue;
            }
            let mut label_cells: Vec<String> = Vec::new();
            let mut seen_cell: Option<usize> = None;
            for c in 0..first_num {
                let Some(ci) = t.cell_index_at(r, c) else {
                    continue;
                };
                if seen_cell == Some(ci) {
                    continue;
                }
                seen_cell = Some(ci);
                if let Some(cell) = t.cells.get(ci) {
                    if cell.col + cell.col_span > first_num {
                        continue;
                    }
                    let n = norm(&cell.text);
                    if !n.is_empty() {
                        label_cells.push(n);
                    }
                }
            }
            let Some(leaf) = label_cells.last() else {
                continue;
            };
            let context = label_cells.concat();
            let Some(key) = formats::match_t3_row(leaf, &context) else {
                continue;
            };
            let Some(idx) = formats::t3_row_index(key) else {
                continue;
            };
            let mut values: [Option<NumCell>; 7] = Default::default();
            for (i, m) in map.iter().enumerate() {
                let Some((c0, _)) = m else { continue };
                if let Some(cell) = t.cell_at(r, *c0) {
                    if cell.col >= first_num {
                        values[i] = Some(NumCell::new(ti, cell));
                    }
                }
            }
            match t3.rows.get_mut(idx) {
                Some(slot @ None) => *slot = Some(values),
                Some(Some(_)) if !t3.duplicate_rows.contains(&key) => t3.duplicate_rows.push(key),
                Some(Some(_)) => {}
                None => {}
            }
        }
    }
    t3
}

// ------------------------------------------------------------------ table 四

const T4_TERMS: &[&str] = &[
    "行政复议",
    "行政诉讼",
    "复议",
    "起诉",
    "维持",
    "纠正",
    "其他结果",
    "审结",
    "总计",
];

fn read_t4(t: &Table, notes: &mut Vec<Ambiguity>) -> Table4 {
    let mut header_rows: Vec<usize> = Vec::new();
    let mut data_rows: Vec<usize> = Vec::new();
    for r in 0..t.rows {
        let cells = t.row_cells(r);
        let numeric = cells.iter().any(|c| {
            matches!(
                value::read(&c.text).0,
                Reading::Int(_) | Reading::Decimal(_)
            )
        });
        let header = !numeric
            && cells.iter().any(|c| {
                let n = norm(&c.text);
                T4_TERMS.iter().any(|term| n.contains(term)) && n.chars().count() <= 12
            });
        // Header rows are the ones above the data; a note below the table that names 行政复议
        // is not a header.
        if header && data_rows.is_empty() {
            header_rows.push(r);
        } else if !header_rows.is_empty() {
            data_rows.push(r);
        }
    }
    let mut col_of: Vec<Option<usize>> = vec![None; 15];
    for c in 0..t.cols {
        let mut labels: Vec<String> = Vec::new();
        let mut last: Option<usize> = None;
        for &r in &header_rows {
            let Some(ci) = t.cell_index_at(r, c) else {
                continue;
            };
            if last == Some(ci) {
                continue;
            }
            last = Some(ci);
            if let Some(cell) = t.cells.get(ci) {
                let n = norm(&cell.text);
                if !n.is_empty() {
                    labels.push(n);
                }
            }
        }
        if let Some(k) = formats::match_t4_column(&labels) {
            if let Some(slot) = col_of.get_mut(k) {
                if slot.is_none() {
                    *slot = Some(c);
                }
            }
        }
    }
    // A data row has several cells under the mapped columns (a note row spans them all).
    let has_text = |r: usize| {
        let distinct: std::collections::BTreeSet<usize> = col_of
            .iter()
            .flatten()
            .filter_map(|&c| t.cell_index_at(r, c))
            .collect();
        distinct.len() >= 2
            && col_of.iter().flatten().any(|&c| {
                t.cell_at(r, c)
                    .is_some_and(|cell| !trim_blank(&cell.text).is_empty())
            })
    };
    let with_text: Vec<usize> = data_rows.iter().copied().filter(|&r| has_text(r)).collect();
    let data_row = with_text
        .first()
        .copied()
        .or_else(|| data_rows.first().copied());
    let extra = with_text.len().saturating_sub(1);
    if extra > 0 {
        notes.push(Ambiguity::T4SeveralDataRows {
            rows: with_text.len(),
        });
    }
    let cells = col_of
        .iter()
        .map(|c| {
            let (r, c) = (data_row?, (*c)?);
            t.cell_at(r, c)
                .filter(|cell| cell.row == r || cell.row_span == 1)
                .map(|cell| NumCell::new(t.index, cell))
        })
        .collect();
    Table4 {
        table: t.index,
        cells,
        extra_data_rows: extra,
    }
}

// ------------------------------------------------------------------ table 二

fn read_t2(doc: &Document, parts: &[usize], notes: &mut Vec<Ambiguity>) -> Table2 {
    let mut t2 = Table2 {
        parts: parts.to_vec(),
        entries: Vec::new(),
    };
    for &ti in parts {
        let Some(t) = doc.tables.get(ti) else {
            continue;
        };
        let mut header: Vec<((usize, usize), Option<&'static str>)> = Vec::new();
        for r in 0..t.rows {
            let cells = t.row_cells(r);
            // The label is the first cell with text (blank columns may stand before it).
            let Some(k) = cells.iter().position(|c| !norm(&c.text).is_empty()) else {
                continue;
            };
            let Some(first) = cells.get(k) else { continue };
            let rest = cells.get(k + 1..).unwrap_or_default();
            let first_n = norm(&first.text);
            if first_n.contains("信息内容") {
                header = rest
                    .iter()
                    .map(|c| {
                        (
                            (c.col, c.col + c.col_span.max(1) - 1),
                            formats::match_t2_column(&norm(&c.text)),
                        )
                    })
                    .collect();
                continue;
            }
            let Some(row) = formats::match_t2_row(&first_n) else {
                continue;
            };
            for c in rest {
                let (a, b) = (c.col, c.col + c.col_span.max(1) - 1);
                let under = header.iter().find(|((ha, hb), _)| a <= *hb && b >= *ha);
                match under.map(|(_, col)| *col) {
                    Some(Some(column)) => {
                        if t2
                            .entries
                            .iter()
                            .any(|e| e.row == row && e.column == column)
                        {
                            notes.push(Ambiguity::T2DuplicateCell {
                                row: trim_blank(&first.text).to_string(),
                                column,
                                cell: CellRef {
                                    table: ti,
                                    row: c.row,
                                    col: c.col,
                                },
                            });
                            continue;
                        }
                        t2.entries.push(T2Entry {
                            row,
                            row_text: trim_blank(&first.text).to_string(),
                            column,
                            value: NumCell::new(ti, c),
                        })
                    }
                    _ => {
                        if !trim_blank(&c.text).is_empty() {
                            notes.push(Ambiguity::T2UnlabelledNumber {
                                row: trim_blank(&first.text).to_string(),
                                text: trim_blank(&c.text).to_string(),
                                cell: CellRef {
                                    table: ti,
                                    row: c.row,
                                    col: c.col,
                                },
                            });
                        }
                    }
                }
            }
        }
    }
    t2
}
