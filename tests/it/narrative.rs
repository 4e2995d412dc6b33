//! The narrative against the tables (TX.* rules, spec §2.4): reports built as real .docx files
//! whose prose is written in the styles of real reports, then one number changed in the text
//! or in the table at a time. Each finding must point at the sentence and at the cell(s), with
//! the severity §2.4 asks for (errors under the comparison's id, uncertain readings under
//! TX.NEWCARRY, TX.PARTIAL or TX.VAGUE); consistent prose gives nothing.

use crate::support;

use nianbao::inspect::report::narrative::{Active, CaseKind, Subject};
use nianbao::{check_bytes, CheckResult, Status};
use nianbao::{Finding, Location, Severity};
use support::paragraph_xml;
use support::report::*;

fn run(spec: &ReportSpec) -> CheckResult {
    let r = check_bytes(&spec.to_bytes());
    assert_eq!(r.status, Status::Checked, "rejected: {:?}", r.rejection);
    for f in &r.findings {
        eprintln!(
            "  {} {:?} {:?} exp {:?} act {:?}: {}",
            f.rule, f.severity, f.cells, f.expected, f.actual, f.message
        );
    }
    r
}

fn tx(r: &CheckResult) -> Vec<&Finding> {
    r.findings
        .iter()
        .filter(|f| f.rule.as_str().starts_with("TX."))
        .collect()
}

fn only(r: &CheckResult, rule: &str) -> Finding {
    let t = tx(r);
    assert_eq!(t.len(), 1, "exactly one TX finding expected: {t:#?}");
    assert_eq!(t[0].rule, rule, "{t:#?}");
    t[0].clone()
}

fn text_location(f: &Finding) -> (usize, usize, usize, String) {
    f.locations
        .iter()
        .find_map(|l| match l {
            Location::Text {
                paragraph,
                start,
                end,
                sentence,
                ..
            } => Some((*paragraph, *start, *end, sentence.clone())),
            _ => None,
        })
        .expect("a text location")
}

fn cell_locations(f: &Finding) -> Vec<(usize, usize, usize)> {
    f.locations
        .iter()
        .filter_map(|l| match l {
            Location::Cell {
                table, row, col, ..
            } => Some((*table, *row, *col)),
            _ => None,
        })
        .collect()
}

/// The numbers of the tables (2021 format, year 2021):
/// 表三 一 16, 二 3, （一）8, （二）2, （三）4. 1, （四）1. 4, （五）2. 1, （六）3. 1, （七）17, 四 2;
/// 表四 行政复议 维持 1 纠正 1 尚未审结 1 总计 3; 行政诉讼 直接起诉 维持 2 其他 1 总计 3,
/// 复议后起诉 纠正 1 尚未审结 1 总计 2; 表二 行政规范性文件 2/1/5, 行政许可 120, 行政处罚 35, 行政强制 4.
fn scenario() -> ReportSpec {
    ReportSpec::nonzero(Format::Format2021, 2021)
}

/// Prose consistent with [`scenario`], in the styles of real reports (汉阳区, 普陀区, 上海市,
/// seed 000 and seed 004 phrasings).
const CONSISTENT: &[&str] = &[
    "（二）依申请公开。2021年，本机关共收到政府信息公开申请16件，上年结转3件，共办结17件，结转下年度继续办理2件。",
    "其中，予以公开8件，部分公开2件，不予公开1件，无法提供4件，不予处理1件，其他处理1件。",
    "全年因政府信息公开被申请行政复议3件，其中维持1件、纠正1件、尚未审结1件；被提起行政诉讼5件。",
    "本年度制发行政规范性文件2件，废止1件；办理行政许可120件，作出行政处罚决定35件。",
    "依申请公开按时答复率100%，申请量较上年增加5件，同比增长45%。",
    "2020年收到政府信息公开申请11件。",
    "收到申请后在20个工作日内答复，需补正的一次性告知。",
];

fn with_prose(mut spec: ReportSpec, prose: &[&str]) -> ReportSpec {
    spec.sections[0]
        .before
        .extend(prose.iter().map(|p| p.to_string()));
    spec
}

/// The scenario's prose with one sentence replaced (`from` → `to`).
fn mutated(from: &str, to: &str) -> ReportSpec {
    let prose: Vec<String> = CONSISTENT.iter().map(|p| p.replace(from, to)).collect();
    assert!(prose.iter().any(|p| p.contains(to)), "{from} not found");
    let refs: Vec<&str> = prose.iter().map(|s| s.as_str()).collect();
    with_prose(scenario(), &refs)
}

