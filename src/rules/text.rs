//! Rules comparing the narrative text with the tables (TX.*). Each reads the claims of the
//! narrative stage ([`report::narrative`]) and the cells they speak of, tries the readings
//! offices actually mean, and says which readings it tried.
//!
//! Severity (spec §2.4): an error when a sentence states this year's count of exactly the
//! quantity a cell holds and no accepted reading matches; a warning when the reading is
//! uncertain (approximate figures, "其中…" subsets, a number that matches another reading, a
//! subject that maps to several cells, or a count the table may define differently).

use super::*;
use crate::report::narrative::{Active, CaseKind, CasePart, Claim, Outcome, Subject};

/// A figure of the tables: its value, the cells it sums, and how to name it.
#[derive(Debug, Clone)]
struct Figure {
    value: i64,
    cells: Vec<CellRef>,
    /// Chinese name for messages, e.g. 表三“一、本年新收政府信息公开申请数量”总计.
    name: String,
    table: u8,
    row: Vec<String>,
    column: Vec<String>,
}

/// The 总计 of table 三 rows `keys` summed; `None` when a cell is missing or not an integer.
fn t3_sum(report: &Report, keys: &[&str], name: &str) -> Option<Figure> {
    let mut value = 0i64;
    let mut cells = Vec::new();
    for key in keys {
        let (v, c) = t3_int(report, formats::t3_row_index(key)?, T3_TOTAL_COL)?;
        value += v;
        cells.push(c);
    }
    let first = formats::t3_row_index(keys.first()?)?;
    Some(Figure {
        value,
        cells,
        name: format!("表三{name}"),
        table: 3,
        row: if keys.len() == 1 {
            t3_row_path(first)
        } else {
            Vec::new()
        },
        column: formats::t3_column_path(T3_TOTAL_COL),
    })
}

/// One row of table 三 by key, named by its official label.
fn t3_row(report: &Report, key: &str) -> Option<Figure> {
    let i = formats::t3_row_index(key)?;
    let label = T3_ROWS
        .get(i)
        .and_then(|d| d.path.last())
        .copied()
        .unwrap_or(key);
    t3_sum(report, &[key], &format!("“{label}”总计"))
}

/// Rows of table 三 of the report's format whose key starts with `prefix` (withheld_, unable_ …).
fn t3_group(report: &Report, prefix: &str) -> Vec<&'static str> {
    t3_rows_of(report.t3_format())
        .map(|(_, r)| r.key)
        .filter(|k| *k == prefix.trim_end_matches('_') || k.starts_with(prefix))
        .collect()
}

/// Table 四 columns summed by key (review.total, litigation_direct.total …).
fn t4_sum(report: &Report, keys: &[&str], name: &str) -> Option<Figure> {
    let mut value = 0i64;
    let mut cells = Vec::new();
    let mut first = None;
    for key in keys {
        let k = T4_COLUMNS.iter().position(|(kk, _)| kk == key)?;
        first.get_or_insert(k);
        let c = t4_cell(report, k)?;
        value += c.int()?;
        cells.push(c.cell);
    }
    Some(Figure {
        value,
        cells,
        name: format!("表四{name}"),
        table: 4,
        row: Vec::new(),
        column: if keys.len() == 1 {
            first.map(t4_path).unwrap_or_default()
        } else {
            Vec::new()
        },
    })
}

/// A table 二 cell by official row label and one of `columns` (2021 or 2019 wording).
fn t2_fig(report: &Report, rows: &[&str], columns: &[&str]) -> Option<Figure> {
    let t2 = report.t2.as_ref()?;
    let format = report.t2_format();
    for row in rows {
        for column in columns {
            if let Some(e) = t2.get(format, row, column) {
                let value = e.value.int()?;
                return Some(Figure {
                    value,
                    cells: vec![e.value.cell],
                    name: format!("表二“{row}”“{column}”"),
                    table: 2,
                    row: vec![row.to_string()],
                    column: vec![column.to_string()],
                });
            }
        }
    }
    None
}

