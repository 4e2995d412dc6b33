//! Issue 15: the prose reader trusted on real wording. Real sentences (quoted from published
//! reports and from the issue) that must give no claim at all — prefaces enumerating the
//! report's parts, legal citations, ordinals, counts of other things — parts of a figure (a
//! channel, 本级/部门, a sub-period) that are never compared with the whole, and the
//! disagreements the issue lists, each found with the severity §2.4 gives it. Prose findings
//! say what the text and the table say and never propose a change to the table.

use crate::support;

use nianbao::inspect::check::annotate_bytes;
use nianbao::inspect::report::narrative::{extract, Para, Part};
use nianbao::present::annotate::AnnotateOptions;
use nianbao::{check_bytes, CheckResult, Status};
use nianbao::{Finding, Severity};
use support::read_part;
use support::report::*;

fn claims(text: &str) -> Vec<String> {
    extract(
        &[Para {
            text,
            source: 0,
            part: Part::Preface,
        }],
        Some(2021),
    )
    .iter()
    .map(|c| format!("{:?}={:?}", c.subject, c.quantity))
    .collect()
}

/// The preface variants of the issue and of the collected corpus: never a claim.
#[test]
fn prefaces_and_other_numbers_are_never_claims() {
    let never = [
        "本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、因政府信息公开申请行政复议、提起行政诉讼的情况、政府信息公开工作存在的主要问题及改进情况和其他需要报告的事项等六个部分。",
        "本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况和其他需要报告的事项六个部分组成。",
        "全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项，共六个部分。",
        "本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等六个部分组成。",
        "报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼相关情况、工作中存在的问题及改进举措、其他需说明事项等六个部分。",
        "报告包括总体情况,主动公开政府信息情况,收到和处理政府信息公开申请情况,因政府信息公开工作被申请行政复议、提起行政诉讼情况,政府信息公开工作存在的主要问题及改进情况等6个部分。",
        "本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议及行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等六部分组成。",
        "现就以下六个方面报告如下：行政复议、行政诉讼情况等。",
        "依据《中华人民共和国政府信息公开条例》第五十条规定，制作本报告。",
        "1、《条例》第二十条第（二）项：机构设置公开情况。",
        "根据《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求编制。",
        "本年度报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。",
        "如对本报告有任何疑问，请与本局办公室联系（电话：0718-6277499）。",
        "收到申请后在20个工作日内答复，需补正的一次性告知。",
        "共维护13个专栏，其中新开2个；依申请公开平台运行正常。",
        "开展政府信息公开业务培训3次，召开行政复议、行政诉讼案件分析会议2次。",
        "2021年，通过门户网站主动公开政府信息公开类信息194条，发布新闻稿件1000余条。",
        "三是推动行政处罚信息公开，全年公开行政处罚信息5条，其中长输油气管道保护执法领域2条，招投标领域3条。",
        "依申请公开按时答复率100%，同比增长45%。",
    ];
    for s in never {
        assert_eq!(claims(s), Vec::<String>::new(), "{s}");
    }
}

/// Parts by channel, by part of the reporting body or by sub-period are `qualified`.
#[test]
fn parts_by_channel_body_and_period_are_qualified() {
    let parts = [
        "2021年，通过门户网站申请10件、纸质申请3件。",
        "区政府本级受理政府信息公开申请5件。",
        "各部门新收政府信息公开申请20件。",
        "2021年上半年，全区各行政机关共受理政府信息公开申请267件。",
        "2021年政府新收依申请公开数量为2件，办理结果为予以公开2件。",
    ];
    for s in parts {
        let cs = extract(
            &[Para {
                text: s,
                source: 0,
                part: Part::Section(0),
            }],
            Some(2021),
        );
        assert!(!cs.is_empty(), "{s}");
        assert!(cs.iter().all(|c| c.qualified && c.subset), "{s}: {cs:#?}");
    }
    // The whole, though it names parts of the body: not qualified.
    let whole = extract(
        &[Para {
            text: "2021年，全市各级政府及部门共收到政府信息公开申请609件。",
            source: 0,
            part: Part::Section(0),
        }],
        Some(2021),
    );
    assert_eq!(whole.len(), 1);
    assert!(!whole[0].qualified && !whole[0].subset);
}

// ------------------------------------------------------------------ against the tables

fn run(spec: &ReportSpec) -> CheckResult {
    let r = check_bytes(&spec.to_bytes());
    assert_eq!(r.status, Status::Checked, "rejected: {:?}", r.rejection);
    r
}

fn tx(r: &CheckResult) -> Vec<&Finding> {
    r.findings
        .iter()
        .filter(|f| f.rule.as_str().starts_with("TX."))
        .collect()
}

