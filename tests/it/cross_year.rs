//! Two years side by side: reports of one agency in consecutive years pair automatically in a
//! batch (or explicitly), and the cross-year rules compare the later report with the earlier one.
//! Every report here is a real .docx built by `support::report`.

use crate::support;

use nianbao::{check_batch, CheckResult, Options, Status};
use nianbao::{Finding, Location, Severity};
use support::api::check_with_previous;
use support::report::*;

const AGENCY: &str = "某某县卫生健康局";

/// A consistent 2021 report with applications carried forward and 现行有效 documents.
fn year_2021() -> ReportSpec {
    let mut r = ReportSpec::zeros(Format::Format2021, 2021, AGENCY).reworded();
    r.set_t3_row("new_received", [2, 1, 0, 0, 0, 0])
        .set_t3_row("granted", [1, 0, 0, 0, 0, 0])
        .set_t3_row("results_total", [1, 0, 0, 0, 0, 0])
        .set_t3_row("carried_forward", [1, 1, 0, 0, 0, 0]);
    r.set_t2("行政规范性文件", 0, "2")
        .set_t2("行政规范性文件", 2, "5");
    r
}

/// The 2022 report that follows [`year_2021`] consistently: 2 applications carried over,
/// 5 + 1 − 2 = 4 documents in force.
fn year_2022() -> ReportSpec {
    let mut r = ReportSpec::zeros(Format::Format2021, 2022, AGENCY);
    r.set_t3_row("new_received", [1, 0, 0, 0, 0, 0])
        .set_t3_row("carried_over", [1, 1, 0, 0, 0, 0])
        .set_t3_row("granted", [2, 1, 0, 0, 0, 0])
        .set_t3_row("results_total", [2, 1, 0, 0, 0, 0]);
    r.set_t2("行政规范性文件", 0, "1")
        .set_t2("行政规范性文件", 1, "2")
        .set_t2("行政规范性文件", 2, "4");
    r
}

const CROSS_YEAR: [&str; 6] = [
    "T3.XYEAR",
    "T2.VALID",
    "T2.REPEAL",
    "T2.PREV19",
    "T2.XFMT",
    "S.DUP",
];

fn batch(files: &[(&str, &ReportSpec)]) -> Vec<CheckResult> {
    let bytes: Vec<(&str, Vec<u8>)> = files.iter().map(|(n, s)| (*n, s.to_bytes())).collect();
    let refs: Vec<(&str, &[u8])> = bytes.iter().map(|(n, b)| (*n, b.as_slice())).collect();
    check_batch(&refs, &Options::default())
        .into_iter()
        .map(|mut r| {
            assert_eq!(r.len(), 1, "one report per file");
            r.swap_remove(0)
        })
        .collect()
}

fn of<'a>(r: &'a CheckResult, rule: &str) -> Vec<&'a Finding> {
    r.findings.iter().filter(|f| f.rule == rule).collect()
}

fn cell(doc: u8, (table, row, col): Pos) -> Location {
    Location::Cell {
        doc,
        report: 0,
        table,
        row,
        col,
    }
}

fn assert_consistent_pair(results: &[CheckResult], later: usize, earlier_name: &str, year: i32) {
    let r = &results[later];
    assert_eq!(r.status, Status::Checked);
    let p = r.previous.as_ref().expect("paired with the previous year");
    assert_eq!(p.file.as_deref(), Some(earlier_name));
    assert_eq!(p.year, Some(year));
    assert_eq!(p.agency.as_deref(), Some(AGENCY));
    assert!(!p.explicit);
    for rule in CROSS_YEAR.iter().chain(&["M.PAIR", "M.DUPYEAR"]) {
        assert!(of(r, rule).is_empty(), "{rule}: {:?}", of(r, rule));
    }
    for r in results {
        assert!(
            r.findings.iter().all(|f| f.severity == Severity::Warning),
            "a consistent report has no error: {:?}",
            r.findings
        );
    }
}

#[test]
fn a_consistent_2021_2022_pair_pairs_in_either_order_and_says_nothing() {
    let results = batch(&[("2022.docx", &year_2022()), ("2021.docx", &year_2021())]);
    assert_consistent_pair(&results, 0, "2021.docx", 2021);
    assert!(
        results[1].previous.is_none(),
        "the earlier report has no previous year here"
    );
}

