//! The rule catalogue, in the style of ruff: every rule is a small documented unit in the file
//! of its family (`t2.rs`, `t3.rs`, `t4.rs`, `cells.rs`, `structure.rs`, `text.rs`), declared
//! with `rule!`: its doc comment is the catalogue text (first line the title, then what it
//! checks, then `依据：` why), followed by its stable id, its one severity, its example (data:
//! edits on the zero-filled official report, see [`example`]) and its check function. The
//! [`RuleId`] enum lists them in the order they run; `docs/rules.md`, `nianbao rules` and the
//! page's help panel are generated from it, and `tests/it/rule_examples.rs` runs every example.
//!
//! The ids themselves ([`RuleId`]: string form and severity) live at the bottom of the stage
//! order, in `findings::rule_id`, so that findings, messages, presenters and the writer name
//! rules as a type; each `rule!` block repeats its id and severity, checked when compiling.
//! A check function may only give findings of its own id, or of a rule declared
//! `reported_by` it (checked by the [`Sink`] in debug builds).
//!
//! Adding a rule: a `rule!` block and its check in the family's file (or a new file), one line
//! in the id table (`src/findings/rule_id.rs`) and one in the registry below.

/// Declares a rule; see the module documentation.
macro_rules! rule {
    // A rule without a check of its own: its findings come from the checks of the rules named
    // (a warning for what those checks cannot read with certainty).
    (
        $(#[doc = $doc:literal])*
        $name:ident: $id:literal, $severity:ident,
        example: $example:expr,
        reported_by: [$($by:ident),+ $(,)?] $(,)?
    ) => {
        rule! {
            @def $(#[doc = $doc])* $name: $id, $severity, $example,
            |_: &RuleContext<'_>, _: &mut Sink| {}, &[$(RuleId::$by),+]
        }
    };
    (
        $(#[doc = $doc:literal])*
        $name:ident: $id:literal, $severity:ident,
        example: $example:expr,
        check: $check:path $(,)?
    ) => {
        rule! { @def $(#[doc = $doc])* $name: $id, $severity, $example, $check, &[] }
    };
    (
        @def $(#[doc = $doc:literal])*
        $name:ident: $id:literal, $severity:ident, $example:expr, $check:expr, $by:expr
    ) => {
        $(#[doc = $doc])*
        #[allow(non_snake_case)]
        pub(super) mod $name {
            use super::*;

            pub(in crate::rules) static DEF: RuleDef = RuleDef {
                id: RuleId::$name,
                check: $check,
                reported_by: $by,
            };

            // The id and severity written here are the ones of the id table
            // (`findings::RuleId`): checked when compiling.
            const _: () = assert!(
                same_str(RuleId::$name.as_str(), $id)
                    && matches!(RuleId::$name.severity(), Severity::$severity),
                concat!("rule ", stringify!($name), ": id or severity differs from findings::RuleId")
            );

            /// Kept apart from `DEF` so that code that never shows examples (the browser
            /// build) does not carry them.
            pub(in crate::rules) const EXAMPLE: Example = $example;

            /// The doc comment: title, what it checks, `依据：` why — one paragraph each. Apart
            /// from `DEF` too: the browser's checker does not carry the catalogue's text (the
            /// page fetches www/rules.json).
            pub(in crate::rules) const DOC: &str = concat!($($doc, "\n"),*);
        }
    };
}

mod cells;
mod copied;
mod culprits;
mod document;
pub mod example;
mod hier;
mod prose;
mod structure;
mod t2;
mod t3;
mod t4;
mod text;
mod xyear;

use culprits::*;
pub use example::{Edit, Example};
pub use hier::{figures_of, Figure, Unit};
pub use prose::claim_figure;
use t4::*;

pub use crate::findings::RuleId;
pub(crate) use crate::findings::{
    label_path, CellRef, Finding, Fix, LabelPath, Location, Quantity, Severity,
};
pub(crate) use crate::messages::{self, CellProblem, HeadingProblem};
pub(crate) use crate::model::Document;
pub(crate) use crate::report::formats::{
    self, Format, T2Kind, T3_COLUMNS, T3_ROWS, T3_TOTAL_COL, T4_COLUMNS, T4_GROUPS,
};
pub(crate) use crate::report::normalize::{norm, trim_blank, HeadingNumber};
pub(crate) use crate::report::value::Reading;
pub(crate) use crate::report::{self, NumCell, Report, TextSpan};
use serde::Serialize;
use std::sync::LazyLock;

/// Ties every [`RuleId`] to its rule's definition (the match must name every id).
macro_rules! registry {
    ($($variant:ident => $family:ident::$rule:ident,)*) => {
        impl RuleId {
            fn def(self) -> &'static RuleDef {
                match self {
                    $(RuleId::$variant => &$family::$rule::DEF,)*
                }
            }

            /// The rule's doc comment (see [`rule!`]).
            fn doc(self) -> &'static str {
                match self {
                    $(RuleId::$variant => $family::$rule::DOC,)*
                }
            }

            /// The rule's example: edits on the zero-filled official report and the message
            /// it gives.
            pub fn example(self) -> &'static Example {
                match self {
                    $(RuleId::$variant => &$family::$rule::EXAMPLE,)*
                }
            }
        }
    };
}

registry! {
    T3Row => t3::T3Row,
    T3Bal => t3::T3Bal,
    T3Res => t3::T3Res,
    T3Zero => t3::T3Zero,
    T3Rows => t3::T3Rows,
    T3Note => t3::T3Note,
    T3Other => t3::T3Other,
    T4Sum => t4::T4Sum,
    T4Cols => t4::T4Cols,
    T2Rows => t2::T2Rows,
    T2Label => t2::T2Label,
    T2ValidGe => t2::T2ValidGe,
    T2New19 => t2::T2New19,
    SEmpty => cells::SEmpty,
    T2Blank => cells::T2Blank,
    T3Blank => cells::T3Blank,
    T4Blank => cells::T4Blank,
    T2Int => cells::T2Int,
    T3Int => cells::T3Int,
    T4Int => cells::T4Int,
    CellText => cells::CellText,
    SFmt => structure::SFmt,
    SHybrid => structure::SHybrid,
    SNoYear => structure::SNoYear,
    SYear => structure::SYear,
    STables => structure::STables,
    SSect => structure::SSect,
    STitleVar => structure::STitleVar,
    SDate => structure::SDate,
    SOrder => document::SOrder,
    SSec1 => document::SSec1,
    SLen1 => document::SLen1,
    SSec5 => document::SSec5,
    SSec5Part => document::SSec5Part,
    SSec6 => document::SSec6,
    SGovExtra => document::SGovExtra,
    SPeriod => document::SPeriod,
    SDeadline => document::SDeadline,
    SDateEarly => document::SDateEarly,
    SMulti => structure::SMulti,
    SAmbig => structure::SAmbig,
    SLabel => structure::SLabel,
    TxNew => text::TxNew,
    TxNewCarry => text::TxNewCarry,
    TxDone => text::TxDone,
    TxCarryIn => text::TxCarryIn,
    TxCarryOut => text::TxCarryOut,
    TxNone => text::TxNone,
    TxAllDone => text::TxAllDone,
    TxBreak => text::TxBreak,
    TxRev => text::TxRev,
    TxLit => text::TxLit,
    TxUpheld => text::TxUpheld,
    TxNoCase => text::TxNoCase,
    TxPartial => text::TxPartial,
    TxVague => text::TxVague,
    TxActive => text::TxActive,
    TxFee => text::TxFee,
    MPair => xyear::MPair,
    MDupYear => xyear::MDupYear,
    T3XYear => xyear::T3XYear,
    T2Valid => xyear::T2Valid,
    T2Repeal => xyear::T2Repeal,
    T2Prev19 => xyear::T2Prev19,
    T2XFmt => xyear::T2XFmt,
    SDup => xyear::SDup,
    SDupTab => copied::SDupTab,
    MHier => hier::MHier,
}

/// A rule as declared by [`rule!`].
pub(crate) struct RuleDef {
    /// The id the rule's findings carry ([`Sink`] checks it).
    id: RuleId,
    /// For a rule without a check of its own: the rules whose checks give its findings.
    reported_by: &'static [RuleId],
    check: fn(&RuleContext<'_>, &mut Sink),
}

/// `a == b` for the compile-time checks of [`rule!`].
const fn same_str(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

impl RuleId {
    /// The paragraphs of the rule's doc comment.
    fn doc_paragraphs(self) -> impl Iterator<Item = &'static str> {
        self.doc()
            .split('\n')
            .map(str::trim)
            .filter(|l| !l.is_empty())
    }

    /// Short Chinese title (first line of the doc comment).
    pub fn title(self) -> &'static str {
        self.doc_paragraphs().next().unwrap_or("")
    }

    /// What the rule checks (second paragraph of the doc comment).
    pub fn checks(self) -> &'static str {
        self.doc_paragraphs().nth(1).unwrap_or("")
    }

    /// Why: the official source or the reasoning (the `依据：` paragraph).
    pub fn why(self) -> &'static str {
        let p = self.doc_paragraphs().nth(2).unwrap_or("");
        p.strip_prefix("依据：").unwrap_or(p)
    }

    /// The catalogue entry.
    pub fn info(self) -> RuleInfo {
        RuleInfo {
            id: self.as_str(),
            severity: self.severity(),
            title: self.title(),
            checks: self.checks(),
            why: self.why(),
            example: self.example().message,
        }
    }
}

/// The documentation of a rule, as the catalogue shows it (`nianbao rules --json`, the page).
#[derive(Debug, Clone, Copy, Serialize)]
pub struct RuleInfo {
    pub id: &'static str,
    pub severity: Severity,
    /// Short Chinese title.
    pub title: &'static str,
    /// What the rule checks (Chinese).
    pub checks: &'static str,
    /// Why: the official source or the reasoning (Chinese).
    pub why: &'static str,
    /// The message the rule gives on its example (Chinese).
    pub example: &'static str,
}

/// A catalogue entry: the rule's id and documentation. Serializes as its [`RuleInfo`].
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    pub id: RuleId,
    pub info: RuleInfo,
}

impl Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.info.serialize(s)
    }
}

