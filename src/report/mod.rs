//! Recognises the report in a document: agency, year, format, sections, and tables 二, 三, 四
//! as typed values, each number cell keeping a reference to where it sits in the document.
//!
//! Tables are located by their labels, never by position: header rows may come in any order,
//! a table may be split over several `w:tbl`, and documents hold other tables too.

pub mod formats;
pub mod kind;
pub mod labels;
pub mod narrative;
pub mod normalize;
pub mod numeral;
pub mod pairing;
mod recognise;
mod text;
pub mod value;

pub use kind::{KindBasis, KindReading, ReportKind};
pub use recognise::{recognise, recognise_all};
pub use text::text_span;

use crate::findings::{CellRef, Quantity};
use crate::model;
use formats::Format;
use normalize::HeadingNumber;
use value::{Extras, Reading};

/// A number cell as read from the document.
#[derive(Debug, Clone, PartialEq)]
pub struct NumCell {
    pub raw: String,
    pub reading: Reading,
    pub extras: Extras,
    pub cell: CellRef,
}

impl NumCell {
    pub(crate) fn new(table: usize, cell: &model::Cell) -> Self {
        let (reading, extras) = value::read(&cell.text);
        NumCell {
            raw: cell.text.clone(),
            reading,
            extras,
            cell: CellRef {
                table,
                row: cell.row,
                col: cell.col,
            },
        }
    }

    /// Converts an amount written in 元 (`37500元`) to 万元, for a column whose unit is 万元.
    pub(crate) fn yuan_to_wan(&mut self) {
        if self.extras.unit != Some("元") {
            return;
        }
        self.reading = match self.reading {
            Reading::Int(v) if v % 10_000 == 0 => Reading::Int(v / 10_000),
            Reading::Int(v) => Reading::Decimal(v as f64 / 10_000.0),
            Reading::Decimal(v) => Reading::Decimal(v / 10_000.0),
            _ => return,
        };
        self.extras.yuan_to_wan = true;
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
        formats::t3_row_index(key)
            .and_then(|i| self.rows.get(i))
            .is_some_and(|r| r.is_some())
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
        self.entries
            .iter()
            .find(|e| e.column == column && t2_row_official(format, e.row) == row)
    }
}

/// The official row label of a canonical table 二 row in `format`.
pub fn t2_row_official(format: Format, canonical: &str) -> &str {
    match (format, canonical) {
        (Format::F2021, "规范性文件") => "行政规范性文件",
        _ => canonical,
    }
}

/// An ambiguous reading of the tables, and the reading that was used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ambiguity {
    /// Table 四 found in `count` physical tables; the first is read.
    T4InSeveralTables { count: usize },
    /// The `part`-th physical table of table 三 (1-based) has no header; its last seven columns
    /// are read as the numbers.
    T3WithoutHeader { part: usize },
    /// Table 四 has `rows` data rows; the first is read.
    T4SeveralDataRows { rows: usize },
    /// Report tables of these kinds (2, 3, 4) after the report, not enough to make another
    /// report: not read.
    StrayTables { kinds: Vec<u8> },
    /// A cell of table 二 found twice (row as written); the first is read, `cell` is the second.
    T2DuplicateCell {
        row: String,
        column: &'static str,
        cell: CellRef,
    },
    /// A number in table 二 under no known column header.
    T2UnlabelledNumber {
        row: String,
        text: String,
        cell: CellRef,
    },
}

impl Ambiguity {
    /// The cells involved.
    pub fn cells(&self) -> Vec<CellRef> {
        match self {
            Ambiguity::T2DuplicateCell { cell, .. }
            | Ambiguity::T2UnlabelledNumber { cell, .. } => vec![*cell],
            _ => Vec::new(),
        }
    }
}

/// Where a recognised piece of text sits: a span of one paragraph.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextSpan {
    /// The paragraph's source ordinal ([`model::Paragraph::source`]).
    pub paragraph: usize,
    /// Character offsets (Unicode scalar values) of the span within the paragraph's text.
    pub start: usize,
    pub end: usize,
    /// The whole sentence holding the span.
    pub sentence: String,
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
    /// The heading's text.
    pub span: TextSpan,
}

impl Section {
    /// How surely the heading is its section's own heading rather than a sub-heading that
    /// reads like one (“2、主动公开情况” inside 一): 3 numbered “二、” as its section, 2 the
    /// template's title or automatic numbering without a number, 1 numbered “2、” as its
    /// section, 0 otherwise (numbered as another section, or “（二）”).
    pub fn strength(&self) -> u8 {
        match self.number {
            Some(HeadingNumber::Chinese(n)) if n as usize == self.index + 1 => 3,
            Some(HeadingNumber::Arabic(n)) if n as usize == self.index + 1 => 1,
            None if self.standard_title || self.auto_numbered => 2,
            _ => 0,
        }
    }
}