#[test]
fn consistent_prose_gives_no_text_finding() {
    let r = run(&with_prose(scenario(), CONSISTENT));
    assert!(tx(&r).is_empty(), "{:#?}", tx(&r));
    assert!(
        r.findings.iter().all(|f| f.severity == Severity::Warning),
        "no error on a consistent report"
    );
}

#[test]
fn tx_new_text_number_changed_is_an_error_pointing_at_sentence_and_cell() {
    let spec = mutated("共收到政府信息公开申请16件", "共收到政府信息公开申请15件");
    let r = run(&spec);
    let f = only(&r, "TX.NEW");
    assert_eq!(f.severity, Severity::Error);
    // The message says what the text and the table say; no "应为/实为" against the cell.
    assert_eq!((&f.expected, &f.actual), (&None, &None));
    assert!(
        f.message
            .starts_with("正文写 15 件（“共收到政府信息公开申请15件”），表三")
            && f.message.contains("总计为 16 件"),
        "{}",
        f.message
    );
    let (t, row, col) = spec.t3_pos("new_received", 6);
    assert_eq!(cell_locations(&f)[0], (t, row, col));
    let (_, start, end, sentence) = text_location(&f);
    assert!(
        sentence.contains("共收到政府信息公开申请15件"),
        "{sentence}"
    );
    assert!(
        f.message.contains("共收到政府信息公开申请15件") && f.message.contains("16"),
        "{}",
        f.message
    );
    assert_eq!(end - start, "共收到政府信息公开申请15件".chars().count());
    // Chinese numerals are read too.
    let r = run(&mutated(
        "共收到政府信息公开申请16件",
        "共收到政府信息公开申请十五件",
    ));
    assert_eq!(only(&r, "TX.NEW").severity, Severity::Error);
    let r = run(&mutated(
        "共收到政府信息公开申请16件",
        "共收到政府信息公开申请十六件",
    ));
    assert!(tx(&r).is_empty());
}

#[test]
fn tx_new_table_number_changed_is_found_too() {
    let mut spec = with_prose(scenario(), CONSISTENT);
    spec.set_t3_row("new_received", [10, 3, 0, 1, 0, 3]); // 17; breaks T3.BAL as well
    let r = run(&spec);
    let f: Vec<&Finding> = r.findings.iter().filter(|f| f.rule == "TX.NEW").collect();
    assert_eq!(f.len(), 1, "{f:#?}");
    assert!(f[0].message.contains("总计为 17 件"), "{}", f[0].message);
    assert_eq!(cell_locations(f[0])[0], spec.t3_pos("new_received", 6));
}

#[test]
fn tx_new_counting_the_carry_over_is_a_warning_with_the_suggested_wording() {
    // 16 + 3 = 19: the text counts last year's applications as received.
    let r = run(&mutated(
        "共收到政府信息公开申请16件，上年结转3件",
        "共收到政府信息公开申请19件",
    ));
    let f = only(&r, "TX.NEWCARRY");
    assert_eq!(f.severity, Severity::Warning);
    assert!(
        f.message
            .contains("19 等于本年新收加上年结转，若是此意请写明“含上年结转3件”"),
        "{}",
        f.message
    );
    // Said explicitly: consistent.
    let r = run(&mutated(
        "共收到政府信息公开申请16件，上年结转3件",
        "共收到政府信息公开申请19件（含上年结转3件）",
    ));
    assert!(tx(&r).is_empty(), "{:#?}", tx(&r));
    // Said explicitly but the total is new applications only: a warning.
    let r = run(&mutated(
        "共收到政府信息公开申请16件，上年结转3件",
        "共收到政府信息公开申请16件（含上年结转3件）",
    ));
    assert_eq!(only(&r, "TX.NEWCARRY").severity, Severity::Warning);
}

#[test]
fn tx_new_uncertain_readings_are_warnings_or_nothing() {
    // Approximate and close: nothing; approximate and far: a warning.
    let r = run(&mutated(
        "共收到政府信息公开申请16件",
        "共收到政府信息公开申请近20件",
    ));
    assert!(tx(&r).is_empty(), "{:#?}", tx(&r));
    let r = run(&mutated(
        "共收到政府信息公开申请16件",
        "共收到政府信息公开申请约40件",
    ));
    assert_eq!(only(&r, "TX.VAGUE").severity, Severity::Warning);
    // A 其中 part larger than the whole: a warning.
    let r = run(&with_prose(
        scenario(),
        &["2021年共收到申请若干，其中，收到政府信息公开申请30件。"],
    ));
    assert_eq!(only(&r, "TX.VAGUE").severity, Severity::Warning);
}