fn claim_location(c: &Claim) -> Location {
    Location::Text {
        doc: 0,
        report: 0,
        paragraph: c.paragraph,
        start: c.start,
        end: c.end,
        sentence: c.sentence.clone(),
    }
}

/// A finding about `claim` and the figure it disagrees with.
fn text_finding(
    id: &str,
    severity: Severity,
    message: String,
    claim: &Claim,
    fig: Option<&Figure>,
) -> Finding {
    let mut f = finding(info(id), message);
    f.severity = severity;
    if let Some(fig) = fig {
        f.table = Some(fig.table);
        f.row = fig.row.clone();
        f.column = fig.column.clone();
        f.actual = Some(Quantity::Int(fig.value));
        f.cells = fig.cells.clone();
    }
    if let Some(q) = claim.quantity {
        f.expected = Some(Quantity::Int(q));
    }
    f.locations.push(claim_location(claim));
    f
}

/// The claims of `report` that state this year's figure of a subject.
fn claims_of<'a>(
    report: &'a Report,
    pick: impl Fn(&Subject) -> bool + 'a,
) -> impl Iterator<Item = &'a Claim> + 'a {
    report
        .claims
        .iter()
        .filter(move |c| c.this_year && pick(&c.subject))
}

/// An approximate figure (近/约/余/多) is read as matching when within 20 % of a reading.
fn near(n: i64, v: i64) -> bool {
    (n - v).abs() * 5 <= v.max(1)
}

/// Error unless the statement is approximate or a subset.
fn strictness(c: &Claim) -> Severity {
    if c.approx || c.subset {
        Severity::Warning
    } else {
        Severity::Error
    }
}

/// For breakdowns ("其中，予以公开 N 件", "其中维持 N 件") "其中" is the normal form: error unless
/// approximate.
fn breakdown_strictness(c: &Claim) -> Severity {
    if c.approx {
        Severity::Warning
    } else {
        Severity::Error
    }
}