/// A paragraph of the report's prose (not the title, a section heading or the date line).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProseParagraph {
    /// The paragraph's source ordinal ([`model::Paragraph::source`]).
    pub source: usize,
    /// Index of its block in [`model::Document::blocks`].
    pub block: usize,
    /// The section it belongs to (0 = 一 … 5 = 六), `None` before section 一 (the preface).
    pub section: Option<usize>,
    pub text: String,
}

impl ProseParagraph {
    /// The span of bytes `from..to` of the paragraph's text, with its sentence.
    pub fn span(&self, from: usize, to: usize) -> TextSpan {
        text_span(self.source, &self.text, from, to)
    }
}

/// A label read as a variant of an official label (reported by S.LABEL).
#[derive(Debug, Clone, PartialEq)]
pub struct LabelVariant {
    /// 2, 3 or 4.
    pub table: u8,
    pub written: String,
    pub official: String,
    /// The label cell first, then the number cells read under it.
    pub cells: Vec<CellRef>,
}

/// A label that two or more official labels compete for; it was not assigned (S.AMBIG).
#[derive(Debug, Clone, PartialEq)]
pub struct LabelConflict {
    pub table: u8,
    pub written: String,
    pub candidates: Vec<String>,
    /// The label cell first, then the number cells of its row or column.
    pub cells: Vec<CellRef>,
}

/// The recognised report.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Index of the report inside its document (0 unless one file holds several reports).
    pub index: usize,
    /// The blocks of [`model::Document::blocks`] that belong to this report.
    pub blocks: std::ops::Range<usize>,
    pub agency: Option<String>,
    pub year: Option<i32>,
    pub title: Option<String>,
    pub title_span: Option<TextSpan>,
    /// Year stated in the title.
    pub title_year: Option<i32>,
    /// First year named at the start of section 一, and where.
    pub text_year: Option<i32>,
    pub text_year_span: Option<TextSpan>,
    /// The signing date (year, month, day), and its line.
    pub date: Option<(i32, u32, u32)>,
    pub date_span: Option<TextSpan>,
    pub format: Option<Format>,
    /// Format suggested by table 三 (its （六） rows) and by table 二 (its columns).
    pub format_t3: Option<Format>,
    pub format_t2: Option<Format>,
    /// Tables 二 and 三 follow different formats: the table (2 or 3) that differs from
    /// [`Report::format`].
    pub hybrid: Option<u8>,
    pub t2: Option<Table2>,
    pub t3: Option<Table3>,
    pub t4: Option<Table4>,
    pub sections: Vec<Section>,
    /// How many reports the document seems to hold (1 normally).
    pub report_count: usize,
    /// Ambiguous readings and what was assumed.
    pub ambiguities: Vec<Ambiguity>,
    /// Labels read as variants of official ones.
    pub label_variants: Vec<LabelVariant>,
    /// Labels not assigned because two official labels compete.
    pub label_conflicts: Vec<LabelConflict>,
    /// The numeric statements of the prose (preface and sections), with their locations.
    pub claims: Vec<narrative::Claim>,
    /// Headings of sections found a second time (the first occurrence is in `sections`).
    pub repeated_sections: Vec<Section>,
    /// Block index (in [`model::Document::blocks`]) of the first physical table of tables
    /// 二, 三 and 四, when found.
    pub table_blocks: Vec<(u8, usize)>,
    /// The paragraphs of the prose, in document order.
    pub prose: Vec<ProseParagraph>,
    /// The kind of report (deadline), inferred from the agency name and the text, or set by
    /// the user.
    pub kind: Option<KindReading>,
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
        crate::order::sort(&mut v);
        v
    }

    /// The prose of section `index` (0 = 一), paragraph by paragraph.
    pub fn section_prose(&self, index: usize) -> impl Iterator<Item = &ProseParagraph> {
        self.prose.iter().filter(move |p| p.section == Some(index))
    }

    /// The section heading of `index` (0 = 一), when found: the first firm one
    /// ([`Report::is_firm`]), else the first.
    pub fn section(&self, index: usize) -> Option<&Section> {
        self.headings()
            .filter(|s| s.index == index)
            .min_by_key(|s| (!self.is_firm(s), s.block))
    }

    /// A heading is firm when it is among the strongest (`Section::strength`) of its section
    /// and at least numbered as it: the report's own heading, not a sub-heading reading like
    /// one. Only firm headings decide the order of the sections.
    pub fn is_firm(&self, s: &Section) -> bool {
        let best = self
            .headings()
            .filter(|h| h.index == s.index)
            .map(Section::strength)
            .max()
            .unwrap_or(0);
        s.strength() >= 1 && s.strength() == best
    }

    /// Every section heading found, first occurrences and repeats.
    pub fn headings(&self) -> impl Iterator<Item = &Section> {
        self.sections.iter().chain(&self.repeated_sections)
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
}
