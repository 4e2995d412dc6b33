//! The result contract: what checking one file returns, serialized as JSON for the CLI and the
//! page (docs/CONTRACT.md). Built by [`crate::check`] from the stages' outputs.

use crate::findings::{CellRef, Finding, FindingGroup, Outcome, Quantity, Severity};
use crate::messages;
use crate::model;
use crate::rejection::Rejection;
use crate::report::formats::{self, T3_ROWS, T4_COLUMNS};
use crate::report::{NumCell, Report};
use serde::{Deserialize, Serialize};

mod claims;
pub use claims::ClaimView;

/// Whether the file was checked or rejected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Checked,
    Rejected,
}

/// What was recognised about the report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReportInfo {
    pub agency: Option<String>,
    pub year: Option<i32>,
    /// "2021" or "2019" (the format's year), when recognised.
    pub format: Option<String>,
    /// Index of this report inside the file (0 unless the file holds several reports).
    pub index: usize,
    /// How many reports the file holds (1 normally).
    pub count: usize,
    /// The kind of report used for the publication deadline, when known.
    pub kind: Option<KindInfo>,
}

/// The kind of report (S.DEADLINE) and how it was decided.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KindInfo {
    /// `department`, `township`, `county`, `prefecture`, `province` or `government` (level
    /// unknown).
    pub id: &'static str,
    /// Chinese name: 部门, 乡镇, 县级政府, 地市级政府, 省级政府, 本级政府（级别不明）.
    pub label: &'static str,
    /// Why this kind (Chinese).
    pub reason: String,
    /// Set by the user (`Options::report_kind`) rather than inferred.
    pub by_user: bool,
    /// Inferred as a government's consolidated report of its region (全县/全区/全市, 汇总): the
    /// batch compares it with its units' reports (M.HIER).
    pub consolidated: bool,
}

/// Read back from a result (the on-demand writer): the id and label are the build's own
/// strings; an id this build does not know reads as "?" with an empty label.
impl<'de> Deserialize<'de> for KindInfo {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Raw {
            id: String,
            #[serde(default)]
            reason: String,
            #[serde(default)]
            by_user: bool,
            #[serde(default)]
            consolidated: bool,
        }
        let raw = Raw::deserialize(d)?;
        let kind = crate::report::ReportKind::parse(&raw.id);
        Ok(KindInfo {
            id: kind.map_or("?", |k| k.as_str()),
            label: kind.map_or("", |k| k.label()),
            reason: raw.reason,
            by_user: raw.by_user,
            consolidated: raw.consolidated,
        })
    }
}

impl ReportInfo {
    pub fn of(report: &Report) -> ReportInfo {
        ReportInfo {
            agency: report.agency.clone(),
            year: report.year,
            format: report.format.map(|f| f.as_str().to_string()),
            index: report.index,
            count: report.report_count.max(1),
            kind: report.kind.as_ref().map(|k| KindInfo {
                id: k.kind.as_str(),
                label: k.kind.label(),
                reason: messages::kind_reason(k),
                by_user: k.by_user(),
                consolidated: k.consolidated(),
            }),
        }
    }
}

pub use crate::findings::Label;

/// The official labels of a value's row or column, outermost first (at most three): the static
/// label tables' own strings, so a result's few hundred values allocate none. Serialized as an
/// array of strings.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub struct Labels {
    items: [&'static str; 3],
    len: u8,
}