/// 表三 一 16 (自然人 10 …), 二 3, （一）8, （二）2, 无法提供 4; 表四 行政复议 3 (纠正 1), 行政诉讼 5.
fn scenario(prose: &[&str]) -> ReportSpec {
    let mut spec = ReportSpec::nonzero(Format::Format2021, 2021);
    spec.sections[0]
        .before
        .extend(prose.iter().map(|p| p.to_string()));
    spec
}

#[test]
fn the_preface_gives_no_finding_on_a_consistent_report() {
    let r = run(&scenario(&[
        "本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、因政府信息公开申请行政复议、提起行政诉讼的情况、政府信息公开工作存在的主要问题及改进情况和其他需要报告的事项等六个部分。",
    ]));
    assert!(tx(&r).is_empty(), "{:#?}", tx(&r));
}

#[test]
fn parts_are_never_errors_and_warn_only_when_they_cannot_fit() {
    // Parts that fit: nothing.
    let r = run(&scenario(&[
        "区政府本级受理政府信息公开申请5件，予以公开2件。",
        "2021年上半年，共受理政府信息公开申请7件。",
    ]));
    assert!(tx(&r).is_empty(), "{:#?}", tx(&r));
    // Channel parts adding up to neither 一 (16) nor 一 + 二 (19): one warning saying so.
    let r = run(&scenario(&["2021年，通过门户网站申请10件、纸质申请3件。"]));
    let t = tx(&r);
    assert_eq!(t.len(), 1, "{t:#?}");
    assert_eq!(t[0].severity, Severity::Warning);
    assert!(
        t[0].message
            .starts_with("正文分项写 10 件、3 件，合计 13 件"),
        "{}",
        t[0].message
    );
    // A part larger than the whole: a warning, never an error.
    let r = run(&scenario(&["各部门新收政府信息公开申请20件。"]));
    let t = tx(&r);
    assert_eq!(t.len(), 1, "{t:#?}");
    assert_eq!(t[0].severity, Severity::Warning);
    assert!(
        t[0].message.contains("是其中一部分，却大于"),
        "{}",
        t[0].message
    );
}

#[test]
fn disagreements_of_the_issue_are_found() {
    // "予以公开及部分公开258件" where （一）+（二） gives 275: here 12 against 8 + 2.
    let r = run(&scenario(&[
        "2021年共收到政府信息公开申请16件，其中，予以公开及部分公开12件。",
    ]));
    let t = tx(&r);
    assert_eq!(t.len(), 1, "{t:#?}");
    assert_eq!(
        (t[0].rule.as_str(), t[0].severity),
        ("TX.BREAK", Severity::Error)
    );
    assert!(
        t[0].message
            .starts_with("正文写 12 件（“予以公开及部分公开12件”），表三")
            && t[0].message.ends_with("之和为 10 件"),
        "{}",
        t[0].message
    );

    // The same with the 总计 column left blank: compared with the written cells, a warning.
    let mut spec = scenario(&["2021年共收到政府信息公开申请16件，其中，予以公开及部分公开12件。"]);
    spec.set_t3("granted", 6, "");
    spec.set_t3("partially_granted", 6, "");
    let r = run(&spec);
    let t = tx(&r);
    assert_eq!(t.len(), 1, "{t:#?}");
    assert_eq!(
        (t[0].rule.as_str(), t[0].severity),
        ("TX.VAGUE", Severity::Warning)
    );
    assert!(
        t[0].message.contains("空白，其各栏已填数字之和为 10 件"),
        "{}",
        t[0].message
    );

    // "因本机关不掌握等原因无法提供265件" names the group, not one item: 4 against 4 + 3.
    let mut spec = scenario(&["收到的申请中，因本机关不掌握等原因无法提供4件。"]);
    spec.set_t3_row("unable_2", [3, 0, 0, 0, 0, 0]);
    let r = run(&spec);
    let t = tx(&r);
    assert_eq!(t.len(), 1, "{t:#?}");
    assert_eq!(
        (t[0].rule.as_str(), t[0].severity),
        ("TX.BREAK", Severity::Error)
    );
    // …while a sentence naming the item matches the item.
    let mut spec = scenario(&["收到的申请中，本机关不掌握相关政府信息4件。"]);
    spec.set_t3_row("unable_2", [3, 0, 0, 0, 0, 0]);
    assert!(tx(&run(&spec)).is_empty());

    // "信息公开类行政复议7件，诉讼9件，均获维持" against 3 复议 (1 corrected) and 5 诉讼: the
    // sentence names 信息公开, so the counts are errors.
    let r = run(&scenario(&["信息公开类行政复议7件，诉讼9件，均获维持。"]));
    let t = tx(&r);
    let rule = |id: &str| {
        t.iter()
            .find(|f| f.rule == id)
            .unwrap_or_else(|| panic!("{id}: {t:#?}"))
    };
    assert!(rule("TX.REV").message.starts_with("正文写 7 件"));
    assert!(rule("TX.LIT").message.starts_with("正文写 9 件"));
    assert_eq!(rule("TX.UPHELD").severity, Severity::Error);
    // A paragraph that never names 信息公开 may speak of other cases: a warning.
    let r = run(&scenario(&["全年办理行政复议7件。"]));
    let t = tx(&r);
    assert_eq!(t.len(), 1, "{t:#?}");
    assert_eq!(
        (t[0].rule.as_str(), t[0].severity),
        ("TX.VAGUE", Severity::Warning)
    );

    // Per-applicant counts against the applicant column.
    let r = run(&scenario(&["其中自然人申请99件。"]));
    let t = tx(&r);
    assert_eq!(t.len(), 1, "{t:#?}");
    assert_eq!(t[0].severity, Severity::Warning);
    assert!(t[0].message.contains("“自然人”列为"), "{}", t[0].message);
}

