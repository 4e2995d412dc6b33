//! The structure and date rules (S.ORDER, S.SEC1, S.LEN1, S.SEC5, S.SEC5PART, S.SEC6,
//! S.GOVEXTRA, S.PERIOD, S.DEADLINE, S.DATEEARLY) on reports built as real .docx files:
//! positives, negatives and the boundaries; the report kind inferred and set by the user; and
//! every report of a file holding two checked on its own.

use crate::support;

use nianbao::{check_bytes, CheckResult, Options, ReportKind};
use nianbao::{Finding, Location, Quantity, Severity};
use std::path::PathBuf;
use support::api::{check_bytes_with, check_document};
use support::report::*;

fn run(spec: &ReportSpec) -> CheckResult {
    check_bytes(&spec.to_bytes())
}

fn of<'a>(r: &'a CheckResult, rule: &str) -> Vec<&'a Finding> {
    r.findings.iter().filter(|f| f.rule == rule).collect()
}

fn dump(r: &CheckResult) -> String {
    r.findings
        .iter()
        .map(|f| format!("{} {:?} {}", f.rule, f.severity, f.message))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The one finding of `rule`, with its severity checked.
fn one<'a>(r: &'a CheckResult, rule: &str, severity: Severity) -> &'a Finding {
    let found = of(r, rule);
    assert_eq!(found.len(), 1, "one {rule} finding:\n{}", dump(r));
    assert_eq!(found[0].severity, severity, "{rule}");
    found[0]
}

/// No finding of `rule` on a report that was checked (a rejected file has no findings at all,
/// so it proves nothing).
fn none(r: &CheckResult, rule: &str) {
    assert_eq!(
        r.status,
        nianbao::Status::Checked,
        "the file is checked: {:?}",
        r.rejection
    );
    assert!(of(r, rule).is_empty(), "no {rule} finding:\n{}", dump(r));
}

/// The sentence of the first text location.
fn text_sentence(f: &Finding) -> &str {
    f.locations
        .iter()
        .find_map(|l| match l {
            Location::Text { sentence, .. } => Some(sentence.as_str()),
            _ => None,
        })
        .unwrap_or_else(|| panic!("{} has a text location: {:?}", f.rule, f.locations))
}

fn set_text(spec: &mut ReportSpec, section: usize, paragraphs: &[&str]) {
    spec.sections[section].before = paragraphs.iter().map(|s| s.to_string()).collect();
    spec.sections[section].after.clear();
}

// ------------------------------------------------------------------ the untouched report

#[test]
fn the_official_report_gives_none_of_these_rules() {
    for spec in [ReportSpec::zeros_2021(), ReportSpec::zeros_2019()] {
        let r = run(&spec);
        for rule in [
            "S.ORDER",
            "S.SEC1",
            "S.LEN1",
            "S.SEC5",
            "S.SEC5PART",
            "S.SEC6",
            "S.GOVEXTRA",
            "S.PERIOD",
            "S.DEADLINE",
            "S.DATEEARLY",
            "S.MULTI",
        ] {
            none(&r, rule);
        }
        assert_eq!(r.report.index, 0);
        assert_eq!(r.report.count, 1);
        let kind = r.report.kind.as_ref().expect("kind");
        assert_eq!((kind.id, kind.by_user), ("department", false));
    }
}

// ------------------------------------------------------------------ S.SEC1

#[test]
fn sec1_names_each_missing_aspect_at_the_heading() {
    let mut spec = ReportSpec::zeros_2021();
    set_text(
        &mut spec,
        0,
        &["2021年，本机关主动公开政府信息，依法办理依申请公开，完善信息发布审核制度。"],
    );
    let r = run(&spec);
    let found = of(&r, "S.SEC1");
    assert_eq!(found.len(), 2, "{}", dump(&r));
    assert!(found.iter().all(|f| f.severity == Severity::Warning));
    assert!(found[0].message.contains("“政府信息公开平台建设”"));
    assert!(found[1].message.contains("“监督保障”"));
    assert_eq!(text_sentence(found[0]), "一、总体情况");
    assert_eq!(
        found[1].expected,
        Some(Quantity::Text("监督保障".to_string()))
    );
}