impl Labels {
    /// The first three of `labels` (every official path has at most three).
    pub fn of(labels: &[&'static str]) -> Labels {
        let mut out = Labels::default();
        for (slot, &l) in out.items.iter_mut().zip(labels) {
            *slot = l;
            out.len += 1;
        }
        out
    }
}

impl std::ops::Deref for Labels {
    type Target = [&'static str];
    fn deref(&self) -> &[&'static str] {
        self.items.get(..usize::from(self.len)).unwrap_or(&[])
    }
}

impl std::fmt::Debug for Labels {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Serialize for Labels {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

/// One number cell of a standard table, keyed by its official labels.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ValueEntry {
    pub row: Labels,
    pub column: Labels,
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

impl Values {
    /// Every number cell of the recognised report, keyed by official labels.
    pub fn of(report: &Report) -> Values {
        let format = report.t2_format();
        let mut v = Values::default();
        if let Some(t2) = &report.t2 {
            for row in formats::t2_rows(format) {
                for (col, _) in row.columns {
                    if let Some(e) = t2.get(format, row.label, col) {
                        v.table2.push(entry(
                            Labels::of(&[row.caption, row.label]),
                            Labels::of(&[col]),
                            &e.value,
                        ));
                    }
                }
            }
        }
        if let Some(t3) = &report.t3 {
            v.table3.reserve(t3.rows.len() * formats::T3_COLUMNS.len());
            for (i, def) in T3_ROWS.iter().enumerate() {
                if let Some(Some(cells)) = t3.rows.get(i) {
                    for (c, cell) in cells.iter().enumerate() {
                        if let Some(cell) = cell {
                            let column = Labels::of(formats::t3_column_labels(c));
                            v.table3.push(entry(Labels::of(def.path), column, cell));
                        }
                    }
                }
            }
        }
        if let Some(t4) = &report.t4 {
            for (i, (_, path)) in T4_COLUMNS.iter().enumerate() {
                if let Some(Some(cell)) = t4.cells.get(i) {
                    v.table4
                        .push(entry(Labels::default(), Labels::of(path), cell));
                }
            }
        }
        v
    }
}

fn entry(row: Labels, column: Labels, cell: &NumCell) -> ValueEntry {
    ValueEntry {
        row,
        column,
        value: cell.quantity(),
        raw: cell.raw.clone(),
        cell: Some(cell.cell),
    }
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

impl TableView {
    /// The view of physical table `t`, drawn as report table `kind`.
    pub fn of(t: &model::Table, kind: u8) -> TableView {
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
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CellView {
    pub row: usize,
    pub col: usize,
    pub row_span: usize,
    pub col_span: usize,
    pub text: String,
}

/// The version of the result contract (docs/CONTRACT.md): 2 added `version` and
/// `findings[].locations`.
pub const CONTRACT_VERSION: u32 = 2;

/// The result of checking one file. Serialized with its [`Outcome`] (`outcome`, after `status`).
#[derive(Debug, Clone, PartialEq)]
pub struct CheckResult {
    /// [`CONTRACT_VERSION`].
    pub version: u32,
    pub status: Status,
    pub rejection: Option<Rejection>,
    pub report: ReportInfo,
    pub findings: Vec<Finding>,
    /// Many findings of one rule in one table summed up in one line each (the findings keep
    /// one per cell and name their group).
    /// (Omitted from the JSON when empty.)
    pub groups: Vec<FindingGroup>,
    pub values: Values,
    /// The report's tables for drawing; filled only when asked for (the browser). (Omitted when empty.)
    pub tables: Vec<TableView>,
    /// The previous-year report this one was compared with (cross-year rules); absent when
    /// the report was checked alone.
    pub previous: Option<PreviousInfo>,
    /// What the prose reader read and how each statement compares with the tables (added in
    /// version 2 without a bump: a new field, omitted when the report has no statement).
    pub claims: Vec<ClaimView>,
}

impl Serialize for CheckResult {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("CheckResult", 11)?;
        st.serialize_field("version", &self.version)?;
        st.serialize_field("status", &self.status)?;
        st.serialize_field("outcome", &self.outcome())?;
        st.serialize_field("rejection", &self.rejection)?;
        st.serialize_field("report", &self.report)?;
        st.serialize_field("findings", &self.findings)?;
        if self.groups.is_empty() {
            st.skip_field("groups")?;
        } else {
            st.serialize_field("groups", &self.groups)?;
        }
        st.serialize_field("values", &self.values)?;
        if self.tables.is_empty() {
            st.skip_field("tables")?;
        } else {
            st.serialize_field("tables", &self.tables)?;
        }
        match &self.previous {
            Some(p) => st.serialize_field("previous", p)?,
            None => st.skip_field("previous")?,
        }
        if self.claims.is_empty() {
            st.skip_field("claims")?;
        } else {
            st.serialize_field("claims", &self.claims)?;
        }
        st.end()
    }
}

/// The previous-year report a report was compared with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreviousInfo {
    /// The file as the caller named it (the CLI: the path; the page: the file name), if given.
    pub file: Option<String>,
    /// Index of the report inside that file (locations with `doc: 1` name it too).
    pub report: usize,
    pub agency: Option<String>,
    pub year: Option<i32>,
    /// "2021" or "2019", when recognised.
    pub format: Option<String>,
    /// Named by the user (`--previous`, the page's pair) rather than paired by agency and year.
    pub explicit: bool,
    /// The cells of that report the findings compare with (locations with `doc: 1`), each named
    /// by its table's row and column labels; omitted when there is none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cells: Vec<PreviousCell>,
}

/// A cell of the previous-year report, named as people read it: 表三「四、结转下年度继续办理」「自然人」列.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreviousCell {
    /// The physical table, row and column (as a location with `doc: 1` gives them).
    pub table: usize,
    pub row: usize,
    pub col: usize,
    /// The table and the cell's row and column labels, in words.
    pub name: String,
    /// The cell's text as written.
    pub text: String,
}

impl PreviousCell {
    /// Names the cells `wanted` (table, row, col) of a report by its tables' labels; a cell that
    /// is not a number cell of tables 二 to 四 is left out.
    pub fn named(report: &Report, wanted: &[(usize, usize, usize)]) -> Vec<PreviousCell> {
        if wanted.is_empty() {
            return Vec::new();
        }
        let values = Values::of(report);
        let tables = [
            (2u8, &values.table2),
            (3, &values.table3),
            (4, &values.table4),
        ];
        let mut out: Vec<PreviousCell> = Vec::new();
        for &(table, row, col) in wanted {
            if out
                .iter()
                .any(|c| (c.table, c.row, c.col) == (table, row, col))
            {
                continue;
            }
            let hit = tables.iter().find_map(|(kind, entries)| {
                entries
                    .iter()
                    .find(|e| {
                        e.cell
                            .is_some_and(|c| (c.table, c.row, c.col) == (table, row, col))
                    })
                    .map(|e| (*kind, e))
            });
            if let Some((kind, e)) = hit {
                out.push(PreviousCell {
                    table,
                    row,
                    col,
                    name: messages::cell_name(kind, &e.row, &e.column),
                    text: e.raw.trim().to_string(),
                });
            }
        }
        out
    }
}

impl CheckResult {
    pub fn rejected(rejection: Rejection) -> Self {
        CheckResult {
            version: CONTRACT_VERSION,
            status: Status::Rejected,
            rejection: Some(rejection),
            report: ReportInfo::default(),
            findings: Vec::new(),
            groups: Vec::new(),
            values: Values::default(),
            tables: Vec::new(),
            previous: None,
            claims: Vec::new(),
        }
    }