#[test]
fn a_consistent_2019_2020_pair_in_the_2019_format() {
    let mut y2019 = ReportSpec::zeros(Format::Format2019, 2019, AGENCY).reworded();
    y2019
        .set_t2("行政许可", 0, "10")
        .set_t2("行政许可", 1, "-2")
        .set_t2("规章", 2, "3");
    y2019
        .set_t3_row("new_received", [1, 0, 0, 0, 0, 0])
        .set_t3_row("carried_forward", [1, 0, 0, 0, 0, 0]);
    let mut y2020 = ReportSpec::zeros(Format::Format2019, 2020, AGENCY);
    y2020
        .set_t2("行政许可", 0, "8")
        .set_t2("行政许可", 1, "1")
        .set_t2("规章", 1, "1")
        .set_t2("规章", 2, "4");
    y2020
        .set_t3_row("carried_over", [1, 0, 0, 0, 0, 0])
        .set_t3_row("granted", [1, 0, 0, 0, 0, 0])
        .set_t3_row("results_total", [1, 0, 0, 0, 0, 0]);
    let results = batch(&[("2019.docx", &y2019), ("2020.docx", &y2020)]);
    assert_consistent_pair(&results, 1, "2019.docx", 2019);

    // 上一年项目数量 off by one, 对外公开总数量 decreasing: two T2.PREV19 warnings.
    y2020.set_t2("行政许可", 0, "9").set_t2("规章", 2, "2");
    let results = batch(&[("2019.docx", &y2019), ("2020.docx", &y2020)]);
    let found = of(&results[1], "T2.PREV19");
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found[0].message.contains("上一年项目数量为 9") && found[0].message.contains("应为 8"));
    assert_eq!(found[0].expected, Some(nianbao::Quantity::Int(8)));
    assert!(found[0]
        .locations
        .contains(&cell(1, y2019.t2_pos("行政许可", 0))));
    assert!(found[1]
        .message
        .contains("对外公开总数量为 2，少于上一年度（2019 年）报告的 3"));
    assert!(found.iter().all(|f| f.severity == Severity::Warning));
}

#[test]
fn a_broken_carry_over_is_an_error_naming_both_cells() {
    let mut later = year_2022();
    // 自然人 carried over 2 (last year carried forward 1); the row and the column still balance.
    later
        .set_t3_row("carried_over", [2, 1, 0, 0, 0, 0])
        .set_t3_row("granted", [3, 1, 0, 0, 0, 0])
        .set_t3_row("results_total", [3, 1, 0, 0, 0, 0]);
    let earlier = year_2021();
    let results = batch(&[("2021.docx", &earlier), ("2022.docx", &later)]);
    let r = &results[1];
    assert!(of(r, "T3.BAL").is_empty() && of(r, "T3.ROW").is_empty());
    let found = of(r, "T3.XYEAR");
    assert_eq!(found.len(), 2, "自然人 and 总计: {found:?}");
    let f = found[0];
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(f.table, Some(3));
    assert_eq!(f.row, vec!["二、上年结转政府信息公开申请数量".to_string()]);
    assert_eq!(f.column, t3_col_path(0));
    assert_eq!(f.expected, Some(nianbao::Quantity::Int(1)));
    assert_eq!(f.actual, Some(nianbao::Quantity::Int(2)));
    assert!(f
        .message
        .contains("上一年度（2021 年）报告表三「四、结转下年度继续办理」同列为 1"));
    let (t, row, col) = later.t3_pos("carried_over", 0);
    assert_eq!(
        f.locations[0],
        cell(0, (t, row, col)),
        "the later report's cell first"
    );
    assert_eq!(
        f.locations[1],
        cell(1, earlier.t3_pos("carried_forward", 0)),
        "then the previous report's cell"
    );
    assert_eq!(found[1].column, t3_col_path(6));
    assert!(
        of(&results[0], "T3.XYEAR").is_empty(),
        "listed on the later report only"
    );
    // The JSON says which file was compared.
    let json = serde_json::to_value(r).unwrap();
    assert_eq!(json["previous"]["file"], "2021.docx");
    assert_eq!(json["previous"]["year"], 2021);
    assert_eq!(json["previous"]["explicit"], false);
    let loc = &json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "T3.XYEAR")
        .unwrap()["locations"][1];
    assert_eq!(loc["kind"], "cell");
    assert_eq!(loc["doc"], 1);
    assert!(serde_json::to_value(&results[0])
        .unwrap()
        .get("previous")
        .is_none());
}

