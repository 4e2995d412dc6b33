//! The figures the prose is compared with, by subject (for the rules and for the result's
//! `claims`), and the prose checks of issue 15: parts stated side by side, per-applicant
//! counts, a blank 总计.

use super::text::{
    claims_of, litigation_fig, mismatch, near, part_name, review_fig, t2_fig, t3_group, t3_label,
    t3_row, t3_sum, text_finding, unit_of, Figure,
};
use super::*;
use crate::report::narrative::{Active, CaseKind, CasePart, Claim, Outcome, Subject};

/// The 表二 cell a 表二 subject names.
pub(super) fn active_figure(report: &Report, a: Active) -> Option<Figure> {
    // Official labels of both formats (2021 first).
    const MADE: &[&str] = &["本年制发件数", "本年新制作数量"];
    const REPEALED: &[&str] = &["本年废止件数"];
    const VALID: &[&str] = &["现行有效件数"];
    const DECISIONS: &[&str] = &["本年处理决定数量", "处理决定数量"];
    const DOCS: &[&str] = &["行政规范性文件", "规范性文件"];
    let (rows, columns): (&[&'static str], &[&'static str]) = match a {
        Active::RulesMade => (&["规章"], MADE),
        Active::RulesRepealed => (&["规章"], REPEALED),
        Active::RulesValid => (&["规章"], VALID),
        Active::DocsMade => (DOCS, MADE),
        Active::DocsRepealed => (DOCS, REPEALED),
        Active::DocsValid => (DOCS, VALID),
        Active::License => (&["行政许可"], DECISIONS),
        Active::Penalty => (&["行政处罚"], DECISIONS),
        Active::Enforcement => (&["行政强制"], DECISIONS),
    };
    t2_fig(report, rows, columns)
}

/// The table 三 rows a result names (a row, a pair, or a group) and the figure's name.
pub(super) fn break_keys(report: &Report, o: Outcome) -> (Vec<&'static str>, String) {
    use messages::figure;
    // The group label (（三）不予公开 …) is the second element of its rows' paths.
    let group = |keys: Vec<&'static str>| {
        let name = figure::t3_group(keys.first().map_or("", |k| t3_label(k, 1)));
        (keys, name)
    };
    match o {
        Outcome::Granted => (vec!["granted"], figure::t3_row(t3_label("granted", 1))),
        Outcome::Partial => (
            vec!["partially_granted"],
            figure::t3_row(t3_label("partially_granted", 1)),
        ),
        Outcome::GrantedOrPartial => (
            vec!["granted", "partially_granted"],
            figure::t3_pair(t3_label("granted", 1), t3_label("partially_granted", 1)),
        ),
        Outcome::Withheld => group(t3_group(report, "withheld_")),
        Outcome::Unable => group(t3_group(report, "unable_")),
        Outcome::NotProcessed => group(t3_group(report, "not_processed_")),
        Outcome::Other => group(t3_group(report, "other_")),
    }
}

/// The applicant columns of table 三 an applicant subject names.
fn applicant_columns(who: crate::report::narrative::Applicant) -> &'static [usize] {
    use crate::report::narrative::Applicant;
    match who {
        Applicant::Natural => &[0],
        Applicant::Legal => &[1, 2, 3, 4, 5],
        Applicant::Business => &[1],
        Applicant::Research => &[2],
        Applicant::Social => &[3],
        Applicant::LawFirm => &[4],
        Applicant::Other => &[5],
    }
}

