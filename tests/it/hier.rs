//! M.HIER: a county's consolidated report against its units' reports in the same batch — none on
//! a consistent set, exactly the excesses on a violating one; another county, another year and
//! the government's own (本机关) report are never summed.

use crate::support;

use nianbao::{check_batch, CheckResult, Options};
use nianbao::{Quantity, Severity};
use support::report::*;

const GOV: &str = "某某县人民政府";

fn report(agency: &str, year: i32, received: [i64; 6]) -> ReportSpec {
    let mut r = ReportSpec::zeros(Format::Format2021, year, agency).reworded();
    r.set_t3_row("new_received", received)
        .set_t3_row("granted", received)
        .set_t3_row("results_total", received);
    r.set_t2("行政许可", 0, "1");
    r
}

/// The county's consolidated report: 5 + 1 applications, 行政许可 3, one 行政复议 upheld.
fn consolidated() -> ReportSpec {
    let mut r = report(GOV, 2022, [5, 1, 0, 0, 0, 0]);
    r.sections[0].before.insert(
        0,
        "全县各级行政机关政府信息公开工作汇总情况如下。".to_string(),
    );
    r.set_t2("行政许可", 0, "3");
    r.set_t4("review.upheld", "1").set_t4("review.total", "1");
    r
}

/// Units (2 + 0 and 2 + 1 applications, 行政许可 1 each) and distractors with large numbers.
fn batch(education: [i64; 6]) -> Vec<(String, Vec<u8>)> {
    let big = [50, 50, 0, 0, 0, 0];
    let mut own = report("某某县人民政府办公室", 2022, big);
    own.set_t2("行政许可", 0, "40");
    vec![
        ("汇总.docx".into(), consolidated().to_bytes()),
        (
            "教育局.docx".into(),
            report("某某县教育局", 2022, education).to_bytes(),
        ),
        (
            "某镇.docx".into(),
            report("某某县某某镇人民政府", 2022, [2, 1, 0, 0, 0, 0]).to_bytes(),
        ),
        (
            "另一县.docx".into(),
            report("另一县教育局", 2022, big).to_bytes(),
        ),
        (
            "去年.docx".into(),
            report("某某县卫生健康局", 2021, big).to_bytes(),
        ),
        ("本机关.docx".into(), own.to_bytes()),
    ]
}

fn check(files: &[(String, Vec<u8>)]) -> Vec<CheckResult> {
    let refs: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    check_batch(&refs, &Options::default())
        .into_iter()
        .map(|mut r| r.swap_remove(0))
        .collect()
}

#[test]
fn a_consistent_set_says_nothing() {
    let results = check(&batch([2, 0, 0, 0, 0, 0]));
    assert_eq!(
        results[0].report.kind.as_ref().map(|k| k.consolidated),
        Some(true),
        "{:?}",
        results[0].report.kind
    );
    for r in &results {
        assert!(
            r.findings.iter().all(|f| f.rule != "M.HIER"),
            "{:?}",
            r.findings
        );
    }
}

#[test]
fn a_violating_set_gives_exactly_the_excesses() {
    // 教育局 4 + 某镇 2 = 6 > 5 (自然人); 4 + 3 = 7 > 6 (总计); 商业企业 0 + 1 = 1 is fine —
    // in each of the three rows the reports fill alike (新收, 予以公开, 办理结果总计).
    let results = check(&batch([4, 0, 0, 0, 0, 0]));
    let hier: Vec<_> = results[0]
        .findings
        .iter()
        .filter(|f| f.rule == "M.HIER")
        .collect();
    let cells: Vec<(String, String, Option<Quantity>, Option<Quantity>)> = hier
        .iter()
        .map(|f| {
            (
                f.row.last().map(|s| s.to_string()).unwrap_or_default(),
                f.column.last().map(|s| s.to_string()).unwrap_or_default(),
                f.actual.clone(),
                f.expected.clone(),
            )
        })
        .collect();
    let want = |row: &str, col: &str, total: i64, sum: i64| {
        (
            row.to_string(),
            col.to_string(),
            Some(Quantity::Int(total)),
            Some(Quantity::Int(sum)),
        )
    };
    assert_eq!(
        cells,
        vec![
            want("一、本年新收政府信息公开申请数量", "自然人", 5, 6),
            want("一、本年新收政府信息公开申请数量", "总计", 6, 7),
            want("（一）予以公开", "自然人", 5, 6),
            want("（一）予以公开", "总计", 6, 7),
            want("（七）总计", "自然人", 5, 6),
            want("（七）总计", "总计", 6, 7),
        ]
    );
    assert!(hier
        .iter()
        .all(|f| f.severity == Severity::Warning && f.table == Some(3)));
    let msg = &hier[0].message;
    assert!(
        msg.contains(
            "「自然人」列：汇总报告为 5，而本批下属单位报告合计为 6（教育局.docx 4、某镇.docx 2）"
        ),
        "{msg}"
    );
    for distractor in ["另一县", "去年", "本机关"] {
        assert!(hier.iter().all(|f| !f.message.contains(distractor)));
    }
    // Units carry no M.HIER of their own.
    assert!(results[1..]
        .iter()
        .all(|r| r.findings.iter().all(|f| f.rule != "M.HIER")));
}
