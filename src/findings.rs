//! Findings: what the rules say about one report, pointing at the cells involved.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

mod rule_id;
pub use rule_id::{RuleId, UnknownRule};

/// One official label of a row or column. The labels of findings come from the static tables of
/// the two formats, so they are borrowed there: a finding of a blank cell costs no allocation for
/// its labels (a report of blank tables has more than a hundred such findings). Read back from
/// JSON, they are owned. Serialized as a plain string.
pub type Label = Cow<'static, str>;

/// Official labels of a row or column, outermost first. The paths of table 三's rows and columns
/// and of table 四's columns are borrowed whole from tables built once ([`static_paths`]).
pub type LabelPath = Cow<'static, [Label]>;

/// A [`LabelPath`] of static labels, in a vector of its own.
pub fn label_path(labels: &[&'static str]) -> LabelPath {
    Cow::Owned(labels.iter().map(|&s| Cow::Borrowed(s)).collect())
}

/// Every path of `paths` as labels, built once by the caller's `LazyLock`; [`lend_path`] lends
/// them to findings.
pub fn static_paths<'a>(paths: impl Iterator<Item = &'a [&'static str]>) -> Vec<Vec<Label>> {
    paths
        .map(|p| p.iter().map(|&s| Cow::Borrowed(s)).collect())
        .collect()
}

/// Path `i` of paths built once ([`static_paths`]), borrowed; empty when there is none.
pub fn lend_path(built: &'static [Vec<Label>], i: usize) -> LabelPath {
    built
        .get(i)
        .map_or_else(Default::default, |p| Cow::Borrowed(p.as_slice()))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
    /// Chinese name shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
        }
    }
}

/// How one report came out: the one definition every presenter uses (the page's status line,
/// summary, filter and card badge; the CSV, the spreadsheet and the command line). `error` when a
/// finding is an error, `warning` when there are findings and none is an error, `pass` when there is
/// none, `rejected` when the file could not be checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Error,
    Rejected,
    Warning,
    Pass,
}

impl Outcome {
    /// Every outcome, the worst first (the order of the page's summary and the command line's).
    pub const ALL: [Outcome; 4] = [
        Outcome::Error,
        Outcome::Warning,
        Outcome::Rejected,
        Outcome::Pass,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Error => "error",
            Outcome::Rejected => "rejected",
            Outcome::Warning => "warning",
            Outcome::Pass => "pass",
        }
    }

    /// The outcome of a checked report with these findings, or of a rejected file.
    pub fn of(rejected: bool, findings: &[Finding]) -> Outcome {
        if rejected {
            Outcome::Rejected
        } else if findings.iter().any(|f| f.severity == Severity::Error) {
            Outcome::Error
        } else if findings.is_empty() {
            Outcome::Pass
        } else {
            Outcome::Warning
        }
    }

    /// The outcome of several reports (a file holding more than one, a batch): an error anywhere,
    /// else a report that could not be checked, else a warning, else pass. `None` for no report.
    pub fn worst(outcomes: impl IntoIterator<Item = Outcome>) -> Option<Outcome> {
        let rank = |o: Outcome| match o {
            Outcome::Error => 0,
            Outcome::Rejected => 1,
            Outcome::Warning => 2,
            Outcome::Pass => 3,
        };
        outcomes.into_iter().min_by_key(|o| rank(*o))
    }
}

/// A number, a decimal amount or a text, as found in or expected of a cell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Quantity {
    Int(i64),
    Decimal(f64),
    Text(String),
}

impl std::fmt::Display for Quantity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Quantity::Int(v) => write!(f, "{v}"),
            Quantity::Decimal(v) => f.write_str(&format_decimal(*v)),
            Quantity::Text(s) => write!(f, "{s}"),
        }
    }
}

/// Formats a decimal with up to six fraction digits, trailing zeros dropped, using integer
/// arithmetic only (float formatting code is large in the wasm build).
pub fn format_decimal(v: f64) -> String {
    if !v.is_finite() || v.abs() >= 9.0e12 {
        return if v.is_sign_negative() {
            "-∞".to_string()
        } else {
            "∞".to_string()
        };
    }
    let scaled = (v.abs() * 1_000_000.0 + 0.5) as i64;
    let (int, frac) = (scaled / 1_000_000, scaled % 1_000_000);
    let sign = if v < 0.0 && scaled != 0 { "-" } else { "" };
    if frac == 0 {
        return format!("{sign}{int}");
    }
    let frac = format!("{frac:06}");
    format!("{sign}{int}.{}", frac.trim_end_matches('0'))
}

/// A cell of the document: the physical table (index into `Document::tables`) and the grid
/// position of the cell's top-left slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct CellRef {
    pub table: usize,
    pub row: usize,
    pub col: usize,
}