/// The figure compared with one table 三 row's applicant columns.
fn applicant_figure(
    report: &Report,
    who: crate::report::narrative::Applicant,
    row_key: &str,
) -> Option<Figure> {
    use crate::report::narrative::Applicant;
    let row = formats::t3_row_index(row_key)?;
    let cols = applicant_columns(who);
    let mut value = 0;
    let mut cells = Vec::new();
    for &c in cols {
        let (x, cell) = t3_int(report, row, c)?;
        value += x;
        cells.push(cell);
    }
    let column = match who {
        Applicant::Legal => formats::T3_ORG_GROUP,
        _ => formats::T3_COLUMNS[cols[0]],
    };
    Some(Figure {
        value,
        cells,
        name: messages::figure::t3_applicant(t3_label(row_key, usize::MAX), column),
        table: 3,
        row: t3_row_path(row),
        column: if cols.len() == 1 {
            formats::t3_column_path(cols[0])
        } else {
            LabelPath::default()
        },
    })
}

/// The figure of the tables a claim is compared with: `None` for a part (其中 parts are
/// compared as breakdowns, channel/本级/sub-period parts with no cell), another year's figure
/// and the fee sentences. Zero statements (未收到申请, 均获维持 …) name the figure that must be 0.
pub fn claim_figure(report: &Report, c: &Claim) -> Option<(String, i64, Vec<CellRef>)> {
    if c.qualified || !c.this_year && c.subject != Subject::CarryIn {
        return None;
    }
    let sum_t4 = |f: Option<Figure>, g: Option<Figure>, p: CasePart| -> Option<Figure> {
        let mut f = f?;
        let g = g?;
        f.value += g.value;
        f.cells.extend(g.cells);
        f.name = messages::figure::cases(part_name(p));
        Some(f)
    };
    let cases = |kind: CaseKind, p: CasePart| match kind {
        CaseKind::Review => review_fig(report, p),
        CaseKind::Litigation => litigation_fig(report, p),
        CaseKind::Both => sum_t4(review_fig(report, p), litigation_fig(report, p), p),
    };
    let fig = match c.subject {
        Subject::NewApplications if c.includes_carry_in => {
            let mut f = t3_row(report, "new_received")?;
            let b = t3_row(report, "carried_over")?;
            f.value += b.value;
            f.cells.extend(b.cells);
            f.name = messages::figure::t3_new_plus_carry();
            Some(f)
        }
        Subject::NewApplications | Subject::NoneReceived => t3_row(report, "new_received"),
        Subject::Processed => t3_row(report, "results_total"),
        Subject::CarryIn => t3_row(report, "carried_over"),
        Subject::CarryOut | Subject::AllDone => t3_row(report, "carried_forward"),
        Subject::Break(o) => {
            let (keys, name) = break_keys(report, o);
            t3_sum(report, &keys, name)
        }
        Subject::Review(p) => review_fig(report, p),
        Subject::Litigation(p) => litigation_fig(report, p),
        Subject::Upheld { scope, .. } => cases(scope, CasePart::Corrected),
        Subject::NoCase(kind) => cases(kind, CasePart::Total),
        Subject::Active(a) => active_figure(report, a),
        Subject::Applicant(who) => applicant_figure(report, who, "new_received"),
        Subject::Fee | Subject::FeeNone | Subject::FeeNotices | Subject::FeeNoticesNone => None,
    }?;
    Some((fig.name, fig.value, fig.cells))
}

/// When every 总计 of table 三 rows `keys` is blank: the sum of their written addend cells
/// (自然人 … 其他), `None` when none is written.
pub(super) fn t3_written_sum(report: &Report, keys: &[&str], name: String) -> Option<Figure> {
    let mut value = 0i64;
    let mut cells = Vec::new();
    for key in keys {
        let row = formats::t3_row_index(key)?;
        if t3_cell(report, row, T3_TOTAL_COL).is_some_and(|c| c.int().is_some()) {
            return None;
        }
        for col in 0..T3_TOTAL_COL {
            if let Some((v, c)) = t3_int(report, row, col) {
                value += v;
                cells.push(c);
            }
        }
    }
    if cells.is_empty() {
        return None;
    }
    Some(Figure {
        value,
        cells,
        name,
        table: 3,
        row: LabelPath::default(),
        column: LabelPath::default(),
    })
}