/// Options the rules read. None yet: every rule always runs.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct RuleOptions {}

/// The previous-year report of the same agency, with its document (locations in it have `doc: 1`).
#[derive(Debug, Clone, Copy)]
pub struct Previous<'a> {
    pub report: &'a Report,
    pub doc: &'a Document,
    /// Named by the user (`--previous`, the page's "加入上一年度报告对比") rather than paired
    /// automatically by agency and year: its agency and year are then checked (M.PAIR).
    pub explicit: bool,
}

/// What the batch says about the report beyond its previous year.
#[derive(Debug, Clone, Copy, Default)]
pub struct BatchNotes<'a> {
    /// Names of the other reports of the same agency and year in the batch (M.DUPYEAR).
    pub same_year: &'a [String],
    /// Why a previous-year report named by the user could not be used (M.PAIR), e.g. the file
    /// could not be read.
    pub previous_unusable: Option<&'a str>,
    /// Names of several distinct last-year reports of the same agency: compared with none (M.PAIR).
    pub previous_ambiguous: &'a [String],
    /// Names of last-year reports of a probably-same agency, offered but not paired (M.PAIR).
    pub likely_previous: &'a [String],
    /// For a consolidated report: its units' reports of the same year in the batch (M.HIER).
    pub units: &'a [Unit],
}