#[test]
fn a_broken_roll_forward_is_a_warning() {
    let mut later = year_2022();
    later.set_t2("行政规范性文件", 2, "6");
    let earlier = year_2021();
    let results = batch(&[("2021.docx", &earlier), ("2022.docx", &later)]);
    let found = of(&results[1], "T2.VALID");
    assert_eq!(found.len(), 1, "{found:?}");
    let f = found[0];
    assert_eq!(f.severity, Severity::Warning);
    assert_eq!(f.expected, Some(nianbao::Quantity::Int(4)));
    assert_eq!(f.actual, Some(nianbao::Quantity::Int(6)));
    assert!(f
        .message
        .contains("现行有效 5 件加本年制发 1 件、减本年废止 2 件应为 4"));
    assert_eq!(f.locations[0], cell(0, later.t2_pos("行政规范性文件", 2)));
    assert!(f
        .locations
        .contains(&cell(1, earlier.t2_pos("行政规范性文件", 2))));
    assert!(of(&results[1], "T2.REPEAL").is_empty());

    // Repealing more than existed.
    later
        .set_t2("行政规范性文件", 1, "9")
        .set_t2("行政规范性文件", 2, "0");
    let results = batch(&[("2021.docx", &earlier), ("2022.docx", &later)]);
    let found = of(&results[1], "T2.REPEAL");
    assert_eq!(found.len(), 1);
    assert!(found[0].message.contains(
        "本年废止 9 件，多于上一年度（2021 年）报告的现行有效 5 件与本年制发 1 件之和 6"
    ));
}

#[test]
fn a_2020_2021_pair_skips_table_2_and_says_why_but_checks_the_carry_over() {
    let mut y2020 = ReportSpec::zeros(Format::Format2019, 2020, AGENCY).reworded();
    y2020.set_t2("规章", 2, "7");
    y2020
        .set_t3_row("new_received", [1, 0, 0, 0, 0, 0])
        .set_t3_row("carried_forward", [1, 0, 0, 0, 0, 0]);
    let mut y2021 = ReportSpec::zeros(Format::Format2021, 2021, AGENCY);
    y2021.set_t2("规章", 2, "2");
    let results = batch(&[("2020.docx", &y2020), ("2021.docx", &y2021)]);
    let r = &results[1];
    assert!(r.previous.is_some());
    let xfmt = of(r, "T2.XFMT");
    assert_eq!(xfmt.len(), 1);
    assert!(xfmt[0].message.contains("表二不做跨年度核对"));
    assert_eq!(xfmt[0].severity, Severity::Warning);
    assert!(of(r, "T2.VALID").is_empty() && of(r, "T2.REPEAL").is_empty());
    // Table 三 has the same rows in both formats: 1 carried forward, 0 carried over.
    assert_eq!(of(r, "T3.XYEAR").len(), 2);
}

#[test]
fn reports_of_different_agencies_or_non_consecutive_years_do_not_pair() {
    let mut other = year_2022();
    other.agency = "某某县卫生健康委员会".into();
    other.signature = Some(other.agency.clone());
    let mut government = ReportSpec::zeros(Format::Format2021, 2022, "某某县人民政府");
    government.set_t3_row("carried_over", [5, 0, 0, 0, 0, 0]);
    let mut short = ReportSpec::zeros(Format::Format2021, 2021, "某某县政府").reworded();
    short.set_t3_row("carried_forward", [0, 0, 0, 0, 0, 0]);
    let mut y2020 = ReportSpec::zeros(Format::Format2019, 2020, AGENCY).reworded();
    y2020.set_t3_row("carried_forward", [1, 0, 0, 0, 0, 0]);
    let results = batch(&[
        ("2021.docx", &year_2021()),
        ("other.docx", &other),
        ("gov2022.docx", &government),
        ("gov2021.docx", &short),
        ("2020.docx", &y2020),
    ]);
    assert!(
        results[1].previous.is_none(),
        "卫生健康委员会 is not 卫生健康局"
    );
    assert!(results[2].previous.is_none(), "人民政府 is not 政府");
    assert!(results[0].previous.is_some(), "2021 pairs with 2020");
    for r in &results[1..4] {
        for rule in CROSS_YEAR {
            assert!(of(r, rule).is_empty(), "{rule}");
        }
    }
}

#[test]
fn the_same_report_twice_is_a_warning_on_both() {
    let y = year_2022();
    let results = batch(&[("a.docx", &y), ("b.docx", &y), ("2021.docx", &year_2021())]);
    for (r, other) in [(&results[0], "b.docx"), (&results[1], "a.docx")] {
        let found = of(r, "M.DUPYEAR");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Warning);
        assert!(found[0].message.contains(other), "{}", found[0].message);
        assert!(found[0].message.contains("某某县卫生健康局」2022 年度"));
        assert_eq!(
            r.previous.as_ref().and_then(|p| p.file.as_deref()),
            Some("2021.docx"),
            "both are still compared with the previous year"
        );
    }
    assert!(of(&results[2], "M.DUPYEAR").is_empty());
}