    /// How the report came out (pass, warning, error, rejected): what every presenter shows.
    pub fn outcome(&self) -> Outcome {
        Outcome::of(self.status == Status::Rejected, &self.findings)
    }

    pub fn errors(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count()
    }

    /// How many problems the findings hold (findings one culprit cell explains are one), and
    /// how many of them hold an error.
    pub fn problems(&self) -> (usize, usize) {
        crate::findings::problem_counts(&self.findings)
    }

    pub fn warnings(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Warning)
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::formats::Format;

    /// `Labels` keeps at most three labels: every official path of both formats must fit, or a
    /// value would lose its innermost label silently.
    #[test]
    fn every_official_path_fits_in_labels() {
        let mut paths: Vec<Vec<&'static str>> = Vec::new();
        for format in [Format::F2021, Format::F2019] {
            for row in formats::t2_rows(format) {
                paths.push(vec![row.caption, row.label]);
                for (col, _) in row.columns {
                    paths.push(vec![col]);
                }
            }
        }
        paths.extend(T3_ROWS.iter().map(|r| r.path.to_vec()));
        paths.extend((0..formats::T3_COLUMNS.len()).map(|c| formats::t3_column_labels(c).to_vec()));
        paths.extend(T4_COLUMNS.iter().map(|(_, p)| p.to_vec()));
        assert!(
            paths.iter().any(|p| p.len() == 3),
            "the longest paths are tested"
        );
        for p in &paths {
            assert_eq!(&*Labels::of(p), p.as_slice());
        }
        assert!(Labels::of(&["a", "b", "c", "d"]).len() == 3);
        let json = serde_json::to_string(&Labels::of(&["三、本年度办理结果", "（一）予以公开"]));
        assert_eq!(
            json.ok().as_deref(),
            Some(r#"["三、本年度办理结果","（一）予以公开"]"#)
        );
        assert_eq!(
            serde_json::to_string(&Labels::default()).ok().as_deref(),
            Some("[]")
        );
    }
}