/// What a rule sees: the report under check and its document, and optionally the previous
/// year's report.
#[derive(Debug, Clone, Copy)]
pub struct RuleContext<'a> {
    pub report: &'a Report,
    pub doc: &'a Document,
    pub previous: Option<Previous<'a>>,
    pub options: &'a RuleOptions,
    pub batch: BatchNotes<'a>,
}

impl<'a> RuleContext<'a> {
    /// The context of one report, without a previous year.
    pub fn new(report: &'a Report, doc: &'a Document, options: &'a RuleOptions) -> Self {
        RuleContext {
            report,
            doc,
            previous: None,
            options,
            batch: BatchNotes::default(),
        }
    }

    /// The previous-year report when it is one: its year is the year before this report's.
    /// An explicitly named file of another year is not compared (M.PAIR says so).
    pub fn previous_year(&self) -> Option<Previous<'a>> {
        let p = self.previous?;
        let (year, last) = (self.report.year?, p.report.year?);
        (last.checked_add(1) == Some(year)).then_some(p)
    }
}

/// A linear identity over cells: Σ coef·value = 0 when the rule holds. Kept for each failed
/// arithmetic finding so that a cell breaking several identities can be named the culprit.
#[derive(Debug, Clone)]
struct Equation {
    terms: Vec<(CellRef, i64, i64)>,
}