#[test]
fn sec1_accepts_the_aspects_in_other_words() {
    let mut spec = ReportSpec::zeros_2021();
    set_text(
        &mut spec,
        0,
        &[
            "2021年，本局主动公开各类信息120条，认真办理政府信息公开申请。",
            "健全信息发布审核制度，依托门户网站和微信公众号发布信息，把政务公开纳入年度考核。",
        ],
    );
    none(&run(&spec), "S.SEC1");
}

#[test]
fn sec1_without_section_one_is_left_to_s_sect() {
    let mut spec = ReportSpec::zeros_2021();
    spec.set_heading(0, None);
    spec.sections[0].before.clear();
    let r = run(&spec);
    none(&r, "S.SEC1");
    assert!(!of(&r, "S.SECT").is_empty());
}

// ------------------------------------------------------------------ S.LEN1

#[test]
fn len1_boundary_is_one_thousand_chinese_characters() {
    let mut spec = ReportSpec::zeros_2021();
    set_text(&mut spec, 0, &[&hanzi_filler(1000)]);
    none(&run(&spec), "S.LEN1");

    // Digits, punctuation and the heading do not count.
    set_text(&mut spec, 0, &[&hanzi_filler(996), "2021年1月，共12件。"]);
    none(&run(&spec), "S.LEN1");

    set_text(&mut spec, 0, &[&hanzi_filler(600), &hanzi_filler(401)]);
    let r = run(&spec);
    let f = one(&r, "S.LEN1", Severity::Warning);
    assert_eq!(f.actual, Some(Quantity::Int(1001)));
    assert_eq!(f.expected, Some(Quantity::Int(1000)));
    assert!(f.message.contains("1001 个汉字"), "{}", f.message);
    assert_eq!(text_sentence(f), "一、总体情况");
}

#[test]
fn len1_applies_from_2021_only() {
    let mut spec = ReportSpec::zeros_2019();
    set_text(&mut spec, 0, &[&hanzi_filler(1500)]);
    none(&run(&spec), "S.LEN1");
}

// ------------------------------------------------------------------ S.SEC5 / S.SEC5PART

#[test]
fn sec5_is_an_error_only_when_empty_or_nothing() {
    let mut spec = ReportSpec::zeros_2021();
    set_text(&mut spec, 4, &["无。"]);
    let r = run(&spec);
    let f = one(&r, "S.SEC5", Severity::Error);
    assert!(f.message.contains("只写了“无”"), "{}", f.message);
    assert_eq!(text_sentence(f), "五、存在的主要问题及改进情况");
    none(&r, "S.SEC5PART");

    set_text(&mut spec, 4, &[]);
    let r = run(&spec);
    assert!(one(&r, "S.SEC5", Severity::Error)
        .message
        .contains("没有内容"));

    // “暂无” is short, not empty: a warning.
    set_text(&mut spec, 4, &["暂无。"]);
    let r = run(&spec);
    none(&r, "S.SEC5");
    assert!(one(&r, "S.SEC5PART", Severity::Warning)
        .message
        .contains("过于简略"));
}

#[test]
fn sec5_reads_the_heading_after_a_colon_and_tables_inside_the_section() {
    let mut spec = ReportSpec::zeros_2021();
    spec.set_heading(4, Some("五、存在的主要问题及改进情况：无"));
    set_text(&mut spec, 4, &[]);
    let r = run(&spec);
    assert!(one(&r, "S.SEC5", Severity::Error)
        .message
        .contains("只写了“无”"));

    // The section written as a table (problems | measures).
    let mut spec = ReportSpec::zeros_2021();
    set_text(&mut spec, 4, &[]);
    let body = spec.render().body;
    let heading = "五、存在的主要问题及改进情况";
    let at = body.find(heading).expect("heading");
    let end = at + body[at..].find("</w:p>").expect("end of heading") + "</w:p>".len();
    let table = format!(
        r#"<w:tbl><w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="3000"/></w:tblGrid>{}{}</w:tbl>"#,
        tr(&[tc("存在的问题", 1, None), tc("改进措施", 1, None)]),
        tr(&[
            tc("政策解读形式单一，更新不够及时。", 1, None),
            tc("下一步丰富解读形式，建立定期更新机制。", 1, None)
        ]),
    );
    let body = format!("{}{table}{}", &body[..end], &body[end..]);
    let r = check_bytes(&docx_from_body(&body).build());
    none(&r, "S.SEC5");
    none(&r, "S.SEC5PART");
    none(&r, "S.ORDER");
}

