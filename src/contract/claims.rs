//! `claims`: what the prose reader read in a report and how each statement compares with the
//! tables, so that a user sees what was checked — agreements too (docs/CONTRACT.md).

use crate::findings::{CellRef, Finding, Location};
use crate::messages;
use crate::report::narrative::Claim;
use crate::report::Report;
use serde::{Deserialize, Serialize};

/// One statement of the prose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimView {
    /// Source ordinal of the paragraph (as in text locations).
    pub paragraph: usize,
    /// The sentence holding the statement, and its character range in the paragraph
    /// (Unicode scalar values).
    pub sentence: String,
    pub sentence_start: usize,
    pub sentence_end: usize,
    /// The statement's character range in the paragraph and its text.
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// What it is about, in the corpus notation: `New`, `Processed`, `Break.Granted`,
    /// `Review.Total`, `Applicant.Natural`, `None` (未收到申请) …
    pub subject: String,
    /// The same in Chinese (收到申请, 予以公开 …).
    pub label: String,
    /// The number stated; absent for statements without one (未收到申请, 均获维持).
    pub value: Option<i64>,
    /// The unit written (件, 条 …).
    pub unit: Option<String>,
    /// 近/约/余/多.
    pub approx: bool,
    /// A part: 其中…, a channel, 本级/部门, a sub-period.
    pub part: bool,
    /// The sentence says the figure includes last year's carry-over.
    pub includes_carry_in: bool,
    /// Not this year's figure (another year named, 上年).
    pub other_year: bool,
    /// The subject word may name something else (行政复议 without 政府信息公开).
    pub loose: bool,
    /// The figure of the tables compared with, its value and its cells; absent when the
    /// statement is not compared with one figure (a part, another year, the fee).
    pub figure: Option<String>,
    pub table_value: Option<i64>,
    pub cells: Vec<CellRef>,
    /// `true` when the statement agrees with the tables, `false` when a finding reports it
    /// (`rule` names it), absent when it was not compared.
    pub agrees: Option<bool>,
    pub rule: Option<String>,
}

impl ClaimView {
    /// Every claim of `report`, with the prose finding about it (if any) among `findings`.
    pub fn all(report: &Report, findings: &[Finding]) -> Vec<ClaimView> {
        report
            .claims
            .iter()
            .map(|c| ClaimView::of(report, c, findings))
            .collect()
    }

    fn of(report: &Report, c: &Claim, findings: &[Finding]) -> ClaimView {
        let about = |f: &&Finding| {
            f.rule.as_str().starts_with("TX.")
                && f.locations.iter().any(|l| {
                    matches!(l, Location::Text { doc: 0, paragraph, start, end, .. }
                        if *paragraph == c.paragraph && *start == c.start && *end == c.end)
                })
        };
        let finding = findings.iter().find(about);
        let figure = crate::rules::claim_figure(report, c);
        let agrees = match (finding, &figure) {
            (Some(_), _) => Some(false),
            (None, Some(_)) => Some(true),
            (None, None) => None,
        };
        let (figure, table_value, cells) = match figure {
            Some((name, value, cells)) => (Some(name), Some(value), cells),
            None => (None, None, Vec::new()),
        };
        ClaimView {
            paragraph: c.paragraph,
            sentence: c.sentence.clone(),
            sentence_start: c.sentence_start,
            sentence_end: c.sentence_end,
            start: c.start,
            end: c.end,
            text: c.text.clone(),
            subject: c.subject.notation(),
            label: messages::claim_label(&c.subject),
            value: c.quantity,
            unit: c.unit.map(|u| u.as_str().to_string()),
            approx: c.approx,
            part: c.subset || c.qualified,
            includes_carry_in: c.includes_carry_in,
            other_year: !c.this_year,
            loose: c.loose,
            figure,
            table_value,
            cells,
            agrees,
            rule: finding.map(|f| f.rule.to_string()),
        }
    }
}
