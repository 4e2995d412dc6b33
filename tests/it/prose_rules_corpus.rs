//! Every TX rule on real sentences of the prose corpus (tests/fixtures/narrative/corpus.tsv,
//! source of each above it): the sentence in section 一 of an otherwise all-zero report whose
//! tables are filled as the sentence says gives no TX finding at all; the same report with the
//! table changed gives the rule's finding, with the severity spec §2.4 gives it.

use crate::support;

use nianbao::{check_bytes, Severity, Status};
use support::report::*;

/// Table 三 cells: a row key and its six addends (the 总计 is their sum).
type Rows<'a> = &'a [(&'a str, [i64; 6])];

/// Report of `year` with `sentence` opening section 一, table 三 rows `t3`, table 四 cells `t4`
/// and table 二 cells `t2` (row label, column, text); its TX findings as (rule, severity,
/// message).
fn tx(
    year: i32,
    sentence: &str,
    t3: Rows,
    t4: &[(&str, &str)],
    t2: &[(&str, usize, &str)],
) -> Vec<(String, Severity, String)> {
    let mut spec = ReportSpec::zeros(Format::Format2021, year, "某某县人民政府办公室");
    spec.sections[0].before.insert(0, sentence.to_string());
    for (key, addends) in t3 {
        spec.set_t3_row(key, *addends);
    }
    for (key, text) in t4 {
        spec.set_t4(key, text);
    }
    for (row, col, text) in t2 {
        spec.set_t2(row, *col, text);
    }
    let r = check_bytes(&spec.to_bytes());
    assert_eq!(r.status, Status::Checked, "rejected: {:?}", r.rejection);
    r.findings
        .iter()
        .filter(|f| f.rule.as_str().starts_with("TX."))
        .map(|f| (f.rule.as_str().to_string(), f.severity, f.message.clone()))
        .collect()
}

/// The finding of `rule` among `found`, with its severity.
fn one<'a>(
    found: &'a [(String, Severity, String)],
    rule: &str,
    severity: Severity,
) -> &'a (String, Severity, String) {
    let f = found
        .iter()
        .find(|f| f.0 == rule)
        .unwrap_or_else(|| panic!("no {rule} in {found:#?}"));
    assert_eq!(f.1, severity, "{f:?}");
    f
}

fn n(v: i64) -> [i64; 6] {
    [v, 0, 0, 0, 0, 0]
}

// source: http://www.gangu.gov.cn/info/2381/644672.htm (甘谷县人民政府办公室 2024)
const GANGU: &str = "(二)依申请公开。2024年,我办共收到公开政府信息申请1件,已全部答复,办结率100%。";

#[test]
fn tx_new_and_newcarry() {
    let agree = [
        ("new_received", n(1)),
        ("granted", n(1)),
        ("results_total", n(1)),
    ];
    assert_eq!(tx(2024, GANGU, &agree, &[], &[]), vec![]);
    let two = [
        ("new_received", n(2)),
        ("granted", n(2)),
        ("results_total", n(2)),
    ];
    let f = tx(2024, GANGU, &two, &[], &[]);
    assert!(one(&f, "TX.NEW", Severity::Error)
        .2
        .starts_with("正文写 1 件"));
    // The same 1 equals this year's 0 plus last year's 1: the carry-over counted as received.
    let carry = [
        ("carried_over", n(1)),
        ("granted", n(1)),
        ("results_total", n(1)),
    ];
    let f = tx(2024, GANGU, &carry, &[], &[]);
    one(&f, "TX.NEWCARRY", Severity::Warning);
    // source: https://www.tjhd.gov.cn/zwgk/zfxxgk/zfxxgkqjjg/qzfbgs/zfxxgknb43/202401/t20240117_6511922.html
    // (天津市河东区人民政府办公室 2023): 答复 94 件（含上年度结转申请 2 件）says so, and agrees.
    let s = "2023年区政府办公室代表区政府共受理政府信息公开申请92件,答复94件(含上年度结转申请2件),均在法定期限内予以答复。";
    let t = [
        ("new_received", n(92)),
        ("carried_over", n(2)),
        ("granted", n(94)),
        ("results_total", n(94)),
    ];
    assert_eq!(tx(2023, s, &t, &[], &[]), vec![]);
}

