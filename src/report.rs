//! Recognises the report in a document: agency, year, format, sections, and tables 二, 三, 四
//! as typed values, each number cell keeping a reference to where it sits in the document.
//!
//! Tables are located by their labels, never by position: header rows may come in any order,
//! a table may be split over several `w:tbl`, and documents hold other tables too.

use crate::check::{ReportInfo, ValueEntry, Values};
use crate::document::{Block, Document, Paragraph, Table};
use crate::finding::{CellRef, Quantity};
use crate::formats::{self, Format, T2Kind, T3_COLUMNS, T3_ROWS, T4_COLUMNS};
use crate::normalize::{norm, split_heading_number, trim_blank, HeadingNumber};
use crate::rejection::{Rejection, RejectionCode};
use crate::value::{self, Extras, Reading};

/// A number cell as read from the document.
#[derive(Debug, Clone, PartialEq)]
pub struct NumCell {
    pub raw: String,
    pub reading: Reading,
    pub extras: Extras,
    pub cell: CellRef,
}

impl NumCell {
    fn new(table: usize, cell: &crate::document::Cell) -> Self {
        let (reading, extras) = value::read(&cell.text);
        NumCell { raw: cell.text.clone(), reading, extras, cell: CellRef { table, row: cell.row, col: cell.col } }
    }

    /// The integer value, when the cell holds one.
    pub fn int(&self) -> Option<i64> {
        match self.reading {
            Reading::Int(v) => Some(v),
            _ => None,
        }
    }

    pub fn quantity(&self) -> Option<Quantity> {
        match self.reading {
            Reading::Int(v) => Some(Quantity::Int(v)),
            Reading::Decimal(v) => Some(Quantity::Decimal(v)),
            _ => None,
        }
    }
}

/// Table 三: 7 cells per row of [`formats::T3_ROWS`].
#[derive(Debug, Clone, Default)]
pub struct Table3 {
    /// Physical tables that make up the table, in order.
    pub parts: Vec<usize>,
    /// Indexed like `T3_ROWS`; `None` when the row was not found.
    pub rows: Vec<Option<[Option<NumCell>; 7]>>,
    pub columns_found: [bool; 7],
    pub has_note: bool,
    /// Row keys found more than once (the first reading is used).
    pub duplicate_rows: Vec<&'static str>,
}

impl Table3 {
    pub fn cell(&self, key: &str, col: usize) -> Option<&NumCell> {
        let i = formats::t3_row_index(key)?;
        self.rows.get(i)?.as_ref()?.get(col)?.as_ref()
    }
    pub fn has_row(&self, key: &str) -> bool {
        formats::t3_row_index(key).and_then(|i| self.rows.get(i)).is_some_and(|r| r.is_some())
    }
}

/// Table 四: the 15 cells of [`formats::T4_COLUMNS`].
#[derive(Debug, Clone, Default)]
pub struct Table4 {
    pub table: usize,
    pub cells: Vec<Option<NumCell>>,
    /// Further rows after the data row that also hold text.
    pub extra_data_rows: usize,
}

/// One number cell of table 二.
#[derive(Debug, Clone)]
pub struct T2Entry {
    /// Canonical row label from [`formats::match_t2_row`] (规范性文件 for both variants).
    pub row: &'static str,
    /// The row label as written.
    pub row_text: String,
    /// Canonical column label from [`formats::match_t2_column`].
    pub column: &'static str,
    pub value: NumCell,
}

#[derive(Debug, Clone, Default)]
pub struct Table2 {
    pub parts: Vec<usize>,
    pub entries: Vec<T2Entry>,
}

impl Table2 {
    /// The entry for an official row/column of `format`.
    pub fn get(&self, format: Format, row: &str, column: &str) -> Option<&T2Entry> {
        self.entries.iter().find(|e| e.column == column && t2_row_official(format, e.row) == row)
    }
}