#[test]
fn sec5_part_wants_both_the_problem_and_the_remedy() {
    let mut spec = ReportSpec::zeros_2021();
    set_text(
        &mut spec,
        4,
        &["下一步，我们将丰富政策解读形式，提升政务公开的质量和实效。"],
    );
    let r = run(&spec);
    assert!(one(&r, "S.SEC5PART", Severity::Warning)
        .message
        .contains("只写了改进措施"));

    set_text(
        &mut spec,
        4,
        &["政策解读形式较为单一，信息更新不够及时，与群众期待仍有差距。"],
    );
    let r = run(&spec);
    assert!(one(&r, "S.SEC5PART", Severity::Warning)
        .message
        .contains("只写了存在的问题"));

    set_text(
        &mut spec,
        4,
        &["一是信息更新不够及时。二是下一步将建立定期更新机制，逐项整改落实。"],
    );
    let r = run(&spec);
    none(&r, "S.SEC5PART");
    none(&r, "S.SEC5");
}

// ------------------------------------------------------------------ S.SEC6

#[test]
fn sec6_asks_for_the_fee_sentence_from_2021() {
    let mut spec = ReportSpec::zeros_2021();
    set_text(&mut spec, 5, &["无。"]);
    let r = run(&spec);
    let f = one(&r, "S.SEC6", Severity::Warning);
    assert!(f.message.contains("写的是“无。”"), "{}", f.message);
    assert_eq!(text_sentence(f), "六、其他需要报告的事项");

    set_text(
        &mut spec,
        5,
        &["本年度未收取信息处理费，无其他需要报告的事项。"],
    );
    none(&run(&spec), "S.SEC6");

    let mut spec = ReportSpec::zeros_2019();
    set_text(&mut spec, 5, &["无。"]);
    none(&run(&spec), "S.SEC6");
}

#[test]
fn sec6_does_not_take_the_signature_for_text() {
    let mut spec = ReportSpec::zeros_2021();
    set_text(&mut spec, 5, &[]);
    spec.signature = Some("某某县卫生健康局信息处理费".to_string());
    let r = run(&spec);
    assert!(one(&r, "S.SEC6", Severity::Warning)
        .message
        .contains("没有内容"));
}

// ------------------------------------------------------------------ S.GOVEXTRA

fn government(name: &str) -> ReportSpec {
    let mut spec = ReportSpec::zeros(Format::Format2021, 2021, name);
    spec.signature = Some(name.to_string());
    spec
}

#[test]
fn govextra_applies_to_whole_government_reports_only() {
    let mut county = government("某某县人民政府");
    county.sections[0]
        .before
        .insert(1, "全县各级行政机关共主动公开政府信息1200条。".to_string());
    let r = run(&county);
    let f = one(&r, "S.GOVEXTRA", Severity::Warning);
    assert!(
        f.message.contains("“社会评议”、“责任追究”") && !f.message.contains("“工作考核”"),
        "{}",
        f.message
    );
    assert_eq!(text_sentence(f), "一、总体情况");

    county.sections[0]
        .before
        .push("开展政务公开社会评议，未发生责任追究情况。".to_string());
    none(&run(&county), "S.GOVEXTRA");

    // A township government reports for itself as a level of government.
    one(
        &run(&government("某某县某某镇人民政府")),
        "S.GOVEXTRA",
        Severity::Warning,
    );
    // A government office's own report, and a department's, are not asked.
    none(&run(&government("某某县人民政府办公室")), "S.GOVEXTRA");
    none(&run(&government("某某县人民政府")), "S.GOVEXTRA");
    none(&run(&ReportSpec::zeros_2021()), "S.GOVEXTRA");
    // A zone run by an administrative committee is not a 人民政府, even reporting for its whole area.
    for zone in [
        "平潭综合实验区",
        "某某经济技术开发区",
        "某某高新区管委会",
        "某某新区管理委员会",
    ] {
        let mut spec = government(zone);
        spec.sections[0]
            .before
            .insert(1, "全区各级行政机关共主动公开政府信息1200条。".to_string());
        none(&run(&spec), "S.GOVEXTRA");
    }
    // A county 区 is still a government.
    let mut district = government("某某市某某区人民政府");
    district.sections[0]
        .before
        .insert(1, "全区各级行政机关共主动公开政府信息1200条。".to_string());
    one(&run(&district), "S.GOVEXTRA", Severity::Warning);
}

