//! The command line pairs reports across years: automatically within a batch (same agency,
//! consecutive years) and explicitly with `--previous`.

use crate::{common, support};

use common::{bin, run, tmpdir};
use std::path::Path;
use std::process::Output;
use support::report::{Format, ReportSpec};

const AGENCY: &str = "某某县卫生健康局";

/// 2021: one application carried forward (自然人).
fn y2021() -> ReportSpec {
    let mut r = ReportSpec::zeros(Format::Format2021, 2021, AGENCY).reworded();
    r.set_t3_row("new_received", [1, 0, 0, 0, 0, 0])
        .set_t3_row("carried_forward", [1, 0, 0, 0, 0, 0]);
    r
}

/// 2022: `carried` applications carried over (自然人), all granted.
fn y2022(carried: i64) -> ReportSpec {
    let mut r = ReportSpec::zeros(Format::Format2021, 2022, AGENCY);
    r.set_t3_row("carried_over", [carried, 0, 0, 0, 0, 0])
        .set_t3_row("granted", [carried, 0, 0, 0, 0, 0])
        .set_t3_row("results_total", [carried, 0, 0, 0, 0, 0]);
    r
}

fn write(dir: &Path, name: &str, spec: &ReportSpec) -> String {
    let path = dir.join(name);
    std::fs::write(&path, spec.to_bytes()).expect("write");
    path.to_str().unwrap().to_string()
}

fn json_lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

#[test]
fn a_folder_pairs_consecutive_years_of_one_agency_and_keeps_the_order() {
    let dir = tmpdir("folder");
    let last = write(&dir, "a-2021.docx", &y2021());
    write(&dir, "b-2022.docx", &y2022(2));
    let mut other = y2022(5);
    other.agency = "另一个县卫生健康局".into();
    other.signature = Some(other.agency.clone());
    write(&dir, "c-other.docx", &other);

    let out = run(&["check", "--json", dir.to_str().unwrap()]);
    let recs = json_lines(&out);
    assert_eq!(recs.len(), 3);
    assert!(recs[0]["file"].as_str().unwrap().ends_with("a-2021.docx"));
    assert!(recs[0].get("previous").is_none());
    assert!(recs[1]["file"].as_str().unwrap().ends_with("b-2022.docx"));
    assert_eq!(recs[1]["previous"]["file"], last.as_str());
    assert_eq!(recs[1]["previous"]["year"], 2021);
    assert_eq!(recs[1]["previous"]["explicit"], false);
    let xyear: Vec<&serde_json::Value> = recs[1]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "T3.XYEAR")
        .collect();
    assert_eq!(xyear.len(), 2, "自然人 and 总计");
    assert_eq!(xyear[0]["severity"], "error");
    assert_eq!(xyear[0]["expected"], 1);
    assert_eq!(xyear[0]["actual"], 2);
    assert_eq!(xyear[0]["locations"][1]["doc"], 1);
    assert!(
        recs[2].get("previous").is_none(),
        "another agency does not pair"
    );
    assert_eq!(out.status.code(), Some(1), "the carry-over error");

    // Text: the pairing and the finding.
    let out = run(&["check", dir.to_str().unwrap()]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(&format!(
            "与上一年度报告 {last}（2021年）对比（按机关和年度自动配对）"
        )),
        "{text}"
    );
    assert!(text.contains("T3.XYEAR"), "{text}");
    assert_eq!(text.matches("与上一年度报告").count(), 1);
}

#[test]
fn the_same_report_twice_in_a_batch_is_a_warning() {
    let dir = tmpdir("twice");
    let a = write(&dir, "a.docx", &y2021());
    let b = write(&dir, "b.docx", &y2021());
    let out = run(&["check", "--json", &a, &b]);
    let recs = json_lines(&out);
    for (rec, other) in recs.iter().zip([&b, &a]) {
        let dup = rec["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["rule"] == "M.DUPYEAR")
            .expect("M.DUPYEAR");
        assert_eq!(dup["severity"], "warning");
        assert!(dup["message"].as_str().unwrap().contains(other.as_str()));
    }
}

#[test]
fn previous_pairs_explicitly() {
    let dir = tmpdir("explicit");
    let last = write(&dir, "去年.docx", &y2021());
    let this = write(&dir, "今年.docx", &y2022(1));
    let out = run(&["check", "--previous", &last, &this]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(&format!("与上一年度报告 {last}（2021年）对比（按指定）")),
        "{text}"
    );
    assert!(!text.contains("T3.XYEAR"), "consistent: {text}");
    assert_eq!(out.status.code(), Some(0));

    let broken = write(&dir, "今年错.docx", &y2022(3));
    let out = run(&["check", "--json", "--previous", &last, &broken]);
    let recs = json_lines(&out);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["previous"]["explicit"], true);
    assert!(recs[0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["rule"] == "T3.XYEAR" && f["actual"] == 3));
    assert_eq!(out.status.code(), Some(1));

    // A previous file that is not a report: checked alone, M.PAIR says why.
    let junk = dir.join("junk.docx");
    std::fs::write(&junk, b"not a zip").unwrap();
    let out = run(&["check", "--previous", junk.to_str().unwrap(), &this]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("M.PAIR") && text.contains("无法用于对比"),
        "{text}"
    );

    // Usage: one file only; a missing previous file.
    let out = run(&["check", "--previous", &last, dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(64));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("--previous 只能与一个要检查的文件一起使用"));
    let out = run(&["check", "--previous", "/nonexistent/x.docx", &this]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("找不到上一年度的报告"));
}

#[test]
fn the_readme_cross_year_example_is_what_the_tool_prints() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README");
    let start = readme
        .find("$ nianbao check tests/fixtures/pairs/")
        .expect("the example in README.md");
    let block = &readme[start..];
    let block = &block[block.find('\n').unwrap() + 1..block.find("\n```").unwrap()];
    let out = bin()
        .args(["check", "tests/fixtures/pairs/"])
        .current_dir(&root)
        .output()
        .expect("run nianbao");
    assert_eq!(String::from_utf8(out.stdout).unwrap().trim_end(), block);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn each_report_of_a_file_holding_several_pairs_on_its_own() {
    let dir = tmpdir("multi");
    let last = write(&dir, "a-2021.docx", &y2021());
    let mut other = y2022(4);
    other.agency = "另一个县卫生健康局".into();
    other.signature = Some(other.agency.clone());
    let both = support::report::multi_docx(&[other, y2022(2)]).build();
    let path = dir.join("b-2022.docx");
    std::fs::write(&path, both).unwrap();
    let out = run(&["check", "--json", dir.to_str().unwrap()]);
    let recs = json_lines(&out);
    assert_eq!(recs.len(), 3, "one line per report");
    assert_eq!(recs[1]["report"]["index"], 0);
    assert!(recs[1].get("previous").is_none(), "another agency");
    assert_eq!(recs[2]["report"]["index"], 1);
    assert_eq!(recs[2]["previous"]["file"], last.as_str());
    assert!(recs[2]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["rule"] == "T3.XYEAR" && f["actual"] == 2));
}