/// The official row label of a canonical table 二 row in `format`.
pub fn t2_row_official(format: Format, canonical: &str) -> &str {
    match (format, canonical) {
        (Format::F2021, "规范性文件") => "行政规范性文件",
        _ => canonical,
    }
}

/// A section heading found in the text.
#[derive(Debug, Clone)]
pub struct Section {
    /// 0 for 一 … 5 for 六.
    pub index: usize,
    pub block: usize,
    pub text: String,
    pub number: Option<HeadingNumber>,
    /// Numbered automatically (`w:numPr`).
    pub auto_numbered: bool,
    /// The title is the template's or the notice's wording.
    pub standard_title: bool,
}

/// The recognised report.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub agency: Option<String>,
    pub year: Option<i32>,
    pub title: Option<String>,
    /// Year stated in the title.
    pub title_year: Option<i32>,
    /// First year named at the start of section 一.
    pub text_year: Option<i32>,
    /// The signing date (year, month, day).
    pub date: Option<(i32, u32, u32)>,
    pub format: Option<Format>,
    /// Format suggested by table 三 (its （六） rows) and by table 二 (its columns).
    pub format_t3: Option<Format>,
    pub format_t2: Option<Format>,
    pub t2: Option<Table2>,
    pub t3: Option<Table3>,
    pub t4: Option<Table4>,
    pub sections: Vec<Section>,
    /// How many reports the document seems to hold (1 normally).
    pub report_count: usize,
    /// Plain-language notes on ambiguous readings.
    pub ambiguities: Vec<String>,
    /// A sentence saying that no application was received, if the text has one.
    pub no_application_text: Option<String>,
}

impl Report {
    /// Physical tables making up the report tables, with their kind (2, 3, 4), in document order.
    pub fn physical_tables(&self) -> Vec<(usize, u8)> {
        let mut v = Vec::new();
        if let Some(t) = &self.t2 {
            v.extend(t.parts.iter().map(|&i| (i, 2u8)));
        }
        if let Some(t) = &self.t3 {
            v.extend(t.parts.iter().map(|&i| (i, 3u8)));
        }
        if let Some(t) = &self.t4 {
            v.push((t.table, 4u8));
        }
        v.sort();
        v
    }

    pub fn info(&self) -> ReportInfo {
        ReportInfo { agency: self.agency.clone(), year: self.year, format: self.format.map(|f| f.as_str().to_string()) }
    }

    /// The format used to read the tables: the recognised one, or 2021 by default.
    pub fn effective_format(&self) -> Format {
        self.format.unwrap_or(Format::F2021)
    }

    /// The format table 二 is read with: the one its own columns show, else the report's.
    pub fn t2_format(&self) -> Format {
        self.format_t2.unwrap_or_else(|| self.effective_format())
    }

    /// The format table 三 is read with: the one its own rows show, else the report's.
    pub fn t3_format(&self) -> Format {
        self.format_t3.unwrap_or_else(|| self.effective_format())
    }

    /// Every number cell found, keyed by official labels.
    pub fn values(&self) -> Values {
        let format = self.t2_format();
        let mut v = Values::default();
        if let Some(t2) = &self.t2 {
            for row in formats::t2_rows(format) {
                for (col, _) in row.columns {
                    if let Some(e) = t2.get(format, row.label, col) {
                        v.table2.push(entry(vec![row.caption.to_string(), row.label.to_string()], vec![col.to_string()], &e.value));
                    }
                }
            }
        }
        if let Some(t3) = &self.t3 {
            for (i, def) in T3_ROWS.iter().enumerate() {
                if let Some(Some(cells)) = t3.rows.get(i) {
                    for (c, cell) in cells.iter().enumerate() {
                        if let Some(cell) = cell {
                            let path = def.path.iter().map(|s| s.to_string()).collect();
                            v.table3.push(entry(path, formats::t3_column_path(c), cell));
                        }
                    }
                }
            }
        }
        if let Some(t4) = &self.t4 {
            for (i, (_, path)) in T4_COLUMNS.iter().enumerate() {
                if let Some(Some(cell)) = t4.cells.get(i) {
                    v.table4.push(entry(Vec::new(), path.iter().map(|s| s.to_string()).collect(), cell));
                }
            }
        }
        v
    }
}