impl Equation {
    fn residual(&self) -> i64 {
        self.terms.iter().map(|(_, coef, v)| coef * v).sum()
    }
}

/// Collects findings (and, for arithmetic rules, their identities).
///
/// The sink knows which rule is running: a check function may only give findings of its own
/// id, or of a rule declared `reported_by` it (checked in debug builds, so every test run
/// checks it).
pub(crate) struct Sink {
    rule: RuleId,
    findings: Vec<Finding>,
    equations: Vec<(usize, Equation)>,
}

impl Sink {
    fn new(rule: RuleId) -> Sink {
        Sink {
            rule,
            findings: Vec::new(),
            equations: Vec::new(),
        }
    }
    fn push(&mut self, f: Finding) {
        debug_assert!(
            f.rule == self.rule || f.rule.def().reported_by.contains(&self.rule),
            "the check of {} gave a finding of {}",
            self.rule,
            f.rule
        );
        self.findings.push(f);
    }
    fn push_eq(&mut self, f: Finding, eq: Equation) {
        self.equations.push((self.findings.len(), eq));
        self.push(f);
    }
}

/// A finding of rule `id`, with the rule's severity. Not inlined: some sixty rules call it, and
/// inlined it costs the checker's wasm a few hundred bytes at each.
#[inline(never)]
fn finding(id: RuleId, message: String) -> Finding {
    Finding {
        rule: id,
        severity: id.severity(),
        message,
        table: None,
        row: LabelPath::default(),
        column: LabelPath::default(),
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

/// A text location in the document under check.
fn text_location(span: &TextSpan) -> Location {
    Location::Text {
        doc: 0,
        report: 0,
        paragraph: span.paragraph,
        start: span.start,
        end: span.end,
        sentence: span.sentence.clone(),
    }
}

/// Runs every rule on the context, then names likely culprit cells.
pub fn run_all(cx: &RuleContext<'_>) -> Vec<Finding> {
    run_where(cx, |_| true)
}

/// Runs the prose rules (TX.*) only: what the narrative fuzz target exercises.
pub fn run_prose(cx: &RuleContext<'_>) -> Vec<Finding> {
    run_where(cx, |id| id.as_str().starts_with("TX."))
}

fn run_where(cx: &RuleContext<'_>, wanted: impl Fn(RuleId) -> bool) -> Vec<Finding> {
    let mut sink = Sink::new(RuleId::ALL[0]);
    for &id in RuleId::ALL {
        if !wanted(id) {
            continue;
        }
        sink.rule = id;
        let def = id.def();
        debug_assert_eq!(def.id, id);
        (def.check)(cx, &mut sink);
    }
    attach_culprits(cx.report, &mut sink);
    let mut findings = sink.findings;
    // Locations: the cells first (the main cell leads), then the text spans the rule named.
    for f in &mut findings {
        let mut locations: Vec<Location> =
            f.cells.iter().map(|c| Location::cell(0, 0, *c)).collect();
        locations.append(&mut f.locations);
        f.locations = locations;
    }
    // Errors first, then by table, keeping each rule's own order.
    crate::order::sort_by_key(&mut findings, |f| (f.severity, f.table.unwrap_or(0)));
    findings
}

// ------------------------------------------------------------------ labels for messages

fn t3_row_name(i: usize) -> String {
    let Some(def) = T3_ROWS.get(i) else {
        return String::new();
    };
    match def.path {
        [one] => one.to_string(),
        [_, leaf] => leaf.to_string(),
        [_, group, leaf] => format!("{group}{leaf}"),
        _ => def.key.to_string(),
    }
}

fn t3_col_name(c: usize) -> &'static str {
    T3_COLUMNS.get(c).copied().unwrap_or("")
}

fn t3_row_path(i: usize) -> LabelPath {
    static PATHS: LazyLock<Vec<Vec<crate::findings::Label>>> =
        LazyLock::new(|| crate::findings::static_paths(T3_ROWS.iter().map(|d| d.path)));
    crate::findings::lend_path(&PATHS, i)
}

fn t4_name(k: usize) -> String {
    T4_COLUMNS
        .get(k)
        .map(|(_, p)| p.join("·"))
        .unwrap_or_default()
}

fn t4_path(k: usize) -> LabelPath {
    static PATHS: LazyLock<Vec<Vec<crate::findings::Label>>> =
        LazyLock::new(|| crate::findings::static_paths(T4_COLUMNS.iter().map(|(_, p)| *p)));
    crate::findings::lend_path(&PATHS, k)
}

/// Rows of table 三 that the report's format has.
fn t3_rows_of(format: Format) -> impl Iterator<Item = (usize, &'static formats::T3Row)> {
    T3_ROWS
        .iter()
        .enumerate()
        .filter(move |(_, r)| match format {
            Format::F2021 => r.in_2021,
            Format::F2019 => r.in_2019,
        })
}

fn t3_cell(report: &Report, row: usize, col: usize) -> Option<&NumCell> {
    report
        .t3
        .as_ref()?
        .rows
        .get(row)?
        .as_ref()?
        .get(col)?
        .as_ref()
}

fn t3_int(report: &Report, row: usize, col: usize) -> Option<(i64, CellRef)> {
    let c = t3_cell(report, row, col)?;
    Some((c.int()?, c.cell))
}

fn idx(key: &str) -> usize {
    formats::t3_row_index(key).unwrap_or(usize::MAX)
}

// ------------------------------------------------------------------ the catalogue

static CATALOGUE: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    RuleId::ALL
        .iter()
        .map(|&id| Rule {
            id,
            info: id.info(),
        })
        .collect()
});