#[test]
fn prose_findings_comment_on_the_sentence_and_change_no_cell() {
    let sentence = "2021年，本机关共收到政府信息公开申请15件";
    let bytes = scenario(&[&format!("{sentence}。")]).to_bytes();
    let options = AnnotateOptions {
        tracked_changes: true,
        date: Some("2026-12-01T08:00:00Z".into()),
        ..AnnotateOptions::default()
    };
    let (results, annotated) = annotate_bytes(&bytes, &options).expect("annotate");
    let f = results[0]
        .findings
        .iter()
        .find(|f| f.rule == "TX.NEW")
        .expect("TX.NEW");
    assert_eq!((f.culprit, &f.fix, &f.expected), (None, &None, &None));
    let main = read_part(&annotated.bytes, "word/document.xml").expect("document");
    let comments = read_part(&annotated.bytes, "word/comments.xml").expect("comments");
    assert!(comments.contains("正文写 15 件"), "{comments}");
    assert!(!comments.contains("应为"), "{comments}");
    assert_eq!(annotated.revisions, 0);
    assert!(
        !main.contains("<w:ins "),
        "no tracked change for a prose finding"
    );
    // The comment is anchored on the sentence: its range holds the sentence's text.
    let at = main
        .find(sentence)
        .or_else(|| main.find("收到政府信息公开申请15件"));
    let start = main.find("<w:commentRangeStart").expect("a comment range");
    let end = main.find("<w:commentRangeEnd").expect("its end");
    let at = at.expect("the sentence in the document");
    assert!(start < at && at < end, "the comment spans the sentence");
}

#[test]
fn the_result_lists_every_statement_read_with_its_comparison() {
    let r = run(&scenario(&[
        "（二）依申请公开。2021年，本机关共收到政府信息公开申请16件，共办结18件。",
        "因政府信息公开被申请行政复议3件。",
        "区政府本级受理政府信息公开申请5件。",
    ]));
    let v = serde_json::to_value(&r).expect("serialize");
    let claims = v["claims"].as_array().expect("claims");
    let by_text = |t: &str| {
        claims
            .iter()
            .find(|c| c["text"].as_str().is_some_and(|x| x.contains(t)))
            .unwrap_or_else(|| panic!("{t} in {claims:#?}"))
    };
    // An agreement: 16 = 表三 一 总计 16, with its cell.
    let new = by_text("共收到政府信息公开申请16件");
    assert_eq!(new["subject"], "New");
    assert_eq!(new["label"], "收到申请");
    assert_eq!(
        (new["value"].as_i64(), new["table_value"].as_i64()),
        (Some(16), Some(16))
    );
    assert_eq!(new["agrees"], true);
    assert_eq!(new["cells"].as_array().map(|c| c.len()), Some(1));
    assert!(new["figure"].as_str().unwrap().starts_with("表三"));
    // A disagreement: 18 against （七）总计 17, reported by TX.DONE.
    let done = by_text("办结18件");
    assert_eq!(
        (done["agrees"].clone(), done["rule"].clone()),
        (false.into(), "TX.DONE".into())
    );
    let rev = by_text("行政复议3件");
    assert_eq!(
        (rev["subject"].clone(), rev["agrees"].clone()),
        ("Review.Total".into(), true.into())
    );
    // A part: read, not compared with one figure.
    let part = by_text("受理政府信息公开申请5件");
    assert_eq!(part["part"], true);
    assert!(part["agrees"].is_null() && part["figure"].is_null());
    // Character ranges are the statement's characters in its paragraph and sentence.
    for c in claims {
        let sentence: Vec<char> = c["sentence"].as_str().unwrap().chars().collect();
        let (ss, s, e) = (
            c["sentence_start"].as_u64().unwrap() as usize,
            c["start"].as_u64().unwrap() as usize,
            c["end"].as_u64().unwrap() as usize,
        );
        let text: String = sentence[s - ss..e - ss].iter().collect();
        assert_eq!(text, c["text"].as_str().unwrap());
    }
}