#[test]
fn a_second_figure_beside_a_matching_one_is_a_warning() {
    // One sentence states 16 as the table has it; another names 12 (an office's share, say).
    let mut prose: Vec<&str> = CONSISTENT.to_vec();
    prose.push("区政府办公室收到政府信息公开申请12件。");
    let r = run(&with_prose(scenario(), &prose));
    assert!(only(&r, "TX.VAGUE").message.starts_with("正文写 12 件"));
    // A part of the reporting body (本级) is not the table's figure: no finding while it fits.
    let mut prose: Vec<&str> = CONSISTENT.to_vec();
    prose.push("区政府本级收到政府信息公开申请12件。");
    let r = run(&with_prose(scenario(), &prose));
    assert!(tx(&r).is_empty(), "{:#?}", tx(&r));
    // Without the matching sentence the same figure is an error.
    let r = run(&with_prose(
        scenario(),
        &["本年度区政府办公室收到政府信息公开申请12件。"],
    ));
    assert_eq!(only(&r, "TX.NEW").severity, Severity::Error);
    // Channel breakdowns are parts, not totals (no finding while they fit in the total).
    let r = run(&with_prose(
        scenario(),
        &["本年度通过网络收到政府信息公开申请10件，通过信函收到政府信息公开申请6件。"],
    ));
    assert!(tx(&r).is_empty(), "{:#?}", tx(&r));
}

#[test]
fn tx_done_carry_in_carry_out() {
    let r = run(&mutated("共办结17件", "共办结18件"));
    assert_eq!(only(&r, "TX.DONE").severity, Severity::Error);
    let r = run(&mutated("共办结17件", "共办结19件"));
    let f = only(&r, "TX.VAGUE");
    assert_eq!(f.severity, Severity::Warning, "19 = 一 + 二");
    let r = run(&mutated("上年结转3件", "上年结转4件"));
    let f = only(&r, "TX.CARRYIN");
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(cell_locations(&f)[0], scenario().t3_pos("carried_over", 6));
    let r = run(&mutated("结转下年度继续办理2件", "结转下年度继续办理1件"));
    let f = only(&r, "TX.CARRYOUT");
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(
        cell_locations(&f)[0],
        scenario().t3_pos("carried_forward", 6)
    );
    // 汉阳区 2022 style: 无下年度结转 while 四 = 2.
    let r = run(&mutated("结转下年度继续办理2件", "无下年度结转"));
    assert_eq!(only(&r, "TX.CARRYOUT").severity, Severity::Error);
}

#[test]
fn tx_none_against_the_table() {
    for phrase in [
        "2021年，本单位未收到政府信息公开申请。",
        "2021年，我局没有接到政府信息公开申请。",
        "2021年度我局无依申请公开内容。",
    ] {
        // seeds 004, 003, 002 phrasings on a table with applications: an error.
        let r = run(&with_prose(scenario(), &[phrase]));
        let f = only(&r, "TX.NONE");
        assert_eq!(f.severity, Severity::Error, "{phrase}");
        assert_eq!(f.expected, None);
        // On an all-zero table: consistent.
        let r = run(&with_prose(ReportSpec::zeros_2021(), &[phrase]));
        assert!(tx(&r).is_empty(), "{phrase}: {:#?}", tx(&r));
    }
    // 一 = 0 but applications carried over from last year and not mentioned: a warning.
    let mut spec = with_prose(
        ReportSpec::zeros_2021(),
        &["2021年，本单位未收到政府信息公开申请。"],
    );
    spec.set_t3_row("carried_over", [1, 0, 0, 0, 0, 0]);
    spec.set_t3_row("granted", [1, 0, 0, 0, 0, 0]);
    spec.set_t3_row("results_total", [1, 0, 0, 0, 0, 0]);
    let r = run(&spec);
    let f = only(&r, "TX.PARTIAL");
    assert_eq!(f.severity, Severity::Warning);
    assert_eq!(cell_locations(&f)[0], spec.t3_pos("carried_over", 6));
}

