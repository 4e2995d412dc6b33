//! The batch engine on real .docx files (built by `support::report`): pairs by agency identity
//! (a year glued to the name, a parent region in front), duplicates of one agency and year,
//! identical copies, a likely match only offered, and a manual pair of another agency.

use crate::support;

use nianbao::{check_batch, CheckResult, Options};
use nianbao::{Finding, Severity};
use support::api::check_with_previous;
use support::report::*;

fn y2021(agency: &str) -> ReportSpec {
    let mut r = ReportSpec::zeros(Format::Format2021, 2021, agency).reworded();
    r.set_t3_row("new_received", [2, 1, 0, 0, 0, 0])
        .set_t3_row("granted", [1, 0, 0, 0, 0, 0])
        .set_t3_row("results_total", [1, 0, 0, 0, 0, 0])
        .set_t3_row("carried_forward", [1, 1, 0, 0, 0, 0]);
    r
}

fn y2022(agency: &str) -> ReportSpec {
    let mut r = ReportSpec::zeros(Format::Format2021, 2022, agency);
    r.set_t3_row("new_received", [1, 0, 0, 0, 0, 0])
        .set_t3_row("carried_over", [1, 1, 0, 0, 0, 0])
        .set_t3_row("granted", [2, 1, 0, 0, 0, 0])
        .set_t3_row("results_total", [2, 1, 0, 0, 0, 0]);
    r
}

/// A 2021 report of `agency` whose carried-forward row disagrees with [`y2022`]'s carried-over
/// row (two columns differ: two T3.XYEAR when paired).
fn y2021_other(agency: &str) -> ReportSpec {
    let mut r = y2021(agency);
    r.set_t3_row("new_received", [3, 0, 0, 0, 0, 0])
        .set_t3_row("carried_forward", [2, 0, 0, 0, 0, 0]);
    r
}

fn batch(files: &[(&str, Vec<u8>)]) -> Vec<CheckResult> {
    let refs: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (*n, b.as_slice())).collect();
    check_batch(&refs, &Options::default())
        .into_iter()
        .map(|mut r| r.swap_remove(0))
        .collect()
}

fn of<'a>(r: &'a CheckResult, rule: &str) -> Vec<&'a Finding> {
    r.findings.iter().filter(|f| f.rule == rule).collect()
}

#[test]
fn a_year_glued_to_the_agency_still_pairs() {
    // The agency as some reports sign it, the year glued to the name (the title says the same).
    let (mut now, mut last) = (y2022("某某实验区"), y2021("某某实验区2021年"));
    now.signature = None;
    last.title = false;
    last.signature = Some("某某实验区2021年".to_string());
    let results = batch(&[
        ("2022.docx", now.to_bytes()),
        ("2021.docx", last.to_bytes()),
    ]);
    assert_eq!(
        results[1].report.agency.as_deref(),
        Some("某某实验区2021年")
    );
    assert_eq!(results[1].report.year, Some(2021));
    let p = results[0].previous.as_ref().expect("paired");
    assert_eq!(p.file.as_deref(), Some("2021.docx"));
    assert!(of(&results[0], "M.PAIR").is_empty());
    assert!(of(&results[0], "T3.XYEAR").is_empty());
}

#[test]
fn a_parent_region_in_front_still_pairs_and_compares() {
    let results = batch(&[
        ("2022.docx", y2022("某市某某区人民政府").to_bytes()),
        ("2021.docx", y2021_other("某某区人民政府").to_bytes()),
    ]);
    assert!(results[0].previous.is_some(), "{:?}", results[0].report);
    let xyear = of(&results[0], "T3.XYEAR");
    assert_eq!(xyear.len(), 2, "{xyear:?}");
    assert!(xyear.iter().all(|f| f.severity == Severity::Error));
}

