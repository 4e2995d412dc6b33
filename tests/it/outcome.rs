//! One definition of a report's outcome (pass / warning / error / rejected), shown the same way by
//! every presenter: the JSON (`outcome`, which the page's status line, summary, filter and badges
//! read), the CSV and the spreadsheet's 状态 column, the terminal text. A report with warnings only
//! is 有警告 everywhere, never 通过 (issue 17).

use nianbao::present::{csv_rows, json_line, outcome_label, summary_row, text};
use nianbao::{check_bytes, CheckResult, Outcome};

fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/{path}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect(path)
}

/// The 状态 the presenters give one result: JSON, every CSV row, the summary row, the text.
fn shown(r: &CheckResult) -> (String, Vec<String>, String, String) {
    let json: serde_json::Value = serde_json::from_str(&json_line("a.docx", r)).expect("json");
    let csv = csv_rows("a.docx", r)
        .lines()
        .map(|l| l.split(',').nth(1).unwrap_or_default().to_string())
        .collect();
    let summary = summary_row("a.docx", r)[6].text().to_string();
    (
        json["outcome"].as_str().unwrap_or_default().to_string(),
        csv,
        summary,
        text("a.docx", r),
    )
}

fn agrees(r: &CheckResult, outcome: Outcome, label: &str) {
    assert_eq!(r.outcome(), outcome);
    assert_eq!(outcome_label(outcome), label);
    let (json, csv, summary, text) = shown(r);
    assert_eq!(json, outcome.as_str());
    assert!(!csv.is_empty());
    for status in csv {
        assert_eq!(status, label);
    }
    assert_eq!(summary, label);
    if outcome != Outcome::Rejected {
        assert!(text.contains(label), "{text}");
    }
}

#[test]
fn warnings_only_is_a_warning_everywhere_never_a_pass() {
    let r = check_bytes(&fixture("samples/seed_000.docx"));
    assert_eq!(r.errors(), 0);
    assert!(r.warnings() > 0);
    agrees(&r, Outcome::Warning, "有警告");
    assert!(!text("a.docx", &r).contains("通过"));
}

#[test]
fn errors_pass_and_rejected_agree_across_presenters() {
    let r = check_bytes(&fixture("samples/seed_003.docx"));
    assert!(r.errors() > 0);
    agrees(&r, Outcome::Error, "有错误");
    let r = check_bytes(&fixture("pairs/2021.docx"));
    assert!(r.findings.is_empty());
    agrees(&r, Outcome::Pass, "通过");
    let r = check_bytes(b"not a report at all");
    agrees(&r, Outcome::Rejected, "无法检查");
}

#[test]
fn the_worst_outcome_of_several_reports() {
    use Outcome::*;
    assert_eq!(Outcome::worst([Pass, Warning, Rejected]), Some(Rejected));
    assert_eq!(Outcome::worst([Pass, Error, Rejected]), Some(Error));
    assert_eq!(Outcome::worst([Pass, Warning]), Some(Warning));
    assert_eq!(Outcome::worst([Pass]), Some(Pass));
    assert_eq!(Outcome::worst([]), None);
}

/// The batch's JSON line written into a reused buffer is the record `json_line` gives, byte for
/// byte, after what the buffer held.
#[test]
fn json_line_into_appends_what_json_line_gives() {
    let mut buf = b"{\"earlier\":1}\n".to_vec();
    for seed in ["seed_000", "seed_003", "seed_004"] {
        let r = check_bytes(&fixture(&format!("samples/{seed}.docx")));
        let start = buf.len();
        nianbao::present::json_line_into(&mut buf, "目录/报告.docx", &r);
        assert_eq!(
            &buf[start..],
            json_line("目录/报告.docx", &r).as_bytes(),
            "{seed}"
        );
        buf.push(b'\n');
    }
    assert!(buf.starts_with(b"{\"earlier\":1}\n"));
}