// ------------------------------------------------------------------ S.PERIOD

#[test]
fn period_must_be_the_report_year() {
    let mut spec = ReportSpec::zeros_2021();
    spec.preface =
        vec!["本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。".to_string()];
    let r = run(&spec);
    let f = one(&r, "S.PERIOD", Severity::Warning);
    assert_eq!(
        f.actual,
        Some(Quantity::Text(
            "2020年1月1日起至2020年12月31日止".to_string()
        ))
    );
    match &f.locations[0] {
        Location::Text {
            start,
            end,
            sentence,
            report,
            ..
        } => {
            assert_eq!((*start, *end), (14, 37));
            assert_eq!(*report, 0);
            assert_eq!(
                sentence,
                "本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止"
            );
        }
        other => panic!("{other:?}"),
    }

    spec.preface = vec!["本报告统计期限为2021年1月1日至2021年11月30日。".to_string()];
    assert!(one(&run(&spec), "S.PERIOD", Severity::Warning)
        .message
        .contains("应为2021年1月1日至2021年12月31日"));

    // The right period, and ranges that are not the statistics period.
    spec.preface = vec!["统计时限为2021年1月1日至12月31日。".to_string()];
    spec.sections[0].before.push(
        "2021年1月1日至2021年6月30日开展专项整治行动；2020年3月1日至5月31日完成目录梳理。"
            .to_string(),
    );
    none(&run(&spec), "S.PERIOD");

    // A comparison with last year's period is not the statistics period.
    let mut spec = ReportSpec::zeros_2021();
    spec.sections[0].before.insert(
        1,
        "与2020年1月1日至2020年12月31日相比，主动公开信息数量增长20%。".to_string(),
    );
    none(&run(&spec), "S.PERIOD");

    // A whole year copied from last year's report, without the word 统计.
    let mut spec = ReportSpec::zeros_2021();
    spec.sections[0].before.insert(
        1,
        "2020年1月1日至2020年12月31日，本机关共主动公开信息56条。".to_string(),
    );
    one(&run(&spec), "S.PERIOD", Severity::Warning);
}

// ------------------------------------------------------------------ S.DEADLINE / S.DATEEARLY

fn dated(mut spec: ReportSpec, date: &str) -> CheckResult {
    spec.date_line = Some(date.to_string());
    run(&spec)
}

#[test]
fn deadline_of_a_department_is_january_31() {
    let r = dated(ReportSpec::zeros_2021(), "2022年1月31日");
    none(&r, "S.DEADLINE");
    none(&r, "S.DATEEARLY");

    let r = dated(ReportSpec::zeros_2021(), "2022年2月1日");
    let f = one(&r, "S.DEADLINE", Severity::Warning);
    assert!(
        f.message.contains("晚于发布时限 2022年1月31日"),
        "{}",
        f.message
    );
    assert!(f.message.contains("按“部门”判断"), "{}", f.message);
    assert!(f.message.contains("--kind"), "{}", f.message);
    assert_eq!(text_sentence(f), "2022年2月1日");
    assert_eq!(f.actual, Some(Quantity::Text("2022年2月1日".to_string())));
}