/// TX.NEW: 收到/受理（政府信息公开）申请 N 件 = 表三 一 总计 (含上年结转: 一 + 二).
pub(super) fn tx_new(report: &Report, sink: &mut Sink) {
    let Some(a) = t3_row(report, "new_received") else {
        return;
    };
    let b = t3_row(report, "carried_over");
    let r = t3_row(report, "results_total");
    let c = t3_row(report, "carried_forward");
    for claim in claims_of(report, |s| *s == Subject::NewApplications) {
        let Some(n) = claim.quantity else { continue };
        let q = &claim.text;
        let ab = b.as_ref().map(|b| a.value + b.value);
        let rc = r.as_ref().zip(c.as_ref()).map(|(r, c)| r.value + c.value);
        let both = |fig: &Figure| {
            let mut f = fig.clone();
            if let Some(b) = &b {
                f.cells.extend(b.cells.iter().copied());
            }
            f
        };
        if claim.subset {
            // "其中…" names a part of the applications: it cannot exceed the whole.
            if n > ab.unwrap_or(a.value) {
                let m = format!(
                    "正文“{q}”是“其中”的一部分，却大于{}{}",
                    a.name,
                    ab.map(|v| format!("与上年结转之和 {v}"))
                        .unwrap_or_else(|| format!(" {}", a.value))
                );
                sink.push(text_finding(
                    "TX.NEW",
                    Severity::Warning,
                    m,
                    claim,
                    Some(&both(&a)),
                ));
            }
            continue;
        }
        if claim.includes_carry_in {
            match (ab, &b) {
                (Some(v), Some(bf)) if n == v => {}
                (Some(v), Some(bf)) => {
                    let m = if n == a.value {
                        format!(
                            "正文“{q}”说含上年结转，但 {n} 只等于{} {}；加上年结转 {} 件应为 {v}",
                            a.name, a.value, bf.value
                        )
                    } else {
                        format!(
                            "正文“{q}”（含上年结转）与表三本年新收加上年结转 {}+{}={v} 不一致",
                            a.value, bf.value
                        )
                    };
                    let sev = if n == a.value || claim.approx && near(n, v) {
                        Severity::Warning
                    } else {
                        strictness(claim)
                    };
                    sink.push(text_finding("TX.NEW", sev, m, claim, Some(&both(&a))));
                }
                _ => {}
            }
            continue;
        }
        let readings = [Some(a.value), ab, rc];
        if n == a.value || claim.approx && readings.iter().flatten().any(|v| near(n, *v)) {
            continue;
        }
        if let (Some(v), Some(bf)) = (ab, &b) {
            if n == v && bf.value > 0 {
                let m = format!(
                    "正文“{q}”与{} {} 不一致；{n} 等于本年新收加上年结转，若是此意请写明“含上年结转{}件”",
                    a.name, a.value, bf.value
                );
                sink.push(text_finding(
                    "TX.NEW",
                    Severity::Warning,
                    m,
                    claim,
                    Some(&both(&a)),
                ));
                continue;
            }
        }
        if let Some(v) = rc {
            if n == v {
                let m = format!(
                    "正文“{q}”与{} {} 不一致；{n} 等于办理结果总计加结转下年度（{}+{}），正文似乎把上年结转也算作收到的申请，请核对",
                    a.name,
                    a.value,
                    r.as_ref().map(|x| x.value).unwrap_or(0),
                    c.as_ref().map(|x| x.value).unwrap_or(0)
                );
                sink.push(text_finding(
                    "TX.NEW",
                    Severity::Warning,
                    m,
                    claim,
                    Some(&both(&a)),
                ));
                continue;
            }
        }
        let mut tried = format!("{} {}", a.name, a.value);
        if let (Some(v), Some(bf)) = (ab, &b) {
            if bf.value > 0 {
                tried.push_str(&format!("，本年新收加上年结转 {v}"));
            }
        }
        if let Some(v) = rc {
            if Some(v) != ab && v != a.value {
                tried.push_str(&format!("，办理结果总计加结转下年度 {v}"));
            }
        }
        let m = format!("正文“{q}”与表格不一致：正文为 {n}，已对照{tried}，均不相等");
        sink.push(text_finding(
            "TX.NEW",
            strictness(claim),
            m,
            claim,
            Some(&a),
        ));
    }
}

/// TX.DONE: 答复/办结 N 件 = 表三 （七）总计.
pub(super) fn tx_done(report: &Report, sink: &mut Sink) {
    let Some(r) = t3_row(report, "results_total") else {
        return;
    };
    let a = t3_row(report, "new_received");
    let b = t3_row(report, "carried_over");
    for claim in claims_of(report, |s| *s == Subject::Processed) {
        let Some(n) = claim.quantity else { continue };
        if n == r.value || claim.approx && near(n, r.value) {
            continue;
        }
        let q = &claim.text;
        if claim.subset {
            if n > r.value {
                let m = format!("正文“{q}”是“其中”的一部分，却大于{} {}", r.name, r.value);
                sink.push(text_finding(
                    "TX.DONE",
                    Severity::Warning,
                    m,
                    claim,
                    Some(&r),
                ));
            }
            continue;
        }
        let ab = a.as_ref().zip(b.as_ref()).map(|(a, b)| a.value + b.value);
        let (sev, extra) = if ab == Some(n) {
            (Severity::Warning, "；它等于本年新收加上年结转，若表三“四、结转下年度继续办理”不为 0，正文的办结数应扣除结转的申请".to_string())
        } else if a.as_ref().is_some_and(|a| a.value == n) {
            (
                Severity::Warning,
                "；它等于本年新收申请数，正文可能把收到的申请都算作已办结".to_string(),
            )
        } else {
            (strictness(claim), String::new())
        };
        let m = format!("正文“{q}”与{} {} 不一致{extra}", r.name, r.value);
        sink.push(text_finding("TX.DONE", sev, m, claim, Some(&r)));
    }
}