#[test]
fn tx_all_done() {
    // 均已办结 while 四 = 2.
    let r = run(&with_prose(
        scenario(),
        &["本年度共受理政府信息公开申请16件，均已办结。"],
    ));
    let f = only(&r, "TX.ALLDONE");
    assert_eq!(f.severity, Severity::Warning);
    // 长春市体育局 2023 style: 都在法定期限内予以答复 is about timeliness, not that every
    // application was concluded: nothing to compare with 四.
    let r = run(&with_prose(
        scenario(),
        &["本年度共受理政府信息公开申请16件，都在法定期限内予以答复。"],
    ));
    assert!(tx(&r).is_empty(), "{:#?}", tx(&r));
    let mut spec = scenario();
    spec.set_t3_row("carried_forward", [0, 0, 0, 0, 0, 0]);
    spec.set_t3_row("granted", [6, 2, 0, 1, 0, 1]);
    spec.set_t3_row("results_total", [12, 4, 0, 1, 0, 2]);
    let r = run(&with_prose(spec, &["所有申请均已按要求办理完成。"]));
    assert!(tx(&r).is_empty(), "{:#?}", tx(&r));
}

#[test]
fn tx_break_rows_and_groups() {
    let r = run(&mutated("予以公开8件", "予以公开9件"));
    let f = only(&r, "TX.BREAK");
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(cell_locations(&f)[0], scenario().t3_pos("granted", 6));
    let r = run(&mutated("无法提供4件", "无法提供3件"));
    let f = only(&r, "TX.BREAK");
    assert_eq!(f.severity, Severity::Error);
    // The group sum covers all three rows of （四）.
    assert_eq!(cell_locations(&f).len(), 3);
    // 上海 2019 style: 予以公开及部分公开 = （一）+（二）.
    let r = run(&with_prose(
        scenario(),
        &["对收到的申请，予以公开及部分公开10件。"],
    ));
    assert!(tx(&r).is_empty(), "{:#?}", tx(&r));
    let r = run(&with_prose(
        scenario(),
        &["对收到的申请，予以公开及部分公开12件。"],
    ));
    assert_eq!(only(&r, "TX.BREAK").severity, Severity::Error);
    let r = run(&with_prose(
        scenario(),
        &["对收到的申请，予以公开及部分公开8件。"],
    ));
    assert_eq!(
        only(&r, "TX.PARTIAL").severity,
        Severity::Warning,
        "equals （一） alone"
    );
    // A group named by one of its items (汉阳区: 本办不掌握相关政府信息2件).
    let r = run(&with_prose(
        scenario(),
        &["对收到的申请，本机关不掌握相关政府信息4件。"],
    ));
    assert!(tx(&r).is_empty(), "{:#?}", tx(&r));
}

#[test]
fn tx_review_and_litigation() {
    let r = run(&mutated("被申请行政复议3件", "被申请行政复议4件"));
    let f = only(&r, "TX.REV");
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(cell_locations(&f)[0], scenario().t4_pos("review.total"));
    let r = run(&mutated("维持1件", "维持2件"));
    let f = only(&r, "TX.REV");
    assert_eq!(cell_locations(&f)[0], scenario().t4_pos("review.upheld"));
    let r = run(&mutated("被提起行政诉讼5件", "被提起行政诉讼6件"));
    let f = only(&r, "TX.LIT");
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(
        cell_locations(&f),
        vec![
            scenario().t4_pos("litigation_direct.total"),
            scenario().t4_pos("litigation_after_review.total")
        ]
    );
    // Only one of the two litigation columns: a warning naming it.
    let r = run(&mutated("被提起行政诉讼5件", "被提起行政诉讼3件"));
    let f = only(&r, "TX.PARTIAL");
    assert_eq!(f.severity, Severity::Warning);
    assert!(f.message.contains("未经复议直接起诉"), "{}", f.message);
}