/// Parts of the applications stated side by side in one sentence (网上申请 105 件、信函申请
/// 17 件) with no total beside them: a warning when they add up to neither 一 nor 一 + 二.
pub(super) fn parts_sum(report: &Report, a: &Figure, ab: Option<i64>, sink: &mut Sink) {
    let news: Vec<&Claim> = claims_of(report, |s| *s == Subject::NewApplications).collect();
    let mut k = 0;
    while k < news.len() {
        let key = (news[k].paragraph, news[k].sentence_start);
        let same: Vec<&Claim> = news[k..]
            .iter()
            .take_while(|c| (c.paragraph, c.sentence_start) == key)
            .copied()
            .collect();
        k += same.len();
        let parts: Vec<&Claim> = same.iter().filter(|c| c.qualified).copied().collect();
        let whole_stated = same.iter().any(|c| !c.subset);
        if parts.len() < 2 || whole_stated || parts.iter().any(|c| c.approx) {
            continue;
        }
        let values: Vec<i64> = parts.iter().filter_map(|c| c.quantity).collect();
        let sum: i64 = values.iter().sum();
        if sum == a.value || Some(sum) == ab {
            continue;
        }
        let m = messages::prose_parts_sum(&values, unit_of(parts[0]), &a.name, a.value);
        sink.push(text_finding(RuleId::TxVague, m, parts[0], Some(a)));
    }
}

/// 自然人申请 N 件 / 法人或其他组织 N 件 against the applicant column of 表三 一 (or 一 + 二:
/// the text may count the carried-over applications too): a warning when neither matches.
pub(super) fn applicants(report: &Report, sink: &mut Sink) {
    for claim in claims_of(report, |s| matches!(s, Subject::Applicant(_))) {
        let (Subject::Applicant(who), Some(n)) = (claim.subject, claim.quantity) else {
            continue;
        };
        let Some(fig) = applicant_figure(report, who, "new_received") else {
            continue;
        };
        let with_carry = applicant_figure(report, who, "carried_over").map(|b| fig.value + b.value);
        if n == fig.value || with_carry == Some(n) || claim.approx && near(n, fig.value) {
            continue;
        }
        let column = fig
            .column
            .last()
            .cloned()
            .unwrap_or(std::borrow::Cow::Borrowed(formats::T3_ORG_GROUP));
        let shown_carry = with_carry.filter(|v| *v != fig.value);
        let m = messages::prose_applicant(
            &claim.text,
            n,
            unit_of(claim),
            &column,
            fig.value,
            shown_carry,
        );
        sink.push(text_finding(RuleId::TxVague, m, claim, Some(&fig)));
    }
}

/// TX.UPHELD: 均获维持 / 未被纠错 ⇒ 表四 结果纠正 = 0 (均获维持: 其他结果 = 尚未审结 = 0 too,
/// else TX.PARTIAL).
pub(super) fn tx_upheld(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    for claim in claims_of(report, |s| matches!(s, Subject::Upheld { .. })) {
        let Subject::Upheld { scope, strict } = claim.subject else {
            continue;
        };
        let figs = |p: CasePart| -> Option<Figure> {
            match scope {
                CaseKind::Review => review_fig(report, p),
                CaseKind::Litigation => litigation_fig(report, p),
                CaseKind::Both => {
                    let mut f = review_fig(report, p)?;
                    let l = litigation_fig(report, p)?;
                    f.value += l.value;
                    f.cells.extend(l.cells);
                    f.name = messages::figure::cases(part_name(p));
                    f.column = LabelPath::default();
                    Some(f)
                }
            }
        };
        if let Some(corr) = figs(CasePart::Corrected).filter(|f| f.value > 0) {
            let m = messages::tx_says_but(&claim.text, &corr.name, corr.value);
            let id = if claim.loose {
                RuleId::TxVague
            } else {
                RuleId::TxUpheld
            };
            let f = text_finding(id, m, claim, Some(&corr));
            sink.push(f);
            continue;
        }
        if strict {
            let other = figs(CasePart::Other);
            let pending = figs(CasePart::Pending);
            if let Some(fig) = [other, pending].into_iter().flatten().find(|f| f.value > 0) {
                let m = messages::tx_not_all_upheld(&claim.text, &fig.name, fig.value);
                let f = text_finding(RuleId::TxPartial, m, claim, Some(&fig));
                sink.push(f);
            }
        }
    }
}