/// TX.CARRYIN: 上年结转 N 件 = 表三 二 总计.
pub(super) fn tx_carry_in(report: &Report, sink: &mut Sink) {
    let Some(b) = t3_row(report, "carried_over") else {
        return;
    };
    for claim in report
        .claims
        .iter()
        .filter(|c| c.subject == Subject::CarryIn)
    {
        let Some(n) = claim.quantity else { continue };
        if n == b.value || claim.approx && near(n, b.value) {
            continue;
        }
        let m = format!("正文“{}”与{} {} 不一致", claim.text, b.name, b.value);
        let sev = if claim.approx {
            Severity::Warning
        } else {
            Severity::Error
        };
        sink.push(text_finding("TX.CARRYIN", sev, m, claim, Some(&b)));
    }
}

/// TX.CARRYOUT: 结转下年度 N 件 (无结转 = 0) = 表三 四 总计.
pub(super) fn tx_carry_out(report: &Report, sink: &mut Sink) {
    let Some(c) = t3_row(report, "carried_forward") else {
        return;
    };
    for claim in claims_of(report, |s| *s == Subject::CarryOut) {
        let Some(n) = claim.quantity else { continue };
        if n == c.value || claim.approx && n > 0 && near(n, c.value) {
            continue;
        }
        let m = if n == 0 {
            format!("正文“{}”说没有结转，但{}为 {}", claim.text, c.name, c.value)
        } else {
            format!("正文“{}”与{} {} 不一致", claim.text, c.name, c.value)
        };
        sink.push(text_finding(
            "TX.CARRYOUT",
            strictness(claim),
            m,
            claim,
            Some(&c),
        ));
    }
}

/// TX.NONE: 未收到政府信息公开申请 ⇒ 表三 一 总计 = 0 (and 二 = 0 unless the text mentions it).
pub(super) fn tx_none(report: &Report, sink: &mut Sink) {
    let Some(a) = t3_row(report, "new_received") else {
        return;
    };
    let b = t3_row(report, "carried_over");
    let carry_mentioned = report.claims.iter().any(|c| c.subject == Subject::CarryIn);
    // One sentence is enough: the others say the same.
    if let Some(claim) = claims_of(report, |s| *s == Subject::NoneReceived).next() {
        if a.value > 0 {
            let m = format!("正文说“{}”，但{}为 {}", claim.text, a.name, a.value);
            let mut f = text_finding("TX.NONE", Severity::Error, m, claim, Some(&a));
            f.expected = Some(Quantity::Int(0));
            sink.push(f);
        } else if let Some(b) = b.as_ref().filter(|b| b.value > 0 && !carry_mentioned) {
            let m = format!(
                "正文说“{}”，表三本年新收为 0，但{}为 {}；请在正文说明上年结转申请的办理情况",
                claim.text, b.name, b.value
            );
            let mut f = text_finding("TX.NONE", Severity::Warning, m, claim, Some(b));
            f.expected = Some(Quantity::Int(0));
            sink.push(f);
        }
    }
}

/// TX.ALLDONE: 均已办结 ⇒ 表三 四 总计 = 0.
pub(super) fn tx_all_done(report: &Report, sink: &mut Sink) {
    let Some(c) = t3_row(report, "carried_forward") else {
        return;
    };
    if c.value == 0 {
        return;
    }
    if let Some(claim) = claims_of(report, |s| *s == Subject::AllDone).next() {
        let m = format!(
            "正文说“{}”，但{}为 {}；若只指部分申请，请写明",
            claim.text, c.name, c.value
        );
        let mut f = text_finding("TX.ALLDONE", Severity::Warning, m, claim, Some(&c));
        f.expected = Some(Quantity::Int(0));
        sink.push(f);
    }
}