#[test]
fn two_distinct_last_years_give_no_cross_year_finding() {
    let results = batch(&[
        ("2022.docx", y2022("某某县教育局").to_bytes()),
        ("2021-甲.docx", y2021("某某县教育局").to_bytes()),
        ("2021-乙.docx", y2021_other("某某县教育局").to_bytes()),
    ]);
    let now = &results[0];
    assert!(now.previous.is_none(), "no arbitrary choice");
    assert!(of(now, "T3.XYEAR").is_empty());
    let pair = of(now, "M.PAIR");
    assert_eq!(pair.len(), 1, "{:?}", now.findings);
    assert!(pair[0].message.contains("2021-甲.docx") && pair[0].message.contains("2021-乙.docx"));
    for (r, other) in [(&results[1], "2021-乙.docx"), (&results[2], "2021-甲.docx")] {
        let dup = of(r, "M.DUPYEAR");
        assert_eq!(dup.len(), 1);
        assert!(dup[0].message.contains(other));
    }
}

#[test]
fn identical_copies_count_once() {
    let last = y2021_other("某某县教育局").to_bytes();
    let results = batch(&[
        ("2022.docx", y2022("某某县教育局").to_bytes()),
        ("2021.docx", last.clone()),
        ("2021（副本）.docx", last),
    ]);
    assert_eq!(
        results[0].previous.as_ref().and_then(|p| p.file.as_deref()),
        Some("2021.docx")
    );
    assert_eq!(of(&results[0], "T3.XYEAR").len(), 2);
    assert!(of(&results[1], "M.DUPYEAR").is_empty());
    assert!(of(&results[2], "M.DUPYEAR").is_empty());
}

#[test]
fn a_likely_match_is_offered_not_paired() {
    let results = batch(&[
        ("2022.docx", y2022("某某县人民政府").to_bytes()),
        ("2021.docx", y2021_other("某某县政府").to_bytes()),
    ]);
    assert!(results[0].previous.is_none());
    assert!(of(&results[0], "T3.XYEAR").is_empty());
    let pair = of(&results[0], "M.PAIR");
    assert_eq!(pair.len(), 1, "{:?}", results[0].findings);
    assert!(pair[0].message.contains("2021.docx") && pair[0].message.contains("未自动配对"));
}

#[test]
fn a_manual_pair_of_another_agency_gives_warnings_only() {
    let now = y2022("某某县教育局").to_bytes();
    let other = y2021_other("某某县财政局").to_bytes();
    let results = check_with_previous(&now, &other, Some("财政局.docx"), &Options::default());
    let r = &results[0];
    assert!(r.previous.as_ref().is_some_and(|p| p.explicit));
    assert_eq!(of(r, "M.PAIR").len(), 1);
    let xyear = of(r, "T3.XYEAR");
    assert_eq!(xyear.len(), 2);
    assert!(xyear.iter().all(|f| f.severity == Severity::Warning));
    // The same agency named by the user: errors stay errors.
    let same = y2021_other("某某县教育局").to_bytes();
    let results = check_with_previous(&now, &same, Some("2021.docx"), &Options::default());
    assert!(of(&results[0], "M.PAIR").is_empty());
    assert!(of(&results[0], "T3.XYEAR")
        .iter()
        .all(|f| f.severity == Severity::Error));
}

#[test]
fn a_table_copied_from_last_year_is_a_warning() {
    let last = y2021("某某县教育局");
    // This year's table 三 is last year's, number for number.
    let mut copy = y2022("某某县教育局");
    copy.table3 = last.table3.clone();
    let results = batch(&[
        ("2022.docx", copy.to_bytes()),
        ("2021.docx", last.to_bytes()),
    ]);
    let dup = of(&results[0], "S.DUPTAB");
    assert_eq!(dup.len(), 1, "{:?}", results[0].findings);
    assert_eq!(dup[0].severity, Severity::Warning);
    assert_eq!(dup[0].table, Some(3));
    assert!(
        dup[0].message.contains("表三的 10 个非零数字"),
        "{}",
        dup[0].message
    );
    // A real next year: nothing copied.
    let results = batch(&[
        ("2022.docx", y2022("某某县教育局").to_bytes()),
        ("2021.docx", last.to_bytes()),
    ]);
    assert!(of(&results[0], "S.DUPTAB").is_empty());
    assert!(
        of(&results[1], "S.DUPTAB").is_empty(),
        "the earlier year has no previous"
    );
}
