//! Recognition of the tables: which physical tables are tables 二, 三 and 四, how many reports
//! the document holds, and each table read into typed cells by its labels.

use super::formats::{self, Format, T3_COLUMNS, T3_ROWS};
use super::labels::{self, Decision, LabelMatch};
use super::normalize::{norm, norm_into, trim_blank};
use super::text::{detect_section, is_title, parse_date_line, read_text};
use super::value::{self, Reading};
use super::{
    Ambiguity, LabelConflict, LabelVariant, NumCell, Report, T2Entry, Table2, Table3, Table4,
};
use crate::findings::CellRef;
use crate::model::{Block, Document, Table};
use crate::rejection::{Refusal, Rejection};

mod t4;
use t4::read_t4;

/// Finds the (first) report in a parsed document.
pub fn recognise(doc: &Document) -> Result<Report, Rejection> {
    let mut all = recognise_all(doc)?;
    if all.is_empty() {
        return Err(no_report_tables(doc));
    }
    Ok(all.swap_remove(0))
}

/// Finds every report in a parsed document: one normally, several when reports were pasted
/// one after the other (the report tables start again). Each gets the blocks from its title
/// (or first heading) to the next report's.
pub fn recognise_all(doc: &Document) -> Result<Vec<Report>, Rejection> {
    let kinds = classify_tables(doc);
    if !kinds.contains(&Some(3)) && doc.tables.iter().any(is_old_statistics_table) {
        return Err(old_layout(None));
    }
    if kinds.iter().all(|k| k.is_none()) {
        return Err(no_report_tables(doc));
    }
    let all = segment(&kinds);
    // A later run of report tables is another report when it holds table 三 and table 二 or
    // 四; a stray table (a note table that mentions 行政复议 and 行政诉讼, say) is not, and is
    // reported as an ambiguity of the report before it.
    let is_report = |seg: &Vec<(usize, u8)>| {
        let has = |kind: u8| seg.iter().any(|(_, k)| *k == kind);
        has(3) && (has(2) || has(4))
    };
    let mut chosen: Vec<usize> = (0..all.len()).filter(|&i| is_report(&all[i])).collect();
    if chosen.is_empty() {
        chosen.push(0);
    }
    let segments: Vec<Vec<(usize, u8)>> =
        chosen.iter().filter_map(|&i| all.get(i).cloned()).collect();
    let mut strays: Vec<(usize, Vec<u8>)> = Vec::new();
    for (i, seg) in all.iter().enumerate() {
        if chosen.contains(&i) {
            continue;
        }
        let owner = chosen.iter().rposition(|&c| c < i).unwrap_or(0);
        let mut kinds: Vec<u8> = seg.iter().map(|(_, k)| *k).collect();
        crate::order::sort_unstable(&mut kinds);
        kinds.dedup();
        strays.push((owner, kinds));
    }
    // Block index of each table, looked up once (documents may hold many tables and blocks).
    let mut table_block: Vec<Option<usize>> = vec![None; doc.tables.len()];
    for (i, b) in doc.blocks.iter().enumerate() {
        if let Block::Table(t) = b {
            if let Some(slot) = table_block.get_mut(*t) {
                slot.get_or_insert(i);
            }
        }
    }
    let block_of = |table: usize| table_block.get(table).copied().flatten();
    let starts = report_starts(doc, &segments, &block_of);
    let count = segments.len().max(1);
    let mut reports = Vec::with_capacity(count);
    for (i, seg) in segments.iter().enumerate() {
        let from = starts.get(i).copied().unwrap_or(0);
        let to = starts.get(i + 1).copied().unwrap_or(doc.blocks.len());
        let mut report = read_report(doc, seg, from..to.max(from), i, count)?;
        for kind in [2u8, 3, 4] {
            let block = seg
                .iter()
                .filter(|(_, k)| *k == kind)
                .find_map(|(t, _)| block_of(*t));
            if let Some(b) = block {
                report.table_blocks.push((kind, b));
            }
        }
        for (_, kinds) in strays.iter().filter(|(owner, _)| *owner == i) {
            report.ambiguities.push(Ambiguity::StrayTables {
                kinds: kinds.clone(),
            });
        }
        reports.push(report);
    }
    Ok(reports)
}