#[test]
fn tx_upheld_and_no_case() {
    // 上海 2019 said 均获维持 with cases corrected and pending.
    let r = run(&with_prose(
        scenario(),
        &["因政府信息公开被申请的行政复议案件均获维持。"],
    ));
    let f = only(&r, "TX.UPHELD");
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(cell_locations(&f)[0], scenario().t4_pos("review.corrected"));
    // Without 政府信息公开 in its paragraph the sentence may speak of all the office's cases:
    // a warning.
    let r = run(&with_prose(scenario(), &["行政复议案件均获维持。"]));
    assert_eq!(only(&r, "TX.VAGUE").severity, Severity::Warning);
    let mut spec = ReportSpec::zeros_2021();
    spec.set_t4("review.upheld", "1")
        .set_t4("review.pending", "1")
        .set_t4("review.total", "2");
    let r = run(&with_prose(spec.clone(), &["行政复议案件均获维持。"]));
    assert_eq!(
        only(&r, "TX.PARTIAL").severity,
        Severity::Warning,
        "pending is not upheld"
    );
    let r = run(&with_prose(spec, &["行政复议案件未被纠错。"]));
    assert!(tx(&r).is_empty(), "{:#?}", tx(&r));

    let r = run(&with_prose(
        scenario(),
        &["本年度未发生因政府信息公开引起的行政复议、行政诉讼。"],
    ));
    let t = tx(&r);
    assert_eq!(t.len(), 2, "{t:#?}");
    assert!(t
        .iter()
        .all(|f| f.rule == "TX.NOCASE" && f.severity == Severity::Error));
    // seed 003 phrasing on an all-zero table 四: consistent.
    let r = run(&with_prose(
        ReportSpec::zeros_2021(),
        &["2021年，我局未接到对有关政府信息公开事务的行政复议案、行政诉讼案和申诉案(包括信访、举报)。"],
    ));
    assert!(tx(&r).is_empty(), "{:#?}", tx(&r));
}

#[test]
fn tx_active_is_a_warning() {
    let r = run(&mutated("办理行政许可120件", "办理行政许可121件"));
    let f = only(&r, "TX.ACTIVE");
    assert_eq!(f.severity, Severity::Warning);
    assert_eq!(cell_locations(&f)[0], scenario().t2_pos("行政许可", 0));
    let r = run(&mutated("制发行政规范性文件2件", "制发行政规范性文件3件"));
    assert_eq!(only(&r, "TX.ACTIVE").severity, Severity::Warning);
    // seed 000 style on its own numbers: consistent.
    let mut spec = ReportSpec::zeros_2021();
    spec.set_t2("行政许可", 0, "5").set_t2("行政处罚", 0, "8");
    let r = run(&with_prose(
        spec,
        &["及时将5件行政许可办件和8件行政处罚信息公布。"],
    ));
    assert!(tx(&r).is_empty(), "{:#?}", tx(&r));
}

#[test]
fn tx_fee() {
    // A fee notice that went unpaid: （六）2 = 1.
    let mut spec = ReportSpec::zeros_2021();
    spec.set_t3_row("new_received", [1, 0, 0, 0, 0, 0]);
    spec.set_t3_row("other_2", [1, 0, 0, 0, 0, 0]);
    spec.set_t3_row("results_total", [1, 0, 0, 0, 0, 0]);
    spec.sections[0]
        .before
        .push("2021年，本机关共收到政府信息公开申请1件。".into());
    // seed 004's sentence contradicts it (no notice sent).
    spec.sections[5].before = vec![
        "本机关2021年未发出依申请公开缴费通知书，也未对申请人收取信息处理费，特此说明。".into(),
    ];
    let r = run(&spec);
    let f = only(&r, "TX.FEE");
    assert_eq!(f.severity, Severity::Warning);
    assert_eq!(cell_locations(&f)[0], spec.t3_pos("other_2", 6));
    // 未收取 alone is consistent with an unpaid notice.
    spec.sections[5].before = vec!["本机关2021年度未收取政府信息公开信息处理费。".into()];
    let r = run(&spec);
    assert!(tx(&r).is_empty(), "{:#?}", tx(&r));
    // A fee collected without any application.
    let r = run(&with_prose(
        ReportSpec::zeros_2021(),
        &["本年度收取信息处理费200元。"],
    ));
    assert_eq!(only(&r, "TX.FEE").severity, Severity::Warning);
}