/// TX.BREAK: 予以公开 N 件 … = the result row (or group) of 表三 总计.
pub(super) fn tx_break(report: &Report, sink: &mut Sink) {
    for claim in claims_of(report, |s| matches!(s, Subject::Break(_))) {
        let (Subject::Break(o), Some(n)) = (claim.subject, claim.quantity) else {
            continue;
        };
        let (keys, name): (Vec<&str>, &str) = match o {
            Outcome::Granted => (vec!["granted"], "“（一）予以公开”总计"),
            Outcome::Partial => (vec!["partially_granted"], "“（二）部分公开”总计"),
            Outcome::GrantedOrPartial => (
                vec!["granted", "partially_granted"],
                "“（一）予以公开”与“（二）部分公开”之和",
            ),
            Outcome::Withheld => (t3_group(report, "withheld_"), "“（三）不予公开”各项之和"),
            Outcome::Unable => (t3_group(report, "unable_"), "“（四）无法提供”各项之和"),
            Outcome::NotProcessed => (
                t3_group(report, "not_processed_"),
                "“（五）不予处理”各项之和",
            ),
            Outcome::Other => (t3_group(report, "other_"), "“（六）其他处理”各项之和"),
        };
        let Some(fig) = t3_sum(report, &keys, name) else {
            continue;
        };
        if n == fig.value || claim.approx && near(n, fig.value) {
            continue;
        }
        // A group stated by one of its items (本机关不掌握相关政府信息 2 件) matches that item.
        if keys.len() > 1 && !matches!(o, Outcome::GrantedOrPartial) {
            let one = keys
                .iter()
                .filter_map(|k| t3_row(report, k))
                .find(|f| f.value == n && n > 0);
            if one.is_some() {
                continue;
            }
        }
        let mut m = format!("正文“{}”与{} {} 不一致", claim.text, fig.name, fig.value);
        let mut sev = breakdown_strictness(claim);
        if o == Outcome::GrantedOrPartial {
            if let Some(g) = t3_row(report, "granted").filter(|g| g.value == n) {
                m.push_str(&format!(
                    "；{n} 只等于“（一）予以公开” {}，未含部分公开",
                    g.value
                ));
                sev = Severity::Warning;
            }
        }
        sink.push(text_finding("TX.BREAK", sev, m, claim, Some(&fig)));
    }
}

fn part_key(p: CasePart) -> &'static str {
    match p {
        CasePart::Total => "total",
        CasePart::Upheld => "upheld",
        CasePart::Corrected => "corrected",
        CasePart::Other => "other",
        CasePart::Pending => "pending",
    }
}

fn part_name(p: CasePart) -> &'static str {
    match p {
        CasePart::Total => "总计",
        CasePart::Upheld => "结果维持",
        CasePart::Corrected => "结果纠正",
        CasePart::Other => "其他结果",
        CasePart::Pending => "尚未审结",
    }
}

fn review_fig(report: &Report, p: CasePart) -> Option<Figure> {
    t4_sum(
        report,
        &[&format!("review.{}", part_key(p))],
        &format!("“行政复议·{}”", part_name(p)),
    )
}

fn litigation_fig(report: &Report, p: CasePart) -> Option<Figure> {
    let k = part_key(p);
    let mut f = t4_sum(
        report,
        &[
            &format!("litigation_direct.{k}"),
            &format!("litigation_after_review.{k}"),
        ],
        &format!(
            "行政诉讼“{}”（未经复议直接起诉与复议后起诉之和）",
            part_name(p)
        ),
    )?;
    f.column = vec!["行政诉讼".to_string(), part_name(p).to_string()];
    Some(f)
}