// source: http://www.tchuan.gov.cn/xxgk-show-43241.html (达州市通川区统计局 2024)
#[test]
fn tx_done() {
    let s = "2024年,我局共受理政府信息公开1件,办结1件。";
    let agree = [
        ("new_received", n(1)),
        ("granted", n(1)),
        ("results_total", n(1)),
    ];
    assert_eq!(tx(2024, s, &agree, &[], &[]), vec![]);
    let more = [
        ("new_received", n(2)),
        ("granted", n(2)),
        ("results_total", n(2)),
    ];
    let f = tx(2024, s, &more, &[], &[]);
    assert!(one(&f, "TX.DONE", Severity::Error)
        .2
        .starts_with("正文写 1 件"));
    one(&f, "TX.NEW", Severity::Error);
    // 办结 equal to this year's receipts while the results count the carry-over too: the
    // sentence may call every received application concluded, a warning.
    let carried = [
        ("new_received", n(1)),
        ("carried_over", n(2)),
        ("granted", n(3)),
        ("results_total", n(3)),
    ];
    let f = tx(2024, s, &carried, &[], &[]);
    assert!(f.iter().all(|x| x.0 != "TX.DONE"), "{f:#?}");
    one(&f, "TX.VAGUE", Severity::Warning);
}

// source: http://www.qxn.gov.cn/zfxxgk/zfxxgknb/2022n/xs/202303/t20230320_78593121.html (兴仁市人民政府 2022)
const XINGREN: &str = "2022年,共收到10件依申请公开请求,2021年结转政府信息公开申请2件,共办结10件,结转2023年度继续办理2件;全市发生政府信息公开行政复议案件1起。";

#[test]
fn tx_carryin_and_carryout() {
    let agree = [
        ("new_received", n(10)),
        ("carried_over", n(2)),
        ("granted", n(10)),
        ("results_total", n(10)),
        ("carried_forward", n(2)),
    ];
    let case = [("review.upheld", "1"), ("review.total", "1")];
    assert_eq!(tx(2022, XINGREN, &agree, &case, &[]), vec![]);
    let other = [
        ("new_received", n(10)),
        ("carried_over", n(3)),
        ("granted", n(10)),
        ("results_total", n(10)),
        ("carried_forward", n(3)),
    ];
    let f = tx(2022, XINGREN, &other, &case, &[]);
    assert!(one(&f, "TX.CARRYIN", Severity::Error)
        .2
        .starts_with("正文写 2 件"));
    assert!(one(&f, "TX.CARRYOUT", Severity::Error)
        .2
        .starts_with("正文写 2 件"));
}

// source: http://www.yj.gov.cn/art/2024/1/16/art_1229779591_86714.html (永嘉县溪下乡 2023, holdout)
#[test]
fn tx_none() {
    let s = "2023年度溪下乡未收到政府信息公开申请。";
    assert_eq!(tx(2023, s, &[], &[], &[]), vec![]);
    let one_app = [
        ("new_received", n(1)),
        ("granted", n(1)),
        ("results_total", n(1)),
    ];
    one(&tx(2023, s, &one_app, &[], &[]), "TX.NONE", Severity::Error);
}

// source: https://miluo.gov.cn/25221/25222/26735/26736/27205/content_2267980.html (汨罗市人民政府 2024)
#[test]
fn tx_alldone() {
    let s = "2024年,全市共收到依申请公开政府信息38件,已全部办结,无结转下年度继续办理件,对符合规定的政府信息公开申请,均在法定时限内予以答复。";
    let agree = [
        ("new_received", n(38)),
        ("granted", n(38)),
        ("results_total", n(38)),
    ];
    assert_eq!(tx(2024, s, &agree, &[], &[]), vec![]);
    let carried = [
        ("new_received", n(38)),
        ("granted", n(37)),
        ("results_total", n(37)),
        ("carried_forward", n(1)),
    ];
    let f = tx(2024, s, &carried, &[], &[]);
    one(&f, "TX.ALLDONE", Severity::Warning);
    one(&f, "TX.CARRYOUT", Severity::Error);
}

// source: http://www-qinzhou-gov-cn.njmu.s5.bt8.net/zfxxgk/qzszfxxgkpt/qzsrmzfbgs/zfxxgknb_5/t19555553.shtml
// (钦州市人民政府办公室 2024, as mirrored there)
const QINZHOU: &str = "2024年,我办共受理依申请公开事项36件(其中:自然人申请32件、企业申请2件、其他组织申请2件),上年结转7件,予以公开3件、部分公开24件、无法提供12件、结转下年度办理4件。";