/// The block where each report starts: 0 for the first; for a later one, its title (with an
/// agency line just above it), else its first section heading, found by walking back from its
/// first table, never past the previous report's tables or signing date.
fn report_starts(
    doc: &Document,
    segments: &[Vec<(usize, u8)>],
    block_of: &dyn Fn(usize) -> Option<usize>,
) -> Vec<usize> {
    let mut starts = vec![0];
    for k in 1..segments.len() {
        let prev_end = segments
            .get(k - 1)
            .and_then(|s| s.iter().filter_map(|(t, _)| block_of(*t)).max())
            .map_or(0, |b| b + 1);
        let lo = prev_end.max(starts.last().copied().unwrap_or(0));
        let Some(first) = segments
            .get(k)
            .and_then(|s| s.first())
            .and_then(|(t, _)| block_of(*t))
        else {
            starts.push(lo);
            continue;
        };
        let mut start = first.max(lo);
        let mut min_heading = usize::MAX;
        let mut title: Option<usize> = None;
        for pos in (lo..first).rev() {
            let Some(Block::Paragraph(p)) = doc.blocks.get(pos) else {
                if title.is_some() {
                    break;
                }
                continue;
            };
            let text = trim_blank(&p.text);
            if text.is_empty() {
                continue;
            }
            if title.is_some() {
                // An agency line right above the title belongs to the report.
                if text.chars().count() <= 40
                    && !text.contains('。')
                    && parse_date_line(text).is_none()
                    && detect_section(p).is_none()
                {
                    start = pos;
                }
                break;
            }
            if parse_date_line(text).is_some() {
                break;
            }
            if let Some((index, _, _)) = detect_section(p) {
                if index >= min_heading {
                    break;
                }
                min_heading = index;
                start = pos;
                continue;
            }
            if is_title(text) {
                title = Some(pos);
                start = pos;
            }
        }
        starts.push(start);
    }
    starts
}

/// Reads one report: its tables (one segment of the report tables) and the text of blocks
/// `blocks`.
fn read_report(
    doc: &Document,
    first: &[(usize, u8)],
    blocks: std::ops::Range<usize>,
    index: usize,
    count: usize,
) -> Result<Report, Rejection> {
    let mut report = Report {
        index,
        report_count: count,
        blocks: blocks.clone(),
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
        let mut t3 = read_t3(doc, &t3_parts, &mut report);
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
        let t2 = read_t2(doc, &t2_parts, &mut report);
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
            .map(|table| read_t4(table, &mut report.ambiguities, &mut report.label_variants));
    }
    report.format = report.format_t3.or(report.format_t2);

    read_text(doc, blocks, &mut report);
    // A report of 2018 or earlier whose tables are not the uniform table 三: an old layout.
    if let Some(year) = report.title_year.or(report.year).filter(|y| *y <= 2018) {
        let t3_rows = report
            .t3
            .as_ref()
            .map_or(0, |t| t.rows.iter().flatten().count());
        if t3_rows < 12 {
            return Err(old_layout(Some(year)));
        }
    }
    if report.format.is_none() {
        report.format = report.year.and_then(Format::required_for);
    }
    // Tables of two formats: the reading that explains most of the document is the format
    // the year calls for (the two tables vote one each); each table is still read and checked
    // with its own rows and columns, and the odd piece is named once (S.HYBRID).
    if let (Some(t3), Some(t2)) = (report.format_t3, report.format_t2) {
        if t3 != t2 {
            let chosen = report.year.and_then(Format::required_for).unwrap_or(t3);
            report.format = Some(chosen);
            report.hybrid = Some(if t3 != chosen { 3 } else { 2 });
        }
    }
    Ok(report)
}

/// The rejection of a report in a layout from before the uniform formats; `what` says what
/// showed it.
fn old_layout(year: Option<i32>) -> Rejection {
    Rejection::from(Refusal::OldLayout { year })
}

