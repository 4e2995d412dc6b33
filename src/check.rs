//! The whole pipeline, bytes to findings, as one call shared by the CLI and the browser binding.

use crate::document::{self, Document};
use crate::finding::{CellRef, Finding, Quantity, Severity};
use crate::limits::Limits;
use crate::package;
use crate::rejection::Rejection;
use crate::report::{self, Report};
use crate::rules;
use serde::Serialize;

/// Whether the file was checked or rejected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Checked,
    Rejected,
}

/// What was recognised about the report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ReportInfo {
    pub agency: Option<String>,
    pub year: Option<i32>,
    /// "2021" or "2019" (the format's year), when recognised.
    pub format: Option<String>,
}

/// One number cell of a standard table, keyed by its official labels.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ValueEntry {
    pub row: Vec<String>,
    pub column: Vec<String>,
    /// The number read, or `None` when blank or not a number.
    pub value: Option<Quantity>,
    /// The cell text as written.
    pub raw: String,
    pub cell: Option<CellRef>,
}

/// Every number cell of tables 二, 三 and 四.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Values {
    pub table2: Vec<ValueEntry>,
    pub table3: Vec<ValueEntry>,
    pub table4: Vec<ValueEntry>,
}

/// A report table as drawn: the physical table's grid with its merged cells.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TableView {
    /// Index of the physical table in the document (what [`CellRef::table`] names).
    pub table: usize,
    /// 2, 3 or 4.
    pub kind: u8,
    pub rows: usize,
    pub cols: usize,
    pub cells: Vec<CellView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CellView {
    pub row: usize,
    pub col: usize,
    pub row_span: usize,
    pub col_span: usize,
    pub text: String,
}

/// The result of checking one file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckResult {
    pub status: Status,
    pub rejection: Option<Rejection>,
    pub report: ReportInfo,
    pub findings: Vec<Finding>,
    pub values: Values,
    /// The report's tables for drawing; filled only when asked for (the browser).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tables: Vec<TableView>,
}

impl CheckResult {
    pub fn rejected(rejection: Rejection) -> Self {
        CheckResult {
            status: Status::Rejected,
            rejection: Some(rejection),
            report: ReportInfo::default(),
            findings: Vec::new(),
            values: Values::default(),
            tables: Vec::new(),
        }
    }

    pub fn errors(&self) -> usize {
        self.findings.iter().filter(|f| f.severity == Severity::Error).count()
    }

    pub fn warnings(&self) -> usize {
        self.findings.iter().filter(|f| f.severity == Severity::Warning).count()
    }
}

/// Options for [`check_bytes_with`].
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub limits: Limits,
    /// Include the report tables' grids in the result (for drawing them).
    pub with_tables: bool,
}

/// Checks one file's bytes with default limits, without table grids.
pub fn check_bytes(bytes: &[u8]) -> CheckResult {
    check_bytes_with(bytes, &Options::default())
}

/// Checks one file's bytes.
pub fn check_bytes_with(bytes: &[u8], options: &Options) -> CheckResult {
    match run(bytes, options) {
        Ok(r) => r,
        Err(rejection) => CheckResult::rejected(rejection),
    }
}

fn run(bytes: &[u8], options: &Options) -> Result<CheckResult, Rejection> {
    let pkg = package::open(bytes, &options.limits)?;
    let doc = document::parse(&pkg.main_xml, pkg.styles_xml.as_deref(), &options.limits)?;
    let report = report::recognise(&doc)?;
    let findings = rules::run_all(&report);
    Ok(assemble(&doc, &report, findings, options.with_tables))
}

fn assemble(doc: &Document, report: &Report, findings: Vec<Finding>, with_tables: bool) -> CheckResult {
    let tables = if with_tables {
        report
            .physical_tables()
            .into_iter()
            .filter_map(|(index, kind)| doc.tables.get(index).map(|t| table_view(t, kind)))
            .collect()
    } else {
        Vec::new()
    };
    CheckResult {
        status: Status::Checked,
        rejection: None,
        report: report.info(),
        findings,
        values: report.values(),
        tables,
    }
}

fn table_view(t: &document::Table, kind: u8) -> TableView {
    TableView {
        table: t.index,
        kind,
        rows: t.rows,
        cols: t.cols,
        cells: t
            .cells
            .iter()
            .map(|c| CellView {
                row: c.row,
                col: c.col,
                row_span: c.row_span,
                col_span: c.col_span,
                text: c.text.clone(),
            })
            .collect(),
    }
}
