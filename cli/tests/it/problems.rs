//! One mistake, one problem: the findings one culprit cell explains are one problem in the text
//! output and its counts; JSON keeps one finding each and gives them the same `problem`.

use crate::common;

use common::{broken_total_docx, run, tmpdir};

#[test]
fn one_wrong_total_is_one_problem() {
    let dir = tmpdir("problems");
    let file = dir.join("总计有误.docx");
    std::fs::write(&file, broken_total_docx()).unwrap();
    let path = file.to_str().unwrap();

    let out = run(&["check", "--json", path]);
    let rec: serde_json::Value = serde_json::from_str(
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .next()
            .unwrap(),
    )
    .unwrap();
    let findings = rec["findings"].as_array().unwrap();
    let errors: Vec<&serde_json::Value> = findings
        .iter()
        .filter(|f| f["severity"] == "error")
        .collect();
    let errors: Vec<&serde_json::Value> = errors
        .into_iter()
        .filter(|f| !f["culprit"].is_null())
        .collect();
    assert_eq!(errors.len(), 2, "{findings:?}");
    assert_eq!(errors[0]["culprit"], errors[1]["culprit"]);
    assert_eq!(
        errors[0]["problem"], errors[1]["problem"],
        "one culprit, one problem"
    );
    let problems: std::collections::BTreeSet<u64> = findings
        .iter()
        .map(|f| {
            f["problem"]
                .as_u64()
                .expect("every finding has its problem")
        })
        .collect();
    // The text saying 未收到 while the total says 5 is the same mistake (its cell is the culprit).
    let none = findings
        .iter()
        .find(|f| f["rule"] == "TX.NONE")
        .expect("TX.NONE");
    assert_eq!(none["problem"], errors[0]["problem"]);
    assert_eq!(problems.len(), findings.len() - 2);

    let text = String::from_utf8(run(&["check", path]).stdout).unwrap();
    assert_eq!(text.matches("同一问题还不符合").count(), 2, "{text}");
    assert!(
        text.contains(&format!(
            "有错误：共 {} 个问题（1 个有错误），3 个错误",
            problems.len()
        )),
        "{text}"
    );
}