#[test]
fn deadline_of_a_consolidated_government_report_depends_on_its_level() {
    let cases = [
        (
            "某某县人民政府",
            "县级政府",
            "2022年2月20日",
            "2022年2月21日",
        ),
        (
            "某某市人民政府",
            "地市级政府",
            "2022年3月10日",
            "2022年3月11日",
        ),
        (
            "某某省人民政府",
            "省级政府",
            "2022年3月31日",
            "2022年4月1日",
        ),
    ];
    for (name, label, ok, late) in cases {
        let mut spec = government(name);
        spec.sections[0].before.insert(
            1,
            "全县（市、省）各级行政机关共收到政府信息公开申请0件，汇总情况如下。".to_string(),
        );
        let r = dated(spec.clone(), ok);
        none(&r, "S.DEADLINE");
        assert_eq!(
            r.report.kind.as_ref().map(|k| k.label),
            Some(label),
            "{name}"
        );
        let r = dated(spec, late);
        let f = one(&r, "S.DEADLINE", Severity::Warning);
        assert!(
            f.message.contains(&format!("按“{label}”判断")),
            "{}",
            f.message
        );
    }
}

#[test]
fn a_government_own_office_and_a_township_are_due_in_january() {
    // No word of the whole county: the government's own-office report.
    let r = dated(government("某某县人民政府"), "2022年2月1日");
    assert!(one(&r, "S.DEADLINE", Severity::Warning)
        .message
        .contains("本政府机关"));
    let r = dated(government("某某县某某镇人民政府"), "2022年2月1日");
    let f = one(&r, "S.DEADLINE", Severity::Warning);
    assert!(f.message.contains("按“乡镇”判断"), "{}", f.message);
}

#[test]
fn the_user_sets_the_kind() {
    let mut spec = ReportSpec::zeros_2021();
    spec.date_line = Some("2022年2月15日".to_string());
    let bytes = spec.to_bytes();
    one(&check_bytes(&bytes), "S.DEADLINE", Severity::Warning);
    let options = Options {
        report_kind: Some(ReportKind::County),
        ..Options::default()
    };
    let r = check_bytes_with(&bytes, &options);
    none(&r, "S.DEADLINE");
    let kind = r.report.kind.as_ref().expect("kind");
    assert_eq!(
        (kind.id, kind.label, kind.by_user),
        ("county", "县级政府", true)
    );
    assert_eq!(ReportKind::parse("县级政府"), Some(ReportKind::County));

    let options = Options {
        report_kind: Some(ReportKind::Department),
        ..Options::default()
    };
    let f_late = check_bytes_with(&bytes, &options);
    assert!(one(&f_late, "S.DEADLINE", Severity::Warning)
        .message
        .contains("由用户指定"));
}

#[test]
fn a_date_within_the_report_year_is_an_error() {
    let r = dated(ReportSpec::zeros_2021(), "2021年12月31日");
    let f = one(&r, "S.DATEEARLY", Severity::Error);
    assert!(f.message.contains("2021年12月31日"), "{}", f.message);
    none(&r, "S.DEADLINE");
    let r = dated(ReportSpec::zeros_2021(), "2022年1月1日");
    none(&r, "S.DATEEARLY");
    none(&r, "S.DEADLINE");
}

// ------------------------------------------------------------------ S.ORDER

#[test]
fn order_finds_swapped_sections_and_tables_in_the_wrong_section() {
    let mut spec = ReportSpec::zeros_2021();
    spec.set_heading(2, Some("四、政府信息公开行政复议、行政诉讼情况"));
    spec.set_heading(3, Some("三、收到和处理政府信息公开申请情况"));
    let r = run(&spec);
    let found = of(&r, "S.ORDER");
    assert!(found.iter().all(|f| f.severity == Severity::Error));
    let messages: Vec<&str> = found.iter().map(|f| f.message.as_str()).collect();
    assert!(
        messages.iter().any(|m| m.contains(
            "标题“三、收到和处理政府信息公开申请情况”出现在“四、政府信息公开行政复议、行政诉讼情况”之后"
        )),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("表三位于“四、政府信息公开行政复议、行政诉讼情况”部分")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("表四位于“三、收到和处理政府信息公开申请情况”部分")),
        "{messages:?}"
    );
    assert_eq!(found.len(), 3, "{messages:?}");
    // A misplaced table is marked by its first cell, then the heading of its own section.
    let t3 = found
        .iter()
        .find(|f| f.table == Some(3))
        .expect("table 三 finding");
    let (table, _, _) = spec.t3_pos("granted", 0);
    assert_eq!(t3.cells.len(), 1);
    assert_eq!(t3.cells[0].table, table);
    assert!(matches!(t3.locations[0], Location::Cell { .. }));
    assert_eq!(text_sentence(t3), "三、收到和处理政府信息公开申请情况");
}