/// TX.REV: 行政复议 N 件 (+ 维持/纠正/其他/尚未审结) = 表四 行政复议.
pub(super) fn tx_review(report: &Report, sink: &mut Sink) {
    for claim in claims_of(report, |s| matches!(s, Subject::Review(_))) {
        let (Subject::Review(p), Some(n)) = (claim.subject, claim.quantity) else {
            continue;
        };
        let Some(fig) = review_fig(report, p) else {
            continue;
        };
        if n == fig.value || claim.approx && near(n, fig.value) {
            continue;
        }
        // "行政复议、行政诉讼共 N 件": the two totals together.
        if p == CasePart::Total {
            let lit = litigation_fig(report, CasePart::Total)
                .map(|l| l.value)
                .unwrap_or(0);
            if n == fig.value + lit && claim.sentence.contains("诉讼") {
                continue;
            }
        }
        let m = format!("正文“{}”与{} {} 不一致", claim.text, fig.name, fig.value);
        sink.push(text_finding(
            "TX.REV",
            breakdown_strictness(claim),
            m,
            claim,
            Some(&fig),
        ));
    }
}

/// TX.LIT: 行政诉讼 N 件 (+ breakdown) = 表四 未经复议直接起诉 + 复议后起诉.
pub(super) fn tx_litigation(report: &Report, sink: &mut Sink) {
    for claim in claims_of(report, |s| matches!(s, Subject::Litigation(_))) {
        let (Subject::Litigation(p), Some(n)) = (claim.subject, claim.quantity) else {
            continue;
        };
        let Some(fig) = litigation_fig(report, p) else {
            continue;
        };
        if n == fig.value || claim.approx && near(n, fig.value) {
            continue;
        }
        let k = part_key(p);
        if p == CasePart::Total {
            let review = review_fig(report, CasePart::Total)
                .map(|r| r.value)
                .unwrap_or(0);
            if n == fig.value + review && claim.sentence.contains("复议") {
                continue;
            }
        }
        let direct = t4_sum(report, &[&format!("litigation_direct.{k}")], "").map(|f| f.value);
        let after = t4_sum(report, &[&format!("litigation_after_review.{k}")], "").map(|f| f.value);
        let mut m = format!("正文“{}”与{} {} 不一致", claim.text, fig.name, fig.value);
        let mut sev = breakdown_strictness(claim);
        if direct == Some(n) || after == Some(n) {
            let which = if direct == Some(n) {
                "未经复议直接起诉"
            } else {
                "复议后起诉"
            };
            m.push_str(&format!("；{n} 只等于“{which}”一栏，行政诉讼应计两栏之和"));
            sev = Severity::Warning;
        }
        sink.push(text_finding("TX.LIT", sev, m, claim, Some(&fig)));
    }
}

/// TX.UPHELD: 均获维持 / 未被纠错 ⇒ 表四 结果纠正 = 0 (均获维持: 其他结果 = 尚未审结 = 0 too).
pub(super) fn tx_upheld(report: &Report, sink: &mut Sink) {
    for claim in claims_of(report, |s| matches!(s, Subject::Upheld { .. })) {
        let Subject::Upheld { scope, strict } = claim.subject else {
            continue;
        };
        let figs = |p: CasePart| -> Option<Figure> {
            match scope {
                CaseKind::Review => review_fig(report, p),
                CaseKind::Litigation => litigation_fig(report, p),
                CaseKind::Both => {
                    let r = review_fig(report, p)?;
                    let l = litigation_fig(report, p)?;
                    let mut f = r.clone();
                    f.value += l.value;
                    f.cells.extend(l.cells);
                    f.name = format!("表四行政复议与行政诉讼“{}”之和", part_name(p));
                    f.column = Vec::new();
                    Some(f)
                }
            }
        };
        if let Some(corr) = figs(CasePart::Corrected).filter(|f| f.value > 0) {
            let m = format!("正文说“{}”，但{}为 {}", claim.text, corr.name, corr.value);
            let mut f = text_finding("TX.UPHELD", Severity::Error, m, claim, Some(&corr));
            f.expected = Some(Quantity::Int(0));
            sink.push(f);
            continue;
        }
        if strict {
            let other = figs(CasePart::Other);
            let pending = figs(CasePart::Pending);
            if let Some(fig) = [other, pending].into_iter().flatten().find(|f| f.value > 0) {
                let m = format!(
                    "正文说“{}”，但{}为 {}；未维持或尚未审结的案件不能说“均获维持”",
                    claim.text, fig.name, fig.value
                );
                let mut f = text_finding("TX.UPHELD", Severity::Warning, m, claim, Some(&fig));
                f.expected = Some(Quantity::Int(0));
                sink.push(f);
            }
        }
    }
}