fn qinzhou(granted: i64, partial: i64) -> Vec<(String, Severity, String)> {
    let t = [
        ("new_received", [32, 2, 0, 0, 0, 2]),
        ("carried_over", n(7)),
        ("granted", n(granted)),
        ("partially_granted", n(partial)),
        ("unable_1", n(12)),
        ("results_total", n(granted + partial + 12)),
        ("carried_forward", n(4)),
    ];
    tx(2024, QINZHOU, &t, &[], &[])
}

#[test]
fn tx_break_and_applicant_columns() {
    assert_eq!(qinzhou(3, 24), vec![]);
    let f = qinzhou(4, 23);
    let breaks: Vec<_> = f.iter().filter(|x| x.0 == "TX.BREAK").collect();
    assert_eq!(breaks.len(), 2, "{f:#?}");
    assert!(breaks.iter().all(|x| x.1 == Severity::Error));
}

// source: https://www.chinafuning.gov.cn/single/283/72295.html (秦皇岛市抚宁区人民政府办公室 2025)
#[test]
fn tx_rev() {
    let s = "信息公开行政复议案件3件,维持1件,纠正1件,撤销复议申请1件。";
    let agree = [
        ("review.upheld", "1"),
        ("review.corrected", "1"),
        ("review.other", "1"),
        ("review.total", "3"),
    ];
    assert_eq!(tx(2025, s, &[], &agree, &[]), vec![]);
    let four = [
        ("review.upheld", "1"),
        ("review.corrected", "1"),
        ("review.other", "1"),
        ("review.pending", "1"),
        ("review.total", "4"),
    ];
    let f = tx(2025, s, &[], &four, &[]);
    assert!(one(&f, "TX.REV", Severity::Error)
        .2
        .starts_with("正文写 3 件"));
}

// source: http://www.qdh.gov.cn/art/2025/1/17/art_1229232183_4327681.html (淳安县人民政府办公室 2024):
// the year inside （其中1件为2023年信息公开件） does not make the figures after it last year's.
const CHUNAN: &str = "2024年,共收到依申请公开件32件,办结31件,新发生行政复议案件2件(其中1件为2023年信息公开件),结果维持1件、被纠错1件;新发生行政诉讼案件1件,未审结1件。";

#[test]
fn tx_lit() {
    let t3 = [
        ("new_received", n(32)),
        ("granted", n(31)),
        ("results_total", n(31)),
        ("carried_forward", n(1)),
    ];
    let review = [
        ("review.upheld", "1"),
        ("review.corrected", "1"),
        ("review.total", "2"),
    ];
    let mut agree = review.to_vec();
    agree.extend([
        ("litigation_direct.pending", "1"),
        ("litigation_direct.total", "1"),
    ]);
    assert_eq!(tx(2024, CHUNAN, &t3, &agree, &[]), vec![]);
    let mut two = review.to_vec();
    two.extend([
        ("litigation_direct.upheld", "1"),
        ("litigation_direct.pending", "1"),
        ("litigation_direct.total", "2"),
    ]);
    let f = tx(2024, CHUNAN, &t3, &two, &[]);
    assert!(one(&f, "TX.LIT", Severity::Error)
        .2
        .starts_with("正文写 1 件"));
    // Equal to one of the two columns only: the text may have left one out, a warning.
    let mut split = agree.clone();
    split.extend([
        ("litigation_after_review.upheld", "1"),
        ("litigation_after_review.total", "1"),
    ]);
    let f = tx(2024, CHUNAN, &t3, &split, &[]);
    assert!(f.iter().all(|x| x.0 != "TX.LIT"), "{f:#?}");
    one(&f, "TX.PARTIAL", Severity::Warning);
    // 结果维持 1 件 (the review part) is read as this year's and compared.
    let corrected_two = [
        ("review.corrected", "2"),
        ("review.total", "2"),
        ("litigation_direct.pending", "1"),
        ("litigation_direct.total", "1"),
    ];
    let f = tx(2024, CHUNAN, &t3, &corrected_two, &[]);
    one(&f, "TX.REV", Severity::Error);
}

// source: https://www.tjhd.gov.cn/zwgk/zfxxgk/zfxxgkqjjg/qzfbgs/zfxxgknb43/202401/t20240117_6511922.html
// (天津市河东区人民政府办公室 2023)
#[test]
fn tx_upheld() {
    let s = "信息公开类行政复议5件、行政诉讼1件,均为结果维持。";
    let lit = [
        ("litigation_direct.upheld", "1"),
        ("litigation_direct.total", "1"),
    ];
    let mut agree = vec![("review.upheld", "5"), ("review.total", "5")];
    agree.extend(lit);
    assert_eq!(tx(2023, s, &[], &agree, &[]), vec![]);
    let mut corrected = vec![
        ("review.upheld", "4"),
        ("review.corrected", "1"),
        ("review.total", "5"),
    ];
    corrected.extend(lit);
    let f = tx(2023, s, &[], &corrected, &[]);
    one(&f, "TX.UPHELD", Severity::Error);
}