#[test]
fn order_ignores_sub_headings_that_read_like_sections() {
    let mut spec = ReportSpec::zeros_2021();
    spec.sections[0]
        .before
        .insert(1, "1.主动公开政府信息情况".to_string());
    let r = run(&spec);
    none(&r, "S.ORDER");
    none(&r, "S.SEC1");

    // The text after such a sub-heading still belongs to 一.
    spec.sections[0].before.push(hanzi_filler(1001));
    let r = run(&spec);
    one(&r, "S.LEN1", Severity::Warning);
    none(&r, "S.ORDER");
}

#[test]
fn a_heading_repeated_on_every_paragraph_gives_bounded_findings() {
    let mut spec = ReportSpec::zeros_2021();
    spec.sections[5].before = vec!["五、存在的主要问题及改进情况".to_string(); 5000];
    let r = run(&spec);
    let n = of(&r, "S.ORDER").len();
    assert!((1..=16).contains(&n), "{n} S.ORDER findings");
}

#[test]
fn a_table_of_contents_is_not_a_second_set_of_sections() {
    let mut spec = ReportSpec::zeros_2021();
    spec.preface.push("目录".to_string());
    spec.preface
        .extend(SECTION_TITLES.iter().map(|t| t.to_string()));
    let r = run(&spec);
    none(&r, "S.ORDER");
    none(&r, "S.SECT");
    none(&r, "S.SEC1");
    none(&r, "S.SEC5");
    // Headings are located in the body, not in the contents.
    let mut spec = spec.clone();
    set_text(&mut spec, 5, &["无。"]);
    let r = run(&spec);
    let f = one(&r, "S.SEC6", Severity::Warning);
    let paragraph = |f: &Finding| match &f.locations[0] {
        Location::Text { paragraph, .. } => *paragraph,
        other => panic!("{other:?}"),
    };
    assert!(
        paragraph(f) > 20,
        "the body's heading, not the contents' entry"
    );
}

#[test]
fn order_finds_a_section_twice() {
    let mut spec = ReportSpec::zeros_2021();
    spec.sections[5]
        .before
        .push("五、存在的主要问题及改进情况".to_string());
    let r = run(&spec);
    let f = one(&r, "S.ORDER", Severity::Error);
    assert!(f.message.contains("出现了两次"), "{}", f.message);
    assert_eq!(f.locations.len(), 2);
}

// ------------------------------------------------------------------ every report in a file

