//! The command line asks the core's batch engine: a parent region in front of the agency still
//! pairs, several distinct last years pair with none (no cross-year finding from an arbitrary
//! choice), identical copies count once, and `--previous` of another agency gives warnings only.

use crate::{common, support};

use common::{run, tmpdir};
use std::path::Path;
use support::report::{Format, ReportSpec};

fn y2021(agency: &str, carried: i64) -> ReportSpec {
    let mut r = ReportSpec::zeros(Format::Format2021, 2021, agency).reworded();
    r.set_t3_row("new_received", [carried, 0, 0, 0, 0, 0])
        .set_t3_row("carried_forward", [carried, 0, 0, 0, 0, 0]);
    r
}

fn y2022(agency: &str) -> ReportSpec {
    let mut r = ReportSpec::zeros(Format::Format2021, 2022, agency);
    r.set_t3_row("carried_over", [1, 0, 0, 0, 0, 0])
        .set_t3_row("granted", [1, 0, 0, 0, 0, 0])
        .set_t3_row("results_total", [1, 0, 0, 0, 0, 0]);
    r
}

fn write(dir: &Path, name: &str, spec: &ReportSpec) -> String {
    let path = dir.join(name);
    std::fs::write(&path, spec.to_bytes()).expect("write");
    path.to_str().unwrap().to_string()
}

fn json(args: &[&str]) -> Vec<serde_json::Value> {
    let out = run(args);
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect()
}

fn rules(rec: &serde_json::Value, rule: &str) -> Vec<serde_json::Value> {
    rec["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == rule)
        .cloned()
        .collect()
}

#[test]
fn a_parent_prefix_pairs_in_a_batch() {
    let dir = tmpdir("engine-prefix");
    let now = write(&dir, "2022.docx", &y2022("某市某某区人民政府"));
    let last = write(&dir, "2021.docx", &y2021("某某区人民政府", 2));
    let recs = json(&["check", "--json", &now, &last]);
    assert_eq!(recs[0]["previous"]["file"], last.as_str(), "{}", recs[0]);
    assert_eq!(rules(&recs[0], "T3.XYEAR").len(), 2, "自然人 and 总计");
}

#[test]
fn duplicates_give_no_cross_year_finding_and_copies_count_once() {
    let dir = tmpdir("engine-dup");
    let now = write(&dir, "2022.docx", &y2022("某某县教育局"));
    let a = write(&dir, "2021甲.docx", &y2021("某某县教育局", 1));
    let b = write(&dir, "2021乙.docx", &y2021("某某县教育局", 3));
    let recs = json(&["check", "--json", &now, &a, &b]);
    assert!(recs[0]["previous"].is_null());
    assert!(rules(&recs[0], "T3.XYEAR").is_empty());
    let pair = rules(&recs[0], "M.PAIR");
    assert_eq!(pair.len(), 1);
    let msg = pair[0]["message"].as_str().unwrap();
    assert!(msg.contains(&a) && msg.contains(&b), "{msg}");
    assert_eq!(rules(&recs[1], "M.DUPYEAR").len(), 1);

    // A copy of the wrong one instead of a second version: one report, compared.
    let copy = dir.join("2021乙（副本）.docx");
    std::fs::copy(&b, &copy).unwrap();
    let copy = copy.to_str().unwrap();
    let recs = json(&["check", "--json", &now, &b, copy]);
    assert_eq!(recs[0]["previous"]["file"], b.as_str());
    assert_eq!(rules(&recs[0], "T3.XYEAR").len(), 2, "自然人 and 总计");
    assert!(recs.iter().all(|r| rules(r, "M.DUPYEAR").is_empty()));
}

#[test]
fn previous_of_another_agency_gives_warnings() {
    let dir = tmpdir("engine-other");
    let now = write(&dir, "2022.docx", &y2022("某某县教育局"));
    let other = write(&dir, "财政局2021.docx", &y2021("某某县财政局", 3));
    let out = run(&["check", "--json", "--previous", &other, &now]);
    let line = String::from_utf8(out.stdout).unwrap();
    let rec: serde_json::Value = serde_json::from_str(line.lines().next().unwrap()).unwrap();
    assert_eq!(rules(&rec, "M.PAIR").len(), 1);
    let xyear = rules(&rec, "T3.XYEAR");
    assert_eq!(xyear.len(), 2);
    assert!(xyear.iter().all(|f| f["severity"] == "warning"));
    assert_eq!(xyear[0]["severity"], "warning");
    assert_eq!(out.status.code(), Some(0), "warnings only");
}

/// A report whose 新收, 予以公开 and 办理结果总计 rows hold `received`.
fn filled(agency: &str, received: [i64; 6]) -> ReportSpec {
    let mut r = ReportSpec::zeros(Format::Format2021, 2022, agency).reworded();
    r.set_t3_row("new_received", received)
        .set_t3_row("granted", received)
        .set_t3_row("results_total", received);
    r
}

#[test]
fn a_consolidated_report_is_compared_with_its_units() {
    let dir = tmpdir("engine-hier");
    let mut county = filled("某某县人民政府", [3, 0, 0, 0, 0, 0]);
    county.sections[0].before.insert(
        0,
        "全县各级行政机关政府信息公开工作汇总情况如下。".to_string(),
    );
    let county = write(&dir, "汇总.docx", &county);
    let unit = write(
        &dir,
        "教育局.docx",
        &filled("某某县教育局", [2, 0, 0, 0, 0, 0]),
    );
    let town = write(
        &dir,
        "某镇.docx",
        &filled("某某县某某镇人民政府", [2, 0, 0, 0, 0, 0]),
    );
    let other = write(
        &dir,
        "另一县.docx",
        &filled("另一县教育局", [9, 0, 0, 0, 0, 0]),
    );
    let recs = json(&["check", "--json", &county, &unit, &town, &other]);
    let hier = rules(&recs[0], "M.HIER");
    // 2 + 2 > 3 in 自然人 and 总计 of three rows.
    assert_eq!(hier.len(), 6, "{hier:?}");
    let msg = hier[0]["message"].as_str().unwrap();
    assert!(
        msg.contains("汇总报告为 3，而本批下属单位报告合计为 4"),
        "{msg}"
    );
    assert!(
        msg.contains(&unit) && msg.contains(&town) && !msg.contains(&other),
        "{msg}"
    );
    // Without the town: 2 ≤ 3, nothing.
    let recs = json(&["check", "--json", &county, &unit, &other]);
    assert!(rules(&recs[0], "M.HIER").is_empty());
}