#[test]
fn real_reports_text_and_tables() {
    // 武汉市汉阳区人民政府办公室 2022 年报: the text under section 三 and its table agree.
    let mut spec = ReportSpec::zeros(Format::Format2021, 2022, "武汉市汉阳区人民政府办公室");
    spec.sections[2].before.push(
        "2022年,区政府办公室共收到8份政府信息公开申请,均为自然人申请。其中,予以公开2件,部分公开2件,属于四类过程性性信息1件,本办不掌握相关政府信息2件,其他1件(申请人自主撤销)。无下年度结转。"
            .into(),
    );
    spec.set_t3_row("new_received", [8, 0, 0, 0, 0, 0]);
    spec.set_t3_row("granted", [2, 0, 0, 0, 0, 0]);
    spec.set_t3_row("partially_granted", [2, 0, 0, 0, 0, 0]);
    spec.set_t3_row("withheld_6", [1, 0, 0, 0, 0, 0]);
    spec.set_t3_row("unable_1", [2, 0, 0, 0, 0, 0]);
    spec.set_t3_row("other_3", [1, 0, 0, 0, 0, 0]);
    spec.set_t3_row("results_total", [8, 0, 0, 0, 0, 0]);
    let r = run(&spec);
    assert!(tx(&r).is_empty(), "{:#?}", tx(&r));
    // The same text with one number changed (部分公开 3) is an error on that row.
    let text = spec.sections[2].before[0].replace("部分公开2件", "部分公开3件");
    spec.sections[2].before[0] = text;
    let r = run(&spec);
    let f = only(&r, "TX.BREAK");
    assert_eq!(cell_locations(&f)[0], spec.t3_pos("partially_granted", 6));

    // 长春市体育局 2023 年报: the text says 共受理…2件 while table 三 一 is 3 — a published
    // inconsistency, an error.
    let mut spec = ReportSpec::zeros(Format::Format2021, 2023, "长春市体育局");
    spec.sections[0].before.push(
        "（二）依申请公开工作情况。我局高度重视依申请公开事项的答复，严格依法依规做好政府信息依申请公开答复。本年度，共受理政府信息公开申请2件，都在法定期限内予以答复。"
            .into(),
    );
    spec.set_t3_row("new_received", [3, 0, 0, 0, 0, 0]);
    spec.set_t3_row("granted", [3, 0, 0, 0, 0, 0]);
    spec.set_t3_row("results_total", [3, 0, 0, 0, 0, 0]);
    let r = run(&spec);
    let f = only(&r, "TX.NEW");
    assert_eq!(f.severity, Severity::Error);
    assert!(
        f.message
            .starts_with("正文写 2 件（“共受理政府信息公开申请2件”），表三")
            && f.message.contains("总计为 3 件"),
        "{}",
        f.message
    );
}

#[test]
fn negatives_give_nothing() {
    let spec = with_prose(
        ReportSpec::zeros_2021(),
        &[
            "依申请公开按时答复率为100%，较2020年提高5个百分点。",
            "2020年收到政府信息公开申请30件，2019年收到25件。",
            "历年累计受理政府信息公开申请120件。",
            "全年主动公开政府信息1277条，微信公众号发布信息144条。",
            "行政事业性收费共计300万元。",
            "根据《条例》第二十条第（一）项，于2022年1月20日前发布。",
        ],
    );
    let r = run(&spec);
    assert!(tx(&r).is_empty(), "{:#?}", tx(&r));
}

#[test]
fn text_location_names_the_paragraph_and_the_characters_of_the_statement() {
    let spec = mutated("共办结17件", "共办结18件");
    let bytes = spec.to_bytes();
    let r = check_bytes(&bytes);
    let f = only(&r, "TX.DONE");
    let (p, start, end, sentence) = text_location(&f);
    let paragraphs = paragraph_xml(&bytes);
    let para = CONSISTENT[0].replace("共办结17件", "共办结18件");
    assert!(
        paragraphs[p].contains(&para),
        "w:p #{p} is {}",
        paragraphs[p]
    );
    let chars: Vec<char> = para.chars().collect();
    assert_eq!(chars[start..end].iter().collect::<String>(), "共办结18件");
    assert!(para.contains(&sentence) && sentence.contains("共办结18件"));
    // The JSON carries both locations, the cell first.
    let v = serde_json::to_value(&r).expect("json");
    let j = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["rule"] == "TX.DONE")
        .unwrap()
        .clone();
    assert_eq!(j["locations"][0]["kind"], "cell");
    assert_eq!(j["locations"][1]["kind"], "text");
    assert_eq!(j["locations"][1]["sentence"], serde_json::json!(sentence));
}

#[test]
fn cli_text_prints_the_sentence_under_a_text_finding() {
    let r = run(&mutated("共办结17件", "共办结18件"));
    let out = nianbao::present::text("a.docx", &r);
    let f = only(&r, "TX.DONE");
    let (_, _, _, sentence) = text_location(&f);
    let line = out
        .lines()
        .position(|l| l.contains("TX.DONE"))
        .expect("finding line");
    let next = out.lines().nth(line + 1).unwrap_or("");
    assert_eq!(next.trim(), format!("正文：{sentence}"), "{out}");
}