#[test]
fn every_report_of_a_file_is_checked_on_its_own() {
    let first = ReportSpec::zeros(Format::Format2021, 2021, "甲县卫生健康局");
    let mut second = ReportSpec::zeros(Format::Format2021, 2022, "乙县教育局");
    second.signature = Some("乙县教育局".to_string());
    second.set_t3("granted", 0, "1"); // row total stays 0: T3.ROW
    second.date_line = Some("2023年2月3日".to_string());
    set_text(&mut second, 5, &["无。"]);
    let bytes = multi_docx(&[first.clone(), second.clone()]).build();

    let results = check_document(&bytes, &Options::default());
    assert_eq!(results.len(), 2);
    let (a, b) = (&results[0], &results[1]);
    assert_eq!((a.report.index, a.report.count), (0, 2));
    assert_eq!((b.report.index, b.report.count), (1, 2));
    assert_eq!(a.report.agency.as_deref(), Some("甲县卫生健康局"));
    assert_eq!(b.report.agency.as_deref(), Some("乙县教育局"));
    assert_eq!((a.report.year, b.report.year), (Some(2021), Some(2022)));

    // The first report is clean; the second has its own findings.
    for rule in ["T3.ROW", "S.DEADLINE", "S.SEC6", "S.ORDER", "S.SECT"] {
        none(a, rule);
    }
    none(b, "S.ORDER");
    none(b, "S.SECT");
    let row = one(b, "T3.ROW", Severity::Error);
    let deadline = one(b, "S.DEADLINE", Severity::Warning);
    assert!(
        deadline.message.contains("2023年1月31日"),
        "{}",
        deadline.message
    );
    one(b, "S.SEC6", Severity::Warning);
    // The first report's 六 is its own: the second report's tables (表二 names 收费) are not
    // read as its text.
    let mut first_empty6 = first.clone();
    set_text(&mut first_empty6, 5, &["无。"]);
    let both = check_document(
        &multi_docx(&[first_empty6, second.clone()]).build(),
        &Options::default(),
    );
    one(&both[0], "S.SEC6", Severity::Warning);
    assert!(one(a, "S.MULTI", Severity::Warning)
        .message
        .contains("这是第 1 份"));
    assert!(one(b, "S.MULTI", Severity::Warning)
        .message
        .contains("这是第 2 份"));

    // Locations name the report, and the second report's cells are the second copy's.
    for f in &b.findings {
        for l in &f.locations {
            match l {
                Location::Cell { report, .. } | Location::Text { report, .. } => {
                    assert_eq!(*report, 1, "{}", f.rule)
                }
            }
        }
    }
    let a_tables: Vec<usize> = a
        .values
        .table3
        .iter()
        .filter_map(|v| v.cell)
        .map(|c| c.table)
        .collect();
    assert!(
        row.cells.iter().all(|c| !a_tables.contains(&c.table)),
        "{:?}",
        row.cells
    );
    let text_paragraph = |f: &Finding| {
        f.locations.iter().find_map(|l| match l {
            Location::Text { paragraph, .. } => Some(*paragraph),
            _ => None,
        })
    };
    let b_date = text_paragraph(deadline).expect("date line");
    let a_heading = a.findings.iter().find_map(text_paragraph).unwrap_or(0);
    assert!(b_date > a_heading);

    // check_bytes_with keeps returning the first report.
    assert_eq!(check_bytes(&bytes), results[0]);
}

#[test]
fn a_second_report_without_title_starts_at_its_first_heading() {
    let first = ReportSpec::zeros(Format::Format2021, 2021, "甲县卫生健康局");
    let mut second = ReportSpec::zeros(Format::Format2021, 2021, "乙县教育局");
    second.title = false;
    second.preface.clear();
    let results = check_document(&multi_docx(&[first, second]).build(), &Options::default());
    assert_eq!(results.len(), 2);
    for r in &results {
        for rule in ["S.SECT", "S.ORDER", "S.SEC1", "S.SEC5", "S.SEC6", "S.DATE"] {
            none(r, rule);
        }
    }
    assert_eq!(results[1].report.agency.as_deref(), Some("乙县教育局"));
}

#[test]
fn many_reports_in_one_file_are_each_checked() {
    let specs: Vec<ReportSpec> = (0..12)
        .map(|i| ReportSpec::zeros(Format::Format2021, 2021, &format!("第{i}县卫生健康局")))
        .collect();
    let results = check_document(&multi_docx(&specs).build(), &Options::default());
    assert_eq!(results.len(), 12);
    for (i, r) in results.iter().enumerate() {
        assert_eq!((r.report.index, r.report.count), (i, 12));
        assert_eq!(r.report.agency, Some(format!("第{i}县卫生健康局")));
        assert_eq!(
            r.findings
                .iter()
                .map(|f| f.rule.as_str())
                .collect::<Vec<_>>(),
            vec!["S.MULTI"],
            "report {i}\n{}",
            dump(r)
        );
    }
}

#[test]
fn a_stray_table_after_the_report_is_not_another_report() {
    let spec = ReportSpec::zeros_2021();
    let stray = format!(
        r#"<w:tbl><w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="3000"/></w:tblGrid>{}{}</w:tbl>"#,
        tr(&[tc("事项", 1, None), tc("说明", 1, None)]),
        tr(&[
            tc("行政复议、行政诉讼咨询电话", 1, None),
            tc("0000-1234567", 1, None)
        ]),
    );
    let bytes = docx_from_body(&(spec.render().body + &stray)).build();
    let results = check_document(&bytes, &Options::default());
    assert_eq!(results.len(), 1, "{}", dump(&results[0]));
    let r = &results[0];
    assert_eq!(r.report.count, 1);
    none(r, "S.MULTI");
    none(r, "S.TABLES");
    assert!(one(r, "S.AMBIG", Severity::Warning)
        .message
        .contains("像表四的表格，不足以构成另一份年报"));
    assert_eq!(r.values.table4.len(), 15);
}