/// Where a finding points: a cell of a report table, or a span of a paragraph's text.
///
/// `doc` is 0 for the document under check and 1 for the previous-year document of the rule
/// context; `report` is the index of the report inside that document (0 unless one file holds
/// several reports).
///
/// Serializes as an object whose first field is `"kind": "cell"` or `"kind": "text"`
/// (written by hand: serde's derived internally tagged form costs more code in the wasm build).
/// Deserializes from the same form (derived; used by the on-demand writer only, so the
/// checker's module does not carry it).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Location {
    /// A cell: the physical table (order of `w:tbl` start tags, nested included) and the grid
    /// slot of the cell's top-left, as in [`CellRef`].
    Cell {
        doc: u8,
        report: usize,
        table: usize,
        row: usize,
        col: usize,
    },
    /// A span of a paragraph's text: the paragraph's source ordinal (index of its `w:p` among
    /// all `w:p` of the main part), character offsets (Unicode scalar values) of the span in the
    /// paragraph's text, and the whole sentence holding it.
    Text {
        doc: u8,
        report: usize,
        paragraph: usize,
        start: usize,
        end: usize,
        sentence: String,
    },
}

impl Serialize for Location {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        match self {
            Location::Cell {
                doc,
                report,
                table,
                row,
                col,
            } => {
                let mut m = s.serialize_struct("Location", 6)?;
                m.serialize_field("kind", "cell")?;
                m.serialize_field("doc", doc)?;
                m.serialize_field("report", report)?;
                m.serialize_field("table", table)?;
                m.serialize_field("row", row)?;
                m.serialize_field("col", col)?;
                m.end()
            }
            Location::Text {
                doc,
                report,
                paragraph,
                start,
                end,
                sentence,
            } => {
                let mut m = s.serialize_struct("Location", 7)?;
                m.serialize_field("kind", "text")?;
                m.serialize_field("doc", doc)?;
                m.serialize_field("report", report)?;
                m.serialize_field("paragraph", paragraph)?;
                m.serialize_field("start", start)?;
                m.serialize_field("end", end)?;
                m.serialize_field("sentence", sentence)?;
                m.end()
            }
        }
    }
}

impl Location {
    /// A cell of report `report` of document `doc`.
    pub fn cell(doc: u8, report: usize, cell: CellRef) -> Location {
        Location::Cell {
            doc,
            report,
            table: cell.table,
            row: cell.row,
            col: cell.col,
        }
    }
}

/// The corrected value the rules compute for a culprit cell: writing `value` into `cell` makes
/// every failed identity of the finding (and of the other findings it explains) hold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fix {
    /// The cell to correct (in the document under check); the finding's `culprit`.
    pub cell: CellRef,
    /// Its corrected value.
    pub value: Quantity,
}

/// One thing a rule found. Deserializes from its JSON form (the on-demand writer reads the
/// page's results back; the checker's module does not carry it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// The rule, serialized as its stable id, e.g. `T3.ROW`.
    pub rule: RuleId,
    pub severity: Severity,
    /// Chinese, complete: what is wrong, what the value should be, which cells disagree.
    pub message: String,
    /// 2, 3 or 4 for a finding about a standard table; `None` for the document as a whole.
    pub table: Option<u8>,
    /// Official row labels of the main cell, outermost first (empty when not about one row).
    #[serde(default)]
    pub row: LabelPath,
    /// Official column labels of the main cell, outermost first.
    #[serde(default)]
    pub column: LabelPath,
    pub expected: Option<Quantity>,
    pub actual: Option<Quantity>,
    /// The cells involved; the first is the main cell (the one that holds `actual`).
    #[serde(default)]
    pub cells: Vec<CellRef>,
    /// The cell most likely to be wrong when it breaks more than one rule.
    pub culprit: Option<CellRef>,
    /// The culprit's corrected value, when the rules can compute it (contract 2, added after its
    /// first release: absent from older results).
    pub fix: Option<Fix>,
    /// Where the finding points, the main location first: the cells (in the order of `cells`),
    /// then the text spans involved.
    #[serde(default)]
    pub locations: Vec<Location>,
    /// Index of the [`FindingGroup`] this finding belongs to (many findings of one rule in
    /// one table, e.g. a blank column), shown as one line by the presenters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<usize>,
    /// The problem this finding belongs to (0, 1, … in the result): findings that one culprit
    /// cell explains share one problem — one mistake, one problem, with the checks it breaks
    /// listed under it ([`assign_problems`]). Absent from older results: read as
    /// [`NO_PROBLEM`] (the writer then gives each such finding a problem of its own).
    #[serde(default = "no_problem")]
    pub problem: usize,
}

/// The `problem` of a finding read back from a result that had none.
pub const NO_PROBLEM: usize = usize::MAX;

fn no_problem() -> usize {
    NO_PROBLEM
}