fn entry(row: Vec<String>, column: Vec<String>, cell: &NumCell) -> ValueEntry {
    ValueEntry { row, column, value: cell.quantity(), raw: cell.raw.clone(), cell: Some(cell.cell) }
}

// ------------------------------------------------------------------ recognition

/// Finds the report in a parsed document.
pub fn recognise(doc: &Document) -> Result<Report, Rejection> {
    let kinds = classify_tables(doc);
    if kinds.iter().all(|k| k.is_none()) {
        return Err(no_report_tables(doc));
    }
    let segments = segment(&kinds);
    let first = segments.first().cloned().unwrap_or_default();
    let mut report = Report { report_count: segments.len().max(1), ..Report::default() };

    let t2_parts: Vec<usize> = first.iter().filter(|(_, k)| *k == 2).map(|(i, _)| *i).collect();
    let t3_parts: Vec<usize> = first.iter().filter(|(_, k)| *k == 3).map(|(i, _)| *i).collect();
    let t4_parts: Vec<usize> = first.iter().filter(|(_, k)| *k == 4).map(|(i, _)| *i).collect();

    if !t3_parts.is_empty() {
        let mut t3 = read_t3(doc, &t3_parts, &mut report.ambiguities);
        let has_split = ["other_1", "other_2", "other_3"].iter().any(|k| t3.has_row(k));
        if has_split {
            // A 2021 table may give the group label “（六）其他处理” a row of its own, with
            // empty number cells: that row is a heading, not the 2019 single row.
            if let Some(slot) = formats::t3_row_index("other").and_then(|i| t3.rows.get_mut(i)) {
                let blank = slot.as_ref().is_some_and(|cells| cells.iter().flatten().all(|c| c.reading == Reading::Blank));
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
            report.ambiguities.push(format!("表四出现在 {} 个表格中，只读取了第一个", t4_parts.len()));
        }
        report.t4 = doc.tables.get(t) .map(|table| read_t4(table, &mut report.ambiguities));
    }
    report.format = report.format_t3.or(report.format_t2);

    read_text(doc, &first, &mut report);
    if report.format.is_none() {
        report.format = report.year.and_then(Format::required_for);
    }
    Ok(report)
}

fn no_report_tables(doc: &Document) -> Rejection {
    let paragraphs = doc.blocks.iter().filter(|b| matches!(b, Block::Paragraph(p) if !trim_blank(&p.text).is_empty())).count();
    let found = if doc.tables.is_empty() {
        format!("文档中有 {paragraphs} 段文字，没有表格")
    } else {
        let shapes: Vec<String> = doc.tables.iter().take(5).map(|t| format!("{}行×{}列", t.rows, t.cols)).collect();
        let more = if doc.tables.len() > 5 { "等" } else { "" };
        format!("文档中有 {paragraphs} 段文字和 {} 个表格（{}{more}），但都不是年报的统计表", doc.tables.len(), shapes.join("、"))
    };
    Rejection::new(
        RejectionCode::NoReportTables,
        format!("未找到年报表格：{found}。请确认这是政府信息公开工作年度报告，且表二（主动公开）、表三（依申请公开）、表四（行政复议、行政诉讼）是 Word 表格而不是图片"),
    )
}

const T3_CUES: &[&str] = &["本年新收", "上年结转", "予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理", "结转下年", "申请人情况", "自然人", "勾稽"];

/// The kind (2, 3, 4) of each physical table, or `None` for other tables.
fn classify_tables(doc: &Document) -> Vec<Option<u8>> {
    let mut kinds: Vec<Option<u8>> = Vec::with_capacity(doc.tables.len());
    for t in &doc.tables {
        let text = norm(&t.all_text());
        let t3 = T3_CUES.iter().filter(|c| text.contains(*c)).count();
        let kind = if t3 >= 3 {
            Some(3)
        } else if text.contains("行政复议") && (text.contains("行政诉讼") || text.contains("结果维持") || text.contains("尚未审结")) {
            Some(4)
        } else if text.contains("第二十条")
            || (text.contains("信息内容") && ["规章", "行政许可", "行政处罚", "事业性收费"].iter().any(|c| text.contains(c)))
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
    (0..t.rows).filter(|&r| t3_row_key_guess(t, r).is_some()).count()
}

/// The table 三 row key a row seems to be, judging by its text cells alone (no column map).
fn t3_row_key_guess(t: &Table, r: usize) -> Option<&'static str> {
    let cells = t.row_cells(r);
    let labels: Vec<String> = cells.iter().map(|c| norm(&c.text)).filter(|s| !s.is_empty() && value::read(s).0 == Reading::Invalid).collect();
    let context = labels.concat();
    labels.last().and_then(|leaf| formats::match_t3_row(leaf, &context))
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

const T3_HEADER_LABELS: &[&str] = &["申请人情况", "法人或其他组织", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"];

fn t3_header_column(n: &str) -> Option<usize> {
    if n == "其他" || n == "其他组织" {
        return Some(5);
    }
    if n == "总计" || n == "合计" {
        return Some(6);
    }
    T3_COLUMNS.iter().take(5).position(|label| n == norm(label) || (n.chars().count() <= 8 && n.contains(&norm(label))))
}

fn read_t3(doc: &Document, parts: &[usize], notes: &mut Vec<String>) -> Table3 {
    let mut t3 = Table3 { parts: parts.to_vec(), rows: vec![None; T3_ROWS.len()], ..Table3::default() };
    let mut inherited: Option<(usize, ColMap)> = None;
    for &ti in parts {
        let Some(t) = doc.tables.get(ti) else { continue };
        // Header rows: rows with a column label standing alone in a cell.
        let mut map: ColMap = [None; 7];
        let mut header_rows: std::collections::BTreeSet<usize> = std::collections::BTreeSet::new();
        // Header rows come before the first data row (a data row labelled just “总计” must not
        // be taken for the header's 总计 column).
        let first_data = (0..t.rows).find(|&r| t3_row_key_guess(t, r).is_some_and(|k| k != "results_total")).unwrap_or(t.rows);
        for r in 0..first_data {
            let cells = t.row_cells(r);
            let mut is_header = false;
            for c in &cells {
                let n = norm(&c.text);
                if n.contains("勾稽") {
                    t3.has_note = true;
                }
                if T3_HEADER_LABELS.contains(&n.as_str()) || t3_header_column(&n).is_some_and(|i| i < 5 && n.chars().count() <= 8) {
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
                notes.push(format!("表三的第 {} 个表格没有表头，按最后 7 列读取数字", t3.parts.iter().position(|&p| p == ti).unwrap_or(0) + 1));
            }
            m
        };
        let Some(first_num) = map.iter().flatten().map(|(a, _)| *a).min() else { continue };
        for r in 0..t.rows {
            if header_rows.contains(&r) {
                continue;
            }
            let mut label_cells: Vec<String> = Vec::new();
            let mut seen_cell: Option<usize> = None;
            for c in 0..first_num {
                let Some(ci) = t.cell_index_at(r, c) else { continue };
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
            let Some(leaf) = label_cells.last() else { continue };
            let context = label_cells.concat();
            let Some(key) = formats::match_t3_row(leaf, &context) else { continue };
            let Some(idx) = formats::t3_row_index(key) else { continue };
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

const T4_TERMS: &[&str] = &["行政复议", "行政诉讼", "复议", "起诉", "维持", "纠正", "其他结果", "审结", "总计"];

fn read_t4(t: &Table, notes: &mut Vec<String>) -> Table4 {
    let mut header_rows: Vec<usize> = Vec::new();
    let mut data_rows: Vec<usize> = Vec::new();
    for r in 0..t.rows {
        let cells = t.row_cells(r);
        let numeric = cells.iter().any(|c| matches!(value::read(&c.text).0, Reading::Int(_) | Reading::Decimal(_)));
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
            let Some(ci) = t.cell_index_at(r, c) else { continue };
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
        let distinct: std::collections::BTreeSet<usize> = col_of.iter().flatten().filter_map(|&c| t.cell_index_at(r, c)).collect();
        distinct.len() >= 2 && col_of.iter().flatten().any(|&c| t.cell_at(r, c).is_some_and(|cell| !trim_blank(&cell.text).is_empty()))
    };
    let with_text: Vec<usize> = data_rows.iter().copied().filter(|&r| has_text(r)).collect();
    let data_row = with_text.first().copied().or_else(|| data_rows.first().copied());
    let extra = with_text.len().saturating_sub(1);
    if extra > 0 {
        notes.push(format!("表四有 {} 行数据，只读取了第一行", with_text.len()));
    }
    let cells = col_of
        .iter()
        .map(|c| {
            let (r, c) = (data_row?, (*c)?);
            t.cell_at(r, c).filter(|cell| cell.row == r || cell.row_span == 1).map(|cell| NumCell::new(t.index, cell))
        })
        .collect();
    Table4 { table: t.index, cells, extra_data_rows: extra }
}

// ------------------------------------------------------------------ table 二

fn read_t2(doc: &Document, parts: &[usize], notes: &mut Vec<String>) -> Table2 {
    let mut t2 = Table2 { parts: parts.to_vec(), entries: Vec::new() };
    for &ti in parts {
        let Some(t) = doc.tables.get(ti) else { continue };
        let mut header: Vec<((usize, usize), Option<&'static str>)> = Vec::new();
        for r in 0..t.rows {
            let cells = t.row_cells(r);
            // The label is the first cell with text (blank columns may stand before it).
            let Some(k) = cells.iter().position(|c| !norm(&c.text).is_empty()) else { continue };
            let Some(first) = cells.get(k) else { continue };
            let rest = cells.get(k + 1..).unwrap_or_default();
            let first_n = norm(&first.text);
            if first_n.contains("信息内容") {
                header = rest.iter().map(|c| ((c.col, c.col + c.col_span.max(1) - 1), formats::match_t2_column(&norm(&c.text)))).collect();
                continue;
            }
            let Some(row) = formats::match_t2_row(&first_n) else { continue };
            for c in rest {
                let (a, b) = (c.col, c.col + c.col_span.max(1) - 1);
                let under = header.iter().find(|((ha, hb), _)| a <= *hb && b >= *ha);
                match under.map(|(_, col)| *col) {
                    Some(Some(column)) => {
                        if t2.entries.iter().any(|e| e.row == row && e.column == column) {
                            notes.push(format!("表二“{}”行“{}”列出现了两次，只读取了第一个", trim_blank(&first.text), column));
                            continue;
                        }
                        t2.entries.push(T2Entry { row, row_text: trim_blank(&first.text).to_string(), column, value: NumCell::new(ti, c) })
                    }
                    _ => {
                        if !trim_blank(&c.text).is_empty() {
                            notes.push(format!("表二“{}”行有一个数字找不到对应的列标题：{}", trim_blank(&first.text), trim_blank(&c.text)));
                        }
                    }
                }
            }
        }
    }
    t2
}

// ------------------------------------------------------------------ text

/// Reads title, agency, year, sections, signing date and narrative cues.
fn read_text(doc: &Document, first_segment: &[(usize, u8)], report: &mut Report) {
    // Blocks that belong to the first report: up to the first table of a second report.
    let second_start_table = if report.report_count > 1 {
        let firsts: Vec<usize> = first_segment.iter().map(|(i, _)| *i).collect();
        doc.tables.iter().map(|t| t.index).find(|i| !firsts.contains(i) && *i > firsts.iter().copied().max().unwrap_or(0))
    } else {
        None
    };
    let mut end = doc.blocks.len();
    if let Some(ts) = second_start_table {
        if let Some(b) = doc.blocks.iter().position(|b| matches!(b, Block::Table(i) if *i == ts)) {
            // Step back over the second report's title and first sections.
            let mut e = b;
            while e > 0 {
                if let Some(Block::Paragraph(p)) = doc.blocks.get(e - 1) {
                    if detect_section(p).is_some_and(|s| s.0 == 0) || is_title(&p.text) {
                        e -= 1;
                        break;
                    }
                }
                e -= 1;
            }
            end = e.max(1);
        }
    }
    let paragraphs: Vec<(usize, &Paragraph)> = doc
        .blocks
        .iter()
        .take(end)
        .enumerate()
        .filter_map(|(i, b)| match b {
            Block::Paragraph(p) if !trim_blank(&p.text).is_empty() => Some((i, p)),
            _ => None,
        })
        .collect();

    for &(i, p) in &paragraphs {
        if let Some((index, number, standard)) = detect_section(p) {
            if !report.sections.iter().any(|s| s.index == index) {
                report.sections.push(Section {
                    index,
                    block: i,
                    text: trim_blank(&p.text).to_string(),
                    number,
                    auto_numbered: p.numbered,
                    standard_title: standard,
                });
            }
        }
    }
    let first_section_block = report.sections.iter().map(|s| s.block).min();
    let first_table_block = doc.blocks.iter().position(|b| matches!(b, Block::Table(_))).unwrap_or(end);
    let head_end = first_section_block.unwrap_or(first_table_block);

    // Title: a short paragraph before the first section that names the report.
    let head: Vec<&(usize, &Paragraph)> = paragraphs.iter().filter(|(i, _)| *i < head_end).collect();
    if let Some(pos) = head.iter().position(|(_, p)| is_title(&p.text)) {
        if let Some((_, p)) = head.get(pos) {
            let text = trim_blank(&p.text).to_string();
            report.title_year = find_year(&text).map(|(y, _)| y);
            let cut = find_year(&text).map(|(_, at)| at).or_else(|| text.find("政府信息公开")).unwrap_or(0);
            let agency = trim_blank(&text[..cut]).trim_end_matches(['（', '(', '《']).to_string();
            if agency.chars().count() >= 2 {
                report.agency = Some(agency);
            } else if pos > 0 {
                if let Some((_, prev)) = head.get(pos - 1) {
                    let t = trim_blank(&prev.text);
                    if t.chars().count() <= 40 && !t.contains('。') && !t.contains("报告") {
                        report.agency = Some(t.to_string());
                    }
                }
            }
            report.title = Some(text);
        }
    }

    // The first year named in section 一 (or the preface).
    let text_from = first_section_block.unwrap_or(0);
    report.text_year = paragraphs
        .iter()
        .filter(|(i, _)| *i >= text_from)
        .filter(|(_, p)| detect_section(p).is_none())
        .take(3)
        .find_map(|(_, p)| find_year(&p.text).map(|(y, _)| y));

    // Signing date: a line holding only a date, after section 六 (or near the end).
    let six = report.sections.iter().find(|s| s.index == 5).map(|s| s.block);
    let tail_from = six.unwrap_or_else(|| paragraphs.len().saturating_sub(8).min(paragraphs.last().map(|(i, _)| *i).unwrap_or(0)));
    let tail: Vec<&(usize, &Paragraph)> = paragraphs.iter().filter(|(i, _)| *i >= tail_from).collect();
    if let Some(k) = tail.iter().position(|(_, p)| parse_date_line(&p.text).is_some()) {
        report.date = tail.get(k).and_then(|(_, p)| parse_date_line(&p.text));
        if report.agency.is_none() && k > 0 {
            if let Some((_, sig)) = tail.get(k - 1) {
                let t = trim_blank(&sig.text);
                if (2..=40).contains(&t.chars().count()) && !t.contains('。') && !t.contains('：') && detect_section(sig).is_none() {
                    report.agency = Some(t.to_string());
                }
            }
        }
    }

    report.year = report.title_year.or(report.text_year).or(report.date.map(|(y, _, _)| y - 1));

    // Every phrase holds 请 and is already normalised: skip paragraphs without it cheaply.
    report.no_application_text = paragraphs.iter().filter(|(_, p)| p.text.contains('请')).find_map(|(_, p)| {
        let n = norm(&p.text);
        NONE_PHRASES.iter().any(|ph| n.contains(ph)).then(|| no_application_sentence(&p.text))
    });
}

/// Sentences saying that no application was received, normalised. Every phrase holds 请, so
/// text without it is skipped cheaply.
const NONE_PHRASES: &[&str] = &[
    "未收到政府信息公开申请",
    "没有接到政府信息公开申请",
    "没有收到政府信息公开申请",
    "未接到政府信息公开申请",
    "未收到依申请公开",
    "无依申请公开",
    "未发生依申请公开",
    "无政府信息公开申请",
    "未收到信息公开申请",
];

/// The sentence of `text` holding one of [`NONE_PHRASES`] (the whole text when the phrase spans
/// sentences).
fn no_application_sentence(text: &str) -> String {
    for s in text.split(['。', '；', '\n']) {
        if !s.contains('请') {
            continue;
        }
        let n = norm(s);
        if NONE_PHRASES.iter().any(|p| n.contains(p)) {
            return trim_blank(s).chars().take(120).collect();
        }
    }
    trim_blank(text).chars().take(120).collect()
}

fn is_title(text: &str) -> bool {
    let n = norm(text);
    n.chars().count() <= 60 && n.contains("政府信息公开") && n.contains("报告") && !n.starts_with("根据")
}

/// The section a paragraph is the heading of: (index, number prefix, standard title).
pub fn detect_section(p: &Paragraph) -> Option<(usize, Option<HeadingNumber>, bool)> {
    let text = trim_blank(&p.text);
    if text.chars().count() > 48 {
        return None;
    }
    let (number, rest) = split_heading_number(text);
    if matches!(number, Some(HeadingNumber::Parenthesized(_))) {
        return None;
    }
    let n = norm(rest);
    if n.is_empty() {
        return None;
    }
    if let Some(i) = formats::SECTION_ALTERNATIVES.iter().position(|alts| alts.contains(&n.as_str())) {
        return Some((i, number, true));
    }
    if number.is_none() && !p.numbered {
        return None;
    }
    let idx = if n.ends_with("总体情况") && n.chars().count() <= 12 {
        0
    } else if n.contains("主动公开政府信息") {
        1
    } else if n.contains("政府信息公开申请") && (n.contains("收到") || n.contains("处理")) {
        2
    } else if n.contains("行政复议") && n.contains("行政诉讼") {
        3
    } else if n.contains("问题") && n.contains("改进") {
        4
    } else if n.contains("其他需要报告") {
        5
    } else {
        return None;
    };
    Some((idx, number, false))
}

/// The first year (2000–2100) written as `YYYY年`, with its byte offset.
pub fn find_year(text: &str) -> Option<(i32, usize)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for w in 0..chars.len() {
        let Some(&(start, _)) = chars.get(w) else { break };
        let mut v = 0i32;
        let mut k = 0;
        while k < 4 {
            match chars.get(w + k).and_then(|(_, c)| crate::normalize::fold_width(*c).to_digit(10)) {
                Some(d) => v = v * 10 + d as i32,
                None => break,
            }
            k += 1;
        }
        if k == 4 && (2000..=2100).contains(&v) {
            let before_digit = w > 0 && chars.get(w - 1).is_some_and(|(_, c)| crate::normalize::fold_width(*c).is_ascii_digit());
            let after = chars.get(w + 4).map(|(_, c)| *c);
            if !before_digit && after == Some('年') {
                return Some((v, start));
            }
        }
    }
    None
}

/// A line that is only a date: `2022年1月13日` (ASCII or full-width digits) or `二〇二二年一月十三日`.
pub fn parse_date_line(text: &str) -> Option<(i32, u32, u32)> {
    let t: String = text.chars().filter(|c| !crate::normalize::is_blank(*c)).map(crate::normalize::fold_width).collect();
    let (y, rest) = t.split_once('年')?;
    let (m, rest) = rest.split_once('月')?;
    let d = rest.strip_suffix('日')?;
    let num = |s: &str| -> Option<u32> {
        if s.is_empty() || s.chars().count() > 4 {
            return None;
        }
        if s.chars().all(|c| c.is_ascii_digit()) {
            return s.parse().ok();
        }
        // Chinese numerals: digit by digit for years (二〇二二), with 十 for months and days.
        let digits: Vec<u32> = s.chars().map(crate::normalize::cn_digit).collect::<Option<Vec<_>>>()?;
        if digits.contains(&10) {
            let mut v = 0;
            let mut cur = 0;
            for d in digits {
                if d == 10 {
                    v += if cur == 0 { 10 } else { cur * 10 };
                    cur = 0;
                } else {
                    cur = d;
                }
            }
            Some(v + cur)
        } else {
            Some(digits.iter().fold(0, |a, d| a * 10 + d))
        }
    };
    let (y, m, d) = (num(y)? as i32, num(m)?, num(d)?);
    ((2000..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}

/// Kind of value expected in a table 二 column.
pub fn t2_kind(format: Format, row: &str, column: &str) -> T2Kind {
    formats::t2_rows(format)
        .iter()
        .find(|r| r.label == row)
        .and_then(|r| r.columns.iter().find(|(c, _)| *c == column))
        .map(|(_, k)| *k)
        .unwrap_or(T2Kind::Count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_and_dates() {
        assert_eq!(find_year("宁海县卫生健康局2021年政府信息公开工作年度报告").map(|x| x.0), Some(2021));
        assert_eq!(find_year("12021年"), None);
        assert_eq!(find_year("２０２３年"), Some((2023, 0)));
        assert_eq!(parse_date_line(" 2022年1月13日 "), Some((2022, 1, 13)));
        assert_eq!(parse_date_line("二〇二二年一月十三日"), Some((2022, 1, 13)));
        assert_eq!(parse_date_line("二〇二二年十二月三十一日"), Some((2022, 12, 31)));
        assert_eq!(parse_date_line("2022年1月13日发布"), None);
    }

    #[test]
    fn section_headings() {
        let p = |t: &str| Paragraph { text: t.to_string(), ..Paragraph::default() };
        assert_eq!(detect_section(&p("三、收到和处理政府信息公开申请情况")).map(|s| (s.0, s.2)), Some((2, true)));
        assert_eq!(detect_section(&p("2、 主动公开政府信息情况")).map(|s| s.0), Some(1));
        assert_eq!(detect_section(&p("总体情况")).map(|s| s.0), Some(0));
        assert_eq!(detect_section(&p("（1） 主动公开情况")), None);
        assert_eq!(detect_section(&p("五、存在的问题及改进情况")).map(|s| (s.0, s.2)), Some((4, false)));
        let numbered = Paragraph { text: "收到和处理政府信息公开申请情况".into(), numbered: true, ..Paragraph::default() };
        assert_eq!(detect_section(&numbered).map(|s| s.0), Some(2));
    }
}