/// TX.NOCASE: 未发生行政复议、行政诉讼 ⇒ 表四 totals = 0.
pub(super) fn tx_no_case(report: &Report, sink: &mut Sink) {
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
            let m = format!("正文说“{}”，但{}为 {}", claim.text, fig.name, fig.value);
            let mut f = text_finding("TX.NOCASE", Severity::Error, m, claim, Some(&fig));
            f.expected = Some(Quantity::Int(0));
            sink.push(f);
        }
    }
}

/// TX.ACTIVE: 制发规范性文件 N 件, 行政许可 N 件, 行政处罚 N 起 = the 表二 cell.
pub(super) fn tx_active(report: &Report, sink: &mut Sink) {
    const MADE: &[&str] = &["本年制发件数", "本年新制作数量"];
    const REPEALED: &[&str] = &["本年废止件数"];
    const VALID: &[&str] = &["现行有效件数"];
    const DECISIONS: &[&str] = &["本年处理决定数量", "处理决定数量"];
    const DOCS: &[&str] = &["行政规范性文件", "规范性文件"];
    for claim in claims_of(report, |s| matches!(s, Subject::Active(_))) {
        let (Subject::Active(a), Some(n)) = (claim.subject, claim.quantity) else {
            continue;
        };
        let (rows, columns): (&[&str], &[&str]) = match a {
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
        let Some(fig) = t2_fig(report, rows, columns) else {
            continue;
        };
        if n == fig.value || claim.approx && near(n, fig.value) {
            continue;
        }
        let m = format!(
            "正文“{}”与{} {} 不一致；表二统计的是本年全部处理决定（含依法未公开的），若正文只计了其中一部分，请写明",
            claim.text, fig.name, fig.value
        );
        sink.push(text_finding(
            "TX.ACTIVE",
            Severity::Warning,
            m,
            claim,
            Some(&fig),
        ));
    }
}

/// TX.FEE: 信息处理费 in the text against table 三: a fee without any application, a fee
/// notice count below （六）2 (逾期未缴费), or "no notice" while （六）2 > 0. 未收取 with
/// （六）2 > 0 is consistent (a notice was sent and not paid).
pub(super) fn tx_fee(report: &Report, sink: &mut Sink) {
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
                        let m = format!(
                            "正文“{}”说收取了信息处理费，但表三本年新收和上年结转的申请都为 0",
                            claim.text
                        );
                        let mut f = text_finding("TX.FEE", Severity::Warning, m, claim, Some(a));
                        f.cells.extend(b.cells.iter().copied());
                        sink.push(f);
                    }
                }
            }
            (Subject::FeeNotices, Some(n)) => {
                if let Some(u) = unpaid.as_ref().filter(|u| u.value > n) {
                    let m = format!(
                        "正文“{}”少于{} {}：逾期未缴费的申请都应收到过缴费通知",
                        claim.text, u.name, u.value
                    );
                    sink.push(text_finding("TX.FEE", Severity::Warning, m, claim, Some(u)));
                }
            }
            (Subject::FeeNoticesNone, _) => {
                if let Some(u) = unpaid.as_ref().filter(|u| u.value > 0) {
                    let m = format!(
                        "正文说“{}”，但{}为 {}：逾期未缴费的申请都应收到过缴费通知",
                        claim.text, u.name, u.value
                    );
                    let mut f = text_finding("TX.FEE", Severity::Warning, m, claim, Some(u));
                    f.expected = Some(Quantity::Int(0));
                    sink.push(f);
                }
            }
            _ => {}
        }
    }
}