/// (subject, number) of each claim, in document order.
type SubjectsAndNumbers = Vec<(Subject, Option<i64>)>;

fn seed(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/samples/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("seed")
}

fn claims_of(bytes: &[u8]) -> Vec<nianbao::inspect::report::narrative::Claim> {
    let limits = nianbao::Limits::default();
    let pkg = nianbao::inspect::intake::open(bytes, &limits).expect("open");
    let doc = nianbao::inspect::docx::parse(&pkg.main_xml, pkg.styles_xml.as_deref(), &limits)
        .expect("parse");
    nianbao::inspect::report::recognise(&doc)
        .expect("report")
        .claims
}

#[test]
fn seeds_give_what_the_spec_lists() {
    // §2.7: 000 许可 5 / 处罚 8 = "5件行政许可…8件行政处罚"; 001 "收到公开信息申请1条" = 1;
    // 002/003/004 "无依申请公开内容" / "没有接到…" / "未收到…" consistent with 一 = 0.
    let expect: [(&str, SubjectsAndNumbers); 5] = [
        (
            "seed_000.docx",
            vec![
                (Subject::Active(Active::License), Some(5)),
                (Subject::Active(Active::Penalty), Some(8)),
            ],
        ),
        (
            "seed_001.docx",
            vec![
                (Subject::NewApplications, Some(1)),
                (Subject::FeeNone, None),
            ],
        ),
        (
            "seed_002.docx",
            vec![(Subject::NoneReceived, None), (Subject::FeeNone, None)],
        ),
        (
            "seed_003.docx",
            vec![
                (Subject::NoneReceived, None),
                (Subject::NoneReceived, None),
                (Subject::FeeNone, None),
                (Subject::NoCase(CaseKind::Both), None),
            ],
        ),
        (
            "seed_004.docx",
            vec![
                (Subject::NoneReceived, None),
                (Subject::FeeNoticesNone, None),
                (Subject::FeeNone, None),
            ],
        ),
    ];
    for (name, want) in expect {
        let bytes = seed(name);
        let got: Vec<(Subject, Option<i64>)> = claims_of(&bytes)
            .iter()
            .map(|c| (c.subject, c.quantity))
            .collect();
        assert_eq!(got, want, "{name}");
        let r = check_bytes(&bytes);
        assert!(tx(&r).is_empty(), "{name}: {:#?}", tx(&r));
    }
}

#[test]
fn loosely_worded_figures_are_warnings() {
    // 咸阳市秦都区 2024 style: 行政复议/行政诉讼 counts in a sentence that does not say they
    // arose from 政府信息公开 (a government decides and faces other cases too), and 正在办理
    // without 下年度: compared, but only warned about.
    let r = run(&with_prose(
        scenario(),
        &["截至12月底已回复17件，7件正在办理中。行政复议144件，行政诉讼97件。"],
    ));
    let t = tx(&r);
    assert_eq!(t.len(), 3, "{t:#?}");
    assert!(
        t.iter()
            .all(|f| f.rule == "TX.VAGUE" && f.severity == Severity::Warning),
        "{t:#?}"
    );
    // The same counts said of 政府信息公开 are errors.
    let r = run(&with_prose(
        scenario(),
        &["因政府信息公开被申请行政复议144件，被提起行政诉讼97件。"],
    ));
    let t = tx(&r);
    assert_eq!(t.len(), 2, "{t:#?}");
    assert!(t.iter().all(|f| f.severity == Severity::Error), "{t:#?}");
    assert_eq!(t[0].rule, "TX.REV");
    assert_eq!(t[1].rule, "TX.LIT");
    // 未发生被行政复议纠错或行政诉讼败诉情形 (上海市政府办公厅 2025) speaks of corrections: with
    // corrected cases in 表四 it is TX.UPHELD, never TX.NOCASE against the case totals.
    let r = run(&with_prose(
        scenario(),
        &["全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形。"],
    ));
    let t = tx(&r);
    assert!(
        !t.is_empty()
            && t.iter()
                .all(|f| f.rule == "TX.VAGUE" && f.message.contains("结果纠正")),
        "{t:#?}"
    );
}