#[test]
fn an_explicit_pair_is_checked_and_says_when_it_cannot_be() {
    let later = year_2022().to_bytes();
    let earlier = year_2021().to_bytes();
    let options = Options::default();
    let r = check_with_previous(&later, &earlier, Some("去年.docx"), &options).remove(0);
    let p = r.previous.as_ref().expect("compared");
    assert!(p.explicit);
    assert_eq!(p.file.as_deref(), Some("去年.docx"));
    assert!(of(&r, "M.PAIR").is_empty());

    // Two years apart: not compared, and M.PAIR says why.
    let mut old = year_2021();
    old.year = 2020;
    let r = check_with_previous(&later, &old.to_bytes(), None, &options).remove(0);
    assert!(r.previous.is_none());
    let pair = of(&r, "M.PAIR");
    assert_eq!(pair.len(), 1);
    assert!(pair[0]
        .message
        .contains("是 2020 年度的，本报告是 2022 年度的"));
    assert!(of(&r, "T3.XYEAR").is_empty());

    // Not a report at all.
    let r = check_with_previous(&later, b"not a docx", None, &options).remove(0);
    assert_eq!(r.status, Status::Checked);
    assert!(r.previous.is_none());
    assert!(of(&r, "M.PAIR")[0].message.contains("无法用于对比"));

    // Another agency named explicitly: compared, with a warning.
    let mut other = year_2021();
    other.agency = "某某县卫生健康委员会".into();
    let r = check_with_previous(&later, &other.to_bytes(), None, &options).remove(0);
    assert!(r.previous.is_some());
    assert!(of(&r, "M.PAIR")[0].message.contains("名称不同"));
}

#[test]
fn copied_text_and_last_year_named_as_the_reporting_year() {
    // Last year's sections 一 and 五 word for word, only the year changed.
    let mut earlier = year_2021();
    let later = year_2022();
    earlier.sections[0] = later.sections[0].clone();
    earlier.sections[0].before[0] = earlier.sections[0].before[0].replace("2022", "2021");
    let results = batch(&[("2021.docx", &earlier), ("2022.docx", &later)]);
    let found = of(&results[1], "S.DUP");
    assert_eq!(found.len(), 1, "section 一 only (五 is short): {found:?}");
    assert!(found[0]
        .message
        .starts_with("第一部分（总体情况）的文字与上一年度（2021 年）报告的同一部分相似度为 9"));
    let docs: Vec<u8> = found[0]
        .locations
        .iter()
        .map(|l| match l {
            Location::Text { doc, .. } => *doc,
            Location::Cell { doc, .. } => *doc,
        })
        .collect();
    assert_eq!(docs, vec![0, 1], "this year's and last year's text");

    // Alone: a later paragraph that opens with last year.
    let mut alone = year_2022();
    alone.sections[4].before.insert(
        0,
        "2021年，我局政务公开工作仍存在信息发布不够及时的问题。".into(),
    );
    alone
        .preface
        .push("现将某某县卫生健康局2021年政府信息公开工作年度报告公布如下。".into());
    let r = batch(&[("x.docx", &alone)]).remove(0);
    let found = of(&r, "S.DUP");
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found
        .iter()
        .all(|f| matches!(f.locations[0], Location::Text { doc: 0, .. })));
    // A comparison with last year is not flagged.
    let mut fine = year_2022();
    fine.sections[0]
        .before
        .push("与2021年相比，主动公开信息数量有所增加。".into());
    assert!(of(&batch(&[("y.docx", &fine)]).remove(0), "S.DUP").is_empty());
}

/// The checked-in pair `tests/fixtures/pairs/` (used by the browser binding's tests and the
/// page's): 2021 carries 1 application forward, 2022 says 2 were carried over.
/// `NIANBAO_WRITE_FIXTURES=1 cargo test --test cross_year` rebuilds them.
#[test]
fn the_checked_in_pair_breaks_the_carry_over() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pairs");
    if std::env::var("NIANBAO_WRITE_FIXTURES").as_deref() == Ok("1") {
        let mut later = year_2022();
        later
            .set_t3_row("carried_over", [2, 1, 0, 0, 0, 0])
            .set_t3_row("granted", [3, 1, 0, 0, 0, 0])
            .set_t3_row("results_total", [3, 1, 0, 0, 0, 0]);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("2021.docx"), year_2021().to_bytes()).unwrap();
        std::fs::write(dir.join("2022.docx"), later.to_bytes()).unwrap();
    }
    let earlier = std::fs::read(dir.join("2021.docx")).expect("fixture");
    let later = std::fs::read(dir.join("2022.docx")).expect("fixture");
    let r = check_with_previous(&later, &earlier, Some("2021.docx"), &Options::default()).remove(0);
    let found = of(&r, "T3.XYEAR");
    assert_eq!(found.len(), 2);
    assert!(matches!(
        found[0].locations[1],
        Location::Cell { doc: 1, .. }
    ));
    let alone = check_with_previous(&earlier, &later, None, &Options::default()).remove(0);
    assert!(
        of(&alone, "T3.XYEAR").is_empty(),
        "2022 is not 2021's previous year"
    );
}