#[test]
fn a_rejected_file_gives_one_rejected_result() {
    let results = check_document(b"not a docx", &Options::default());
    assert_eq!(results.len(), 1);
    assert_eq!(results[0].status, nianbao::Status::Rejected);
}

// ------------------------------------------------------------------ the seeds (spec §2.7)

fn seed(n: usize) -> CheckResult {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join(format!("tests/fixtures/samples/seed_{n:03}.docx"));
    check_bytes(&std::fs::read(path).expect("seed"))
}

#[test]
fn seeds_give_what_the_spec_lists() {
    const NEW: [&str; 10] = [
        "S.ORDER",
        "S.SEC1",
        "S.LEN1",
        "S.SEC5",
        "S.SEC5PART",
        "S.SEC6",
        "S.GOVEXTRA",
        "S.PERIOD",
        "S.DEADLINE",
        "S.DATEEARLY",
    ];
    let results: Vec<CheckResult> = (0..5).map(seed).collect();
    for (n, r) in results.iter().enumerate() {
        assert!(
            !r.findings
                .iter()
                .any(|f| NEW.contains(&f.rule.as_str()) && f.severity == Severity::Error),
            "seed {n}: no new error\n{}",
            dump(r)
        );
        assert_eq!(r.report.count, 1, "seed {n}");
        assert_eq!(
            r.report.kind.as_ref().map(|k| k.id),
            Some("department"),
            "seed {n}"
        );
    }
    // 000: 六 is “无。” without 信息处理费; 五 only lists next steps.
    let f = one(&results[0], "S.SEC6", Severity::Warning);
    assert!(f.message.contains("写的是“无。”"), "{}", f.message);
    assert!(one(&results[0], "S.SEC5PART", Severity::Warning)
        .message
        .contains("只写了改进措施"));
    // 003: dated 2021年1月31日, the deadline day of a 2020 department report.
    none(&results[3], "S.DEADLINE");
    none(&results[3], "S.DATEEARLY");
    // 002: dated 2024年1月28日.
    none(&results[2], "S.DEADLINE");
    // Every other new rule is silent on the seeds.
    for (n, r) in results.iter().enumerate() {
        let new: Vec<&str> = r
            .findings
            .iter()
            .filter(|f| NEW.contains(&f.rule.as_str()))
            .map(|f| f.rule.as_str())
            .collect();
        let expected: &[&str] = if n == 0 {
            &["S.SEC5PART", "S.SEC6"]
        } else {
            &[]
        };
        let mut new_sorted = new.clone();
        new_sorted.sort();
        assert_eq!(new_sorted, expected, "seed {n}\n{}", dump(r));
    }
}

// ------------------------------------------------------------------ real published reports

#[test]
fn real_reports_get_their_kind_and_no_new_error() {
    let expected = [
        ("01_shanghai_bangongting_2019.txt", "department"),
        ("02_shuyang_xianzhengfu_2025.txt", "county"),
        ("03_shanghai_kewei_2024.txt", "department"),
        ("04_shuyang_fagaiju_2023.txt", "department"),
        ("05_shanghai_bangongting_2025.txt", "department"),
    ];
    let fixtures = support::real::load_all();
    for (file, kind) in expected {
        let f = fixtures
            .iter()
            .find(|f| f.file == file)
            .unwrap_or_else(|| panic!("fixture {file}"));
        let r = check_bytes(&f.to_bytes());
        assert_eq!(
            r.report.kind.as_ref().map(|k| k.id),
            Some(kind),
            "{file}: {:?}",
            r.report.kind
        );
        for rule in ["S.ORDER", "S.SEC5", "S.DATEEARLY"] {
            none(&r, rule);
        }
        // The 上海市人民政府办公厅 reports are the government office's own reports.
        if file.contains("bangongting") {
            assert!(r
                .report
                .kind
                .as_ref()
                .is_some_and(|k| k.reason.contains("政府办公机构")));
            none(&r, "S.GOVEXTRA");
        }
    }
}