// source: https://www.shengsi.gov.cn/art/2025/1/22/art_1229670702_98847.html (嵊泗县人民政府办公室 2024)
#[test]
fn tx_nocase() {
    let s = "2024 年,县政府办公室共收到信息公开申请7件,办理答复8件(其中1 件为去年结转),答复率100%,未发生因政府信息公开引起的行政复议、行政诉讼。";
    let t3 = [
        ("new_received", n(7)),
        ("carried_over", n(1)),
        ("granted", n(8)),
        ("results_total", n(8)),
    ];
    assert_eq!(tx(2024, s, &t3, &[], &[]), vec![]);
    let case = [("review.upheld", "1"), ("review.total", "1")];
    one(&tx(2024, s, &t3, &case, &[]), "TX.NOCASE", Severity::Error);
}

// source: http://ptshed.com/zfxxgk/zfxxgknb/qxnb/kfq/202502/t20250214_11747714.html (长沙市开福区 2024,
// as mirrored there; the stored copy ends after 不予)
#[test]
fn tx_partial() {
    let s = "予以公开及部分公开125件,占42.1%;不予";
    let t = |granted: i64, partial: i64| {
        [
            ("new_received", n(granted + partial)),
            ("granted", n(granted)),
            ("partially_granted", n(partial)),
            ("results_total", n(granted + partial)),
        ]
    };
    assert_eq!(tx(2024, s, &t(100, 25), &[], &[]), vec![]);
    let f = tx(2024, s, &t(125, 3), &[], &[]);
    assert!(one(&f, "TX.PARTIAL", Severity::Warning)
        .2
        .contains("只等于“（一）予以公开”"));
}

// source: http://www.shpt.gov.cn/shpt/tjsj-tjsjzhzwqfbzfwj2021/20220725/847939.html (上海市普陀区 2022
// 上半年, holdout): a part of the year, never an error; a warning only when larger than the whole.
#[test]
fn tx_vague() {
    let s = "2022年上半年,全区各行政机关共受理政府信息公开申请267件,答复263件,申请量比2021年同期上升1.52%。";
    let t = |new: i64| {
        [
            ("new_received", n(new)),
            ("granted", n(new)),
            ("results_total", n(new)),
        ]
    };
    assert_eq!(tx(2022, s, &t(500), &[], &[]), vec![]);
    let f = tx(2022, s, &t(100), &[], &[]);
    assert!(!f.is_empty());
    assert!(f.iter().all(|x| x.1 == Severity::Warning), "{f:#?}");
    one(&f, "TX.VAGUE", Severity::Warning);
}

// source: http://wap.yancheng.gov.cn/art/2024/3/7/art_44754_4162637.html (盐城市人民政府 2023)
#[test]
fn tx_active() {
    let s = "(一)主动公开方面。推动落实信息发布、政策解读和政务舆情回应主体责任,紧紧围绕中心、服务大局,全面细化公开要求,2023年全市制定发布规章6部,行政规范性文件181件。";
    let agree = [("规章", 0, "6"), ("行政规范性文件", 0, "181")];
    assert_eq!(tx(2023, s, &[], &[], &agree), vec![]);
    let other = [("规章", 0, "6"), ("行政规范性文件", 0, "180")];
    let f = tx(2023, s, &[], &[], &other);
    assert!(one(&f, "TX.ACTIVE", Severity::Warning)
        .2
        .starts_with("正文写 181 件"));
}

// source: http://www.pj.gov.cn/art/2023/1/16/art_1229198604_4053542.html (浦江县卫生健康局 2022, holdout)
#[test]
fn tx_fee() {
    let s = "二是依申请公开。截至12月31日,本年度我局未发出政府信息处理费收费通知书,不存在收取信息处理费的情况。";
    assert_eq!(tx(2022, s, &[], &[], &[]), vec![]);
    let unpaid = [
        ("new_received", n(1)),
        ("other_2", n(1)),
        ("results_total", n(1)),
    ];
    one(&tx(2022, s, &unpaid, &[], &[]), "TX.FEE", Severity::Warning);
}