/// Every rule, in the order they run.
pub fn catalogue() -> &'static [Rule] {
    &CATALOGUE
}

/// The rule catalogue as Markdown (the content of docs/rules.md).
pub fn catalogue_markdown() -> String {
    let mut s = String::from("# 检查规则目录 / Rule catalogue\n\n");
    s.push_str("本文件由 `nianbao rules` 根据代码生成，请勿手工修改。\n");
    s.push_str("Generated from the code by `nianbao rules`; do not edit by hand.\n\n");
    s.push_str("| 编号 | 级别 | 名称 |\n|---|---|---|\n");
    for &id in RuleId::ALL {
        s.push_str(&format!(
            "| [{id}](#{}) | {} | {} |\n",
            anchor(id.as_str()),
            id.severity().label(),
            id.title()
        ));
    }
    for &id in RuleId::ALL {
        s.push_str(&format!(
            "\n## {id}\n\n**{}** · {}\n\n",
            id.title(),
            id.severity().label()
        ));
        s.push_str(&format!(
            "- 检查内容：{}\n- 依据：{}\n",
            id.checks(),
            id.why()
        ));
        let example = id.example();
        s.push_str(&format!(
            "- 示例：{}。\n  报告：{}\n",
            example.describe(),
            example.message
        ));
    }
    s
}

fn anchor(id: &str) -> String {
    id.to_lowercase().replace('.', "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_documented() {
        let mut ids: Vec<&str> = RuleId::ALL.iter().map(|r| r.as_str()).collect();
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n);
        for &r in RuleId::ALL {
            assert_eq!(r.doc_paragraphs().count(), 3, "{r}: title, what, why");
            assert!(
                r.doc().contains("依据："),
                "{r}: the third paragraph starts with 依据："
            );
            assert!(
                !r.title().is_empty() && !r.checks().is_empty() && !r.why().is_empty(),
                "{r}"
            );
            assert!(
                !r.example().edits.is_empty() && !r.example().message.is_empty(),
                "{r}"
            );
            assert_eq!(r.as_str().parse::<RuleId>(), Ok(r));
        }
        assert!("T9.NOPE".parse::<RuleId>().is_err());
    }

    #[test]
    fn equation_residual() {
        let c = CellRef {
            table: 0,
            row: 0,
            col: 0,
        };
        let eq = Equation {
            terms: vec![(c, 1, 4), (c, -1, 1), (c, -1, 2)],
        };
        assert_eq!(eq.residual(), 1);
    }
}