/// Numbers the problems of a result's findings: findings with the same culprit cell share one
/// problem, and so does a finding without a culprit whose main cell is that culprit (the text
/// that disagrees with the wrong total); every other finding is a problem of its own. Ids follow
/// the order of the problems' first findings.
pub fn assign_problems(findings: &mut [Finding]) {
    let culprits: Vec<CellRef> = findings.iter().filter_map(|f| f.culprit).collect();
    let mut keys: Vec<(CellRef, usize)> = Vec::new();
    let mut next = 0usize;
    for f in findings.iter_mut() {
        let key = f
            .culprit
            .or_else(|| f.cells.first().copied().filter(|c| culprits.contains(c)));
        let known = key.and_then(|c| keys.iter().find(|(k, _)| *k == c).map(|&(_, id)| id));
        f.problem = match known {
            Some(id) => id,
            None => {
                if let Some(c) = key {
                    keys.push((c, next));
                }
                next += 1;
                next - 1
            }
        };
    }
}

/// How many problems `findings` hold ([`Finding::problem`]): in all, and those holding an error.
pub fn problem_counts(findings: &[Finding]) -> (usize, usize) {
    let mut seen: Vec<(usize, bool)> = Vec::new();
    for f in findings {
        let error = f.severity == Severity::Error;
        match seen.iter_mut().find(|(id, _)| *id == f.problem) {
            Some(slot) => slot.1 |= error,
            None => seen.push((f.problem, error)),
        }
    }
    (seen.len(), seen.iter().filter(|(_, e)| *e).count())
}

/// Many findings of one rule in one table (a blank column, a blank table), summed up in one
/// line for people; the findings themselves stay one per cell.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FindingGroup {
    /// Index in the result's `groups` (what [`Finding::group`] names).
    pub id: usize,
    pub rule: RuleId,
    pub severity: Severity,
    pub table: Option<u8>,
    /// How many findings the group holds.
    pub count: usize,
    /// Chinese summary, e.g. 表三「法人或其他组织」5 列全部为空，共 125 格.
    pub message: String,
}

/// Findings of one rule in one table from this many on form a group.
pub const GROUP_MIN: usize = 6;

/// Data rows of table 三 in the 2019 format (the fewer of the two): this many distinct rows
/// in a group means whole columns.
const T3_MIN_ROWS: usize = 23;

/// What a group of findings covers, for its one-line summary (written by `messages::group`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupShape {
    pub rule: RuleId,
    pub table: u8,
    pub count: usize,
    pub kind: GroupKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GroupKind {
    /// Every cell of these columns (official column paths).
    WholeColumns { columns: Vec<LabelPath> },
    /// Every cell of `rows` rows of table 三, the first of them `first`.
    WholeRows { first: LabelPath, rows: usize },
    /// Cells here and there: the first one's row and column.
    Scattered { row: LabelPath, column: LabelPath },
}

/// Groups many findings of one per-cell rule in one table: sets [`Finding::group`] and
/// returns the groups, each summed up by `summary`.
pub fn group_findings(
    findings: &mut [Finding],
    mut summary: impl FnMut(&GroupShape) -> String,
) -> Vec<FindingGroup> {
    let mut groups: Vec<FindingGroup> = Vec::new();
    let mut keys: Vec<(RuleId, u8)> = Vec::new();
    for f in findings.iter() {
        if let (true, Some(table)) = (f.rule.is_per_cell(), f.table) {
            if !keys.contains(&(f.rule, table)) {
                keys.push((f.rule, table));
            }
        }
    }
    for (rule, table) in keys {
        let members: Vec<usize> = (0..findings.len())
            .filter(|&i| {
                findings
                    .get(i)
                    .is_some_and(|f| f.rule == rule && f.table == Some(table))
            })
            .collect();
        if members.len() < GROUP_MIN {
            continue;
        }
        let of: Vec<&Finding> = members.iter().filter_map(|&i| findings.get(i)).collect();
        let Some(first) = of.first() else { continue };
        let shape = GroupShape {
            rule,
            table,
            count: of.len(),
            kind: group_kind(table, &of),
        };
        let id = groups.len();
        groups.push(FindingGroup {
            id,
            rule,
            severity: first.severity,
            table: Some(table),
            count: of.len(),
            message: summary(&shape),
        });
        for &i in &members {
            if let Some(f) = findings.get_mut(i) {
                f.group = Some(id);
            }
        }
    }
    groups
}

/// The distinct paths, in the order first seen (compared in place: a group of a whole table
/// holds 175 findings, and only the distinct paths are copied).
fn distinct<'a>(paths: impl Iterator<Item = &'a LabelPath>) -> Vec<LabelPath> {
    let mut out: Vec<&LabelPath> = Vec::new();
    for p in paths {
        // Findings come row by row: the path seen last is the likeliest match, so it is asked first.
        if !out.iter().rev().any(|q| same_path(q, p)) {
            out.push(p);
        }
    }
    out.into_iter().cloned().collect()
}