/// The single statistics table of the layouts before 2019: a header row 指标名称 | 计量单位 |
/// 本年度 (| 累计).
fn is_old_statistics_table(t: &Table) -> bool {
    (0..t.rows.min(3)).any(|r| {
        let mut row = String::new();
        for c in t.row_cells(r) {
            norm_into(&c.text, &mut row);
        }
        row.contains("指标名称") && (row.contains("计量单位") || row.contains("累计"))
    })
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
        // norm(all_text()): the line breaks between cells are dropped by `norm`.
        let mut text = String::new();
        for c in &t.cells {
            norm_into(&c.text, &mut text);
        }
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
    labels
        .last()
        .and_then(|leaf| formats::match_t3_row(leaf, &t3_context(leaf, &labels)))
}

/// The row's label cells joined, as [`formats::match_t3_row`] reads them: only for a leaf “其他”
/// (the one case it looks at them), else empty.
fn t3_context(leaf: &str, labels: &[String]) -> String {
    if formats::t3_leaf_needs_context(leaf) {
        labels.concat()
    } else {
        String::new()
    }
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

/// The official labels of table 三's header rows.
const T3_HEADER_LABELS: [&str; 9] = [
    formats::T3_TOP,
    formats::T3_ORG_GROUP,
    T3_COLUMNS[0],
    T3_COLUMNS[1],
    T3_COLUMNS[2],
    T3_COLUMNS[3],
    T3_COLUMNS[4],
    T3_COLUMNS[5],
    T3_COLUMNS[6],
];

fn t3_header_column(n: &str) -> Option<usize> {
    if n == "其他" || n == "其他组织" {
        return Some(5);
    }
    if n == "总计" || n == "合计" {
        return Some(6);
    }
    // The labels are their own normal form (`tests::t3_column_labels_are_normalised`).
    let short = n.chars().count() <= 8;
    T3_COLUMNS
        .iter()
        .take(5)
        .position(|label| n == *label || (short && n.contains(label)))
}

fn read_t3(doc: &Document, parts: &[usize], report: &mut Report) -> Table3 {
    let notes = &mut report.ambiguities;
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
                let n = norm(&c.text);
                let column = t3_header_column(&n).or_else(|| {
                    // A shortened or mistyped column header ("社会公益"): a variant, said so.
                    let i = labels::match_label(&c.text, &labels::T3_COLUMNS).index()?;
                    let official = labels::T3_COLUMNS.get(i)?.label.to_string();
                    let cell = CellRef {
                        table: ti,
                        row: c.row,
                        col: c.col,
                    };
                    if !report
                        .label_variants
                        .iter()
                        .any(|v| v.cells.first() == Some(&cell))
                    {
                        report.label_variants.push(LabelVariant {
                            table: 3,
                            written: trim_blank(&c.text).to_string(),
                            official,
                            cells: vec![cell],
                        });
                    }
                    Some(i)
                });
                if let Some(i) = column {
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
        // The normalised label cells of a row, their buffers kept from row to row.
        let mut label_bufs: Vec<String> = Vec::new();
        for r in 0..t.rows {
            if header_rows.contains(&r) {
                continue;
            }
            let mut used = 0;
            let mut leaf_cell: Option<(&str, CellRef)> = None;
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
                    if used == label_bufs.len() {
                        label_bufs.push(String::new());
                    }
                    let Some(buf) = label_bufs.get_mut(used) else {
                        continue;
                    };
                    buf.clear();
                    norm_into(&cell.text, buf);
                    if !buf.is_empty() {
                        used += 1;
                        leaf_cell = Some((
                            trim_blank(&cell.text),
                            CellRef {
                                table: ti,
                                row: cell.row,
                                col: cell.col,
                            },
                        ));
                    }
                }
            }
            let label_cells = label_bufs.get(..used).unwrap_or_default();
            let (Some(leaf), Some((leaf_raw, leaf_ref))) = (label_cells.last(), leaf_cell) else {
                continue;
            };
            let context = t3_context(leaf, label_cells);
            let phrase = formats::match_t3_row(leaf, &context).and_then(formats::t3_row_index);
            let mut fuzzy = labels::match_label(leaf_raw, &labels::T3_ROWS);
            // “其他” is the row （六）3.其他 only under （六）其他处理.
            let other_3 = formats::t3_row_index("other_3");
            if fuzzy.index() == other_3 && phrase != other_3 {
                fuzzy = LabelMatch::NoMatch;
            }
            let mut values: [Option<NumCell>; 7] = Default::default();
            for (i, m) in map.iter().enumerate() {
                let Some((c0, _)) = m else { continue };
                if let Some(cell) = t.cell_at(r, *c0) {
                    if cell.col >= first_num {
                        values[i] = Some(NumCell::new(ti, cell));
                    }
                }
            }
            let row_cells = || {
                std::iter::once(leaf_ref)
                    .chain(values.iter().flatten().map(|v| v.cell))
                    .collect::<Vec<_>>()
            };
            let official = |i: usize| {
                labels::T3_ROWS
                    .get(i)
                    .map(|o| o.label.to_string())
                    .unwrap_or_default()
            };
            let idx = match labels::decide(phrase, fuzzy) {
                Decision::Skip => continue,
                Decision::Ambiguous(candidates) => {
                    report.label_conflicts.push(LabelConflict {
                        table: 3,
                        written: leaf_raw.to_string(),
                        candidates: candidates.into_iter().map(official).collect(),
                        cells: row_cells(),
                    });
                    continue;
                }
                Decision::Take { index, variant } => {
                    if variant {
                        report.label_variants.push(LabelVariant {
                            table: 3,
                            written: leaf_raw.to_string(),
                            official: official(index),
                            cells: row_cells(),
                        });
                    }
                    index
                }
            };
            let Some(key) = formats::T3_ROWS.get(idx).map(|d| d.key) else {
                continue;
            };
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

fn read_t2(doc: &Document, parts: &[usize], report: &mut Report) -> Table2 {
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
                header = Vec::new();
                for c in rest {
                    let span = (c.col, c.col + c.col_span.max(1) - 1);
                    let written = trim_blank(&c.text).to_string();
                    let phrase = formats::match_t2_column(&norm(&c.text))
                        .and_then(|col| labels::T2_COLUMNS.iter().position(|o| o.label == col));
                    let cell = CellRef {
                        table: ti,
                        row: c.row,
                        col: c.col,
                    };
                    let column = match labels::decide(
                        phrase,
                        labels::match_label(&written, &labels::T2_COLUMNS),
                    ) {
                        Decision::Take { index, variant } => {
                            let official = labels::T2_COLUMNS.get(index).map(|o| o.label);
                            if let (true, Some(official)) = (variant, official) {
                                report.label_variants.push(LabelVariant {
                                    table: 2,
                                    written,
                                    official: official.to_string(),
                                    cells: vec![cell],
                                });
                            }
                            official
                        }
                        Decision::Ambiguous(v) => {
                            let candidates = v
                                .iter()
                                .filter_map(|&i| labels::T2_COLUMNS.get(i))
                                .map(|o| o.label.to_string())
                                .collect();
                            report.label_conflicts.push(LabelConflict {
                                table: 2,
                                written,
                                candidates,
                                cells: vec![cell],
                            });
                            None
                        }
                        Decision::Skip => None,
                    };
                    header.push((span, column));
                }
                continue;
            }
            let row = match formats::match_t2_row(&first_n) {
                Some(row) => row,
                None => match labels::match_label(&first.text, &labels::T2_ROWS) {
                    LabelMatch::Variant(i) => {
                        let Some(o) = labels::T2_ROWS.get(i) else {
                            continue;
                        };
                        let cell = CellRef {
                            table: ti,
                            row: first.row,
                            col: first.col,
                        };
                        report.label_variants.push(LabelVariant {
                            table: 2,
                            written: trim_blank(&first.text).to_string(),
                            official: o.label.to_string(),
                            cells: vec![cell],
                        });
                        o.label
                    }
                    _ => continue,
                },
            };
            for c in rest {
                let (a, b) = (c.col, c.col + c.col_span.max(1) - 1);
                let under = header.iter().find(|((ha, hb), _)| a <= *hb && b >= *ha);
                match under.map(|(_, col)| *col) {
                    Some(Some(column)) => {
                        let notes = &mut report.ambiguities;
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
                        let mut value = NumCell::new(ti, c);
                        if column.contains("万元") {
                            value.yuan_to_wan();
                        }
                        t2.entries.push(T2Entry {
                            row,
                            row_text: trim_blank(&first.text).to_string(),
                            column,
                            value,
                        })
                    }
                    _ => {
                        if !trim_blank(&c.text).is_empty() {
                            report.ambiguities.push(Ambiguity::T2UnlabelledNumber {
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