/// TX.NOCASE: 未发生行政复议、行政诉讼 ⇒ 表四 totals = 0.
pub(super) fn tx_no_case(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    for claim in claims_of(report, |s| matches!(s, Subject::NoCase(_))) {
        let Subject::NoCase(kind) = claim.subject else {
            continue;
        };
        let mut figs = Vec::new();
        if matches!(kind, CaseKind::Review | CaseKind::Both) {
            figs.extend(review_fig(report, CasePart::Total));
        }
        if matches!(kind, CaseKind::Litigation | CaseKind::Both) {
            figs.extend(litigation_fig(report, CasePart::Total));
        }
        for fig in figs.into_iter().filter(|f| f.value > 0) {
            let m = messages::tx_says_but(&claim.text, &fig.name, fig.value);
            let id = if claim.loose {
                RuleId::TxVague
            } else {
                RuleId::TxNoCase
            };
            let f = text_finding(id, m, claim, Some(&fig));
            sink.push(f);
        }
    }
}

/// TX.ACTIVE: 制发规范性文件 N 件, 行政许可 N 件, 行政处罚 N 起 = the 表二 cell.
pub(super) fn tx_active(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    for claim in claims_of(report, |s| matches!(s, Subject::Active(_))) {
        let (Subject::Active(a), Some(n)) = (claim.subject, claim.quantity) else {
            continue;
        };
        let Some(fig) = super::prose::active_figure(report, a) else {
            continue;
        };
        if n == fig.value || claim.approx && near(n, fig.value) {
            continue;
        }
        let m = format!("{}{}", mismatch(claim, n, &fig), messages::TX_ACTIVE_NOTE);
        sink.push(text_finding(RuleId::TxActive, m, claim, Some(&fig)));
    }
}

/// TX.FEE: 信息处理费 in the text against table 三: a fee without any application, a fee
/// notice count below （六）2 (逾期未缴费), or "no notice" while （六）2 > 0. 未收取 with
/// （六）2 > 0 is consistent (a notice was sent and not paid).
pub(super) fn tx_fee(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    let a = t3_row(report, "new_received");
    let b = t3_row(report, "carried_over");
    let unpaid = t3_row(report, "other_2");
    for claim in claims_of(report, |s| {
        matches!(
            s,
            Subject::Fee | Subject::FeeNotices | Subject::FeeNoticesNone
        )
    }) {
        match (claim.subject, claim.quantity) {
            (Subject::Fee, Some(n)) if n > 0 => {
                if let (Some(a), Some(b)) = (&a, &b) {
                    if a.value + b.value == 0 {
                        let m = messages::tx_fee_without_applications(&claim.text);
                        let mut f = text_finding(RuleId::TxFee, m, claim, Some(a));
                        f.cells.extend(b.cells.iter().copied());
                        sink.push(f);
                    }
                }
            }
            (Subject::FeeNotices, Some(n)) => {
                if let Some(u) = unpaid.as_ref().filter(|u| u.value > n) {
                    let m = messages::tx_fee_notices_below(&claim.text, &u.name, u.value);
                    sink.push(text_finding(RuleId::TxFee, m, claim, Some(u)));
                }
            }
            (Subject::FeeNoticesNone, _) => {
                if let Some(u) = unpaid.as_ref().filter(|u| u.value > 0) {
                    let m = messages::tx_fee_no_notice(&claim.text, &u.name, u.value);
                    let f = text_finding(RuleId::TxFee, m, claim, Some(u));
                    sink.push(f);
                }
            }
            _ => {}
        }
    }
}