/// `a == b`, innermost label first (where paths of one table differ), with shortcuts for labels
/// borrowed from the same static string (most are) and for labels that end differently.
fn same_path(a: &[Label], b: &[Label]) -> bool {
    a.len() == b.len()
        && a.iter().rev().zip(b.iter().rev()).all(|(x, y)| {
            let (x, y): (&str, &str) = (x, y);
            x.len() == y.len()
                && (x.as_ptr() == y.as_ptr()
                    || (x.as_bytes().last() == y.as_bytes().last() && x == y))
        })
}

/// Whole columns, whole rows, or scattered cells.
fn group_kind(table: u8, of: &[&Finding]) -> GroupKind {
    let rows = distinct(of.iter().map(|f| &f.row));
    let columns = distinct(of.iter().map(|f| &f.column));
    let rectangle = rows.len() * columns.len() == of.len();
    if rectangle && (table == 4 || (table == 3 && rows.len() >= T3_MIN_ROWS)) {
        return GroupKind::WholeColumns { columns };
    }
    if rectangle && table == 3 && columns.len() == 7 {
        return GroupKind::WholeRows {
            first: rows.first().cloned().unwrap_or_default(),
            rows: rows.len(),
        };
    }
    let (row, column) = of
        .first()
        .map(|f| (f.row.clone(), f.column.clone()))
        .unwrap_or_default();
    GroupKind::Scattered { row, column }
}

impl Finding {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blank(table: u8, row: &[&str], col: &[&str]) -> Finding {
        Finding {
            rule: if table == 3 {
                RuleId::T3Blank
            } else {
                RuleId::T4Blank
            },
            severity: Severity::Error,
            message: String::new(),
            table: Some(table),
            row: row.iter().map(|s| Cow::Owned(s.to_string())).collect(),
            column: col.iter().map(|s| Cow::Owned(s.to_string())).collect(),
            expected: None,
            actual: None,
            cells: Vec::new(),
            culprit: None,
            fix: None,
            locations: Vec::new(),
            group: None,
            problem: 0,
        }
    }

    #[test]
    fn groups_are_whole_columns_whole_rows_or_scattered() {
        let orgs = [
            "商业企业",
            "科研机构",
            "社会公益组织",
            "法律服务机构",
            "其他",
        ];
        let mut fs = Vec::new();
        for r in 0..25 {
            for c in orgs {
                fs.push(blank(
                    3,
                    &[&format!("r{r}")],
                    &["申请人情况", "法人或其他组织", c],
                ));
            }
        }
        fs.push(blank(4, &[], &["行政复议", "总计"]));
        let mut shapes = Vec::new();
        let groups = group_findings(&mut fs, |g| {
            shapes.push(g.clone());
            "summary".to_string()
        });
        assert_eq!(groups.len(), 1);
        assert_eq!(
            (groups[0].count, groups[0].message.as_str(), groups[0].table),
            (125, "summary", Some(3))
        );
        assert!(
            matches!(&shapes[0].kind, GroupKind::WholeColumns { columns } if columns.len() == 5)
        );
        assert!(fs[..125].iter().all(|f| f.group == Some(0)));
        assert_eq!(fs[125].group, None, "one finding alone is no group");

        let mut fs: Vec<Finding> = (0..3)
            .flat_map(|r| (0..7).map(move |c| (r, c)))
            .map(|(r, c)| {
                blank(
                    3,
                    &["三、本年度办理结果", &format!("（{r}）")],
                    &["申请人情况", &format!("c{c}")],
                )
            })
            .collect();
        let mut kind = None;
        group_findings(&mut fs, |g| {
            kind = Some(g.kind.clone());
            String::new()
        });
        assert_eq!(
            kind,
            Some(GroupKind::WholeRows {
                first: vec!["三、本年度办理结果".into(), "（0）".into()].into(),
                rows: 3
            })
        );

        let mut fs: Vec<Finding> = (0..6)
            .map(|r| blank(3, &[&format!("r{r}")], &[&format!("c{r}")]))
            .collect();
        let mut kind = None;
        group_findings(&mut fs, |g| {
            kind = Some(g.kind.clone());
            String::new()
        });
        assert_eq!(
            kind,
            Some(GroupKind::Scattered {
                row: vec!["r0".into()].into(),
                column: vec!["c0".into()].into()
            })
        );
    }

    #[test]
    fn decimals_format_without_float_formatting() {
        assert_eq!(format_decimal(7730.28), "7730.28");
        assert_eq!(format_decimal(1.5), "1.5");
        assert_eq!(format_decimal(-2.5), "-2.5");
        assert_eq!(format_decimal(3.0), "3");
        assert_eq!(format_decimal(0.005), "0.005");
    }
}
